package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
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
	ctx := context.Background()
	target := storetest.NewDatabase(t)
	if err := stores.Copy(ctx, demoFile(t, 60), target, nil); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	srv, err := stores.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	r, err := stores.OpenReplica(ctx, srv, target, root)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	r, err = stores.OpenReplicaOffline(ctx, target, root)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := r.Store().ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	held := 0
	for _, id := range ids {
		c, err := r.Store().DeskCard(ctx, id, deskDay, 0)
		if err != nil || c.Arrival != nil || len(c.Warnings) > 0 {
			continue
		}
		if res, err := r.Store().Admit(ctx, data.AdmitRequest{ParticipantID: id, Day: deskDay, Desk: "Desk 3"}); err != nil || !res.Checkin.Held {
			t.Fatalf("holding %d: %+v, %v", id, res, err)
		}
		if held++; held == 3 {
			break
		}
	}
	file := filepath.Join(t.TempDir(), "desk3"+data.OutboxExtension)
	if _, err := stores.SaveOutbox(ctx, r.Store(), target, file); err != nil {
		t.Fatal(err)
	}
	r.Close()

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
