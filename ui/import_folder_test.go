package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestImportStartsInTheCongressFolder: the Participants page's Import…
// opens its chooser in the congress file's folder, where the menu's Import
// starts too, showing the registrations kept beside it; it opened in the
// home folder.
func TestImportStartsInTheCongressFolder(t *testing.T) {
	st, e, s := newParticipantsTest(t, 20)
	e.win.Resize(fyne.NewSize(1366, 768))
	dir := filepath.Dir(st.Path())
	if err := os.WriteFile(filepath.Join(dir, "inscriptions-helloasso.csv"), []byte("Nom\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.importFile("")
	if e.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no file chooser")
	}
	var texts []string
	for _, m := range regexp.MustCompile(`>([^<>]+)</text>`).FindAllStringSubmatch(test.RenderToMarkup(e.win.Canvas()), -1) {
		texts = append(texts, strings.TrimSpace(m[1]))
	}
	// The folder's path is the chooser's row of buttons, its files the
	// grid ("inscriptio ns-hello…" as a name wraps).
	if shown := strings.Join(texts, " "); !strings.Contains(shown, filepath.Base(filepath.Dir(dir))+" "+filepath.Base(dir)) ||
		!strings.Contains(shown, "inscriptio") {
		t.Errorf("the chooser is not in the congress's folder %s: %s", dir, shown)
	}
}
