package data_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	. "congres/data"
)

// offlineDeskOf is another desk's replica of srv's congress, offline
// (holding its desk actions), with a range of codes from srv.
func offlineDeskOf(t *testing.T, srv *Store, name string) *Store {
	t.Helper()
	rep := replicaOf(t, srv, name)
	rep.HoldDeskActions()
	if err := rep.ReserveDeskCodes(ctx, srv); err != nil {
		t.Fatal(err)
	}
	return rep
}

// walkIn registers Jeanne Martin (fee 40 €, paid 40 € in cash) at the
// desk rep and checks her in on day 1.
func walkIn(t *testing.T, rep *Store, desk string) (Participant, AdmitResult) {
	t.Helper()
	p := newPerson(t, rep, "Jeanne", "Martin")
	p.Email, p.FeeCents = "jeanne.martin@example.org", 4000
	w := WalkIn{Participant: p, Payment: &PaymentRequest{Method: PayCash, Desk: desk},
		Admit: AdmitRequest{Day: day1, Desk: desk, Accept: DeskWarningKinds}}
	r, err := rep.RegisterWalkIn(ctx, &w)
	if err != nil || !r.Admitted {
		t.Fatalf("walk-in offline: %+v, %v", r, err)
	}
	return w.Participant, r
}

// TestHeldWalkInPaymentBadgeReachServerOnce: offline, a walk-in (with
// their payment and arrival), a badge print for them, and a payment and
// its undo and a new payment for someone of the server, are held; the desk
// finds the walk-in by name and code and shows them arrived, paid, their
// badge printed. Folded three times (the first stopped after its commit,
// as a desk killed), the server has the walk-in once, with the desk's
// code, one arrival at the scan time, one payment, one badge print, and
// the other person's payments as made; the replica then shows the server's
// rows, and its journal is empty.
func TestHeldWalkInPaymentBadgeReachServerOnce(t *testing.T) {
	srv, people := offlineCongress(t, 1)
	other := people[0]
	if err := srv.UpdateParticipant(ctx, func() *Participant { p := other; p.FeeCents = 6000; return &p }()); err != nil {
		t.Fatal(err)
	}
	rep := offlineDeskOf(t, srv, "desk1")
	p, r := walkIn(t, rep, "Desk 1")
	if len(p.Code) != 8 || !ValidCode(p.Code) {
		t.Fatalf("the walk-in's code %q is not a desk's code", p.Code)
	}
	if err := rep.RecordBadgePrints(ctx, "A6", p.ID); err != nil {
		t.Fatal(err)
	}
	for _, amount := range []int64{1000, 2000} {
		if _, err := rep.RecordPayment(ctx, PaymentRequest{ParticipantID: other.ID, AmountCents: amount, Method: PayCard, Desk: "Desk 1"}); err != nil {
			t.Fatal(err)
		}
	}
	if undone, err := rep.UndoPayment(ctx, other.ID); err != nil || undone.AmountCents != 2000 {
		t.Fatalf("undo offline: %+v, %v", undone, err)
	}
	if _, err := rep.RecordPayment(ctx, PaymentRequest{ParticipantID: other.ID, AmountCents: 6000, Method: PayCard, Desk: "Desk 1"}); KindOf(err) != KindInvalid {
		t.Errorf("offline, 60 € when 50 € are due: %v, want refused", err)
	}
	// Found by name and by code, and shown arrived, paid, badge printed.
	rows, err := rep.ListParticipants(ctx, ParticipantQuery{Search: "jeanne mart"})
	if err != nil || len(rows) != 1 || rows[0].ID != p.ID {
		t.Fatalf("offline search for the walk-in: %+v, %v", rows, err)
	}
	if id, err := rep.ParticipantIDByScan(ctx, strings.ToLower(p.Code)); err != nil || id != p.ID {
		t.Fatalf("offline scan of the walk-in's code: %d, %v", id, err)
	}
	card, err := rep.DeskCard(ctx, p.ID, day1, 0)
	if err != nil || card.Arrival == nil || !card.BadgePrinted || card.FeeDueCents != 0 || len(card.Payments) != 1 {
		t.Fatalf("the walk-in's card offline: %+v, %v", card, err)
	}
	if card, err := rep.DeskCard(ctx, other.ID, day1, 0); err != nil || card.FeeDueCents != 5000 || len(card.Payments) != 1 {
		t.Fatalf("the other's card offline: due %d, %+v, %v", card.FeeDueCents, card.Payments, err)
	}
	if rows, err := srv.ListParticipants(ctx, ParticipantQuery{}); err != nil || len(rows) != 1 {
		t.Fatalf("the server has %d people before folding (%v)", len(rows), err)
	}
	if c, o, err := rep.HeldActions(ctx); err != nil || c != 1 || o != 6 {
		t.Errorf("held: %d check-ins, %d others (%v), want 1 and 6", c, o, err)
	}
	killed := errors.New("killed")
	SetHeldBatchCommittedHook(t, func() error { return killed })
	if _, err := rep.FoldHeldInto(ctx, srv); !errors.Is(err, killed) {
		t.Fatalf("the first folding: %v, want killed after its commit", err)
	}
	SetHeldBatchCommittedHook(t, nil)
	for range 2 {
		if _, err := rep.FoldHeldInto(ctx, srv); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := rep.HeldCheckins(ctx); err != nil || n != 0 {
		t.Errorf("%d held after folding (%v)", n, err)
	}
	got, err := srv.ParticipantByCode(ctx, p.Code)
	if err != nil || got.FirstName != "Jeanne" || got.Email != p.Email || !got.Paid {
		t.Fatalf("the walk-in on the server: %+v, %v", got, err)
	}
	if rows, err := srv.ListParticipants(ctx, ParticipantQuery{}); err != nil || len(rows) != 2 {
		t.Errorf("the server has %d people after folding (%v), want 2", len(rows), err)
	}
	if log := serverEntries(t, srv, got.ID); len(log) != 1 || log[0].Kind != Arrival || !log[0].At.Equal(r.Checkin.At) || log[0].Desk != "Desk 1" {
		t.Errorf("the walk-in's log on the server: %+v, want one arrival at %v", log, r.Checkin.At)
	}
	if pays, err := srv.Payments(ctx, got.ID); err != nil || len(pays) != 1 || pays[0].AmountCents != 4000 {
		t.Errorf("the walk-in's payments on the server: %+v, %v", pays, err)
	}
	if prints, err := srv.BadgePrints(ctx, got.ID); err != nil || len(prints) != 1 || prints[0].Layout != "A6" {
		t.Errorf("the walk-in's badge prints on the server: %+v, %v", prints, err)
	}
	pays, err := srv.Payments(ctx, other.ID)
	if err != nil || len(pays) != 2 || pays[0].Undone() || !pays[1].Undone() {
		t.Errorf("the other's payments on the server: %+v, %v, want 10 € and 20 € undone", pays, err)
	}
	// The replica shows the server's rows: the local row is gone.
	if _, err := rep.Participant(ctx, p.ID); KindOf(err) != KindNotFound {
		t.Errorf("the walk-in's local row after folding: %v", err)
	}
	card, err = rep.DeskCard(ctx, got.ID, day1, 0)
	if err != nil || card.Arrival == nil || card.Arrival.Held || !card.BadgePrinted || len(card.Payments) != 1 {
		t.Errorf("the walk-in's card on the replica after folding: %+v, %v", card, err)
	}
}

// TestHeldWalkInTwoDesks: the same person registered as a walk-in at two
// offline desks is two people on the server, with the codes the desks
// gave, and a "to review" entry flags them as a possible duplicate.
func TestHeldWalkInTwoDesks(t *testing.T) {
	srv, _ := offlineCongress(t, 1)
	desk1, desk2 := offlineDeskOf(t, srv, "desk1"), offlineDeskOf(t, srv, "desk2")
	p1, _ := walkIn(t, desk1, "Desk 1")
	p2, _ := walkIn(t, desk2, "Desk 2")
	if p1.Code == p2.Code || p1.Code[:3] == p2.Code[:3] {
		t.Fatalf("two desks' codes %s and %s share their range", p1.Code, p2.Code)
	}
	for _, d := range []*Store{desk1, desk2} {
		if _, err := d.FoldHeldInto(ctx, srv); err != nil {
			t.Fatal(err)
		}
	}
	a, err1 := srv.ParticipantByCode(ctx, p1.Code)
	b, err2 := srv.ParticipantByCode(ctx, p2.Code)
	if err := errors.Join(err1, err2); err != nil || a.ID == b.ID {
		t.Fatalf("the two walk-ins on the server: %+v, %+v, %v", a, b, err)
	}
	list, err := srv.ToReview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var dup []Review
	for _, r := range list {
		if r.Kind == ReviewWalkInDuplicate {
			dup = append(dup, r)
		}
	}
	if len(dup) != 1 || dup[0].ParticipantID != b.ID || dup[0].OtherParticipantID != a.ID || dup[0].Desk != "Desk 2" {
		t.Errorf("to review: %+v, want the second walk-in flagged as a possible duplicate of the first", list)
	}
}

// TestDeskCodesNeverCollide: two desks get two ranges from the server, and
// 40 walk-ins each, offline, get 80 different codes, each desk's in its
// own range; a desk that has a range keeps it.
func TestDeskCodesNeverCollide(t *testing.T) {
	srv, _ := offlineCongress(t, 1)
	desk1, desk2 := offlineDeskOf(t, srv, "desk1"), offlineDeskOf(t, srv, "desk2")
	if err := desk1.ReserveDeskCodes(ctx, srv); err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	prefix := map[*Store]string{}
	for i := range 40 {
		for _, d := range []*Store{desk1, desk2} {
			p := newPerson(t, d, "Walk", "In"+itoa(i))
			w := WalkIn{Participant: p, Admit: AdmitRequest{Day: day1, Desk: "Desk", Accept: DeskWarningKinds}}
			if _, err := d.RegisterWalkIn(ctx, &w); err != nil {
				t.Fatal(err)
			}
			c := w.Participant.Code
			if codes[c] {
				t.Fatalf("the code %s was given twice", c)
			}
			codes[c] = true
			if prefix[d] == "" {
				prefix[d] = c[:3]
			}
			if c[:3] != prefix[d] {
				t.Fatalf("a desk gave %s, out of its range %s", c, prefix[d])
			}
		}
	}
	if prefix[desk1] == prefix[desk2] {
		t.Errorf("two desks share the range %s", prefix[desk1])
	}
}

// TestReplicaRefusesASeatOfflineAndNotesIt: a seat asked for offline is
// noted, and reaches the server's "to review" list with the person and
// the session.
func TestHeldSeatRequest(t *testing.T) {
	srv, people := offlineCongress(t, 1)
	room := addRoom(t, srv, "Salle 1", 10)
	se := addSession(t, srv, "Atelier", day1, "10:00", "11:00", room.ID)
	rep := offlineDeskOf(t, srv, "desk1")
	if err := rep.HoldSeatRequest(ctx, people[0].ID, se.ID, "Desk 1"); err != nil {
		t.Fatal(err)
	}
	if err := srv.HoldSeatRequest(ctx, people[0].ID, se.ID, "Desk 1"); KindOf(err) != KindInvalid {
		t.Errorf("a server noting a seat request: %v", err)
	}
	for range 2 {
		if _, err := rep.FoldHeldInto(ctx, srv); err != nil {
			t.Fatal(err)
		}
	}
	list, err := srv.ToReview(ctx)
	if err != nil || len(list) != 1 || list[0].Kind != ReviewSeatRequest || list[0].ParticipantID != people[0].ID || list[0].SessionID != se.ID {
		t.Errorf("to review: %+v, %v", list, err)
	}
}

// TestHeldWalkInFoldedInBatches: a walk-in, their payment, arrival and
// badge print go one per batch; the desk killed after the first batch (the
// walk-in on the server, the journal not yet told) loses nothing: folded
// again, the actions on the walk-in reach the person the server made of
// them, once, and the replica shows them arrived under the server's id.
func TestHeldWalkInFoldedInBatches(t *testing.T) {
	srv, _ := offlineCongress(t, 1)
	rep := offlineDeskOf(t, srv, "desk1")
	SetHeldBatch(t, 1)
	p, _ := walkIn(t, rep, "Desk 1")
	if err := rep.RecordBadgePrints(ctx, "A6", p.ID); err != nil {
		t.Fatal(err)
	}
	killed := errors.New("killed")
	SetHeldBatchCommittedHook(t, func() error { return killed })
	if _, err := rep.FoldHeldInto(ctx, srv); !errors.Is(err, killed) {
		t.Fatalf("the first folding: %v", err)
	}
	SetHeldBatchCommittedHook(t, nil)
	for range 2 {
		if _, err := rep.FoldHeldInto(ctx, srv); err != nil {
			t.Fatal(err)
		}
	}
	got, err := srv.ParticipantByCode(ctx, p.Code)
	if err != nil {
		t.Fatal(err)
	}
	pays, _ := srv.Payments(ctx, got.ID)
	prints, _ := srv.BadgePrints(ctx, got.ID)
	if log := serverEntries(t, srv, got.ID); len(log) != 1 || len(pays) != 1 || len(prints) != 1 {
		t.Errorf("on the server: %d entries, %d payments, %d prints; want one each", len(log), len(pays), len(prints))
	}
	if n, _ := rep.HeldCheckins(ctx); n != 0 {
		t.Errorf("%d still held", n)
	}
	if c, err := rep.DeskCard(ctx, got.ID, day1, 0); err != nil || c.Arrival == nil || len(c.Payments) != 1 || !c.BadgePrinted {
		t.Errorf("the replica's card of the walk-in: %+v, %v", c, err)
	}
}

// TestHeldWalkInInANewCopy: a desk's replica made again from the server
// (its file replaced by a new copy, its journal kept) gets its held
// walk-in back: found by code, shown arrived; the hand-over then makes
// them on the server once.
func TestHeldWalkInInANewCopy(t *testing.T) {
	srv, _ := offlineCongress(t, 1)
	rep := offlineDeskOf(t, srv, "desk1")
	p, _ := walkIn(t, rep, "Desk 1")
	path := rep.Path()
	if err := rep.Close(); err != nil {
		t.Fatal(err)
	}
	aside := filepath.Join(t.TempDir(), "held")
	if err := os.Rename(path+HeldSuffix, aside); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if err := srv.CopyToFile(ctx, path, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(aside, path+HeldSuffix); err != nil {
		t.Fatal(err)
	}
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	again.HoldDeskActions()
	if _, err := again.ParticipantIDByScan(ctx, p.Code); err == nil {
		t.Fatal("the new copy has the walk-in before RestoreHeldWalkIns")
	}
	if err := again.RestoreHeldWalkIns(ctx); err != nil {
		t.Fatal(err)
	}
	id, err := again.ParticipantIDByScan(ctx, p.Code)
	if err != nil || id != p.ID {
		t.Fatalf("the walk-in in the new copy: %d, %v", id, err)
	}
	if c, err := again.DeskCard(ctx, id, day1, 0); err != nil || c.Arrival == nil || c.FeeDueCents != 0 {
		t.Fatalf("the walk-in's card in the new copy: %+v, %v", c, err)
	}
	for range 2 {
		if _, err := again.FoldHeldInto(ctx, srv); err != nil {
			t.Fatal(err)
		}
	}
	got, err := srv.ParticipantByCode(ctx, p.Code)
	if err != nil || len(serverEntries(t, srv, got.ID)) != 1 {
		t.Errorf("the walk-in on the server: %+v, %v", got, err)
	}
}
