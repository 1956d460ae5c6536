package data

import (
	"testing"
)

// BenchmarkScanLookup50k is what the desk asks of a scan among 50,000
// people holding a ticket each: by a code, by a ticket, and a text nobody
// has (then the desk tries the layouts' readings, then a name search).
func BenchmarkScanLookup50k(b *testing.B) {
	s := mustOpen(b)
	manyPeople(b, s, 50_000)
	err := s.write(ctx, func(tx *sqlTx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO ticket (code, participant_id, source, at)
			SELECT 'T' || (48000000 + id), id, 'Numéro de billet', '2026-09-01T10:00:00Z' FROM participant`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	var code string
	if err := s.r.QueryRowContext(ctx, "SELECT code FROM participant WHERE id = 25000").Scan(&code); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, text string }{{"Code", code}, {"Ticket", "t48025000"}, {"Nobody", "BXRéR'"}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				_, err := s.ParticipantIDByScan(ctx, c.text)
				if err != nil && c.name != "Nobody" {
					b.Fatal(err)
				}
			}
		})
	}
}
