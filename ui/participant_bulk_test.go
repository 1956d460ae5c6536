package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// ptPickWith picks a row as if clicked with these keys held.
func ptPickWith(s *participantsScreen, row int, mods fyne.KeyModifier) {
	s.table.table.modifiers = func() fyne.KeyModifier { return mods }
	s.table.table.Select(widget.TableCellID{Row: row, Col: pcolOrganisation})
	s.table.table.modifiers = func() fyne.KeyModifier { return 0 }
}

func TestParticipantsBulkStatus(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	ids := s.table.rows.ids
	before := map[int64]data.Status{}
	for _, id := range ids[:10] {
		p, _ := st.Participant(ctx, id)
		before[id] = p.Status
	}
	ptPickWith(s, 1, 0)
	ptPickWith(s, 4, fyne.KeyModifierShift)
	ptPickWith(s, 8, fyne.KeyModifierControl)
	ptPickWith(s, 3, fyne.KeyModifierControl) // taken out again
	waitIdle(t, e.tasks)
	want := []int64{ids[1], ids[2], ids[4], ids[8]}
	if got := s.bulk.ids(); !slices.Equal(got, want) {
		t.Fatalf("picked %v, want %v", got, want)
	}
	if s.bulk.label.Text != "4 selected" {
		t.Errorf("the bar says %q", s.bulk.label.Text)
	}
	ptTap(t, e.win.Content(), "Change status…")
	top := ptTopDialog(t, e, "Give 4 participants the status")
	ptFind[*widget.Select](top)[0].SetSelected("Cancelled")
	ptTap(t, top, "Apply")
	waitIdle(t, e.tasks)
	for i, id := range ids[:10] {
		p, err := st.Participant(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		picked := slices.Contains(want, id)
		if (picked && p.Status != data.StatusCancelled) || (!picked && p.Status != before[id]) {
			t.Errorf("row %d (picked %v) has the status %q, had %q", i, picked, p.Status, before[id])
		}
	}
	for _, id := range want {
		row := slices.Index(s.table.rows.ids, id)
		if line, _ := s.table.rows.row(row); line.cells[pcolStatus] != "Cancelled" {
			t.Errorf("row %d shows %q", row, line.cells[pcolStatus])
		}
	}
}

func TestParticipantsBulkCategory(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	cats, _ := st.Categories(ctx)
	for _, c := range ptFind[*rowCell](s.table.table) {
		if c.check.Visible() && (c.row == 0 || c.row == 2) {
			test.Tap(c.check)
		}
	}
	want := []int64{s.table.rows.ids[0], s.table.rows.ids[2]}
	if got := s.bulk.ids(); !slices.Equal(got, want) {
		t.Fatalf("ticked %v, want %v", got, want)
	}
	ptTap(t, e.win.Content(), "Change category…")
	top := ptTopDialog(t, e, "Put 2 participants in the category")
	ptFind[*widget.Select](top)[0].SetSelected(cats[5].Name)
	ptTap(t, top, "Apply")
	waitIdle(t, e.tasks)
	for _, id := range want {
		if p, _ := st.Participant(ctx, id); p.CategoryID != cats[5].ID {
			t.Errorf("participant %d is in category %d, want %d", id, p.CategoryID, cats[5].ID)
		}
	}
}

func TestParticipantsBulkEnrol(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	test.Type(s.search, "ma")
	waitIdle(t, e.tasks)
	var pickAll *widget.Check
	for _, h := range ptFind[*sortHeader](s.table.table) {
		if h.check.Visible() {
			pickAll = h.check
		}
	}
	test.Tap(pickAll)
	ids := s.bulk.ids()
	if len(ids) == 0 || !slices.Equal(ids, s.table.rows.ids) || !s.bulk.allPicked() {
		t.Fatalf("picking all picked %d of %d", len(ids), len(s.table.rows.ids))
	}
	sessions, _ := st.Sessions(ctx)
	var se data.Session
	for _, x := range sessions {
		if x.Kind == data.KindWorkshop {
			se = x
			break
		}
	}
	ptTap(t, e.win.Content(), "Enrol in a session…")
	top := ptTopDialog(t, e, "participants in:")
	ptFind[*widget.Select](top)[0].SetSelected(s.bulk.sessionText(se))
	ptTap(t, top, "Apply")
	result := ptTopDialog(t, e, "on the waiting list")
	table := ptFind[*widget.Table](result)[0]
	if rows, _ := table.Length(); rows != len(ids) {
		t.Errorf("the result lists %d people, want %d", rows, len(ids))
	}
	said := map[int64]string{}
	for i, id := range s.bulk.resultIDs {
		said[id] = s.bulk.results.rows[i][1]
	}
	if len(said) != len(ids) {
		t.Fatalf("results for %d people, want %d", len(said), len(ids))
	}
	for _, id := range ids {
		enrolments, _ := st.ParticipantEnrolments(ctx, id)
		in := slices.ContainsFunc(enrolments, func(en data.Enrolment) bool {
			return en.SessionID == se.ID && en.Status != data.Withdrawn
		})
		if in != (said[id] == "Enrolled" || said[id] == "On the waiting list") {
			t.Errorf("participant %d: down for %q %v, but the result says %q", id, se.Title, in, said[id])
		}
	}
	ptTap(t, result, "Close")
}
