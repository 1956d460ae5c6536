package data

import (
	"testing"
	"time"
)

// TestFileFoldKeepsSecondArrivalForReview: a file congress folding its own
// journal (issue 14) keeps a second arrival as a conflict on the server
// does: an arrival held while an import held the file, and another
// program's arrival for the same person written meanwhile (later, then
// earlier), count once, and the other scan is on the list to review. A
// held arrival its desk took back, and the rehearsal's, are dropped as
// before.
func TestFileFoldKeepsSecondArrivalForReview(t *testing.T) {
	heldFolder = false // only the writes fold
	t.Cleanup(func() { heldFolder = true })
	s := mustOpen(t)
	p := addPerson(t, s, "Awa", "Diallo")
	q := addPerson(t, s, "Bui", "Lan")
	r := addPerson(t, s, "Chen", "Li")
	base := time.Date(2021, 11, 26, 9, 0, 0, 0, time.UTC)
	now := fixedClock(s, base)

	release := holdWriteLock(t, s.Path())
	admit(t, s, AdmitRequest{ParticipantID: p.ID, Day: day2, Desk: "Desk 2"}) // 9:00
	*now = base.Add(10 * time.Minute)
	admit(t, s, AdmitRequest{ParticipantID: q.ID, Day: day2, Desk: "Desk 2"}) // 9:10
	admit(t, s, AdmitRequest{ParticipantID: r.ID, Day: day2, Desk: "Desk 2"})
	if _, err := s.UndoLastEntry(ctx, r.ID, "Desk 2"); err != nil {
		t.Fatal(err)
	}
	release()
	// Another program (a desk that does not fold) writes arrivals of p at
	// 9:05 (after the held one) and of q at 9:05 (before it), and of r.
	for _, id := range []int64{p.ID, q.ID, r.ID} {
		if err := s.ExecForTest(ctx, "INSERT INTO checkin (participant_id, kind, day, at, desk) VALUES (?, 'arrival', ?, ?, 'Desk 9')",
			id, day2, formatTime(base.Add(5*time.Minute))); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.foldHeldWithin(ctx, time.Second); err != nil {
		t.Fatal(err)
	}
	if n := heldNow(t, s); n != 0 {
		t.Fatalf("%d actions left in the journal", n)
	}
	if n := arrivedCount(t, s, day2); n != 3 {
		t.Errorf("%d arrived, want 3", n)
	}
	for id, want := range map[int64]string{p.ID: "Desk 2", q.ID: "Desk 9", r.ID: "Desk 9"} {
		var open []Checkin
		for _, c := range fileLog(t, s, id) {
			if c.Kind == Arrival && !c.Undone {
				open = append(open, c)
			}
		}
		if len(open) != 1 || open[0].Desk != want {
			t.Errorf("the open arrivals of %d: %+v, want one by %s", id, open, want)
		}
	}
	list, err := s.ToReview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("the list to review: %+v, want p's and q's", list)
	}
	for _, rv := range list {
		switch rv.ParticipantID {
		case p.ID: // the held scan is earlier: the other program's goes to review
			if rv.Desk != "Desk 9" || !rv.At.Equal(base.Add(5*time.Minute)) || rv.KeptDesk != "Desk 2" || !rv.KeptAt.Equal(base) {
				t.Errorf("p's entry to review: %+v", rv)
			}
		case q.ID: // the held scan is later: it goes to review
			if rv.Desk != "Desk 2" || !rv.At.Equal(base.Add(10*time.Minute)) || rv.Op == "" || rv.KeptDesk != "Desk 9" {
				t.Errorf("q's entry to review: %+v", rv)
			}
		default:
			t.Errorf("an entry to review for someone else: %+v", rv)
		}
		if rv.Kind != ReviewSecondArrival || rv.Day != day2 {
			t.Errorf("entry to review: %+v", rv)
		}
	}
}
