package stores

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"congres/data"
)

// TestReplicaFollowsTheServer: a desk's replica is made by a copy of the
// server's congress, in the replicas' folder; another desk's arrival on the
// server reaches it from the server's notification (the safety net's timer
// set to an hour); opened again, the replica is the same file, caught up
// with what changed while it was closed.
func TestReplicaFollowsTheServer(t *testing.T) {
	defer func(d time.Duration) { replicaEvery = d }(replicaEvery)
	replicaEvery = time.Hour
	ctx := context.Background()
	srv, target := offlineServer(t, 60)
	other, err := Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	root := t.TempDir()

	r, err := OpenReplica(ctx, srv, target, root)
	if err != nil {
		t.Fatal(err)
	}
	if want := ReplicaPath(root, target); r.Path() != want || !strings.HasSuffix(want, data.Extension) {
		t.Errorf("replica at %s, want %s", r.Path(), want)
	}
	if pw := storetestPassword(target); pw != "" && strings.Contains(r.Path(), pw) {
		t.Errorf("the replica's name holds the password: %s", r.Path())
	}
	ids, err := r.Store().ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil || len(ids) != 60 {
		t.Fatalf("the replica holds %d people (%v), want 60", len(ids), err)
	}

	day := data.Day("2021-11-25")
	who := arrivable(t, other, ids, day)
	if _, err := other.Admit(ctx, data.AdmitRequest{ParticipantID: who, Day: day, Desk: "Desk 2"}); err != nil {
		t.Fatal(err)
	}
	arrived := func(s *data.Store, id int64) bool {
		c, err := s.DeskCard(ctx, id, day, 0)
		return err == nil && c.Arrival != nil
	}
	deadline := time.Now().Add(10 * time.Second)
	for !arrived(r.Store(), who) {
		if time.Now().After(deadline) {
			t.Fatal("the other desk's arrival never reached the replica")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}

	second := arrivable(t, other, ids, day)
	if _, err := other.Admit(ctx, data.AdmitRequest{ParticipantID: second, Day: day, Desk: "Desk 2"}); err != nil {
		t.Fatal(err)
	}
	r, err = OpenReplica(ctx, srv, target, root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !arrived(r.Store(), second) || !arrived(r.Store(), who) {
		t.Error("the replica opened again did not catch up with the arrival made while it was closed")
	}
	if aside, _ := filepath.Glob(r.Path() + ".old-*"); len(aside) != 0 {
		t.Errorf("a replica that could catch up was made again: %v", aside)
	}
}

// TestReplicaDamaged: a replica that cannot be opened is kept aside, never
// deleted, and made again from the server.
func TestReplicaDamaged(t *testing.T) {
	ctx := context.Background()
	srv, target := offlineServer(t, 60)
	root := t.TempDir()
	path := ReplicaPath(root, target)
	if err := os.WriteFile(path, []byte("not a congress"), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReplica(ctx, srv, target, root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ids, err := r.Store().ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil || len(ids) != 60 {
		t.Errorf("the replica made again holds %d people (%v)", len(ids), err)
	}
	aside, _ := filepath.Glob(path + ".old-*")
	if len(aside) != 1 {
		t.Fatalf("kept aside: %v", aside)
	}
	if b, _ := os.ReadFile(aside[0]); string(b) != "not a congress" {
		t.Errorf("what was kept aside: %q", b)
	}
}

// arrivable is someone in ids not yet arrived on day at s, with no warning.
func arrivable(t *testing.T, s *data.Store, ids []int64, day data.Day) int64 {
	t.Helper()
	for _, id := range ids {
		c, err := s.DeskCard(context.Background(), id, day, 0)
		if err == nil && c.Arrival == nil && len(c.Warnings) == 0 {
			return id
		}
	}
	t.Fatal("nobody to check in")
	return 0
}

func storetestPassword(target string) string {
	u, err := url.Parse(target)
	if err != nil {
		return ""
	}
	pw, _ := u.User.Password()
	return pw
}
