package export

import (
	"bufio"
	"io"
	"os"
	"path/filepath"

	"congres/data"
)

// WriteFile writes a document to path whole or not at all: fn writes into a
// temporary file beside path, which replaces path only once fn has succeeded
// and the bytes are on disk. A failed or cancelled export leaves no
// half-written PDF where the user expects a good one, nor destroys the
// previous one. A folder that cannot be written or a full disk is said in a
// sentence (data.OutputCondition).
//
// A congress file, its companions or any other database at path are
// refused (data.CheckOutput) before anything is written; open names the
// open congress files.
//
// The document is readable by its owner alone, as the congress is (it holds
// people's names), unless it replaces a file whose permissions it keeps.
func WriteFile(path string, fn func(io.Writer) error, open ...string) error {
	if err := data.CheckOutput(path, open...); err != nil {
		return err
	}
	return data.OutputCondition(path, writeAtomically(path, fn, open))
}

func writeAtomically(path string, fn func(io.Writer) error, open []string) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.part")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := bufio.NewWriterSize(f, 1<<16)
	if err = fn(w); err != nil {
		return err
	}
	if err = w.Flush(); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil {
		if err := os.Chmod(f.Name(), st.Mode().Perm()); err != nil {
			return err
		}
	}
	if err = data.CheckOutput(path, open...); err != nil {
		return err // a database came at path while writing
	}
	return os.Rename(f.Name(), path)
}
