package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
	"congres/ui/widgets"
)

// badgeSheetFields edit where a sheet's badges go, for sheets of labels
// whose margins are printed on their box: the top and left margins and the
// gaps between columns and rows, in mm. A one-per-page layout has none.
type badgeSheetFields struct {
	top, left, gapX, gapY *widgets.Entry
	note                  *widget.Label
	// warning says what the settings cannot do on this layout: cut marks
	// without room, duplex on a roll of labels.
	warning *widget.Label
}

// badgeSheetFieldNames are the settings' fields the entries edit, as data
// errors name them.
var badgeSheetFieldNames = []string{"margin_top", "margin_left", "gap_x", "gap_y"}

func newBadgeSheetFields(changed func()) *badgeSheetFields {
	f := &badgeSheetFields{top: widgets.NewEntry(), left: widgets.NewEntry(), gapX: widgets.NewEntry(), gapY: widgets.NewEntry()}
	for _, e := range f.entries() {
		e.OnChanged = func(string) { changed() }
	}
	f.note = widget.NewLabel(lang.L("Where the first badge starts on the sheet, and the space between badges, as the box of labels gives them. A margin of 0 centres the badges on the page."))
	f.note.Importance = widget.LowImportance
	f.note.Wrapping = fyne.TextWrapWord
	f.warning = widget.NewLabel("")
	f.warning.Importance = widget.WarningImportance
	f.warning.Wrapping = fyne.TextWrapWord
	f.warning.Hide()
	return f
}

func (f *badgeSheetFields) entries() []*widgets.Entry {
	return []*widgets.Entry{f.top, f.left, f.gapX, f.gapY}
}

// items are the form's rows, each entry with its message under it.
func (f *badgeSheetFields) items(errs *inlineErrors, mm func(*widgets.Entry) fyne.CanvasObject) []*widget.FormItem {
	labels := []string{lang.L("Top margin"), lang.L("Left margin"), lang.L("Gap between columns"), lang.L("Gap between rows")}
	items := make([]*widget.FormItem, 0, 5)
	for i, e := range f.entries() {
		items = append(items, widget.NewFormItem(labels[i], errs.under(badgeSheetFieldNames[i], mm(e))))
	}
	return append(items, widget.NewFormItem("", container.NewVBox(f.note, f.warning)))
}

// show puts the settings' margins and gaps in the entries.
func (f *badgeSheetFields) show(b data.BadgeSettings) {
	for i, v := range []float64{b.MarginTop, b.MarginLeft, b.GapX, b.GapY} {
		f.entries()[i].SetText(formatMM(v))
	}
}

// read puts the entries' values in b; a value that is not a number is
// said under its entry (when errs is set) and reported by ok.
func (f *badgeSheetFields) read(b *data.BadgeSettings, errs *inlineErrors) (ok bool) {
	ok = true
	for i, to := range []*float64{&b.MarginTop, &b.MarginLeft, &b.GapX, &b.GapY} {
		v, err := parseMM(f.entries()[i].Text)
		if err != nil {
			if errs != nil {
				errs.set(badgeSheetFieldNames[i], lang.L("Enter a number of millimetres, such as 1.5 or -2."))
			}
			ok = false
		}
		*to = v
	}
	return ok
}

// enable offers the margins and gaps on a layout of sheets only.
func (f *badgeSheetFields) enable(l export.Layout) {
	for _, e := range f.entries() {
		enableIf(e, l.Mode != export.OnePerPage)
	}
}

// warn says what the settings b cannot do on layout l; nothing when all
// is well.
func (f *badgeSheetFields) warn(l export.Layout, b data.BadgeSettings) {
	var msgs []string
	for _, w := range (export.BadgeOptions{Layout: l, Settings: b}).Warnings() {
		msgs = append(msgs, w.Message(uiLanguage()))
	}
	f.warning.SetText(strings.Join(msgs, "\n"))
	showIf(f.warning, len(msgs) > 0)
}
