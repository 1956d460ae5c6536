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

// undoFailsOnce is the participants' store whose first undo fails with
// err; the next ones reach the file.
type undoFailsOnce struct {
	participantsStore
	err    error
	failed bool
}

func (u *undoFailsOnce) UndoBulkChange(ctx context.Context, id int64, by string) error {
	if !u.failed {
		u.failed = true
		return u.err
	}
	return u.participantsStore.UndoBulkChange(ctx, id, by)
}

// newBulkUndoTest is the participants screen on a store whose first undo
// fails with err, with the status of one participant changed in bulk; it
// returns whom, and their values before.
func newBulkUndoTest(t *testing.T, err error) (*data.Store, *env, *participantsScreen, *undoFailsOnce, int64, string) {
	t.Helper()
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 30))
	e := newTestEnv(t)
	fake := &undoFailsOnce{participantsStore: st, err: err}
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
	return st, e, s, fake, id, before
}

// An undo that fails for a passing reason (the file busy) can be tried
// again; once done, it is not offered any more.
func TestParticipantsBulkUndoRetried(t *testing.T) {
	st, e, s, fake, id, before := newBulkUndoTest(t, data.ErrFileBusy.With("demo.congres"))
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

// An undo the file refuses for good (changed since) is not offered again.
func TestParticipantsBulkUndoRefused(t *testing.T) {
	_, e, s, _, _, _ := newBulkUndoTest(t, data.ErrBulkChangedSince.With("Someone"))
	test.Tap(s.bulk.undo)
	waitIdle(t, e.tasks)
	if s.bulk.undo.Visible() || s.bulk.last != nil {
		t.Fatal("Undo is offered again after the file refused it for good")
	}
}
