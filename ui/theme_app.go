package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
)

// appTheme is the app's current theme, whole: a theme that changes only
// some sizes or colours embeds it and overrides those (deskCompactTheme,
// blockTheme).
type appTheme struct{}

func (appTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

func (t appTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t appTheme) Size(n fyne.ThemeSizeName) float32 { return t.base().Size(n) }
