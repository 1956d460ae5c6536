package postgres

import (
	"context"
	"testing"

	"congres/data"
)

// TestReviewBackendsTerminated: the server ends the store's connections
// (a restart of the server, an administrator): the next write is a
// succeeds on a new connection: nothing was written on the dead one.
func TestReviewBackendsTerminated(t *testing.T) {
	ctx := context.Background()
	dbURL := newDatabase(t)
	day := data.Day("2026-05-21")
	s, err := Create(ctx, dbURL, data.Congress{Name: "Revue", Days: []data.Day{day}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cats, _ := s.Categories(ctx)
	for i := range 3 {
		p := data.Participant{FirstName: "P", LastName: string(rune('A' + i)), CategoryID: cats[0].ID, Status: data.StatusConfirmed, Days: []data.Day{day}}
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		admin(t, dbURL, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
		_, err := s.Admit(ctx, data.AdmitRequest{ParticipantID: p.ID, Day: day, Desk: "A"})
		if err != nil {
			t.Errorf("a check-in after the server ended the connections (nothing was written: tried again on a new one): %v", err)
		}
	}
}
