package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newDeskMatchCell is a row of the name search's matches: the name, and
// the organisation under it, so that both fit the list's 40% of a small
// screen's desk rather than being cut.
func newDeskMatchCell() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	org := widget.NewLabel("")
	org.Truncation = fyne.TextTruncateEllipsis
	return container.NewThemeOverride(container.NewVBox(name, org), deskCompactTheme{})
}

// setDeskMatch shows m in a cell made by newDeskMatchCell.
func setDeskMatch(o fyne.CanvasObject, first, last, organisation string) {
	box := o.(*container.ThemeOverride).Content.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(first + " " + last)
	box.Objects[1].(*widget.Label).SetText(organisation)
}

// searching quiets the card while a name search is typed: the status line
// says how many people match, so the banner says nothing ("Ready…" would
// be a second hint) and the card's "appears here" goes.
func (v *deskCardView) searching(on bool) {
	if v.result.quiet != on {
		v.result.quiet = on
		v.result.Refresh()
	}
	showIf(v.empty, !on && !v.person.Visible())
}

// deskDotRing is the colour of the ring around a category's dot on the
// counters: the theme's text colour, which stands out from its background.
func deskDotRing(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	return th.Color(theme.ColorNameForeground, v)
}
