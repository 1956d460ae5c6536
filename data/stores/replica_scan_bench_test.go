package stores

import (
	"context"
	"slices"
	"testing"
	"time"

	"congres/data"
	"congres/data/stores/storetest"
)

// BenchmarkOfflineScan50k: what a desk does for one scan while the server
// does not answer, on its replica of a 50,000-person congress: find the
// code, check the person in (held in the replica's journal, after the
// arrivals held before it), and read the card again, as the desk shows it.
// It reports the median and the 95th percentile of a scan, in ms.
func BenchmarkOfflineScan50k(b *testing.B) {
	ctx := context.Background()
	_, target := offlineServer(b, 50000)
	proxy, via := storetest.NewProxy(b, target)
	srv, err := Open(ctx, via)
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	r, err := OpenReplica(ctx, srv, via, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	proxy.Cut()
	rs := r.Store()
	rows, err := rs.ListParticipants(ctx, data.ParticipantQuery{Limit: 5000})
	if err != nil {
		b.Fatal(err)
	}
	day := data.Day("2021-11-25")
	var took []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := rows[i%len(rows)]
		start := time.Now()
		id, err := rs.ParticipantIDByScan(ctx, p.Code)
		if err != nil {
			b.Fatal(err)
		}
		c, err := rs.DeskCard(ctx, id, day, 0)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := rs.Admit(ctx, data.AdmitRequest{ParticipantID: id, Day: day, Desk: "Desk 3", Accept: allWarnings(c)}); err != nil {
			b.Fatal(err)
		}
		if _, err := rs.DeskCard(ctx, id, day, 0); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
}
