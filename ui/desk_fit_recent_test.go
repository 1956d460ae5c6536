package ui

import (
	"fmt"
	"path/filepath"
	"testing"
)

// congres desk FILE on a 1024×600 screen, whatever the number of recent
// files: the welcome screen the window shows first, with its list of
// recent files, does not enlarge the window, and the desk keeps within it
// (the tester's window opened at 1024×635 with 8 recent files, the
// desk's second row of counters below the screen's edge).
func TestDeskFitsWithRecentFiles(t *testing.T) {
	path := demoFile(t, 60)
	for _, n := range []int{8, 20} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			u := newTestUI(t)
			u.win.Resize(deskWindow)
			recent := []string{path}
			for i := 1; i < n; i++ {
				recent = append(recent, filepath.Join("/home/accueil/Documents/Congrès", fmt.Sprintf("Congrès %d.congres", 2000+i)))
			}
			u.prefs.SetStringList(prefRecent, recent)
			u.showWelcome() // as the window opens
			if got := len(u.recentFiles()); got != n {
				t.Fatalf("%d recent files", got)
			}
			if min := u.win.Content().MinSize(); min.Width > deskWindow.Width || min.Height > deskWindow.Height {
				t.Errorf("the welcome screen with %d recent files needs %v, more than %v", n, min, deskWindow)
			}
			u.start(Start{File: path, Desk: true})
			waitIdle(t, &u.tasks)
			if u.view == nil || u.view.current != deskPage {
				t.Fatal("the desk is not shown")
			}
			if size := u.win.Canvas().Size(); size.Width > deskWindow.Width || size.Height > deskWindow.Height {
				t.Errorf("the window grew to %v with %d recent files", size, n)
			}
			pageFits(t, u.view, u.view.pages[deskPage], "the desk")
		})
	}
}
