package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestDeleteWarnsOfTheirTicket: deleting someone who holds an e-ticket
// says that the platform's next exports still list them, and that their
// import will leave their row out (data: ticket_deleted); deleting
// someone without one does not.
func TestDeleteWarnsOfTheirTicket(t *testing.T) {
	st, e, s := newParticipantsTest(t, 20)
	ticketed, err := st.Participant(context.Background(), s.table.rows.ids[0])
	if err != nil {
		t.Fatal(err)
	}
	giveTicket(t, st, ticketed, "77050")
	for _, tc := range []struct {
		id   int64
		warn bool
	}{{ticketed.ID, true}, {s.table.rows.ids[1], false}} {
		ptPick(t, e, s, tc.id)
		test.Tap(s.detail.del)
		top := e.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("Delete asked nothing")
		}
		said := strings.Join(ptFindLabels(top), " ")
		if warned := strings.Contains(said, "leave their row out"); warned != tc.warn {
			t.Errorf("participant %d (ticket %v): the question says %q", tc.id, tc.warn, said)
		}
		ptTap(t, top, "Cancel")
	}
}
