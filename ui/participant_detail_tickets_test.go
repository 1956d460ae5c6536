package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congres/data"
	"congres/data/spreadsheet"
)

// TestParticipantDetailTickets shows the e-tickets an import gave a
// person, after their code.
func TestParticipantDetailTickets(t *testing.T) {
	st, e, s := newParticipantsTest(t, 20)
	ctx := context.Background()
	id := s.table.rows.ids[0]
	p, err := st.Participant(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(t.TempDir(), "billets.csv")
	if err := os.WriteFile(csv, []byte("Code;Prénom;Nom;Numéro de billet;Barcode #\n"+
		p.Code+";"+p.FirstName+";"+p.LastName+";48213377;1234567890987654321001\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r, err := st.Import(ctx, spreadsheet.Source{Path: csv}, data.ImportOptions{}); err != nil || r.Tickets != 2 {
		t.Fatalf("%+v, %v", r, err)
	}
	ptPick(t, e, s, id)
	if want := p.Code + " · E-tickets: 48213377, 1234567890987654321001 · "; !strings.HasPrefix(s.detail.summary.Text, want) &&
		!strings.HasPrefix(s.detail.summary.Text, p.Code+" · E-tickets: 1234567890987654321001, 48213377 · ") {
		t.Errorf("summary %q, want it to begin %q", s.detail.summary.Text, want)
	}
	// Someone without a ticket: no mention of tickets.
	ptPick(t, e, s, s.table.rows.ids[1])
	if strings.Contains(s.detail.summary.Text, "ticket") {
		t.Errorf("summary %q", s.detail.summary.Text)
	}
}
