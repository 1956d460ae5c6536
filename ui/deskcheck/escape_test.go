package deskcheck

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// escapeEverywhere opens the desk's walk-in form (Ctrl+N) again and again,
// Tabs 1 to 12 times into it (its text fields, drop-downs, tick boxes and
// buttons, fyne's own that keep Esc to themselves), presses Esc, and scans
// the next person: the scan checks them in only if Esc closed the form
// (otherwise its characters go into the form's field), whatever had the
// keyboard. fyne's test driver cannot show this: the window takes Esc
// before the focused widget (ui/escape_glfw.go).
func escapeEverywhere(t *testing.T, bin string) {
	const tries = 12
	x := startX(t, 1366, 768)
	people := roster(tries+1, 19)
	file := filepath.Join(t.TempDir(), "desk.congres")
	makeCongress(t, file, people)
	d := openDesk(t, x, bin, file, "en_US.UTF-8", false)
	d.ready(t, people[0].code)
	defer d.shotIfFailed(t)
	all := []string{people[0].code}
	for tabs := 1; tabs <= tries; tabs++ {
		x.xdo(t, "key", "ctrl+n")
		time.Sleep(700 * time.Millisecond)
		x.xdo(t, "key", "--delay", "80", "--repeat", strconv.Itoa(tabs), "Tab")
		time.Sleep(200 * time.Millisecond)
		x.xdo(t, "key", "Escape")
		time.Sleep(400 * time.Millisecond)
		p := people[tabs]
		all = append(all, p.code)
		x.typeText(t, p.code+"\n", 4*time.Millisecond)
		if a := d.in.waitArrivals(t, all, len(all), 3*time.Second, 20*time.Second); a.perCode[p.code] != 1 {
			d.shot(t, filepath.Join(t.TempDir(), "escape.png"))
			t.Errorf("Esc after %d Tabs in the walk-in form: the next scan was not checked in (the form stayed open)", tabs)
		}
	}
}
