package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/spreadsheet"
)

// TestDeleteWarnsOfTheirTicket: deleting someone who holds an e-ticket
// says that the platform's next exports still list them, and that their
// import will leave their row out (data: ticket_deleted); someone who
// answered a form is told so of the form (they hold no e-ticket);
// deleting someone with neither says nothing of it.
func TestDeleteWarnsOfTheirTicket(t *testing.T) {
	st, e, s := newParticipantsTest(t, 20)
	ticketed, err := st.Participant(context.Background(), s.table.rows.ids[0])
	if err != nil {
		t.Fatal(err)
	}
	giveTicket(t, st, ticketed, "77050")
	// Someone registered from a form holds its answer, no e-ticket.
	answered, err := st.Participant(context.Background(), s.table.rows.ids[2])
	if err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(t.TempDir(), "form.csv")
	if err := os.WriteFile(csv, []byte("Horodateur,Adresse e-mail,Nom,Prénom\n01/10/2021 10:20:33,"+
		answered.Email+","+answered.LastName+","+answered.FirstName+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(context.Background(), spreadsheet.Source{Path: csv}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id   int64
		want string // what the question says of them, "" nothing
	}{{ticketed.ID, "They hold an e-ticket"}, {answered.ID, "They answered the registration form"}, {s.table.rows.ids[1], ""}} {
		ptPick(t, e, s, tc.id)
		test.Tap(s.detail.del)
		top := e.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("Delete asked nothing")
		}
		said := strings.Join(ptFindLabels(top), " ")
		if warned := strings.Contains(said, "leave their row out"); warned != (tc.want != "") || !strings.Contains(said, tc.want) {
			t.Errorf("participant %d: the question says %q, want %q", tc.id, said, tc.want)
		}
		ptTap(t, top, "Cancel")
	}
}
