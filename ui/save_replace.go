package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// askReplace asks whether to replace the file at path, which exists: Yes
// (Enter) calls replace; No (Esc) calls back, which goes back to where the
// file was named (showAgain), so that another name can be typed. Nothing
// is saved until then.
func askReplace(win fyne.Window, path string, replace, back func()) {
	askConfirm(win, lang.L("Replace the file?"),
		lang.L("{{.Path}} already exists. Replace it?", map[string]any{"Path": path}),
		func(ok bool) {
			switch {
			case ok:
				replace()
			case back != nil:
				back()
			}
		})
}

// showAgain shows d (a form closed by its Save) again as it was left, with
// what was typed, and gives field the keyboard, its cursor where it was.
func showAgain(win fyne.Window, d dialog.Dialog, field fyne.Focusable) {
	d.Show()
	win.Canvas().Focus(field)
}
