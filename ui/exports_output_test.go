package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/data/stores"
	"congres/ui/widgets"
)

// TestExportNeverOverTheCongress chooses, in the export's save dialog, the
// congress file itself (through a symbolic link named like a workbook),
// another congress file and a foreign database: each is refused with a
// sentence, the dialog asks nothing more, and the files stay as they were.
func TestExportNeverOverTheCongress(t *testing.T) {
	st, e, s, dir := newExportsTest(t, 10)
	congress := st.Path()
	link := filepath.Join(dir, "attendance.xlsx")
	if err := os.Symlink(congress, link); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "last-year.xlsx")
	if err := data.WriteDemo(t.Context(), other, data.DemoOptions{Participants: 5}); err != nil {
		t.Fatal(err)
	}
	read := func(path string) []byte {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	before, otherBefore := read(congress), read(other)

	for _, c := range []struct{ name, folder, file, says string }{
		{"Symlink", dir, "attendance.xlsx", "is the open congress file"},
		{"OtherCongress", dir, "last-year", "is a congress file or another database"},
	} {
		t.Run(c.name, func(t *testing.T) {
			test.Tap(s.attendance.save)
			top := e.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("Save opened no dialog")
			}
			var entries []*widgets.Entry
			for _, o := range test.LaidOutObjects(top) {
				if en, ok := o.(*widgets.Entry); ok {
					entries = append(entries, en)
				}
			}
			if len(entries) != 2 {
				t.Fatalf("%d entries in the save dialog", len(entries))
			}
			entries[0].SetText(c.folder)
			entries[1].SetText(c.file)
			tapDialogButton(t, e.win.Canvas(), "Save")
			waitIdle(t, e.tasks)
			assertDialogSays(t, e.win, c.says)
			tapDialogButton(t, e.win.Canvas(), "OK")
			if top := e.win.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("a dialog is left:\n%s", test.RenderObjectToMarkup(top))
			}
		})
	}
	t.Run("ConfirmReplace", func(t *testing.T) {
		t.Chdir(filepath.Dir(congress))
		for _, path := range []string{congress, "./" + filepath.Base(congress), congress + "-wal", congress + "-shm"} {
			s.attendance.saver.confirmReplace(path, func(string) { t.Errorf("%s was chosen", path) }, nil)
			assertDialogSays(t, e.win, "is the open congress file")
			tapDialogButton(t, e.win.Canvas(), "OK")
		}
	})
	if !bytes.Equal(read(congress), before) || !bytes.Equal(read(other), otherBefore) {
		t.Error("a congress file changed")
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if _, err := stores.Open(t.Context(), congress); err != nil {
		t.Errorf("the congress no longer opens: %v", err)
	}
}

// TestSaveCopyNeverOverACongress: Save a Copy onto the open file or another
// congress says so, and leaves both as they were.
func TestSaveCopyNeverOverACongress(t *testing.T) {
	u := newTestUI(t)
	path := demoFile(t, 10)
	u.openAsync(path)
	waitIdle(t, &u.tasks)
	other := filepath.Join(t.TempDir(), "other"+data.Extension)
	if err := data.WriteDemo(t.Context(), other, data.DemoOptions{Participants: 5}); err != nil {
		t.Fatal(err)
	}
	otherBefore, _ := os.ReadFile(other)
	for _, c := range []struct{ dest, says string }{
		{path, "is the open congress file"},
		{other, "is a congress file or another database"},
	} {
		u.saveCopyAsync(u.session(), c.dest)
		waitIdle(t, &u.tasks)
		assertDialogSays(t, u.win, c.says)
		tapDialogButton(t, u.win.Canvas(), "OK")
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(after, otherBefore) {
		t.Error("the other congress changed")
	}
}
