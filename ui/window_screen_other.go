//go:build android || ios || wasm || js

package ui

// screenWorkArea is unknown where the driver is not GLFW's: the window
// fills the screen there anyway.
func screenWorkArea() (width, height int, ok bool) { return 0, 0, false }
