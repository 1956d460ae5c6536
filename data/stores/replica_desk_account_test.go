package stores

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"testing"

	"congres/data"
	"congres/data/postgres"
	"congres/data/stores/storetest"
)

// deskAccount adds a desk account to the congress at target (the owner's
// URL) and returns the URL of the congress as that account.
func deskAccount(t *testing.T, target string) string {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	name := "desk_" + hex.EncodeToString(b)
	password, err := postgres.AddUser(context.Background(), target, name, postgres.RoleDesk)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(name, password)
	return u.String()
}

// TestReplicaFoldsEveryKindAsDesk: a desk's replica opened with a desk
// account (not the database's owner) holds one action of every kind — a
// walk-in paid on the spot, their payment undone and taken again, their
// badge print, an arrival and its undo, a session entry, a second arrival
// (someone checked in meanwhile at the server) and a seat request — and
// hands them all to the server: the desk account's rights cover every
// write of the fold, the journal ends empty, and the payments carry their
// scan time.
func TestReplicaFoldsEveryKindAsDesk(t *testing.T) {
	ctx := context.Background()
	day := data.Day("2021-11-25")
	direct, target := offlineServer(t, 20)
	deskURL := deskAccount(t, target)
	proxy, via := storetest.NewProxy(t, deskURL)
	srv, err := Open(ctx, via)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	rep, err := OpenReplica(ctx, srv, via, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	if err := rep.Sync(ctx); err != nil { // the desk's range of codes
		t.Fatal(err)
	}
	proxy.Cut()
	rs := rep.Store()
	cats, err := rs.Categories(ctx)
	if err != nil || len(cats) == 0 {
		t.Fatal(cats, err)
	}
	sessions, err := rs.Sessions(ctx)
	if err != nil || len(sessions) == 0 {
		t.Fatal(sessions, err)
	}
	w := data.WalkIn{
		Participant: data.Participant{FirstName: "Gaston", LastName: "Doublon", CategoryID: cats[0].ID,
			Status: data.StatusConfirmed, Days: []data.Day{day}, FeeCents: 3000},
		Payment: &data.PaymentRequest{Method: data.PayCard, Desk: "Desk 9"},
		Admit:   data.AdmitRequest{Day: day, Desk: "Desk 9", Accept: data.DeskWarningKinds},
	}
	r, err := rs.RegisterWalkIn(ctx, &w)
	if err != nil || !r.Admitted {
		t.Fatalf("walk-in: %+v, %v", r, err)
	}
	code, wid := w.Participant.Code, w.Participant.ID
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	_, err = rs.UndoPayment(ctx, wid)
	must("payment undo", err)
	pay, err := rs.RecordPayment(ctx, data.PaymentRequest{ParticipantID: wid, AmountCents: 3000, Method: data.PayCash, Desk: "Desk 9"})
	must("payment", err)
	must("badge print", rs.RecordBadgePrints(ctx, "A6", wid))
	must("seat request", rs.HoldSeatRequest(ctx, wid, sessions[0].ID, "Desk 9"))
	ids, err := direct.ParticipantIDs(ctx, data.ParticipantQuery{})
	must("people", err)
	var fresh []int64
	for _, id := range ids {
		if log, _ := direct.CheckinLog(ctx, id); len(log) == 0 && len(fresh) < 2 {
			fresh = append(fresh, id)
		}
	}
	admit := func(id, session int64) {
		t.Helper()
		c, err := rs.DeskCard(ctx, id, day, session)
		must("card", err)
		r, err := rs.Admit(ctx, data.AdmitRequest{ParticipantID: id, Day: day, SessionID: session, Desk: "Desk 9", Accept: allWarnings(c)})
		if err != nil || !r.Admitted {
			t.Fatalf("admit %d in %d: %+v, %v", id, session, r, err)
		}
	}
	admit(fresh[0], 0)
	_, err = rs.UndoLastEntry(ctx, fresh[0], "Desk 9")
	must("undo", err)
	admit(fresh[0], sessions[0].ID)
	admit(fresh[1], 0)
	// Meanwhile at the server (another desk, online): fresh[1] arrives.
	c, err := direct.DeskCard(ctx, fresh[1], day, 0)
	must("server card", err)
	if _, err := direct.Admit(ctx, data.AdmitRequest{ParticipantID: fresh[1], Day: day, Desk: "Desk 1", Accept: allWarnings(c)}); err != nil {
		t.Fatal(err)
	}
	proxy.Restore()
	waitSent(t, rep)
	if n := rep.Waiting(); n != 0 {
		t.Errorf("%d actions still wait in the journal after folding as a desk account, want 0", n)
	}
	p, err := direct.ParticipantByCode(ctx, code)
	if err != nil || !p.Paid {
		t.Fatalf("the walk-in on the server: %+v, %v", p, err)
	}
	pays, err := direct.Payments(ctx, p.ID)
	if err != nil || len(pays) != 2 || pays[0].UndoneAt.IsZero() || !pays[1].UndoneAt.IsZero() {
		t.Fatalf("the walk-in's payments on the server: %+v, %v (want one undone, one kept)", pays, err)
	}
	if !pays[1].At.Equal(pay.At) || pays[1].Method != data.PayCash {
		t.Errorf("the payment on the server: %+v, want its scan time %v", pays[1], pay.At)
	}
	if prints, err := direct.BadgePrints(ctx, p.ID); err != nil || len(prints) != 1 {
		t.Errorf("the walk-in's badge prints on the server: %+v, %v", prints, err)
	}
	reviews, err := direct.ToReview(ctx)
	must("to review", err)
	kinds := map[data.ReviewKind]int{}
	for _, r := range reviews {
		kinds[r.Kind]++
	}
	if kinds[data.ReviewSeatRequest] != 1 || kinds[data.ReviewSecondArrival] != 1 {
		t.Errorf("to review on the server: %v, want a seat request and a second arrival", kinds)
	}
	if got := serverArrivals(t, direct, fresh[0]); len(got) != 1 || !got[0].Undone {
		t.Errorf("the arrival undone offline, on the server: %+v", got)
	}
	if n := rs.StuckHeldActions(); n != 0 {
		t.Errorf("%d held actions stuck", n)
	}
}
