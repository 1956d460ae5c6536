package stores

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"congres/data"
	"congres/data/stores/storetest"
)

// BenchmarkOfflineFold1000: 1,000 check-ins held at a desk's replica of the
// demo congress (2,500 people) while the network was cut reach the server
// once it is back: the time from the desk's Sync (what the follower runs on
// the server's return) to every arrival on the server and the replica
// caught up, in ms. The target: within 10 s. On the 2-core test
// machine, with the server on the same laptop: 1,024, 1,049 and 1,510 ms
// (median 1.05 s; 5 batches of 200, each caught up before the journal lets
// go of it).
func BenchmarkOfflineFold1000(b *testing.B) {
	ctx := context.Background()
	demo := filepath.Join(b.TempDir(), "demo"+data.Extension)
	if err := WriteDemo(ctx, demo, data.DemoOptions{Participants: 2500}); err != nil {
		b.Fatal(err)
	}
	var total time.Duration
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
		proxy.Cut()
		holdCheckins(b, r.Store(), 1000)
		proxy.Restore()
		b.StartTimer()
		start := time.Now()
		for {
			err = r.Sync(ctx)
			if err == nil || time.Since(start) > time.Minute {
				break
			}
			time.Sleep(10 * time.Millisecond) // the pool's connections, cut, are found dead
		}
		took := time.Since(start)
		b.StopTimer()
		if err != nil || r.Waiting() != 0 {
			b.Fatalf("sync: %v, %d waiting", err, r.Waiting())
		}
		total += took
		r.Close()
		srv.Close()
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/fold")
}

// holdCheckins checks n people in at the replica's store rs (arriving on
// either demo day), held in its journal.
func holdCheckins(tb testing.TB, rs *data.Store, n int) {
	tb.Helper()
	ctx := context.Background()
	ids, err := rs.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		tb.Fatal(err)
	}
	done := 0
	for _, day := range []data.Day{"2021-11-25", "2021-11-26"} {
		for _, id := range ids {
			if done == n {
				return
			}
			c, err := rs.DeskCard(ctx, id, day, 0)
			if err != nil {
				tb.Fatal(err)
			}
			if c.Arrival != nil {
				continue
			}
			res, err := rs.Admit(ctx, data.AdmitRequest{ParticipantID: id, Day: day, Desk: "Desk 7", Accept: allWarnings(c)})
			if err != nil || !res.Checkin.Held {
				tb.Fatalf("held check-in: %+v, %v", res.Checkin, err)
			}
			done++
		}
	}
	if done < n {
		tb.Fatalf("only %d people to check in", done)
	}
}
