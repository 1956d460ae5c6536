package stores

import (
	"context"
	"testing"

	"congres/data"
)

// TestReplicaWalkInRestartsOffline: the network cut, a walk-in registered
// at the desk (with their payment and arrival) and their badge print are
// held; the desk, closed and opened again while still offline, finds them
// by their code and shows them arrived and paid. The network back, the
// server has them once, with the desk's code, their arrival, payment and
// badge print, and the replica shows the server's record of them.
func TestReplicaWalkInRestartsOffline(t *testing.T) {
	ctx := context.Background()
	day := data.Day("2021-11-25")
	d := newOfflineDeskOf(t, 20)
	_, w, r := d.heldWalkIn(t, day)
	code := w.Participant.Code
	if n := d.rep.Waiting(); n != 4 {
		t.Errorf("Waiting() = %d, want 4 (walk-in, payment, arrival, badge)", n)
	}
	if err := d.rep.Close(); err != nil {
		t.Fatal(err)
	}
	d.open()
	rs := d.rep.Store()
	id, err := rs.ParticipantIDByScan(ctx, code)
	if err != nil {
		t.Fatalf("after the restart offline, the walk-in's code %s: %v", code, err)
	}
	c, err := rs.DeskCard(ctx, id, day, 0)
	if err != nil || c.Arrival == nil || c.FeeDueCents != 0 || !c.BadgePrinted || c.Participant.LastName != "Le Goff" {
		t.Fatalf("after the restart offline, the walk-in's card: %+v, %v", c, err)
	}
	d.proxy.Restore()
	d.waitSent()
	p, err := d.direct.ParticipantByCode(ctx, code)
	if err != nil || !p.Paid {
		t.Fatalf("the walk-in on the server: %+v, %v", p, err)
	}
	if got := serverArrivals(t, d.direct, p.ID); len(got) != 1 || !got[0].At.Equal(r.Checkin.At) || got[0].Desk != "Desk 7" {
		t.Errorf("the walk-in's arrivals on the server: %+v", got)
	}
	if pays, err := d.direct.Payments(ctx, p.ID); err != nil || len(pays) != 1 || pays[0].AmountCents != 2500 {
		t.Errorf("the walk-in's payments on the server: %+v, %v", pays, err)
	}
	if prints, err := d.direct.BadgePrints(ctx, p.ID); err != nil || len(prints) != 1 {
		t.Errorf("the walk-in's badge prints on the server: %+v, %v", prints, err)
	}
	if err := d.rep.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := rs.ParticipantIDByScan(ctx, code); err != nil || got != p.ID {
		t.Errorf("the replica finds %s as %d (%v), want the server's %d", code, got, err, p.ID)
	}
}

// heldWalkIn registers, the network cut, a walk-in at "Desk 7" on day, paid
// 25 € in cash and checked in, and prints their badge: four actions held
// by the desk's replica, whose store it returns with the walk-in and the
// desk's answer.
func (d *offlineDesk) heldWalkIn(t *testing.T, day data.Day) (*data.Store, data.WalkIn, data.AdmitResult) {
	t.Helper()
	ctx := context.Background()
	if err := d.rep.Sync(ctx); err != nil { // in step: the desk has its range of codes
		t.Fatal(err)
	}
	d.proxy.Cut()
	rs := d.rep.Store()
	cats, err := rs.Categories(ctx)
	if err != nil || len(cats) == 0 {
		t.Fatal(cats, err)
	}
	w := data.WalkIn{
		Participant: data.Participant{FirstName: "Yannick", LastName: "Le Goff", CategoryID: cats[0].ID,
			Status: data.StatusConfirmed, Days: []data.Day{day}, FeeCents: 2500},
		Payment: &data.PaymentRequest{Method: data.PayCash, Desk: "Desk 7"},
		Admit:   data.AdmitRequest{Day: day, Desk: "Desk 7", Accept: data.DeskWarningKinds},
	}
	r, err := rs.RegisterWalkIn(ctx, &w)
	if err != nil || !r.Admitted || !r.Checkin.Held {
		t.Fatalf("walk-in offline: %+v, %v", r, err)
	}
	if err := rs.RecordBadgePrints(ctx, "A6", w.Participant.ID); err != nil {
		t.Fatal(err)
	}
	return rs, w, r
}
