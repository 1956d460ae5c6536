//go:build !windows

package ui

// AttachConsole has nothing to do where a program has its terminal.
func AttachConsole() {}
