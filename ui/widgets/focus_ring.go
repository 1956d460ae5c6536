package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// FocusRing is the frame in the primary colour that a list or a table
// shows around itself while it has the keyboard (fyne's show only which
// row the keyboard is on, in a shade hard to see). A widget keeps one and
// lays it over its renderer with Around.
type FocusRing struct {
	rect *canvas.Rectangle
}

// NewFocusRing returns a ring, hidden.
func NewFocusRing() *FocusRing {
	r := canvas.NewRectangle(nil)
	r.StrokeWidth = 2
	r.Hide()
	return &FocusRing{rect: r}
}

// Set shows the ring while focused holds.
func (r *FocusRing) Set(focused bool) {
	r.rect.StrokeColor = theme.Color(theme.ColorNamePrimary)
	r.rect.Hidden = !focused
	r.rect.Refresh()
}

// Shown reports whether the ring is shown.
func (r *FocusRing) Shown() bool { return r.rect.Visible() }

// Around lays the ring over the objects of a widget's renderer.
func (r *FocusRing) Around(inner fyne.WidgetRenderer) fyne.WidgetRenderer {
	return &ringRenderer{WidgetRenderer: inner, ring: r.rect}
}

type ringRenderer struct {
	fyne.WidgetRenderer
	ring    *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *ringRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.ring.Move(fyne.Position{})
	r.ring.Resize(size)
}

// Objects are the inner renderer's, and the ring last, over them.
func (r *ringRenderer) Objects() []fyne.CanvasObject {
	inner := r.WidgetRenderer.Objects()
	if len(r.objects) != len(inner)+1 || (len(inner) > 0 && r.objects[0] != inner[0]) {
		r.objects = append(append(make([]fyne.CanvasObject, 0, len(inner)+1), inner...), r.ring)
	} else {
		copy(r.objects, inner)
	}
	return r.objects
}

func (r *ringRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	if r.ring.Visible() {
		r.ring.StrokeColor = theme.Color(theme.ColorNamePrimary) // a new theme
		r.ring.Refresh()
	}
}
