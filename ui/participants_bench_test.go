package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
)

// participantsTyped are searches as an organiser types them: every prefix
// is a keystroke.
var participantsTyped = []string{"beas", "eric b", "dupont", "lille", "martin", "le goff", "nguyen", "jean-p"}

// participantKeystrokes lists every prefix of the words typed, in order.
func participantKeystrokes(words []string) []string {
	var keys []string
	for _, w := range words {
		for i := range w {
			if i > 0 && w[i-1] != ' ' {
				keys = append(keys, w[:i])
			}
		}
		keys = append(keys, w)
	}
	return keys
}

// newParticipantsBench shows the participants screen of the
// 50,000-participant demo, written for this run, in a window of the test
// app.
func newParticipantsBench(b *testing.B) *participantsScreen {
	b.Helper()
	path := filepath.Join(b.TempDir(), "demo50k"+data.Extension)
	if err := data.WriteDemo(context.Background(), path, data.DemoOptions{Participants: 50000}); err != nil {
		b.Fatal(err)
	}
	st, err := stores.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	test.NewTempApp(b)
	e := &env{ctx: context.Background(), win: test.NewTempWindow(b, nil), tasks: &tasks{}}
	s := newParticipantsScreen(e, st, nil)
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1180, 760))
	return s
}

// typeAndShow is what follows a keystroke once typing pauses, as
// queryAsync does it, but on one goroutine: the first IDs and their page
// read for the text in the search box, then the table refreshed. With all,
// it goes on as completeAsync does: all the IDs read, the count and the
// table's length refreshed.
func typeAndShow(b *testing.B, s *participantsScreen, text string, all bool) {
	s.search.Text = text // as typed; the debounce is not what is measured
	q := s.query()
	res, err := s.fetch(context.Background(), q, []int{0})
	if err != nil {
		b.Fatal(err)
	}
	s.show(s.latest.Add(1), res, true)
	if all && !res.complete {
		ids, err := s.store.ParticipantIDs(context.Background(), q)
		if err != nil {
			b.Fatal(err)
		}
		s.showAll(ids)
	}
}

// BenchmarkParticipantsKeystroke50k measures a keystroke in the participant
// search, to the table refreshed, on the 50,000-participant demo. An
// operation is one keystroke; the words are typed over and over. Besides
// the mean (ns/op), it reports the median keystroke. "typing" is the table
// refreshed with the rows on screen; "typing_then_count" goes on until the
// count and the whole list are there too.
func BenchmarkParticipantsKeystroke50k(b *testing.B) {
	s := newParticipantsBench(b)
	keys := participantKeystrokes(participantsTyped)
	for _, all := range []bool{false, true} {
		name := "typing"
		if all {
			name = "typing_then_count"
		}
		b.Run(name, func(b *testing.B) {
			var took []time.Duration
			i := 0
			for b.Loop() {
				start := time.Now()
				typeAndShow(b, s, keys[i%len(keys)], all)
				took = append(took, time.Since(start))
				i++
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "median-ns/keystroke")
			b.ReportMetric(float64(took[len(took)*9/10].Nanoseconds()), "p90-ns/keystroke")
		})
	}
	for _, text := range []string{"b", "be", "bea", "beas", "eric", "eric b", "dupont", "lille"} {
		b.Run(strings.ReplaceAll(text, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				typeAndShow(b, s, text, false)
			}
		})
	}
}
