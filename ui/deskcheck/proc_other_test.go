//go:build !linux

package deskcheck

import (
	"os"
	"os/exec"
	"time"
)

// dieWithTest: only Linux stops a child when its parent ends; the cleanups
// stop them elsewhere.
func dieWithTest(*exec.Cmd) {}

// cpuTime is not read here.
func cpuTime(int) time.Duration { return 0 }

// suspend does nothing here: the X server is not stopped.
func suspend(int, bool) {}

// profileSignal: the program is profiled on Linux only.
func profileSignal(*os.Process) {}
