package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
)

// slowStatsStore holds Stats back until release is closed, as a congress
// of 50,000 people does for most of a second.
type slowStatsStore struct {
	*data.Store
	release chan struct{}
}

func (s *slowStatsStore) Stats(ctx context.Context) (data.Stats, error) {
	<-s.release
	return s.Store.Stats(ctx)
}

// The dashboard shows the congress and its counts at once, with a progress
// bar while the rest is read; then the rest, and the bar goes.
func TestDashboardShowsCountsFirst(t *testing.T) {
	test.NewTempApp(t)
	st := &slowStatsStore{Store: mustOpen(t, demoFile(t, 60)), release: make(chan struct{})}
	e := newTestEnv(t)
	s := newDashboardScreen(e, st)
	e.win.SetContent(s.build())
	s.loadAsync()
	counts, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := formatCount(counts.Registered)
	waitFor(t, "the counts while the rest is read", e.tasks, func() bool { return s.cards[0].number.Text == want })
	if s.name.Text == "" || !s.progress.Visible() {
		t.Errorf("before the rest is read: name %q, progress shown %v", s.name.Text, s.progress.Visible())
	}
	if len(s.byCategory.bars) != 0 {
		t.Error("the categories are shown before they are read")
	}
	close(st.release)
	waitIdle(t, e.tasks)
	if s.progress.Visible() || len(s.byCategory.bars) == 0 {
		t.Errorf("once read: progress shown %v, %d category bars", s.progress.Visible(), len(s.byCategory.bars))
	}
	if s.cards[0].number.Text != want {
		t.Errorf("registered reads %q, want %q", s.cards[0].number.Text, want)
	}
}

// The stats read each participant once: their counts agree with the
// counts by status.
func TestDashboardCountsAgreeWithStats(t *testing.T) {
	st := mustOpen(t, demoFile(t, 200))
	ctx := context.Background()
	counts, err := st.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Registered != stats.Registered || counts.Pending != stats.Pending ||
		counts.Confirmed != stats.Confirmed || counts.Cancelled != stats.Cancelled || counts.Registered == 0 {
		t.Errorf("counts %+v, stats %d %d %d %d", counts, stats.Registered, stats.Pending, stats.Confirmed, stats.Cancelled)
	}
}
