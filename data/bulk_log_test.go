package data_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	. "congres/data"
)

// dumpTable writes every row of a table, in order of id, as text.
func dumpTable(t *testing.T, s *Store, table string) string {
	t.Helper()
	rows, err := s.QueryForTest(ctx, "SELECT * FROM "+table+" ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, vals...)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// snapshot is the participants and the enrolments, whole.
func snapshot(t *testing.T, s *Store) string {
	t.Helper()
	return dumpTable(t, s, "participant") + "--\n" + dumpTable(t, s, "enrolment")
}

// TestBulkUndo: each bulk change is logged (who, when, what, the previous
// values) and undone once, restoring exactly the previous values, the
// places it handed on included; an undo that would overwrite later work is
// refused and undoes nothing.
func TestBulkUndo(t *testing.T) {
	s := mustOpen(t)
	now := fixedClock(s, time.Date(2021, 11, 20, 9, 0, 0, 0, time.UTC))
	tick := func() { *now = now.Add(time.Minute) }
	a, b, c, d := addPerson(t, s, "Ana", "A"), addPerson(t, s, "Bo", "B"), addPerson(t, s, "Cy", "C"), addPerson(t, s, "Di", "D")
	press := category(t, s, "Presse")
	room := addRoom(t, s, "Salle", 2)
	ws := addSession(t, s, "Atelier", day1, "10:00", "11:00", room.ID)
	for _, p := range []Participant{a, b, c} { // c waits for a place
		if _, err := s.Enrol(ctx, p.ID, ws.ID); err != nil {
			t.Fatal(err)
		}
	}
	tick()

	undo := func(t *testing.T, ch BulkChange, before string) {
		t.Helper()
		tick()
		if err := s.UndoBulkChange(ctx, ch.ID, "Desk 9"); err != nil {
			t.Fatal(err)
		}
		if got := snapshot(t, s); got != before {
			t.Fatalf("undo did not restore the previous values:\nbefore\n%s\nafter undo\n%s", before, got)
		}
		err := s.UndoBulkChange(ctx, ch.ID, "Desk 9")
		wantErr(t, err, ErrBulkUndone)
	}

	t.Run("Category", func(t *testing.T) {
		before := snapshot(t, s)
		ch, err := s.SetCategoryMany(ctx, []int64{a.ID, d.ID}, press, "Desk 1")
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Participant(ctx, d.ID); got.CategoryID != press {
			t.Fatal("not changed")
		}
		if ch.ID == 0 || ch.Kind != BulkCategory || ch.Value != "Presse" || ch.People != 2 || ch.By != "Desk 1" {
			t.Fatalf("%+v", ch)
		}
		undo(t, ch, before)
	})
	t.Run("StatusCancelHandsPlacesBack", func(t *testing.T) {
		before := snapshot(t, s)
		ch, err := s.SetStatusMany(ctx, []int64{a.ID, d.ID}, StatusCancelled, "Desk 1")
		if err != nil {
			t.Fatal(err)
		}
		list, _ := s.SessionEnrolments(ctx, ws.ID)
		statuses := map[int64]EnrolmentStatus{}
		for _, e := range list {
			statuses[e.ParticipantID] = e.Status
		}
		if statuses[c.ID] != Enrolled {
			t.Fatalf("the place was not handed on: %+v", list)
		}
		undo(t, ch, before) // a gets her place back, c waits again
	})
	t.Run("Enrol", func(t *testing.T) {
		other := addSession(t, s, "Autre", day2, "10:00", "11:00", 0)
		if _, err := s.Enrol(ctx, d.ID, other.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.CancelEnrolment(ctx, d.ID, other.ID); err != nil { // a cancelled row, which the enrolment reuses
			t.Fatal(err)
		}
		tick()
		before := snapshot(t, s)
		ch, res, err := s.EnrolMany(ctx, []int64{b.ID, d.ID}, other.ID, "Desk 1")
		if err != nil || len(res) != 2 || res[0].Status != Enrolled || res[1].Status != Enrolled {
			t.Fatal(res, err)
		}
		if ch.Kind != BulkEnrol || ch.Value != "Autre" {
			t.Fatalf("%+v", ch)
		}
		undo(t, ch, before)
	})
	t.Run("ErrBulkChangedSince", func(t *testing.T) {
		ch, err := s.SetCategoryMany(ctx, []int64{a.ID, b.ID}, press, "Desk 1")
		if err != nil {
			t.Fatal(err)
		}
		tick()
		p, _ := s.Participant(ctx, b.ID)
		p.Status = StatusPending
		if err := s.UpdateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		changed := snapshot(t, s)
		err = s.UndoBulkChange(ctx, ch.ID, "Desk 9")
		wantErr(t, err, ErrBulkChangedSince)
		if !strings.Contains(Message(err, "en"), "Bo B") {
			t.Fatalf("the sentence does not name who changed: %v", err)
		}
		if snapshot(t, s) != changed {
			t.Fatal("a refused undo changed something")
		}
		if err := s.DeleteParticipant(ctx, b.ID); err != nil {
			t.Fatal(err)
		}
		wantErr(t, s.UndoBulkChange(ctx, ch.ID, "Desk 9"), ErrBulkChangedSince)
		wantErr(t, s.UndoBulkChange(ctx, 9999, "Desk 9"), ErrNotFound)
	})
	t.Run("Logged", func(t *testing.T) {
		list, err := s.BulkChanges(ctx, 0)
		if err != nil || len(list) != 4 {
			t.Fatalf("%d changes logged (%v)", len(list), err)
		}
		first := list[3]
		if first.Kind != BulkCategory || first.By != "Desk 1" || first.UndoneBy != "Desk 9" || !first.Undone() ||
			first.At.IsZero() || !first.UndoneAt.After(first.At) || list[0].Undone() {
			t.Fatalf("%+v", list)
		}
		// The previous values are in the file.
		var cat int64
		var status, updated string
		err = s.QueryRowForTest(ctx, `SELECT category_before, status_before, updated_before FROM bulk_change_participant
			WHERE change_id = ? AND participant_id = ?`, list[2].ID, a.ID).Scan(&cat, &status, &updated)
		if err != nil || cat != a.CategoryID || status != string(StatusConfirmed) || updated == "" {
			t.Fatal(cat, status, updated, err)
		}
		var before sql.NullString
		var after string
		err = s.QueryRowForTest(ctx, `SELECT status_before, status_after FROM bulk_change_enrolment
			WHERE change_id = ? AND participant_id = ?`, list[2].ID, c.ID).Scan(&before, &after)
		if err != nil || before.String != string(Waitlisted) || after != string(Enrolled) {
			t.Fatal("the place handed on is not logged", before, after, err)
		}
	})
}
