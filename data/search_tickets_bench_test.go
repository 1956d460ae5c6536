package data

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSearchTickets50k is the participants' search among 50,000
// people holding an e-ticket each (HelloAsso's eight digits): what people
// type (names, a code) and a ticket number, whole or its first digits, so
// that finding a person by their ticket costs the search nothing
// measurable.
func BenchmarkSearchTickets50k(b *testing.B) {
	src, err := os.ReadFile(benchFile(b))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "tickets"+Extension)
	if err := os.WriteFile(path, src, 0o600); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	err = s.write(ctx, func(tx *sqlTx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO ticket (code, participant_id, source, at)
			SELECT 48000000 + id, id, 'Numéro de billet', '2026-09-01T10:00:00Z' FROM participant`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	first, err := s.SearchParticipants(ctx, "eric beasse", 1)
	if err != nil || len(first) != 1 {
		b.Fatal(first, err)
	}
	for _, c := range []struct{ name, text string }{{"dupont", "dupont"}, {"lefev", "lefev"}, {"ma", "ma"},
		{"eric_bea", "eric bea"}, {"code", first[0].Code}, {"ticket", "48025000"}, {"ticket_prefix", "480250"},
		{"digits", "4802"}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.SearchParticipants(ctx, c.text, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
