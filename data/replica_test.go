package data_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	. "congres/data"
)

// tableRows reads every row of every copied table of s, as text, in the
// order of their keys: what two copies of one congress must agree on.
func tableRows(tb testing.TB, s *Store) map[string][]string {
	tb.Helper()
	out := map[string][]string{}
	for _, t := range CopiedTables() {
		rows, err := s.QueryForTest(ctx, "SELECT * FROM "+t+" ORDER BY 1, 2")
		if err != nil {
			tb.Fatalf("%s: %v", t, err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			var line []string
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				line = append(line, fmt.Sprintf("%s=%v", cols[i], v))
			}
			out[t] = append(out[t], strings.Join(line, " "))
		}
		if err := rows.Err(); err != nil {
			tb.Fatal(err)
		}
		rows.Close()
	}
	return out
}

// sameRows reports the tables where a and b differ.
func sameRows(tb testing.TB, what string, a, b map[string][]string) {
	tb.Helper()
	for _, t := range CopiedTables() {
		if strings.Join(a[t], "\n") != strings.Join(b[t], "\n") {
			tb.Errorf("%s: table %s differs:\nreplica: %d rows %.600q\ncopy:    %d rows %.600q", what, t,
				len(a[t]), a[t], len(b[t]), b[t])
		}
	}
}

// replicaOf copies the server's congress into a new file, opened.
func replicaOf(tb testing.TB, srv *Store, name string) *Store {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name+Extension)
	if err := srv.CopyToFile(ctx, path, nil); err != nil {
		tb.Fatal(err)
	}
	r, err := Open(ctx, path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.Close() })
	return r
}

// TestReplicaCatchesUp: a desk's copy of a server's congress, after the
// server's people, arrivals, programme, badge settings and a bulk change of
// more rows than are fetched one by one changed, catches up to the same
// rows as a new copy of the server made then; catching up again changes
// nothing; the replica's search finds a renamed person by the new name.
func TestReplicaCatchesUp(t *testing.T) {
	if !onServer() {
		t.Skip("a replica is a copy of a congress kept on a server")
	}
	srv, err := newCongress(t, Congress{Name: "Congrès", Days: []Day{"2021-11-25", "2021-11-26"}})
	if err != nil {
		t.Fatal(err)
	}
	fixedClock(srv, time.Date(2021, 11, 25, 9, 0, 0, 0, time.Local))
	room := addRoom(t, srv, "Salle A", 30)
	gone := addRoom(t, srv, "Salle B", 10)
	se := addSession(t, srv, "Atelier", "2021-11-25", "10:00", "11:00", room.ID)
	var people []Participant
	for i := range 3 {
		people = append(people, addPerson(t, srv, "Awa", "Diallo"+itoa(i)))
	}

	rep := replicaOf(t, srv, "replica")
	rev, err := srv.CatchUp(ctx, rep)
	if err != nil {
		t.Fatalf("catching up with nothing new: %v", err)
	}

	// The server changes.
	p := people[0]
	p.LastName = "Béasse"
	p.Days = []Day{"2021-11-26"}
	if err := srv.UpdateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if r, err := srv.Admit(ctx, AdmitRequest{ParticipantID: people[1].ID, Day: "2021-11-25", Desk: "Desk 1"}); err != nil || !r.Admitted {
		t.Fatalf("admit: %+v %v", r, err)
	}
	if _, err := srv.Enrol(ctx, people[2].ID, se.ID); err != nil {
		t.Fatal(err)
	}
	if err := srv.DeleteRoom(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := srv.SaveBadgeSettings(ctx, "a6", BadgeSettings{}); err != nil {
		t.Fatalf("badge settings: %v", err)
	}
	var many []int64
	for i := range 510 {
		many = append(many, addPerson(t, srv, "Léon", "Martin"+itoa(i)).ID)
	}
	if _, err := srv.SetStatusMany(ctx, many, StatusCancelled, "test"); err != nil {
		t.Fatal(err)
	}

	now, err := srv.CatchUp(ctx, rep)
	if err != nil {
		t.Fatalf("catching up: %v", err)
	}
	if now <= rev {
		t.Errorf("the replica holds revision %d after catching up, %d before", now, rev)
	}
	fresh := replicaOf(t, srv, "fresh")
	sameRows(t, "after catching up", tableRows(t, rep), tableRows(t, fresh))

	again, err := srv.CatchUp(ctx, rep)
	if err != nil || again != now {
		t.Errorf("catching up again: revision %d (want %d), %v", again, now, err)
	}
	sameRows(t, "after catching up twice", tableRows(t, rep), tableRows(t, fresh))

	found, err := rep.ListParticipants(ctx, ParticipantQuery{Search: "beasse"})
	if err != nil || len(found) != 1 || found[0].ID != p.ID {
		t.Errorf("the replica's search for the new name: %+v, %v", found, err)
	}
}

// TestCatchUpRefusesAFile: a file that is not a copy of a server's
// congress does not catch up.
func TestCatchUpRefusesAFile(t *testing.T) {
	if !onServer() {
		t.Skip("needs a server")
	}
	srv, err := newCongress(t, Congress{Name: "Congrès", Days: []Day{"2021-11-25"}})
	if err != nil {
		t.Fatal(err)
	}
	other, err := Create(ctx, filepath.Join(t.TempDir(), "other"+Extension), Congress{Name: "Autre", Days: []Day{"2021-11-25"}})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	_, err = srv.CatchUp(ctx, other)
	wantErr(t, err, ErrNotReplica)
}
