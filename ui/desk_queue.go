package ui

import (
	"context"
	"log"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2/lang"

	"congres/data"
)

// The desk's queue of scans: Enter queues what was scanned or typed, on
// the UI thread, and one worker takes the queue in order (desk_scan.go).

// deskScans is the queue of scans, and what the desk remembers of the last
// one.
type deskScans struct {
	mu      sync.Mutex
	queue   []deskScan
	running bool     // a worker is taking the queue
	shows   []func() // results waiting for the UI thread, in order: one fyne.Do for them all

	waiting int       // UI thread: scans submitted whose result is not shown yet
	owed    bool      // UI thread: the counters are to be read once the queue is empty
	last    string    // UI thread: the last text submitted, normalised
	lastAt  time.Time // UI thread: when (s.now)
	// shownFor is the last text whose scan put its person, shownID, on the
	// card; down is that card, taken down by the first key of the next
	// scan: if it is the same code again, the card comes back.
	shownFor string
	shownID  int64
	down     *deskShown
}

// pushScanAsync queues a scan, and starts the worker when none runs. UI
// thread.
func (s *deskScreen) pushScanAsync(sc deskScan) {
	s.scans.waiting++
	s.env.tasks.hold()
	s.stopCounting() // the scan first (desk_counts.go)
	sc.stages = newDeskStages("scan", sc.at)
	if sc.stages != nil {
		sc.stages.text = sc.text
	}
	q := &s.scans
	q.mu.Lock()
	start := !q.running
	if start && q.waiting == 1 { // the first in the queue, and no result waits to be shown: its result is the next one
		sc.handover = newDeskHandover()
	}
	q.queue = append(q.queue, sc)
	q.running = true
	q.mu.Unlock()
	if start {
		go s.takeScans(s.env.ctx)
	}
	if sc.handover != nil {
		s.awaitScan(sc.handover)
	}
}

// deskScanHandover is how long the UI thread waits for the result of a scan
// that nothing else waits before: a check-in takes a few milliseconds, and
// its card, shown at once, goes into the frame that the window draws next
// (with the field emptied), rather than waiting for that frame (20 ms and
// more in software GL) and for the one after it.
const deskScanHandover = 8 * time.Millisecond

// deskHandover hands a scan's result from the worker to the UI thread
// that waits for it, unless the UI thread stopped waiting first: the result
// then goes through fyne.Do, as any other.
type deskHandover struct {
	state  atomic.Int32 // handoverWaiting, handoverGiven, handoverGivenUp
	result chan func()
}

const (
	handoverWaiting int32 = iota
	handoverGiven
	handoverGivenUp
)

func newDeskHandover() *deskHandover { return &deskHandover{result: make(chan func(), 1)} }

// give hands show to the UI thread if it still waits; it reports whether
// it did. Worker.
func (h *deskHandover) give(show func()) bool {
	if h == nil || !h.state.CompareAndSwap(handoverWaiting, handoverGiven) {
		return false
	}
	h.result <- show
	return true
}

// decline tells the UI thread, if it still waits, to wait no more: the
// result goes through fyne.Do. Worker.
func (h *deskHandover) decline() {
	if h != nil && h.state.CompareAndSwap(handoverWaiting, handoverGivenUp) {
		h.result <- nil
	}
}

// awaitScan waits, for deskScanHandover at most, for the result of the
// scan just queued, and shows it. UI thread.
func (s *deskScreen) awaitScan(h *deskHandover) { s.awaitResult(h, deskScanHandover) }

// awaitResult waits, for at most wait, for the result that h hands over,
// and shows it; a result that comes later goes through fyne.Do. UI thread.
func (s *deskScreen) awaitResult(h *deskHandover, wait time.Duration) {
	t := time.NewTimer(wait)
	defer t.Stop()
	var show func()
	select {
	case show = <-h.result:
	case <-t.C:
		if !h.state.CompareAndSwap(handoverWaiting, handoverGivenUp) {
			show = <-h.result // given, or declined, just now
		}
	}
	if show != nil {
		show()
	}
}

// takeScans handles the queued scans one after the other, and shows each
// result on the UI thread, in order. Once the file is closed (or replaced,
// or restored), the scans still queued are not recorded: it says how many.
func (s *deskScreen) takeScans(ctx context.Context) {
	q := &s.scans
	for {
		q.mu.Lock()
		if ctx.Err() != nil {
			dropped := len(q.queue)
			q.queue, q.running = nil, false
			q.mu.Unlock()
			s.dropScans(dropped)
			return
		}
		if len(q.queue) == 0 {
			q.running = false
			q.mu.Unlock()
			return
		}
		sc := q.queue[0]
		q.queue = slices.Delete(q.queue, 0, 1)
		q.mu.Unlock()
		sc.stages.mark("worker")
		update, named, found := s.handleScan(ctx, sc)
		sc.stages.mark("admitted")
		show := func() {
			defer s.env.tasks.release()
			sc.stages.mark("ui")
			s.scans.waiting--
			if ctx.Err() != nil {
				return
			}
			if !named {
				s.forget(sc.text)
			}
			update()
			s.scans.down = nil // a newer card is up: the one taken down is not to come back
			s.scans.shownFor, s.scans.shownID = "", 0
			if sc.text != "" && s.shown != nil {
				s.scans.shownFor, s.scans.shownID = data.NormaliseCode(sc.text), s.shown.Participant.ID
			}
			logDeskTiming("scan-to-card", sc.at)
			sc.stages.mark("applied")
			s.timeFrame(sc.stages, "scan-to-frame")
			if s.scans.waiting == 0 && s.scans.owed {
				s.scans.owed = false
				s.countOwedAsync()
			}
		}
		// A person's card goes straight to the UI thread waiting for it;
		// anything else (a name that several people match goes back into
		// the field, unless keys were typed meanwhile) as before.
		if !found {
			sc.handover.decline()
		} else if sc.handover.give(show) {
			continue
		}
		q.mu.Lock()
		first := len(q.shows) == 0
		q.shows = append(q.shows, show)
		q.mu.Unlock()
		if first {
			s.env.tasks.onUI(s.showResults)
		}
	}
}

// showResults shows the results of the scans handled, in order: all that
// came since the last frame in one turn of the UI thread, so that a burst
// of scans is not drawn one frame per card (20 ms and more each in
// software GL) while the scans wait. UI thread.
func (s *deskScreen) showResults() {
	q := &s.scans
	q.mu.Lock()
	shows := q.shows
	q.shows = nil
	q.mu.Unlock()
	for _, show := range shows {
		show()
	}
}

// dropScans tells that n scans queued were not recorded, the file being
// closed: a log line, and a message over the window. It releases their
// holds.
func (s *deskScreen) dropScans(n int) {
	if n == 0 {
		return
	}
	log.Printf("desk: %d scans queued were not recorded: the file was closed", n)
	s.env.tasks.onUI(func() {
		for range n {
			s.env.tasks.release()
		}
		s.scans.waiting -= n
		showNotice(s.env.win, lang.L("Scans not recorded"),
			lang.N("{{.Count}} scans waiting at the desk were not recorded: the file was closed. Scan them again.", n,
				map[string]any{"Count": formatCount(n)}))
	})
}

// countAfterScansAsync reads the counters again, once the scans queued are
// checked in: one reading of the day's thousands of people for a burst of
// scans, not one per scan.
func (s *deskScreen) countAfterScansAsync() {
	if s.scans.waiting > 0 {
		s.scans.owed = true
		return
	}
	s.countAsync()
}
