package ui

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// deskFactsLayout lays out the card's facts as one grid of key and value
// pairs (objects: key, value, key, value, …), so that every value of a
// column starts at the same x. When the width gives each value room, the
// first six facts go in two columns of three (key, value, key, value) and
// the last (the programme) spans both under them, its value in line with
// the first column's; otherwise all go one under the other, behind one
// column of keys. Side by side, a column of values whose longest needs
// more than half the width takes it from the other when the other's fit
// in less ("Rehearsal: 08:40, Desk 2" beside "Confirmed": one line, not
// two). A value is never broken inside a word. Its rows are as close as
// the desk's compact theme sets them (deskCompactPadding), so that the
// programme's first lines show on a small screen. As fyne's row-wrap
// layout does, it remembers the width it was last given for its minimum
// size.
type deskFactsLayout struct {
	width float32
}

// deskFactRoom is the width a fact's value needs beside its key ("Not
// printed yet", "08:40, Desk 2").
const deskFactRoom = 120

// deskFactsSide is how many facts go in each column, side by side.
const deskFactsSide = 3

// pairs are the keys and values of objects, the hidden ones left out.
func factPairs(objects []fyne.CanvasObject) (keys, values []fyne.CanvasObject) {
	for i := 0; i+1 < len(objects); i += 2 {
		if objects[i].Visible() {
			keys, values = append(keys, objects[i]), append(values, objects[i+1])
		}
	}
	return keys, values
}

// keyWidth is the widest of keys.
func keyWidth(keys []fyne.CanvasObject) float32 {
	var w float32
	for _, k := range keys {
		w = max(w, k.MinSize().Width)
	}
	return w
}

// columns returns the keys' widths of the two columns and whether the
// facts go side by side at width.
func (l *deskFactsLayout) columns(keys []fyne.CanvasObject, width float32) (left, right float32, side bool) {
	if len(keys) <= 2*deskFactsSide {
		return keyWidth(keys), 0, false
	}
	left = keyWidth(append(append([]fyne.CanvasObject{}, keys[:deskFactsSide]...), keys[2*deskFactsSide:]...))
	right = keyWidth(keys[deskFactsSide : 2*deskFactsSide])
	value := (width - left - right - 3*theme.Padding()) / 2
	if value >= deskFactRoom {
		return left, right, true
	}
	return keyWidth(keys), 0, false
}

// rowHeight is the height of a row of objects laid out at widths.
func rowHeight(objects []fyne.CanvasObject, widths []float32) float32 {
	var h float32
	for i, o := range objects {
		h = max(h, factHeight(o, widths[i]))
	}
	return h
}

// factHeight is the height of o at width w: a wrapping label's grows with
// its lines, which fyne sets one under the other with no spacing (its
// line spacing goes between the segments of a rich text only).
func factHeight(o fyne.CanvasObject, w float32) float32 {
	if l, ok := o.(*widget.Label); ok && l.Wrapping != fyne.TextWrapOff && w > 0 {
		th := l.Theme()
		pad := th.Size(theme.SizeNameInnerPadding)
		size := labelTextSize(l)
		lines := 0
		for _, line := range strings.Split(l.Text, "\n") {
			lines += len(wrapBannerText(line, size, w-2*pad, l.TextStyle))
		}
		lines = max(lines, 1)
		lineHeight := fyne.MeasureText("Ág", size, l.TextStyle).Height
		return float32(lines)*lineHeight + 2*pad // fyne spaces a label's lines by their height alone
	}
	return o.MinSize().Height
}

// labelTextSize is the size of l's text, in its theme.
func labelTextSize(l *widget.Label) float32 {
	if l.SizeName != "" {
		return l.Theme().Size(l.SizeName)
	}
	return l.Theme().Size(theme.SizeNameText)
}

// factWidth is the width o needs to show its text unwrapped: a wrapping
// label's longest line.
func factWidth(o fyne.CanvasObject) float32 {
	l, ok := o.(*widget.Label)
	if !ok || l.Wrapping == fyne.TextWrapOff {
		return o.MinSize().Width
	}
	var w float32
	for _, line := range strings.Split(l.Text, "\n") {
		w = max(w, fyne.MeasureText(line, labelTextSize(l), l.TextStyle).Width)
	}
	return float32(math.Ceil(float64(w + 2*l.Theme().Size(theme.SizeNameInnerPadding))))
}

// shareValues splits width between two columns of values, half each,
// unless one column's longest value needs more than half and the other's
// fit in less: that one then takes what the other leaves, as far as it
// needs.
func shareValues(left, right []fyne.CanvasObject, width float32) (l, r float32) {
	half := width / 2
	var needL, needR float32
	for _, o := range left {
		needL = max(needL, factWidth(o))
	}
	for _, o := range right {
		needR = max(needR, factWidth(o))
	}
	switch {
	case needL > half && needR < half:
		l = min(needL, width-needR)
		return l, width - l
	case needR > half && needL < half:
		r = min(needR, width-needL)
		return width - r, r
	}
	return half, half
}

// place puts the objects of a row at xs with widths, at y, all of height h.
func place(objects []fyne.CanvasObject, xs, widths []float32, y, h float32) {
	for i, o := range objects {
		o.Move(fyne.NewPos(xs[i], y))
		o.Resize(fyne.NewSize(widths[i], h))
	}
}

func (l *deskFactsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.arrange(objects, size.Width, true)
}

// arrange lays the facts out at width (when move) and returns their height.
func (l *deskFactsLayout) arrange(objects []fyne.CanvasObject, width float32, move bool) float32 {
	pad, gap := theme.Padding(), float32(deskCompactPadding)
	keys, values := factPairs(objects)
	left, right, side := l.columns(keys, width)
	y := float32(0)
	row := func(objs []fyne.CanvasObject, xs, widths []float32) {
		h := rowHeight(objs, widths)
		if move {
			place(objs, xs, widths, y, h)
		}
		y += h + gap
	}
	if !side {
		for i := range keys {
			row([]fyne.CanvasObject{keys[i], values[i]}, []float32{0, left + pad}, []float32{left, width - left - pad})
		}
		return max(y-gap, 0)
	}
	valueL, valueR := shareValues(values[:deskFactsSide], values[deskFactsSide:2*deskFactsSide], width-left-right-3*pad)
	x2 := left + pad + valueL + pad
	for i := range deskFactsSide {
		j := i + deskFactsSide
		row([]fyne.CanvasObject{keys[i], values[i], keys[j], values[j]},
			[]float32{0, left + pad, x2, x2 + right + pad}, []float32{left, valueL, right, valueR})
	}
	for i := 2 * deskFactsSide; i < len(keys); i++ {
		row([]fyne.CanvasObject{keys[i], values[i]}, []float32{0, left + pad}, []float32{left, width - left - pad})
	}
	return max(y-gap, 0)
}

func (l *deskFactsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	keys, _ := factPairs(objects)
	w := keyWidth(keys) + theme.Padding() + deskFactRoom
	if l.width <= 0 {
		return fyne.NewSize(w, l.arrange(objects, w, false))
	}
	return fyne.NewSize(w, l.arrange(objects, l.width, false))
}

// deskBandLayout lays out the card's band: the name (objects[0]) with the
// category (objects[2]) on its right when the name's longest word fits
// beside it, and the category under the name when not (the card beside a
// name search's matches), so that a name is never broken inside a word;
// the organisation (objects[1]) under them, across the band's width (the
// category took its width too, and a long organisation wrapped onto a
// second line for nothing). It remembers the width it was last given for
// its minimum size.
type deskBandLayout struct {
	name, organisation *widget.Label
	width              float32
}

// beside reports whether the category goes beside the name at width.
func (l *deskBandLayout) beside(category fyne.CanvasObject, width float32) bool {
	th := l.name.Theme()
	var word float32
	for _, w := range strings.Fields(l.name.Text) {
		word = max(word, fyne.MeasureText(w, th.Size(l.name.SizeName), l.name.TextStyle).Width)
	}
	return word+2*th.Size(theme.SizeNameInnerPadding)+category.MinSize().Width <= width
}

// arrange lays the band out at width (when move) and returns its height.
func (l *deskBandLayout) arrange(objects []fyne.CanvasObject, width float32, move bool) float32 {
	name, organisation, category := objects[0], objects[1], objects[2]
	c := category.MinSize()
	beside := l.beside(category, width)
	nameWidth := width
	if beside {
		nameWidth = width - c.Width
	}
	nameHeight := factHeight(l.name, nameWidth)
	y, categoryAt := nameHeight, fyne.NewPos(nameWidth, (nameHeight-c.Height)/2)
	if !beside {
		categoryAt = fyne.NewPos(0, nameHeight)
		y += c.Height
	}
	var organisationHeight float32
	if l.organisation.Visible() {
		organisationHeight = factHeight(l.organisation, width)
	}
	if move {
		name.Move(fyne.NewPos(0, 0))
		name.Resize(fyne.NewSize(nameWidth, nameHeight))
		category.Move(categoryAt)
		if beside {
			category.Resize(c)
		} else {
			category.Resize(fyne.NewSize(width, c.Height))
		}
		organisation.Move(fyne.NewPos(0, y))
		organisation.Resize(fyne.NewSize(width, organisationHeight))
	}
	return y + organisationHeight
}

func (l *deskBandLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.arrange(objects, size.Width, true)
}

func (l *deskBandLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	name, organisation, c := objects[0].MinSize(), objects[1].MinSize(), objects[2].MinSize()
	w := max(name.Width+c.Width, organisation.Width)
	if l.width > 0 && !l.beside(objects[2], l.width) {
		w = max(name.Width, c.Width, organisation.Width)
	}
	width := l.width
	if width <= 0 {
		width = w
	}
	return fyne.NewSize(w, l.arrange(objects, width, false))
}
