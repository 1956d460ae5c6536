package ui

import (
	"context"
	"math"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
	"congres/ui/widgets"
)

// badgeSettingsStore is what the badges tab reads and writes.
type badgeSettingsStore interface {
	BadgeSettings(ctx context.Context, layout string) (data.BadgeSettings, error)
	SaveBadgeSettings(ctx context.Context, layout string, b data.BadgeSettings) error
}

// badgeSettingsTab edits, layout by layout, what badges show and how they
// print; the settings are kept in the congress file. Changes are kept in the
// form until Save.
type badgeSettingsTab struct {
	env   *env
	store badgeSettingsStore

	layouts []export.Layout
	layout  *widget.Select
	shown   string // the layout whose settings the form holds, "" before any

	logo, congress, organisation, jobTitle, category, stand, qr *widget.Check
	cutMarks, duplex, shortEdge                                 *widget.Check
	duplexNote                                                  *widget.Label
	offsetX, offsetY                                            *widgets.Entry
	sheet                                                       *badgeSheetFields

	errs   *inlineErrors
	status *widget.Label
	save   *widget.Button
	scroll *container.Scroll
	latest atomic.Uint64 // numbers the reads; older ones are dropped
}

func newBadgeSettingsTab(e *env, st badgeSettingsStore) *badgeSettingsTab {
	return &badgeSettingsTab{env: e, store: st, layouts: export.Presets()}
}

func (s *badgeSettingsTab) build() fyne.CanvasObject {
	labels := make([]string, len(s.layouts))
	for i, l := range s.layouts {
		labels[i] = l.Label(uiLanguage())
	}
	s.layout = widget.NewSelect(labels, nil)
	s.layout.SetSelectedIndex(0)
	s.layout.OnChanged = func(string) { s.loadAsync() }

	check := func(text string) *widget.Check { return widget.NewCheck(text, nil) }
	s.logo = check(lang.L("The congress's logo"))
	s.congress = check(lang.L("The congress's name and dates"))
	s.organisation = check(lang.L("Organisation"))
	s.jobTitle = check(lang.L("Job title"))
	s.category = check(lang.L("The category's band"))
	s.stand = check(lang.L("The stand's number"))
	s.qr = check(lang.L("QR code (the badge code, for the welcome desk)"))
	s.cutMarks = check(lang.L("Cut marks"))
	s.duplex = check(lang.L("Print the person's programme on the back (both sides)"))
	s.duplex.OnChanged = func(bool) { s.showDuplex() }
	s.cutMarks.OnChanged = func(bool) { s.showWarnings() }
	s.sheet = newBadgeSheetFields(s.showWarnings)
	s.shortEdge = check(lang.L("The printer turns the sheet on its short edge"))
	s.duplexNote = widget.NewLabel(lang.L("A fold-over badge carries its programme on its back half: it is printed on one side."))
	s.duplexNote.Importance = widget.LowImportance
	s.duplexNote.Wrapping = fyne.TextWrapWord
	s.offsetX, s.offsetY = widgets.NewEntry(), widgets.NewEntry()
	names := widget.NewLabel(lang.L("First and last names are always printed."))
	names.Importance = widget.LowImportance
	offsetNote := widget.NewLabel(lang.L("Moves everything printed, to make up for a printer that prints off-centre: positive to the right and down, at most 20 mm."))
	offsetNote.Importance = widget.LowImportance
	offsetNote.Wrapping = fyne.TextWrapWord

	s.errs = newInlineErrors(append([]string{"offset_x", "offset_y"}, badgeSheetFieldNames...)...)
	s.status = widget.NewLabel("")
	s.status.Importance = widget.SuccessImportance
	s.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.onSaveTapped)
	s.save.Importance = widget.HighImportance
	undo := widget.NewButtonWithIcon(lang.L("Undo the changes"), theme.ContentUndoIcon(), s.loadAsync)

	mm := func(e *widgets.Entry) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, widget.NewLabel(lang.L("mm")), e)
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Layout"), s.layout),
		// The QR code's long label on a row of its own: in the grid it
		// would double the page's width past a 1024-pixel screen's.
		widget.NewFormItem(lang.L("On the badge"), container.NewVBox(names, container.NewGridWithColumns(2,
			s.logo, s.congress, s.organisation, s.jobTitle, s.category, s.stand), s.qr)),
		widget.NewFormItem(lang.L("Printing"), container.NewVBox(s.cutMarks, s.duplex, s.shortEdge, s.duplexNote)),
		widget.NewFormItem(lang.L("Horizontal offset"), s.errs.under("offset_x", mm(s.offsetX))),
		widget.NewFormItem(lang.L("Vertical offset"), s.errs.under("offset_y", mm(s.offsetY))),
		widget.NewFormItem("", offsetNote),
	)
	for _, it := range s.sheet.items(s.errs, mm) {
		form.AppendItem(it)
	}
	s.scroll = container.NewVScroll(container.NewVBox(s.errs.under("", nil), form,
		container.NewHBox(s.save, undo, s.status)))
	s.errs.changed = s.scroll.Refresh
	return s.scroll
}

// chosen is the layout selected.
func (s *badgeSettingsTab) chosen() export.Layout {
	return s.layouts[max(s.layout.SelectedIndex(), 0)]
}

// loadAsync reads the settings of the layout selected into the form,
// dropping changes not saved.
func (s *badgeSettingsTab) loadAsync() {
	if s.layout == nil {
		return
	}
	name := s.chosen().Name
	n := s.latest.Add(1)
	latestAsync(s.env, &s.latest, n, func(ctx context.Context) (data.BadgeSettings, error) {
		return s.store.BadgeSettings(ctx, name)
	}, func(b data.BadgeSettings) { s.show(name, b) })
}

// show puts the settings of a layout in the form. UI thread.
func (s *badgeSettingsTab) show(layout string, b data.BadgeSettings) {
	s.shown = layout
	s.errs.clear()
	s.status.SetText("")
	for c, v := range s.checks(&b) {
		c.SetChecked(*v)
	}
	s.offsetX.SetText(formatMM(b.OffsetX))
	s.offsetY.SetText(formatMM(b.OffsetY))
	s.sheet.show(b)
	s.showDuplex()
}

// checks pairs each box with the setting it edits.
func (s *badgeSettingsTab) checks(b *data.BadgeSettings) map[*widget.Check]*bool {
	return map[*widget.Check]*bool{
		s.logo: &b.Logo, s.congress: &b.Congress, s.organisation: &b.Organisation, s.jobTitle: &b.JobTitle,
		s.category: &b.Category, s.stand: &b.Stand, s.qr: &b.QR,
		s.cutMarks: &b.CutMarks, s.duplex: &b.Duplex, s.shortEdge: &b.ShortEdge,
	}
}

// showDuplex offers duplex to layouts that can have it (not a fold-over
// badge, not a roll of labels, each saying why), and the short edge to
// duplex ones.
func (s *badgeSettingsTab) showDuplex() {
	l := s.chosen()
	fold := l.Mode == export.FoldOver
	enableIf(s.duplex, !fold && !l.Roll)
	enableIf(s.shortEdge, !fold && !l.Roll && s.duplex.Checked)
	switch {
	case fold:
		s.duplexNote.SetText(lang.L("A fold-over badge carries its programme on its back half: it is printed on one side."))
	case l.Roll:
		s.duplexNote.SetText(lang.L("A roll of labels prints on one side only: choose a sheet layout to print the programme on the back."))
	}
	showIf(s.duplexNote, fold || l.Roll)
	s.sheet.enable(l)
	s.showWarnings()
}

// showWarnings says what the form's settings cannot do on the layout
// chosen, as they are typed: cut marks without room, duplex on a roll.
func (s *badgeSettingsTab) showWarnings() {
	if s.sheet == nil || s.scroll == nil {
		return
	}
	var b data.BadgeSettings
	for c, v := range s.checks(&b) {
		*v = c.Checked
	}
	s.sheet.read(&b, nil)
	s.sheet.warn(s.chosen(), b)
	s.scroll.Refresh()
}

// values reads the form, or says which offset is not a number.
func (s *badgeSettingsTab) values() (data.BadgeSettings, bool) {
	var b data.BadgeSettings
	for c, v := range s.checks(&b) {
		*v = c.Checked
	}
	ok := true
	for _, o := range []struct {
		entry *widgets.Entry
		field string
		to    *float64
	}{{s.offsetX, "offset_x", &b.OffsetX}, {s.offsetY, "offset_y", &b.OffsetY}} {
		v, err := parseMM(o.entry.Text)
		if err != nil {
			s.errs.set(o.field, lang.L("Enter a number of millimetres, such as 1.5 or -2."))
			ok = false
		}
		*o.to = v
	}
	ok = s.sheet.read(&b, s.errs) && ok
	return b, ok
}

// onSaveTapped saves the form's settings for its layout.
func (s *badgeSettingsTab) onSaveTapped() {
	s.errs.clear()
	s.status.SetText("")
	layout := s.shown
	b, ok := s.values()
	if !ok || layout == "" {
		return
	}
	s.save.Disable()
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		err := s.store.SaveBadgeSettings(ctx, layout, b)
		return func() {
			s.save.Enable()
			if err != nil {
				s.errs.show(err)
				return
			}
			if s.shown == layout {
				s.show(layout, b)
				s.status.SetText(lang.L("Saved."))
			}
		}
	})
}

// parseMM reads a length in millimetres, with a point or a comma; empty is 0.
func parseMM(text string) (float64, error) {
	text = strings.TrimSpace(strings.NewReplacer(",", ".", "−", "-", " ", "", "mm", "").Replace(text))
	if text == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(text, 64)
	if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
		err = strconv.ErrRange
	}
	return v, err
}

// formatMM writes a length in millimetres with the language's decimal sign.
func formatMM(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", lang.X("number.decimal", "."), 1)
}

// buildPrinting is the part of the laptop's tab about badges: the printer
// and the layouts used, which belong to this laptop, not to the file.
func (s *settingsScreen) buildPrinting() []fyne.CanvasObject {
	s.printer = widget.NewSelect([]string{lang.L("System default")}, s.onPrinterChanged)
	s.setPrinters(nil)
	layouts := export.Presets()
	labels := make([]string, len(layouts))
	for i, l := range layouts {
		labels[i] = l.Label(uiLanguage())
	}
	layoutSelect := func(key string) *widget.Select {
		sel := widget.NewSelect(labels, nil)
		current := badgeLayout(s.prefs, key)
		for i, l := range layouts {
			if l.Name == current.Name {
				sel.SetSelectedIndex(i)
			}
		}
		sel.OnChanged = func(string) {
			if i := sel.SelectedIndex(); i >= 0 {
				s.prefs.SetString(key, layouts[i].Name)
			}
		}
		return sel
	}
	s.batchLayout = layoutSelect(prefBadgeLayout)
	s.oneLayout = layoutSelect(prefBadgeLayoutOne)
	note := widget.NewLabel(lang.L("Badges go to the printer through the system's printing service; where there is none, they open in the PDF viewer, to be printed from there."))
	note.Importance = widget.LowImportance
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Printer"), s.printer),
		widget.NewFormItem(lang.L("Layout for batches"), s.batchLayout),
		widget.NewFormItem(lang.L("Layout for one badge"), s.oneLayout),
	)
	return []fyne.CanvasObject{sectionTitle(lang.L("Badges")), form, note}
}

// setPrinters offers the system's default and the printers named, and the
// one chosen before even when it is not among them.
func (s *settingsScreen) setPrinters(names []string) {
	chosen := s.prefs.String(prefPrinter)
	options := []string{lang.L("System default")}
	index := 0
	for _, n := range names {
		if n == chosen {
			index = len(options)
		}
		options = append(options, n)
	}
	if chosen != "" && index == 0 {
		index = len(options)
		options = append(options, chosen)
	}
	s.settingPrinters = true
	s.printer.SetOptions(options)
	s.printer.SetSelectedIndex(index)
	s.settingPrinters = false
}

// onPrinterChanged keeps the printer chosen.
func (s *settingsScreen) onPrinterChanged(string) {
	if s.settingPrinters {
		return
	}
	printer := ""
	if i := s.printer.SelectedIndex(); i > 0 {
		printer = s.printer.Options[i]
	}
	s.prefs.SetString(prefPrinter, printer)
}

// loadPrintersAsync asks the system for its printers.
func (s *settingsScreen) loadPrintersAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		names := printers(ctx)
		return func() { s.setPrinters(names) }
	})
}
