package ui

import (
	"context"
	"testing"

	"congres/data"
)

// The screens keep what they show while the file is as it was, and read it
// again at the next visit once it changed (issue 19: 300 ms per screen at
// 50,000 participants).

// addPerson writes a new confirmed participant in st: a write, as the desk
// or the participants screen makes.
func addPerson(t *testing.T, st *data.Store, last string) data.Participant {
	t.Helper()
	ctx := context.Background()
	cats, err := st.Categories(ctx)
	if err != nil || len(cats) == 0 {
		t.Fatal(cats, err)
	}
	c, err := st.Congress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := data.Participant{FirstName: "Aude", LastName: last, CategoryID: cats[0].ID, Status: data.StatusConfirmed,
		Days: c.Days[:1]}
	if err := st.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadgesPreviewKeptUntilWrite: a visit to the exports screen with the
// file unchanged keeps the preview drawn and the count; a new person is
// counted at the next visit, with a preview drawn again.
func TestBadgesPreviewKeptUntilWrite(t *testing.T) {
	st, e, b, _ := newBadgeExportTest(t, 40, data.ParticipantQuery{})
	all := storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true})
	want := countLine(len(all), (len(all)+9)/10)
	if b.count.Text != want || b.preview.Image == nil {
		t.Fatalf("first visit: %q, want %q", b.count.Text, want)
	}
	drawn := b.preview.Image
	b.refreshAsync() // the next visit
	waitIdle(t, e.tasks)
	if b.count.Text != want || b.preview.Image != drawn {
		t.Errorf("file unchanged: %q (want %q), drawn again: %t", b.count.Text, want, b.preview.Image != drawn)
	}
	addPerson(t, st, "Aaron")
	b.refreshAsync()
	waitIdle(t, e.tasks)
	if want := countLine(len(all)+1, (len(all)+1+9)/10); b.count.Text != want {
		t.Errorf("after a new person: %q, want %q", b.count.Text, want)
	}
	if b.preview.Image == drawn || b.preview.Image == nil {
		t.Error("after a new person (first by name): the preview was not drawn again")
	}
}
