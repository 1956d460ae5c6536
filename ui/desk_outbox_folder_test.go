package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/ui/widgets"
)

// overlayEntries are the texts of the entries in the dialog on top of the
// fixture's window.
func overlayEntries(f *deskFixture) []string {
	var texts []string
	if top := f.e.win.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if e, ok := o.(*widgets.Entry); ok {
				texts = append(texts, e.Text)
			}
		}
	}
	return texts
}

// TestDeskSavesWaitingCheckinsToDocuments: a desk that never exported
// anything proposes to save its waiting check-ins in the user's Documents
// folder, not in the program's working folder ("."); the notice says the
// file's full path; the next save proposes the folder used.
func TestDeskSavesWaitingCheckinsToDocuments(t *testing.T) {
	f, px, _, _ := newServerDesk(t, true)
	o := f.s.store.(*offlineDesk)
	waitReplica(t, o)
	home := t.TempDir()
	docs := filepath.Join(home, "Documents")
	if err := osMkdir(docs); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	who := f.person(t, "")
	px.Cut()
	f.scan(t, who.Code)
	waitFor(t, "the save button", f.e.tasks, func() bool { return f.s.saveHeld.Visible() })

	test.Tap(f.s.saveHeld)
	if got := overlayEntries(f); len(got) < 1 || got[0] != docs {
		t.Fatalf("the save dialog proposes %q, want the folder %q", got, docs)
	}
	test.Tap(overlayButton(t, f.e.win, "Save"))
	files, _ := filepath.Glob(filepath.Join(docs, "*"+data.OutboxExtension))
	waitFor(t, "the outbox saved", f.e.tasks, func() bool {
		files, _ = filepath.Glob(filepath.Join(docs, "*"+data.OutboxExtension))
		top := f.e.win.Canvas().Overlays().Top()
		return len(files) == 1 && top != nil && richTextOrLabelSays(top, "1 check-in was saved to ")
	})
	if top := f.e.win.Canvas().Overlays().Top(); !richTextOrLabelSays(top, "saved to "+files[0]+".") {
		t.Errorf("the notice does not say the full path %s", files[0])
	}
	f.e.win.Canvas().Overlays().Top().Hide()

	// Saved elsewhere once, that folder is proposed next time.
	other := t.TempDir()
	test.Tap(f.s.saveHeld)
	for _, o := range test.LaidOutObjects(f.e.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widgets.Entry); ok && e.Text == docs {
			e.SetText(other)
			break
		}
	}
	test.Tap(overlayButton(t, f.e.win, "Save"))
	waitFor(t, "the second save", f.e.tasks, func() bool {
		top := f.e.win.Canvas().Overlays().Top()
		return top != nil && richTextOrLabelSays(top, "saved to "+other)
	})
	f.e.win.Canvas().Overlays().Top().Hide()
	test.Tap(f.s.saveHeld)
	if got := overlayEntries(f); len(got) < 1 || !strings.HasPrefix(got[0], other) {
		t.Errorf("after a save in %s, the dialog proposes %q", other, got)
	}
}

func osMkdir(path string) error { return os.MkdirAll(path, 0o755) }
