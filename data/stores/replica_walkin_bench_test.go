package stores

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"congres/data"
	"congres/data/stores/storetest"
)

// BenchmarkOfflineWalkIns: 200 walk-ins, each paying their fee and
// checked in, registered at a desk's replica of the demo congress (2,500
// people) while the network is cut, then handed to the server once it is
// back (600 actions). It reports the median and the 95th percentile of one
// walk-in's registration offline (the desk's wait), and the hand-over
// (the desk's Sync: every walk-in, payment and arrival on the server, the
// replica caught up), in ms.
func BenchmarkOfflineWalkIns(b *testing.B) {
	ctx := context.Background()
	demo := filepath.Join(b.TempDir(), "demo"+data.Extension)
	if err := WriteDemo(ctx, demo, data.DemoOptions{Participants: 2500}); err != nil {
		b.Fatal(err)
	}
	var fold time.Duration
	var each []time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		target := storetest.NewDatabase(b)
		if err := Copy(ctx, demo, target, nil); err != nil {
			b.Fatal(err)
		}
		proxy, via := storetest.NewProxy(b, target)
		srv, err := Open(ctx, via)
		if err != nil {
			b.Fatal(err)
		}
		r, err := OpenReplica(ctx, srv, via, b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		if err := r.Sync(ctx); err != nil {
			b.Fatal(err)
		}
		rs := r.Store()
		cats, err := rs.Categories(ctx)
		if err != nil {
			b.Fatal(err)
		}
		proxy.Cut()
		b.StartTimer()
		for k := range 200 {
			w := data.WalkIn{
				Participant: data.Participant{FirstName: "Walk", LastName: "In" + string(rune('A'+k%26)) + time.Now().Format("150405.000000"),
					CategoryID: cats[k%len(cats)].ID, Status: data.StatusConfirmed, FeeCents: 3000},
				Payment: &data.PaymentRequest{Method: data.PayCash, Desk: "Desk 7"},
				Admit:   data.AdmitRequest{Day: "2021-11-25", Desk: "Desk 7", Accept: data.DeskWarningKinds},
			}
			start := time.Now()
			if res, err := rs.RegisterWalkIn(ctx, &w); err != nil || !res.Admitted {
				b.Fatalf("walk-in offline: %+v, %v", res, err)
			}
			each = append(each, time.Since(start))
		}
		proxy.Restore()
		start := time.Now()
		for {
			err = r.Sync(ctx)
			if err == nil || time.Since(start) > time.Minute {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		fold += time.Since(start)
		b.StopTimer()
		if err != nil || r.Waiting() != 0 {
			b.Fatalf("sync: %v, %d waiting", err, r.Waiting())
		}
		r.Close()
		srv.Close()
	}
	slices.Sort(each)
	b.ReportMetric(float64(each[len(each)/2].Microseconds())/1000, "ms/walk-in-median")
	b.ReportMetric(float64(each[len(each)*95/100].Microseconds())/1000, "ms/walk-in-p95")
	b.ReportMetric(float64(fold.Milliseconds())/float64(b.N), "ms/fold")
}
