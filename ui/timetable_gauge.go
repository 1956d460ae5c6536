package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// gaugeFullTheme draws a progress bar in the error colour: a session's
// places gauge is red when it is full, as its fill is in the timetable, the
// list and the dashboard.
type gaugeFullTheme struct{ appTheme }

func (t gaugeFullTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNamePrimary {
		return t.base().Color(theme.ColorNameError, v)
	}
	return t.base().Color(n, v)
}

// setGaugeFull draws the gauge under o red when full, in the app's colour
// otherwise.
func setGaugeFull(o *container.ThemeOverride, full bool) {
	var th fyne.Theme = appTheme{}
	if full {
		th = gaugeFullTheme{}
	}
	if o.Theme != th {
		o.Theme = th
		o.Refresh()
	}
}
