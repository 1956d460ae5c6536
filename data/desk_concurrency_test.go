package data

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The two-desk test runs two child processes (this test binary again) that
// check people in on one file at once; these tell a child what to do.
const (
	deskEnvFile = "CONGRES_DESK_FILE"
	deskEnvIDs  = "CONGRES_DESK_IDS" // a file of participant IDs, one a line
	deskEnvName = "CONGRES_DESK_NAME"
	deskEnvHeld = "CONGRES_DESK_HELD_AFTER" // the children's heldAfter, when set
)

// deskOwn is how many people each process checks in alone; deskShared how
// many both check in, in the same order and at the same pace, so that they
// race for each of them.
const (
	deskOwn    = 5000
	deskShared = 400
)

// TestAdmitTwoProcesses checks in 5,000 people from each of two processes
// on one file, and 400 more from both: afterwards each of the 10,400 has
// exactly one arrival, the processes say they recorded 10,400 between them
// (the loser of each race for a shared person is told they are already in),
// and the file is sound.
func TestAdmitTwoProcesses(t *testing.T) {
	if os.Getenv(deskEnvFile) != "" {
		deskChild(t)
		return
	}
	if testing.Short() {
		t.Skip("checks in 10,400 people from two processes at once")
	}
	admitTwoProcesses(t, "^TestAdmitTwoProcesses$", deskOwn, deskShared, "")
}

// TestAdmitTwoProcessesHeld is TestAdmitTwoProcesses with desk A holding
// every arrival in the journal, as a loaded machine makes a desk do when
// its write waits past heldAfter, while desk B writes into the file: each
// person gets one standing arrival, and a shared person both desks
// acknowledged has the second scan kept for review.
func TestAdmitTwoProcessesHeld(t *testing.T) {
	if os.Getenv(deskEnvFile) != "" {
		deskChild(t)
		return
	}
	admitTwoProcesses(t, "^TestAdmitTwoProcessesHeld$", 1000, 200, "0s")
}

// admitTwoProcesses runs two desks, in child processes running the test
// run, over own people each and shared people both check in; desk A's
// heldAfter is heldAfter when it is not "".
func admitTwoProcesses(t *testing.T, run string, deskOwn, deskShared int, heldAfter string) {
	start := time.Now()
	dir := t.TempDir()
	s := mustOpen(t)
	path := s.Path()
	manyPeople(t, s, 2*deskOwn+deskShared)
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{})
	if err != nil || len(ids) != 2*deskOwn+deskShared {
		t.Fatalf("%d people, %v", len(ids), err)
	}
	var before int
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM checkin WHERE day = ?", day2).Scan(&before); err != nil || before != 0 {
		t.Fatalf("%d check-ins already (%v)", before, err)
	}
	shared := ids[2*deskOwn:]
	lists := [2][]int64{}
	for d := range lists {
		own := ids[d*deskOwn : (d+1)*deskOwn]
		for i, id := range own {
			if i%(deskOwn/deskShared) == 0 && i/(deskOwn/deskShared) < len(shared) {
				lists[d] = append(lists[d], shared[i/(deskOwn/deskShared)])
			}
			lists[d] = append(lists[d], id)
		}
	}
	t.Logf("%d people registered in %s", len(ids), time.Since(start).Round(time.Millisecond))

	start = time.Now()
	var wg sync.WaitGroup
	news := make([]int, 2)
	errs := make([]error, 2)
	for d, list := range lists {
		idFile := filepath.Join(dir, fmt.Sprintf("ids%d", d))
		var b strings.Builder
		for _, id := range list {
			fmt.Fprintln(&b, id)
		}
		if err := os.WriteFile(idFile, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run", run)
		cmd.Env = append(os.Environ(), deskEnvFile+"="+path, deskEnvIDs+"="+idFile, deskEnvName+"="+fmt.Sprintf("Desk %c", 'A'+d))
		if d == 0 {
			cmd.Env = append(cmd.Env, deskEnvHeld+"="+heldAfter)
		}
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if n, ok := strings.CutPrefix(sc.Text(), "NEW "); ok {
					news[d], _ = strconv.Atoi(n)
				} else {
					fmt.Fprintf(os.Stderr, "desk %c: %s\n", 'A'+d, sc.Text())
				}
			}
			errs[d] = cmd.Wait()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	for d, err := range errs {
		if err != nil {
			t.Fatalf("desk %c: %v", 'A'+d, err)
		}
	}
	t.Logf("%d + %d admissions (%d new + %d new) in %s", len(lists[0]), len(lists[1]), news[0], news[1], elapsed.Round(time.Millisecond))

	// Under load, a desk whose write waits past heldAfter holds the arrival
	// in its journal and acknowledges it from there (desk_held.go): for a
	// person both desks scan, both may then say "new". The folding keeps one
	// arrival and notes the other scan for review: when the held scan is the
	// earlier, the file's arrival is undone and the held one written.
	var arrivals, open, people, undone, both, reviews, reviewsUndone int
	var integrity string
	for _, q := range []struct {
		query string
		v     any
	}{
		{"SELECT count(*) FROM checkin WHERE day = ?1 AND kind = 'arrival'", &arrivals},
		{"SELECT count(*) FROM checkin c WHERE day = ?1 AND kind = 'arrival' AND " + realLog.open(), &open},
		{"SELECT count(DISTINCT participant_id) FROM checkin c WHERE day = ?1 AND kind = 'arrival' AND " + realLog.open(), &people},
		{"SELECT count(*) FROM checkin WHERE day = ?1 AND kind <> 'arrival'", &undone},
		{"SELECT count(DISTINCT desk) FROM checkin WHERE day = ?1", &both},
		{"SELECT count(*) FROM review WHERE day = ?1 AND kind = '" + string(ReviewSecondArrival) + "'", &reviews},
		{"SELECT count(*) FROM review WHERE day = ?1 AND kind = '" + string(ReviewSecondArrival) + "' AND op = ''", &reviewsUndone},
		{"PRAGMA integrity_check", &integrity},
	} {
		args := []any{day2}
		if strings.HasPrefix(q.query, "PRAGMA") {
			args = nil
		}
		if err := s.r.QueryRowContext(ctx, q.query, args...).Scan(q.v); err != nil {
			t.Fatal(q.query, err)
		}
	}
	t.Logf("%d second scans held and kept for review (%d of them the earlier)", reviews, reviewsUndone)
	var folded int
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM desk_op WHERE desk = 'Desk A'").Scan(&folded); err != nil {
		t.Fatal(err)
	}
	if heldAfter != "" && folded < deskOwn {
		t.Errorf("desk A's journal folded %d actions into the file, want its %d people at least: nothing was held", folded, deskOwn)
	}
	if news[0]+news[1] != len(ids)+reviews {
		t.Errorf("the desks recorded %d + %d arrivals, want %d and %d kept for review", news[0], news[1], len(ids), reviews)
	}
	if open != len(ids) || people != len(ids) || arrivals != len(ids)+reviewsUndone || undone != reviewsUndone || both != 2 || integrity != "ok" {
		t.Fatalf("%d arrivals (%d standing) of %d people (want %d each), %d other lines (want %d), %d desks, integrity %q",
			arrivals, open, people, len(ids), undone, reviewsUndone, both, integrity)
	}
	counts, err := s.DeskCounts(ctx, day2)
	if err != nil {
		t.Fatal(err)
	}
	arrived := 0
	for _, c := range counts {
		arrived += c.Arrived
	}
	if arrived != len(ids) {
		t.Fatalf("DeskCounts: %d arrived, want %d", arrived, len(ids))
	}
}

// deskChild is one desk: it checks in the people of its list, accepting
// every warning, and prints how many arrivals it recorded.
func deskChild(t *testing.T) {
	if d, err := time.ParseDuration(os.Getenv(deskEnvHeld)); err == nil {
		heldAfter = d
	}
	s, err := Open(ctx, os.Getenv(deskEnvFile))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := os.ReadFile(os.Getenv(deskEnvIDs))
	if err != nil {
		t.Fatal(err)
	}
	desk := os.Getenv(deskEnvName)
	news := 0
	for _, line := range strings.Fields(string(b)) {
		id, err := strconv.ParseInt(line, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Admit(ctx, AdmitRequest{ParticipantID: id, Day: day2, Desk: desk, Accept: DeskWarningKinds})
		// A file or journal kept busy past the busy timeout (seen under
		// -race on a loaded machine, while the other desk's folding held the
		// journal) says so and writes nothing: the volunteer scans again.
		for try := 1; err != nil && KindOf(err) == KindBusy && try < 5; try++ {
			fmt.Printf("busy, scanned again: %v\n", err)
			r, err = s.Admit(ctx, AdmitRequest{ParticipantID: id, Day: day2, Desk: desk, Accept: DeskWarningKinds})
		}
		if err != nil {
			t.Fatalf("%s, participant %d: %v", desk, id, err)
		}
		if !r.Admitted || r.Checkin.ID == 0 {
			t.Fatalf("%s, participant %d: not admitted: %+v", desk, id, r)
		}
		if r.New {
			news++
		}
	}
	fmt.Printf("NEW %d\n", news)
}

// manyPeople registers n people for both days in one transaction, in every
// category, some cancelled and some owing their fee (the warnings the
// desks accept), with valid codes.
func manyPeople(tb testing.TB, s *Store, n int) {
	tb.Helper()
	err := s.write(ctx, func(tx *sqlTx) error {
		now := formatTime(s.now())
		_, err := tx.ExecContext(ctx, `WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?1),
			alphabet(a) AS (SELECT ?2),
			cats(id, k) AS (SELECT id, row_number() OVER (ORDER BY id) - 1 FROM category)
			INSERT INTO participant (code, first_name, last_name, category_id, status, fee_cents, sort_key, name_key, created_at, updated_at)
			SELECT 'D' || substr(a, n % 31 + 1, 1) || substr(a, n / 31 % 31 + 1, 1) || substr(a, n / 961 % 31 + 1, 1)
					|| substr(a, n / 29791 % 31 + 1, 1) || substr(a, n / 923521 % 31 + 1, 1),
				'Prénom ' || n, 'Nom ' || n,
				cats.id,
				CASE WHEN n % 50 = 0 THEN 'cancelled' ELSE 'confirmed' END, (n % 7 = 0) * 9000,
				'nom ' || n || char(1) || 'prenom ' || n, 'prenom ' || n || ' nom ' || n, ?3, ?3
			FROM i, alphabet JOIN cats ON cats.k = i.n % (SELECT count(*) FROM category)`, n, CodeAlphabet, now)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO participant_day (participant_id, day) SELECT p.id, d.day FROM participant p, congress_day d")
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
}
