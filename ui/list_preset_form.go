package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// listPresetStore is what the list preset form reads and writes.
type listPresetStore interface {
	SaveListPreset(ctx context.Context, p *data.ListPreset) error
}

// listSorts are the orders a list offers, in the order of its options.
var listSorts = []data.SortBy{data.SortName, data.SortOrganisation, data.SortCategory, data.SortStatus, data.SortCreated}

// listSortLabel is an order as the options say it.
func listSortLabel(s data.SortBy) string {
	switch s {
	case data.SortOrganisation:
		return lang.L("By organisation")
	case data.SortCategory:
		return lang.L("By category")
	case data.SortStatus:
		return lang.L("By status")
	case data.SortCreated:
		return lang.L("By registration date")
	}
	return lang.L("By last name")
}

// listColumnLabel is a list's column in the interface's language.
func listColumnLabel(c data.ListColumn) string {
	if uiLanguage() == "fr" {
		return c.LabelFR
	}
	return c.LabelEN
}

// presetColumn is a column of the list form: ticked, it is in the list, at
// its place among the ticked ones, which come first.
type presetColumn struct {
	key      string
	check    *widget.Check
	up, down *widget.Button
	row      fyne.CanvasObject
}

// listPresetForm creates or edits a list preset in a dialog: its name, its
// columns (ticked, and put in order with the arrows) and who it lists (the
// participant filters, leaving out cancelled registrations or not, and an
// order). Search words and a descending order, which only the file can
// hold for now, are kept as they are. UI thread only.
type listPresetForm struct {
	env     *env
	store   listPresetStore
	preset  data.ListPreset // as read; ID 0 for a new list
	onSaved func(data.ListPreset)

	name          *widgets.Entry
	columns       []*presetColumn // ticked first, in the list's order
	columnBox     *fyne.Container
	filters       participantFilters
	skipCancelled *widget.Check
	sort          *widget.Select
	errs          *inlineErrors
	dialog        *formDialog
	saved         data.ListPreset // as saved, with its ID
}

// newListPresetForm makes the form of p (ID 0: a new list), offering the
// file's categories, days and regions in its filter.
func newListPresetForm(e *env, st listPresetStore, p data.ListPreset, cats []data.Category, days []data.Day,
	regions []string, onSaved func(data.ListPreset)) *listPresetForm {
	f := &listPresetForm{env: e, store: st, preset: p, onSaved: onSaved}
	f.name = newFormEntry(p.Name)
	f.name.SetPlaceHolder(lang.L("e.g. Caterer list"))
	f.errs = newInlineErrors("name", "columns")

	all := data.ListColumns()
	byKey := map[string]data.ListColumn{}
	for _, c := range all {
		byKey[c.Key] = c
	}
	for _, key := range p.Columns {
		if c, ok := byKey[key]; ok {
			f.columns = append(f.columns, f.newColumn(c, true))
			delete(byKey, key)
		}
	}
	for _, c := range all {
		if _, ok := byKey[c.Key]; ok {
			f.columns = append(f.columns, f.newColumn(c, false))
		}
	}
	f.columnBox = container.NewVBox()
	f.showColumns()

	f.filters.init(nil)
	f.filters.setChoices(cats, days, regions)
	f.filters.setQuery(p.Filter)
	f.skipCancelled = widget.NewCheck(lang.L("Leave out cancelled registrations"), nil)
	f.skipCancelled.SetChecked(p.Filter.SkipCancelled)
	options := make([]string, len(listSorts))
	for i, s := range listSorts {
		options[i] = listSortLabel(s)
	}
	f.sort = widget.NewSelect(options, nil)
	f.sort.SetSelectedIndex(max(slices.Index(listSorts, p.Filter.Sort), 0))
	return f
}

// newColumn is the row of a column: its tick, and arrows that move it up
// and down among the ticked ones.
func (f *listPresetForm) newColumn(c data.ListColumn, ticked bool) *presetColumn {
	pc := &presetColumn{key: c.Key, check: widget.NewCheck(listColumnLabel(c), nil)}
	pc.check.SetChecked(ticked)
	pc.check.OnChanged = func(bool) { f.onColumnTicked(pc) }
	pc.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.onMoveTapped(pc, -1) })
	pc.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.onMoveTapped(pc, 1) })
	pc.row = container.NewBorder(nil, nil, nil, container.NewHBox(pc.up, pc.down), pc.check)
	return pc
}

// show opens the dialog.
func (f *listPresetForm) show() {
	title := lang.L("New list")
	if f.preset.ID != 0 {
		title = lang.L("List “{{.Name}}”", map[string]any{"Name": f.preset.Name})
	}
	columnsNote := widget.NewLabel(lang.L("Tick the columns of the list; the arrows put them in order."))
	columnsNote.Importance = widget.LowImportance
	columnsNote.Wrapping = fyne.TextWrapWord
	columns := container.NewVScroll(f.columnBox)
	columns.SetMinSize(fyne.NewSize(0, 260))
	grid := container.NewGridWithColumns(3)
	for _, sel := range f.filters.selects() {
		grid.Add(sel)
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), f.errs.under("name", f.name)),
		widget.NewFormItem(lang.L("Columns"), f.errs.under("columns", container.NewBorder(columnsNote, nil, nil, nil, columns))),
		widget.NewFormItem(lang.L("Who"), container.NewVBox(grid, f.skipCancelled)),
		widget.NewFormItem(lang.L("Order"), f.sort),
	)
	f.dialog = newFormDialog(f.env, title, container.NewBorder(f.errs.under("", nil), nil, nil, nil, form),
		f.errs, f.read, f.onDone)
	f.dialog.show(fyne.NewSize(720, 0), f.name)
}

// ticked is how many columns are in the list.
func (f *listPresetForm) ticked() int {
	n := 0
	for _, c := range f.columns {
		if c.check.Checked {
			n++
		}
	}
	return n
}

// onColumnTicked puts a column just ticked last of the list, and one just
// unticked first of the others.
func (f *listPresetForm) onColumnTicked(c *presetColumn) {
	i := slices.Index(f.columns, c)
	f.columns = slices.Delete(f.columns, i, i+1)
	f.columns = slices.Insert(f.columns, f.ticked(), c) // after the ticked ones
	f.showColumns()
}

// onMoveTapped moves a ticked column up (-1) or down (+1) the list.
func (f *listPresetForm) onMoveTapped(c *presetColumn, by int) {
	i := slices.Index(f.columns, c)
	j := i + by
	if j < 0 || j >= f.ticked() || !c.check.Checked {
		return
	}
	f.columns[i], f.columns[j] = f.columns[j], f.columns[i]
	f.showColumns()
}

// showColumns lays the columns out in their order; only the ticked ones
// have arrows.
func (f *listPresetForm) showColumns() {
	n := f.ticked()
	rows := make([]fyne.CanvasObject, len(f.columns))
	for i, c := range f.columns {
		rows[i] = c.row
		showIf(c.up, c.check.Checked)
		showIf(c.down, c.check.Checked)
		enableIf(c.up, i > 0)
		enableIf(c.down, i < n-1)
	}
	f.columnBox.Objects = rows
	f.columnBox.Refresh()
}

// chosen is the list's columns, in order.
func (f *listPresetForm) chosen() []string {
	var keys []string
	for _, c := range f.columns {
		if c.check.Checked {
			keys = append(keys, c.key)
		}
	}
	return keys
}

// read reads the form into the work of saving the preset.
func (f *listPresetForm) read() func(ctx context.Context) error {
	p := data.ListPreset{ID: f.preset.ID, Name: f.name.Text, Columns: f.chosen()}
	q := f.filters.query()
	q.Search, q.Desc = f.preset.Filter.Search, f.preset.Filter.Desc
	q.SkipCancelled = f.skipCancelled.Checked
	q.Sort = listSorts[max(f.sort.SelectedIndex(), 0)]
	p.Filter = q
	return func(ctx context.Context) error {
		err := f.store.SaveListPreset(ctx, &p)
		if err == nil {
			f.saved = p // read by onDone, on the UI thread, after this
		}
		return err
	}
}

// onDone tells of the list saved, once the dialog closed.
func (f *listPresetForm) onDone() {
	if f.onSaved != nil {
		f.onSaved(f.saved)
	}
}
