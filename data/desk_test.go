package data

import "testing"

func init() {
	// Migration 6 added the organiser's PIN.
	undoMigration[6] = []string{"DROP TABLE desk_pin"}
}

func TestDeskSmoke(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Éric", "Béasse")
	r, err := s.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: "Accueil 1"})
	if err != nil || !r.Admitted || !r.New {
		t.Fatalf("%+v %v", r, err)
	}
	r, err = s.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day1, Desk: "Accueil 2"})
	if err != nil || r.Admitted {
		t.Fatalf("%+v %v", r, err)
	}
	for _, w := range r.Card.Warnings {
		t.Log(w.Message("en"), " / ", w.Message("fr"))
	}
	if err := s.SetDeskPIN(ctx, "1234"); err != nil {
		t.Fatal(err)
	}
	ok, err := s.CheckDeskPIN(ctx, "1234")
	if !ok || err != nil {
		t.Fatal(ok, err)
	}
}
