package data

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkAdmitWhileImporting100k measures how long a check-in waits while
// an import of 100,000 registrations runs: a check-in every 50 ms from the
// import's start to its end. It reports the longest wait (the check-ins
// that fall while the import writes) and the median.
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
		guest := Participant{FirstName: "Paul", LastName: "Porte", CategoryID: category(b, s, "Adhérent·e"), Days: []Day{"2021-11-25"}}
		if err := s.CreateParticipant(ctx, &guest); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		done := make(chan error)
		go func() {
			_, err := s.Import(ctx, ImportSource{Path: path}, ImportOptions{Mapping: importBenchMapping})
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
			_, err := s.Admit(c, AdmitRequest{ParticipantID: guest.ID, Day: "2021-11-25", Desk: "Bench",
				Accept: []DeskWarningKind{WarnAlreadyIn}})
			cancel()
			if err != nil {
				b.Fatal(err)
			}
			waits = append(waits, time.Since(start))
		}
		b.StopTimer()
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
