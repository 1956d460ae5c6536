package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// ptPick picks the row of a participant in the table.
func ptPick(t *testing.T, e *env, s *participantsScreen, id int64) {
	t.Helper()
	row := slices.Index(s.table.rows.ids, id)
	if row < 0 {
		t.Fatalf("participant %d is not in the list", id)
	}
	s.table.table.Select(widget.TableCellID{Row: row, Col: pcolName})
	waitIdle(t, e.tasks)
	if s.detail.id != id {
		t.Fatalf("the detail shows %d, want %d", s.detail.id, id)
	}
}

func TestParticipantDetail(t *testing.T) {
	st, e, s := newParticipantsTest(t, 200)
	ctx := context.Background()
	s.filters.checkedIn.SetSelected("Checked in")
	s.filters.badge.SetSelected("Badge printed")
	waitIdle(t, e.tasks)
	var id int64
	for _, c := range s.table.rows.ids {
		if enrolments, _ := st.ParticipantEnrolments(ctx, c); len(enrolments) > 0 {
			id = c
			break
		}
	}
	if id == 0 {
		t.Fatal("no one checked in, with a badge and enrolments")
	}
	ptPick(t, e, s, id)
	p, _ := st.Participant(ctx, id)
	enrolments, _ := st.ParticipantEnrolments(ctx, id)
	log, _ := st.CheckinLog(ctx, id)
	prints, _ := st.BadgePrints(ctx, id)
	if s.detail.name.Text != p.FullName() || !strings.Contains(s.detail.summary.Text, p.Code) {
		t.Errorf("detail: %q, %q", s.detail.name.Text, s.detail.summary.Text)
	}
	if len(s.detail.enrolments.rows) != len(enrolments) || s.detail.enrolments.rows[0][0] != enrolments[0].SessionTitle {
		t.Errorf("enrolments: %q, want %d from %q", s.detail.enrolments.rows, len(enrolments), enrolments[0].SessionTitle)
	}
	if len(s.detail.checkins.rows) != len(log) || s.detail.checkins.rows[0][2] != "Arrival" {
		t.Errorf("check-ins: %q, want %d", s.detail.checkins.rows, len(log))
	}
	if len(s.detail.prints.rows) != len(prints) || s.detail.prints.rows[0][1] != prints[0].Layout {
		t.Errorf("badge prints: %q, want %d", s.detail.prints.rows, len(prints))
	}
	if !strings.HasPrefix(s.detail.tabEnrol.Text, "Enrolments (") {
		t.Errorf("tab %q", s.detail.tabEnrol.Text)
	}
}

func TestParticipantDeleteRefusedWhenCheckedIn(t *testing.T) {
	st, e, s := newParticipantsTest(t, 100)
	ctx := context.Background()
	s.filters.checkedIn.SetSelected("Checked in")
	waitIdle(t, e.tasks)
	if len(s.table.rows.ids) == 0 {
		t.Fatal("no one checked in")
	}
	id := s.table.rows.ids[0]
	ptPick(t, e, s, id)
	ptTap(t, s.detail.content, "Delete…")
	ptTap(t, ptTopDialog(t, e, "cannot be undone"), "Delete")
	top := ptTopDialog(t, e, "has already checked in and cannot be deleted")
	if _, err := st.Participant(ctx, id); err != nil {
		t.Fatalf("the participant who checked in was deleted: %v", err)
	}

	t.Run("CancelInstead", func(t *testing.T) {
		ptTap(t, top, "Cancel the registration")
		waitIdle(t, e.tasks)
		if p, _ := st.Participant(ctx, id); p.Status != data.StatusCancelled {
			t.Fatalf("status %q, want cancelled", p.Status)
		}
	})
}

func TestParticipantDelete(t *testing.T) {
	st, e, s := newParticipantsTest(t, 100)
	ctx := context.Background()
	s.filters.checkedIn.SetSelected("Not checked in")
	waitIdle(t, e.tasks)
	id := s.table.rows.ids[0]
	ptPick(t, e, s, id)

	t.Run("CancelKeeps", func(t *testing.T) {
		ptTap(t, s.detail.content, "Delete…")
		ptTap(t, ptTopDialog(t, e, "cannot be undone"), "Cancel")
		waitIdle(t, e.tasks)
		if _, err := st.Participant(ctx, id); err != nil {
			t.Fatalf("deleted without confirmation: %v", err)
		}
	})

	ptTap(t, s.detail.content, "Delete…")
	ptTap(t, ptTopDialog(t, e, "cannot be undone"), "Delete")
	waitIdle(t, e.tasks)
	if _, err := st.Participant(ctx, id); data.KindOf(err) != data.KindNotFound {
		t.Fatalf("still there after deleting: %v", err)
	}
	if s.detail.id != 0 || slices.Contains(s.table.rows.ids, id) {
		t.Errorf("the deleted participant is still shown")
	}
}

func TestParticipantMerge(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	orig, err := st.Participant(ctx, s.table.rows.ids[7])
	if err != nil {
		t.Fatal(err)
	}
	dup := orig
	dup.ID, dup.Code, dup.Phone, dup.Notes = 0, "", "", "Inscrit·e deux fois"
	if err := st.CreateParticipant(ctx, &dup); err != nil {
		t.Fatal(err)
	}
	before, _ := st.ParticipantEnrolments(ctx, orig.ID)
	s.search.SetText(orig.LastName)
	waitIdle(t, e.tasks)
	ptPick(t, e, s, orig.ID)
	if len(s.detail.info.dups) != 1 || s.detail.info.dups[0].ID != dup.ID {
		t.Fatalf("possible duplicates: %+v", s.detail.info.dups)
	}
	s.detail.tabs.Select(s.detail.tabDups)
	ptTap(t, s.detail.dupList, "Merge…")

	// Keep the newer record: the other one goes.
	top := ptTopDialog(t, e, "Which record do you keep?")
	keep := ptFind[*widget.RadioGroup](top)[0]
	keep.SetSelected(keep.Options[1])
	ptTap(t, top, "Continue")
	ptTap(t, ptTopDialog(t, e, "This cannot be undone"), "Merge")
	ptTopDialog(t, e, "moved onto")
	waitIdle(t, e.tasks)

	if _, err := st.Participant(ctx, orig.ID); data.KindOf(err) != data.KindNotFound {
		t.Fatalf("the record dropped is still there: %v", err)
	}
	kept, err := st.Participant(ctx, dup.ID)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := st.ParticipantEnrolments(ctx, dup.ID)
	if kept.Phone != orig.Phone || len(after) != len(before) {
		t.Errorf("kept %+v with %d enrolments, want the phone %q and %d enrolments", kept, len(after), orig.Phone, len(before))
	}
	if s.detail.id != dup.ID || len(s.detail.info.dups) != 0 || slices.Contains(s.table.rows.ids, orig.ID) {
		t.Errorf("after merging, the detail shows %d with %d duplicates", s.detail.id, len(s.detail.info.dups))
	}
}

func TestParticipantDetailPrintBadge(t *testing.T) {
	fake := newFakePrinting(t, true)
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	s.filters.badge.SetSelected("No badge yet")
	waitIdle(t, e.tasks)
	if len(s.table.rows.ids) == 0 {
		t.Fatal("everyone has a badge")
	}
	id := s.table.rows.ids[0]
	ptPick(t, e, s, id)

	ptTap(t, s.detail.content, "Print badge")
	waitIdle(t, e.tasks)
	calls := fake.lpCalls()
	if len(calls) != 1 || len(calls[0]) != 2 {
		t.Fatalf("lp command lines %q, want one to the default printer", calls)
	}
	assertBadgesOf(t, st, fake.pdfs[0], []int64{id})
	prints, _ := st.BadgePrints(ctx, id)
	if len(prints) != 1 || prints[0].Layout != defaultBadgeLayout {
		t.Fatalf("prints %+v", prints)
	}
	if len(s.detail.prints.rows) != 1 || s.detail.tabs.Selected() != s.detail.tabPrint {
		t.Errorf("the panel shows %d prints", len(s.detail.prints.rows))
	}
	if !strings.Contains(s.detail.status.Text, "1 badge sent to the default printer") {
		t.Errorf("status %q", s.detail.status.Text)
	}
	// The list no longer has them among those without a badge.
	if slices.Contains(s.table.rows.ids, id) {
		t.Error("the list still shows them without a badge")
	}

	// Once more, for someone who has one now: asked first.
	s.detail.onPrintBadgeTapped()
	ptTopDialog(t, e, "already has a badge")
	tapDialogButton(t, e.win.Canvas(), "Print another")
	waitIdle(t, e.tasks)
	if prints, _ := st.BadgePrints(ctx, id); len(prints) != 2 || len(s.detail.prints.rows) != 2 {
		t.Errorf("%d prints, %d shown; want 2", len(prints), len(s.detail.prints.rows))
	}
}
