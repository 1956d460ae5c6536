package data

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The kill-safety test runs the import in a child process (this test binary
// again) and kills it; these say where the file and the export are.
const (
	killEnvFile = "CONGRES_KILL_FILE"
	killEnvCSV  = "CONGRES_KILL_CSV"
	killEnvAt   = "CONGRES_KILL_AT"
)

// TestImportKilled kills an import of 20,000 people with SIGKILL, once while
// it reads and once when everything is written but not committed, and
// checks that the file is as before: the same people, byte for byte, the
// same revision, indexes and remembered mappings, and a sound database.
func TestImportKilled(t *testing.T) {
	if os.Getenv(killEnvFile) != "" {
		killChild(t)
		return
	}
	if testing.Short() {
		t.Skip("writes 20,000 people")
	}
	csvPath := filepath.Join(t.TempDir(), "big.csv")
	if err := writeRegistrationsCSV(csvPath, 20000, 3); err != nil {
		t.Fatal(err)
	}
	for _, at := range []string{"reading", "end"} {
		t.Run(at, func(t *testing.T) {
			s := mustOpen(t)
			importLines(t, s, ImportOptions{}, importRows...)
			before := fileState(t, s)
			path := s.Path()
			s.Close()
			cmd := exec.Command(os.Args[0], "-test.run", "^TestImportKilled$", "-test.v")
			cmd.Env = append(os.Environ(), killEnvFile+"="+path, killEnvCSV+"="+csvPath, killEnvAt+"="+at)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			killed := false
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if sc.Text() == "KILL ME" {
					cmd.Process.Signal(syscall.SIGKILL)
					killed = true
					break
				}
			}
			err = cmd.Wait()
			if !killed {
				t.Fatalf("the child did not ask to be killed: %v", err)
			}
			if st, err := os.Stat(path + "-wal"); err == nil {
				t.Logf("killed at %s, leaving a WAL of %d KiB", at, st.Size()>>10)
			}
			s, err = Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if after := fileState(t, s); after != before {
				t.Fatalf("after the kill:\n%s\nbefore:\n%s", after, before)
			}
			// And the file still works: the same import goes through.
			r, err := s.Import(ctx, sheetFile(csvPath), ImportOptions{Mapping: importBenchMapping})
			if err != nil || r.Rejected != 0 || r.New < 19_900 {
				t.Fatalf("import after the kill: %v %+v", err, r)
			}
		})
	}
}

// killChild is the child's side: it imports and, at the moment asked for,
// says so on stdout and waits to be killed.
func killChild(t *testing.T) {
	s, err := Open(ctx, os.Getenv(killEnvFile))
	if err != nil {
		t.Fatal(err)
	}
	// A small page cache, so that the import spills pages it has not
	// committed into the WAL, as a large import does: they must be ignored.
	if _, err := s.w.ExecContext(ctx, "PRAGMA cache_size = 100"); err != nil {
		t.Fatal(err)
	}
	at := os.Getenv(killEnvAt)
	calls := 0
	_, err = s.Import(ctx, sheetFile(os.Getenv(killEnvCSV)), ImportOptions{Mapping: importBenchMapping,
		Progress: func(done, total int64) {
			// One report every 1,000 rows, and the last when all is
			// written, before the commit.
			calls++
			if at == "reading" && done > total/2 || at == "end" && calls == 20000/progressEvery+1 {
				fmt.Println("KILL ME")
				time.Sleep(time.Minute)
			}
		}})
	t.Fatalf("the import was not killed: %v", err)
}

// fileState describes what an import must not change when it fails: a
// checksum of every participant, their days and organisations, the
// revision, the schema and the remembered mappings; and the integrity check.
func fileState(tb testing.TB, s *Store) string {
	tb.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT count(*) FROM participant",
		"SELECT n FROM revision",
		"SELECT count(*) FROM import_mapping",
		"SELECT count(*) FROM organisation",
		"SELECT count(*) FROM participant_fts",
		"SELECT group_concat(type || ' ' || name, ', ') FROM (SELECT type, name FROM sqlite_schema ORDER BY name)",
		"PRAGMA integrity_check",
	} {
		var v string
		if err := s.r.QueryRowContext(ctx, q).Scan(&v); err != nil {
			tb.Fatal(q, err)
		}
		fmt.Fprintf(&b, "%s: %s\n", q, v)
	}
	h := sha256.New()
	rows, err := s.r.QueryContext(ctx, `SELECT `+participantColumns+`, (SELECT group_concat(day) FROM participant_day WHERE participant_id = p.id)
		FROM participant p LEFT JOIN organisation o ON o.id = p.organisation_id ORDER BY p.id`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			tb.Fatal(err)
		}
		fmt.Fprintln(h, vals...)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	fmt.Fprintf(&b, "participants: %x\n", h.Sum(nil))
	return b.String()
}
