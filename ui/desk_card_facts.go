package ui

import (
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
// column of keys. A value is never broken inside a word. As fyne's
// row-wrap layout does, it remembers the width it was last given for its
// minimum size.
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
// its lines.
func factHeight(o fyne.CanvasObject, w float32) float32 {
	if l, ok := o.(*widget.Label); ok && l.Wrapping != fyne.TextWrapOff && w > 0 {
		th := l.Theme()
		pad := th.Size(theme.SizeNameInnerPadding)
		size := th.Size(theme.SizeNameText)
		lines := 0
		for _, line := range strings.Split(l.Text, "\n") {
			lines += len(wrapBannerText(line, size, w-2*pad, l.TextStyle))
		}
		lines = max(lines, 1)
		lineHeight := fyne.MeasureText("Ág", size, l.TextStyle).Height
		return float32(lines)*lineHeight + 2*pad + float32(lines-1)*th.Size(theme.SizeNameLineSpacing)
	}
	return o.MinSize().Height
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
	pad := theme.Padding()
	keys, values := factPairs(objects)
	left, right, side := l.columns(keys, width)
	y := float32(0)
	row := func(objs []fyne.CanvasObject, xs, widths []float32) {
		h := rowHeight(objs, widths)
		if move {
			place(objs, xs, widths, y, h)
		}
		y += h + pad
	}
	if !side {
		for i := range keys {
			row([]fyne.CanvasObject{keys[i], values[i]}, []float32{0, left + pad}, []float32{left, width - left - pad})
		}
		return max(y-pad, 0)
	}
	value := (width - left - right - 3*pad) / 2
	x2 := left + pad + value + pad
	for i := range deskFactsSide {
		j := i + deskFactsSide
		row([]fyne.CanvasObject{keys[i], values[i], keys[j], values[j]},
			[]float32{0, left + pad, x2, x2 + right + pad}, []float32{left, value, right, value})
	}
	for i := 2 * deskFactsSide; i < len(keys); i++ {
		row([]fyne.CanvasObject{keys[i], values[i]}, []float32{0, left + pad}, []float32{left, width - left - pad})
	}
	return max(y-pad, 0)
}

func (l *deskFactsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	keys, _ := factPairs(objects)
	w := keyWidth(keys) + theme.Padding() + deskFactRoom
	if l.width <= 0 {
		return fyne.NewSize(w, l.arrange(objects, w, false))
	}
	return fyne.NewSize(w, l.arrange(objects, l.width, false))
}

// deskBandLayout lays out the card's band: the name and organisation
// (objects[0]) with the category on the right (objects[1]) when the name's
// longest word fits beside it, and the category under them when not (the
// card beside a name search's matches), so that a name is never broken
// inside a word. It remembers the width it was last given for its minimum
// size.
type deskBandLayout struct {
	name  *widget.Label
	width float32
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

func (l *deskBandLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	name, category := objects[0], objects[1]
	c := category.MinSize()
	if l.beside(category, size.Width) {
		name.Move(fyne.NewPos(0, 0))
		name.Resize(fyne.NewSize(size.Width-c.Width, size.Height))
		category.Move(fyne.NewPos(size.Width-c.Width, (size.Height-c.Height)/2))
		category.Resize(c)
		return
	}
	h := name.MinSize().Height
	name.Move(fyne.NewPos(0, 0))
	name.Resize(fyne.NewSize(size.Width, h))
	category.Move(fyne.NewPos(0, h))
	category.Resize(fyne.NewSize(size.Width, c.Height))
}

func (l *deskBandLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	name, c := objects[0].MinSize(), objects[1].MinSize()
	if l.width <= 0 || l.beside(objects[1], l.width) {
		return fyne.NewSize(name.Width+c.Width, max(name.Height, c.Height))
	}
	return fyne.NewSize(max(name.Width, c.Width), name.Height+c.Height)
}
