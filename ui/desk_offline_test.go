package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
)

// TestDeskOfflineReadsTheReplica: a desk on a congress kept on a server
// makes its replica when it is shown, and the replica follows the other
// desks' arrivals. With the network cut, a scan still finds the person in
// the replica and shows their card, "already in" included, saying that
// nothing was recorded; a name typed still finds people. No dialog opens.
// Once the network is back, the desk checks in on the server again.
func TestDeskOfflineReadsTheReplica(t *testing.T) {
	ctx := context.Background()
	f, px, target, now := newServerDesk(t, true)
	other, err := stores.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	o, ok := f.s.store.(*offlineDesk)
	if !ok {
		t.Fatalf("the desk's store on a server is a %T", f.s.store)
	}
	deadline := time.Now().Add(30 * time.Second)
	for o.rep.Load() == nil {
		if time.Now().After(deadline) {
			t.Fatal("the desk made no replica")
		}
		time.Sleep(20 * time.Millisecond)
	}
	rep := o.rep.Load().Store()

	in := f.person(t, "")
	if r, err := other.Admit(ctx, data.AdmitRequest{ParticipantID: in.ID, Day: deskDay, Desk: "Desk 2"}); err != nil || !r.Admitted {
		t.Fatalf("the other desk's check-in: %+v, %v", r, err)
	}
	for {
		c, err := rep.DeskCard(ctx, in.ID, deskDay, 0)
		if err == nil && c.Arrival != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the other desk's arrival never reached the replica")
		}
		time.Sleep(20 * time.Millisecond)
	}
	out := f.person(t, "", in.ID)

	px.Cut()
	*now = now.Add(5 * time.Second)
	f.scan(t, in.Code)
	if top := f.e.win.Canvas().Overlays().Top(); top != nil {
		t.Fatal("a scan with the server lost opened a dialog")
	}
	if f.s.shown == nil || f.s.shown.Participant.ID != in.ID || f.s.shown.Arrival == nil {
		t.Fatalf("offline, the scan of someone in shows %+v", f.s.shown)
	}
	if r := f.s.card.result.Text; !strings.Contains(r, "does not answer") || !strings.Contains(r, "not recorded") {
		t.Errorf("offline, the result line says %q", r)
	}

	test.Type(f.s.entry, out.LastName)
	waitIdle(t, f.e.tasks)
	found := false
	for _, r := range f.s.matches {
		found = found || r.ID == out.ID
	}
	if !found {
		t.Errorf("offline, typing %q found %d people, not %s", out.LastName, len(f.s.matches), out.FullName())
	}
	f.s.entry.SetText("")
	waitIdle(t, f.e.tasks)

	px.Restore()
	*now = now.Add(5 * time.Second)
	f.scan(t, out.Code)
	if n := f.arrivals(t, out.ID); n != 1 {
		t.Fatalf("%d arrivals on the server once it is back, want 1", n)
	}
}
