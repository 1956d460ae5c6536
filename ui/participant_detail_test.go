package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
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

// TestParticipantMerge merges as issue 14 found it: the newer, emptier
// record shown, the older one confirmed with its badge printed.
func TestParticipantMerge(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	cats, _ := st.Categories(ctx)
	c, _ := st.Congress(ctx)
	older := data.Participant{FirstName: "Éric", LastName: "Béasse", Email: "eric@jardins.fr", Organisation: "Les Jardins",
		CategoryID: cats[0].ID, Status: data.StatusConfirmed, FeeCents: 18000, Paid: true, Days: c.Days[:1]}
	if err := st.CreateParticipant(ctx, &older); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordBadgePrints(ctx, defaultBadgeLayout, older.ID); err != nil {
		t.Fatal(err)
	}
	newer := older
	newer.ID, newer.Code, newer.FirstName, newer.LastName = 0, "", "Eric", "BEASSE"
	newer.Email, newer.Phone, newer.Status, newer.Paid, newer.Days = "e.beasse@gmail.com", "06 12 34 56 78", data.StatusPending, false, c.Days[1:]
	if err := st.CreateParticipant(ctx, &newer); err != nil {
		t.Fatal(err)
	}
	s.search.SetText("beasse")
	waitIdle(t, e.tasks)
	ptPick(t, e, s, newer.ID)
	if len(s.detail.info.dups) != 1 || s.detail.info.dups[0].ID != older.ID {
		t.Fatalf("possible duplicates: %+v", s.detail.info.dups)
	}
	s.detail.tabs.Select(s.detail.tabDups)
	ptTap(t, s.detail.dupList, "Merge…")
	top := ptTopDialog(t, e, "Which record stays?")
	m := s.detail.merge

	// The older record, whose badge is printed, is kept by default, though
	// the newer one is shown (and first).
	if !strings.Contains(m.keeper.Options[0], newer.Code) || m.keeper.Selected != m.keeper.Options[1] ||
		!strings.Contains(m.keeper.Selected, older.Code) || !strings.Contains(m.keeper.Selected, "badge printed") {
		t.Fatalf("keeper %q of %q", m.keeper.Selected, m.keeper.Options)
	}
	// Each field where they differ, with both values.
	wantChoice := func(f data.MergeField, options []string, selected string) {
		t.Helper()
		radio := m.choices[f]
		if radio == nil || !slices.Equal(radio.Options, options) || radio.Selected != selected {
			t.Fatalf("%s: %+v", f, radio)
		}
	}
	wantChoice(data.MergeEmail, []string{"eric@jardins.fr", "e.beasse@gmail.com"}, "eric@jardins.fr")
	wantChoice(data.MergePhone, []string{"(empty)", "06 12 34 56 78"}, "06 12 34 56 78")
	wantChoice(data.MergeStatus, []string{"Confirmed", "Pending"}, "Confirmed")
	wantChoice(data.MergeFee, []string{"180 € · paid", "180 € · not paid"}, "180 € · paid")
	if m.choices[data.MergeOrganisation] != nil || m.choices[data.MergeCategory] != nil {
		t.Error("a choice for a field where the records agree")
	}

	t.Run("KeepTheOther", func(t *testing.T) {
		m.keeper.SetSelected(m.keeper.Options[0])
		if m.plan.Keep.ID != newer.ID {
			t.Fatalf("keeps %d", m.plan.Keep.ID)
		}
		// The confirmed status is still what the merge takes by default.
		wantChoice(data.MergeStatus, []string{"Pending", "Confirmed"}, "Confirmed")
		m.keeper.SetSelected(m.keeper.Options[1])
		wantChoice(data.MergeEmail, []string{"eric@jardins.fr", "e.beasse@gmail.com"}, "eric@jardins.fr")
	})

	// The organiser takes the newer record's email.
	m.choices[data.MergeEmail].SetSelected("e.beasse@gmail.com")
	ptTap(t, top, "Merge")
	ptTopDialog(t, e, "now finds")
	waitIdle(t, e.tasks)

	if _, err := st.Participant(ctx, newer.ID); data.KindOf(err) != data.KindNotFound {
		t.Fatalf("the record merged away is still there: %v", err)
	}
	kept, err := st.Participant(ctx, older.ID)
	if err != nil {
		t.Fatal(err)
	}
	if kept.Code != older.Code || kept.FirstName != "Éric" || kept.Email != "e.beasse@gmail.com" || kept.Phone != newer.Phone ||
		kept.Status != data.StatusConfirmed || !kept.Paid || !slices.Equal(kept.Days, c.Days) {
		t.Errorf("kept %+v", kept)
	}
	if id, err := st.ParticipantIDByCode(ctx, newer.Code); err != nil || id != older.ID {
		t.Errorf("the code merged away finds %d, %v", id, err)
	}
	if prints, _ := st.BadgePrints(ctx, older.ID); len(prints) != 1 {
		t.Errorf("badge prints %+v", prints)
	}
	if !strings.Contains(s.detail.summary.Text, older.Code+" (also "+newer.Code+")") {
		t.Errorf("the summary %q does not name the code merged away", s.detail.summary.Text)
	}
	if s.detail.id != older.ID || len(s.detail.info.dups) != 0 || slices.Contains(s.table.rows.ids, newer.ID) {
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

// TestParticipantDetailShowsTheEnrolments (eye-15): at the window's first
// size (1180×700, less the menu and the navigation), the detail of a
// person enrolled in four sessions shows the four rows, not one; the list
// above keeps its header and three rows.
func TestParticipantDetailShowsTheEnrolments(t *testing.T) {
	st, e, s := newParticipantsTest(t, 200)
	e.win.Resize(fyne.NewSize(firstWindowSize.Width-214, firstWindowSize.Height-30))
	ctx := context.Background()
	id := s.table.rows.ids[0]
	sessions, err := st.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, se := range sessions { // four sessions at different times
		if enrolments, _ := st.ParticipantEnrolments(ctx, id); len(enrolments) >= 4 {
			break
		}
		st.Enrol(ctx, id, se.ID) // a clash or a full session refuses: the next one
	}
	if enrolments, _ := st.ParticipantEnrolments(ctx, id); len(enrolments) < 4 {
		t.Fatalf("enrolled in %d sessions, want 4", len(enrolments))
	}
	ptPick(t, e, s, id)
	rowH := newCellLabel().MinSize().Height
	if got := s.detail.enrolments.table.Size().Height; got < 5*rowH {
		t.Errorf("the enrolments get %.0f px: less than their header and four rows (%.0f)", got, 5*rowH)
	}
	if got := s.table.table.Size().Height; got < 4*rowH {
		t.Errorf("the list gets %.0f px: less than its header and three rows (%.0f)", got, 4*rowH)
	}
}
