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
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 40))
	e := newTestEnv(t)
	s := newDeskScreen(e, st, newBadgePrinter(e, st, a.Preferences()))
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

func TestDeskPrintBadge(t *testing.T) {
	fake := newFakePrinting(t, true)
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 40))
	e := newTestEnv(t)
	a.Preferences().SetString(prefBadgeLayoutOne, "label-62x100")
	a.Preferences().SetString(prefPrinter, "Brother_QL")
	s := newDeskScreen(e, st, newBadgePrinter(e, st, a.Preferences()))
	e.win.SetContent(s.build())
	ids, err := st.ParticipantIDs(context.Background(), data.ParticipantQuery{BadgePrinted: data.No})
	if err != nil || len(ids) == 0 {
		t.Fatalf("nobody without a badge: %v", err)
	}
	who := mustRow(t, st, ids[0])
	s.onLookup(who.Code)
	waitIdle(t, e.tasks)
	if s.values[6].Text != "Not yet" {
		t.Fatalf("badge: %q", s.values[6].Text)
	}
	test.Tap(s.print)
	waitIdle(t, e.tasks)
	calls := fake.lpCalls()
	if len(calls) != 1 || calls[0][1] != "-d" || calls[0][2] != "Brother_QL" {
		t.Fatalf("lp command lines %q", calls)
	}
	prints, _ := st.BadgePrints(context.Background(), who.ID)
	if len(prints) != 1 || prints[0].Layout != "label-62x100" {
		t.Errorf("prints %+v", prints)
	}
	if s.values[6].Text != "Printed" || !strings.Contains(s.printed.Text, "sent to Brother_QL") {
		t.Errorf("card: badge %q, %q", s.values[6].Text, s.printed.Text)
	}
}
