//go:build !wasm && !js && !android && !ios && !mobile

package ui

import (
	"reflect"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// catchEscape makes Esc close the top dialog of win wherever the focus
// is, and Enter press a dialog's button that has the keyboard. fyne's window gives a key to the focused widget only, and most of
// fyne's widgets keep Esc to themselves: a dialog's own buttons, tick
// boxes, radio items, drop-downs, sliders, lists, the file chooser's
// fields. fyne has no hook for a key before the focused widget has it, so
// this one is set on the window's GLFW key callback, in front of fyne's:
// on Esc, escapeFromFocus decides; on Enter, Space and a character,
// buttonKeys (Enter presses a dialog's button that has the keyboard,
// unless it ends a scan; the space of a Space that pressed a button is
// dropped); every other key goes on to fyne.
//
// It reports whether it could: a window that is not a GLFW one (fyne's
// test driver), or one not shown yet, is left as it is.
func catchEscape(win fyne.Window) bool {
	view := glfwWindow(win)
	if view == nil {
		return false
	}
	c := win.Canvas()
	buttons := newButtonKeys(c)
	var fyneKeys glfw.KeyCallback
	fyneKeys = view.SetKeyCallback(func(w *glfw.Window, key glfw.Key, scancode int, action glfw.Action, mods glfw.ModifierKey) {
		held := mods & (glfw.ModShift | glfw.ModControl | glfw.ModAlt | glfw.ModSuper) // not Caps or Num Lock
		if action != glfw.Release && held == 0 {
			switch key {
			case glfw.KeyEscape:
				if escapeFromFocus(c) {
					return
				}
			case glfw.KeyEnter: // pressed, not held: a held Enter presses a button once
				if action == glfw.Press && buttons.typedEnter(&fyne.KeyEvent{Name: fyne.KeyReturn}, time.Now()) {
					return
				}
			case glfw.KeyKPEnter:
				if action == glfw.Press && buttons.typedEnter(&fyne.KeyEvent{Name: fyne.KeyEnter}, time.Now()) {
					return
				}
			case glfw.KeySpace:
				buttons.typedSpace() // fyne presses the button
			}
		}
		if fyneKeys != nil {
			fyneKeys(w, key, scancode, action, mods)
		}
	})
	var fyneChars glfw.CharCallback
	fyneChars = view.SetCharCallback(func(w *glfw.Window, char rune) {
		if buttons.typedRune(char, time.Now()) {
			return
		}
		if fyneChars != nil {
			fyneChars(w, char)
		}
	})
	return true
}

// glfwWindow is the GLFW window under a window of fyne's desktop driver
// (its field viewport), or nil.
func glfwWindow(win fyne.Window) *glfw.Window {
	v := reflect.ValueOf(win)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("viewport")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*glfw.Window)(nil)) || !f.CanAddr() {
		return nil
	}
	return *(**glfw.Window)(unsafe.Pointer(f.UnsafeAddr()))
}
