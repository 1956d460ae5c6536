package postgres

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"congres/data"
	"congres/data/spreadsheet"
)

// TestReviewOrganiserThroughStore: an organiser account does an
// organiser's work through data.Store: import (with its new organisations
// and the server's sequence moved past the import's IDs), bulk changes,
// a merge, presets, badge settings, a deletion.
func TestReviewOrganiserThroughStore(t *testing.T) {
	ctx := context.Background()
	dbURL := newDatabase(t)
	day := data.Day("2026-05-21")
	owner, err := Create(ctx, dbURL, data.Congress{Name: "Revue", Days: []data.Day{day}})
	if err != nil {
		t.Fatal(err)
	}
	owner.Close()
	org, err := OpenStore(ctx, newUser(t, dbURL, RoleOrganiser))
	if err != nil {
		t.Fatal(err)
	}
	defer org.Close()
	csv := filepath.Join(t.TempDir(), "in.csv")
	os.WriteFile(csv, []byte("Prénom;Nom;Organisation;E-mail\nÉric;Béasse;Université;e@x.fr\nAwa;Diallo;CNRS;a@x.fr\nAna;Lopes;CNRS;l@x.fr\n"), 0o600)
	rep, err := org.Import(ctx, spreadsheet.Source{Path: csv}, data.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	t.Logf("import: %+v", rep)
	cats, _ := org.Categories(ctx)
	p := data.Participant{FirstName: "New", LastName: "One", CategoryID: cats[0].ID, Status: data.StatusConfirmed}
	if err := org.CreateParticipant(ctx, &p); err != nil {
		t.Fatalf("a participant after the import: %v", err)
	}
	ids, _ := org.ParticipantIDs(ctx, data.ParticipantQuery{})
	if len(ids) < 4 {
		t.Fatalf("ids %v", ids)
	}
	if _, err := org.SetStatusMany(ctx, ids[:2], data.StatusConfirmed, "org"); err != nil {
		t.Errorf("bulk: %v", err)
	}
	if _, err := org.MergeParticipants(ctx, ids[1], ids[2], nil); err != nil {
		t.Errorf("merge: %v", err)
	}
	if err := org.SaveListPreset(ctx, &data.ListPreset{Name: "Tous", Columns: []string{"last_name"}}); err != nil {
		t.Errorf("preset: %v", err)
	}
	if err := org.SaveBadgeSettings(ctx, "a6", data.BadgeSettings{QR: true}); err != nil {
		t.Errorf("badge settings: %v", err)
	}
	if err := org.DeleteParticipant(ctx, p.ID); err != nil {
		t.Errorf("delete: %v", err)
	}
	if err := org.SetDeskPIN(ctx, "1357"); err != nil {
		t.Errorf("desk PIN: %v", err)
	}
}
