package postgres

import (
	"context"
	"fmt"
	"testing"

	"congres/data"
)

// TestChangeLogPruned: opening the congress prunes the change feed of the
// changes older than a week (whoever opens it: here a desk account, which
// cannot write the feed itself), remembers the last revision pruned, and
// keeps the newer changes. A desk account adds rows to the list to review
// (its journal's conflicts) and changes none.
func TestChangeLogPruned(t *testing.T) {
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
	add := func(last string) data.Participant {
		p := data.Participant{FirstName: "Awa", LastName: last, CategoryID: cats[0].ID, Status: data.StatusConfirmed}
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	old := add("Diallo")
	oldRev := revisionNow(t, raw)
	exec(t, raw, "UPDATE change_log SET at = now() - interval '8 days' WHERE revision < $1", oldRev)
	exec(t, raw, "UPDATE change_log SET at = now() - interval '6 days' WHERE revision = $1", oldRev) // the week not yet over
	recent := add("Ndiaye")
	newRev := revisionNow(t, raw)

	deskURL := newUser(t, dbURL, RoleDesk)
	desk, err := OpenStore(ctx, deskURL) // opening prunes
	if err != nil {
		t.Fatal(err)
	}
	defer desk.Close()
	if n := query(t, raw, "SELECT count(*) FROM change_log WHERE revision < $1", oldRev)[0][0]; n != "0" {
		t.Errorf("%s changes older than a week left in the feed", n)
	}
	if got := changesAfter(t, raw, oldRev-1); !hasChange(got, fmt.Sprintf(`%d participant {"id": %d}`, oldRev, old.ID)) ||
		!hasChange(got, fmt.Sprintf(`%d participant {"id": %d}`, newRev, recent.ID)) {
		t.Errorf("the feed's changes of the week are gone: %q", got)
	}
	if got := query(t, raw, "SELECT revision FROM change_log_pruned")[0][0]; got != fmt.Sprint(oldRev-1) {
		t.Errorf("last revision pruned: %s, want %d", got, oldRev-1)
	}
	// A week later, the rest goes; the revision pruned never goes back.
	exec(t, raw, "UPDATE change_log SET at = now() - interval '8 days'")
	if rev, err := raw.PruneChangeLog(ctx, ChangeLogKeep); err != nil || rev != newRev {
		t.Errorf("pruned up to %d (%v), want %d", rev, err, newRev)
	}
	if rev, err := raw.PruneChangeLog(ctx, ChangeLogKeep); err != nil || rev != newRev {
		t.Errorf("pruned again: up to %d (%v), want %d", rev, err, newRev)
	}

	conn := connectAs(t, deskURL)
	allowed(t, conn, `INSERT INTO review (kind, participant_id, at, created_at) VALUES ('seat_request', $1, now(), now())`, old.ID)
	refused(t, conn, `UPDATE review SET resolved_at = now()`)
	refused(t, conn, `DELETE FROM change_log_pruned`)
	if n, err := s.CountToReview(ctx); err != nil || n != 1 {
		t.Errorf("%d to review (%v), want the desk's", n, err)
	}
}
