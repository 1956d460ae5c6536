package ui

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
)

// BenchmarkDesk100k measures the welcome desk on a 100,000-participant
// demo congress, on one goroutine as the app does it on two (the store's
// work, then the widgets): "keystroke" is a letter typed to the matches
// listed (the data/ search, limited to the 20 shown, then the list
// refreshed); "scan" is a badge's code and Enter to the person checked in
// and shown (the code looked up, the check-in written with
// synchronous=FULL, the card and counters' inputs read, the card shown).
// Each reports its median and 90th percentile.
func BenchmarkDesk100k(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "demo100k"+data.Extension)
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: 100_000}); err != nil {
		b.Fatal(err)
	}
	st, err := stores.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	a := test.NewTempApp(b)
	e := &env{ctx: ctx, win: test.NewTempWindow(b, nil), tasks: &tasks{}}
	s := newDeskScreen(e, st, a.Preferences(), nil)
	s.now = func() time.Time { return deskMorning }
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1180, 760))
	c, err := st.Congress(ctx)
	if err != nil {
		b.Fatal(err)
	}
	s.setDays(c.Days, nil)

	median := func(b *testing.B, took []time.Duration) {
		slices.Sort(took)
		b.ReportMetric(float64(took[len(took)/2].Nanoseconds())/1e6, "median-ms")
		b.ReportMetric(float64(took[len(took)*9/10].Nanoseconds())/1e6, "p90-ms")
	}
	b.Run("keystroke", func(b *testing.B) {
		keys := participantKeystrokes(participantsTyped)
		var took []time.Duration
		i := 0
		for b.Loop() {
			text := keys[i%len(keys)]
			i++
			start := time.Now()
			rows, err := st.ListParticipants(ctx, data.ParticipantQuery{Search: text, Limit: deskMatches})
			if err != nil {
				b.Fatal(err)
			}
			s.showMatches(text, rows)
			took = append(took, time.Since(start))
		}
		median(b, took)
	})
	b.Run("scan", func(b *testing.B) {
		ids, err := st.ParticipantIDs(ctx, data.ParticipantQuery{Sort: data.SortCreated})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := st.ParticipantRows(ctx, ids[len(ids)-20_000:])
		if err != nil {
			b.Fatal(err)
		}
		var took []time.Duration
		i := 0
		for b.Loop() {
			code := rows[i%len(rows)].Code
			i++
			start := time.Now()
			f, err := s.resolve(ctx, code)
			if err != nil || f.id == 0 {
				b.Fatalf("%s: %+v, %v", code, f, err)
			}
			r, err := st.Admit(ctx, data.AdmitRequest{ParticipantID: f.id, Day: s.today(), Desk: "Bench"})
			if err != nil {
				b.Fatal(err)
			}
			s.showCard(&r.Card, !r.Admitted)
			took = append(took, time.Since(start))
		}
		median(b, took)
	})
}
