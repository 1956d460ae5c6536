//go:build !android && !ios && !wasm && !js

package ui

import "github.com/go-gl/glfw/v3.3/glfw"

// screenWorkArea is the primary screen's work area in pixels: the screen
// less its panels, dock or task bar (GLFW's glfwGetMonitorWorkarea, on
// Linux (X11's _NET_WORKAREA, the whole screen without a window manager),
// Windows and macOS). fyne.io/fyne/v2 does not expose a screen's size;
// its desktop driver is GLFW, initialised when the first window is made,
// so this is read on the main thread once the app has started.
func screenWorkArea() (width, height int, ok bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return 0, 0, false
	}
	_, _, width, height = m.GetWorkarea()
	if width <= 0 || height <= 0 {
		if mode := m.GetVideoMode(); mode != nil {
			width, height = mode.Width, mode.Height
		}
	}
	return width, height, width > 0 && height > 0
}
