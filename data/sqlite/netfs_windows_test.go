//go:build windows

package sqlite

import (
	"testing"

	"golang.org/x/sys/windows"
)

// TestWindowsNetworkPaths: UNC paths and drive letters mapped to a network
// share are network places; local drives and \\?\C:\ paths are not.
func TestWindowsNetworkPaths(t *testing.T) {
	drives := map[string]uint32{`C:\`: windows.DRIVE_FIXED, `Z:\`: windows.DRIVE_REMOTE, `E:\`: windows.DRIVE_REMOVABLE}
	kind := func(root string) uint32 { return drives[root] }
	for path, want := range map[string]string{
		`\\nas\bureau\congres.congres`:       "network share",
		`//nas/bureau/congres.congres`:       "network share",
		`\\?\UNC\nas\bureau\congres.congres`: "network share",
		`\\?\C:\Users\anne\congres.congres`:  "",
		`C:\Users\anne\congres.congres`:      "",
		`Z:\Partage\congres.congres`:         "network drive",
		`E:\congres.congres`:                 "",
	} {
		if got := windowsNetwork(path, kind); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}
