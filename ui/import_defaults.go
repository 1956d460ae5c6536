package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// importDefaults are what the import dialog gives new rows the file says
// nothing of: a category, a status, an amount due and days. Each choice
// shows while no column of the file gives its field; the category's also
// while the last check found new rows whose category cell is empty.
type importDefaults struct {
	days       []data.Day
	category   *widget.Select
	status     *widget.Select
	fee        *widget.Entry
	dayChecks  *widget.CheckGroup
	rows       map[data.ImportField]fyne.CanvasObject
	box        *fyne.Container
	categories []data.Category
	mapping    []data.ImportField // the mapping the choices were last shown for
	// emptyCategory: the last check found new rows the file gives no
	// category, though a column is mapped to it (an empty cell).
	emptyCategory bool
}

// importStatuses are the statuses offered, in the order of the select.
var importStatuses = []data.Status{data.StatusPending, data.StatusConfirmed, data.StatusCancelled}

// build makes the choices; changed is called after each change.
func (df *importDefaults) build(categories []data.Category, days []data.Day, changed func()) fyne.CanvasObject {
	df.categories, df.days = categories, days
	var names []string
	for _, c := range categories {
		names = append(names, c.Name)
	}
	df.category = widget.NewSelect(names, nil)
	if len(names) > 0 {
		df.category.SetSelectedIndex(0)
	}
	df.category.OnChanged = func(string) { changed() }
	var statuses []string
	for _, s := range importStatuses {
		statuses = append(statuses, statusLabel(s))
	}
	df.status = widget.NewSelect(statuses, nil)
	df.status.SetSelectedIndex(0)
	df.status.OnChanged = func(string) { changed() }
	df.fee = widget.NewEntry()
	df.fee.SetPlaceHolder(lang.L("0,00")) // 0.00 in English
	df.fee.OnChanged = func(string) { changed() }
	var labels []string
	for _, d := range days {
		labels = append(labels, dayShort(d))
	}
	df.dayChecks = widget.NewCheckGroup(labels, nil)
	df.dayChecks.Horizontal = true
	df.dayChecks.SetSelected(labels)
	df.dayChecks.OnChanged = func([]string) { changed() }
	row := func(label string, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, o)
	}
	df.rows = map[data.ImportField]fyne.CanvasObject{
		data.FieldCategory: row(lang.L("Category"), df.category),
		data.FieldStatus:   row(lang.L("Status"), df.status),
		data.FieldFee:      row(lang.L("Amount due (€)"), df.fee),
		data.FieldDays:     row(lang.L("Days"), df.dayChecks),
	}
	df.box = container.NewVBox(widget.NewLabelWithStyle(lang.L("New people, where the file says nothing:"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true}), df.rows[data.FieldCategory], df.rows[data.FieldStatus], df.rows[data.FieldFee],
		df.rows[data.FieldDays])
	return df.box
}

// showFor shows the choices of the fields no column gives.
func (df *importDefaults) showFor(mapping []data.ImportField) {
	if df.box == nil {
		return
	}
	df.mapping = mapping
	any := false
	for f, o := range df.rows {
		given := slices.Contains(mapping, f) && !(f == data.FieldCategory && df.emptyCategory)
		if given || (f == data.FieldCategory && len(df.categories) == 0) {
			o.Hide()
		} else {
			o.Show()
			any = true
		}
	}
	if any {
		df.box.Show()
	} else {
		df.box.Hide()
	}
}

// showReport shows the category's choice when the check r found new rows
// that give none though the file has a category column.
func (df *importDefaults) showReport(r data.ImportReport) {
	if empty := r.DefaultCategoryRows > 0; empty != df.emptyCategory {
		df.emptyCategory = empty
		df.showFor(df.mapping)
	}
}

// remarkText says, after a space, how many new rows of a file with a
// category column get the default category, their cell being empty; ""
// when none do, or the file has no category column (the choice then
// says it for every new row).
func (df *importDefaults) remarkText(r data.ImportReport) string {
	n := r.DefaultCategoryRows
	if n == 0 || !slices.Contains(df.mapping, data.FieldCategory) {
		return ""
	}
	args := countArgs(n)
	args["Category"] = r.DefaultCategory
	return " " + lang.N("{{.Count}} new people get the category {{.Category}}: the file gives them none.", n, args)
}

// apply puts the choices into opts. An amount that cannot be read is none
// (the entry says so in its validation).
func (df *importDefaults) apply(opts *data.ImportOptions) {
	if df.box == nil {
		return
	}
	if i := df.category.SelectedIndex(); i >= 0 && i < len(df.categories) {
		opts.DefaultCategoryID = df.categories[i].ID
	}
	if i := df.status.SelectedIndex(); i >= 0 && i < len(importStatuses) {
		opts.DefaultStatus = importStatuses[i]
	}
	if t := strings.TrimSpace(df.fee.Text); t != "" {
		if cents, err := data.ParseEurosTyped(t, uiLanguage()); err == nil {
			opts.DefaultFeeCents = cents
		}
	}
	chosen := df.dayChecks.Selected
	if len(chosen) > 0 && len(chosen) < len(df.days) {
		for i, d := range df.days {
			if slices.Contains(chosen, dayShort(df.days[i])) {
				opts.DefaultDays = append(opts.DefaultDays, d)
			}
		}
	}
}
