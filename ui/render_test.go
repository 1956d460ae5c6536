package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// Rendering tests of the screens that have no test file of their own.

func TestDeskRenders(t *testing.T) {
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 40))
	e := newTestEnv(t)
	s := newDeskScreen(e, st, a.Preferences(), newBadgePrinter(e, st, a.Preferences()))
	s.now = func() time.Time { return deskMorning }
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1100, 700))
	s.loadAsync()
	waitIdle(t, e.tasks)
	people, err := st.ListParticipants(context.Background(), data.ParticipantQuery{Sort: data.SortName})
	if err != nil {
		t.Fatal(err)
	}
	s.cardAsync(people[0].ID)
	waitIdle(t, e.tasks)
	test.AssertRendersToMarkup(t, "desk_found.xml", e.win.Canvas())
}

func TestWelcomeRenders(t *testing.T) {
	test.NewTempApp(t)
	w := &welcomeScreen{recent: []string{"/home/accueil/Congrès 2021.congres"},
		onNew: func() {}, onDemo: func() {}, onOpen: func() {}, onOpenRecent: func(string) {}}
	win := test.NewTempWindow(t, w.build())
	win.Resize(fyne.NewSize(900, 600))
	test.AssertRendersToMarkup(t, "welcome.xml", win.Canvas())
}
