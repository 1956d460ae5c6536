package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores/storetest"
)

// TestServerLost: when the network to the server drops, a check-in is
// refused with a sentence (the server does not answer), nothing is
// recorded, and once the network is back the same store checks in again
// without being reopened.
func TestServerLost(t *testing.T) {
	ctx := context.Background()
	direct := newDatabase(t)
	px, through := storetest.NewProxy(t, direct)
	s, err := Create(ctx, through, data.Congress{Name: "Congrès", Days: []data.Day{"2026-06-01"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cats, err := s.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var people []data.Participant
	for _, name := range []string{"Awa", "Léon"} {
		p := data.Participant{FirstName: name, LastName: "Diallo", CategoryID: cats[0].ID, Status: data.StatusConfirmed,
			Days: []data.Day{"2026-06-01"}}
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}

	px.Cut()
	_, err = s.Admit(ctx, data.AdmitRequest{ParticipantID: people[0].ID, Day: "2026-06-01", Desk: "A"})
	if !errors.Is(err, data.ErrServerUnreachable) {
		t.Fatalf("a check-in with the network down: want ErrServerUnreachable, got %v", err)
	}
	var de *data.Error
	if !errors.As(err, &de) || !strings.Contains(de.Message("fr"), "ne répond pas") || strings.Contains(err.Error(), password(direct)) {
		t.Errorf("the sentence: %v", err)
	}
	if n := query(t, mustOpen(t, direct), "SELECT count(*) FROM checkin"); n[0][0] != "0" {
		t.Errorf("%s arrivals recorded while the network was down", n[0][0])
	}

	px.Restore()
	r, err := s.Admit(ctx, data.AdmitRequest{ParticipantID: people[1].ID, Day: "2026-06-01", Desk: "A"})
	if err != nil || !r.Admitted {
		t.Fatalf("a check-in once the network is back: %+v, %v", r, err)
	}
	if n := query(t, mustOpen(t, direct), "SELECT count(*) FROM checkin"); n[0][0] != "1" {
		t.Errorf("%s arrivals in the server, want 1", n[0][0])
	}
}
