package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
)

// TestParticipantDetailNoViewerWarns: on the participant page too, "No PDF
// viewer answered…" is a warning, not the green of a badge printed, and
// the next print that works is green again.
func TestParticipantDetailNoViewerWarns(t *testing.T) {
	fake := newFakePrinting(t, false)
	useOpener(t, []string{filepath.Join(t.TempDir(), "absent")}, time.Second)
	st, e, s := newParticipantsTest(t, 20)
	var ids []int64 // two without a badge; the list keeps them once printed
	for _, id := range s.table.rows.ids {
		if n, err := st.CountBadgePrinted(context.Background(), []int64{id}); err != nil {
			t.Fatal(err)
		} else if n == 0 && len(ids) < 2 {
			ids = append(ids, id)
		}
	}
	if len(ids) < 2 {
		t.Fatal("too few without a badge")
	}
	ptPick(t, e, s, ids[0])
	s.detail.onPrintBadgeTapped()
	waitIdle(t, e.tasks)
	if top := e.win.Canvas().Overlays().Top(); top != nil {
		top.Hide() // the dialog that says where the badge is
	}
	if st := s.detail.status; !strings.HasPrefix(st.Text, "No PDF viewer answered") || st.Importance != widget.WarningImportance {
		t.Fatalf("status %q in %v, want the no-viewer sentence as a warning", st.Text, st.Importance)
	}
	fake.lp = true
	ptPick(t, e, s, ids[1])
	s.detail.onPrintBadgeTapped()
	waitIdle(t, e.tasks)
	if st := s.detail.status; !strings.Contains(st.Text, "sent to") || st.Importance != widget.SuccessImportance {
		t.Fatalf("status %q in %v, want a success", st.Text, st.Importance)
	}
}
