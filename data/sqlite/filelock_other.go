//go:build !unix && !windows

package sqlite

import "os"

// lockFile does nothing where no file lock is known.
func lockFile(*os.File, bool) error { return nil }
