package data

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkAdmitWhileImporting100k measures how long a check-in waits while
// an import of 100,000 registrations runs: a check-in of someone new every
// 50 ms from the import's start to its end. It reports the longest wait
// (the check-ins that fall while the import writes, held in the desk's
// journal after heldAfter) and the median, and checks that each check-in
// is in the file once the import is done.
func BenchmarkAdmitWhileImporting100k(b *testing.B) {
	path := registrationsCSV(b)
	var worst, median []time.Duration
	for b.Loop() {
		b.StopTimer()
		s, err := Create(ctx, filepath.Join(b.TempDir(), "desk"+Extension), Congress{
			Name: "Congrès", Days: []Day{"2021-11-25", "2021-11-26"},
		})
		if err != nil {
			b.Fatal(err)
		}
		// A different guest at each check-in, so that each writes.
		guests := make([]Participant, 400)
		for i := range guests {
			guests[i] = Participant{FirstName: "Paul", LastName: fmt.Sprintf("Porte %d", i), CategoryID: category(b, s, "Adhérent·e"), Days: []Day{"2021-11-25"}}
			if err := s.CreateParticipant(ctx, &guests[i]); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		done := make(chan error)
		go func() {
			_, err := s.Import(ctx, sheetFile(path), ImportOptions{Mapping: importBenchMapping})
			done <- err
		}()
		var waits []time.Duration
	loop:
		for {
			select {
			case err := <-done:
				if err != nil {
					b.Fatal(err)
				}
				break loop
			case <-time.After(50 * time.Millisecond):
			}
			c, cancel := context.WithTimeout(ctx, 2*time.Minute)
			start := time.Now()
			r, err := s.Admit(c, AdmitRequest{ParticipantID: guests[len(waits)].ID, Day: "2021-11-25", Desk: "Bench"})
			cancel()
			if err != nil || !r.New {
				b.Fatal(err, r)
			}
			waits = append(waits, time.Since(start))
		}
		b.StopTimer()
		// Every check-in is in the file once the import is done.
		for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
			n, err := s.HeldCheckins(ctx)
			if err != nil || n == 0 || time.Now().After(deadline) {
				if n != 0 {
					b.Fatal(n, "check-ins still held", err)
				}
				break
			}
		}
		for _, g := range guests[:len(waits)] {
			if log, err := s.CheckinLog(ctx, g.ID); err != nil || len(log) != 1 {
				b.Fatal(g.LastName, log, err)
			}
		}
		s.Close()
		slices.Sort(waits)
		worst = append(worst, waits[len(waits)-1])
		median = append(median, waits[len(waits)/2])
		b.StartTimer()
	}
	slices.Sort(worst)
	slices.Sort(median)
	b.ReportMetric(worst[len(worst)/2].Seconds(), "worst-wait-s")
	b.ReportMetric(median[len(median)/2].Seconds(), "median-wait-s")
}
