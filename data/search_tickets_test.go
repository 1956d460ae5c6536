package data

import (
	"slices"
	"testing"
)

// TestSearchByTicket: typing the number of an e-ticket finds its holder, as
// a code finds its owner, ranked first and through every sort; its first
// characters find them too when they start one person's tickets only.
func TestSearchByTicket(t *testing.T) {
	f := newSearchFixture(t)
	err := f.s.write(ctx, func(tx *sqlTx) error {
		for _, tk := range []struct {
			code string
			id   int64
		}{{"48213377", f.beasse.ID}, {"48213378", f.beasse.ID}, {"48219999", f.beaumont.ID}, {"EB7K2M9Q", f.dupont.ID}} {
			if err := insertTicket(ctx, tx, tk.id, tk.code, "Numéro de billet", "2026-09-01T10:00:00Z"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string][]string{
		"48213377":    {"Éric Béasse"},
		" 4821 3378 ": {"Éric Béasse"}, // as copied from a printed ticket
		"eb7k2m9q":    {"Bernard Dupont"},
		"48213":       {"Éric Béasse"}, // the start of his two tickets
		"482199":      {"Anne Beaumont"},
		"48213379":    nil,
		"4821":        nil, // too short to be a ticket's start: nobody by ticket
		"48210":       nil,
	} {
		for _, sort := range []SortBy{SortRelevance, SortName, SortOrganisation} {
			if got := f.names(t, ParticipantQuery{Search: text, Sort: sort}); !slices.Equal(got, want) {
				t.Errorf("%q (sort %v): got %q, want %q", text, sort, got, want)
			}
		}
	}
	// The filters still apply: Éric is not pending.
	if got := f.names(t, ParticipantQuery{Search: "48213377", Status: StatusPending}); len(got) != 0 {
		t.Errorf("pending: %q", got)
	}
	if got := f.names(t, ParticipantQuery{Search: "482199", Status: StatusPending}); !slices.Equal(got, []string{"Anne Beaumont"}) {
		t.Errorf("pending: %q", got)
	}
	// A search people type is unchanged by tickets.
	if got := f.names(t, ParticipantQuery{Search: "eric bea"}); !slices.Equal(got, []string{"Éric Béasse"}) {
		t.Errorf("eric bea: %q", got)
	}
}
