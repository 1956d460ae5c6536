package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// The ordinary conditions of a file met by the operating system (a
// read-only folder, a full disk, a missing folder), as sentences: for the
// congress file's engine (data/sqlite) and for the copies and backups that
// data writes.

// IsNotWritable reports whether err says a file or folder cannot be written:
// permissions, or a read-only disk.
func IsNotWritable(err error) bool {
	return os.IsPermission(err) || errors.Is(err, syscall.EROFS)
}

// FileCondition turns an error of the operating system on path into a
// sentence when it is an ordinary condition.
func FileCondition(path string, err error) error {
	switch {
	case IsNotWritable(err):
		return ErrFileReadOnly.With(path).because(err)
	case errors.Is(err, syscall.ENOSPC):
		return ErrDiskFull.With(path).because(err)
	}
	return err
}

// CreateCondition is FileCondition for a file being made.
func CreateCondition(path string, err error) error {
	if isFolderMissing(err) {
		return ErrFolderMissing.With(filepath.Dir(path)).because(err)
	}
	if IsNotWritable(err) {
		return ErrFolderNotWritable.With(path).because(err)
	}
	return fromFileCondition(path, FileCondition(path, err))
}

// isFolderMissing reports whether err says, by its code, that a folder on
// the way to a file does not exist (or is a file).
func isFolderMissing(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// FileSize is the size of path, -1 when it does not exist.
func FileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return st.Size()
}
