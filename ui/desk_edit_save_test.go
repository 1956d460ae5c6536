package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"congres/data"
)

// gatedSaveStore holds each participant's save back until released, and
// says when one starts.
type gatedSaveStore struct {
	*data.Store
	saving, release chan struct{}
}

func (g *gatedSaveStore) UpdateParticipant(ctx context.Context, p *data.Participant) error {
	g.saving <- struct{}{}
	<-g.release
	return g.Store.UpdateParticipant(ctx, p)
}

// TestDeskEditSaveEndingAfterAScan: the Edit form (Ctrl+E) saved, and a
// badge scanned at the desk while the save is still being written: once
// the save ends, the card stays the one scanned (desk_edit.go), rather
// than going back to the person edited; their change is saved.
func TestDeskEditSaveEndingAfterAScan(t *testing.T) {
	f := newDeskFixture(t)
	g := &gatedSaveStore{Store: f.st, saving: make(chan struct{}), release: make(chan struct{})}
	m := newMainView(f.e, g, f.prefs, func(string) {})
	f.s = m.pages[deskPage].screen.(*deskScreen)
	f.s.now = func() time.Time { return deskMorning }
	f.e.win.SetContent(m.build())
	waitIdle(t, f.e.tasks)
	m.show(deskPage)
	waitIdle(t, f.e.tasks)
	ps := m.pages[participantsPage].screen.(*participantsScreen)
	who := f.people(t, 2)

	form := f.openEdit(t, ps, who[0])
	form.firstName.SetText("Marie")
	time.Sleep(formBurstPause) // a person's Enter
	form.firstName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitFor(t, "the save in flight", f.e.tasks, func() bool {
		select {
		case <-g.saving:
			return true
		default:
			return false
		}
	})
	f.s.scans.lastAt = time.Time{}
	typeInWindow(f.e.win.Canvas(), who[1].Code+"\n")
	waitFor(t, "the card of "+who[1].FullName(), f.e.tasks, func() bool {
		return f.s.shown != nil && f.s.shown.Participant.ID == who[1].ID
	})
	close(g.release)
	waitIdle(t, f.e.tasks)
	if got := f.stored(t, who[0].ID).FirstName; got != "Marie" {
		t.Fatalf("the save wrote the first name %q", got)
	}
	if f.s.shown == nil || f.s.shown.Participant.ID != who[1].ID || f.arrivals(t, who[1].ID) != 1 {
		t.Fatalf("the save ended after %s was scanned: the card shows %v; the desk says %q", who[1].FullName(), f.s.shown != nil && f.s.shown.Participant.ID == who[1].ID, deskSays(f))
	}
}
