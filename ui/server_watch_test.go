package ui

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
)

// TestDeskFollowsTheOtherDesks: two desks on a congress kept on a real
// server; an arrival at the one shows in the other's counters from the
// server's notification (the counters' own timer set to an hour, so that
// nothing else could update them).
func TestDeskFollowsTheOtherDesks(t *testing.T) {
	defer func(d time.Duration) { deskCountsEvery = d }(deskCountsEvery)
	deskCountsEvery = time.Hour
	ctx := context.Background()
	target := storetest.NewDatabase(t)
	if err := stores.Copy(ctx, demoFile(t, 60), target, nil); err != nil {
		t.Fatal(err)
	}
	other, err := stores.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	mine, err := stores.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer mine.Close()
	now := deskMorning
	mine.SetClock(func() time.Time { return now })

	test.NewTempApp(t)
	e := newTestEnv(t)
	m := newMainView(e, mine, fyne.CurrentApp().Preferences(), func(string) {})
	desk := m.pages[deskPage].screen.(*deskScreen)
	desk.now = func() time.Time { return now }
	e.win.SetContent(m.build())
	e.win.Resize(fyne.NewSize(1100, 700))
	m.show(deskPage)
	waitIdle(t, e.tasks)
	before := desk.counts.total.Text
	if !strings.Contains(before, "Checked in:") {
		t.Fatalf("counters %q", before)
	}

	ids, err := other.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	admitted := 0
	for _, id := range ids {
		r, err := other.Admit(ctx, data.AdmitRequest{ParticipantID: id, Day: deskDay, Desk: "Desk 1"})
		if err == nil && r.Admitted && r.New {
			admitted++
			break
		}
	}
	if admitted == 0 {
		t.Fatal("the other desk checked nobody in")
	}
	deadline := time.Now().Add(15 * time.Second)
	for desk.counts.total.Text == before {
		if time.Now().After(deadline) {
			t.Fatalf("the other desk's arrival never reached the counters: %q", desk.counts.total.Text)
		}
		time.Sleep(50 * time.Millisecond)
		waitIdle(t, e.tasks)
	}
}

// lossyStore is a congress whose server the test loses and gets back: the
// window hears it as it hears data.Store's watcher.
type lossyStore struct {
	openStore
	mu   sync.Mutex
	lost bool
	subs []func(data.ServerEvent)
}

func (s *lossyStore) Subscribe(fn func(data.ServerEvent)) func() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subs = append(s.subs, fn)
	return func() {}
}

func (s *lossyStore) ServerLostNow() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lost
}

func (s *lossyStore) tell(e data.ServerEvent) {
	s.mu.Lock()
	s.lost = e == data.ServerLost
	subs := s.subs
	s.mu.Unlock()
	for _, fn := range subs {
		fn(e)
	}
}

// TestServerLostBanner: while the congress's server does not answer, a
// banner across the window says so, in the user's language; it goes when
// the server is back.
func TestServerLostBanner(t *testing.T) {
	u := newTestUI(t)
	st := &lossyStore{openStore: mustOpen(t, demoFile(t, 10))}
	c, err := st.Congress(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	u.show(st, c)
	waitIdle(t, &u.tasks)
	says := func() bool { return richTextSays(u.win.Content(), "The server does not answer") }
	if says() {
		t.Fatal("a banner before anything was lost")
	}
	st.tell(data.ServerLost)
	waitFor(t, "the banner", &u.tasks, says)
	st.tell(data.ServerBack)
	waitFor(t, "the banner to go", &u.tasks, func() bool { return !says() })
}

// richTextSays reports whether a rich text in o holds text.
func richTextSays(o fyne.CanvasObject, text string) bool {
	switch o := o.(type) {
	case *widget.RichText:
		return strings.Contains(o.String(), text)
	case *fyne.Container:
		for _, c := range o.Objects {
			if richTextSays(c, text) {
				return true
			}
		}
	}
	return false
}
