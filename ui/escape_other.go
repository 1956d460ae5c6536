//go:build wasm || js || android || ios || mobile

package ui

import "fyne.io/fyne/v2"

// catchEscape does nothing where fyne's window is not a GLFW one.
func catchEscape(fyne.Window) bool { return false }
