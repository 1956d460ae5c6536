package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"sync"

	"congres/data"
)

// blankFile is an empty file at the newest schema, made once per process: a
// new congress starts as a copy of it instead of running every migration
// again (the row sums' triggers made that most of the time of Create).
var blankFile struct {
	once sync.Once
	b    []byte
	err  error
}

// blankSchema returns the bytes of an empty file at the newest schema, or
// an error when it could not be made (Create then migrates the new file).
func blankSchema() ([]byte, error) {
	blankFile.once.Do(func() {
		dir, err := os.MkdirTemp("", "congres-blank-")
		if err != nil {
			blankFile.err = err
			return
		}
		defer os.RemoveAll(dir)
		p := filepath.Join(dir, "blank"+data.Extension)
		if blankFile.err = os.WriteFile(p, nil, 0o600); blankFile.err != nil {
			return
		}
		ctx := context.Background()
		s, err := open(ctx, p, nil, nil)
		if err != nil {
			blankFile.err = err
			return
		}
		err = s.Checkpoint(ctx)
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			blankFile.b, err = os.ReadFile(p)
		}
		blankFile.err = err
	})
	return blankFile.b, blankFile.err
}
