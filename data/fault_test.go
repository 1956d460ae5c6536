package data

import (
	"bufio"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The fault-injection suite runs an operation in a child process (this test
// binary again), kills it with SIGKILL at a random moment, and checks what a
// crash or a pulled plug must leave: every acknowledged action recorded, an
// unfinished one not at all, and a sound file that opens and works.
//
// The child acknowledges an action by printing "ACK <id>" only after the
// store returned from it; the parent reads those lines until the kill.
const (
	faultEnvMode = "CONGRES_FAULT_MODE"
	faultEnvFile = "CONGRES_FAULT_FILE"
	faultEnvArg  = "CONGRES_FAULT_ARG"
	// faultEnvSeed replays a run: the seed is logged by every test.
	faultEnvSeed = "CONGRES_FAULT_SEED"
)

// faultRuns is how many kills each scenario makes.
const faultRuns = 25

// skipFaults skips the suite in short mode, and under the race detector:
// it kills processes to find lost writes, not data races, and the race
// detector makes its 100 child processes some twenty times slower. make
// test runs it on its own, without -race.
func skipFaults(t *testing.T) {
	t.Helper()
	switch {
	case testing.Short():
		t.Skip("kills 25 processes")
	case raceDetector:
		t.Skip("run without -race (make test does)")
	}
}

// faultRand returns the suite's random source and logs its seed.
func faultRand(t *testing.T) *rand.Rand {
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv(faultEnvSeed); v != "" {
		seed, _ = strconv.ParseUint(v, 10, 64)
	}
	t.Logf("seed %d (%s=%d to replay)", seed, faultEnvSeed, seed)
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// faultChild is what a child process does, after the mode it is given.
func faultChild(t *testing.T) {
	path, arg := os.Getenv(faultEnvFile), os.Getenv(faultEnvArg)
	switch mode := os.Getenv(faultEnvMode); mode {
	case "restore":
		fmt.Println("READY")
		if err := Restore(ctx, path, arg); err != nil {
			t.Fatal(err)
		}
		fmt.Println("ACK restored")
		return
	default:
		if mode == "held" {
			// The parent holds the file's write lock for part of the run:
			// check-ins are held in the journal quickly, then folded in.
			heldAfter = 20 * time.Millisecond
			mode = "checkin"
		}
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		fmt.Println("READY")
		switch mode {
		case "checkin", "backup":
			for _, f := range strings.Fields(arg) {
				id, _ := strconv.ParseInt(f, 10, 64)
				r, err := s.Admit(ctx, AdmitRequest{ParticipantID: id, Day: day2, Desk: "fault", Accept: DeskWarningKinds})
				if err != nil || !r.Admitted {
					t.Fatalf("participant %d: %v %+v", id, err, r)
				}
				fmt.Println("ACK", id)
				if mode == "backup" {
					if _, err := s.Backup(ctx); err != nil {
						t.Fatal(err)
					}
					fmt.Println("ACK backup")
				}
			}
		case "import":
			r, err := s.Import(ctx, sheetFile(arg), ImportOptions{Mapping: importBenchMapping})
			if err != nil || r.Rejected != 0 {
				t.Fatalf("import: %v %+v", err, r)
			}
			fmt.Println("ACK import")
		default:
			t.Fatalf("unknown mode %q", mode)
		}
	}
}

// faultRun starts a child in mode on path, kills it after delay (or lets it
// finish when delay is negative), and returns the lines it acknowledged.
func faultRun(t *testing.T, test, mode, path, arg string, delay time.Duration) (acks []string, finished bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run", "^"+test+"$")
	cmd.Env = append(os.Environ(), faultEnvMode+"="+mode, faultEnvFile+"="+path, faultEnvArg+"="+arg)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	// The clock starts when the child has opened the file: the kill falls
	// inside the operation, not in the process's start-up.
	if l := <-lines; l != "READY" {
		cmd.Wait()
		t.Fatalf("child: %q\n%s", l, stderr.String())
	}
	var timer <-chan time.Time
	if delay >= 0 {
		timer = time.After(delay)
	}
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				err := cmd.Wait()
				if err != nil || strings.Contains(stderr.String(), "FAIL") {
					t.Fatalf("child failed: %v\n%s", err, stderr.String())
				}
				return acks, true
			}
			if a, ok := strings.CutPrefix(l, "ACK "); ok {
				acks = append(acks, a)
			}
		case <-timer:
			cmd.Process.Signal(syscall.SIGKILL)
			for l := range lines {
				if a, ok := strings.CutPrefix(l, "ACK "); ok {
					acks = append(acks, a)
				}
			}
			cmd.Wait()
			return acks, false
		}
	}
}

// faultKiller kills the runs of a scenario: the first is let finish, to
// learn how long a whole run takes; each other is killed at a random moment
// within that time, stretched by margin (a run may finish first).
type faultKiller struct {
	r      *rand.Rand
	margin float64
	whole  time.Duration
}

func (k *faultKiller) run(t *testing.T, i int, test, mode, path, arg string) (acks []string, finished bool) {
	t.Helper()
	delay := time.Duration(-1)
	if i > 0 {
		delay = time.Duration(k.r.Int64N(max(int64(float64(k.whole)*k.margin), 1)))
	}
	start := time.Now()
	acks, finished = faultRun(t, test, mode, path, arg, delay)
	if i == 0 {
		k.whole = time.Since(start)
	}
	return acks, finished
}

// reopen checks the file after run i and opens it.
func reopen(t *testing.T, i int, path string) *Store {
	t.Helper()
	integrityOK(t, path)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("run %d: the file does not open after the kill: %v", i, err)
	}
	return s
}

// integrityOK checks a closed file with SQLite's full check, read only.
func integrityOK(t *testing.T, path string) {
	t.Helper()
	uri, err := fileURI(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", uri+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("%s: integrity_check %q %v", filepath.Base(path), res, err)
	}
}

// arrivals counts each person's arrivals on day2 that are not undone.
func arrivals(t *testing.T, s *Store) map[int64]int {
	t.Helper()
	rows, err := s.r.QueryContext(ctx, `SELECT participant_id, count(*) FROM checkin
		WHERE day = ? AND kind = 'arrival' GROUP BY participant_id`, day2)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	m := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			t.Fatal(err)
		}
		m[id] = n
	}
	return m
}

// copyClosed copies a closed congress file (no WAL beside it).
func copyClosed(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	out.Close()
}

// TestFaultCheckinStorm kills a desk that checks people in as fast as it
// can, 25 times: each time, every arrival it acknowledged is in the file,
// exactly once, and nobody it did not reach is.
func TestFaultCheckinStorm(t *testing.T) {
	if os.Getenv(faultEnvMode) != "" {
		faultChild(t)
		return
	}
	skipFaults(t)
	faultCheckins(t, "TestFaultCheckinStorm", "checkin", 400)
}

// TestFaultBackup kills a desk that checks in and backs up after each
// arrival: every acknowledged arrival is in the file, and every backup
// listed is whole.
func TestFaultBackup(t *testing.T) {
	if os.Getenv(faultEnvMode) != "" {
		faultChild(t)
		return
	}
	skipFaults(t)
	faultCheckins(t, "TestFaultBackup", "backup", 12)
}

// TestFaultHeldCheckins kills a desk that checks people in while another
// connection holds the file's write lock (an import writing) for a random
// part of the run, 25 times: the check-ins are held in the journal, then
// folded into the file, and the kill falls anywhere in that. Each arrival
// acknowledged is in the file exactly once after the next open.
func TestFaultHeldCheckins(t *testing.T) {
	if os.Getenv(faultEnvMode) != "" {
		faultChild(t)
		return
	}
	skipFaults(t)
	faultCheckins(t, "TestFaultHeldCheckins", "held", 30)
}

func faultCheckins(t *testing.T, test, mode string, perRun int) {
	s := mustOpen(t)
	path := s.Path()
	manyPeople(t, s, faultRuns*perRun)
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	var lists []string
	for i := range faultRuns {
		var b strings.Builder
		for _, id := range ids[i*perRun : (i+1)*perRun] {
			fmt.Fprintf(&b, "%d ", id)
		}
		lists = append(lists, b.String())
	}
	k := faultKiller{r: faultRand(t), margin: 1}
	acked := map[int64]bool{}
	reached := map[int64]bool{}
	total, survived := 0, 0
	for i, list := range lists {
		var release func()
		if mode == "held" {
			release = holdWriteLock(t, path)
			after := 300 * time.Millisecond
			if i > 0 {
				after = time.Duration(k.r.Int64N(int64(k.whole)))
			}
			time.AfterFunc(after, release)
		}
		acks, finished := k.run(t, i, test, mode, path, list)
		if release != nil {
			release()
		}
		for _, a := range acks {
			if id, err := strconv.ParseInt(a, 10, 64); err == nil {
				acked[id] = true
			}
		}
		for _, f := range strings.Fields(list) {
			id, _ := strconv.ParseInt(f, 10, 64)
			reached[id] = true
		}
		if !finished {
			total++
		}
		s := reopen(t, i, path)
		if err := s.foldHeldWithin(ctx, 10*time.Second); err != nil {
			t.Fatalf("run %d: folding the journal: %v", i, err)
		}
		got := arrivals(t, s)
		for id := range acked {
			if got[id] != 1 {
				t.Fatalf("run %d: participant %d acknowledged, %d arrivals in the file", i, id, got[id])
			}
		}
		for id, n := range got {
			if !reached[id] || n != 1 {
				t.Fatalf("run %d: participant %d has %d arrivals (reached: %v)", i, id, n, reached[id])
			}
		}
		if mode == "backup" {
			list, err := s.Backups()
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range list {
				integrityOK(t, b.Path)
			}
		}
		s.Close()
		survived++
	}
	t.Logf("%s: %d runs, %d killed, %d survived, %d acknowledged arrivals, 0 lost", mode, len(lists), total, survived, len(acked))
}

// TestFaultImport kills an import of 3,000 people at a random moment, 25
// times, each on a fresh copy of one congress: the file holds either all of
// them (when the import was acknowledged, or had committed just before the
// kill) or none, and opens and works.
func TestFaultImport(t *testing.T) {
	if os.Getenv(faultEnvMode) != "" {
		faultChild(t)
		return
	}
	skipFaults(t)
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "registrations.csv")
	if err := writeRegistrationsCSV(csvPath, 3000, 7); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t)
	base := s.Path()
	manyPeople(t, s, 200)
	before := fileState(t, s)
	s.Close()
	k := faultKiller{r: faultRand(t), margin: 1.25}
	all, none, finishedRuns := 0, 0, 0
	for i := range faultRuns {
		path := filepath.Join(dir, fmt.Sprintf("run%d%s", i, Extension))
		copyClosed(t, base, path)
		acks, finished := k.run(t, i, "TestFaultImport", "import", path, csvPath)
		s := reopen(t, i, path)
		var n, fts int
		if err := s.r.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM participant), (SELECT count(*) FROM participant_fts)").Scan(&n, &fts); err != nil {
			t.Fatal(err)
		}
		switch {
		case n == 200+3000 && fts == n:
			all++
		case n == 200 && len(acks) == 0:
			if after := fileState(t, s); after != before {
				t.Fatalf("run %d: an import killed before its end changed the file:\n%s\nbefore:\n%s", i, after, before)
			}
			none++
		default:
			t.Fatalf("run %d: %d people, %d in the search index, acknowledged %v", i, n, fts, acks)
		}
		if finished {
			finishedRuns++
		}
		s.Close()
	}
	t.Logf("import: %d runs, %d finished before the kill, %d whole, %d untouched, 0 partial", faultRuns, finishedRuns, all, none)
}

// TestFaultRestore kills a restore at a random moment, 25 times: the file
// is then either as it was or the backup, never a mix, and opens; when the
// restore was acknowledged, it is the backup.
func TestFaultRestore(t *testing.T) {
	if os.Getenv(faultEnvMode) != "" {
		faultChild(t)
		return
	}
	skipFaults(t)
	dir := t.TempDir()
	s := mustOpen(t)
	manyPeople(t, s, 3000)
	backup, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(dir, "backup"+Extension)
	copyClosed(t, backup, keep)
	// The file then moves on from its backup: 500 people arrive.
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids[:500] {
		if _, err := s.Admit(ctx, AdmitRequest{ParticipantID: id, Day: day2, Accept: DeskWarningKinds}); err != nil {
			t.Fatal(err)
		}
	}
	base := s.Path()
	s.Close()
	k := faultKiller{r: faultRand(t), margin: 1.25}
	old, restored := 0, 0
	for i := range faultRuns {
		runDir := filepath.Join(dir, fmt.Sprint(i))
		if err := os.Mkdir(runDir, 0o700); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(runDir, "congress"+Extension)
		copyClosed(t, base, path)
		acks, _ := k.run(t, i, "TestFaultRestore", "restore", path, keep)
		s := reopen(t, i, path)
		var people int
		if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM participant").Scan(&people); err != nil {
			t.Fatal(err)
		}
		n := len(arrivals(t, s))
		switch {
		case people != 3000:
			t.Fatalf("run %d: %d people after the kill", i, people)
		case n == 0:
			restored++
		case n == 500 && len(acks) == 0:
			old++
		default:
			t.Fatalf("run %d: %d arrivals after the kill (acknowledged %v)", i, n, acks)
		}
		s.Close()
	}
	t.Logf("restore: %d runs, %d restored, %d as before, 0 mixed", faultRuns, restored, old)
}

// TestFaultFoldBatches kills a desk while it folds its journal into the
// file in batches (of 2 actions here, 50 batches a run), 25 times: the
// desk first holds 100 arrivals in the journal (each acknowledged), then
// folds them, and the kill falls anywhere in the fold: inside a batch,
// between a batch's commit into the file and its removal from the journal,
// or between two batches. After the next open and fold, each acknowledged
// arrival is in the file exactly once, and nobody else arrived.
func TestFaultFoldBatches(t *testing.T) {
	if os.Getenv(faultEnvMode) == "fold" {
		foldBatchesChild(t)
		return
	}
	skipFaults(t)
	const perRun = 100
	s := mustOpen(t)
	path := s.Path()
	manyPeople(t, s, faultRuns*perRun)
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := faultRand(t)
	var fold time.Duration // how long a whole fold takes: the kills fall within it
	acked, reached := map[int64]bool{}, map[int64]bool{}
	killed, between := 0, 0
	for i := range faultRuns {
		var list strings.Builder
		for _, id := range ids[i*perRun : (i+1)*perRun] {
			fmt.Fprintf(&list, "%d ", id)
			reached[id] = true
		}
		delay := time.Duration(-1)
		if i > 0 {
			delay = time.Duration(r.Int64N(int64(fold)*5/4 + 1)) // the clock starts as the fold does
		}
		acks, finished := faultRun(t, "TestFaultFoldBatches", "fold", path, list.String(), delay)
		batches := 0
		for _, a := range acks {
			if d, ok := strings.CutPrefix(a, "folded in "); ok {
				fold, _ = time.ParseDuration(d)
			} else if a == "batch" {
				batches++
			} else if id, err := strconv.ParseInt(a, 10, 64); err == nil {
				acked[id] = true
			}
		}
		if !finished {
			killed++
			if batches > 0 && batches < perRun/2 {
				between++
			}
		}
		s := reopen(t, i, path)
		if err := s.foldHeldWithin(ctx, 10*time.Second); err != nil {
			t.Fatalf("run %d: folding the journal: %v", i, err)
		}
		got := arrivals(t, s)
		for id := range acked {
			if got[id] != 1 {
				t.Fatalf("run %d (killed after %d batches): participant %d acknowledged, %d arrivals in the file", i, batches, id, got[id])
			}
		}
		for id, n := range got {
			if !reached[id] || n != 1 {
				t.Fatalf("run %d: participant %d has %d arrivals (reached: %v)", i, id, n, reached[id])
			}
		}
		s.Close()
	}
	t.Logf("fold: %d runs, %d killed (%d after a batch and before the last), %d acknowledged arrivals, 0 lost, 0 twice", faultRuns, killed, between, len(acked))
	if between == 0 {
		t.Errorf("no kill fell between two batches (%d killed): the test did not test it", killed)
	}
}

// foldBatchesChild holds an arrival for each of its people, acknowledging
// each, and folds the journal into the file in batches of 2, saying when
// each batch has left the journal.
func foldBatchesChild(t *testing.T) {
	heldAfter = 0 // every arrival held
	heldFolder = false
	heldBatch = 2
	s, err := Open(ctx, os.Getenv(faultEnvFile))
	if err != nil {
		t.Fatal(err)
	}
	var acks strings.Builder
	for _, f := range strings.Fields(os.Getenv(faultEnvArg)) {
		id, _ := strconv.ParseInt(f, 10, 64)
		r, err := s.Admit(ctx, AdmitRequest{ParticipantID: id, Day: day2, Desk: "fault", Accept: DeskWarningKinds})
		if err != nil || !r.Admitted || !r.Checkin.Held {
			t.Fatalf("participant %d: %v %+v", id, err, r)
		}
		fmt.Fprintln(&acks, "ACK", id)
	}
	fmt.Println("READY")
	fmt.Print(acks.String())
	testHeldFileBatchFolded = func() error {
		fmt.Println("ACK batch")
		return nil
	}
	start := time.Now()
	if err := s.foldHeldWithin(ctx, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if n := heldNow(t, s); n != 0 {
		t.Fatalf("%d actions still held", n)
	}
	fmt.Println("ACK folded in", time.Since(start))
	s.Close()
}
