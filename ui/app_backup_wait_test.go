package ui

import (
	"testing"
	"time"

	"congres/data"
)

// TestFirstBackupWaitsForTheFirstScreen: the automatic backup at the
// opening (a full check of the file, then a copy) starts once the window
// shows its first screen, not while the dashboard's reads wait for a core
// (issue 19).
func TestFirstBackupWaitsForTheFirstScreen(t *testing.T) {
	u := newTestUI(t)
	path := demoFile(t, 60)
	u.openAsync(path)
	// The file opens, and the dashboard starts its reads, whose results
	// are not put on screen yet.
	waitFor(t, "the file to open", &u.tasks, func() bool { return u.session() != nil })
	time.Sleep(400 * time.Millisecond) // a 60-person backup takes a few ms
	if list, err := data.Backups(path); err != nil || len(list) != 0 {
		t.Fatalf("before the first screen was shown: backups %v (%v), want none yet", list, err)
	}
	waitIdle(t, &u.tasks)
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, err := data.Backups(path)
		if err == nil && len(list) == 1 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the first screen: backups %v (%v), want one", list, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
