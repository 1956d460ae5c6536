package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// saveDialogFields taps button and returns the folder and file name fields
// of the save dialog it opens.
func saveDialogFields(t *testing.T, e *env, button *widget.Button) (folder, name *widgets.Entry) {
	t.Helper()
	test.Tap(button)
	top := e.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%q opened no dialog", button.Text)
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
	return entries[0], entries[1]
}

// saveThere saves through the dialog button opens, in folder under name
// (replacing the file there), and checks that the file is there.
func saveThere(t *testing.T, e *env, button *widget.Button, folder, name string) {
	t.Helper()
	f, n := saveDialogFields(t, e, button)
	f.SetText(folder)
	n.SetText(name)
	_, err := os.Stat(filepath.Join(folder, name))
	tapDialogButton(t, e.win.Canvas(), "Save")
	if err == nil {
		assertDialogSays(t, e.win, "already exists. Replace it?")
		tapDialogButton(t, e.win.Canvas(), "Yes")
	}
	waitIdle(t, e.tasks)
	if top := e.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is left after saving:\n%s", test.RenderObjectToMarkup(top))
	}
	if _, err := os.Stat(filepath.Join(folder, name)); err != nil {
		t.Fatalf("nothing saved: %v", err)
	}
}

// proposed checks the folder and file name the dialog button opens
// proposes, then cancels it.
func proposed(t *testing.T, e *env, button *widget.Button, folder, name string) {
	t.Helper()
	f, n := saveDialogFields(t, e, button)
	if f.Text != folder || n.Text != name {
		t.Errorf("%q proposes %q in %q, want %q in %q", button.Text, n.Text, f.Text, name, folder)
	}
	tapDialogButton(t, e.win.Canvas(), "Cancel")
}

// TestSaveProposesTheLastNameAndFolder: once the attendance workbook is
// saved under another name in another folder, the next save proposes that
// name and folder (it proposed "attendance.xlsx" again in the folder of
// any last export), in this window and in the next window on the same
// congress, not for another congress. Another kind of file proposes its own
// name, in that folder. When the folder was deleted since, the name is
// proposed in a folder that exists.
func TestSaveProposesTheLastNameAndFolder(t *testing.T) {
	st, e, s, dir := newExportsTest(t, 10)
	s.signIn.which.SetSelected(s.signIn.which.Options[signInAll])
	prefs := fyne.CurrentApp().Preferences()
	usb := filepath.Join(t.TempDir(), "usb")
	if err := os.Mkdir(usb, 0o755); err != nil {
		t.Fatal(err)
	}
	proposed(t, e, s.attendance.save, dir, "attendance.xlsx")
	saveThere(t, e, s.attendance.save, usb, "attendance-friday.xlsx")
	proposed(t, e, s.attendance.save, usb, "attendance-friday.xlsx")
	proposed(t, e, s.signIn.save, usb, "sign-in.pdf")

	// Saved again, the same name replaces the file, once agreed.
	f, n := saveDialogFields(t, e, s.attendance.save)
	if f.Text != usb || n.Text != "attendance-friday.xlsx" {
		t.Fatalf("proposes %q in %q", n.Text, f.Text)
	}
	tapDialogButton(t, e.win.Canvas(), "Save")
	assertDialogSays(t, e.win, "already exists. Replace it?")
	tapDialogButton(t, e.win.Canvas(), "Yes")
	waitIdle(t, e.tasks)

	// The congress opened again: a new exports screen, the same preferences.
	again := newExportsScreen(e, st, prefs, newBadgePrinter(e, st, prefs), func() data.ParticipantQuery { return data.ParticipantQuery{} })
	e.win.SetContent(again.build())
	again.loadAsync()
	waitIdle(t, e.tasks)
	proposed(t, e, again.attendance.save, usb, "attendance-friday.xlsx")

	// Another congress: its own first name, in the last export folder.
	other := mustOpen(t, demoFile(t, 5))
	third := newExportsScreen(e, other, prefs, newBadgePrinter(e, other, prefs), func() data.ParticipantQuery { return data.ParticipantQuery{} })
	e.win.SetContent(third.build())
	third.loadAsync()
	waitIdle(t, e.tasks)
	proposed(t, e, third.attendance.save, usb, "attendance.xlsx")

	// The USB key taken out: the name, in the congress file's folder.
	if err := os.RemoveAll(usb); err != nil {
		t.Fatal(err)
	}
	e.win.SetContent(again.build())
	proposed(t, e, again.attendance.save, filepath.Dir(st.Path()), "attendance-friday.xlsx")
	saveThere(t, e, again.attendance.save, filepath.Dir(st.Path()), "attendance-friday.xlsx")
}

// TestSaveRemembersEachKind: each kind of file is remembered on its own
// (the badges too, saved through the badge printer); one person's certificate keeps only
// its folder (the preferences never hold a participant's name), and the
// certificates of everyone keep their own name.
func TestSaveRemembersEachKind(t *testing.T) {
	st, e, s, dir := newExportsTest(t, 40)
	s.signIn.which.SetSelected(s.signIn.which.Options[signInAll])
	prefs := fyne.CurrentApp().Preferences()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, d := range []string{a, b} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	c := s.certificates
	saveThere(t, e, c.save, a, "all-certificates.pdf")
	saveThere(t, e, s.signIn.save, b, "sheets-friday.pdf")
	proposed(t, e, c.save, a, "all-certificates.pdf")

	arrived := storeIDs(t, st, data.ParticipantQuery{CheckedIn: data.Yes, Sort: data.SortName})
	if len(arrived) == 0 {
		t.Fatal("nobody arrived in the demo")
	}
	p := mustRow(t, st, arrived[0])
	c.who.SetSelected(c.who.Options[certificatesOne])
	c.person.choose(p)
	waitIdle(t, e.tasks)
	mine := "certificate " + p.FirstName + " " + p.LastName + ".pdf"
	proposed(t, e, c.save, b, mine) // the congress's last folder, its own name
	saveThere(t, e, c.save, a, "for "+p.LastName+".pdf")
	saveThere(t, e, s.signIn.save, b, "sheets-friday.pdf")
	proposed(t, e, c.save, a, mine) // its own folder, not its name
	if saved := prefs.String(prefLastSaves); strings.Contains(saved, p.LastName) {
		t.Errorf("the preferences hold a participant's name: %s", saved)
	}
	c.who.SetSelected(c.who.Options[0])
	waitIdle(t, e.tasks)
	proposed(t, e, c.save, a, "all-certificates.pdf")
	proposed(t, e, s.signIn.save, b, "sheets-friday.pdf")
	proposed(t, e, s.attendance.save, b, "attendance.xlsx") // the congress's last folder

	// The badges, saved through the badge printer.
	bx := s.badges
	bx.who.SetSelected(bx.who.Options[badgesUnprinted])
	waitIdle(t, e.tasks)
	proposed(t, e, bx.save, b, "badges.pdf")
	saveThere(t, e, bx.save, a, "badges-batch-1.pdf")
	bx.who.SetSelected(bx.who.Options[0])
	waitIdle(t, e.tasks)
	proposed(t, e, bx.save, a, "badges-batch-1.pdf")
}

// TestSaveMemoryProposals: the rules of what is proposed: for the rejected
// rows of the same imported file or of another, a copy of the congress
// (today's name, the last copy's folder), a folder that no longer exists,
// a kind not saved yet, the interface in another language since.
func TestSaveMemoryProposals(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	congress := filepath.Join(dir, "congress"+data.Extension)
	imports, kept, gone := filepath.Join(dir, "imports"), filepath.Join(dir, "kept"), filepath.Join(dir, "gone")
	for _, d := range []string{imports, kept} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	fallback := func() string { return dir }
	m := newSaveMemory(a.Preferences(), congress)
	check := func(what, kind, def, at, folder, name string) {
		t.Helper()
		if f, n := m.propose(kind, def, at, fallback); f != folder || n != name {
			t.Errorf("%s: proposes %q in %q, want %q in %q", what, n, f, name, folder)
		}
	}
	check("nothing saved", "rejected a.csv", "a-rejected.csv", imports, imports, "a-rejected.csv")
	m.remember("rejected a.csv", filepath.Join(kept, "a-fix.csv"), false)
	check("the same file's", "rejected a.csv", "a-rejected.csv", imports, kept, "a-fix.csv")
	check("another file's", "rejected b.csv", "b-rejected.csv", imports, imports, "b-rejected.csv")

	m.remember(copyKind, filepath.Join(kept, "congress-20261207"+data.Extension), true)
	check("a copy", copyKind, "congress-20261208"+data.Extension, dir, kept, "congress-20261208"+data.Extension)

	m.remember("attendance.xlsx", filepath.Join(gone, "friday.xlsx"), false)
	check("a folder deleted", "attendance.xlsx", "attendance.xlsx", "", kept, "friday.xlsx")
	check("another kind", "signin.pdf", "sign-in.pdf", "", kept, "sign-in.pdf")
	check("in another language", "attendance.xlsx", "presence.xlsx", "", kept, "friday.xlsx")

	// Another congress, even one of the same name elsewhere, remembers its own.
	o := newSaveMemory(a.Preferences(), filepath.Join(kept, "congress"+data.Extension))
	if f, n := o.propose("attendance.xlsx", "attendance.xlsx", "", fallback); f != dir || n != "attendance.xlsx" {
		t.Errorf("another congress: proposes %q in %q", n, f)
	}
	// A server's congress is remembered without its password.
	srv := newSaveMemory(a.Preferences(), "postgres://anne:secret@db.local/congres")
	srv.remember("attendance.xlsx", filepath.Join(kept, "x.xlsx"), false)
	if saved := a.Preferences().String(prefLastSaves); strings.Contains(saved, "secret") {
		t.Errorf("the preferences hold a password: %s", saved)
	}
	if f, n := newSaveMemory(a.Preferences(), "postgres://anne:other@db.local/congres").propose("attendance.xlsx", "attendance.xlsx", "", fallback); f != kept || n != "x.xlsx" {
		t.Errorf("the server's congress: proposes %q in %q", n, f)
	}
}

// TestSaveRemembersEachList: each list is remembered by its name and
// format; another list proposes its own name, in the folder of the last.
func TestSaveRemembersEachList(t *testing.T) {
	st, e, s, dir := newExportsTest(t, 10)
	for _, name := range []string{"Hotel", "Caterer"} {
		if err := st.SaveListPreset(t.Context(), &data.ListPreset{Name: name, Columns: []string{"last_name"}}); err != nil {
			t.Fatal(err)
		}
	}
	l := s.lists
	l.reloadAsync("Hotel")
	waitIdle(t, e.tasks)
	sub := filepath.Join(dir, "lists")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	saveThere(t, e, l.saveCSV, sub, "hotel-rooms.csv")
	proposed(t, e, l.saveCSV, sub, "hotel-rooms.csv")
	proposed(t, e, l.saveXLSX, sub, "Hotel.xlsx")
	l.reloadAsync("Caterer")
	waitIdle(t, e.tasks)
	proposed(t, e, l.saveCSV, sub, "Caterer.csv")
	l.reloadAsync("Hotel")
	waitIdle(t, e.tasks)
	proposed(t, e, l.saveCSV, sub, "hotel-rooms.csv")
}

// TestSaveCopyProposesTheLastFolder: Save a Copy proposes the folder of
// the last copy of this congress (a USB key), with today's name, never the
// last copy's (a copy is never saved over another); first, and once that
// folder is gone, the congress file's folder.
func TestSaveCopyProposesTheLastFolder(t *testing.T) {
	u := newTestUI(t)
	path := demoFile(t, 10)
	u.openAsync(path)
	waitIdle(t, &u.tasks)
	fields := func() (folder, name *widgets.Entry) {
		t.Helper()
		u.onSaveCopy()
		var entries []*widgets.Entry
		for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
			if en, ok := o.(*widgets.Entry); ok {
				entries = append(entries, en)
			}
		}
		if len(entries) != 2 {
			t.Fatalf("%d entries in the Save a Copy dialog", len(entries))
		}
		return entries[0], entries[1]
	}
	home, _ := filepath.Abs(filepath.Dir(path))
	f, n := fields()
	if f.Text != home {
		t.Errorf("first copy: proposed in %q, want %q", f.Text, home)
	}
	today := n.Text
	usb := filepath.Join(t.TempDir(), "usb")
	if err := os.Mkdir(usb, 0o755); err != nil {
		t.Fatal(err)
	}
	f.SetText(usb)
	n.SetText("before-the-desk")
	tapDialogButton(t, u.win.Canvas(), "Save")
	waitIdle(t, &u.tasks)
	assertDialogSays(t, u.win, "A copy of the congress was saved")
	tapDialogButton(t, u.win.Canvas(), "OK")
	if _, err := os.Stat(filepath.Join(usb, "before-the-desk"+data.Extension)); err != nil {
		t.Fatalf("no copy: %v", err)
	}
	if f, n := fields(); f.Text != usb || n.Text != today {
		t.Errorf("next copy: %q in %q, want %q in %q", n.Text, f.Text, today, usb)
	}
	tapDialogButton(t, u.win.Canvas(), "Cancel")
	if err := os.RemoveAll(usb); err != nil {
		t.Fatal(err)
	}
	if f, _ := fields(); f.Text != home {
		t.Errorf("the USB key taken out: proposed in %q, want %q", f.Text, home)
	}
}
