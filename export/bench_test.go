package export

import (
	"context"
	"io"
	"path/filepath"
	"runtime"
	"testing"

	"congres/data"
	"congres/data/stores"
)

// demoBadges reads n badges from a demo congress of n people, the way the
// window and the command line do.
func demoBadges(b *testing.B, n int) BadgeInput {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "bench.congres")
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: n}); err != nil {
		b.Fatal(err)
	}
	st, err := stores.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ids, err := BadgeIDs(ctx, st, BadgeSelection{Query: data.ParticipantQuery{Sort: data.SortName}})
	if err != nil {
		b.Fatal(err)
	}
	in, err := LoadBadges(ctx, st, ids)
	if err != nil {
		b.Fatal(err)
	}
	return in
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

// BenchmarkWriteBadges10k prints 10,000 badges of a demo congress on A4
// sheets (10 per page) with QR codes, and reports badges per second, PDF
// bytes per badge and the heap's peak while writing.
func BenchmarkWriteBadges10k(b *testing.B) {
	const n = 10_000
	in := demoBadges(b, n)
	l := mustPreset(b, "a4-85x54")
	opts := BadgeOptions{Layout: l, Settings: data.DefaultBadgeSettings(), Lang: "fr", Created: fixedTime}
	var size int64
	var peak uint64
	b.ResetTimer()
	for b.Loop() {
		w := &countWriter{}
		runtime.GC()
		opts.Progress = func(done, _ int) {
			if done%2000 == 0 {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
		if err := WriteBadges(context.Background(), w, in, opts); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "badges/s")
	b.ReportMetric(float64(size)/n, "B/badge")
	b.ReportMetric(float64(peak)/(1<<20), "MiB-heap")
}
