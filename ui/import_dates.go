package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// importDates asks how the dates of a column are written when they read
// as two congress days (03/02 in a congress of 3 February and 2 March):
// shown once a check finds such a column, or once the user chose.
type importDates struct {
	label *widget.Label
	order *widget.Select
	box   *fyne.Container
}

// importDateOrders are the choices of the select, in order.
var importDateOrders = []data.DateOrder{data.DateDayFirst, data.DateMonthFirst}

func (dt *importDates) build(changed func()) fyne.CanvasObject {
	dt.label = widget.NewLabel("")
	dt.label.Wrapping = fyne.TextWrapWord
	dt.order = widget.NewSelect([]string{lang.L("Day first (03/02 is 3 February)"),
		lang.L("Month first (03/02 is March 2)")}, func(string) { changed() })
	dt.order.PlaceHolder = lang.L("Choose…") // Fyne's own "(Select one)" is English only
	dt.box = container.NewVBox(dt.label, dt.order)
	dt.box.Hide()
	return dt.box
}

// show asks about the columns the report found ambiguous.
func (dt *importDates) show(r data.ImportReport) {
	if dt.box == nil {
		return
	}
	if len(r.AmbiguousDates) == 0 && dt.order.SelectedIndex() < 0 {
		dt.box.Hide()
		return
	}
	if len(r.AmbiguousDates) > 0 {
		open, shut := "“", "”"
		if uiLanguage() == "fr" {
			open, shut = "«", "»"
		}
		dt.label.SetText(lang.L("The dates of {{.Columns}} read as two different congress days. How are they written?",
			map[string]any{"Columns": open + strings.Join(r.AmbiguousDates, shut+", "+open) + shut}))
	}
	dt.box.Show()
}

// apply puts the choice into opts.
func (dt *importDates) apply(opts *data.ImportOptions) {
	if dt.order == nil {
		return
	}
	if i := dt.order.SelectedIndex(); i >= 0 && i < len(importDateOrders) {
		opts.DateOrder = importDateOrders[i]
	}
}

// answered reports whether the columns the report found ambiguous have
// been told how their dates are written: until then, nothing is imported
// (a guess would put people on the wrong day unseen).
func (dt *importDates) answered(r data.ImportReport) bool {
	return len(r.AmbiguousDates) == 0 || dt.order != nil && dt.order.SelectedIndex() >= 0
}
