package ui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"congres/data"
	"congres/ui/widgets"
)

// Tests of the exports screen's tabs other than the badges (exports_test.go):
// the attendance workbook, lists, sign-in sheets and certificates.

// newExportsTest shows the exports of a demo congress of n people; exports
// are saved in the folder returned.
func newExportsTest(t *testing.T, n int) (*data.Store, *env, *exportsScreen, string) {
	t.Helper()
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, n))
	e := newTestEnv(t)
	prefs := a.Preferences()
	s := newExportsScreen(e, st, prefs, newBadgePrinter(e, st, prefs), func() data.ParticipantQuery { return data.ParticipantQuery{} })
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1100, 760))
	s.loadAsync()
	waitIdle(t, e.tasks)
	dir := t.TempDir()
	prefs.SetString(prefExportFolder, dir)
	return st, e, s, dir
}

// saveAs taps a Save… button, accepts the folder and file name proposed,
// waits for the file, and returns its content; name is the file name the
// form must propose.
func saveAs(t *testing.T, e *env, button *widget.Button, dir, name string) []byte {
	t.Helper()
	if button.Disabled() {
		t.Fatalf("%q is disabled", button.Text)
	}
	test.Tap(button)
	top := e.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("%q opened no dialog", button.Text)
	}
	var proposed string
	for _, o := range test.LaidOutObjects(top) {
		if en, ok := o.(*widgets.Entry); ok && en.Text != dir && en.Text != "" {
			proposed = en.Text
		}
	}
	if proposed != name {
		t.Errorf("file name proposed %q, want %q", proposed, name)
	}
	tapDialogButton(t, e.win.Canvas(), "Save")
	waitIdle(t, e.tasks)
	if top := e.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is left after saving:\n%s", test.RenderObjectToMarkup(top))
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("nothing saved: %v", err)
	}
	return b
}

// flatText is a PDF's text with its line breaks and runs of spaces as one
// space.
func flatText(t *testing.T, pdf []byte) string {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	return strings.Join(strings.Fields(pdfText(t, pdf)), " ")
}

func TestAttendanceWorkbook(t *testing.T) {
	_, e, s, dir := newExportsTest(t, 40)
	b := saveAs(t, e, s.attendance.save, dir, "attendance.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	// The demo's congress prints in French, the window's English whatever.
	for _, want := range []string{"Synthèse", "Participants", "Stands", "Restauration"} {
		if !slices.Contains(sheets, want) {
			t.Errorf("no sheet %q in %q", want, sheets)
		}
	}
	path := filepath.Join(dir, "attendance.xlsx")
	if st := s.attendance.status; !st.box.Visible() || !strings.Contains(st.label.Text, path) || !st.open.Visible() {
		t.Errorf("status %q (shown %v), Open the file shown %v", st.label.Text, st.box.Visible(), st.open.Visible())
	}

	t.Run("OpenTheFile", func(t *testing.T) {
		fake := newFakePrinting(t, false)
		test.Tap(s.attendance.status.open)
		waitIdle(t, e.tasks) // the file is opened off the UI thread
		if len(fake.opened) != 1 || fake.opened[0].Scheme != "file" || filepath.FromSlash(fake.opened[0].Path) != path {
			t.Errorf("opened %v, want %s", fake.opened, path)
		}
	})

	t.Run("NoProgramToOpenIt", func(t *testing.T) {
		newFakePrinting(t, false)
		openURL = func(*url.URL) error { return errors.New("no handler for file://") }
		test.Tap(s.attendance.status.open)
		waitIdle(t, e.tasks)
		if got := s.attendance.status.label.Text; got != "No program was found to open it: the file is "+path+"." {
			t.Errorf("status %q", got)
		}
	})

	t.Run("EnterSaves", func(t *testing.T) {
		// The file name has the keyboard and Enter saves, as in a desktop
		// save dialog (nothing had the keyboard: Enter did nothing).
		test.Tap(s.attendance.save)
		field, ok := e.win.Canvas().Focused().(*widgets.Entry)
		if !ok || field.Text != "attendance.xlsx" {
			t.Fatalf("focused %T, want the file name field", e.win.Canvas().Focused())
		}
		field.SetText("attendance-enter.xlsx")
		field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		waitIdle(t, e.tasks)
		if _, err := excelize.OpenFile(filepath.Join(dir, "attendance-enter.xlsx")); err != nil {
			t.Errorf("Enter saved no workbook: %v", err)
		}
	})

	t.Run("ReplaceAsks", func(t *testing.T) {
		// The name just used is proposed again (save_memory.go): saving
		// asks before replacing that file.
		path := filepath.Join(dir, "attendance-enter.xlsx")
		b, _ := os.ReadFile(path)
		test.Tap(s.attendance.save)
		if field, ok := e.win.Canvas().Focused().(*widgets.Entry); !ok || field.Text != "attendance-enter.xlsx" {
			t.Fatalf("focused %T, want the file name field with the name used last", e.win.Canvas().Focused())
		}
		tapDialogButton(t, e.win.Canvas(), "Save")
		assertDialogSays(t, e.win, path+" already exists. Replace it?")
		tapDialogButton(t, e.win.Canvas(), "No")
		tapDialogButton(t, e.win.Canvas(), "Cancel")
		waitIdle(t, e.tasks)
		if after, _ := os.ReadFile(path); !bytes.Equal(after, b) {
			t.Error("the file changed though No was answered")
		}
	})
}

func TestExportCancelLeavesNoFile(t *testing.T) {
	_, e, s, dir := newExportsTest(t, 10)
	for _, tc := range []struct {
		name string
		old  []byte // the file there before, nil for none
	}{
		{"NewFile", nil},
		{"ReplacedFile", []byte("the list of last year")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name+".csv")
			if tc.old != nil {
				if err := os.WriteFile(path, tc.old, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			started := make(chan struct{})
			saved := false
			s.lists.saver.writeAsync("Saving…", path, func(ctx context.Context, w io.Writer, progress func(done, total int)) error {
				if _, err := w.Write(bytes.Repeat([]byte("Dupont;Marie\r\n"), 10000)); err != nil {
					return err
				}
				progress(1, 2)
				close(started)
				<-ctx.Done()
				return ctx.Err()
			}, func(string) { saved = true })
			<-started
			tapDialogButton(t, e.win.Canvas(), "Cancel")
			waitIdle(t, e.tasks)
			if saved {
				t.Error("a cancelled export says it was saved")
			}
			if top := e.win.Canvas().Overlays().Top(); top != nil {
				t.Errorf("a dialog is left:\n%s", test.RenderObjectToMarkup(top))
			}
			b, err := os.ReadFile(path)
			switch {
			case tc.old == nil && !errors.Is(err, os.ErrNotExist):
				t.Errorf("a cancelled export left a file: %v", err)
			case tc.old != nil && !bytes.Equal(b, tc.old):
				t.Errorf("a cancelled export changed the file it was to replace: %q, %v", b[:min(len(b), 40)], err)
			}
			entries, _ := os.ReadDir(dir)
			for _, en := range entries {
				if strings.HasSuffix(en.Name(), ".part") {
					t.Errorf("a cancelled export left %s", en.Name())
				}
			}
		})
	}
}

// presetColumnOf is the form's row of a column.
func presetColumnOf(t *testing.T, f *listPresetForm, key string) *presetColumn {
	t.Helper()
	for _, c := range f.columns {
		if c.key == key {
			return c
		}
	}
	t.Fatalf("no column %q", key)
	return nil
}

// untickAll unticks every column of the form.
func untickAll(f *listPresetForm) {
	for _, c := range slices.Clone(f.columns) {
		if c.check.Checked {
			test.Tap(c.check)
		}
	}
}

func TestListPresets(t *testing.T) {
	st, e, s, dir := newExportsTest(t, 40)
	ctx := context.Background()
	l := s.lists
	if len(l.presets) != 0 || !l.saveCSV.Disabled() || !l.edit.Disabled() {
		t.Fatalf("a new congress has lists: %d, Save as CSV enabled %v", len(l.presets), !l.saveCSV.Disabled())
	}

	t.Run("NoColumns", func(t *testing.T) {
		l.onNewTapped()
		f := l.form
		test.Type(f.name, "Vide")
		untickAll(f)
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		if got := f.errs.text("columns"); got != data.ErrNoColumns.Message("en") {
			t.Errorf("under the columns: %q", got)
		}
		if presets, _ := st.ListPresets(ctx); len(presets) != 0 {
			t.Errorf("saved %+v", presets)
		}
		tapDialogButton(t, e.win.Canvas(), "Cancel")
	})

	want := []string{"diet", "last_name", "days", "first_name"}
	t.Run("CreateInOrder", func(t *testing.T) {
		l.onNewTapped()
		f := l.form
		test.Type(f.name, "Traiteur")
		untickAll(f)
		for _, key := range []string{"diet", "last_name", "first_name", "days"} {
			test.Tap(presetColumnOf(t, f, key).check)
		}
		if got := f.chosen(); !slices.Equal(got, []string{"diet", "last_name", "first_name", "days"}) {
			t.Errorf("ticked in order: %q", got)
		}
		days := presetColumnOf(t, f, "days")
		if !presetColumnOf(t, f, "diet").up.Disabled() || !days.down.Disabled() || presetColumnOf(t, f, "email").up.Visible() {
			t.Error("an arrow that can move nothing is enabled, or a column not ticked has arrows")
		}
		test.Tap(days.up)
		f.filters.status.SetSelected(statusLabel(data.StatusConfirmed))
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		p, err := st.ListPreset(ctx, "Traiteur")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(p.Columns, want) {
			t.Errorf("columns %q, want %q", p.Columns, want)
		}
		if p.Filter.Status != data.StatusConfirmed || !p.Filter.SkipCancelled || p.Filter.Sort != data.SortName {
			t.Errorf("filter %+v", p.Filter)
		}
		if l.presetName() != "Traiteur" || l.saveCSV.Disabled() {
			t.Errorf("chosen %q, Save as CSV enabled %v", l.presetName(), !l.saveCSV.Disabled())
		}
		if l.columns.Text != "Dietary requirement, Last name, Days, First name" {
			t.Errorf("columns shown %q", l.columns.Text)
		}
		n := len(storeIDs(t, st, p.Filter))
		if wantCount := countText("{{.Count}} participants", n); l.count.Text != wantCount {
			t.Errorf("count %q, want %q", l.count.Text, wantCount)
		}
	})

	t.Run("SaveAsCSVWithSemicolons", func(t *testing.T) {
		l.semicolon.SetChecked(true)
		b := saveAs(t, e, l.saveCSV, dir, "Traiteur.csv")
		if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
			t.Fatalf("no byte order mark: %q", b[:min(len(b), 20)])
		}
		lines := strings.Split(strings.TrimSuffix(string(b[3:]), "\r\n"), "\r\n")
		if lines[0] != "Régime alimentaire;Nom;Jours;Prénom" { // in the congress's language, French
			t.Errorf("header %q", lines[0])
		}
		p, _ := st.ListPreset(ctx, "Traiteur")
		if n := len(storeIDs(t, st, p.Filter)); len(lines) != n+1 {
			t.Errorf("%d lines, want %d people and the header", len(lines), n)
		}
		if !strings.Contains(l.status.label.Text, filepath.Join(dir, "Traiteur.csv")) {
			t.Errorf("status %q", l.status.label.Text)
		}
	})

	t.Run("SaveAsXLSX", func(t *testing.T) {
		b := saveAs(t, e, l.saveXLSX, dir, "Traiteur.xlsx")
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("not a workbook: %v", err)
		}
		defer f.Close()
		if sheets := f.GetSheetList(); len(sheets) != 1 {
			t.Errorf("sheets %q", sheets)
		}
	})

	t.Run("NameTaken", func(t *testing.T) {
		l.onNewTapped()
		f := l.form
		test.Type(f.name, "traiteur")
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		if got := f.errs.text("name"); !strings.Contains(got, "already exists") {
			t.Errorf("under the name: %q", got)
		}
		tapDialogButton(t, e.win.Canvas(), "Cancel")
	})

	t.Run("EditKeepsTheFilter", func(t *testing.T) {
		test.Tap(l.edit)
		f := l.form
		if f.name.Text != "Traiteur" || !slices.Equal(f.chosen(), want) ||
			f.filters.status.Selected != statusLabel(data.StatusConfirmed) || !f.skipCancelled.Checked {
			t.Fatalf("the form shows %q %q, status %q", f.name.Text, f.chosen(), f.filters.status.Selected)
		}
		test.Tap(presetColumnOf(t, f, "days").check)
		f.sort.SetSelectedIndex(slices.Index(listSorts, data.SortOrganisation))
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		p, _ := st.ListPreset(ctx, "Traiteur")
		if !slices.Equal(p.Columns, []string{"diet", "last_name", "first_name"}) || p.Filter.Sort != data.SortOrganisation ||
			p.Filter.Status != data.StatusConfirmed {
			t.Errorf("saved %q %+v", p.Columns, p.Filter)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		key := func(k fyne.KeyName) { e.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
		test.Tap(l.del)
		assertDialogSays(t, e.win, "The list “Traiteur” will be deleted")
		key(fyne.KeyEscape) // No
		waitIdle(t, e.tasks)
		if presets, _ := st.ListPresets(ctx); len(presets) != 1 || e.win.Canvas().Overlays().Top() != nil {
			t.Fatalf("Esc: %d lists in the file, the question still open %v", len(presets), e.win.Canvas().Overlays().Top() != nil)
		}
		test.Tap(l.del)
		assertDialogSays(t, e.win, "The list “Traiteur” will be deleted")
		key(fyne.KeyReturn) // Yes
		waitIdle(t, e.tasks)
		if presets, _ := st.ListPresets(ctx); len(presets) != 0 || len(l.presets) != 0 || !l.saveCSV.Disabled() {
			t.Errorf("after deleting: %d lists in the file, %d shown", len(presets), len(l.presets))
		}
	})
}

// countText is a message with a count, as the interface writes it.
func countText(key string, n int) string {
	return lang.N(key, n, map[string]any{"Count": n})
}

func TestSignInOneSession(t *testing.T) {
	st, e, s, dir := newExportsTest(t, 40)
	sessions, err := st.Sessions(context.Background())
	if err != nil || len(sessions) == 0 {
		t.Fatalf("no sessions in the demo: %v", err)
	}
	si := s.signIn
	if !si.save.Disabled() {
		t.Error("Save PDF… is enabled before a session is chosen")
	}
	i := slices.IndexFunc(sessions, func(se data.Session) bool { return se.Kind == data.KindWorkshop && se.Enrolled > 0 })
	if i < 0 {
		t.Fatal("no workshop with people enrolled in the demo")
	}
	si.session.SetSelectedIndex(i)
	if want := countText("{{.Count}} enrolled", sessions[i].Enrolled); si.note.Text != want {
		t.Errorf("note %q, want %q", si.note.Text, want)
	}
	text := flatText(t, saveAs(t, e, si.save, dir, "sign-in.pdf"))
	if !strings.Contains(text, strings.Join(strings.Fields(sessions[i].Title), " ")) {
		t.Errorf("the sheet lacks the session's title %q:\n%.600s", sessions[i].Title, text)
	}
	for j, se := range sessions {
		if j != i && se.Title != sessions[i].Title && strings.Contains(text, se.Title) {
			t.Errorf("the sheet of one session has another's title, %q", se.Title)
		}
	}

	t.Run("AllSessions", func(t *testing.T) {
		si.which.SetSelected(si.which.Options[signInAll])
		if !si.session.Disabled() || si.save.Disabled() {
			t.Error("all sessions: the session select is enabled, or Save PDF… is not")
		}
		test.Tap(si.save)
		tapDialogButton(t, e.win.Canvas(), "Save")
		tapDialogButton(t, e.win.Canvas(), "Yes") // replace sign-in.pdf
		waitIdle(t, e.tasks)
		b, err := os.ReadFile(filepath.Join(dir, "sign-in.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		text := flatText(t, b)
		for _, se := range sessions[:3] {
			if !strings.Contains(text, strings.Join(strings.Fields(se.Title), " ")) {
				t.Errorf("the sheets lack %q", se.Title)
			}
		}
	})
}

func TestCertificates(t *testing.T) {
	st, e, s, dir := newExportsTest(t, 40)
	c := s.certificates
	arrived := storeIDs(t, st, data.ParticipantQuery{CheckedIn: data.Yes, Sort: data.SortName})
	if len(arrived) < 2 {
		t.Fatalf("only %d people arrived in the demo", len(arrived))
	}
	if want := countText("{{.Count}} certificates", len(arrived)); c.count.Text != want || c.save.Disabled() {
		t.Errorf("everyone: %q, want %q", c.count.Text, want)
	}

	t.Run("OnePerson", func(t *testing.T) {
		c.who.SetSelected(c.who.Options[certificatesOne])
		if !c.save.Disabled() || !c.person.row.Visible() {
			t.Error("one person, nobody chosen: Save PDF… is enabled, or the entry hidden")
		}
		p := mustRow(t, st, arrived[1])
		test.Type(c.person.entry, p.Code)
		c.person.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		waitIdle(t, e.tasks)
		if c.person.id() != p.ID {
			t.Fatalf("chose %d, want %d", c.person.id(), p.ID)
		}
		text := flatText(t, saveAs(t, e, c.save, dir, "certificate "+p.FirstName+" "+p.LastName+".pdf"))
		if !strings.Contains(text, p.FirstName) || !strings.Contains(text, p.LastName) {
			t.Errorf("the certificate lacks %s %s:\n%.600s", p.FirstName, p.LastName, text)
		}
		other := mustRow(t, st, arrived[0])
		if strings.Contains(text, other.FirstName+" "+other.LastName) {
			t.Errorf("the certificate of one person has another's name, %s %s", other.FirstName, other.LastName)
		}
	})

	t.Run("NotArrived", func(t *testing.T) {
		absent := storeIDs(t, st, data.ParticipantQuery{CheckedIn: data.No})
		if len(absent) == 0 {
			t.Skip("everyone arrived in the demo")
		}
		p := mustRow(t, st, absent[0])
		c.person.choose(p)
		if !c.save.Disabled() || !strings.Contains(c.count.Text, "has not arrived") {
			t.Errorf("someone who has not arrived: %q, Save PDF… enabled %v", c.count.Text, !c.save.Disabled())
		}
	})
}

func TestCongressSettingsSignature(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	c := s.congress
	ctx := context.Background()
	cg, _ := st.Congress(ctx)
	sig := pngLogo(t)
	cg.Signature, cg.Signatory = sig, "Marie Dupont, présidente"
	if err := st.UpdateCongress(ctx, &cg); err != nil {
		t.Fatal(err)
	}
	c.loadAsync()
	waitIdle(t, e.tasks)
	if !bytes.Equal(c.signature.data, sig) || !c.signature.remove.Visible() || c.signature.none.Visible() ||
		c.signatory.Text != "Marie Dupont, présidente" {
		t.Fatalf("the form shows a signature of %d bytes, signatory %q", len(c.signature.data), c.signatory.Text)
	}

	t.Run("KeptWhenTheNameIsSaved", func(t *testing.T) {
		c.name.SetText("")
		test.Type(c.name, "Congrès de Lille")
		test.Tap(c.save)
		waitIdle(t, e.tasks)
		got, _ := st.Congress(ctx)
		if got.Name != "Congrès de Lille" || !bytes.Equal(got.Signature, sig) || got.Signatory != "Marie Dupont, présidente" {
			t.Errorf("saved %q, signature %d bytes, signatory %q", got.Name, len(got.Signature), got.Signatory)
		}
	})

	t.Run("Invalid", func(t *testing.T) {
		c.signature.choose([]byte("GIF89a, a scanned signature"))
		test.Tap(c.save)
		waitIdle(t, e.tasks)
		if got := c.errs.text("signature"); got != data.ErrSignatureInvalid.Message("en") {
			t.Errorf("under the signature: %q", got)
		}
		if got, _ := st.Congress(ctx); !bytes.Equal(got.Signature, sig) {
			t.Error("an invalid signature was saved")
		}
	})

	t.Run("Removed", func(t *testing.T) {
		test.Tap(c.signature.remove)
		c.signatory.SetText("")
		test.Type(c.signatory, "Paul Martin, trésorier")
		test.Tap(c.save)
		waitIdle(t, e.tasks)
		got, _ := st.Congress(ctx)
		if len(got.Signature) != 0 || got.Signatory != "Paul Martin, trésorier" {
			t.Errorf("saved a signature of %d bytes, signatory %q", len(got.Signature), got.Signatory)
		}
		if !c.signature.none.Visible() || c.signature.remove.Visible() {
			t.Error("the form still shows a signature")
		}
	})
}

func TestExportsListsRenders(t *testing.T) {
	st, e, s, _ := newExportsTest(t, 20)
	p := data.ListPreset{Name: "Traiteur", Columns: []string{"last_name", "first_name", "organisation", "diet", "days"},
		Filter: data.ParticipantQuery{SkipCancelled: true, Status: data.StatusConfirmed, Sort: data.SortName}}
	if err := st.SaveListPreset(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	s.loadAsync()
	s.tabs.SelectIndex(listsTab)
	waitIdle(t, e.tasks)
	e.win.Resize(fyne.NewSize(1000, 600))
	test.AssertRendersToMarkup(t, "exports_lists.xml", e.win.Canvas())
}
