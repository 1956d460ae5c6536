package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
)

// TestDeskOffline: a desk on a congress kept on a server makes its replica
// when it is shown, and the replica follows the other desks' arrivals. With
// the network cut, a scan still finds the person in the replica and shows
// their card, "already in" included; a name typed still finds people; a
// check-in is acknowledged, held, and a line says how many wait. No dialog
// opens. Once the network is back, the arrival reaches the server once,
// with the desk's name and the scan's time, and the line goes.
func TestDeskOffline(t *testing.T) {
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
	rep.SetClock(func() time.Time { return *now }) // the desk's clock, as the server store's

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

	// Checked in offline: held in the replica's journal, shown as in.
	*now = now.Add(5 * time.Second)
	scanned := *now
	f.scan(t, out.Code)
	if r := f.s.card.result.Text; !strings.Contains(r, "checked in at") {
		t.Errorf("offline, checking %s in says %q", out.FullName(), r)
	}
	if n := arrivalsIn(t, other, out.ID); n != 0 {
		t.Fatalf("%d arrivals on the server while it was cut off", n)
	}
	waitFor(t, "the offline line", f.e.tasks, func() bool {
		return f.s.offline.Visible() && strings.Contains(f.s.offline.Text, "Offline: 1 check-in waiting.")
	})

	// The network back: the arrival reaches the server once, with the
	// desk's name and the scan's time; the line goes.
	px.Restore()
	deadline = time.Now().Add(30 * time.Second)
	for arrivalsIn(t, other, out.ID) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the arrival made offline never reached the server")
		}
		time.Sleep(50 * time.Millisecond)
	}
	log, err := other.CheckinLog(ctx, out.ID)
	if err != nil {
		t.Fatal(err)
	}
	var arrival data.Checkin
	for _, c := range log {
		if c.Kind == data.Arrival && !c.Undone {
			arrival = c
		}
	}
	if arrivalsIn(t, other, out.ID) != 1 || !arrival.At.Equal(scanned) || arrival.Desk != deskName(f.prefs) {
		t.Errorf("on the server: %d arrivals, the last %+v; want one at %v by %q", arrivalsIn(t, other, out.ID),
			arrival, scanned, deskName(f.prefs))
	}
	waitFor(t, "the offline line to go", f.e.tasks, func() bool { return !f.s.offline.Visible() })
}

// TestQuitWithHeldCheckins: quitting while check-ins made offline wait for
// the server first says that they stay on this laptop; with none waiting,
// Congrès quits at once.
func TestQuitWithHeldCheckins(t *testing.T) {
	u := newTestUI(t)
	waiting := 3
	u.waiting = func() int { return waiting }
	u.onQuit()
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !richTextOrLabelSays(top, "3 check-ins made offline have not reached the server yet") {
		t.Fatal("quitting with 3 check-ins waiting: no word of them")
	}
	top.Hide()
	waiting = 0
	u.onQuit()
	if top := u.win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("quitting with nothing waiting asked something")
	}
}

// richTextOrLabelSays reports whether a label or rich text in o holds text.
func richTextOrLabelSays(o fyne.CanvasObject, text string) bool {
	for _, c := range test.LaidOutObjects(o) {
		switch c := c.(type) {
		case *widget.Label:
			if strings.Contains(c.Text, text) {
				return true
			}
		case *widget.RichText:
			if strings.Contains(c.String(), text) {
				return true
			}
		}
	}
	return false
}
