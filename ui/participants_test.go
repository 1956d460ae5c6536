package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
)

func TestParticipantsScreen(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 60))
	e := newTestEnv(t)
	s := newParticipantsScreen(e, st)
	e.win.SetContent(s.build())

	s.loadAsync()
	waitIdle(t, e.tasks)
	if rows, _ := s.table.table.Length(); rows != 60 {
		t.Fatalf("table has %d rows, want 60", rows)
	}
	if got := s.count.Text; got != "60 participants" {
		t.Errorf("count = %q, want %q", got, "60 participants")
	}

	t.Run("SearchNarrows", func(t *testing.T) {
		last := s.table.rows[0][0]
		last = last[strings.LastIndex(last, " ")+1:]
		want, err := st.ListParticipants(context.Background(), data.ParticipantQuery{Search: last})
		if err != nil {
			t.Fatal(err)
		}
		test.Type(s.search, last)
		waitIdle(t, e.tasks)
		rows, _ := s.table.table.Length()
		if rows != len(want) || rows == 0 || rows >= 60 {
			t.Fatalf("searching %q shows %d rows, want %d (fewer than 60)", last, rows, len(want))
		}
		for _, r := range s.table.rows {
			if !strings.Contains(strings.Join(r, " "), last) {
				t.Errorf("row %q does not match %q", r, last)
			}
		}
	})

	t.Run("ClearingShowsAll", func(t *testing.T) {
		s.search.SetText("")
		waitIdle(t, e.tasks)
		if rows, _ := s.table.table.Length(); rows != 60 {
			t.Fatalf("table has %d rows, want 60", rows)
		}
	})

	t.Run("NoMatch", func(t *testing.T) {
		s.search.SetText("zzzzqqq")
		waitIdle(t, e.tasks)
		if rows, _ := s.table.table.Length(); rows != 0 {
			t.Fatalf("table has %d rows, want 0", rows)
		}
		if got := s.count.Text; got != "0 participants" {
			t.Errorf("count = %q", got)
		}
	})
}

// gatedStore holds back the searches for one text until released.
type gatedStore struct {
	*data.Store
	text string
	gate chan struct{}
}

func (g *gatedStore) ListParticipants(ctx context.Context, q data.ParticipantQuery) ([]data.ParticipantRow, error) {
	if q.Search == g.text {
		<-g.gate
	}
	return g.Store.ListParticipants(ctx, q)
}

func TestParticipantsStaleResultDropped(t *testing.T) {
	test.NewTempApp(t)
	st := &gatedStore{Store: mustOpen(t, demoFile(t, 30)), text: "zzzzqqq", gate: make(chan struct{})}
	e := newTestEnv(t)
	s := newParticipantsScreen(e, st)
	e.win.SetContent(s.build())

	s.searchAsync("zzzzqqq") // slow, and overtaken by the next one
	s.searchAsync("")
	waitFor(t, "the newer search", e.tasks, func() bool { return e.tasks.pending.Load() == 1 })
	if rows, _ := s.table.table.Length(); rows != 30 {
		t.Fatalf("table has %d rows, want 30", rows)
	}
	close(st.gate)
	waitIdle(t, e.tasks)
	if rows, _ := s.table.table.Length(); rows != 30 {
		t.Fatalf("the older search's result replaced the newer: %d rows, want 30", rows)
	}
}
