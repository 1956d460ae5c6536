package data

import (
	"path/filepath"
	"testing"
)

// Stats counts each person once per day and once in their category,
// whatever their arrivals: two arrivals on one day (two desks that were
// offline), arrivals on both days, an arrival undone and one arrived
// again; as the old queries counted, one per arrival looked up.
func TestStatsArrivalsCountPeopleOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo"+Extension)
	if err := WriteDemo(ctx, path, DemoOptions{Participants: 300}); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	in, err := s.ParticipantIDs(ctx, ParticipantQuery{CheckedIn: Yes, Limit: 6})
	if err != nil || len(in) < 6 {
		t.Fatal(in, err)
	}
	for _, id := range in[:3] { // twice on the first day, as two desks offline write it
		if err := s.ExecForTest(ctx, `INSERT INTO checkin (participant_id, kind, day, at)
			VALUES (?, 'arrival', '2021-11-25', '2021-11-25T09:01:00.000000Z')`, id); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range in[3:] { // and on the second day
		if _, err := s.CheckIn(ctx, id, "2021-11-26", 0, ""); err != nil {
			t.Fatal(err)
		}
	}
	s.kept.forget() // the raw writes above do not count in the revision
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var perDay map[Day]int
	perCategory := map[int64]int{}
	err = s.read(ctx, func(tx *sqlTx) error {
		var err error
		if perDay, err = dayCounts(tx, oldArrived); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT p.category_id, count(DISTINCT c.participant_id) FROM checkin c
			JOIN participant p ON p.id = c.participant_id WHERE c.kind = 'arrival'
			AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id) GROUP BY p.category_id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var cat int64
			var n int
			if err := rows.Scan(&cat, &n); err != nil {
				return err
			}
			perCategory[cat] = n
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	arrivals, total := 0, 0
	for _, dc := range st.ByDay {
		arrivals += dc.CheckedIn
		if dc.CheckedIn != perDay[dc.Day] || dc.CheckedIn == 0 {
			t.Errorf("%s: %d arrived, one query per day: %d", dc.Day, dc.CheckedIn, perDay[dc.Day])
		}
	}
	for _, cc := range st.ByCategory {
		total += cc.CheckedIn
		if cc.CheckedIn != perCategory[cc.Category.ID] {
			t.Errorf("%s: %d arrived, one query: %d", cc.Category.Name, cc.CheckedIn, perCategory[cc.Category.ID])
		}
	}
	if arrivals-total < 3 { // the three arrived on both days count once in their category
		t.Errorf("%d arrivals by day, %d people by category", arrivals, total)
	}
	quarters := 0
	for _, b := range st.Arrivals {
		quarters += b.Count
	}
	if quarters != arrivals+3 { // each arrival in its quarter, the repeated too
		t.Errorf("%d arrivals in the quarters, %d people by day and 3 repeated", quarters, arrivals)
	}
}
