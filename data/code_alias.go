package data

import (
	"context"
)

// Code aliases (migration 0007): when two records of one person are merged,
// the code of the record merged away stays a way to find the person kept —
// its badge may already be printed, and is scanned at the desk. A code is a
// participant's or an alias, never both: no participant is given, or may
// take, a code that is an alias.

// codeOwnerID is the SQL of the ID of the person who has the code ?1, as
// their own code or as an alias; NULL when nobody has it.
const codeOwnerID = `coalesce((SELECT id FROM participant WHERE code = ?1),
	(SELECT participant_id FROM code_alias WHERE code = ?1))`

// codeInUse reports whether a participant has the code or it is an alias.
func codeInUse(ctx context.Context, tx *sqlTx, code string) (bool, error) {
	var used bool
	err := tx.QueryRowContext(ctx, "SELECT "+codeOwnerID+" IS NOT NULL", code).Scan(&used)
	return used, err
}

// checkCodeFree refuses a code given by hand (or by an import) that is the
// alias of a merged record. The participant table's unique index refuses
// the codes of other participants.
func checkCodeFree(ctx context.Context, tx *sqlTx, code string) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM code_alias WHERE code = ?", code).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return ErrCodeTaken.With(code)
	}
	return nil
}

// CodeAliases returns the codes of the records merged into a participant,
// which still find them.
func (s *Store) CodeAliases(ctx context.Context, participantID int64) ([]string, error) {
	var codes []string
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, "SELECT code FROM code_alias WHERE participant_id = ? ORDER BY at, code", participantID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				return err
			}
			codes = append(codes, c)
		}
		return rows.Err()
	})
	return codes, err
}

// indexAliases files the codes of merged records under the person they
// were merged into: a row that gives such a code is about that person, and
// no new participant is given one.
func (im *importer) indexAliases() error {
	return im.eachCodeOfTarget("code_alias", func(code string, t *importTarget) {
		if im.byCode[code] == nil {
			im.byCode[code] = t
		}
	})
}

// eachCodeOfTarget calls file with each code of table (code_alias,
// ticket: a code and the participant_id it belongs to) whose person is one
// of the import's targets.
func (im *importer) eachCodeOfTarget(table string, file func(code string, t *importTarget)) error {
	byID := make(map[int64]*importTarget, len(im.byCode))
	for _, t := range im.byCode {
		byID[t.id] = t
	}
	rows, err := im.tx.QueryContext(im.ctx, "SELECT code, participant_id FROM "+table)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var id int64
		if err := rows.Scan(&code, &id); err != nil {
			return err
		}
		if t := byID[id]; t != nil {
			file(code, t)
		}
	}
	return rows.Err()
}
