//go:build darwin

package sqlite

import (
	"path/filepath"
	"syscall"
)

// networkFS returns the name of the network filesystem that holds path, or
// "" when it is on this computer: smbfs, nfs, afpfs, webdav…
func networkFS(path string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		if err := syscall.Statfs(filepath.Dir(path), &st); err != nil {
			return ""
		}
	}
	b := make([]byte, 0, len(st.Fstypename))
	for _, c := range st.Fstypename {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	if t := string(b); isNetworkFS(t) {
		return t
	}
	return ""
}
