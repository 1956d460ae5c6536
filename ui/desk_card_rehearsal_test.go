package ui

import (
	"testing"
)

// TestDeskRehearsalCardArrival: the card's "Checked in" row of a rehearsal
// entry says it is the rehearsal's, in both languages, so that nobody takes
// the volunteers' practice scan for an arrival.
func TestDeskRehearsalCardArrival(t *testing.T) {
	f, clock := newDeskFixtureAt(t, deskEvening)
	who := f.person(t, "")
	if got := f.s.card.values[cardArrived]; got.Visible() && got.Text != "" && got.Text != "Not yet" {
		t.Fatalf("before any scan the row says %q", got.Text)
	}
	rescan(t, f, clock, who.Code)
	if f.s.shown == nil || !f.s.shown.Rehearsal {
		t.Fatalf("card %+v, want a rehearsal's", f.s.shown)
	}
	at := clock.Format("15:04")
	if got, want := f.s.card.values[cardArrived].Text, "Rehearsal: "+at+", Desk 2"; got != want {
		t.Fatalf("the Checked in row says %q, want %q", got, want)
	}
	if err := loadTranslations("fr"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { loadTranslations("en") })
	f.s.card.show(f.s.shown, false)
	if got, want := f.s.card.values[cardArrived].Text, "Répétition : "+at+", Desk 2"; got != want {
		t.Fatalf("in French the row says %q, want %q", got, want)
	}

	t.Run("RealArrivalUnlabelled", func(t *testing.T) {
		loadTranslations("en")
		f, clock := newDeskFixtureAt(t, deskMorning)
		who := f.person(t, "")
		rescan(t, f, clock, who.Code)
		if got, want := f.s.card.values[cardArrived].Text, clock.Format("15:04")+", Desk 2"; got != want {
			t.Fatalf("the row says %q, want %q", got, want)
		}
	})
}
