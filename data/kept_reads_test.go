package data

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A read asked for while it is under way (warmed in the background, say)
// is read once: the second caller waits for the first one's answer, and
// gets its own copy of it. After a write, it is read again.
func TestKeptReadOnceWhileUnderWay(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	var reads atomic.Int32
	release := make(chan struct{})
	read := func(ctx context.Context, tx *sqlTx) ([]int64, error) {
		reads.Add(1)
		<-release
		return []int64{1, 2, 3}, nil
	}
	keep := func() ([]int64, error) {
		var got []int64
		err := s.read(ctx, func(tx *sqlTx) error {
			var err error
			got, err = keptRead(ctx, s, tx, "test", read, slices.Clone)
			return err
		})
		return got, err
	}
	var wg sync.WaitGroup
	got := make([][]int64, 2)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if got[i], err = keep(); err != nil {
				t.Error(err)
			}
		}()
		// The second asks once the first is reading.
		for deadline := time.Now().Add(10 * time.Second); reads.Load() == 0 && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
	}
	time.Sleep(50 * time.Millisecond) // the second waits meanwhile
	close(release)
	wg.Wait()
	if n := reads.Load(); n != 1 {
		t.Errorf("read %d times while under way, want once", n)
	}
	if len(got[0]) != 3 || len(got[1]) != 3 || &got[0][0] == &got[1][0] {
		t.Errorf("answers %v %v: want each its own copy of [1 2 3]", got[0], got[1])
	}
	addPerson(t, s, "Ada", "Lovelace") // a write
	if _, err := keep(); err != nil {
		t.Fatal(err)
	}
	if n := reads.Load(); n != 2 {
		t.Errorf("after a write: read %d times in all, want 2", n)
	}
}

// A kept read under way says, through WithJoined, that another caller
// waits for it: the read ahead it belongs to then goes on (ui/warm_reads.go).
func TestKeptReadSaysItIsJoined(t *testing.T) {
	s := mustOpen(t)
	release := make(chan struct{})
	var reads atomic.Int32
	read := func(ctx context.Context, tx *sqlTx) (int, error) {
		reads.Add(1)
		<-release
		return 1, nil
	}
	keep := func(ctx context.Context, name string) error {
		return s.read(ctx, func(tx *sqlTx) error {
			_, err := keptRead(ctx, s, tx, name, read, func(n int) int { return n })
			return err
		})
	}
	for _, join := range []bool{false, true} {
		var joined atomic.Bool
		name := fmt.Sprintf("test %t", join)
		release = make(chan struct{})
		reads.Store(0)
		first := make(chan error)
		go func() { first <- keep(WithJoined(context.Background(), &joined), name) }()
		for deadline := time.Now().Add(10 * time.Second); reads.Load() == 0 && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		second := make(chan error, 1)
		if join {
			go func() { second <- keep(context.Background(), name) }()
			for deadline := time.Now().Add(10 * time.Second); !joined.Load() && time.Now().Before(deadline); {
				time.Sleep(time.Millisecond)
			}
		} else {
			time.Sleep(50 * time.Millisecond)
			second <- nil
		}
		if joined.Load() != join {
			t.Errorf("another caller waiting: %t; joined says %t", join, joined.Load())
		}
		close(release)
		if err := <-first; err != nil {
			t.Fatal(err)
		}
		if err := <-second; err != nil {
			t.Fatal(err)
		}
	}
}
