package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// dashboardArrivals adds up the arrivals the dashboard's "by day" bars show.
func dashboardArrivals(u *ui) (n float64, shown bool) {
	if u.view == nil || u.view.current != dashboardPage {
		return 0, false
	}
	s, ok := u.view.pages[dashboardPage].screen.(*dashboardScreen)
	if !ok || s.byDay == nil || len(s.byDay.bars) == 0 {
		return 0, false
	}
	for _, b := range s.byDay.bars {
		n += b.Value
	}
	return n, true
}

// TestLoadOutboxRefreshesDashboard: the organiser's dashboard, shown while
// a desk's file is loaded, shows the arrivals it recorded at once, not once
// the page is left and shown again (the dashboard does not follow the
// server's notifications); the notice closes with Enter.
func TestLoadOutboxRefreshesDashboard(t *testing.T) {
	target, _, file, _ := deskOutboxFile(t)

	u := newTestUI(t)
	u.connectAsync(target)
	var before float64
	waitFor(t, "the dashboard", &u.tasks, func() bool {
		var ok bool
		before, ok = dashboardArrivals(u)
		return ok
	})
	u.loadOutboxAsync(file)
	waitFor(t, "the notice", &u.tasks, func() bool {
		top := u.win.Canvas().Overlays().Top()
		return top != nil && richTextOrLabelSays(top, "3 actions recorded")
	})
	waitIdle(t, &u.tasks)
	if after, _ := dashboardArrivals(u); after != before+3 {
		t.Errorf("the dashboard shows %v arrivals after the load, want %v", after, before+3)
	}
	// The notice closes with Enter, as every notice does (showNotice).
	if f := u.win.Canvas().Focused(); f == nil {
		t.Error("the notice takes no keys")
	} else {
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("Enter does not close the notice \"Check-ins loaded\"")
	}
}
