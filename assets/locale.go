package assets

import (
	"os"
	"strings"
)

// Fyne reads the system's locale when its lang package is initialised,
// before main runs, and logs three lines of "Error parsing user locale C" on
// standard error when it is the POSIX locale with a charset ("C.UTF-8", the default of Debian's containers) — on
// every command of the command line, whose errors should be one clear line.
// This package has no dependency and its import path sorts before fyne.io,
// so Go initialises it first (packages are initialised in import-path order
// once their own imports are): it replaces a POSIX locale by English, which
// is what Congrès shows for it anyway.
func init() {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		l := os.Getenv(v)
		if l == "" {
			continue
		}
		if base, _, _ := strings.Cut(l, "."); base != "C" && base != "POSIX" {
			return // a real locale decides
		}
		os.Setenv(v, "en_US.UTF-8")
	}
}
