package deskcheck

import (
	"os/exec"
	"syscall"
)

// dieWithTest has the kernel stop a program the test started (Xvfb,
// congres) when the test process ends, even when a timeout's panic skips
// the cleanups.
func dieWithTest(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
