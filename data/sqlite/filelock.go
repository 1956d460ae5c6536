package sqlite

import (
	"congres/data"

	"errors"
	"os"
	"runtime"
	"strings"
	"time"
)

// Every process that has a congress file open holds a shared lock on its
// lock companion (FILE-lock) for as long as it is open; whatever replaces
// the file (a restore) takes the lock exclusively, and refuses when it
// cannot. The lock is on a companion and not on the file itself: SQLite
// locks the file with POSIX locks, which closing any other descriptor of the
// file would release. The last process to close removes the companion, and
// only while it holds it exclusively and it is still the file of that name
// (a lock taken meanwhile is on that same file); a process that locks a
// companion checks afterwards that it was not removed under it. Meanwhile a
// restore racing the last close may find the lock held, and refuses: the
// user tries again.

// lockSuffix names the lock companion of a congress file.
const lockSuffix = "-lock"

// lockWait is how long opening a file waits for a restore under way to end.
var lockWait = 10 * time.Second

// errLockHeld says the lock is held by someone else in a conflicting mode.
var errLockHeld = errors.New("lock held")

// fileLock is a lock held on a congress file's companion.
type fileLock struct {
	f    *os.File
	path string // the companion's name
}

// openLockFile opens (creating it if need be) the lock companion of path.
// In a folder where it cannot be created, it returns an error that
// os.IsPermission or isReadOnlyFS recognises.
func openLockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path+lockSuffix, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil && data.FileSize(path+lockSuffix) >= 0 {
		// A lock companion we may not write to (another user's): reading
		// is enough to lock it.
		f, err = os.Open(path + lockSuffix)
	}
	return f, err
}

// lockShared takes a shared lock on path's companion, waiting up to
// lockWait for an exclusive holder (a restore) to finish.
func lockShared(path string) (*fileLock, error) {
	f, err := openLockFile(path)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(lockWait)
	for {
		err := lockFile(f, false)
		if err == nil && !stillNamed(f, path+lockSuffix) {
			f.Close() // deleted by its last holder meanwhile: lock the new one
			if f, err = openLockFile(path); err != nil {
				return nil, err
			}
			continue
		}
		if err == nil {
			return &fileLock{f: f, path: path + lockSuffix}, nil
		}
		if err != errLockHeld || time.Now().After(deadline) {
			f.Close()
			if err == errLockHeld {
				return nil, data.ErrFileBusy.With(path)
			}
			return nil, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// lockExclusive takes an exclusive lock on path's companion, or returns
// data.ErrOpenElsewhere at once when any process has the file open.
func lockExclusive(path string) (*fileLock, error) {
	f, err := openLockFile(path)
	if err != nil {
		return nil, err
	}
	for {
		if err := lockFile(f, true); err != nil {
			f.Close()
			if err == errLockHeld {
				return nil, data.ErrOpenElsewhere.With(path)
			}
			return nil, err
		}
		if stillNamed(f, path+lockSuffix) {
			return &fileLock{f: f, path: path + lockSuffix}, nil
		}
		f.Close()
		if f, err = openLockFile(path); err != nil {
			return nil, err
		}
	}
}

// stillNamed reports whether f is still the file called name.
func stillNamed(f *os.File, name string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(name)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// release lets the lock go (closing the descriptor releases it). The last
// holder deletes the companion, if it can.
func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	if runtime.GOOS == "windows" {
		// A lock cannot be made exclusive there, but a file that another
		// process has open cannot be deleted: close, then try.
		l.f.Close()
		data.RemoveHeldIfEmpty(strings.TrimSuffix(l.path, lockSuffix))
		os.Remove(l.path)
	} else {
		if lockFile(l.f, true) == nil && stillNamed(l.f, l.path) {
			data.RemoveHeldIfEmpty(strings.TrimSuffix(l.path, lockSuffix))
			os.Remove(l.path)
		}
		l.f.Close()
	}
	l.f = nil
}
