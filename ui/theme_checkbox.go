package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// emptyTickBox is an unticked box whose border shows (issue 19: the
// participants' tick boxes were faint). fyne's border is one unit of 24,
// under a pixel at the usual 20 px, so that even in a border colour at
// 3:1 it was drawn half-blended into the background (1.9:1 on the light
// theme); this one is 2.5 units, two pixels, so that the border is drawn
// in its colour. Same outer square as the ticked box, which does not grow
// or shrink on a tick. (The path winds its hole the other way: fyne's
// recolouring drops fill-rule.)
var emptyTickBox = fyne.NewStaticResource("check-box-empty.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
	`<path d="M 18.5,5.5 V 18.5 H 5.5 V 5.5 H 18.5 M 19.914286,3 H 4.0857143 C 2.9857143,3 3,2.9857143 3,4.0857143 V 19.914286 `+
	`C 3,21.014286 2.9857143,21 4.0857143,21 H 19.914286 C 21.014286,21 21,21.014286 21,19.914286 V 4.0857143 `+
	`C 21,2.9857143 21.014286,3 19.914286,3 Z"/></svg>`))

// Icon is fyne's, but for the empty tick box.
func (t focusTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	if n == theme.IconNameCheckButton {
		return emptyTickBox
	}
	return t.Theme.Icon(n)
}
