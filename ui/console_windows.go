package ui

import (
	"os"
	"syscall"
)

// AttachConsole: a Windows build of Congrès is a GUI program (fyne links it with
// -H=windowsgui), so that double-clicking it opens no console window. Such a
// program has no console of its own: started from a command prompt with a
// command (congres --version, congres badges …), it attaches to the
// prompt's console and writes there. Output redirected to a file or a pipe
// is already where it should be and is left alone.
func AttachConsole() {
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // not started from a console (Explorer, a shortcut)
	}
	for _, std := range []**os.File{&os.Stdout, &os.Stderr} {
		if _, err := (*std).Stat(); err == nil {
			continue // redirected
		}
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			*std = f
		}
	}
}
