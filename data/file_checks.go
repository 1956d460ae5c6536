package data

import (
	"context"
	"errors"
)

// CheckIntegrity runs the engine's full integrity check on the file and
// recomputes every row's sum (seconds on a large one: run it in the
// background). The search index has a check of its own, CheckSearchIndex.
// A damaged file becomes read only and ErrDamaged is returned. A server
// checks its own data: there is nothing to do.
func (s *Store) CheckIntegrity(ctx context.Context) error {
	if s.file == nil {
		return nil
	}
	err := s.file.CheckIntegrity(ctx)
	if errors.Is(err, ErrDamaged) {
		s.markDamaged()
	}
	return err
}

// CheckSearchIndex checks the search index against the rows it is made
// from (seconds at 50,000 people: run it in the background), and rebuilds
// it when they differ, as after a byte flipped inside it: it holds nothing
// that the rows do not. It says whether it rebuilt it. A file only read is
// not checked, nor is a server's congress.
func (s *Store) CheckSearchIndex(ctx context.Context) (rebuilt bool, err error) {
	if s.ReadOnly() != nil || s.file == nil {
		return false, nil
	}
	differs, err := s.file.SearchIndexDiffers(ctx, searchIndexFill)
	if err != nil || !differs {
		return false, s.condition(err)
	}
	err = s.write(ctx, func(tx *sqlTx) error {
		for _, q := range []string{"INSERT INTO participant_fts (participant_fts) VALUES ('delete-all')", searchIndexFill} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
	return err == nil, err
}

// searchIndexFill fills the search index from the rows, as the triggers
// of migration 5 do row by row.
const searchIndexFill = `INSERT INTO participant_fts (rowid, first_name, last_name, organisation, email, code, name_key)
	SELECT p.id, p.first_name, p.last_name, coalesce(o.name, ''), p.email, p.code, p.name_key
	FROM participant p LEFT JOIN organisation o ON o.id = p.organisation_id`
