package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
)

// The behaviour of the screens made quick at 50,000 participants (issue
// 19): the participants sorted group by group, the dashboard's numbers
// kept until the file changes. Their speed is in the benchmarks
// (screens_bench_test.go).

// The list sorted by organisation orders the names ignoring accents and
// case, as people's names (école du Nord among the E's, no longer after z as
// the file's NOCASE put it), those without one last, the other way round
// on a second click; within an organisation, by name.
func TestParticipantsSortByOrganisationOrder(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	st, err := stores.Create(ctx, filepath.Join(t.TempDir(), "c"+data.Extension),
		data.Congress{Name: "Assises", Days: []data.Day{"2026-06-01"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cats, err := st.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range [][3]string{
		{"Zoé", "Martin", "Zèbre"}, {"Anne", "Petit", "école du Nord"}, {"Luc", "Bernard", ""},
		{"Ève", "Durand", "alpha"}, {"Paul", "Blanc", "Alpha Conseil"}, {"Inès", "Roux", "Ecole des Mines"},
		{"Marc", "Abel", "Zèbre"}, {"Léa", "Morel", ""},
	} {
		pp := data.Participant{FirstName: p[0], LastName: p[1], Organisation: p[2], CategoryID: cats[0].ID}
		if err := st.CreateParticipant(ctx, &pp); err != nil {
			t.Fatal(err)
		}
	}
	e := newTestEnv(t)
	s := newParticipantsScreen(e, st, nil)
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1100, 800))
	s.loadAsync()
	waitIdle(t, e.tasks)
	shown := func() string {
		var rows []string
		for _, l := range ptShownLines(t, s, 20) {
			rows = append(rows, l.cells[pcolOrganisation]+":"+l.cells[pcolName])
		}
		return strings.Join(rows, " | ")
	}
	test.Tap(ptHeader(t, s, pcolOrganisation))
	waitIdle(t, e.tasks)
	want := "alpha:Ève Durand | Alpha Conseil:Paul Blanc | Ecole des Mines:Inès Roux | école du Nord:Anne Petit | " +
		"Zèbre:Marc Abel | Zèbre:Zoé Martin | :Luc Bernard | :Léa Morel"
	if got := shown(); got != want {
		t.Errorf("by organisation:\n got %s\nwant %s", got, want)
	}
	test.Tap(ptHeader(t, s, pcolOrganisation))
	waitIdle(t, e.tasks)
	parts := strings.Split(want, " | ")
	slices.Reverse(parts)
	if got := shown(); got != strings.Join(parts, " | ") {
		t.Errorf("by organisation, descending:\n got %s\nwant %s", got, strings.Join(parts, " | "))
	}
	if s.count.Text != "8 participants" {
		t.Errorf("count %q", s.count.Text)
	}
}

// The dashboard read again after a check-in and a cancellation shows them,
// though its numbers are kept while the file does not change.
func TestDashboardNumbersAfterAChange(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 120))
	e := newTestEnv(t)
	s := newDashboardScreen(e, st)
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1000, 1400))
	s.loadAsync()
	waitIdle(t, e.tasks)
	ctx := context.Background()
	before := s.byDay.bars[1].Value // the second day: nobody arrived yet
	registered := s.cards[0].Title
	s.loadAsync() // nothing changed: the same numbers
	waitIdle(t, e.tasks)
	if s.byDay.bars[1].Value != before || s.cards[0].Title != registered {
		t.Fatalf("read again: %v, %s; before %v, %s", s.byDay.bars[1].Value, s.cards[0].Title, before, registered)
	}
	ids, err := st.ParticipantIDs(ctx, data.ParticipantQuery{Status: data.StatusConfirmed, Day: "2021-11-26", CheckedIn: data.No, Limit: 2})
	if err != nil || len(ids) != 2 {
		t.Fatal(ids, err)
	}
	if _, err := st.CheckIn(ctx, ids[0], "2021-11-26", 0, ""); err != nil {
		t.Fatal(err)
	}
	if err := st.SetParticipantStatus(ctx, ids[1], data.StatusCancelled); err != nil {
		t.Fatal(err)
	}
	s.loadAsync()
	waitIdle(t, e.tasks)
	counts, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.byDay.bars[1].Value; got != before+1 {
		t.Errorf("arrived on the second day: %v, want %v", got, before+1)
	}
	if want := formatCount(counts.Registered); s.cards[0].Title != want || want == registered {
		t.Errorf("registered %s, want %s (was %s)", s.cards[0].Title, want, registered)
	}
}
