package sqlite

import (
	"congres/data"

	"bufio"
	"io"
	"path/filepath"
	"strconv"
	"strings"
)

// SQLite's WAL needs shared memory between the processes that open a file,
// which a network filesystem does not give; its locks are not reliable there
// either. A congress file on a network drive is therefore refused.

// networkFSTypes are the filesystems (as Linux's mountinfo and macOS's
// f_fstypename name them) that live on another computer.
var networkFSTypes = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb": true, "smb2": true, "smb3": true, "smbfs": true,
	"9p": true, "afs": true, "afpfs": true, "webdav": true, "davfs": true, "ceph": true,
	"coda": true, "ncpfs": true, "ncp": true, "lustre": true, "glusterfs": true, "gfs2": true,
	"ocfs2": true, "beegfs": true, "orangefs": true, "cvfs": true, "acfs": true,
}

// networkFUSE are the FUSE filesystems (fuse.NAME) that reach another
// computer.
var networkFUSE = map[string]bool{
	"sshfs": true, "rclone": true, "s3fs": true, "gcsfuse": true, "goofys": true, "davfs": true,
	"davfs2": true, "curlftpfs": true, "smbnetfs": true, "afpfs": true, "glusterfs": true,
	"cephfs": true, "ceph-fuse": true, "gvfsd-fuse": true, "onedrive": true, "google-drive-ocamlfuse": true,
	"juicefs": true, "seaweedfs": true, "moosefs": true, "mfs": true, "lizardfs": true, "nfs": true,
	"blobfuse": true, "blobfuse2": true, "webdav": true, "9p": true,
}

// isNetworkFS reports whether a filesystem type lives on another computer.
func isNetworkFS(fsType string) bool {
	t := strings.ToLower(fsType)
	if sub, ok := strings.CutPrefix(t, "fuse."); ok {
		return networkFUSE[sub]
	}
	if sub, ok := strings.CutPrefix(t, "fuseblk."); ok {
		return networkFUSE[sub]
	}
	return networkFSTypes[t]
}

// mountFSType reads a /proc/self/mountinfo and returns the filesystem type
// of the mount that holds path (an absolute path without symlinks): the one
// with the longest mount point that contains it, the last one mounted when
// several share it.
func mountFSType(mountinfo io.Reader, path string) string {
	best, bestLen := "", -1
	sc := bufio.NewScanner(mountinfo)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		// 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw
		pre, post, ok := strings.Cut(sc.Text(), " - ")
		if !ok {
			continue
		}
		fields, after := strings.Fields(pre), strings.Fields(post)
		if len(fields) < 5 || len(after) < 1 {
			continue
		}
		mp := unescapeMount(fields[4])
		if !pathWithin(path, mp) || len(mp) < bestLen {
			continue
		}
		best, bestLen = after[0], len(mp)
	}
	return best
}

// pathWithin reports whether path is dir or inside it.
func pathWithin(path, dir string) bool {
	if dir == "/" || path == dir {
		return true
	}
	return strings.HasPrefix(path, strings.TrimSuffix(dir, "/")+"/")
}

// unescapeMount undoes mountinfo's octal escapes (\040 for a space…).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// networkFSOf is networkFS, replaced by tests.
var networkFSOf = networkFS

// checkNetwork returns data.ErrNetworkShare, naming the filesystem, for a file on
// a network drive.
func checkNetwork(path string) *data.Error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if fs := networkFSOf(abs); fs != "" {
		return data.ErrNetworkShare.With(path, fs)
	}
	return nil
}
