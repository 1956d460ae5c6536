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
// screen's desk rather than being cut. The rows are as close together as
// under the desk's compact theme, but laid out so (deskMatchCellLayout),
// not themed: the list makes a cell each time it is refreshed (to measure
// one), and a ThemeOverride made is a new theme scope, for which fyne
// parses its fonts again and empties its caches of text sizes and icons.
func newDeskMatchCell() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	org := widget.NewLabel("")
	org.Truncation = fyne.TextTruncateEllipsis
	return container.New(deskMatchCellLayout{}, name, org)
}

// setDeskMatch shows m in a cell made by newDeskMatchCell.
func setDeskMatch(o fyne.CanvasObject, first, last, organisation string) {
	box := o.(*fyne.Container)
	width := box.Size().Width
	setMatchText(box.Objects[0].(*widget.Label), first+" "+last, width)
	setMatchText(box.Objects[1].(*widget.Label), organisation, width)
}

// setMatchText sets a label of a match's cell width wide: cut with an
// ellipsis only when it does not fit. A label cut with an ellipsis lays
// out its text anew at each change (fyne shapes it with a new shaper, a
// few hundred µs a label: most of a keystroke's update, 40 labels); a text
// that fits is drawn the same without (measured once, and fyne keeps its
// size).
func setMatchText(l *widget.Label, text string, width float32) {
	trunc := matchTruncation(l, text, width)
	if l.Text == text && l.Truncation == trunc {
		return
	}
	l.Truncation = trunc
	l.SetText(text)
}

// matchTruncation is how a match's label, width wide in its cell, cuts
// text: not at all when it fits (with a pixel to spare), else with an
// ellipsis; with an ellipsis too while the cell has no width yet.
func matchTruncation(l *widget.Label, text string, width float32) fyne.TextTruncation {
	if width <= 0 {
		return fyne.TextTruncateEllipsis
	}
	room := width + 2*deskMatchCellLayout{}.inset() - 2*theme.InnerPadding()
	if fyne.MeasureText(text, theme.TextSize(), l.TextStyle).Width <= room-1 {
		return fyne.TextTruncateOff
	}
	return fyne.TextTruncateEllipsis
}

// deskMatchCellLayout puts two labels one under the other as a VBox
// under deskCompactTheme does: each label's text as far from its edges
// as the compact theme's inner padding, the labels its padding apart.
// The labels, padded by the app's theme, overlap their cell's edges by
// the difference.
type deskMatchCellLayout struct{}

// inset is how much further the app's theme pads a label's text than
// the compact theme does.
func (deskMatchCellLayout) inset() float32 {
	return theme.InnerPadding() - deskCompactTheme{}.Size(theme.SizeNameInnerPadding)
}

func (l deskMatchCellLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	d := l.inset()
	gap := deskCompactTheme{}.Size(theme.SizeNamePadding)
	y := float32(0)
	for _, o := range objects {
		if label, ok := o.(*widget.Label); ok { // a new width: does the text fit?
			if trunc := matchTruncation(label, label.Text, size.Width); trunc != label.Truncation {
				label.Truncation = trunc
				label.Refresh()
			}
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(-d, y-d))
		o.Resize(fyne.NewSize(size.Width+2*d, h))
		y += h - 2*d + gap
	}
}

func (l deskMatchCellLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	d := l.inset()
	gap := deskCompactTheme{}.Size(theme.SizeNamePadding)
	var w, h float32
	for i, o := range objects {
		m := o.MinSize()
		if label, ok := o.(*widget.Label); !ok || label.Truncation != fyne.TextTruncateOff {
			w = max(w, m.Width-2*d) // a text that fits asks for no width of its own
		}
		h += m.Height - 2*d
		if i > 0 {
			h += gap
		}
	}
	return fyne.NewSize(w, h)
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
	return colourRing(th, v) // colour_ring.go: the one ring of every colour swatch
}
