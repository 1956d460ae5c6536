//go:build windows

package sqlite

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// networkFS returns "network share" for a UNC path (\\server\share\…) and
// "network drive" for a drive letter mapped to one, else "".
func networkFS(path string) string {
	return windowsNetwork(path, func(root string) uint32 {
		p, err := windows.UTF16PtrFromString(root)
		if err != nil {
			return 0
		}
		return windows.GetDriveType(p)
	})
}

// windowsNetwork decides from the path and its drive's type.
func windowsNetwork(path string, driveType func(root string) uint32) string {
	if strings.HasPrefix(path, `\\`) || strings.HasPrefix(path, `//`) {
		if strings.HasPrefix(path, `\\?\`) && !strings.HasPrefix(strings.ToUpper(path), `\\?\UNC\`) {
			path = path[4:] // \\?\C:\… is a local path
		} else {
			return "network share"
		}
	}
	if vol := filepath.VolumeName(path); len(vol) == 2 && vol[1] == ':' {
		if driveType(vol+`\`) == windows.DRIVE_REMOTE {
			return "network drive"
		}
	}
	return ""
}
