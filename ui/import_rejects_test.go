package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/ui/widgets"
)

// TestImportDialogRejects: each reason shows whole in the list (its row
// as tall as its wrapped text), and "Save the rejected rows…" writes them
// with their line and reason in the file's own columns.
func TestImportDialogRejects(t *testing.T) {
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1100, 800))
	dir := t.TempDir()
	a.Preferences().SetString(prefExportFolder, dir)
	path := importCSV(t)
	d := openImportTest(t, e, st, path, nil)
	if !d.rejectsBtn.Visible() || d.report.Rejected != 2 {
		t.Fatalf("rejected %d, button shown %v", d.report.Rejected, d.rejectsBtn.Visible())
	}
	// The list's rows wrap their text: the long reason is whole, on
	// several lines.
	item := newIssueItem()
	d.issueList.Resize(fyne.NewSize(300, 400))
	d.updateIssueItem(1, item)
	label := item.(*fyne.Container).Objects[0].(*widget.Label)
	if label.Truncation != fyne.TextTruncateOff || label.Wrapping != fyne.TextWrapWord || label.Text != issueText(d.issues[1]) {
		t.Fatalf("the reason is cut: %q", label.Text)
	}
	if one := d.issueRowHeight("Line 4"); d.issueHeights[1] < 1.5*one {
		t.Errorf("row height %v for %q (one line: %v)", d.issueHeights[1], label.Text, one)
	}

	test.Tap(d.rejectsBtn)
	tapDialogButton(t, e.win.Canvas(), "Save")
	waitIdle(t, e.tasks)
	b, err := os.ReadFile(filepath.Join(filepath.Dir(path), "inscriptions-rejected.csv"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "\ufeffLine;Reason;Prénom;Nom;E-mail;Structure;Catégorie\r\n3;") ||
		!strings.Contains(text, ";Yves;Yonne;yves@@bad;Coop Y;Adhérent·e\r\n") ||
		!strings.Contains(text, "\r\n4;Catégorie: There is no category “Mécène”") {
		t.Errorf("%q", text)
	}
}

// TestImportRejectsEnterSaves: "Save the rejected rows…" opens its dialog
// with the file name field focused, and Enter saves, as a desktop save
// dialog does.
func TestImportRejectsEnterSaves(t *testing.T) {
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	e.win.Resize(fyne.NewSize(1100, 800))
	a.Preferences().SetString(prefExportFolder, t.TempDir())
	path := importCSV(t)
	d := openImportTest(t, e, st, path, nil)
	if d.report.Rejected != 2 {
		t.Fatalf("rejected %d", d.report.Rejected)
	}
	test.Tap(d.rejectsBtn)
	c := e.win.Canvas()
	field, ok := c.Focused().(*widgets.Entry)
	if !ok || field.Text != "inscriptions-rejected.csv" {
		t.Fatalf("focused %T %v, want the file name field", c.Focused(), c.Focused())
	}
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, e.tasks)
	b, err := os.ReadFile(filepath.Join(filepath.Dir(path), "inscriptions-rejected.csv"))
	if err != nil || !strings.HasPrefix(string(b), "\ufeffLine;Reason;") {
		t.Fatalf("%q, %v", b, err)
	}
}
