package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// TestDeskWalkInOffline: the network cut, a walk-in registered at the desk
// with their fee paid by card is held on the laptop: no dialog, the card
// shows them arrived and paid, a name typed finds them, and the offline
// line counts three actions (not check-ins) waiting. Once the network is
// back, the server has them once, with the code the desk gave, one
// arrival and one payment, and the line goes.
func TestDeskWalkInOffline(t *testing.T) {
	ctx := context.Background()
	f, px, _, other := newOfflineDesk(t)

	px.Cut()
	form := f.openWalkIn(t, "Nour", "Al-Khatib", "nour@velo.fr")
	test.Tap(form.paidNow)
	form.method.SetSelected("Card")
	test.Tap(form.submit)
	waitIdle(t, f.e.tasks)
	if top := f.e.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("offline, the walk-in left a dialog open (%s)", form.message.Text)
	}
	c := f.s.shown
	if c == nil || c.Participant.LastName != "Al-Khatib" || c.Arrival == nil || c.FeeDueCents != 0 || len(c.Payments) != 1 {
		t.Fatalf("offline, the walk-in's card: %+v", c)
	}
	code := c.Participant.Code
	if len(code) != 8 {
		t.Errorf("the walk-in's code %q is not a desk's code", code)
	}
	waitFor(t, "the offline line", f.e.tasks, func() bool {
		return f.s.offline.Visible() && strings.Contains(f.s.offline.Text, "3 actions waiting")
	})
	f.s.entry.SetText("")
	test.Type(f.s.entry, "Al-Khat")
	waitIdle(t, f.e.tasks)
	if len(f.s.matches) != 1 || f.s.matches[0].ID != c.Participant.ID {
		t.Errorf("offline, typing the walk-in's name finds %+v", f.s.matches)
	}
	if _, err := other.ParticipantByCode(ctx, code); err == nil {
		t.Fatal("the server has the walk-in while it was cut off")
	}

	px.Restore()
	var p data.Participant
	untilServer(t, "the walk-in made offline", func() (err error) {
		p, err = other.ParticipantByCode(ctx, code)
		return err
	})
	pays, err := other.Payments(ctx, p.ID)
	if err != nil || len(pays) != 1 || pays[0].Method != data.PayCard || !p.Paid || arrivalsIn(t, other, p.ID) != 1 {
		t.Errorf("on the server: %+v, payments %+v (%v), %d arrivals", p, pays, err, arrivalsIn(t, other, p.ID))
	}
	waitFor(t, "the offline line to go", f.e.tasks, func() bool { return !f.s.offline.Visible() })
}

// TestDeskSeatRequestOffline: at a workshop's door, the network cut,
// someone not enrolled is scanned: the desk says that a seat is the
// server's to give and offers to note the request; noted, it is held, and
// once the network is back it is on the organiser's list to review, with
// the person and the session. Online, the offer is not made.
func TestDeskSeatRequestOffline(t *testing.T) {
	ctx := context.Background()
	f, px, _, other := newOfflineDesk(t)
	door, who := -1, data.Participant{}
	ids, err := other.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
find:
	for i, se := range f.s.doors {
		for _, id := range ids {
			c, err := other.DeskCard(ctx, id, deskDay, se)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := c.Warning(data.WarnNotEnrolled); ok && c.LastEntry == nil {
				door, who = i+1, c.Participant
				break find
			}
		}
	}
	if door < 0 {
		t.Fatal("no door with someone not enrolled")
	}
	f.s.door.SetSelectedIndex(door)
	waitIdle(t, f.e.tasks)
	f.scan(t, who.Code)
	if f.s.seat.note.Visible() {
		t.Error("online, the desk offers to note a seat request")
	}
	f.s.entry.SetText("")
	waitIdle(t, f.e.tasks)

	px.Cut()
	f.scan(t, who.Code)
	if !f.s.seat.note.Visible() || !strings.Contains(f.s.status.Text, "is for the server to give") {
		t.Fatalf("offline, not enrolled at the door: note shown %v, the desk says %q", f.s.seat.note.Visible(), f.s.status.Text)
	}
	test.Tap(f.s.seat.note)
	waitIdle(t, f.e.tasks)
	if !strings.Contains(f.s.status.Text, "Noted") {
		t.Errorf("after noting the request, the desk says %q", f.s.status.Text)
	}
	px.Restore()
	var list []data.Review
	untilServer(t, "the seat request", func() (err error) {
		if list, err = other.ToReview(ctx); err == nil && len(list) != 1 {
			err = fmt.Errorf("to review: %+v", list)
		}
		return err
	})
	if list[0].Kind != data.ReviewSeatRequest || list[0].ParticipantID != who.ID || list[0].SessionID != f.s.doors[door-1] {
		t.Fatalf("to review: %+v", list[0])
	}
}

// TestDeskBadgePrintOffline: the desk's badge printer on a server reads
// the replica while the network is cut, and a badge printed then is held:
// the card shows it printed, and the server records it once the network is
// back.
func TestDeskBadgePrintOffline(t *testing.T) {
	ctx := context.Background()
	f, px, o, other := newOfflineDesk(t)
	b := deskBadgePrinter(newBadgePrinter(f.e, f.st, f.prefs), o)
	var skip []int64
	who := f.person(t, "")
	for prints, _ := other.BadgePrints(ctx, who.ID); len(prints) != 0; prints, _ = other.BadgePrints(ctx, who.ID) {
		skip = append(skip, who.ID)
		who = f.person(t, "", skip...)
	}
	px.Cut()
	if p, err := b.store.Participant(ctx, who.ID); err != nil || p.Code != who.Code {
		t.Fatalf("offline, the badge printer reads %+v, %v", p, err)
	}
	if err := b.store.RecordBadgePrints(ctx, "A6", who.ID); err != nil {
		t.Fatalf("offline, a badge print: %v", err)
	}
	if c, err := o.DeskCard(ctx, who.ID, deskDay, 0); err != nil || !c.BadgePrinted {
		t.Errorf("offline, the card after the print: printed %v, %v", c.BadgePrinted, err)
	}
	px.Restore()
	untilServer(t, "the badge print", func() error {
		prints, err := other.BadgePrints(ctx, who.ID)
		if err == nil && len(prints) != 1 {
			err = fmt.Errorf("badge prints: %+v", prints)
		}
		return err
	})
}

// TestDeskPaymentOffline: the network cut, a fee paid at the desk (Ctrl+M,
// Enter) is held: the card shows it paid; once the network is back, the
// server has the payment once.
func TestDeskPaymentOffline(t *testing.T) {
	ctx := context.Background()
	f, px, o, other := newOfflineDesk(t)
	who := f.owing(t)
	waitFor(t, "the fee in the replica", f.e.tasks, func() bool {
		c, err := o.rep.Load().Store().DeskCard(ctx, who.ID, deskDay, 0)
		return err == nil && c.FeeDueCents == 4000
	})
	px.Cut()
	f.openPayment(t, who)
	f.typeKeys(t, "", 300*time.Millisecond, fyne.KeyReturn)
	if top := f.e.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("offline, the payment left its dialog open: %q", f.s.payment.dialog.message.Text)
	}
	if c := f.s.shown; c == nil || c.FeeDueCents != 0 || len(c.Payments) != 1 {
		t.Fatalf("offline, the card after paying: %+v", c)
	}
	px.Restore()
	untilServer(t, "the payment", func() error {
		pays, err := other.Payments(ctx, who.ID)
		if err == nil && (len(pays) != 1 || pays[0].AmountCents != 4000) {
			err = fmt.Errorf("payments: %+v", pays)
		}
		return err
	})
}
