package ui

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
)

// deskBench is the desk on a demo congress of 50,000 people, the widgets
// updated on the benchmark's goroutine as the app does on its main one.
type deskBench struct {
	st    *data.Store
	e     *env
	s     *deskScreen
	codes []string // codes of people not checked in yet, last created first
	timed *timedDeskStore
}

// timedDeskStore times the check-ins: the store's part of a scan.
type timedDeskStore struct {
	*data.Store
	admits []time.Duration
}

func (t *timedDeskStore) Admit(ctx context.Context, req data.AdmitRequest) (data.AdmitResult, error) {
	start := time.Now()
	r, err := t.Store.Admit(ctx, req)
	t.admits = append(t.admits, time.Since(start)) // one worker: no race
	return r, err
}

func newDeskBench(b *testing.B) *deskBench {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "demo50k"+data.Extension)
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: 50_000}); err != nil {
		b.Fatal(err)
	}
	st, err := stores.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	st.SetClock(func() time.Time { return deskMorning })
	a := test.NewTempApp(b)
	d := &deskBench{st: st, e: &env{ctx: ctx, win: test.NewTempWindow(b, nil), tasks: newTestTasks()}}
	d.timed = &timedDeskStore{Store: st}
	d.s = newDeskScreen(d.e, d.timed, a.Preferences(), nil)
	clock := deskMorning
	d.s.now = func() time.Time { clock = clock.Add(3 * time.Second); return clock } // no scan is a repeat
	d.e.win.SetContent(d.s.build())
	d.e.win.Resize(fyne.NewSize(1180, 760))
	d.s.loadAsync()
	d.until(b, d.e.tasks.idle)
	ids, err := st.ParticipantIDs(ctx, data.ParticipantQuery{Sort: data.SortCreated})
	if err != nil {
		b.Fatal(err)
	}
	rows, err := st.ParticipantRows(ctx, ids[len(ids)-20_000:])
	if err != nil {
		b.Fatal(err)
	}
	for i := len(rows) - 1; i >= 0; i-- {
		d.codes = append(d.codes, rows[i].Code)
	}
	return d
}

// until runs the updates of background work as they come, until cond holds.
func (d *deskBench) until(b *testing.B, cond func() bool) {
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		select {
		case update := <-d.e.tasks.queue:
			update()
		case <-time.After(time.Millisecond):
			if time.Now().After(deadline) {
				b.Fatal("the desk did not settle")
			}
		}
	}
}

func reportTimes(b *testing.B, took []time.Duration, prefix string) {
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, prefix+"median-ms")
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, prefix+"p95-ms")
}

// BenchmarkDeskSpeed50k measures the welcome desk at 50,000 participants,
// as the window runs it (store work in the background, the widgets on the
// benchmark's goroutine): "scan" is a badge's code typed key by key (each
// key searching names, one search at a time), then Enter, to the card of
// the person checked in shown; "keystroke" is one key of a name typed to
// its matches shown. Each reports its median and 95th percentile; "scan"
// also the store's check-in alone (admit-), written with synchronous=FULL.
func BenchmarkDeskSpeed50k(b *testing.B) {
	d := newDeskBench(b)
	s := d.s
	b.Run("scan", func(b *testing.B) {
		d.timed.admits = nil
		var took []time.Duration
		i := 0
		for b.Loop() {
			code := d.codes[i%len(d.codes)]
			i++
			test.Type(s.entry, code)
			start := time.Now()
			s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			d.until(b, func() bool { return s.scans.waiting == 0 })
			took = append(took, time.Since(start))
			if s.shown == nil || s.shown.Participant.Code != code {
				b.Fatalf("%s: the card shows %+v", code, s.shown)
			}
			d.until(b, d.e.tasks.idle) // the counters, before the next person steps up
		}
		reportTimes(b, took, "")
		reportTimes(b, d.timed.admits, "admit-")
	})
	b.Run("keystroke", func(b *testing.B) {
		var keys []string // each key of the names typed; "" between names
		for _, name := range participantsTyped {
			for _, r := range name {
				keys = append(keys, string(r))
			}
			keys = append(keys, "")
		}
		var took []time.Duration
		i := 0
		for b.Loop() {
			key := keys[i%len(keys)]
			i++
			if key == "" {
				s.entry.SetText("")
				d.until(b, d.e.tasks.idle)
				continue
			}
			start := time.Now()
			s.entry.TypedRune([]rune(key)[0])
			d.until(b, func() bool { return !s.search.inFlight && s.search.since.IsZero() })
			took = append(took, time.Since(start))
		}
		reportTimes(b, took, "")
	})
}
