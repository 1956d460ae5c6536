package postgres

import (
	"context"
	"errors"
	"testing"

	"congres/data"
)

// TestReviewDeskAccountThroughStore: what issue 16 says a desk account
// must do, done through data.Store opened with the desk account's URL; and
// what it must not, refused with ErrNotPermitted.
func TestReviewDeskAccountThroughStore(t *testing.T) {
	ctx := context.Background()
	dbURL := newDatabase(t)
	day := data.Day("2026-05-21")
	owner, err := Create(ctx, dbURL, data.Congress{Name: "Revue", Days: []data.Day{day}})
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	cats, err := owner.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := data.Participant{FirstName: "Éric", LastName: "Béasse", CategoryID: cats[0].ID, Status: data.StatusConfirmed,
		Days: []data.Day{day}, FeeCents: 4000}
	q := data.Participant{FirstName: "Ana", LastName: "Lopes", CategoryID: cats[0].ID, Status: data.StatusConfirmed}
	if err := owner.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := owner.CreateParticipant(ctx, &q); err != nil {
		t.Fatal(err)
	}
	room := data.Room{Name: "Salle A"}
	if err := owner.SaveRoom(ctx, &room); err != nil {
		t.Fatal(err)
	}
	plen := data.Session{Kind: data.KindPlenary, Title: "Ouverture", Day: day, Start: 9 * 60, End: 10 * 60, RoomID: room.ID}
	if err := owner.SaveSession(ctx, &plen); err != nil {
		t.Fatal(err)
	}
	ws := data.Session{Kind: data.KindWorkshop, Title: "Atelier", Day: day, Start: 11 * 60, End: 12 * 60, RoomID: room.ID, Capacity: 5}
	if err := owner.SaveSession(ctx, &ws); err != nil {
		t.Fatal(err)
	}
	if err := owner.SetDeskPIN(ctx, "4321"); err != nil {
		t.Fatal(err)
	}
	desk, err := OpenStore(ctx, newUser(t, dbURL, RoleDesk))
	if err != nil {
		t.Fatal(err)
	}
	defer desk.Close()

	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Errorf("a desk account: %s: %v", what, err)
		}
	}
	r, err := desk.Admit(ctx, data.AdmitRequest{ParticipantID: p.ID, Day: day, Desk: "A", Accept: []data.DeskWarningKind{"unpaid"}})
	must("arrival", err)
	if err == nil && !r.Admitted {
		t.Errorf("arrival not admitted: %+v", r.Pending)
	}
	_, err = desk.UndoLastEntry(ctx, p.ID, "A")
	must("undo of the arrival", err)
	for _, se := range []data.Session{plen, ws} {
		r, err = desk.Admit(ctx, data.AdmitRequest{ParticipantID: p.ID, Day: day, SessionID: se.ID, Desk: "A",
			Accept: []data.DeskWarningKind{"unpaid", "not_enrolled", "not_arrived", "full"}})
		must("entry into "+se.Title, err)
		if err == nil && !r.Admitted {
			t.Logf("entry into %s pending: %+v", se.Title, r.Pending)
		}
	}
	_, err = desk.RecordPayment(ctx, data.PaymentRequest{ParticipantID: p.ID, AmountCents: 4000, Method: data.PayCash, Desk: "A"})
	must("payment", err)
	_, err = desk.UndoPayment(ctx, p.ID)
	must("undo of the payment", err)
	must("badge print", desk.RecordBadgePrints(ctx, "a6", p.ID))
	must("desk lock", desk.LockDesk(ctx))
	ok, err := desk.UnlockDesk(ctx, "4321")
	must("desk unlock", err)
	if err == nil && !ok {
		t.Error("desk unlock with the right PIN refused")
	}
	w := data.WalkIn{Participant: data.Participant{FirstName: "Awa", LastName: "Diallo", CategoryID: cats[0].ID,
		Status: data.StatusConfirmed, Days: []data.Day{day}},
		Admit: data.AdmitRequest{Day: day, Desk: "A"}}
	_, err = desk.RegisterWalkIn(ctx, &w)
	must("walk-in", err)

	refused := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, data.ErrNotPermitted) {
			t.Errorf("a desk account: %s: want ErrNotPermitted, got %v", what, err)
		}
	}
	refused("delete a participant", desk.DeleteParticipant(ctx, q.ID))
	refused("add a room", desk.SaveRoom(ctx, &data.Room{Name: "Salle B"}))
	c := cats[0]
	c.Name = "Autre"
	refused("rename a category", desk.SaveCategory(ctx, &c))
	refused("set the desk PIN", desk.SetDeskPIN(ctx, "0000"))
}
