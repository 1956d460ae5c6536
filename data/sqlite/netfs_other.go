//go:build !linux && !darwin && !windows

package sqlite

// networkFS knows no network filesystem on this system.
func networkFS(string) string { return "" }
