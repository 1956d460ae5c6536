package postgres

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"congres/data"
	"congres/data/sqlite"
)

// TestReviewCopyWhileDesksWrite: a copy from a server into a file while
// two desks check people in and undo: the copy is whole and one state.
func TestReviewCopyWhileDesksWrite(t *testing.T) {
	ctx := context.Background()
	f, err := sqlite.Open(ctx, demoFile(t, 2000))
	if err != nil {
		t.Fatal(err)
	}
	ids, _ := f.ParticipantIDs(ctx, data.ParticipantQuery{})
	c, _ := f.Congress(ctx)
	u := newDatabase(t)
	server, err := OpenStore(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	if err := f.CopyInto(ctx, server, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var stop atomic.Bool
	var wg sync.WaitGroup
	var admitted atomic.Int64
	for d := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			desk, err := OpenStore(ctx, u)
			if err != nil {
				t.Error(err)
				return
			}
			defer desk.Close()
			for i := d; !stop.Load() && i < len(ids); i += 2 {
				r, err := desk.Admit(ctx, data.AdmitRequest{ParticipantID: ids[i], Day: c.Days[len(c.Days)-1], Desk: "D",
					Accept: []data.DeskWarningKind{data.WarnAlreadyIn, data.WarnCancelled, data.WarnUnpaid, data.WarnNotToday}})
				if err != nil {
					t.Error(err)
					return
				}
				if r.New {
					admitted.Add(1)
					if i%3 == 0 {
						desk.UndoLastEntry(ctx, ids[i], "D")
					}
				}
			}
		}()
	}
	for k := range 3 {
		back := filepath.Join(t.TempDir(), "back"+data.Extension)
		if err := server.CopyToFile(ctx, back, nil); err != nil {
			t.Fatalf("copy %d: %v", k, err)
		}
		b, err := sqlite.Open(ctx, back)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.CheckIntegrity(ctx); err != nil {
			t.Errorf("copy %d: %v", k, err)
		}
		b.Close()
	}
	stop.Store(true)
	wg.Wait()
	t.Logf("%d admitted during the copies", admitted.Load())
}
