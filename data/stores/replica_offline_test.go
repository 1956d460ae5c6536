package stores

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"congres/data"
	"congres/data/stores/storetest"
)

// offlineDesk is a desk's replica of a congress of 60 demo people, opened
// on the server through a proxy that the test can cut; direct is the
// server without the proxy, to look at what it holds.
type offlineDesk struct {
	t      *testing.T
	proxy  *storetest.Proxy
	srv    *data.Store // through the proxy
	direct *data.Store
	target string // through the proxy
	root   string
	rep    *Replica
}

func newOfflineDesk(t *testing.T) *offlineDesk { return newOfflineDeskOf(t, 200) }

// newOfflineDeskOf is newOfflineDesk with a demo of n people.
func newOfflineDeskOf(t *testing.T, n int) *offlineDesk {
	t.Helper()
	old := replicaEvery
	replicaEvery = 200 * time.Millisecond
	t.Cleanup(func() { replicaEvery = old })
	ctx := context.Background()
	direct, target := offlineServer(t, n)
	proxy, via := storetest.NewProxy(t, target)
	srv, err := Open(ctx, via)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	d := &offlineDesk{t: t, proxy: proxy, srv: srv, direct: direct, target: via, root: t.TempDir()}
	d.open()
	return d
}

// offlineServer is a congress of n demo people on the test server,
// opened.
func offlineServer(t testing.TB, n int) (*data.Store, string) {
	t.Helper()
	ctx := context.Background()
	demo := filepath.Join(t.TempDir(), "demo"+data.Extension)
	if err := WriteDemo(ctx, demo, data.DemoOptions{Participants: n}); err != nil {
		t.Fatal(err)
	}
	target := storetest.NewDatabase(t)
	if err := Copy(ctx, demo, target, nil); err != nil {
		t.Fatal(err)
	}
	srv, err := Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, target
}

// open opens the desk's replica (again).
func (d *offlineDesk) open() {
	d.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := OpenReplica(ctx, d.srv, d.target, d.root)
	if err != nil {
		d.t.Fatal(err)
	}
	d.rep = r
	d.t.Cleanup(func() { r.Close() })
}

// serverLog is what the server holds of a person's arrivals on day.
func serverArrivals(t *testing.T, s *data.Store, id int64) []data.Checkin {
	t.Helper()
	log, err := s.CheckinLog(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []data.Checkin
	for _, c := range log {
		if c.Kind == data.Arrival {
			out = append(out, c)
		}
	}
	return out
}

// checkInOffline checks n people in at the replica's store, the proxy cut,
// and returns them with the scan time of each (the replica's clock, skew
// minutes ahead of this laptop's).
func (d *offlineDesk) checkInOffline(n int, skew time.Duration) ([]int64, map[int64]time.Time) {
	d.t.Helper()
	ctx := context.Background()
	day := data.Day("2021-11-25")
	rs := d.rep.Store()
	ids, err := rs.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		d.t.Fatal(err)
	}
	var when time.Time
	rs.SetClock(func() time.Time { return when })
	var done []int64
	at := map[int64]time.Time{}
	for _, id := range ids {
		if len(done) == n {
			break
		}
		c, err := rs.DeskCard(ctx, id, day, 0)
		if err != nil {
			d.t.Fatal(err)
		}
		if log, err := rs.CheckinLog(ctx, id); c.Arrival != nil || err != nil || len(log) != 0 {
			continue // someone never checked in: the server's log of them is this desk's
		}
		when = time.Now().Add(skew).Truncate(time.Microsecond)
		res, err := rs.Admit(ctx, data.AdmitRequest{ParticipantID: id, Day: day, Desk: "Desk 7", Accept: allWarnings(c)})
		if err != nil || !res.Admitted || !res.Checkin.Held {
			d.t.Fatalf("offline check-in of %d: %+v, %v", id, res, err)
		}
		done = append(done, id)
		at[id] = when.UTC()
	}
	if len(done) != n {
		d.t.Fatalf("only %d people to check in", len(done))
	}
	return done, at
}

func allWarnings(c data.DeskCard) []data.DeskWarningKind {
	var ks []data.DeskWarningKind
	for _, w := range c.Warnings {
		ks = append(ks, w.Kind)
	}
	return ks
}

// waitSent waits until the replica has handed everything to the server.
func (d *offlineDesk) waitSent() {
	d.t.Helper()
	waitSent(d.t, d.rep)
}

// waitSent waits until r has handed everything to the server.
func waitSent(t *testing.T, r *Replica) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for r.Waiting() > 0 {
		if time.Now().After(deadline) {
			_, err := r.Revision()
			t.Fatalf("%d actions still waiting after 30 s (%v)", r.Waiting(), err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// checkServer checks that the server holds one arrival per person in at,
// with its scan time and the desk's name.
func (d *offlineDesk) checkServer(at map[int64]time.Time) {
	d.t.Helper()
	for id, when := range at {
		got := serverArrivals(d.t, d.direct, id)
		if len(got) != 1 {
			d.t.Errorf("the server holds %d arrivals of %d, want 1", len(got), id)
			continue
		}
		if !got[0].At.Equal(when) || got[0].Desk != "Desk 7" {
			d.t.Errorf("the server's arrival of %d: at %v by %q, want %v by Desk 7", id, got[0].At, got[0].Desk, when)
		}
	}
}

// TestReplicaHoldsOffline: the network cut, 40 check-ins at the desk's
// replica are held: its card shows each person arrived, its counters count
// them, the replica's own tables and the server have none. The network
// back, all 40 reach the server once, with their scan times (the desk's
// clock ten minutes ahead) and the desk's name, and the replica, caught up,
// counts each once.
func TestReplicaHoldsOffline(t *testing.T) {
	ctx := context.Background()
	d := newOfflineDesk(t)
	day := data.Day("2021-11-25")
	before := arrivedOn(t, d.rep.Store(), day)
	d.proxy.Cut()
	ids, at := d.checkInOffline(40, 10*time.Minute)
	if n := d.rep.Waiting(); n != 40 {
		t.Errorf("Waiting() = %d, want 40", n)
	}
	for _, id := range ids {
		c, err := d.rep.Store().DeskCard(ctx, id, day, 0)
		if err != nil || c.Arrival == nil {
			t.Fatalf("the replica's card of %d offline: %+v, %v", id, c.Arrival, err)
		}
		if log, _ := d.rep.Store().CheckinLog(ctx, id); len(log) != 0 {
			t.Fatalf("the replica's own log holds %d entries of %d: desk actions are the server's to write", len(log), id)
		}
		if got := serverArrivals(t, d.direct, id); len(got) != 0 {
			t.Fatalf("the server holds %+v while the network is cut", got)
		}
	}
	if n := arrivedOn(t, d.rep.Store(), day); n != before+40 {
		t.Errorf("the replica counts %d arrived offline, want %d", n, before+40)
	}

	d.proxy.Restore()
	d.waitSent()
	d.checkServer(at)
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := d.rep.Revision()
		n := arrivedOn(t, d.rep.Store(), day)
		if err == nil && n == before+40 {
			log, _ := d.rep.Store().CheckinLog(ctx, ids[0])
			if len(log) == 1 {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the replica counts %d arrived once caught up (%v), want %d", n, err, before+40)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func arrivedOn(t *testing.T, s *data.Store, day data.Day) int {
	t.Helper()
	counts, err := s.DeskCounts(context.Background(), day)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		n += c.Arrived
	}
	return n
}

// TestReplicaReplayRecordsOnce: the same journal handed to the server again
// (a copy of it put back after it was sent, as a desk that crashed before
// emptying it) records nothing twice, and leaves the journal empty.
func TestReplicaReplayRecordsOnce(t *testing.T) {
	d := newOfflineDesk(t)
	d.proxy.Cut()
	_, at := d.checkInOffline(12, 0)
	journal := d.rep.Path() + data.HeldSuffix
	kept, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	d.proxy.Restore()
	d.waitSent()
	d.checkServer(at)
	for range 3 {
		if err := d.rep.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(journal, kept, 0o600); err != nil {
			t.Fatal(err)
		}
		d.open()
		if n := d.rep.Waiting(); n != 12 {
			t.Fatalf("the journal put back holds %d, want 12", n)
		}
		if err := d.rep.Sync(context.Background()); err != nil {
			t.Fatal(err)
		}
		if n := d.rep.Waiting(); n != 0 {
			t.Errorf("%d actions still waiting after a replay", n)
		}
		d.checkServer(at)
	}
}

// TestReplicaRestartsOffline: a desk closed and opened again while the
// server does not answer opens its replica with its journal, shows its held
// arrivals, holds more, and hands all of them over once the server is back.
// With no replica yet, opening offline is an error.
func TestReplicaRestartsOffline(t *testing.T) {
	ctx := context.Background()
	day := data.Day("2021-11-25")
	d := newOfflineDesk(t)
	d.proxy.Cut()
	first, at := d.checkInOffline(5, -3*time.Minute)
	if err := d.rep.Close(); err != nil {
		t.Fatal(err)
	}
	if n := serverArrivalsOf(t, d.direct, first); n != 0 {
		t.Fatalf("closing the desk offline sent %d arrivals", n)
	}
	d.open()
	if _, err := d.rep.Revision(); err == nil {
		t.Error("a replica opened offline says it caught up")
	}
	for _, id := range first {
		if c, err := d.rep.Store().DeskCard(ctx, id, day, 0); err != nil || c.Arrival == nil {
			t.Fatalf("after the restart, the card of %d: %+v, %v", id, c.Arrival, err)
		}
	}
	second, at2 := d.checkInOffline(5, 0)
	for id, w := range at2 {
		at[id] = w
	}
	if n := d.rep.Waiting(); n != 10 {
		t.Errorf("Waiting() after the restart = %d, want 10", n)
	}
	d.proxy.Restore()
	d.waitSent()
	d.checkServer(at)
	if n := serverArrivalsOf(t, d.direct, append(first, second...)); n != 10 {
		t.Errorf("the server holds %d arrivals, want 10", n)
	}

	d.proxy.Cut()
	_, err := OpenReplica(ctx, d.srv, d.target, t.TempDir())
	if err == nil {
		t.Fatal("a desk with no replica opened one offline")
	}
}

func serverArrivalsOf(t *testing.T, s *data.Store, ids []int64) int {
	n := 0
	for _, id := range ids {
		n += len(serverArrivals(t, s, id))
	}
	return n
}

// TestReplicaStartsWithNoServer: a desk started while its server cannot
// even be opened works on its replica (OpenReplicaOffline): it shows the
// arrivals held before, holds more, and once the server opens again
// (Connect) hands them all over. With no replica, the server's sentence.
func TestReplicaStartsWithNoServer(t *testing.T) {
	ctx := context.Background()
	day := data.Day("2021-11-25")
	d := newOfflineDesk(t)
	d.proxy.Cut()
	first, at := d.checkInOffline(4, 2*time.Minute)
	if err := d.rep.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, d.target); !errors.Is(err, data.ErrServerUnreachable) {
		t.Fatalf("opening the server with the network cut: %v", err)
	}
	r, err := OpenReplicaOffline(ctx, d.target, d.root)
	if err != nil {
		t.Fatal(err)
	}
	d.rep = r
	t.Cleanup(func() { r.Close() })
	for _, id := range first {
		if c, err := r.Store().DeskCard(ctx, id, day, 0); err != nil || c.Arrival == nil {
			t.Fatalf("started offline, the card of %d: %+v, %v", id, c.Arrival, err)
		}
	}
	_, more := d.checkInOffline(3, 0)
	for id, w := range more {
		at[id] = w
	}
	if err := r.Sync(ctx); !errors.Is(err, data.ErrServerUnreachable) {
		t.Errorf("Sync with no server: %v", err)
	}
	if n := r.Waiting(); n != 7 {
		t.Errorf("Waiting() = %d, want 7", n)
	}

	d.proxy.Restore()
	srv, err := Open(ctx, d.target)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	r.Connect(srv)
	d.waitSent()
	d.checkServer(at)

	_, err = OpenReplicaOffline(ctx, d.target, t.TempDir())
	if !errors.Is(err, data.ErrServerUnreachable) {
		t.Errorf("started offline with no replica: %v", err)
	}
}

// TestReplicasOverlapOffline: two desks offline check in overlapping
// people (10 each, 5 in common); back online, each person is on the server
// once (its earlier scan counts; the other desk's is taken back if it was
// there first), the 5 people both desks checked in are on the organiser's
// "to review" list, and both replicas, caught up, count 15 more arrivals.
func TestReplicasOverlapOffline(t *testing.T) {
	ctx := context.Background()
	day := data.Day("2021-11-25")
	d := newOfflineDesk(t)
	other, err := OpenReplica(ctx, d.srv, d.target, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	before := arrivedOn(t, d.direct, day)
	ids, err := d.direct.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var fresh []int64
	for _, id := range ids {
		if log, _ := d.direct.CheckinLog(ctx, id); len(log) == 0 && len(fresh) < 15 {
			fresh = append(fresh, id)
		}
	}
	d.proxy.Cut()
	admit := func(s *data.Store, desk string, people []int64) {
		for _, id := range people {
			c, err := s.DeskCard(ctx, id, day, 0)
			if err != nil {
				t.Fatal(err)
			}
			r, err := s.Admit(ctx, data.AdmitRequest{ParticipantID: id, Day: day, Desk: desk, Accept: allWarnings(c)})
			if err != nil || !r.Checkin.Held {
				t.Fatalf("%s offline: %+v, %v", desk, r.Checkin, err)
			}
		}
	}
	admit(d.rep.Store(), "Desk 7", fresh[:10])
	admit(other.Store(), "Desk 8", fresh[5:])
	d.proxy.Restore()
	d.waitSent()
	waitSent(t, other)
	for _, id := range fresh {
		open := 0
		for _, c := range serverArrivals(t, d.direct, id) {
			if !c.Undone {
				open++
			}
		}
		if open != 1 {
			t.Errorf("the server holds %d arrivals of %d that count, want 1", open, id)
		}
	}
	if n, err := d.direct.CountToReview(ctx); err != nil || n != 5 {
		t.Errorf("%d to review (%v), want the 5 people both desks checked in", n, err)
	}
	if n := arrivedOn(t, d.direct, day); n != before+15 {
		t.Errorf("the server counts %d arrived, want %d", n, before+15)
	}
	for _, r := range []*Replica{d.rep, other} {
		deadline := time.Now().Add(10 * time.Second)
		for arrivedOn(t, r.Store(), day) != before+15 {
			if time.Now().After(deadline) {
				t.Fatalf("a replica counts %d arrived once caught up, want %d", arrivedOn(t, r.Store(), day), before+15)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// TestReplicaCutMidFold: the network cut again while the desk hands its
// held check-ins over (at several moments of the folding), then back:
// every arrival reaches the server once, with its scan time.
func TestReplicaCutMidFold(t *testing.T) {
	if testing.Short() {
		t.Skip("holds 120 check-ins four times")
	}
	for _, after := range []time.Duration{10 * time.Millisecond, 80 * time.Millisecond, 160 * time.Millisecond, 300 * time.Millisecond} {
		t.Run(after.String(), func(t *testing.T) {
			d := newOfflineDeskOf(t, 600)
			d.proxy.Cut()
			_, at := d.checkInOffline(120, 0)
			d.proxy.Restore()
			done := make(chan error, 1)
			go func() { done <- d.rep.Sync(context.Background()) }()
			time.Sleep(after)
			d.proxy.Cut()
			err := <-done
			t.Logf("cut after %v: %d still held (%v)", after, d.rep.Waiting(), err)
			d.proxy.Restore()
			d.waitSent()
			d.checkServer(at)
		})
	}
}
