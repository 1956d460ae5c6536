package ui

import (
	"context"
	"sync/atomic"
	"time"

	"congres/data"
	"congres/export"
)

// Warming: the file keeps the reads that the screens repeat at each visit
// until it changes (data/kept_reads.go), but the first visit after the file
// opened, or after a write, read them while the person waited: the
// dashboard's numbers, 0.2 s of processor at 50,000 participants, the
// exports' counts, the participants list's order, the desk's counters;
// and the badges' fonts were loaded at the exports' first visit (issue 19:
// each screen within 300 ms). Once the file is open, and again once a
// write is over and the file quiet, one goroutine reads them ahead, one
// after the other, on one core, while the window has no read of its own
// under way: a read ahead under way when the window starts one of its own
// is stopped. A screen that asks for a read being warmed waits for it
// rather than reading it twice (keptRead). The reads are kept with the file's
// revision, so a write meanwhile makes them read again, never shown as
// they were.

// warmStore is what warming reads: what the screens' first visits read.
type warmStore interface {
	ReadsKey(ctx context.Context) (string, error)
	Stats(ctx context.Context) (data.Stats, error)
	ExpectedByDay(ctx context.Context) (map[data.Day]int, error)
	Regions(ctx context.Context) ([]string, error)
	ParticipantIDs(ctx context.Context, q data.ParticipantQuery) ([]int64, error)
	CountParticipants(ctx context.Context, q data.ParticipantQuery) (int, error)
	Arrived(ctx context.Context) (int, error)
	Congress(ctx context.Context) (data.Congress, error)
	DeskCounts(ctx context.Context, day data.Day) ([]data.DeskCount, error)
	RehearsalDeskCounts(ctx context.Context, day data.Day) ([]data.DeskCount, error)
}

// warmPoll is how often the file's state is looked at: a write is warmed
// for once the state has stayed the same for one look (the write and
// those that follow it, an import's, are over).
const warmPoll = 300 * time.Millisecond

// warmedQueries are the lists the screens read whole at their first
// visit: the participants in their usual order (the list's count and
// scroll bar). The exports count the badges of everyone not cancelled
// (warmedCounts), and read only the first page of them.
var warmedQueries = []data.ParticipantQuery{
	{},
}

// warmedCounts are what the exports count at their first visit: the
// badges of everyone not cancelled.
var warmedCounts = []data.ParticipantQuery{
	{SkipCancelled: true},
}

// warmReads reads ahead what the screens read at their first visit, once
// the file is open and after each write, until ctx ends; only while may
// says so, checked before each read: not while the window waits for a
// screen's own reads (a person's click comes first, and a read ahead
// would take the core it needs), nor while the welcome desk is shown (a
// desk that scans all day has no use for the dashboard's numbers after
// each arrival). A file's state is warmed for until all is read. Nothing
// is read ahead on a server, whose reads are not kept.
func warmReads(ctx context.Context, st warmStore, may func() bool) {
	tick := time.NewTicker(warmPoll)
	defer tick.Stop()
	var warmed, last string
	for {
		key, err := st.ReadsKey(ctx)
		if err != nil || key == "" {
			return // closed, or a server's
		}
		if key == last && key != warmed && warmOnce(ctx, st, may) {
			warmed = key
		}
		last = key
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// warmOnce reads each read ahead, the dashboard's first, while may says
// so; false when it stopped before the end. A read under way when may
// turns false is stopped there (its context cancelled), not finished:
// at 0.4 s after a write, the exports waited for the dashboard's numbers
// being read ahead, which took a core from their own reads (issue 19);
// unless the screen waits for that very read (readWhile). Errors are left
// to the screens, which read again and say them.
func warmOnce(ctx context.Context, st warmStore, may func() bool) bool {
	reads := []func(context.Context) error{
		func(ctx context.Context) error { _, err := st.Stats(ctx); return err },
	}
	for _, q := range warmedQueries {
		reads = append(reads, func(ctx context.Context) error { _, err := st.ParticipantIDs(ctx, q); return err })
	}
	for _, q := range warmedCounts {
		reads = append(reads, func(ctx context.Context) error { _, err := st.CountParticipants(ctx, q); return err })
	}
	reads = append(reads,
		func(ctx context.Context) error { _, err := st.Arrived(ctx); return err },
		func(ctx context.Context) error { _, err := st.Regions(ctx); return err },
		func(ctx context.Context) error { _, err := st.ExpectedByDay(ctx); return err },
		func(ctx context.Context) error { return warmDeskCounts(ctx, st, time.Now()) },
		func(context.Context) error { warmExportFonts(); return nil })
	for _, read := range reads {
		if !may() {
			return false
		}
		stopped, err := readWhile(ctx, read, may)
		if stopped {
			return false
		}
		if err != nil {
			return true // said by the screen that reads it
		}
	}
	return true
}

// firstReads reads what the first page shown after a file opens reads
// (the dashboard's numbers, or the welcome desk's counters when the window
// opens on the desk), while the file is checked (stores.OpenOrViewWarm):
// at 50,000 people each takes a core 0.1–0.15 s, side by side rather than
// one after the other (issue 19, BenchmarkOpenToDashboard50k). An error is
// left to the page, which reads again and says it.
func firstReads(desk bool) func(context.Context, *data.Store) {
	return func(ctx context.Context, st *data.Store) {
		if desk {
			warmDeskCounts(ctx, st, time.Now())
			return
		}
		st.Stats(ctx)
	}
}

// warmDeskCounts reads the welcome desk's counters of the day it records
// at its first visit (deskScreen.setDays: today's arrivals on a congress
// day, else the rehearsal of the first day), as now gives the calendar's
// day: at 50,000 people, 70–150 ms of the desk's first visit went to them
// (issue 19). The desk then reads them kept with the file's state, and
// adds what its journal holds: they stay exact.
func warmDeskCounts(ctx context.Context, st warmStore, now time.Time) error {
	c, err := st.Congress(ctx)
	if err != nil {
		return err
	}
	day, rehearsal := data.DeskDay(c.Days, data.Day(now.Format(time.DateOnly)))
	if rehearsal {
		_, err = st.RehearsalDeskCounts(ctx, day)
	} else {
		_, err = st.DeskCounts(ctx, day)
	}
	return err
}

// warmExportFonts loads the fonts the badges are drawn with, once for the
// process (export loads them at their first use): 90 ms of the exports'
// first visit at 50,000 people, in its badge preview (issue 19). They take
// some 40 MB, which the exports' first visit, or the desk's first badge,
// took anyway. The loading cannot be stopped, so it runs below the
// window's priority (atLowPriority), on a thread of its own that ends
// with it: a click just after the file opened is not slowed by it.
func warmExportFonts() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		atLowPriority(func() { export.MissingGlyphs("") })
	}()
	<-done
}

// warmWatch is how often a read ahead looks whether it may go on;
// warmGrace how long it goes on once it may not, for a screen that needs
// that very read to ask for it (and wait for it rather than read it
// again).
const (
	warmWatch = 10 * time.Millisecond
	warmGrace = 40 * time.Millisecond
)

// readWhile runs read, cancelling its context once may turned false,
// unless a screen waits for that read meanwhile; stopped says it was
// cancelled.
func readWhile(ctx context.Context, read func(context.Context) error, may func() bool) (stopped bool, err error) {
	var joined, cancelled atomic.Bool
	rctx, stop := context.WithCancel(data.WithJoined(ctx, &joined))
	defer stop()
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(warmWatch)
		defer tick.Stop()
		var since time.Time // when may turned false
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			switch {
			case joined.Load():
				return // a screen waits for it: read to the end
			case may():
				since = time.Time{}
			case since.IsZero():
				since = time.Now()
			case time.Since(since) >= warmGrace:
				cancelled.Store(true)
				stop()
				return
			}
		}
	}()
	err = read(rctx)
	close(done)
	return cancelled.Load() || ctx.Err() != nil, err
}
