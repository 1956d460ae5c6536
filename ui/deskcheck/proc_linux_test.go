package deskcheck

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// dieWithTest has the kernel stop a program the test started (Xvfb,
// congres) when the test process ends, even when a timeout's panic skips
// the cleanups.
func dieWithTest(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// cpuTime is the processor time a process has used so far (user and
// system), read from /proc; 0 when it cannot be read.
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command's name, in parentheses, may hold spaces: the fields
	// counted from its end (utime and stime are the 14th and 15th).
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / clockTicks
}

// clockTicks is the kernel's USER_HZ, which /proc counts in: 100 on Linux.
const clockTicks = 100

// suspend stops a process (SIGSTOP), or lets it go on (SIGCONT).
func suspend(pid int, stop bool) {
	sig := syscall.SIGCONT
	if stop {
		sig = syscall.SIGSTOP
	}
	syscall.Kill(pid, sig)
}

// profileSignal starts or ends the program's processor profile
// (CONGRES_DESK_PROFILE, ui/desk_profile_linux.go).
func profileSignal(p *os.Process) { p.Signal(syscall.SIGUSR1) }
