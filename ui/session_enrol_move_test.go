package ui

import (
	"testing"

	"fyne.io/fyne/v2"

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
