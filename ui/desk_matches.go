package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newDeskMatchCell is a row of the name search's matches: the name, and
// the organisation under it, so that both fit the list's third of a small
// screen's desk rather than being cut; on one line, the organisation after
// the name, while the list has the desk's width (oneLine, shared by the
// list's cells: fitMatches). The rows are as close together as under the
// desk's compact theme, but laid out so (deskMatchCellLayout), not themed:
// the list makes a cell each time it is refreshed (to measure one), and a
// ThemeOverride made is a new theme scope, for which fyne parses its fonts
// again and empties its caches of text sizes and icons.
func newDeskMatchCell(oneLine *bool) fyne.CanvasObject {
	name := widget.NewLabel("")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	org := widget.NewLabel("")
	org.Truncation = fyne.TextTruncateEllipsis
	return container.New(deskMatchCellLayout{oneLine: oneLine}, name, org)
}

// setDeskMatch shows m in a cell made by newDeskMatchCell.
func setDeskMatch(o fyne.CanvasObject, first, last, organisation string) {
	box := o.(*fyne.Container)
	nameWidth, orgWidth := box.Layout.(deskMatchCellLayout).widths(box.Size().Width)
	setMatchText(box.Objects[0].(*widget.Label), first+" "+last, nameWidth)
	setMatchText(box.Objects[1].(*widget.Label), organisation, orgWidth)
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
// the difference. With *oneLine, the two labels are side by side, the
// name in deskMatchNameShare of the width.
type deskMatchCellLayout struct {
	oneLine *bool
}

// deskMatchNameShare is the name's share of a match's line, beside its
// organisation.
const deskMatchNameShare = 0.45

// inset is how much further the app's theme pads a label's text than
// the compact theme does.
func (deskMatchCellLayout) inset() float32 {
	return theme.InnerPadding() - deskCompactTheme{}.Size(theme.SizeNameInnerPadding)
}

func (l deskMatchCellLayout) wide() bool { return l.oneLine != nil && *l.oneLine }

// widths are the name's and the organisation's widths in a cell width
// wide.
func (l deskMatchCellLayout) widths(width float32) (name, org float32) {
	if !l.wide() || width <= 0 {
		return width, width
	}
	name = float32(int(width * deskMatchNameShare))
	return name, width - name
}

func (l deskMatchCellLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	d := l.inset()
	gap := deskCompactTheme{}.Size(theme.SizeNamePadding)
	nameWidth, orgWidth := l.widths(size.Width)
	x, y := float32(0), float32(0)
	for i, o := range objects {
		width := nameWidth
		if i > 0 {
			width = orgWidth
		}
		if label, ok := o.(*widget.Label); ok { // a new width: does the text fit?
			if trunc := matchTruncation(label, label.Text, width); trunc != label.Truncation {
				label.Truncation = trunc
				label.Refresh()
			}
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x-d, y-d))
		o.Resize(fyne.NewSize(width+2*d, h))
		if l.wide() {
			x += width
		} else {
			y += h - 2*d + gap
		}
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
		if l.wide() {
			h = max(h, m.Height-2*d)
			continue
		}
		h += m.Height - 2*d
		if i > 0 {
			h += gap
		}
	}
	return fyne.NewSize(w, h)
}

// searching quiets the card while a name search is typed: the status line
// says how many people match, so the banner ("Ready…" would be a second
// hint) leaves its height to the matches, and the card's "appears here"
// goes. It reports whether the banner came or went: the desk is laid out
// again.
func (v *deskCardView) searching(on bool) (changed bool) {
	if v.result.quiet != on {
		v.result.quiet = on
		v.result.Refresh()
		changed = true
	}
	showIf(v.result, !on)
	showIf(v.empty, !on && !v.person.Visible())
	return changed
}

// fitMatches sets the matches' share of the desk's width, beside the
// card's side: most of it while nobody is on the card (the card's side
// keeps its buttons), a third once a match is chosen, whose card takes
// the width.
func (s *deskScreen) fitMatches() {
	offset := 0.33 // a match's name and organisation on two lines: the card keeps the width
	if s.shown == nil {
		offset = 1 // the split leaves the card's side its buttons' width
	}
	if s.withList.Offset != offset {
		s.withList.SetOffset(offset)
	}
	if oneLine := s.shown == nil; s.matchesOneLine != oneLine {
		s.matchesOneLine = oneLine
		s.list.Refresh() // the rows' height measured again
	}
}

// deskDotRing is the colour of the ring around a category's dot on the
// counters: the theme's text colour, which stands out from its background.
func deskDotRing(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	return colourRing(th, v) // colour_ring.go: the one ring of every colour swatch
}
