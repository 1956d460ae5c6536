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

// TestBulkNamesThoseTheSearchHides (issue 19): tick two people, then search
// for the first only. The one the detail shows stays picked, hidden by the
// search; the bar says so ("2 selected (1 hidden)") and the
// bulk dialog names them before changing them. It said "2 selected" with
// one row ticked, and changed the hidden one without a word.
func TestBulkNamesThoseTheSearchHides(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	rows, err := st.ParticipantRows(ctx, s.table.rows.ids)
	if err != nil {
		t.Fatal(err)
	}
	// a: found by their last name; b: not found by it.
	var a, b data.ParticipantRow
	for _, r := range rows {
		if a.ID == 0 && len(ptStoreIDs(t, st, data.ParticipantQuery{Search: r.LastName})) == 1 {
			a = r
		}
	}
	for _, r := range rows {
		if r.ID != a.ID && !slices.Contains(ptStoreIDs(t, st, data.ParticipantQuery{Search: a.LastName}), r.ID) {
			b = r
			break
		}
	}
	if a.ID == 0 || b.ID == 0 {
		t.Fatal("no two people to tell apart in the demo")
	}
	ptPickWith(s, slices.Index(s.table.rows.ids, a.ID), 0)
	ptPickWith(s, slices.Index(s.table.rows.ids, b.ID), fyne.KeyModifierControl)
	waitIdle(t, e.tasks)
	if s.bulk.label.Text != "2 selected" {
		t.Fatalf("before searching, the bar says %q", s.bulk.label.Text)
	}

	s.search.SetText(a.LastName)
	waitIdle(t, e.tasks)
	if !slices.Equal(s.table.rows.ids, []int64{a.ID}) {
		t.Fatalf("the search lists %v, want only %d", s.table.rows.ids, a.ID)
	}
	if got := s.bulk.ids(); len(got) != 2 || !slices.Contains(got, b.ID) {
		t.Fatalf("the bulk change is for %v; want %d and %d (the one shown)", got, a.ID, b.ID)
	}
	if want := "2 selected (1 hidden)"; s.bulk.label.Text != want {
		t.Errorf("the bar says %q, want %q", s.bulk.label.Text, want)
	}

	ptTap(t, e.win.Content(), "Change status…")
	top := ptTopDialog(t, e, "Give 2 participants the status")
	names := strings.Join(ptFindLabels(top), " | ")
	if want := "Including 1 hidden by the search: " + b.FirstName + " " + b.LastName + "."; !strings.Contains(names, want) {
		t.Fatalf("the dialog says %q; want it to name the hidden one: %q", names, want)
	}
	ptFind[*widget.Select](top)[0].SetSelected("Cancelled")
	ptTap(t, top, "Apply")
	waitIdle(t, e.tasks)
	for _, id := range []int64{a.ID, b.ID} {
		if p, _ := st.Participant(ctx, id); p.Status != data.StatusCancelled {
			t.Errorf("participant %d is %q, want cancelled", id, p.Status)
		}
	}

	// The search cleared, both are listed: the bar and the dialog say
	// nothing more.
	s.search.SetText("")
	waitIdle(t, e.tasks)
	if s.bulk.label.Text != "2 selected" {
		t.Errorf("the search cleared, the bar says %q", s.bulk.label.Text)
	}
	ptTap(t, e.win.Content(), "Change status…")
	top = ptTopDialog(t, e, "Give 2 participants the status")
	if got := strings.Join(ptFindLabels(top), " | "); strings.Contains(got, "hidden") {
		t.Errorf("nobody is hidden, the dialog says %q", got)
	}
}
