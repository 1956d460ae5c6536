package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// TestNewParticipantScrolledIntoView: someone saved with the form is
// chosen (the bulk actions would act on them), so the list scrolls to
// their row, even at the end of 300 people; it stayed at the top.
func TestNewParticipantScrolledIntoView(t *testing.T) {
	st, e, s := newParticipantsTest(t, 300)
	e.win.Resize(fyne.NewSize(1366, 768))
	f, top := ptOpenNewForm(t, e, s)
	test.Type(f.firstName, "Zoé")
	test.Type(f.lastName, "Zzyzx")
	ptTap(t, top, "Save")
	waitIdle(t, e.tasks)
	ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "zzyzx"})
	if len(ids) != 1 {
		t.Fatalf("%d Zzyzx saved", len(ids))
	}
	row := slices.Index(s.table.rows.ids, ids[0])
	if row < 250 {
		t.Fatalf("Zzyzx is row %d of %d: the test needs them at the end", row, len(s.table.rows.ids))
	}
	if !rowInView(s.table.table, row) {
		t.Errorf("Zzyzx, just saved and chosen, is row %d, out of view", row)
	}
}
