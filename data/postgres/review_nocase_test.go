package postgres

import (
	"context"
	"testing"

	"congres/data"
	"congres/data/sqlite"
)

// TestReviewCopyAccentedCaseTwins: a file holds two organisations (and two
// rooms) whose names differ only by the case of an accented letter, which
// SQLite's NOCASE keeps apart; the copy onto a server must carry them.
func TestReviewCopyAccentedCaseTwins(t *testing.T) {
	ctx := context.Background()
	f, err := sqlite.Open(ctx, demoFile(t, 5))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cats, _ := f.Categories(ctx)
	for i, org := range []string{"Université de Lyon", "UNIVERSITÉ DE LYON"} {
		p := data.Participant{FirstName: "P", LastName: string(rune('A' + i)), CategoryID: cats[0].ID, Status: data.StatusConfirmed, Organisation: org}
		if err := f.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []string{"Salle Émile", "SALLE éMILE"} {
		if err := f.SaveRoom(ctx, &data.Room{Name: n}); err != nil {
			t.Fatalf("file room %q: %v", n, err)
		}
	}
	server, err := OpenStore(ctx, newDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	if err := f.CopyInto(ctx, server, nil); err != nil {
		t.Fatalf("copy onto a server: %v", err)
	}
}
