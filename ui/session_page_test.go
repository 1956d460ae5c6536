package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// openProgPage shows the page of a fixture's session.
func openProgPage(t *testing.T, fx *progFixture, title string) (*programmeScreen, *sessionPage, *env) {
	t.Helper()
	s, e := newProgScreen(t, fx.st)
	s.openSession(fx.sessions[title].ID)
	waitIdle(t, e.tasks)
	if s.page == nil || s.page.se.Title != title {
		t.Fatalf("the page of %q is not shown", title)
	}
	return s, s.page, e
}

func TestSessionPageShowsPeople(t *testing.T) {
	fx := newProgFixture(t)
	fx.enrol(t, "Atelier B", "Turing", "Lovelace", "Hopper", "Dijkstra")
	_, p, _ := openProgPage(t, fx, "Atelier B")
	if len(p.enrolled) != 2 || len(p.waiting) != 2 {
		t.Fatalf("%d enrolled, %d waiting; want 2 and 2", len(p.enrolled), len(p.waiting))
	}
	// Enrolled by name, the waiting list in order.
	if p.enrolled[0].ParticipantName != "Ada Lovelace" || p.waiting[0].ParticipantName != "Grace Hopper" ||
		p.waiting[0].Position != 1 || p.waiting[1].Position != 2 {
		t.Errorf("enrolled %q…, waiting %q (%d)…", p.enrolled[0].ParticipantName, p.waiting[0].ParticipantName, p.waiting[0].Position)
	}
	if p.gaugeText.Text != "2 / 2 — full" || p.gauge.Value != 2 || p.gauge.Max != 2 {
		t.Errorf("gauge %q at %v/%v", p.gaugeText.Text, p.gauge.Value, p.gauge.Max)
	}
	// Red when full, as the timetable and the dashboard show it.
	if got, want := p.gaugeTheme.Theme.Color(theme.ColorNamePrimary, theme.VariantDark), fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameError, theme.VariantDark); got != want {
		t.Errorf("a full session's gauge is %v, want the error colour %v", got, want)
	}
	if p.enrolledHead.Text != "Enrolled (2)" || p.waitingHead.Text != "Waiting list (2)" {
		t.Errorf("headings %q, %q", p.enrolledHead.Text, p.waitingHead.Text)
	}
}

func TestSessionPagePromote(t *testing.T) {
	fx := newProgFixture(t)
	fx.enrol(t, "Atelier B", "Turing", "Lovelace", "Hopper", "Dijkstra")
	_, p, e := openProgPage(t, fx, "Atelier B")

	// Full: promoting asks first, and No keeps things as they are.
	p.onPromoteTapped(p.waiting[1])
	waitIdle(t, e.tasks)
	if !strings.Contains(progDialogText(e.win.Canvas()), "“Atelier B” is full (2 places). Give Edsger Dijkstra a place anyway, above capacity?") {
		t.Fatalf("the confirmation reads %q", progDialogText(e.win.Canvas()))
	}
	tapDialogButton(t, e.win.Canvas(), "No")
	waitIdle(t, e.tasks)
	if got := fx.statuses(t, "Atelier B")["Dijkstra"]; got != data.Waitlisted {
		t.Fatalf("after No, Dijkstra is %s", got)
	}

	p.onPromoteTapped(p.waiting[1])
	waitIdle(t, e.tasks)
	tapDialogButton(t, e.win.Canvas(), "Yes")
	waitIdle(t, e.tasks)
	got := fx.statuses(t, "Atelier B")
	if got["Dijkstra"] != data.Enrolled || got["Hopper"] != data.Waitlisted {
		t.Fatalf("after promoting Dijkstra: %v", got)
	}
	if p.status.Text != "Edsger Dijkstra got a place in “Atelier B”." {
		t.Errorf("status %q", p.status.Text)
	}
	if len(p.enrolled) != 3 || p.gaugeText.Text != "3 / 2 — above capacity" {
		t.Errorf("%d enrolled, gauge %q", len(p.enrolled), p.gaugeText.Text)
	}

}

func TestSessionPagePromoteButton(t *testing.T) {
	fx := newProgFixture(t)
	fx.enrol(t, "Atelier B", "Turing", "Lovelace", "Hopper")
	_, p, e := openProgPage(t, fx, "Atelier B")
	// The row's own button, as the organiser clicks it.
	var promote *widget.Button
	for _, o := range test.LaidOutObjects(p.waitingList) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Promote" {
			promote = b
		}
	}
	if promote == nil {
		t.Fatal("no Promote button on the waiting list")
	}
	test.Tap(promote)
	waitIdle(t, e.tasks)
	tapDialogButton(t, e.win.Canvas(), "Yes")
	waitIdle(t, e.tasks)
	if got := fx.statuses(t, "Atelier B")["Hopper"]; got != data.Enrolled {
		t.Fatalf("after Promote, Hopper is %s", got)
	}
}

func TestSessionPageEnrol(t *testing.T) {
	fx := newProgFixture(t)
	fx.enrol(t, "Atelier B", "Turing", "Lovelace")
	fx.enrol(t, "Atelier A", "Dijkstra")
	_, p, e := openProgPage(t, fx, "Atelier B")

	t.Run("FullGoesToWaitingList", func(t *testing.T) {
		p.onAddTapped()
		progPickPerson(t, e, p.chooser, "Hopper")
		waitIdle(t, e.tasks)
		if got := fx.statuses(t, "Atelier B")["Hopper"]; got != data.Waitlisted {
			t.Fatalf("Hopper is %q, want waiting", got)
		}
		if want := "“Atelier B” is full: Grace Hopper is on the waiting list, position 1."; p.status.Text != want {
			t.Errorf("status %q, want %q", p.status.Text, want)
		}
		if len(p.waiting) != 1 {
			t.Errorf("%d waiting shown", len(p.waiting))
		}
	})

	t.Run("ErrClash", func(t *testing.T) {
		p.onAddTapped()
		progPickPerson(t, e, p.chooser, "Dijkstra")
		waitIdle(t, e.tasks)
		if _, ok := fx.statuses(t, "Atelier B")["Dijkstra"]; ok {
			t.Fatal("Dijkstra was enrolled in two sessions at once")
		}
		if !strings.Contains(p.status.Text, "Edsger Dijkstra is already down for “Atelier A” at the same time") ||
			p.status.Importance != widget.DangerImportance {
			t.Errorf("status %q (importance %v)", p.status.Text, p.status.Importance)
		}
	})

	t.Run("AlreadyThere", func(t *testing.T) {
		p.onAddTapped()
		progPickPerson(t, e, p.chooser, "Lovelace") // shown as enrolled, not choosable
		waitIdle(t, e.tasks)
		if e.win.Canvas().Overlays().Top() == nil || p.chooser.hint.Text != "Everyone found is already in this session." {
			t.Errorf("picking Lovelace, already enrolled, closed the chooser (hint %q)", p.chooser.hint.Text)
		}
		if got := fx.statuses(t, "Atelier B")["Lovelace"]; got != data.Enrolled {
			t.Errorf("Lovelace is %q", got)
		}
		p.chooser.dlg.Hide()
	})
}

func TestSessionPageRemoveGivesThePlace(t *testing.T) {
	fx := newProgFixture(t)
	fx.enrol(t, "Atelier B", "Turing", "Lovelace", "Hopper")
	_, p, e := openProgPage(t, fx, "Atelier B")
	var turing data.Enrolment
	for _, en := range p.enrolled {
		if en.ParticipantName == "Alan Turing" {
			turing = en
		}
	}
	p.onRemoveTapped(turing)
	waitIdle(t, e.tasks)
	if !strings.Contains(progDialogText(e.win.Canvas()), "The first person on the waiting list, Grace Hopper, will get the place.") {
		t.Errorf("the confirmation reads %q", progDialogText(e.win.Canvas()))
	}
	tapDialogButton(t, e.win.Canvas(), "Yes")
	waitIdle(t, e.tasks)
	got := fx.statuses(t, "Atelier B")
	if _, ok := got["Turing"]; ok || got["Hopper"] != data.Enrolled {
		t.Fatalf("after removing Turing: %v", got)
	}
	if want := "Alan Turing was removed. Grace Hopper got the place from the waiting list."; p.status.Text != want {
		t.Errorf("status %q, want %q", p.status.Text, want)
	}
}

// The removal names who really gets the seat: the first waiting is passed
// over when seated in another session at that time (issue 19).
func TestSessionPageRemoveNamesWhoReallyGetsThePlace(t *testing.T) {
	fx := newProgFixture(t)
	fx.add(t, data.KindWorkshop, "Atelier D", progDay1, "14:00", "15:00", "Grand Auditorium")
	fx.enrol(t, "Atelier B", "Turing", "Lovelace", "Hopper", "Dijkstra")
	fx.enrol(t, "Atelier D", "Hopper") // enrolled and stays on B's waiting list
	_, p, e := openProgPage(t, fx, "Atelier B")
	p.onRemoveTapped(p.enrolled[1]) // Alan Turing
	waitIdle(t, e.tasks)
	want := "Edsger Dijkstra, number 2 on the waiting list, will get the place (those before have a seat elsewhere at that time)."
	if got := progDialogText(e.win.Canvas()); !strings.Contains(got, want) {
		t.Fatalf("the confirmation reads %q, want %q", got, want)
	}
	tapDialogButton(t, e.win.Canvas(), "Yes")
	waitIdle(t, e.tasks)
	if got := fx.statuses(t, "Atelier B"); got["Dijkstra"] != data.Enrolled || got["Hopper"] != data.Waitlisted {
		t.Fatalf("after removing Turing: %v", got)
	}
}

// On a full session, promoting someone seated elsewhere at that time is
// refused at once: no "above capacity?" first (issue 19).
func TestSessionPagePromoteChecksTheClashFirst(t *testing.T) {
	fx := newProgFixture(t)
	fx.enrol(t, "Atelier B", "Turing", "Lovelace", "Hopper")
	fx.enrol(t, "Atelier A", "Hopper") // seated in Atelier A at 14:00, waiting for B
	_, p, e := openProgPage(t, fx, "Atelier B")
	p.onPromoteTapped(p.waiting[0])
	waitIdle(t, e.tasks)
	if got := progDialogText(e.win.Canvas()); got != "" {
		t.Fatalf("a question before the refusal: %q", got)
	}
	if !strings.Contains(p.status.Text, "Atelier A") || p.status.Importance != widget.DangerImportance {
		t.Errorf("the refusal reads %q", p.status.Text)
	}
}

func TestSessionPageDelete(t *testing.T) {
	fx := newProgFixture(t)
	fx.enrol(t, "Atelier A", "Turing")
	ctx := context.Background()

	t.Run("RefusedOncePeopleEntered", func(t *testing.T) {
		if _, err := fx.st.CheckIn(ctx, fx.people["Turing"].ID, "", fx.sessions["Atelier A"].ID, "test"); err != nil {
			t.Fatal(err)
		}
		s, p, e := openProgPage(t, fx, "Atelier A")
		p.onDeleteTapped()
		if !strings.Contains(progDialogText(e.win.Canvas()), "Its only enrolment will be deleted too.") {
			t.Errorf("the confirmation reads %q", progDialogText(e.win.Canvas()))
		}
		tapDialogButton(t, e.win.Canvas(), "Yes")
		waitIdle(t, e.tasks)
		if _, err := fx.st.Session(ctx, fx.sessions["Atelier A"].ID); err != nil {
			t.Fatalf("the session is gone: %v", err)
		}
		if msg := progDialogText(e.win.Canvas()); !strings.Contains(msg, "people have already entered it") {
			t.Errorf("the refusal reads %q", msg)
		}
		if s.page == nil {
			t.Error("the page closed")
		}
	})

	t.Run("Deleted", func(t *testing.T) {
		s, p, e := openProgPage(t, fx, "Atelier C")
		p.onDeleteTapped()
		tapDialogButton(t, e.win.Canvas(), "Yes")
		waitIdle(t, e.tasks)
		if _, err := fx.st.Session(ctx, fx.sessions["Atelier C"].ID); data.KindOf(err) != data.KindNotFound {
			t.Fatalf("the session is still there: %v", err)
		}
		if s.page != nil || len(s.sessions) != 4 {
			t.Errorf("back on the programme: %v, %d sessions", s.page == nil, len(s.sessions))
		}
	})
}

func TestSessionPageRendering(t *testing.T) {
	fx := newProgFixture(t)
	a := fx.sessions["Atelier B"]
	a.Description = "Retours d'expérience et échanges entre structures."
	a.Speakers = []int64{fx.people["Lovelace"].ID}
	if err := fx.st.SaveSession(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	fx.enrol(t, "Atelier B", "Turing", "Hopper", "Dijkstra")
	_, _, e := openProgPage(t, fx, "Atelier B")
	e.win.Resize(fyne.NewSize(900, 640))
	test.AssertRendersToImage(t, "programme_session_page.png", e.win.Canvas())
}
