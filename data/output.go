package data

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Writing a file (a PDF, a workbook, a copy) over a congress destroys it.
// CheckOutput is the one rule every command and every Save dialog asks
// before writing.
var (
	// ErrOutputIsCongress: the file chosen to write to is the open congress
	// file, or one of its companions (-wal, -shm, -journal).
	ErrOutputIsCongress = newErr(KindConflict, "output_is_congress", "",
		"%s is the open congress file (or part of it): nothing was written. Choose another file name.",
		"%s est le fichier du congrès ouvert (ou en fait partie) : rien n'a été écrit. Choisissez un autre nom de fichier.")
	// ErrOutputIsDatabase: the file chosen to write to is a database: a
	// congress file, another program's SQLite file, or a companion of one.
	ErrOutputIsDatabase = newErr(KindConflict, "output_is_database", "",
		"%s is a congress file or another database (or part of one): nothing was written. Choose another file name.",
		"%s est un fichier de congrès ou une autre base de données (ou en fait partie) : rien n'a été écrit. Choisissez un autre nom de fichier.")
)

// sqliteHeader opens every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// companions are the suffixes of the files kept beside a database X:
// X-wal, X-shm and X-journal (SQLite's) and X-held (the desk's journal of
// a congress file) are part of X.
var companions = []string{"-wal", "-shm", "-journal", HeldSuffix}

// CheckOutput says whether a file may be written at path: it may not when
// path is, however spelled (relative, through a symbolic link, a hard
// link), one of the open congress files named in open or one of their
// companions, nor when path is any SQLite file (a congress or another
// program's database), an existing file named like a congress (*.congres,
// even damaged) or the companion of one. Any other file, existing or not,
// may be written.
func CheckOutput(path string, open ...string) error {
	target := resolve(path)
	for _, o := range open {
		if o == "" {
			continue
		}
		ro := resolve(o)
		for _, suffix := range append([]string{""}, companions...) {
			if sameFile(target, ro+suffix) || sameFile(path, o+suffix) {
				return ErrOutputIsCongress.With(path)
			}
		}
	}
	if isDatabase(target) {
		return ErrOutputIsDatabase.With(path)
	}
	for _, suffix := range companions {
		if base, ok := strings.CutSuffix(target, suffix); ok && isDatabase(base) {
			return ErrOutputIsDatabase.With(path)
		}
	}
	return nil
}

// isDatabase reports whether path is an SQLite file, or a congress file
// that no longer looks like one (a damaged congress is kept too).
func isDatabase(path string) bool {
	if isSQLite(path) {
		return true
	}
	if !strings.EqualFold(filepath.Ext(path), Extension) {
		return false
	}
	_, err := os.Stat(path)
	return err == nil
}

// resolve is path made absolute, through its symbolic links: the whole
// path when it exists, else its folder.
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// sameFile reports whether a and b name one file: the same path, or two
// names of one existing file (hard links, a case-insensitive file system).
func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// isSQLite reports whether path is a file that starts as SQLite databases
// do.
func isSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, sqliteHeader)
}

// OutputCondition turns an error met while writing an output at path (an
// export, a copy) into a sentence when it is an ordinary condition: a
// folder or disk that cannot be written, a full disk. Any other error is
// returned as it is.
func OutputCondition(path string, err error) error {
	var ours *Error
	switch {
	case err == nil || errors.As(err, &ours):
		return err
	case IsNotWritable(err):
		return ErrFolderNotWritable.With(path).because(err)
	case errors.Is(err, syscall.ENOSPC):
		return ErrDiskFull.With(path).because(err)
	}
	return err
}
