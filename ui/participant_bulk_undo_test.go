package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// undoFailsOnce is the participants' store whose first undo fails as a
// busy file does; the next ones reach the file.
type undoFailsOnce struct {
	participantsStore
	failed bool
}

func (u *undoFailsOnce) UndoBulkChange(ctx context.Context, id int64, by string) error {
	if !u.failed {
		u.failed = true
		return data.ErrFileBusy.With("demo.congres")
	}
	return u.participantsStore.UndoBulkChange(ctx, id, by)
}

// An undo that fails for a passing reason (the file busy) can be tried
// again; once done, it is not offered any more.
func TestParticipantsBulkUndoRetried(t *testing.T) {
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 30))
	e := newTestEnv(t)
	fake := &undoFailsOnce{participantsStore: st}
	s := newParticipantsScreen(e, fake, newBadgePrinter(e, st, a.Preferences()))
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1100, 800))
	s.loadAsync()
	waitIdle(t, e.tasks)

	id := s.table.rows.ids[1]
	s.table.table.Select(widget.TableCellID{Row: 1, Col: pcolName})
	waitIdle(t, e.tasks)
	before := ptDump(t, st, id)
	ptTap(t, e.win.Content(), "Change status…")
	top := ptTopDialog(t, e, "Give 1 participant the status")
	ptFind[*widget.Select](top)[0].SetSelected("Cancelled")
	ptTap(t, top, "Apply")
	waitIdle(t, e.tasks)
	if ptDump(t, st, id) == before {
		t.Fatal("the status was not changed")
	}
	said := s.bulk.feedback.Text

	test.Tap(s.bulk.undo)
	waitIdle(t, e.tasks)
	if !fake.failed {
		t.Fatal("the undo did not reach the store")
	}
	if ptDump(t, st, id) == before {
		t.Fatal("the failed undo changed the participant")
	}
	if !s.bulk.undo.Visible() || s.bulk.last == nil || s.bulk.feedback.Text != said {
		t.Fatalf("after a busy file, Undo is not offered again (shown %v, feedback %q)", s.bulk.undo.Visible(), s.bulk.feedback.Text)
	}
	for e.win.Canvas().Overlays().Top() != nil { // the error
		e.win.Canvas().Overlays().Top().Hide()
	}

	s.bulk.onUndoTapped() // as Ctrl+Z
	waitIdle(t, e.tasks)
	if got := ptDump(t, st, id); got != before {
		t.Fatalf("the second undo did not restore the previous values:\nbefore %s\nnow    %s", before, got)
	}
	if s.bulk.undo.Visible() || s.bulk.last != nil || !strings.Contains(s.bulk.feedback.Text, "undone") {
		t.Fatalf("after the undo: Undo shown %v, feedback %q", s.bulk.undo.Visible(), s.bulk.feedback.Text)
	}
}
