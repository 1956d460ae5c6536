package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// Waiting for a full workshop does not stop someone taking a free seat in
// another at the same time: the organiser is asked whether they move there.
func TestSessionPageEnrolWhileWaitingElsewhere(t *testing.T) {
	fx := newProgFixture(t)
	fx.enrol(t, "Atelier B", "Turing", "Lovelace", "Hopper", "Dijkstra") // B has 2 places
	s, p, e := openProgPage(t, fx, "Atelier A")
	c := e.win.Canvas()

	t.Run("MoveThere", func(t *testing.T) {
		p.onAddTapped()
		progPickPerson(t, e, p.chooser, "Hopper")
		ptTopDialog(t, e, "Grace Hopper is on the waiting list of “Atelier B” at the same time (14:00–15:30).")
		ptKey(c, fyne.KeyReturn) // Move there (leave the waiting list)
		waitIdle(t, e.tasks)
		if got := fx.statuses(t, "Atelier A")["Hopper"]; got != data.Enrolled {
			t.Fatalf("Hopper is %q in Atelier A, want enrolled", got)
		}
		if got, ok := fx.statuses(t, "Atelier B")["Hopper"]; ok {
			t.Fatalf("Hopper is still %q in Atelier B", got)
		}
		if want := "Grace Hopper is enrolled in “Atelier A”."; p.status.Text != want {
			t.Errorf("status %q, want %q", p.status.Text, want)
		}
	})

	t.Run("StayOnTheWaitingList", func(t *testing.T) {
		p.onAddTapped()
		progPickPerson(t, e, p.chooser, "Dijkstra")
		top := ptTopDialog(t, e, "Edsger Dijkstra is on the waiting list of “Atelier B”")
		ptTap(t, top, "Enrol and stay on the waiting list")
		waitIdle(t, e.tasks)
		if a, b := fx.statuses(t, "Atelier A")["Dijkstra"], fx.statuses(t, "Atelier B")["Dijkstra"]; a != data.Enrolled || b != data.Waitlisted {
			t.Fatalf("Dijkstra: %q in A, %q in B", a, b)
		}
	})

	t.Run("SeatElsewhereStillClashes", func(t *testing.T) {
		p.onAddTapped()
		progPickPerson(t, e, p.chooser, "Turing") // seated in B: a clash, no question
		waitIdle(t, e.tasks)
		if _, ok := fx.statuses(t, "Atelier A")["Turing"]; ok || c.Overlays().Top() != nil {
			t.Fatalf("Turing, seated in B, was enrolled in A or asked about it")
		}
	})
	_ = s
}

// TestSessionAddPersonShowsWhoIsIn (issue 19): a session's "Add a
// person…" shows the people already in it with their status, greyed, and
// they cannot be picked (nor by Enter); the others can. They were offered
// like anyone else.
func TestSessionAddPersonShowsWhoIsIn(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			if language == "fr" {
				inFrench(t)
			}
			fx := newProgFixture(t)
			fx.enrol(t, "Atelier A", "Turing")
			_, p, e := openProgPage(t, fx, "Atelier A")
			p.onAddTapped()
			c := p.chooser
			waitIdle(t, e.tasks)
			test.Type(c.entry, "Turing")
			waitIdle(t, e.tasks)
			if len(c.matches) != 1 {
				t.Fatalf("found %d for Turing", len(c.matches))
			}
			label := newCellLabel().(*widget.Label)
			c.updateMatch(0, label)
			if want := enrolmentStatusText(data.Enrolled); !strings.HasSuffix(label.Text, " — "+want) || label.Importance != widget.LowImportance {
				t.Errorf("Turing reads %q (importance %v), want him shown %q, greyed", label.Text, label.Importance, want)
			}
			if want := map[string]string{"en": "Everyone found is already in this session.", "fr": "Toutes les personnes trouvées sont déjà dans cette session."}[language]; c.hint.Text != want {
				t.Errorf("hint %q, want %q", c.hint.Text, want)
			}
			c.list.Select(0)
			c.entry.OnSubmitted(c.entry.Text)
			waitIdle(t, e.tasks)
			if e.win.Canvas().Overlays().Top() == nil {
				t.Error("picking a person already in the session closed the chooser")
			}
			if got := fx.statuses(t, "Atelier A"); len(got) != 1 {
				t.Errorf("Atelier A: %v", got)
			}
			c.entry.SetText("")
			test.Type(c.entry, "Hopper")
			waitIdle(t, e.tasks)
			c.entry.OnSubmitted(c.entry.Text)
			waitIdle(t, e.tasks)
			if got := fx.statuses(t, "Atelier A"); got["Hopper"] != data.Enrolled {
				t.Errorf("Hopper is not enrolled by Enter: %v", got)
			}
		})
	}
}
