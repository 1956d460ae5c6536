package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// relayout lays o out again, and the containers in it, without refreshing
// each widget (which measures each text again): what a card shown or a
// button hidden needs.
func relayout(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		if !x.Visible() {
			return
		}
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, c := range x.Objects {
			relayout(c)
		}
	case *container.Split:
		relayout(x.Leading)
		relayout(x.Trailing)
	case *container.Scroll:
		size, min := x.Size(), x.Content.MinSize()
		switch x.Direction {
		case container.ScrollVerticalOnly:
			x.Content.Resize(fyne.NewSize(size.Width, max(min.Height, size.Height)))
		case container.ScrollHorizontalOnly:
			x.Content.Resize(fyne.NewSize(max(min.Width, size.Width), size.Height))
		case container.ScrollBoth:
			x.Content.Resize(min.Max(size))
		}
		relayout(x.Content)
	case *container.ThemeOverride:
		relayout(x.Content)
	}
}
