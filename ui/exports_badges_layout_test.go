package ui

import (
	"testing"

	"congres/data"
)

// TestBadgesNoPreviewKeepsTheWindowLow: "No preview: nobody is chosen." is
// laid out across the preview, not a character a line in the narrow width
// a centred label gets: that asked for 720 px of height and made the window
// grow taller than a laptop's screen on opening Exports (French).
func TestBadgesNoPreviewKeepsTheWindowLow(t *testing.T) {
	_, e, b, _ := newBadgeExportTest(t, 20, data.ParticipantQuery{})
	b.who.SetSelected(b.who.Options[badgesOne])
	waitIdle(t, e.tasks)
	if !b.previewNone.Visible() {
		t.Fatal("no 'No preview' shown for one person not chosen")
	}
	if h := b.previewNone.MinSize().Height; h > 100 || b.previewNone.Size().Width < 150 {
		t.Fatalf("'No preview' is %.0f px wide and asks for %.0f px of height", b.previewNone.Size().Width, h)
	}
	if h := e.win.Content().MinSize().Height; h > 600 {
		t.Fatalf("the Exports screen asks for %.0f px of height", h)
	}
}
