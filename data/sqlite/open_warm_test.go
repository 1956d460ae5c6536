package sqlite

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"congres/data"
)

// TestOpenOrViewWarm: a large file (here every file: fullCheckUpTo 0) is
// read by warm while it is checked, and returned once the check has
// passed, to be written; a damaged one is read by warm, then opened read
// only as OpenOrView does, its bytes unchanged; a file with a WAL (someone
// has it open, or it was not closed) is checked before anything reads it,
// warm not called.
func TestOpenOrViewWarm(t *testing.T) {
	old := fullCheckUpTo
	fullCheckUpTo = 0
	t.Cleanup(func() { fullCheckUpTo = old })
	path := filepath.Join(t.TempDir(), "demo"+data.Extension)
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: 150}); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	warmed := 0
	warm := func(ctx context.Context, s *data.Store) {
		st, err := s.Stats(ctx)
		if err != nil || st.Registered < 100 {
			t.Errorf("warm read %d people, %v", st.Registered, err)
		}
		warmed++
	}

	s, err := OpenOrViewWarm(ctx, path, warm)
	if err != nil {
		t.Fatal(err)
	}
	if warmed != 1 {
		t.Errorf("warm called %d times", warmed)
	}
	if ro := s.ReadOnly(); ro != nil {
		t.Errorf("a whole file opened read only: %v", ro)
	}
	if err := s.RecordBadgePrints(ctx, "A6"); err != nil {
		t.Errorf("writing to the file opened: %v", err)
	}
	s.Close()

	// A byte flipped where the quick check finds it, in a file that can
	// still be read.
	damaged := filepath.Join(t.TempDir(), "damaged"+data.Extension)
	rnd := rand.New(rand.NewPCG(19, 3))
	found := false
	for range 400 {
		b := bytes.Clone(good)
		off := 4096 + rnd.IntN(len(b)-4096)
		b[off] ^= 0xff
		if err := os.WriteFile(damaged, b, 0o600); err != nil {
			t.Fatal(err)
		}
		// Refused by Open, opened read only by OpenOrView.
		s, err := Open(ctx, damaged)
		if err == nil {
			s.Close()
		} else if errors.Is(err, data.ErrDamaged) {
			if v, err := OpenOrView(ctx, damaged); err == nil {
				v.Close()
				found = true
				break
			}
		}
		os.Remove(damaged + "-wal")
		os.Remove(damaged + "-shm")
	}
	if !found {
		t.Fatal("no flipped byte made the file damaged")
	}
	sum := fileSum(t, damaged)
	warmed = 0
	s, err = OpenOrViewWarm(ctx, damaged, func(ctx context.Context, s *data.Store) { warmed++; s.Stats(ctx) })
	if err != nil {
		t.Fatal(err)
	}
	if warmed != 1 {
		t.Errorf("warm called %d times on the damaged file", warmed)
	}
	if !errors.Is(s.ReadOnly(), data.ErrDamaged) {
		t.Errorf("the damaged file opened with %v, want read only, damaged", s.ReadOnly())
	}
	if err := s.RecordBadgePrints(ctx, "A6"); !errors.Is(err, data.ErrDamaged) {
		t.Errorf("a write to the damaged file gave %v", err)
	}
	s.Close()
	if fileSum(t, damaged) != sum {
		t.Error("the damaged file was written to")
	}

	// Someone has the file open: its WAL is there.
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.RecordBadgePrints(ctx, "A6"); err != nil {
		t.Fatal(err)
	}
	if data.FileSize(path+"-wal") <= 0 {
		t.Fatal("no WAL beside a file open and written")
	}
	warmed = 0
	s, err = OpenOrViewWarm(ctx, path, warm)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if warmed != 0 {
		t.Error("warm read a file with a WAL before its check")
	}
}
