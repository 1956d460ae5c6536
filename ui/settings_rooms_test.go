package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// In a wide window the rooms' names and locations share the width the
// table has beyond its columns: a long name was cut at 260 px while the
// location column had 700 px to spare (a tester's finding).
func TestRoomsTableWidensTheNames(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	long := "Salle de conférence plénière du Grand Palais"
	if err := st.SaveRoom(t.Context(), &data.Room{Name: long, Capacity: 900}); err != nil {
		t.Fatal(err)
	}
	e := newTestEnv(t)
	s := newRoomSettings(e, st)
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1366-260, 700)) // beside the screens' column
	s.loadAsync()
	waitIdle(t, e.tasks)
	relayoutAll(e.win.Content())
	markup := test.RenderToMarkup(e.win.Canvas())
	if !strings.Contains(markup, ">"+long+"</text>") {
		t.Errorf("the room %q is not shown whole", long)
	}
}
