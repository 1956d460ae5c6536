package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// A colour the organiser chose (a category's) or the app gives (a zone's,
// a kind of session's) is drawn with a ring in the theme's text colour,
// which contrasts with the background in the dark and the light variant:
// a black or a white category shows on either.

// colourRingWidth is the width of that ring.
const colourRingWidth = 1.5

// colourRing is the colour of the ring around a colour swatch in theme th,
// variant v.
func colourRing(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	return th.Color(theme.ColorNameForeground, v)
}

// ringSwatch rings a swatch in the current theme. Call it again when the
// theme changes (where the swatch is refreshed).
func ringSwatch(r *canvas.Rectangle) {
	s := fyne.CurrentApp().Settings()
	r.StrokeColor, r.StrokeWidth = colourRing(s.Theme(), s.ThemeVariant()), colourRingWidth
}
