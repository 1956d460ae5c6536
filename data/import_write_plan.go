package data

import (
	"context"
	"math"
	"slices"
)

// An import decides its rows in a read transaction and writes them in a
// write transaction (see Import). This file holds what joins the two: the
// fingerprint of what the rows were decided against, the organisations and
// categories created only when writing, and the enrolments a dry run
// foresees without writing them.

// catRefused marks, in importCategories.byKey, a category text that is
// neither known nor created: its rows are rejected.
const catRefused = math.MinInt64

// importFingerprint sums up what an import's decisions depend on: the
// participants (how many, the newest ID, the latest change), the bulk
// changes (how many made, how many undone: an undo puts back the previous
// time of change, which the latest change then does not show), the
// organisations, categories, sessions and days. Check-ins, badges and
// enrolments are not in it: the rows are not decided against them (the
// enrolments are made in the write transaction).
func importFingerprint(ctx context.Context, tx *sqlTx) (string, error) {
	var fp string
	err := tx.QueryRowContext(ctx, `SELECT
		(SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(CAST(max(updated_at) AS text), '') FROM participant)
		|| '|' || (SELECT count(*) || ':' || count(undone_at) FROM bulk_change)
		|| '|' || (SELECT coalesce(string_agg(id || '=' || name, ';' ORDER BY id), '') FROM organisation)
		|| '|' || (SELECT coalesce(string_agg(id || '=' || name || '=' || badge_label || '=' || position, ';' ORDER BY id), '') FROM category)
		|| '|' || (SELECT coalesce(string_agg(id || '=' || title, ';' ORDER BY id), '') FROM session)
		|| '|' || (SELECT coalesce(string_agg(CAST(day AS text), ';' ORDER BY day), '') FROM congress_day)
		|| '|' || (SELECT count(*) FROM ticket)`).Scan(&fp)
	return fp, err
}

// writes tells whether the import has anything to write.
func (im *importer) writes() bool {
	if len(im.newOrgs) > 0 || len(im.newCats) > 0 || len(im.changed) > 0 || len(im.fresh) > 0 || im.saveMapping ||
		len(im.newTickets) > 0 || len(im.memories) > 0 {
		return true
	}
	for _, e := range im.enrolments {
		if e.session != 0 {
			return true
		}
	}
	return false
}

// createPlanned creates the organisations and categories the rows named,
// and gives their participants the real IDs.
func (im *importer) createPlanned() error {
	if len(im.newOrgs) == 0 && len(im.newCats) == 0 {
		return nil
	}
	im.wrote = true
	orgs, err := im.insertOrgs()
	if err != nil {
		return err
	}
	cats := make([]int64, len(im.newCats))
	for i := range im.newCats {
		cat := im.newCats[i]
		cat.ID = 0
		if err := insertCategory(im.ctx, im.tx, &cat); err != nil {
			return err
		}
		cats[i] = cat.ID
	}
	for _, list := range [][]*importTarget{im.changed, im.fresh} {
		for _, t := range list {
			if t.org < 0 {
				t.org = orgs[-t.org-1]
			}
			if t.p.CategoryID < 0 {
				t.p.CategoryID = cats[-t.p.CategoryID-1]
			}
		}
	}
	return nil
}

// dryEnrol foresees what enrol would do, without writing: the same
// warnings (unknown session, cancelled participant, clash, waiting list)
// and the same count, from the sessions' places and the enrolments
// already made, in the import's order, under the same rules (firstClash,
// waits).
func (im *importer) dryEnrol() error {
	column := im.columns[FieldWorkshops]
	sessions := map[int64]*Session{}
	session := func(id int64) (*Session, error) {
		if se, ok := sessions[id]; ok {
			return se, nil
		}
		se, err := loadSession(im.ctx, im.tx, id)
		if err != nil {
			return nil, err
		}
		sessions[id] = &se
		return &se, nil
	}
	down := map[*importTarget][]int64{}  // sessions each person is enrolled or waitlisted for
	seats := map[*importTarget][]int64{} // those they hold a seat in: only seats clash
	for _, e := range im.enrolments {
		if err := im.ctx.Err(); err != nil {
			return err
		}
		if e.session == 0 {
			im.warn(e.line, column, ErrImportWorkshop.With(e.title))
			continue
		}
		list, ok := down[e.t]
		if !ok && !e.t.isNew {
			var err error
			if list, err = enrolledSessions(im.ctx, im.tx, e.t.id); err != nil {
				return err
			}
			if seats[e.t], err = queryIDs(im.ctx, im.tx, "SELECT session_id FROM enrolment WHERE participant_id = ? AND status = 'enrolled'", e.t.id); err != nil {
				return err
			}
		}
		down[e.t] = list
		if slices.Contains(list, e.session) {
			continue // already down for it
		}
		if e.t.p.Status == StatusCancelled {
			im.warn(e.line, column, ErrParticipantCancelled.With(e.t.p.FullName()))
			continue
		}
		se, err := session(e.session)
		if err != nil {
			if KindOf(err) == KindInternal {
				return err
			}
			im.warn(e.line, column, err)
			continue
		}
		others := make([]*Session, 0, len(seats[e.t]))
		for _, id := range seats[e.t] {
			o, err := session(id)
			if err != nil {
				return err
			}
			others = append(others, o)
		}
		if c := firstClash(se, others); c != nil {
			im.warn(e.line, column, ErrClash.With(e.t.p.FullName(), c.Title, c.Start, c.End))
			continue
		}
		down[e.t] = append(list, se.ID)
		if waits(se) {
			se.Waitlisted++
			im.warn(e.line, column, ErrImportWaitlisted.With(e.title, e.t.p.FullName()))
			continue
		}
		seats[e.t] = append(seats[e.t], se.ID)
		se.Enrolled++
		im.report.Enrolments++
	}
	return nil
}

// enrolledSessions lists the sessions a participant is enrolled or
// waitlisted for.
func enrolledSessions(ctx context.Context, tx *sqlTx, participantID int64) ([]int64, error) {
	return queryIDs(ctx, tx, "SELECT session_id FROM enrolment WHERE participant_id = ? AND status IN ('enrolled', 'waitlisted')", participantID)
}

// insertOrgs creates the new organisations, many per statement, with the
// IDs that follow the largest (a file's or a server's writers follow one
// another: nobody else adds one meanwhile), and returns their IDs in the
// order of newOrgs. One statement per organisation took 0.3 s for the
// 3,000 of BenchmarkImport100k.
func (im *importer) insertOrgs() ([]int64, error) {
	if len(im.newOrgs) == 0 {
		return nil, nil
	}
	var last int64
	if err := im.tx.QueryRowContext(im.ctx, "SELECT coalesce(max(id), 0) FROM organisation").Scan(&last); err != nil {
		return nil, err
	}
	orgs := make([]int64, len(im.newOrgs))
	for i := range orgs {
		orgs[i] = last + 1 + int64(i)
	}
	err := im.insertRows("organisation", "id, name", 2, len(orgs), func(args []any, i int) ([]any, error) {
		return append(args, orgs[i], im.newOrgs[i]), nil
	})
	if err != nil {
		return nil, im.tx.broke(err)
	}
	if q := im.tx.d.AfterCopy("organisation"); q != "" {
		if _, err := im.tx.ExecContext(im.ctx, q); err != nil {
			return nil, err
		}
	}
	return orgs, nil
}
