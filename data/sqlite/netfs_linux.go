//go:build linux

package sqlite

import (
	"os"
	"path/filepath"
	"syscall"
)

// Magic numbers of statfs(2)'s f_type for the network filesystems, and FUSE's.
var networkMagic = map[int64]string{
	0x6969: "nfs", 0x517B: "smb", 0xFF534D42: "cifs", 0xFE534D42: "smb2", 0x01021997: "9p",
	0x5346414F: "afs", 0x00C36400: "ceph", 0x73757245: "coda", 0x564C: "ncp", 0x0BD00BD0: "lustre",
}

const fuseMagic = 0x65735546

// networkFS returns the name of the network filesystem that holds path (an
// absolute path without symlinks), or "" when it is on this computer.
func networkFS(path string) string {
	var st syscall.Statfs_t
	dir := path
	if err := syscall.Statfs(dir, &st); err != nil {
		dir = filepath.Dir(path) // the file may not exist yet
		if err := syscall.Statfs(dir, &st); err != nil {
			return ""
		}
	}
	if name, ok := networkMagic[int64(st.Type)]; ok {
		return name
	}
	if int64(st.Type) == fuseMagic {
		f, err := os.Open("/proc/self/mountinfo")
		if err != nil {
			return ""
		}
		defer f.Close()
		if t := mountFSType(f, path); isNetworkFS(t) {
			return t
		}
	}
	return ""
}
