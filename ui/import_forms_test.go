package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"congres/data"
	"congres/data/spreadsheet"
)

// TestFormResponseIsNoTicket: the identifier an import keeps for a form's
// response (to know the row again next time) is not shown as an e-ticket.
func TestFormResponseIsNoTicket(t *testing.T) {
	st := mustOpen(t, demoFile(t, 5))
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "google.csv")
	text := "Horodateur,Adresse e-mail,Nom,Prénom\r\n2026/09/10 9:15:02 AM UTC+2,zoe.zenith@example.org,Zénith,Zoé\r\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if r, err := st.Import(ctx, spreadsheet.Source{Path: path}, data.ImportOptions{}); err != nil || r.New != 1 || r.Tickets != 0 {
		t.Fatalf("%+v, %v", r, err)
	}
	ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "Zénith"})
	if len(ids) != 1 {
		t.Fatal(ids)
	}
	ts, err := st.Tickets(ctx, ids[0])
	if err != nil || len(ts) != 1 || !data.IsFormResponse(ts[0].Code) {
		t.Fatal(ts, err)
	}
	if got := ticketsText(ts); got != "" {
		t.Errorf("shown as %q", got)
	}
}
