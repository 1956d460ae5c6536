package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2/lang"

	"congres/data"
	"congres/export"
)

// The desk's other actions offline (issue 17): a walk-in, a payment and
// its undo, a badge print go to the server, and to the replica's journal
// when the server is lost or does not answer (data/desk_held_actions.go),
// as check-ins do (offlineWrite).
//
// A walk-in keeps the one-second rule, as a check-in: the queue does not
// wait on the network. The server cancels a transaction whose desk gave up
// on it, so a walk-in is on the server twice only when its commit was
// already under way when the second ran out; the hand-over then flags the
// held one as a possible duplicate of the first, for the organiser. A
// payment or its undo waits for the server's answer instead (unless the
// server is known lost already, when it goes to the journal at once): the
// same money recorded twice would put the accounts wrong with no flag. A
// badge print, which does no harm twice, keeps the one-second rule.

func (o *offlineDesk) RegisterWalkIn(ctx context.Context, w *data.WalkIn) (data.AdmitResult, error) {
	given := *w
	return offlineWrite(ctx, o, true, func(ctx context.Context, st deskStore) (data.AdmitResult, error) {
		*w = given // each try starts from the walk-in as given
		return st.RegisterWalkIn(ctx, w)
	})
}

// walkInReplica is the replica's store when id is a walk-in held on this
// desk, whom the server does not know until the hand-over: what the desk
// reads of them and does with them goes to the replica, even once the
// server answers. Otherwise nil.
func (o *offlineDesk) walkInReplica(id int64) *data.Store {
	if !data.IsHeldWalkIn(id) {
		return nil
	}
	if r := o.rep.Load(); r != nil {
		return r.Store()
	}
	return nil
}

func (o *offlineDesk) DuplicatesBeforeSave(ctx context.Context, p data.Participant) ([]data.Duplicate, error) {
	return offlineRead(o, func(st deskStore) ([]data.Duplicate, error) { return st.DuplicatesBeforeSave(ctx, p) })
}

func (o *offlineDesk) RecordPayment(ctx context.Context, req data.PaymentRequest) (data.Payment, error) {
	if rs := o.walkInReplica(req.ParticipantID); rs != nil {
		return rs.RecordPayment(ctx, req)
	}
	return offlineWrite(ctx, o, false, func(ctx context.Context, st deskStore) (data.Payment, error) { return st.RecordPayment(ctx, req) })
}

func (o *offlineDesk) UndoPayment(ctx context.Context, id int64) (data.Payment, error) {
	if rs := o.walkInReplica(id); rs != nil {
		return rs.UndoPayment(ctx, id)
	}
	return offlineWrite(ctx, o, false, func(ctx context.Context, st deskStore) (data.Payment, error) { return st.UndoPayment(ctx, id) })
}

// offlineBadges is what the desk's badge printer reads and writes on a
// congress on a server: the server's, and the replica's while the server
// is lost (a badge printed then is held, and recorded on the server once
// it answers).
type offlineBadges struct {
	badgePrintStore // the server's
	o               *offlineDesk
}

// deskBadgePrinter is the desk's badge printer: b itself, or, for a desk
// with a replica (st an offlineDesk on a server), one that reads the
// replica and holds the prints while the server is lost.
func deskBadgePrinter(b *badgePrinter, st deskStore) *badgePrinter {
	o, ok := st.(*offlineDesk)
	if b == nil || !ok || o.srv == nil {
		return b
	}
	return newBadgePrinter(b.env, &offlineBadges{badgePrintStore: b.store, o: o}, b.prefs)
}

// badgeRead runs fn on the store to read from now (offlineRead's rule),
// and on the replica when ids name a walk-in held on this desk.
func badgeRead[T any](b *offlineBadges, fn func(badgePrintStore) (T, error), ids ...int64) (T, error) {
	st := badgePrintStore(b.badgePrintStore)
	r := b.o.rep.Load()
	if r != nil && (b.o.events.ServerLostNow() || slices.ContainsFunc(ids, data.IsHeldWalkIn)) {
		st = r.Store()
	}
	v, err := fn(st)
	if err != nil && serverUnreachable(err) && st == b.badgePrintStore && r != nil {
		return fn(r.Store())
	}
	return v, err
}

func (b *offlineBadges) Congress(ctx context.Context) (data.Congress, error) {
	return badgeRead(b, func(st badgePrintStore) (data.Congress, error) { return st.Congress(ctx) })
}

func (b *offlineBadges) ParticipantIDs(ctx context.Context, q data.ParticipantQuery) ([]int64, error) {
	return badgeRead(b, func(st badgePrintStore) ([]int64, error) { return st.ParticipantIDs(ctx, q) })
}

func (b *offlineBadges) ParticipantByCode(ctx context.Context, code string) (data.Participant, error) {
	return badgeRead(b, func(st badgePrintStore) (data.Participant, error) { return st.ParticipantByCode(ctx, code) })
}

func (b *offlineBadges) Participant(ctx context.Context, id int64) (data.Participant, error) {
	return badgeRead(b, func(st badgePrintStore) (data.Participant, error) { return st.Participant(ctx, id) }, id)
}

func (b *offlineBadges) BadgeRows(ctx context.Context, ids []int64) ([]data.BadgeRow, error) {
	return badgeRead(b, func(st badgePrintStore) ([]data.BadgeRow, error) { return st.BadgeRows(ctx, ids) }, ids...)
}

func (b *offlineBadges) BadgePrints(ctx context.Context, id int64) ([]data.BadgePrint, error) {
	return badgeRead(b, func(st badgePrintStore) ([]data.BadgePrint, error) { return st.BadgePrints(ctx, id) }, id)
}

func (b *offlineBadges) CountBadgePrinted(ctx context.Context, ids []int64) (int, error) {
	return badgeRead(b, func(st badgePrintStore) (int, error) { return st.CountBadgePrinted(ctx, ids) }, ids...)
}

func (b *offlineBadges) BadgeSettings(ctx context.Context, layout string) (data.BadgeSettings, error) {
	return badgeRead(b, func(st badgePrintStore) (data.BadgeSettings, error) { return st.BadgeSettings(ctx, layout) })
}

// RecordBadgePrints records the prints on the server, or holds them in the
// replica's journal when the server does not answer within offlineAfter.
func (b *offlineBadges) RecordBadgePrints(ctx context.Context, layout string, ids ...int64) error {
	for _, id := range ids {
		if rs := b.o.walkInReplica(id); rs != nil {
			return rs.RecordBadgePrints(ctx, layout, ids...) // a walk-in held on this desk: all held
		}
	}
	_, err := offlineWrite(ctx, b.o, true, func(ctx context.Context, st deskStore) (struct{}, error) {
		if st == b.o.deskStore {
			return struct{}{}, b.badgePrintStore.RecordBadgePrints(ctx, layout, ids...)
		}
		return struct{}{}, st.(badgePrintStore).RecordBadgePrints(ctx, layout, ids...)
	})
	return err
}

var _ export.BadgeStore = (*offlineBadges)(nil)

// waitingText is the offline line's sentence for waiting actions, made on
// this desk while the server was lost: counted as check-ins when they all
// are (arrivals, entries, undos), else as actions. UI thread.
func (s *deskScreen) waitingText(waiting int, lost bool) string {
	vars := map[string]any{"Count": formatCount(waiting)}
	checkins := true
	if o, ok := s.store.(*offlineDesk); ok {
		if r := o.rep.Load(); r != nil {
			checkins = r.OnlyCheckins()
		}
	}
	switch {
	case lost && checkins:
		return lang.N("Offline: {{.Count}} check-ins waiting.", waiting, vars)
	case lost:
		return lang.N("Offline: {{.Count}} actions waiting.", waiting, vars)
	case checkins:
		return lang.N("The server is back: {{.Count}} check-ins made offline are being sent.", waiting, vars)
	}
	return lang.N("The server is back: {{.Count}} actions made offline are being sent.", waiting, vars)
}

// waitingOnQuitText is what quitting says of the n actions made offline
// that have not reached the server: check-ins, or actions of several
// kinds. UI thread.
func (u *ui) waitingOnQuitText(n int) string {
	vars := map[string]any{"Count": formatCount(n)}
	if o := u.openOfflineDesk(); o != nil {
		if r := o.rep.Load(); r != nil && !r.OnlyCheckins() {
			return lang.N("{{.Count}} actions made offline have not reached the server yet. They stay on this laptop and are sent the next time this desk connects to the server. Quit anyway?", n, vars)
		}
	}
	return lang.N("{{.Count}} check-ins made offline have not reached the server yet. They stay on this laptop and are sent the next time this desk connects to the server. Quit anyway?", n, vars)
}
