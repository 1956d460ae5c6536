//go:build !linux && !darwin && !windows

package data

// networkFS knows no network filesystem on this system.
func networkFS(string) string { return "" }
