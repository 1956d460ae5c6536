package data_test

import (
	"testing"

	. "congres/data"
)

// The foreign keys that name a person, read from the engine's codes
// (Dialect.Violation, marked by the rules' transaction): before the store
// split, two of them (the badge print log, a session's speakers and
// facilitators) read SQLite's codes directly and had no test. A person who
// does not exist (deleted meanwhile in another window) is "not found", as
// for a stand's staff (TestStandRules), never an internal error.
func TestUnknownPersonNotFound(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Anne", "Martin")
	t.Run("BadgePrints", func(t *testing.T) {
		wantErr(t, s.RecordBadgePrints(ctx, "A6", p.ID, 999999), ErrNotFound)
		if err := s.RecordBadgePrints(ctx, "A6", p.ID); err != nil {
			t.Fatal(err)
		}
	})
	for _, role := range []string{"Speakers", "Facilitators"} {
		t.Run(role, func(t *testing.T) {
			se := Session{Kind: KindWorkshop, Title: "Atelier " + role, Day: day1, Start: clock(t, "09:00"), End: clock(t, "10:00")}
			ids := []int64{p.ID, 999999}
			if role == "Speakers" {
				se.Speakers = ids
			} else {
				se.Facilitators = ids
			}
			err := s.SaveSession(ctx, &se)
			wantErr(t, err, ErrNotFound)
			if KindOf(err) != KindNotFound {
				t.Errorf("kind %d", KindOf(err))
			}
		})
	}
}
