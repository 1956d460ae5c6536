//go:build !linux

package ui

// atLowPriority runs f: only Linux gives a thread a priority of its own.
func atLowPriority(f func()) { f() }
