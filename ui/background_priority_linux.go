package ui

import (
	"runtime"
	"syscall"
)

// backgroundNice is how far below the window's the backups' priority is:
// against a busy window, they get a tenth of a core, and all of what is
// idle.
const backgroundNice = 10

// atLowPriority runs f on an operating-system thread of its own, whose
// priority is backgroundNice below the caller's: the automatic backups and
// full checks, which read the whole file (half a second of a core at 50,000
// participants) at the opening, when the organiser's first clicks come. On
// two cores, the first visit of a page took 1.2 s instead of 0.3 s while
// the check ran beside it at the same priority (issue 19). The thread is
// never given back: it ends with the goroutine that called, and its
// priority with it. f's own goroutines (the driver's, the copy's) keep
// theirs.
func atLowPriority(f func()) {
	runtime.LockOSThread()
	if nice, err := threadNice(); err == nil {
		// Lowering one's own priority is always allowed; if it fails, f
		// runs as it did.
		_ = syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), nice+backgroundNice)
	}
	f()
}

// threadNice is the nice value of the calling thread (Linux's getpriority
// answers 20 − nice).
func threadNice() (int, error) {
	prio, err := syscall.Getpriority(syscall.PRIO_PROCESS, syscall.Gettid())
	return 20 - prio, err
}
