package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// TestFiltersClearedKeepTheChosenInView: someone found with the search and
// chosen stays in view once ✕ clears the search and the filters: the
// whole list came back at its top, with them out of view.
func TestFiltersClearedKeepTheChosenInView(t *testing.T) {
	st, e, s := newParticipantsTest(t, 300)
	e.win.Resize(fyne.NewSize(1366, 768))
	all := ptStoreIDs(t, st, data.ParticipantQuery{})
	last, err := st.Participant(t.Context(), all[len(all)-1])
	if err != nil {
		t.Fatal(err)
	}
	test.Type(s.search, last.LastName)
	waitIdle(t, e.tasks)
	row := slices.Index(s.table.rows.ids, last.ID)
	if row < 0 {
		t.Fatalf("the search %q does not list %s", last.LastName, last.FullName())
	}
	s.bulk.onRowPicked(row, 0)
	waitIdle(t, e.tasks)
	test.Tap(s.filters.reset)
	waitIdle(t, e.tasks)
	if s.search.Text != "" {
		t.Fatalf("✕ left the search %q", s.search.Text)
	}
	row = slices.Index(s.table.rows.ids, last.ID)
	if row < 250 {
		t.Fatalf("%s is row %d of %d: the test needs them at the end", last.FullName(), row, len(s.table.rows.ids))
	}
	if !rowInView(s.table.table, row) {
		t.Errorf("%s, chosen, is row %d, out of view after ✕", last.FullName(), row)
	}
	if s.bulk.current != last.ID {
		t.Errorf("the one shown is %d, not %s", s.bulk.current, last.FullName())
	}
}
