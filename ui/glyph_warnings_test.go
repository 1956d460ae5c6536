package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
)

// renamer is what renameFirst needs of a store.
type renamer interface {
	ParticipantIDs(ctx context.Context, q data.ParticipantQuery) ([]int64, error)
	Participant(ctx context.Context, id int64) (data.Participant, error)
	UpdateParticipant(ctx context.Context, p *data.Participant) error
}

// renameFirst gives the first person of q a first name with a character no
// font prints (😀), and returns their id.
func renameFirst(t *testing.T, st renamer, q data.ParticipantQuery) int64 {
	t.Helper()
	ctx := context.Background()
	ids, err := st.ParticipantIDs(ctx, q)
	if err != nil || len(ids) == 0 {
		t.Fatalf("nobody to rename: %v", err)
	}
	p, err := st.Participant(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	p.FirstName = "Ana 😀"
	if err := st.UpdateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	return ids[0]
}

// Saving badges whose names have a character no font prints says so once
// they are saved, naming the person and the character.
func TestBadgesWarnOfMissingGlyphs(t *testing.T) {
	st, e, b, prefs := newBadgeExportTest(t, 20, data.ParticipantQuery{})
	renameFirst(t, st, data.ParticipantQuery{SkipCancelled: true, BadgePrinted: data.No, Sort: data.SortName})
	b.who.SetSelected(b.who.Options[badgesUnprinted])
	waitIdle(t, e.tasks)
	prefs.SetString(prefExportFolder, t.TempDir())
	test.Tap(b.save)
	tapDialogButton(t, e.win.Canvas(), "Save")
	waitIdle(t, e.tasks)
	assertDialogSays(t, e.win, "Characters that do not print")
	assertDialogSays(t, e.win, `U+1F600 "😀"`)
}

// So do certificates, and sign-in sheets.
func TestCertificatesWarnOfMissingGlyphs(t *testing.T) {
	st, e, s, _ := newExportsTest(t, 40)
	renameFirst(t, st, data.ParticipantQuery{CheckedIn: data.Yes, Sort: data.SortName})
	test.Tap(s.certificates.save)
	tapDialogButton(t, e.win.Canvas(), "Save")
	waitIdle(t, e.tasks)
	assertDialogSays(t, e.win, "Characters that do not print")
	assertDialogSays(t, e.win, `Ana 😀`)
	assertDialogSays(t, e.win, `U+1F600 "😀"`)
}

func TestSignInWarnsOfMissingGlyphs(t *testing.T) {
	st, e, s, _ := newExportsTest(t, 40)
	renameFirst(t, st, data.ParticipantQuery{SkipCancelled: true, Sort: data.SortName})
	s.signIn.which.SetSelected(s.signIn.which.Options[signInAll]) // plenaries list everyone expected
	test.Tap(s.signIn.save)
	tapDialogButton(t, e.win.Canvas(), "Save")
	waitIdle(t, e.tasks)
	assertDialogSays(t, e.win, "Characters that do not print")
	assertDialogSays(t, e.win, `U+1F600 "😀"`)
}
