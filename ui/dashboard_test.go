package ui

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

func TestDashboardNumbers(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 200))
	e := newTestEnv(t)
	s := newDashboardScreen(e, st)
	e.win.SetContent(s.build())
	s.loadAsync()
	waitIdle(t, e.tasks)

	ctx := context.Background()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("Counts", func(t *testing.T) {
		for i, want := range []int{stats.Registered, stats.Confirmed, stats.Pending, stats.Cancelled} {
			if got := s.cards[i].number.Text; got != strconv.Itoa(want) {
				t.Errorf("tile %d shows %s, want %d", i, got, want)
			}
		}
	})

	t.Run("ByDay", func(t *testing.T) {
		if len(s.byDay.bars) != len(stats.ByDay) {
			t.Fatalf("%d days shown, want %d", len(s.byDay.bars), len(stats.ByDay))
		}
		for i, d := range stats.ByDay {
			b := s.byDay.bars[i]
			if b.Value != float64(d.CheckedIn) || b.Of != float64(d.Expected) || b.Label != dayLong(d.Day) {
				t.Errorf("%s: %v of %v, want %d of %d", d.Day, b.Value, b.Of, d.CheckedIn, d.Expected)
			}
		}
		if stats.ByDay[0].CheckedIn == 0 {
			t.Error("the demo has nobody checked in on the first day")
		}
	})

	t.Run("ByCategory", func(t *testing.T) {
		if len(s.byCategory.bars) != len(stats.ByCategory) {
			t.Fatalf("%d categories shown, want %d", len(s.byCategory.bars), len(stats.ByCategory))
		}
		for i, c := range stats.ByCategory {
			b := s.byCategory.bars[i]
			if b.Label != c.Category.Name || b.Value != float64(c.Registered) || b.Colour != parseColour(c.Category.Colour) {
				t.Errorf("bar %d: %q %v %v, want %q %d %s", i, b.Label, b.Value, b.Colour, c.Category.Name, c.Registered, c.Category.Colour)
			}
		}
	})

	t.Run("Workshops", func(t *testing.T) {
		var workshops []data.Session
		for _, f := range stats.Sessions {
			if f.Session.Kind == data.KindWorkshop {
				workshops = append(workshops, f.Session)
			}
		}
		if len(workshops) == 0 || len(s.workshops.bars) != len(workshops) {
			t.Fatalf("%d workshops shown, want %d", len(s.workshops.bars), len(workshops))
		}
		for i, w := range workshops {
			b := s.workshops.bars[i]
			if b.Value != float64(w.Enrolled) || b.Of != float64(w.EffectiveCapacity) {
				t.Errorf("%s: %v of %v, want %d of %d", w.Title, b.Value, b.Of, w.Enrolled, w.EffectiveCapacity)
			}
		}
	})

	t.Run("Arrivals", func(t *testing.T) {
		buckets, err := st.Arrivals(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(buckets, stats.Arrivals) {
			t.Errorf("the dashboard's arrivals %v, Arrivals %v", stats.Arrivals, buckets)
		}
		perDay := map[data.Day]int{}
		for _, b := range buckets {
			perDay[b.Day] += b.Count
		}
		d := formatDashboard(data.Congress{Days: []data.Day{stats.ByDay[0].Day, stats.ByDay[1].Day}}, stats)
		for i, a := range d.arrivals {
			day := stats.ByDay[i].Day
			sum := 0
			for _, c := range a.columns {
				sum += int(c.Value)
			}
			if sum != perDay[day] || a.total != perDay[day] {
				t.Errorf("%s: columns add up to %d (total %d), want %d", day, sum, a.total, perDay[day])
			}
		}
		if perDay[stats.ByDay[0].Day] != stats.ByDay[0].CheckedIn {
			t.Errorf("arrivals on day 1 = %d, checked in %d", perDay[stats.ByDay[0].Day], stats.ByDay[0].CheckedIn)
		}
	})
}

func TestArrivalsByDay(t *testing.T) {
	got := arrivalsByDay([]data.Day{"2026-06-16", "2026-06-17"}, []data.ArrivalBucket{
		{Day: "2026-06-16", Start: 8 * 60, Count: 3},
		{Day: "2026-06-16", Start: 9 * 60, Count: 5},
	})
	if len(got) != 2 {
		t.Fatalf("%d days", len(got))
	}
	var labels []string
	var values []float64
	for _, c := range got[0].columns {
		labels = append(labels, c.Label)
		values = append(values, c.Value)
	}
	if len(labels) != 5 || labels[0] != "08:00" || labels[4] != "09:00" || values[0] != 3 || values[1] != 0 || values[4] != 5 {
		t.Errorf("day 1: %q %v; want the quarters from 08:00 to 09:00, the empty ones at 0", labels, values)
	}
	if got[0].total != 8 || got[1].total != 0 || len(got[1].columns) != 0 {
		t.Errorf("totals %d and %d", got[0].total, got[1].total)
	}
}

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct {
		top  float64
		want []float64
	}{
		{0, []float64{0, 1}},
		{3, []float64{0, 1, 2, 3}},
		{87, []float64{0, 50, 100}},
		{40, []float64{0, 10, 20, 30, 40}},
	} {
		got := niceTicks(tc.top)
		if len(got) != len(tc.want) || got[len(got)-1] != tc.want[len(tc.want)-1] {
			t.Errorf("niceTicks(%v) = %v, want %v", tc.top, got, tc.want)
		}
	}
}

// lilleArrivals counts arrivals in Lille's time, whatever the time zone of
// the machine running the tests, so that the dashboard renders the same
// everywhere.
type lilleArrivals struct{ *data.Store }

func (s lilleArrivals) Stats(ctx context.Context) (data.Stats, error) {
	st, err := s.Store.Stats(ctx)
	for i, b := range st.Arrivals {
		_, offset := b.Day.Time().Add(12 * time.Hour).Zone()     // the machine's, that day
		st.Arrivals[i].Start += data.Clock((3600 - offset) / 60) // Lille's in November: UTC+1
	}
	return st, err
}

func TestDashboardRenders(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 200))
	e := newTestEnv(t)
	s := newDashboardScreen(e, lilleArrivals{st})
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1000, 1900))
	s.loadAsync()
	waitIdle(t, e.tasks)
	test.AssertRendersToMarkup(t, "dashboard.xml", e.win.Canvas())
}
