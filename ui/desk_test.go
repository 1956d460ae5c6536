package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

func TestDeskLookup(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 40))
	e := newTestEnv(t)
	s := newDeskScreen(e, st)
	e.win.SetContent(s.build())
	people, err := st.ListParticipants(context.Background(), data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	who := people[len(people)/2]

	t.Run("ByCodeAsScanned", func(t *testing.T) {
		test.Type(s.entry, " "+strings.ToLower(who.Code)+" ")
		s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		waitIdle(t, e.tasks)
		if len(s.matches) != 1 || s.matches[0].ID != who.ID || !s.card.Visible() {
			t.Fatalf("looking up %s found %d people", who.Code, len(s.matches))
		}
		if s.name.Text != who.FirstName+" "+who.LastName || s.values[0].Text != who.Code {
			t.Errorf("card shows %q, %q; want %s %s, %s", s.name.Text, s.values[0].Text, who.FirstName, who.LastName, who.Code)
		}
	})

	t.Run("ByName", func(t *testing.T) {
		s.onLookup(who.LastName)
		waitIdle(t, e.tasks)
		found := false
		for _, m := range s.matches {
			found = found || m.ID == who.ID
		}
		if !found {
			t.Fatalf("looking up %q did not find %s %s", who.LastName, who.FirstName, who.LastName)
		}
	})

	t.Run("Nobody", func(t *testing.T) {
		s.onLookup("zzzzqqq")
		waitIdle(t, e.tasks)
		if len(s.matches) != 0 || s.card.Visible() || s.status.Text == "" {
			t.Fatalf("found %d people for nonsense; status %q", len(s.matches), s.status.Text)
		}
	})
}
