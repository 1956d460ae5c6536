package ui

import (
	"context"
	"io"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
)

// prefCSVSemicolon says whether lists are saved as CSV with semicolons
// (French Excel) rather than commas.
const prefCSVSemicolon = "csvSemicolon"

// listExportStore is what the Lists tab reads and writes.
type listExportStore interface {
	export.ListStore
	listPresetStore
	ListPresets(ctx context.Context) ([]data.ListPreset, error)
	DeleteListPreset(ctx context.Context, id int64) error
	Categories(ctx context.Context) ([]data.Category, error)
	Regions(ctx context.Context) ([]string, error)
	CountParticipants(ctx context.Context, q data.ParticipantQuery) (int, error)
}

// listExport is the Lists tab of the exports screen: the lists kept in the
// file ("caterer list": chosen columns and who), created, edited and
// deleted here, each saved as a workbook or as CSV.
type listExport struct {
	env   *env
	store listExportStore
	prefs fyne.Preferences
	saver *exportSaver

	// What loadAsync read. UI thread only.
	presets []data.ListPreset
	cats    []data.Category
	days    []data.Day
	regions []string

	preset            *widget.Select
	settingPresets    bool // the options are being replaced, not chosen
	edit, del         *widget.Button
	columns, who      *widget.Label
	count             *widget.Label
	semicolon         *widget.Check
	saveXLSX, saveCSV *widget.Button
	status            *exportStatus
	form              *listPresetForm // the form opened last
	box               *fyne.Container
	scroll            *container.Scroll
	latest            atomic.Uint64 // numbers the counts; older ones are dropped
}

func newListExport(e *env, st listExportStore, prefs fyne.Preferences, saver *exportSaver) *listExport {
	return &listExport{env: e, store: st, prefs: prefs, saver: saver}
}

func (l *listExport) build() fyne.CanvasObject {
	about := widget.NewLabel(lang.L("A list has the columns you choose, for the people you choose (the caterer's, the hotel's…). Lists are kept in the congress file."))
	about.Wrapping = fyne.TextWrapWord
	l.preset = widget.NewSelect(nil, l.onPresetChanged)
	l.preset.PlaceHolder = lang.L("No list yet: create one with New…")
	add := widget.NewButtonWithIcon(lang.L("New…"), theme.ContentAddIcon(), l.onNewTapped)
	l.edit = widget.NewButtonWithIcon(lang.L("Edit…"), theme.DocumentCreateIcon(), l.onEditTapped)
	l.del = widget.NewButtonWithIcon(lang.L("Delete…"), theme.DeleteIcon(), l.onDeleteTapped)

	l.columns, l.who, l.count = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	l.columns.Wrapping, l.who.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	l.count.TextStyle.Bold = true

	l.semicolon = widget.NewCheck(lang.L("Separated by semicolons (French Excel)"), func(on bool) {
		l.prefs.SetBool(prefCSVSemicolon, on)
	})
	l.semicolon.SetChecked(l.prefs.BoolWithFallback(prefCSVSemicolon, uiLanguage() == "fr"))
	l.saveXLSX = widget.NewButtonWithIcon(lang.L("Save as XLSX…"), theme.DocumentSaveIcon(), l.onSaveXLSXTapped)
	l.saveXLSX.Importance = widget.HighImportance
	l.saveCSV = widget.NewButtonWithIcon(lang.L("Save as CSV…"), theme.DocumentSaveIcon(), l.onSaveCSVTapped)
	l.status = newExportStatus(l.env.tasks)

	form := widget.NewForm(
		widget.NewFormItem(lang.L("List"), container.NewBorder(nil, nil, nil,
			container.NewHBox(add, l.edit, l.del), l.preset)),
		widget.NewFormItem(lang.L("Columns"), l.columns),
		widget.NewFormItem(lang.L("Who"), l.who),
		widget.NewFormItem(lang.L("CSV"), l.semicolon),
	)
	l.box = container.NewVBox(sectionTitle(lang.L("Lists")), keepLastWords(about), form, l.count,
		container.NewHBox(l.saveXLSX, l.saveCSV), l.status.box)
	l.scroll = container.NewVScroll(l.box)
	l.status.changed = l.relayout
	l.showPreset()
	return l.scroll
}

func (l *listExport) relayout() {
	l.box.Refresh()
	l.scroll.Refresh()
}

// loadAsync reads the lists and what their filters offer, keeping the list
// chosen.
func (l *listExport) loadAsync() { l.reloadAsync(l.presetName()) }

// reloadAsync reads the lists and chooses the one named name.
func (l *listExport) reloadAsync(name string) {
	l.env.tasks.runAsync(l.env.ctx, func(ctx context.Context) func() {
		presets, err := l.store.ListPresets(ctx)
		var cats []data.Category
		var regions []string
		var c data.Congress
		if err == nil {
			cats, err = l.store.Categories(ctx)
		}
		if err == nil {
			regions, err = l.store.Regions(ctx)
		}
		if err == nil {
			c, err = l.store.Congress(ctx)
		}
		return func() {
			if err != nil {
				showError(l.env.win, err)
				return
			}
			l.presets, l.cats, l.regions, l.days = presets, cats, regions, c.Days
			l.setPresets(name)
		}
	})
}

// setPresets offers the lists, choosing the one named name (or else the
// first).
func (l *listExport) setPresets(name string) {
	names := make([]string, len(l.presets))
	chosen := -1
	for i, p := range l.presets {
		names[i] = p.Name
		if p.Name == name {
			chosen = i
		}
	}
	if chosen < 0 && len(names) > 0 {
		chosen = 0
	}
	l.settingPresets = true
	l.preset.SetOptions(names)
	if chosen >= 0 {
		l.preset.SetSelectedIndex(chosen)
	} else {
		l.preset.ClearSelected()
	}
	l.settingPresets = false
	l.showPreset()
}

// presetName is the name of the list chosen, "" for none.
func (l *listExport) presetName() string {
	if l.preset == nil {
		return ""
	}
	return l.preset.Selected
}

// chosen is the list chosen; false when there is none.
func (l *listExport) chosen() (data.ListPreset, bool) {
	i := l.preset.SelectedIndex()
	if i < 0 || i >= len(l.presets) {
		return data.ListPreset{}, false
	}
	return l.presets[i], true
}

func (l *listExport) onPresetChanged(string) {
	if !l.settingPresets {
		l.status.clear()
		l.showPreset()
	}
}

// showPreset describes the list chosen and counts its people.
func (l *listExport) showPreset() {
	p, ok := l.chosen()
	for _, b := range []fyne.Disableable{l.edit, l.del, l.saveXLSX, l.saveCSV} {
		enableIf(b, ok)
	}
	enableIf(l.preset, len(l.presets) > 0)
	if !ok {
		l.columns.SetText("—")
		l.who.SetText("—")
		l.count.SetText("")
		l.relayout()
		return
	}
	labels := map[string]string{}
	for _, c := range data.ListColumns() {
		labels[c.Key] = listColumnLabel(c)
	}
	names := make([]string, len(p.Columns))
	for i, key := range p.Columns {
		names[i] = labels[key]
	}
	l.columns.SetText(strings.Join(names, ", "))
	l.who.SetText(l.describe(p.Filter))
	l.relayout()
	n := l.latest.Add(1)
	latestAsync(l.env, &l.latest, n, func(ctx context.Context) (int, error) {
		return l.store.CountParticipants(ctx, p.Filter) // a count, not the list
	}, func(count int) {
		l.count.SetText(lang.N("{{.Count}} participants", count, map[string]any{"Count": formatCount(count)}))
		l.relayout()
	})
}

// describe says whom a list's filter selects, in which order.
func (l *listExport) describe(q data.ParticipantQuery) string {
	var parts []string
	if q.Search != "" {
		parts = append(parts, lang.L("matching “{{.Text}}”", map[string]any{"Text": q.Search}))
	}
	if q.CategoryID != 0 {
		name := lang.L("a category that no longer exists")
		for _, c := range l.cats {
			if c.ID == q.CategoryID {
				name = c.Name
			}
		}
		parts = append(parts, name)
	}
	if q.Status != "" {
		parts = append(parts, statusLabel(q.Status))
	}
	if q.Day != "" {
		parts = append(parts, dayLong(q.Day))
	}
	if q.Region != "" {
		parts = append(parts, q.Region)
	}
	switch q.CheckedIn {
	case data.Yes:
		parts = append(parts, lang.L("Checked in"))
	case data.No:
		parts = append(parts, lang.L("Not checked in"))
	}
	switch q.BadgePrinted {
	case data.Yes:
		parts = append(parts, lang.L("Badge printed"))
	case data.No:
		parts = append(parts, lang.L("No badge yet"))
	}
	if q.SkipCancelled {
		parts = append(parts, lang.L("cancelled registrations left out"))
	}
	who := lang.L("Everyone")
	if len(parts) > 0 {
		who = strings.Join(parts, " · ")
	}
	return who + " — " + strings.ToLower(listSortLabel(q.Sort))
}

// onNewTapped opens the form of a new list: the names, organisations and
// categories of those not cancelled, by name, to start from.
func (l *listExport) onNewTapped() {
	l.openForm(data.ListPreset{Columns: []string{"last_name", "first_name", "organisation", "category"},
		Filter: data.ParticipantQuery{SkipCancelled: true, Sort: data.SortName}})
}

// onEditTapped opens the form of the list chosen.
func (l *listExport) onEditTapped() {
	if p, ok := l.chosen(); ok {
		l.openForm(p)
	}
}

func (l *listExport) openForm(p data.ListPreset) {
	l.form = newListPresetForm(l.env, l.store, p, l.cats, l.days, l.regions, func(saved data.ListPreset) {
		l.status.clear()
		l.reloadAsync(saved.Name)
	})
	l.form.show()
}

// onDeleteTapped deletes the list chosen, once confirmed.
func (l *listExport) onDeleteTapped() {
	p, ok := l.chosen()
	if !ok {
		return
	}
	askConfirm(l.env.win, lang.L("Delete the list?"),
		lang.L("The list “{{.Name}}” will be deleted; the participants stay.", map[string]any{"Name": p.Name}),
		func(ok bool) {
			if ok {
				l.deleteAsync(p)
			}
		})
}

func (l *listExport) deleteAsync(p data.ListPreset) {
	l.env.tasks.runAsync(l.env.ctx, func(ctx context.Context) func() {
		err := l.store.DeleteListPreset(ctx, p.ID)
		return func() {
			if err != nil {
				showError(l.env.win, err)
			}
			l.status.clear()
			l.reloadAsync("")
		}
	})
}

// onSaveXLSXTapped saves the list chosen as a workbook.
func (l *listExport) onSaveXLSXTapped() {
	p, ok := l.chosen()
	if !ok {
		return
	}
	opts := export.WorkbookOptions{Version: appVersion()}
	l.saver.save("list "+p.Name, lang.L("Save the list as XLSX"), lang.L("Saving the list…"), p.Name, ".xlsx",
		func(ctx context.Context, w io.Writer, progress func(done, total int)) error {
			in, err := export.LoadList(ctx, l.store, p)
			if err != nil {
				return err
			}
			opts.Lang, opts.Progress = in.Lang, progress
			return export.WriteListXLSX(ctx, w, in, opts)
		}, l.status.saved)
}

// onSaveCSVTapped saves the list chosen as CSV, with semicolons or commas.
func (l *listExport) onSaveCSVTapped() {
	p, ok := l.chosen()
	if !ok {
		return
	}
	opts := export.CSVOptions{Separator: ','}
	if l.semicolon.Checked {
		opts.Separator = ';'
	}
	l.saver.save("list "+p.Name, lang.L("Save the list as CSV"), lang.L("Saving the list…"), p.Name, ".csv",
		func(ctx context.Context, w io.Writer, progress func(done, total int)) error {
			in, err := export.LoadList(ctx, l.store, p)
			if err != nil {
				return err
			}
			opts.Lang, opts.Progress = in.Lang, progress
			return export.WriteListCSV(ctx, w, in, opts)
		}, l.status.saved)
}
