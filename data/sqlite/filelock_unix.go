//go:build unix

package sqlite

import (
	"os"
	"syscall"
)

// lockFile takes a flock(2) lock on f without waiting: flock locks belong to
// the open file, so two opens in one process exclude each other too, and
// they are independent of SQLite's POSIX locks.
func lockFile(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		switch err {
		case nil:
			return nil
		case syscall.EINTR:
			continue
		case syscall.EWOULDBLOCK:
			return errLockHeld
		}
		return err
	}
}
