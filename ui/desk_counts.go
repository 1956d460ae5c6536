package ui

import (
	"context"
	"image/color"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// The desk's counters. Reading them reads every person of the day (about
// 100 ms at 50,000 people, data.DeskCounts), which a scan must not wait
// for, nor share the processor with: an arrival the desk makes is added
// to the counters shown, at once; the counters are read from the file
// (for the arrivals of the other desks) every few seconds, while no scan
// is waiting, and a scan submitted meanwhile stops the reading, which is
// done again once the desk is free.

// deskCountsQuiet is how long after the last scan's card the counters
// owed are read: the card's frame is drawn first, and in a rush the next
// scan usually comes before it (a reading begun, then stopped by each scan,
// cost each scan its share of the processor: 15 ms a scan at 50,000
// people with a scan every 300 ms); the desk's own arrivals are on the
// counters already, only the other desks' wait.
const deskCountsQuiet = 2 * time.Second

// deskCounters shows the day's arrivals against the people expected, in all
// and per category, wrapped onto as many lines as the width needs; at a
// session's door, the entries into the session.
type deskCounters struct {
	box   fyne.CanvasObject
	total *widget.Label
	cats  *fyne.Container
	rows  []deskCountRow // a category's dot and count, made once and reused

	// The day's arrivals shown (nil at a door, or before the first
	// reading), for the day and the log they count: the desk's own
	// arrivals are added to them.
	last      []data.DeskCount
	day       data.Day
	rehearsal bool
}

// deskCountRow is a category's counter: its colour's dot, and its count.
type deskCountRow struct {
	box   *fyne.Container
	dot   *canvas.Rectangle
	label *widget.Label
}

func newDeskCounters() *deskCounters {
	c := &deskCounters{total: widget.NewLabel("")}
	c.total.TextStyle.Bold = true
	c.cats = container.New(layout.NewRowWrapLayout(), c.total)
	c.box = container.NewThemeOverride(c.cats, deskCompactTheme{})
	return c
}

func newDeskCountRow() deskCountRow {
	dot := canvas.NewRectangle(color.Transparent)
	dot.SetMinSize(fyne.NewSquareSize(12))
	dot.CornerRadius = 6
	dot.StrokeWidth = 1.5
	label := widget.NewLabel("")
	return deskCountRow{box: container.NewHBox(container.NewCenter(dot), label), dot: dot, label: label}
}

// show shows the day's counts. The rows are reused: only new ones are
// themed (a ThemeOverride refreshed themes its content anew, which fyne
// pays for by loading every font again).
func (c *deskCounters) show(counts []data.DeskCount) {
	var arrived, expected int
	objects := []fyne.CanvasObject{c.total}
	made := false
	// A ring in the text's colour: a black or a white category shows on
	// the dark theme and the light.
	ring := colourRing(fyne.CurrentApp().Settings().Theme(), fyne.CurrentApp().Settings().ThemeVariant()) // colour_ring.go
	for _, n := range counts {
		arrived += n.Arrived
		expected += n.Expected
		if n.Expected == 0 && n.Arrived == 0 {
			continue
		}
		if len(objects)-1 == len(c.rows) {
			c.rows = append(c.rows, newDeskCountRow())
			made = true
		}
		r := c.rows[len(objects)-1]
		if fill := parseColour(n.Colour); r.dot.FillColor != fill || r.dot.StrokeColor != ring {
			r.dot.FillColor, r.dot.StrokeColor = fill, ring
			r.dot.Refresh()
		}
		if text := n.Category + " " + formatCount(n.Arrived) + "/" + formatCount(n.Expected); r.label.Text != text {
			r.label.SetText(text)
		}
		objects = append(objects, r.box)
	}
	c.showTotal(lang.L("Checked in: {{.Arrived}} of {{.Expected}} expected", map[string]any{
		"Arrived": arrived, "Expected": expected}), objects, made)
}

// showTotal shows the total's line and the objects of the counters.
func (c *deskCounters) showTotal(total string, objects []fyne.CanvasObject, made bool) {
	if c.total.Text != total {
		c.total.SetText(total)
	}
	c.cats.Objects = objects
	if made {
		c.box.Refresh() // the new rows take the desk's theme
		return
	}
	// Laid out again (the lines may have changed), not refreshed: a
	// refresh would draw every counter's text anew in the next frame.
	c.cats.Layout.Layout(c.cats.Objects, c.cats.Size())
	canvas.Refresh(c.cats)
}

// showDoor counts the entries into the session at the door.
func (c *deskCounters) showDoor(n data.DoorCount) {
	c.last = nil
	text := lang.L("Entries into this session: {{.Inside}} of {{.Expected}} expected", map[string]any{
		"Inside": n.Inside, "Expected": n.Expected})
	if n.Capacity > 0 {
		text = lang.L("Entries into this session: {{.Inside}} of {{.Expected}} expected, {{.Capacity}} places", map[string]any{
			"Inside": n.Inside, "Expected": n.Expected, "Capacity": n.Capacity})
	}
	args := map[string]any{"Inside": n.Inside, "Expected": n.Expected, "OnStage": n.OnStage, "Capacity": n.Capacity}
	switch { // on stage, not enrolled: why 62 are expected in a workshop of 60 places
	case n.OnStage > 0 && n.Capacity > 0:
		text = lang.L("Entries into this session: {{.Inside}} of {{.Expected}} expected ({{.OnStage}} of them on stage), {{.Capacity}} places", args)
	case n.OnStage > 0:
		text = lang.L("Entries into this session: {{.Inside}} of {{.Expected}} expected ({{.OnStage}} of them on stage)", args)
	}
	c.showTotal(text, []fyne.CanvasObject{c.total}, false)
}

// showCounts shows the counts of day's arrivals, real or the rehearsal's.
func (s *deskScreen) showCounts(counts []data.DeskCount, day data.Day, rehearsal bool) {
	s.counts.show(counts)
	s.counts.last, s.counts.day, s.counts.rehearsal = counts, day, rehearsal
	if rehearsal {
		s.showRehearsalCounts(counts)
	}
}

// countArrival adds the arrival r just made to the counters shown, without
// reading them; it reports false when it could not (at a door, or the
// counters show another day or log, or none yet): they are to be read.
func (s *deskScreen) countArrival(r data.AdmitResult) bool {
	c := s.counts
	if s.session != 0 || r.Checkin.Kind != data.Arrival || c.last == nil || c.day != r.Checkin.Day ||
		c.rehearsal != r.Card.Rehearsal {
		return false
	}
	i := slices.IndexFunc(c.last, func(n data.DeskCount) bool { return n.CategoryID == r.Card.Category.ID })
	if i < 0 {
		return false
	}
	counts := slices.Clone(c.last)
	counts[i].Arrived++
	s.showCounts(counts, c.day, c.rehearsal)
	return true
}

// countAsync reads the day's counters, or the door's. A scan submitted
// meanwhile stops the reading of the day's (stopCounting).
func (s *deskScreen) countAsync() {
	day, rehearsal := s.today(), s.rehearsal
	if s.session != 0 {
		s.doorCountAsync(s.session)
		return
	}
	s.stopCounting()
	ctx, cancel := context.WithCancel(s.env.ctx)
	s.counting.cancel = cancel
	s.counting.n++
	n := s.counting.n
	s.env.tasks.runAsync(ctx, func(ctx context.Context) func() {
		counts, err := s.readCounts(ctx, day, rehearsal)
		return func() {
			defer cancel()
			if s.counting.n == n {
				s.counting.cancel = nil
			}
			if err == nil {
				s.showCounts(counts, day, rehearsal)
			}
		}
	})
}

// deskCounting is the reading of the counters in flight. UI thread.
type deskCounting struct {
	cancel context.CancelFunc // stops it; nil when none runs
	n      uint64             // the readings started
}

// stopCounting stops the reading of the counters in flight, if any, for
// a scan: the counters are owed, read once the scans are done.
func (s *deskScreen) stopCounting() {
	if s.counting.cancel != nil {
		s.counting.cancel()
		s.counting.cancel = nil
		s.scans.owed = true
	}
}

// countWhenFreeAsync reads the counters now, or once the scans waiting
// are done.
func (s *deskScreen) countWhenFreeAsync() {
	if s.scans.waiting > 0 {
		s.scans.owed = true
		return
	}
	s.countAsync()
}

// countOwedAsync reads the counters owed, a moment after the last scan's
// card (deskCountsQuiet), unless another scan comes first.
func (s *deskScreen) countOwedAsync() {
	s.env.tasks.hold()
	time.AfterFunc(deskCountsQuiet, func() {
		s.env.tasks.onUI(func() {
			defer s.env.tasks.release()
			if s.env.ctx.Err() == nil {
				s.countWhenFreeAsync()
			}
		})
	})
}
