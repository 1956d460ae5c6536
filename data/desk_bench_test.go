package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// The desk's benchmarks run on a 100,000-participant demo. It is kept
// between runs in the temporary folder (a file per format): each scan
// checks in on the second day someone who has not arrived yet, and the file
// is written again when fewer than minFresh remain.
var (
	bench100kOnce sync.Once
	bench100kPath string
	bench100kErr  error
)

const minFresh = 20_000

func bench100kStore(b *testing.B) *Store {
	b.Helper()
	bench100kOnce.Do(func() {
		dir := filepath.Join(os.TempDir(), "congres-bench")
		if bench100kErr = os.MkdirAll(dir, 0o700); bench100kErr != nil {
			return
		}
		bench100kPath = filepath.Join(dir, fmt.Sprintf("demo100k-v%d%s", SchemaVersion(), Extension))
		if s, err := Open(context.Background(), bench100kPath); err == nil {
			n := len(freshCodes(b, s))
			s.Close()
			if n >= minFresh {
				return
			}
		}
		RemoveFile(bench100kPath)
		bench100kErr = WriteDemo(context.Background(), bench100kPath, DemoOptions{Participants: 100_000})
	})
	if bench100kErr != nil {
		b.Fatal(bench100kErr)
	}
	s, err := Open(context.Background(), bench100kPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkAdmit100k is a scan at the desk on the second morning of a
// 100,000-person congress: the code read from the badge is looked up, then
// the person is checked in (every warning accepted, as a volunteer would
// after reading them), one write transaction with synchronous=FULL. It
// reports the median and the 99th percentile of the time from scan to
// checked in.
func BenchmarkAdmit100k(b *testing.B) {
	s := bench100kStore(b)
	ctx := context.Background()
	codes := freshCodes(b, s)
	var took []time.Duration
	for b.Loop() {
		if len(took) == len(codes) {
			b.Fatal("everyone is checked in")
		}
		code := codes[len(took)]
		start := time.Now()
		id, err := s.ParticipantIDByCode(ctx, code)
		if err != nil {
			b.Fatal(err)
		}
		r, err := s.Admit(ctx, AdmitRequest{ParticipantID: id, Day: demoDay2, Desk: "Accueil 1", Accept: DeskWarningKinds})
		if err != nil || !r.New {
			b.Fatal(r, err)
		}
		took = append(took, time.Since(start))
	}
	reportLatency(b, took)
}

// BenchmarkDeskCard100k is the card shown when a name is picked: no write.
func BenchmarkDeskCard100k(b *testing.B) {
	s := bench100kStore(b)
	ctx := context.Background()
	codes := freshCodes(b, s)
	i := 0
	for b.Loop() {
		id, err := s.ParticipantIDByCode(ctx, codes[i%len(codes)])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.DeskCard(ctx, id, demoDay1, 0); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkDeskCounts100k is the live counters, refreshed after a scan:
// the first day, when some 85,000 people have arrived.
func BenchmarkDeskCounts100k(b *testing.B) {
	s := bench100kStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.DeskCounts(ctx, demoDay1); err != nil {
			b.Fatal(err)
		}
	}
}

// freshCodes returns the codes of the people not arrived on the second
// day, in the order of their IDs.
func freshCodes(tb testing.TB, s *Store) []string {
	tb.Helper()
	rows, err := s.r.QueryContext(context.Background(), `SELECT code FROM participant WHERE id NOT IN (
		SELECT participant_id FROM checkin WHERE day = ? AND kind = 'arrival') ORDER BY id`, demoDay2)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			tb.Fatal(err)
		}
		codes = append(codes, c)
	}
	return codes
}

// reportLatency reports the median and the 99th percentile of took, in ms.
func reportLatency(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(took[len(took)/2]), "median-ms")
	b.ReportMetric(ms(took[len(took)*99/100]), "p99-ms")
}
