package stores

import (
	"context"

	"congres/data"
	"congres/data/postgres"
)

// Copy copies the congress at source (a file or a server) to dest (a file
// or a server), as one consistent state written whole: a new file at dest,
// never over an existing one (data.ErrFileExists); on a server, an empty
// database, which gets the schema first (one that holds a congress is
// refused with data.ErrNotEmpty, one that holds anything else with
// data.ErrServerNotCongress, and either is left as it was). progress, when
// not nil, is told how many rows of how many are written.
func Copy(ctx context.Context, source, dest string, progress func(done, total int)) error {
	if !IsServer(dest) {
		if err := data.CheckOutput(dest, source); err != nil {
			return err
		}
	}
	src, err := OpenOrView(ctx, source)
	if err != nil {
		return err
	}
	defer src.Close()
	if !IsServer(dest) {
		return src.CopyToFile(ctx, dest, progress)
	}
	dst, err := postgres.OpenStore(ctx, dest)
	if err != nil {
		return err
	}
	defer dst.Close()
	return src.CopyInto(ctx, dst, progress)
}
