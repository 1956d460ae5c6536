package ui

import (
	"context"
	"testing"

	"congres/data"
)

// The badge preview's count is the file's as it is: after a cancellation,
// a new person, a badge printed, the next visit counts again, for
// everyone, for those without a badge and for a filtered list with a
// search; it never shows the count of the file as it was (issue 19: the
// count is now a count, kept until the file changes, not the list of
// everyone's IDs).
func TestBadgesCountFollowsWrites(t *testing.T) {
	ctx := context.Background()
	filtered := data.ParticipantQuery{Search: "ma", Sort: data.SortName}
	st, e, b, _ := newBadgeExportTest(t, 60, filtered)
	visit := func(who int, q data.ParticipantQuery, what string) {
		t.Helper()
		b.who.SetSelected(b.who.Options[who])
		b.refreshAsync() // as a visit to the screen does
		waitIdle(t, e.tasks)
		n := len(storeIDs(t, st, q))
		if want := countLine(n, (n+9)/10); b.count.Text != want || n == 0 {
			t.Errorf("%s: %q, want %q", what, b.count.Text, want)
		}
		if b.preview.Image == nil {
			t.Errorf("%s: no preview", what)
		}
	}
	everyone := data.ParticipantQuery{SkipCancelled: true}
	unprinted := data.ParticipantQuery{SkipCancelled: true, BadgePrinted: data.No}
	visit(badgesEveryone, everyone, "everyone")
	visit(badgesUnprinted, unprinted, "without a badge")
	visit(badgesFiltered, filtered, "filtered")

	ids := storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true, BadgePrinted: data.No, Sort: data.SortName})
	if err := st.SetParticipantStatus(ctx, ids[0], data.StatusCancelled); err != nil {
		t.Fatal(err)
	}
	visit(badgesEveryone, everyone, "everyone, one cancelled")
	if err := st.RecordBadgePrints(ctx, "a4-85x54", ids[1], ids[2]); err != nil {
		t.Fatal(err)
	}
	visit(badgesUnprinted, unprinted, "without a badge, two printed")
	cats, err := st.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := data.Participant{FirstName: "Mathilde", LastName: "Marchand", Email: "mathilde.marchand@example.org",
		CategoryID: cats[0].ID, Status: data.StatusConfirmed, Days: []data.Day{"2021-11-25"}}
	if err := st.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	visit(badgesFiltered, filtered, "filtered, one more")
	visit(badgesEveryone, everyone, "everyone, one more")
}
