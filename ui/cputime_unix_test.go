//go:build unix

package ui

import (
	"syscall"
	"time"
)

// benchCPU is the CPU time (user and system) the process has used so far.
func benchCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
