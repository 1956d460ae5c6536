package postgres

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"congres/data"
)

// revisionNow is the congress's revision at dbURL.
func revisionNow(t *testing.T, raw *Store) int64 {
	t.Helper()
	n, err := strconv.ParseInt(query(t, raw, "SELECT n FROM revision")[0][0], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// changesAfter lists the feed's entries after revision rev, as
// "revision table key".
func changesAfter(t *testing.T, raw *Store, rev int64) []string {
	t.Helper()
	var out []string
	for _, r := range query(t, raw, `SELECT revision, tbl, row_key::text FROM change_log
		WHERE revision > $1 ORDER BY revision, tbl, row_key::text`, rev) {
		out = append(out, r[0]+" "+r[1]+" "+r[2])
	}
	return out
}

func hasChange(changes []string, want string) bool {
	for _, c := range changes {
		if c == want {
			return true
		}
	}
	return false
}

// TestChangeLog: each write transaction notes the rows it added, changed
// or deleted in the change feed, under its own revision, whether written by
// the organiser or by a desk account; a desk account cannot write into the
// feed itself.
func TestChangeLog(t *testing.T) {
	ctx := context.Background()
	dbURL := newDatabase(t)
	s, err := Create(ctx, dbURL, data.Congress{Name: "Congrès", Days: []data.Day{"2026-06-01"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	raw := mustOpen(t, dbURL)
	cats, err := s.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}

	before := revisionNow(t, raw)
	p := data.Participant{FirstName: "Awa", LastName: "Diallo", CategoryID: cats[0].ID,
		Status: data.StatusConfirmed, Days: []data.Day{"2026-06-01"}}
	if err := s.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	created := revisionNow(t, raw)
	if created <= before {
		t.Fatalf("revision %d after a write, %d before", created, before)
	}
	changes := changesAfter(t, raw, before)
	for _, want := range []string{
		fmt.Sprintf(`%d participant {"id": %d}`, created, p.ID),
		fmt.Sprintf(`%d participant_day {"day": "2026-06-01", "participant_id": %d}`, created, p.ID),
	} {
		if !hasChange(changes, want) {
			t.Errorf("the feed after a new participant: no %q in %q", want, changes)
		}
	}

	room := data.Room{Name: "Salle A"}
	if err := s.SaveRoom(ctx, &room); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteRoom(ctx, room.ID); err != nil {
		t.Fatal(err)
	}
	deleted := revisionNow(t, raw)
	if !hasChange(changesAfter(t, raw, deleted-1), fmt.Sprintf(`%d room {"id": %d}`, deleted, room.ID)) {
		t.Errorf("a deleted room is not in the feed: %q", changesAfter(t, raw, created))
	}

	deskURL := newUser(t, dbURL, RoleDesk)
	desk, err := OpenStore(ctx, deskURL)
	if err != nil {
		t.Fatal(err)
	}
	defer desk.Close()
	r, err := desk.Admit(ctx, data.AdmitRequest{ParticipantID: p.ID, Day: "2026-06-01", Desk: "Desk 1"})
	if err != nil || !r.Admitted {
		t.Fatalf("a desk account's check-in: %+v, %v", r, err)
	}
	admitted := revisionNow(t, raw)
	want := fmt.Sprintf(`%d checkin {"id": %d}`, admitted, r.Checkin.ID)
	if !hasChange(changesAfter(t, raw, deleted), want) {
		t.Errorf("a desk's check-in: no %q in %q", want, changesAfter(t, raw, deleted))
	}
	conn := connectAs(t, deskURL)
	refused(t, conn, `INSERT INTO change_log (revision, tbl, row_key) VALUES (1, 'participant', '{"id": 1}')`)
	refused(t, conn, `DELETE FROM change_log`)
	allowed(t, conn, `SELECT count(*) FROM change_log`)
}

// TestChangeLogCoversTheCopy: every table that a copy of a congress
// carries has its three triggers into the change feed, so that a replica
// built by a copy misses no change (0012_replicas.sql lists them).
func TestChangeLogCoversTheCopy(t *testing.T) {
	raw := mustOpen(t, newDatabase(t))
	got := map[string]bool{}
	for _, r := range query(t, raw, `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal`) {
		got[r[0]] = true
	}
	for _, table := range data.CopiedTables() {
		for _, op := range []string{"insert", "update", "delete"} {
			if name := table + "_feed_" + op; !got[name] {
				t.Errorf("no trigger %s: the change feed misses the %ss of %s", name, op, table)
			}
		}
	}
}
