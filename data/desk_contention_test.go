package data_test

// Two desks at once (issue 16): a person checked in at two desks in the
// same instant gets one arrival, and the second desk sees "already in",
// by the store's own transactions and locks (the file's write lock, the
// server's row lock), not by timing.

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	. "congres/data"
)

// contentionRounds is how many people the two desks race for, at the
// congress's door and then at a session's.
const contentionRounds = 60

// TestAdmitTwoDesksAtOnce has two desks (two stores open on one congress)
// admit the same person at the same instant, round after round: each
// person gets exactly one arrival (and one entry into the session), one
// desk records it, and the other is told the person is already in and
// writes nothing.
func TestAdmitTwoDesksAtOnce(t *testing.T) {
	a := mustOpen(t)
	b := openAgain(t, a) // enrolments_contention_test.go
	desks := [2]*Store{a, b}
	plenary := Session{Kind: KindPlenary, Title: "Ouverture", Day: day2, Start: clock(t, "09:00"), End: clock(t, "10:00")}
	if err := a.SaveSession(ctx, &plenary); err != nil {
		t.Fatal(err)
	}
	people := make([]Participant, contentionRounds)
	for i := range people {
		people[i] = addPerson(t, a, "Personne", fmt.Sprintf("Numéro %d", i))
	}
	for _, door := range []struct {
		name      string
		sessionID int64
		kind      CheckinKind
	}{{"Arrival", 0, Arrival}, {"SessionDoor", plenary.ID, SessionEntry}} {
		t.Run(door.name, func(t *testing.T) {
			won := [2]int{}
			for _, p := range people {
				var results [2]AdmitResult
				var errs [2]error
				start := make(chan struct{})
				var wg sync.WaitGroup
				for d, s := range desks {
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						// No warning accepted: the second desk must stop at "already in".
						results[d], errs[d] = s.Admit(ctx, AdmitRequest{ParticipantID: p.ID, Day: day2,
							SessionID: door.sessionID, Desk: fmt.Sprintf("Accueil %d", d+1)})
					}()
				}
				close(start)
				wg.Wait()
				for d, err := range errs {
					if err != nil {
						t.Fatalf("%s at desk %d: %v", p.FullName(), d+1, err)
					}
				}
				first := slices.IndexFunc(results[:], func(r AdmitResult) bool { return r.New })
				if first < 0 || results[1-first].Admitted || results[1-first].New {
					t.Fatalf("%s: new %v/%v, admitted %v/%v at the two desks, want one new entry and one refusal",
						p.FullName(), results[0].New, results[1].New, results[0].Admitted, results[1].Admitted)
				}
				won[first]++
				second := results[1-first]
				if len(second.Pending) != 1 || second.Pending[0].Kind != WarnAlreadyIn {
					t.Fatalf("%s: the second desk was told %+v, want only %q", p.FullName(), second.Pending, WarnAlreadyIn)
				}
				if w := second.Pending[0]; w.Desk != results[first].Checkin.Desk {
					t.Fatalf("%s: the second desk was told %q let them in, want %q", p.FullName(), w.Desk, results[first].Checkin.Desk)
				}
				var n int
				if err := a.QueryRowForTest(ctx, "SELECT count(*) FROM checkin WHERE participant_id = ? AND kind = ?",
					p.ID, door.kind).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != 1 {
					t.Fatalf("%s: %d entries of kind %s, want 1", p.FullName(), n, door.kind)
				}
			}
			t.Logf("%s: desk 1 first %d times, desk 2 %d times", door.name, won[0], won[1])
		})
	}
}
