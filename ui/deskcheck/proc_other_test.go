//go:build !linux

package deskcheck

import (
	"os/exec"
	"time"
)

// dieWithTest: only Linux stops a child when its parent ends; the cleanups
// stop them elsewhere.
func dieWithTest(*exec.Cmd) {}

// cpuTime is not read here.
func cpuTime(int) time.Duration { return 0 }
