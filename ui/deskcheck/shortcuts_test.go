package deskcheck

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// shortcutsOffTheDesk checks someone in at the desk, clicks Participants in
// the sidebar, and presses the desk's shortcuts there: Ctrl+Z, Ctrl+P and
// Ctrl+N (Esc closes what Ctrl+N opened). None may reach the desk: the
// check-in stays, with no undo written (the click left the keyboard in the
// desk's field, and Ctrl+Z there took the check-in back). Back on the desk,
// a second scan and Ctrl+Z write an undo: the keys reach the window.
func shortcutsOffTheDesk(t *testing.T, bin string) {
	x := startX(t, 1366, 768)
	people := roster(3, 23)
	file := filepath.Join(t.TempDir(), "desk.congres")
	makeCongress(t, file, people)
	d := openDesk(t, x, bin, file, "en_US.UTF-8", true)
	d.ready(t, people[0].code)
	defer d.shotIfFailed(t)
	codes := []string{people[0].code, people[1].code}
	sidebarRow := func(row int) { // 39 px a row below the menu bar's 30 px
		x.xdo(t, "mousemove", "--window", d.win.id, "80", strconv.Itoa(30+row*39+20), "click", "1")
		time.Sleep(time.Second)
	}
	sidebarRow(1) // Participants
	for _, key := range []string{"ctrl+z", "ctrl+p", "ctrl+n", "Escape", "ctrl+z"} {
		x.xdo(t, "key", key)
		time.Sleep(700 * time.Millisecond)
	}
	if a := d.in.read(t, codes); a.undos != 0 || a.perCode[people[0].code] != 1 || a.total != 1 {
		t.Fatalf("the desk's shortcuts pressed on Participants: %d undos written, %d arrivals", a.undos, a.total)
	}
	sidebarRow(4) // Welcome desk
	x.typeText(t, people[1].code+"\n", 4*time.Millisecond)
	if a := d.in.waitArrivals(t, codes, 2, 3*time.Second, 20*time.Second); a.total != 2 {
		t.Fatalf("back on the desk, the scan of %s was not checked in", people[1].code)
	}
	x.xdo(t, "key", "ctrl+z")
	deadline := time.Now().Add(10 * time.Second)
	for d.in.read(t, codes).undos != 1 {
		if time.Now().After(deadline) {
			t.Fatal("back on the desk, Ctrl+Z did not take the check-in back: the keys do not reach the window")
		}
		time.Sleep(250 * time.Millisecond)
	}
}
