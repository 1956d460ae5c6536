package postgres

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	neturl "net/url"
	"os"
	osexec "os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"congres/data"
)

// The desk on a server: the 100,000-person demo (the file WriteDemo writes,
// programme, enrolments and the first day's arrivals included) copied to a
// database of the test server, where each scan checks in on the second day
// someone not arrived yet, over loopback.
//
// The test server (.ci/postgres) runs without fsync: its figures are the
// server's work and the round trips, not a disk's.

var (
	deskBenchOnce sync.Once
	deskBenchURL  string
	deskBenchErr  error
)

// deskBenchTables are the demo's tables the desk reads, in an order that
// their foreign keys accept.
var deskBenchTables = []string{"congress", "congress_day", "category", "organisation", "participant",
	"participant_day", "room", "session", "session_person", "enrolment", "checkin", "payment", "badge_print", "ticket"}

// deskBenchDB names the desk's benchmark database on the test server.
const deskBenchDB = "congres_bench_desk100k"

// deskMinFresh is how many people not yet arrived on the second day the
// benchmark database must hold to be used again (three runs of the four
// desks); with fewer, it is made again.
const deskMinFresh = 30_000

// deskBench100k returns the URL of a database holding the 100,000-person
// demo for the desk. It is kept on the test server between runs, and made
// again when fewer than deskMinFresh people are left to check in.
func deskBench100k(b *testing.B) string {
	b.Helper()
	server := testServer(b)
	deskBenchOnce.Do(func() {
		if u := databaseURLOn(server, deskBenchDB); deskFresh(u) >= deskMinFresh {
			deskBenchURL = u
			return
		}
		deskBenchURL, deskBenchErr = makeDeskBench100k(server)
	})
	if deskBenchErr != nil {
		b.Fatal(deskBenchErr)
	}
	return deskBenchURL
}

func makeDeskBench100k(server string) (string, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "congres-pgdesk-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "demo100k"+data.Extension)
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: benchPeople}); err != nil {
		return "", err
	}
	u := newDatabaseNamed(server, deskBenchDB)
	s, err := Open(ctx, u)
	if err != nil {
		return "", err
	}
	defer s.Close()
	lite, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer lite.Close()
	for _, t := range deskBenchTables {
		if err := copyTable(ctx, lite, s.pool, t); err != nil {
			return "", fmt.Errorf("copying %s: %w", t, err)
		}
	}
	// The IDs were copied: each identity goes on after the largest.
	rows, err := s.pool.Query(ctx, `SELECT table_name FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES'`)
	if err != nil {
		return "", err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return "", err
		}
		tables = append(tables, t)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	for _, t := range tables {
		if _, err := s.pool.Exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%[1]s', 'id'),
			coalesce((SELECT max(id) FROM %[1]s), 0) + 1, false)`, t)); err != nil {
			return "", fmt.Errorf("%s's identity: %w", t, err)
		}
	}
	if _, err := s.pool.Exec(ctx, "ANALYZE"); err != nil {
		return "", err
	}
	return u, nil
}

// databaseURLOn is the URL of database name on the server at server.
func databaseURLOn(server, name string) string {
	u, err := neturl.Parse(server)
	if err != nil {
		return ""
	}
	u.Path = "/" + name
	return u.String()
}

// deskFresh counts the people of the benchmark database at url not arrived
// on the demo's second day; 0 when it holds no such congress.
func deskFresh(url string) int {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return 0
	}
	defer conn.Close(ctx)
	var n int
	err = conn.QueryRow(ctx, `SELECT count(*) FROM participant WHERE id NOT IN (
		SELECT participant_id FROM checkin WHERE kind = 'arrival'
		AND day = (SELECT day FROM congress_day ORDER BY day OFFSET 1 LIMIT 1))
		AND (SELECT count(*) FROM participant) = $1`, benchPeople).Scan(&n)
	if err != nil {
		return 0
	}
	return n
}

// deskBenchDay is the day the desks check people in on: the demo's second.
func deskBenchDay(b *testing.B, s *data.Store) data.Day {
	b.Helper()
	c, err := s.Congress(context.Background())
	if err != nil || len(c.Days) < 2 {
		b.Fatal("the demo's days:", c.Days, err)
	}
	return c.Days[1]
}

// freshDeskCodes returns the codes of the people not arrived on day, in
// the order of their IDs.
func freshDeskCodes(b *testing.B, url string, day data.Day) []string {
	b.Helper()
	s := mustOpen(b, url)
	rows := query(b, s, `SELECT code FROM participant WHERE id NOT IN (
		SELECT participant_id FROM checkin WHERE day = $1 AND kind = 'arrival') ORDER BY id`, string(day))
	codes := make([]string, len(rows))
	for i, r := range rows {
		codes[i] = r[0]
	}
	return codes
}

// admitCode is a scan at the desk: the code read from the badge is looked
// up, and the person checked in with every warning accepted, as a
// volunteer would after reading them.
func admitCode(ctx context.Context, s *data.Store, code string, day data.Day, desk string) (data.AdmitResult, error) {
	id, err := s.ParticipantIDByCode(ctx, code)
	if err != nil {
		return data.AdmitResult{}, err
	}
	return s.Admit(ctx, data.AdmitRequest{ParticipantID: id, Day: day, Desk: desk, Accept: data.DeskWarningKinds})
}

// BenchmarkAdmitServer100k is BenchmarkAdmit100k of package data on a
// server: a scan at one desk on the second morning of a 100,000-person
// congress, from code to checked in, over loopback. It reports the median
// and the 99th percentile.
func BenchmarkAdmitServer100k(b *testing.B) {
	url := deskBench100k(b)
	ctx := context.Background()
	s, err := OpenStore(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	day := deskBenchDay(b, s)
	codes := freshDeskCodes(b, url, day)
	var took []time.Duration
	for b.Loop() {
		if len(took) == len(codes) {
			b.Fatal("everyone is checked in")
		}
		start := time.Now()
		r, err := admitCode(ctx, s, codes[len(took)], day, "Accueil 1")
		if err != nil || !r.New {
			b.Fatal(r, err)
		}
		took = append(took, time.Since(start))
	}
	reportPercentiles(b, took, 50, 95, 99)
}

// BenchmarkDeskCountsServer100k is the desk's live counters on a server,
// refreshed after a scan: the first day, when some 75,000 of the 100,000
// people have arrived.
func BenchmarkDeskCountsServer100k(b *testing.B) {
	url := deskBench100k(b)
	ctx := context.Background()
	s, err := OpenStore(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	c, err := s.Congress(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.DeskCounts(ctx, c.Days[0]); err != nil {
			b.Fatal(err)
		}
	}
}

// The four desks are processes (this test binary again, running
// TestDeskBenchChild); these tell a child what to do.
const (
	deskEnvURL   = "CONGRES_PGDESK_URL"
	deskEnvCodes = "CONGRES_PGDESK_CODES" // a file of codes, one a line
	deskEnvName  = "CONGRES_PGDESK_NAME"
	deskEnvDay   = "CONGRES_PGDESK_DAY"
)

// deskProcesses check in deskScans people each, at once; deskShared of
// each one's scans are people that every desk scans, in the same order and
// at the same pace, so that the four race for each of them.
const (
	deskProcesses = 4
	deskScans     = 2500
	deskShared    = 250
)

// BenchmarkAdmitFourDeskProcesses has four desk processes check in 2,500
// people each at once on the 100,000-person congress: 2,250 of their own
// and 250 that all four scan. Afterwards each person has exactly one
// arrival (none lost, none doubled) and the desks recorded as many as there
// are people. It reports the scans' median, 95th and 99th percentile
// latency (code to checked in, at each desk) and the check-ins per second
// of the four together.
func BenchmarkAdmitFourDeskProcesses(b *testing.B) {
	url := deskBench100k(b)
	s := mustOpen(b, url)
	ds, err := OpenStore(context.Background(), url)
	if err != nil {
		b.Fatal(err)
	}
	day := deskBenchDay(b, ds)
	ds.Close()
	var took []time.Duration
	var elapsed time.Duration
	people := 0
	for b.Loop() {
		codes := freshDeskCodes(b, url, day)
		per := deskScans - deskShared
		if len(codes) < deskProcesses*per+deskShared {
			b.Fatal("too few people left to check in")
		}
		shared := codes[deskProcesses*per : deskProcesses*per+deskShared]
		lists := make([][]string, deskProcesses)
		for d := range lists {
			own := codes[d*per : (d+1)*per]
			for i, c := range own {
				if i%(per/deskShared) == 0 && i/(per/deskShared) < deskShared {
					lists[d] = append(lists[d], shared[i/(per/deskShared)])
				}
				lists[d] = append(lists[d], c)
			}
		}
		before := arrivals(b, s, day)
		run := runDeskProcesses(b, url, day, lists)
		elapsed += run.elapsed
		took = append(took, run.took...)
		n := deskProcesses*per + deskShared
		people += n
		if run.news != n {
			b.Fatalf("the desks recorded %d arrivals, want %d", run.news, n)
		}
		after := arrivals(b, s, day)
		if after.lines-before.lines != n || after.people-before.people != n || after.lines != after.people {
			b.Fatalf("%d arrivals of %d people after the run (%d of %d before), want %d more of each, one each",
				after.lines, after.people, before.lines, before.people, n)
		}
	}
	reportPercentiles(b, took, 50, 95, 99)
	var sum time.Duration
	for _, d := range took {
		sum += d
	}
	b.ReportMetric(float64(sum)/float64(len(took))/float64(time.Millisecond), "mean-ms")
	b.ReportMetric(float64(people)/elapsed.Seconds(), "checkins/s")
}

type arrivalCount struct{ lines, people int }

// arrivals counts the arrivals on day and the people they are of.
func arrivals(b *testing.B, s *Store, day data.Day) arrivalCount {
	b.Helper()
	r := query(b, s, `SELECT count(*), count(DISTINCT participant_id) FROM checkin
		WHERE day = $1 AND kind = 'arrival'`, string(day))
	lines, _ := strconv.Atoi(r[0][0])
	people, _ := strconv.Atoi(r[0][1])
	return arrivalCount{lines, people}
}

type deskRun struct {
	took    []time.Duration
	news    int
	elapsed time.Duration // from the go to the last desk done
}

// runDeskProcesses starts a desk process per list of codes, lets them go
// together once each has opened the congress, and gathers what they did.
func runDeskProcesses(b *testing.B, url string, day data.Day, lists [][]string) deskRun {
	b.Helper()
	dir := b.TempDir()
	var run deskRun
	var mu sync.Mutex
	var wg sync.WaitGroup
	ready := make(chan error, len(lists))
	gos := make([]io.WriteCloser, len(lists))
	errs := make([]error, len(lists))
	var start time.Time
	for d, list := range lists {
		file := filepath.Join(dir, fmt.Sprintf("codes%d", d))
		if err := os.WriteFile(file, []byte(strings.Join(list, "\n")+"\n"), 0o600); err != nil {
			b.Fatal(err)
		}
		cmd := osexec.Command(os.Args[0], "-test.run", "^TestDeskBenchChild$")
		cmd.Env = append(os.Environ(), deskEnvURL+"="+url, deskEnvCodes+"="+file,
			deskEnvName+"="+fmt.Sprintf("Accueil %d", d+1), deskEnvDay+"="+string(day))
		cmd.Stderr = os.Stderr
		in, err := cmd.StdinPipe()
		if err != nil {
			b.Fatal(err)
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		gos[d] = in
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(out)
			said := false
			for sc.Scan() {
				line := sc.Text()
				switch {
				case line == "READY":
					said = true
					ready <- nil
				case strings.HasPrefix(line, "TOOK "):
					ns, _ := strconv.ParseInt(strings.TrimPrefix(line, "TOOK "), 10, 64)
					mu.Lock()
					run.took = append(run.took, time.Duration(ns))
					mu.Unlock()
				case strings.HasPrefix(line, "NEW "):
					n, _ := strconv.Atoi(strings.TrimPrefix(line, "NEW "))
					mu.Lock()
					run.news += n
					mu.Unlock()
				default:
					fmt.Fprintf(os.Stderr, "desk %d: %s\n", d+1, line)
				}
			}
			errs[d] = cmd.Wait()
			if !said {
				ready <- fmt.Errorf("desk %d ended before it was ready: %v", d+1, errs[d])
			}
		}()
	}
	for range lists {
		if err := <-ready; err != nil {
			b.Fatal(err)
		}
	}
	start = time.Now()
	for _, in := range gos {
		io.WriteString(in, "GO\n")
		in.Close()
	}
	wg.Wait()
	run.elapsed = time.Since(start)
	for d, err := range errs {
		if err != nil {
			b.Fatalf("desk %d: %v", d+1, err)
		}
	}
	return run
}

// TestDeskBenchChild is one desk of BenchmarkAdmitFourDeskProcesses, when
// run by it (else it does nothing): it opens the congress, says READY,
// waits for GO, then checks in the people of its list, printing the time
// each scan took and, at the end, how many arrivals it recorded.
func TestDeskBenchChild(t *testing.T) {
	url := os.Getenv(deskEnvURL)
	if url == "" {
		return
	}
	ctx := context.Background()
	s, err := OpenStore(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := os.ReadFile(os.Getenv(deskEnvCodes))
	if err != nil {
		t.Fatal(err)
	}
	codes := strings.Fields(string(b))
	day, desk := data.Day(os.Getenv(deskEnvDay)), os.Getenv(deskEnvName)
	if _, err := s.DeskCounts(ctx, day); err != nil { // the pool's first connection
		t.Fatal(err)
	}
	fmt.Println("READY")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(os.Stdout)
	news := 0
	for _, code := range codes {
		start := time.Now()
		r, err := admitCode(ctx, s, code, day, desk)
		took := time.Since(start)
		if err != nil {
			t.Fatalf("%s, %s: %v", desk, code, err)
		}
		if !r.Admitted || r.Checkin.ID == 0 {
			t.Fatalf("%s, %s: not admitted: %+v", desk, code, r)
		}
		if r.New {
			news++
		}
		fmt.Fprintf(w, "TOOK %d\n", took.Nanoseconds())
	}
	fmt.Fprintf(w, "NEW %d\n", news)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// reportPercentiles reports these percentiles of took, in milliseconds.
func reportPercentiles(b *testing.B, took []time.Duration, ps ...int) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	for _, p := range ps {
		name := fmt.Sprintf("p%d-ms", p)
		if p == 50 {
			name = "median-ms"
		}
		b.ReportMetric(float64(took[min(len(took)*p/100, len(took)-1)])/float64(time.Millisecond), name)
	}
}
