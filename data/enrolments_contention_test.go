package data_test

// Issue 16: the rules of a workshop hold when several processes write at
// once. Four stores are opened on one congress (four Opens of one file,
// four pools on one database) and race for its last seats; the engines'
// own locks (SQLite's one writer, the server's revision row locked by every
// write) must keep the capacity and the order of the waiting list.

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	. "congres/data"
	"congres/data/postgres"
)

// openAgain opens the congress of s once more, as another process would,
// while s stays open; the store returned is closed when the test ends.
func openAgain(tb testing.TB, s *Store) *Store {
	tb.Helper()
	where, ok := opened.Load(s)
	if !ok {
		tb.Fatalf("openAgain: %s was not opened by the suite", s.Location())
	}
	var s2 *Store
	var err error
	if onServer() {
		s2, err = postgres.OpenStore(ctx, where.(string))
	} else {
		s2, err = Open(ctx, where.(string))
	}
	if err != nil {
		tb.Fatalf("opening %s again: %v", s.Location(), err)
	}
	opened.Store(s2, where)
	tb.Cleanup(func() { s2.Close() })
	return s2
}

// call is one request of a racer: who, what it got, and when it was made
// and answered (by the racer's monotonic clock).
type call struct {
	id         int64
	status     EnrolmentStatus
	err        error
	sent, back time.Time
}

// race runs do for each id, the ids dealt in turn to the stores, each
// store's share in a goroutine of its own, all released at once; it
// returns every call.
func race(stores []*Store, ids []int64, do func(s *Store, id int64) (EnrolmentStatus, error)) []call {
	var mu sync.Mutex
	var calls []call
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, s := range stores {
		var mine []int64
		for j := i; j < len(ids); j += len(stores) {
			mine = append(mine, ids[j])
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for _, id := range mine {
				c := call{id: id, sent: time.Now()}
				c.status, c.err = do(s, id)
				c.back = time.Now()
				mu.Lock()
				calls = append(calls, c)
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	return calls
}

// watchSeats reads the session from s over and over until stop is closed,
// and reports any moment at which more people were enrolled than it seats.
func watchSeats(t *testing.T, s *Store, sessionID int64, seats int, stop <-chan struct{}) *sync.WaitGroup {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			se, err := s.Session(ctx, sessionID)
			if err != nil {
				t.Errorf("reading the workshop during the race: %v", err)
				return
			}
			if se.Enrolled > seats {
				t.Errorf("%d people enrolled at one moment in a workshop of %d seats", se.Enrolled, seats)
				return
			}
		}
	}()
	return &wg
}

func TestEnrolUnderContention(t *testing.T) {
	const seats, racers, perRacer = 6, 4, 10
	s := mustOpen(t)
	room := addRoom(t, s, "Atelier 1", 100)
	se := addSession(t, s, "Mobilités rurales", day1, "14:00", "15:30", room.ID)
	se.Capacity = seats
	if err := s.SaveSession(ctx, &se); err != nil {
		t.Fatal(err)
	}
	// Two seats are taken before the race: four processes race for the last four.
	var early []int64
	for i := range 2 {
		p := addPerson(t, s, "Tôt", fmt.Sprintf("Inscrit %d", i))
		if _, err := s.Enrol(ctx, p.ID, se.ID); err != nil {
			t.Fatal(err)
		}
		early = append(early, p.ID)
	}
	var ids []int64
	for i := range racers * perRacer {
		ids = append(ids, addPerson(t, s, "Candidat", fmt.Sprintf("N°%02d", i)).ID)
	}
	stores := []*Store{s}
	for range racers - 1 {
		stores = append(stores, openAgain(t, s))
	}

	stop := make(chan struct{})
	watching := watchSeats(t, s, se.ID, seats, stop)
	calls := race(stores, ids, func(s *Store, id int64) (EnrolmentStatus, error) { return s.Enrol(ctx, id, se.ID) })
	close(stop)
	watching.Wait()

	got := map[int64]call{}
	for _, c := range calls {
		if c.err != nil {
			t.Fatalf("enrolling %d: %v", c.id, c.err)
		}
		got[c.id] = c
	}
	list, err := s.SessionEnrolments(ctx, se.ID)
	if err != nil {
		t.Fatal(err)
	}
	var enrolled, waiting []Enrolment
	for _, e := range list {
		if e.Status == Enrolled {
			enrolled = append(enrolled, e)
		} else {
			waiting = append(waiting, e)
		}
		if c, ok := got[e.ParticipantID]; ok && c.status != e.Status {
			t.Errorf("participant %d was told %s, and is %s", e.ParticipantID, c.status, e.Status)
		}
	}
	t.Run("CapacityExactly", func(t *testing.T) {
		if len(enrolled) != seats || len(waiting) != len(ids)+len(early)-seats {
			t.Fatalf("%d enrolled and %d waiting, want %d and %d", len(enrolled), len(waiting), seats, len(ids)+len(early)-seats)
		}
		if se, err := s.Session(ctx, se.ID); err != nil || se.Enrolled != seats || se.Waitlisted != len(waiting) {
			t.Fatalf("the workshop counts %d enrolled and %d waiting (%v)", se.Enrolled, se.Waitlisted, err)
		}
	})
	t.Run("WaitingListInOrderOfRequest", func(t *testing.T) {
		checkQueueOrder(t, got, waiting)
		// Nobody got a seat by asking after someone was told to wait.
		for _, e := range enrolled {
			for _, w := range waiting {
				if got[w.ParticipantID].back.Before(got[e.ParticipantID].sent) {
					t.Errorf("%d got a seat, asked after %d was put on the waiting list", e.ParticipantID, w.ParticipantID)
				}
			}
		}
	})

	t.Run("CancelWhileOthersEnrol", func(t *testing.T) {
		// Each process cancels one seat and one place in the queue, and
		// enrols a late comer, all at once: the seats freed go to the
		// first in the queue, never above the capacity.
		var cancel []int64
		for i := range racers {
			cancel = append(cancel, enrolled[i].ParticipantID, waiting[len(waiting)-1-i].ParticipantID)
		}
		var late []int64
		for i := range racers {
			late = append(late, addPerson(t, s, "Tardif", fmt.Sprintf("N°%d", i)).ID)
		}
		stop := make(chan struct{})
		watching := watchSeats(t, s, se.ID, seats, stop)
		work := append(slices.Clone(cancel), late...)
		lateSet := map[int64]bool{}
		for _, id := range late {
			lateSet[id] = true
		}
		calls := race(stores, work, func(s *Store, id int64) (EnrolmentStatus, error) {
			if lateSet[id] {
				return s.Enrol(ctx, id, se.ID)
			}
			return Withdrawn, s.CancelEnrolment(ctx, id, se.ID)
		})
		close(stop)
		watching.Wait()
		for _, c := range calls {
			if c.err != nil {
				t.Fatalf("%d: %v", c.id, c.err)
			}
			if lateSet[c.id] && c.status != Waitlisted {
				t.Errorf("late comer %d got %s while others wait", c.id, c.status)
			}
		}

		// Whatever the order of the cancellations, the seats end with those
		// left enrolled and the first of the queue still in it.
		gone := map[int64]bool{}
		for _, id := range cancel {
			gone[id] = true
		}
		var want []int64
		for _, e := range enrolled {
			if !gone[e.ParticipantID] {
				want = append(want, e.ParticipantID)
			}
		}
		var queue []int64
		for _, w := range waiting {
			if !gone[w.ParticipantID] {
				queue = append(queue, w.ParticipantID)
			}
		}
		promoted := seats - len(want)
		want = append(want, queue[:promoted]...)
		stillWaiting := append(slices.Clone(queue[promoted:]), late...)

		after, err := s.SessionEnrolments(ctx, se.ID)
		if err != nil {
			t.Fatal(err)
		}
		var nowEnrolled, nowWaiting []int64
		var queueAfter []Enrolment
		for _, e := range after {
			if e.Status == Enrolled {
				nowEnrolled = append(nowEnrolled, e.ParticipantID)
			} else {
				nowWaiting = append(nowWaiting, e.ParticipantID)
				queueAfter = append(queueAfter, e)
			}
		}
		slices.Sort(want)
		slices.Sort(nowEnrolled)
		if !slices.Equal(nowEnrolled, want) {
			t.Errorf("enrolled after the cancellations: %v, want %v", nowEnrolled, want)
		}
		// The queue keeps its order; the late comers join its end, in the
		// order they asked.
		if !slices.Equal(nowWaiting[:len(queue)-promoted], stillWaiting[:len(queue)-promoted]) {
			t.Errorf("waiting after the cancellations: %v, want %v first", nowWaiting, stillWaiting[:len(queue)-promoted])
		}
		lateCalls := map[int64]call{}
		for _, c := range calls {
			if lateSet[c.id] {
				lateCalls[c.id] = c
			}
		}
		checkQueueOrder(t, lateCalls, queueAfter[len(queue)-promoted:])
	})
}

// checkQueueOrder checks a waiting list against the calls that made it:
// its places are in the order of the times they were taken, and a person
// whose request was answered before another's was made comes first.
func checkQueueOrder(t *testing.T, calls map[int64]call, queue []Enrolment) {
	t.Helper()
	for i, w := range queue {
		if w.Position == 0 || (i > 0 && w.Position <= queue[i-1].Position) {
			t.Errorf("waiting list positions out of order: %d after %d", w.Position, queue[i-1].Position)
		}
		if i > 0 && w.At.Before(queue[i-1].At) {
			t.Errorf("place %d taken at %v, before place %d at %v", w.Position, w.At, queue[i-1].Position, queue[i-1].At)
		}
		for _, v := range queue[i+1:] {
			cw, okw := calls[w.ParticipantID]
			cv, okv := calls[v.ParticipantID]
			if okw && okv && cv.back.Before(cw.sent) {
				t.Errorf("%d waits behind %d, whose request was answered before it asked", v.ParticipantID, w.ParticipantID)
			}
		}
	}
}
