package sqlite

import (
	"bytes"
	"congres/data"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// dumpStore reads every row of every table of the file through a reader
// as the store's: what any screen or command could read.
func dumpStore(s *data.Store) (string, error) {
	var out bytes.Buffer
	d, err := dsn(s.Path(), reader, nil)
	if err != nil {
		return "", err
	}
	db, err := sql.Open("sqlite", d)
	if err != nil {
		return "", err
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return "", condition(s.Path(), err)
	}
	defer tx.Rollback()
	err = func() error {
		rows, err := tx.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
		if err != nil {
			return err
		}
		var tables []string
		for rows.Next() {
			var n string
			rows.Scan(&n)
			tables = append(tables, n)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, t := range tables {
			rows, err := tx.QueryContext(ctx, fmt.Sprintf("SELECT * FROM %q", t))
			if err != nil {
				return err
			}
			cols, _ := rows.Columns()
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			fmt.Fprintf(&out, "== %s\n", t)
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					rows.Close()
					return err
				}
				fmt.Fprintf(&out, "%v\n", vals)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	}()
	return out.String(), condition(s.Path(), err)
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestByteFlips flips one byte at a time at many offsets of a real congress
// file (the demo), and opens each damaged copy as the window and the command
// line do. For each, the open refuses (damaged, or not a congress), or what
// is read is exactly what the file held, or the background full check finds
// the damage (a flip inside a value, which SQLite cannot see, by the rows'
// sums), or the search index's check finds it inside the index, which it
// rebuilds from the rows. Nothing is ever read wrong without a word. A
// damaged file is never written: its bytes stay as they were, and a write
// to it is refused.
func TestByteFlips(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "demo"+data.Extension)
	if err := data.WriteDemo(ctx, orig, data.DemoOptions{Participants: 150}); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, orig)
	if err != nil {
		t.Fatal(err)
	}
	want, err := dumpStore(s)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(orig)
	rnd := rand.New(rand.NewPCG(14, 7))
	offsets := []int{0, 16, 17, 18, 19, 20, 21, 24, 28, 31, 32, 36, 40, 44, 48, 52, 56, 60, 63, 64, 68, 71, 92, 96, 100, 101, 105, 4096, 4100}
	n := 150
	if testing.Short() {
		n = 40
	}
	for range n {
		offsets = append(offsets, rnd.IntN(len(good)))
	}
	sort.Ints(offsets)
	// Small files get the full check on open; large ones (over 4 MB) a
	// quick check of every table: both are tried on the same flips.
	for _, mode := range []struct {
		name string
		upTo int64
	}{{"FullCheck", fullCheckUpTo}, {"QuickCheck", 0}} {
		t.Run(mode.name, func(t *testing.T) {
			old := fullCheckUpTo
			fullCheckUpTo = mode.upTo
			defer func() { fullCheckUpTo = old }()
			rnd := rand.New(rand.NewPCG(14, 8))
			counts := map[string]int{}
			for _, off := range offsets {
				path := filepath.Join(t.TempDir(), fmt.Sprintf("flip-%d%s", off, data.Extension))
				b := bytes.Clone(good)
				b[off] ^= byte(1 + rnd.IntN(255))
				if err := os.WriteFile(path, b, 0o600); err != nil {
					t.Fatal(err)
				}
				sum := fileSum(t, path)
				outcome := flipOutcome(t, path, want)
				counts[outcome]++
				if outcome == "read wrong" {
					t.Errorf("offset %d: the file opened and read wrong data without a word", off)
				}
				if outcome != "exact" && outcome != "search index rebuilt" && fileSum(t, path) != sum {
					t.Errorf("offset %d (%s): the damaged file was written to", off, outcome)
				}
			}
			t.Logf("%d flips: %v", len(offsets), counts)
		})
	}
}

// flipOutcome opens a flipped copy and says what happened.
func flipOutcome(t *testing.T, path, want string) string {
	t.Helper()
	s, err := Open(ctx, path)
	switch {
	case errors.Is(err, data.ErrDamaged):
		// The window opens it read only: reading is allowed, writing not.
		v, err := OpenOrView(ctx, path)
		if err == nil {
			if werr := v.RecordBadgePrints(ctx, "A6"); !errors.Is(werr, data.ErrDamaged) {
				t.Errorf("%s: a write to a damaged file gave %v", path, werr)
			}
			v.Close()
		} else if !errors.Is(err, data.ErrDamaged) {
			t.Errorf("%s: OpenOrView: %v", path, err)
		}
		return "refused damaged"
	case errors.Is(err, data.ErrNotCongress), errors.Is(err, data.ErrTooNew):
		return "refused other"
	case err != nil:
		t.Errorf("%s: %v", path, err)
		return "error"
	}
	defer s.Close()
	got, err := dumpStore(s)
	if err != nil {
		if !errors.Is(err, data.ErrDamaged) {
			t.Errorf("%s: reading gave %v", path, err)
		}
		return "damaged on read"
	}
	if got == want {
		return "exact"
	}
	// SQLite checks the structure of its pages; a flip inside a value is
	// found by the rows' sums (the full check), or inside the search index
	// by its own check, which rebuilds it from the rows.
	if errors.Is(s.CheckIntegrity(ctx), data.ErrDamaged) {
		return "caught by the full check"
	}
	rebuilt, err := s.CheckSearchIndex(ctx)
	if err != nil {
		t.Errorf("%s: checking the search index: %v", path, err)
		return "error"
	}
	if !rebuilt {
		return "read wrong"
	}
	if again, err := s.CheckSearchIndex(ctx); again || err != nil {
		t.Errorf("%s: the search index, rebuilt, still differs: %v", path, err)
	}
	if got, err = dumpStore(s); err != nil || withoutSearchIndex(got) != withoutSearchIndex(want) {
		t.Errorf("%s: the rows differ after the search index was rebuilt (%v)", path, err)
	}
	return "search index rebuilt"
}

// withoutSearchIndex leaves the search index's tables out of a dump, and
// revision, which counts the writes (the rebuild is one).
func withoutSearchIndex(dump string) string {
	var out []string
	skip := false
	for _, l := range strings.Split(dump, "\n") {
		if t, ok := strings.CutPrefix(l, "== "); ok {
			skip = strings.HasPrefix(t, "participant_fts") || t == "revision"
		}
		if !skip {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
