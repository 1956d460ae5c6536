package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
)

// reviewServer is a congress on the test server with a list to review made
// the real way: an offline desk's held arrival of someone another desk
// checked in meanwhile, and a seat in a workshop asked for offline (and
// one in a full workshop), handed over to the server.
func reviewServer(t *testing.T) (srv *data.Store, in, asker, late data.Participant) {
	t.Helper()
	ctx := context.Background()
	target := storetest.NewDatabase(t)
	if err := stores.Copy(ctx, demoFile(t, 20), target, nil); err != nil {
		t.Fatal(err)
	}
	srv, err := stores.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	cats, err := srv.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	person := func(first, last string) data.Participant {
		p := data.Participant{FirstName: first, LastName: last, CategoryID: cats[0].ID, Status: data.StatusConfirmed, Days: []data.Day{deskDay}}
		if err := srv.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	in, asker, late = person("Inès", "Théodore"), person("Bui", "Lan"), person("Chen", "Li")
	room := data.Room{Name: "Salle Review", Capacity: 1}
	if err := srv.SaveRoom(ctx, &room); err != nil {
		t.Fatal(err)
	}
	ws := data.Session{Kind: data.KindWorkshop, Title: "Atelier relecture", Day: deskDay, Start: 14 * 60, End: 15 * 60, RoomID: room.ID}
	if err := srv.SaveSession(ctx, &ws); err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(t.TempDir(), "replica"+data.Extension)
	if err := srv.CopyToFile(ctx, path, nil); err != nil {
		t.Fatal(err)
	}
	data.HoldDeskActionsAt(path)
	rep, err := stores.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rep.Close() })
	rep.HoldDeskActions()
	rep.SetClock(func() time.Time { return deskMorning.Add(5 * time.Minute) })
	srv.SetClock(func() time.Time { return deskMorning })
	if r, err := rep.Admit(ctx, data.AdmitRequest{ParticipantID: in.ID, Day: deskDay, Desk: "Desk B"}); err != nil || !r.Checkin.Held {
		t.Fatalf("held arrival: %+v, %v", r, err)
	}
	if r, err := srv.Admit(ctx, data.AdmitRequest{ParticipantID: in.ID, Day: deskDay, Desk: "Desk A"}); err != nil || !r.Admitted {
		t.Fatalf("the other desk's arrival: %+v, %v", r, err)
	}
	for _, p := range []data.Participant{asker, late} {
		if err := rep.HoldSeatRequest(ctx, p.ID, ws.ID, "Desk B"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := rep.FoldHeldInto(ctx, srv); err != nil {
		t.Fatal(err)
	}
	return srv, in, asker, late
}

// TestReviewList: the dashboard says how many entries wait for review and
// opens the list, each entry in words; "Open the person" opens the
// person's form, "Enrol" enrols by the congress's rule (a full workshop
// puts the person on its waiting list, and says so), and "Mark as
// reviewed" takes an entry off the count; with none left, the line goes.
func TestReviewList(t *testing.T) {
	srv, in, asker, late := reviewServer(t)
	ctx := context.Background()
	test.NewTempApp(t)
	e := newTestEnv(t)
	d := newDashboardScreen(e, srv)
	var opened int64
	d.review.openWith(func(id int64, saved func()) { opened = id; saved() })
	e.win.SetContent(d.build())
	d.loadAsync()
	waitIdle(t, e.tasks)
	if !d.review.box.Visible() || d.review.text.Text != "3 entries to review" {
		t.Fatalf("the dashboard's line: %q (shown: %v)", d.review.text.Text, d.review.box.Visible())
	}

	test.Tap(d.review.button)
	waitIdle(t, e.tasks)
	r := d.review.shown
	if r == nil || len(r.rows) != 3 {
		t.Fatalf("the list to review: %+v", r)
	}
	find := func(id int64) int {
		t.Helper()
		for i, rv := range r.items {
			if rv.ParticipantID == id {
				return i
			}
		}
		t.Fatalf("no entry for %d in %+v", id, r.items)
		return -1
	}
	i := find(in.ID)
	if w := r.rows[i]; w.title != "Inès Théodore: checked in twice on "+dayLong(deskDay) ||
		!strings.Contains(w.detail, "Counted: Desk A, "+scanTime(deskMorning)) ||
		!strings.Contains(w.detail, "Also scanned: Desk B, "+scanTime(deskMorning.Add(5*time.Minute))) {
		t.Errorf("the second arrival in words: %+v", w)
	}
	if w := r.rows[find(asker.ID)]; w.title != "Bui Lan: asks for a seat in “Atelier relecture”" ||
		!strings.Contains(w.detail, "Desk B") {
		t.Errorf("the seat request in words: %+v", w)
	}
	if r.enrolBtn.Visible() || !r.resolve.Disabled() {
		t.Error("with no entry chosen, Enrol shows or Mark as reviewed is enabled")
	}

	r.list.Select(find(in.ID))
	if r.enrolBtn.Visible() || r.resolve.Disabled() {
		t.Error("a second arrival offers Enrol, or cannot be marked reviewed")
	}
	test.Tap(r.person)
	waitIdle(t, e.tasks)
	if opened != in.ID {
		t.Errorf("Open the person opened %d, want %d", opened, in.ID)
	}

	r.list.Select(find(asker.ID))
	if !r.enrolBtn.Visible() {
		t.Fatal("a seat request offers no Enrol")
	}
	test.Tap(r.enrolBtn)
	waitIdle(t, e.tasks)
	if got := r.status.Text; got != "Bui Lan is enrolled in “Atelier relecture”." {
		t.Errorf("enrolled: %q", got)
	}
	r.list.Select(find(late.ID))
	test.Tap(r.enrolBtn)
	waitIdle(t, e.tasks)
	if got := r.status.Text; got != "“Atelier relecture” is full: Chen Li is on its waiting list." {
		t.Errorf("the workshop full: %q", got)
	}
	for id, want := range map[int64]data.EnrolmentStatus{asker.ID: data.Enrolled, late.ID: data.Waitlisted} {
		list, err := srv.ParticipantEnrolments(ctx, id)
		if err != nil || len(list) != 1 || list[0].Status != want {
			t.Errorf("enrolments of %d: %+v, %v; want %s", id, list, err, want)
		}
	}
	if d.review.text.Text != "1 entry to review" {
		t.Errorf("after two enrolments, the dashboard says %q", d.review.text.Text)
	}

	r.list.Select(find(in.ID))
	test.Tap(r.resolve)
	waitIdle(t, e.tasks)
	if n, err := srv.CountToReview(ctx); err != nil || n != 0 {
		t.Errorf("%d to review (%v) once all are done", n, err)
	}
	if d.review.box.Visible() {
		t.Error("the dashboard's line still shows with nothing to review")
	}
	if w := r.rows[find(in.ID)]; !strings.Contains(w.detail, "Reviewed by ") {
		t.Errorf("a reviewed entry in words: %+v", w)
	}
	if !r.resolve.Disabled() {
		t.Error("a reviewed entry can be marked reviewed again")
	}
}
