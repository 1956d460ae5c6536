package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestProgressDialogStopsItsBar: once the dialog that waits for a file to
// open is closed, its infinite bar no longer runs. Its animation went on
// after the dialog closed, and redrew the whole window 60 times a second
// for as long as the app ran: a processor's core in software GL (Xvfb), on
// which every key and every card of the desk waited.
func TestProgressDialogStopsItsBar(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel(""))
	bar := widget.NewProgressBarInfinite()
	d := progressDialog(win, "Opening…", nil, bar)
	if !bar.Running() {
		t.Fatal("the bar does not run while the dialog is open")
	}
	d.Hide()
	if bar.Running() {
		t.Error("the bar still runs once its dialog is closed")
	}
}

// TestDeskMatchesShowEachSearch: a search that finds as many people as
// the one before (the rows are set anew rather than the list refreshed)
// shows its own people in the rows.
func TestDeskMatchesShowEachSearch(t *testing.T) {
	f, _, _ := newScanFixture(t, 200)
	s := f.s
	var first []string
	for _, text := range []string{"a", "e"} {
		s.entry.SetText(text)
		waitIdle(t, f.e.tasks)
		if len(s.matches) != deskMatches {
			t.Fatalf("%d matches for %q, want %d (the limit) for this test", len(s.matches), text, deskMatches)
		}
		shown := rowTexts(s.list)
		if first == nil {
			first = shown
		}
		m := s.matches[0]
		if !slices.Contains(shown, m.FirstName+" "+m.LastName) {
			t.Errorf("%q: the first match, %s %s, is not in the rows %q", text, m.FirstName, m.LastName, shown)
		}
	}
	if slices.Equal(first, rowTexts(s.list)) {
		t.Errorf("the rows of “e” are those of “a”: %q", first)
	}
}

// rowTexts are the texts of the labels drawn in o (a list's rows).
func rowTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// TestBulkBusyStopsItsBar: the "Saving…" dialog of a change to several
// participants stops its infinite bar when it closes (as the dialog that
// waits for a file to open: TestProgressDialogStopsItsBar).
func TestBulkBusyStopsItsBar(t *testing.T) {
	test.NewTempApp(t)
	e := newTestEnv(t)
	b := newParticipantBulk(&participantsScreen{env: e})
	done := b.busy()
	bar := findInfiniteBar(e.win.Canvas().Overlays().Top())
	if bar == nil || !bar.Running() {
		t.Fatalf("no running bar in the dialog: %v", bar)
	}
	done()
	if bar.Running() {
		t.Error("the bar still runs once its dialog is closed")
	}
}

// findInfiniteBar is the first infinite progress bar drawn in o.
func findInfiniteBar(o fyne.CanvasObject) *widget.ProgressBarInfinite {
	switch x := o.(type) {
	case nil:
		return nil
	case *widget.ProgressBarInfinite:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if bar := findInfiniteBar(c); bar != nil {
				return bar
			}
		}
		return nil
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			if bar := findInfiniteBar(c); bar != nil {
				return bar
			}
		}
	}
	return nil
}
