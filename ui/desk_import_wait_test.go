package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"congres/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// heldAdmit is the desk's store with Admit held back, as when an import
// holds the file's write lock, until release is closed.
type heldAdmit struct {
	deskStore
	release chan struct{}
}

func (h heldAdmit) Admit(ctx context.Context, req data.AdmitRequest) (data.AdmitResult, error) {
	select {
	case <-h.release:
	case <-ctx.Done():
		return data.AdmitResult{}, ctx.Err()
	}
	return h.deskStore.Admit(ctx, req)
}

// A check-in that waits for the file says it waits for the import, then
// goes through.
func TestDeskWaitsForTheImport(t *testing.T) {
	f := newDeskFixture(t)
	who := f.person(t, "")
	release := make(chan struct{})
	f.s.store = heldAdmit{deskStore: f.st, release: release}
	test.Type(f.s.entry, who.Code)
	waitIdle(t, f.e.tasks)
	f.s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitFor(t, "the desk to say it waits for the file", f.e.tasks, func() bool {
		return strings.Contains(f.s.card.result.Text, "Waiting for the file")
	})
	close(release)
	waitIdle(t, f.e.tasks)
	if n := f.arrivals(t, who.ID); n != 1 {
		t.Fatalf("%d arrivals once the import is done", n)
	}
	if got := f.s.card.result.Text; !strings.Contains(got, "checked in at") {
		t.Errorf("result %q", got)
	}
}

// The notice of a check-in that waits, fired just as Admit returned (too
// late for Stop) and reaching the screen after the result, leaves the
// result on the card.
func TestDeskWaitNoticeAfterTheResult(t *testing.T) {
	f := newDeskFixture(t)
	who := f.person(t, "")
	var notice func()
	f.s.afterFunc = func(_ time.Duration, fn func()) *time.Timer {
		notice = fn
		return time.AfterFunc(time.Hour, func() {}) // fired by hand below
	}
	f.scan(t, who.Code)
	if n := f.arrivals(t, who.ID); n != 1 {
		t.Fatalf("%d arrivals", n)
	}
	if notice == nil {
		t.Fatal("no notice was started")
	}
	notice()
	waitIdle(t, f.e.tasks)
	if got := f.s.card.result.Text; !strings.Contains(got, "checked in at") {
		t.Errorf("the card says %q after the check-in", got)
	}
}
