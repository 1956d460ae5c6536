package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/export"
)

// fakePrinting stands in for lp, lpstat and the PDF viewer for the length
// of a test, and records what they were asked.
type fakePrinting struct {
	mu       sync.Mutex
	lp       bool       // lp and lpstat exist
	printers []string   // lpstat -e
	calls    [][]string // the command lines run
	pdfs     [][]byte   // the file lp was given, as it was when lp ran
	opened   []*url.URL // the files opened in the viewer
	block    bool       // lp waits until its context is cancelled
	fail     string     // what lp says when it refuses the file, "" when it takes it
}

func newFakePrinting(t *testing.T, lp bool) *fakePrinting {
	t.Helper()
	f := &fakePrinting{lp: lp}
	oldLook, oldRun, oldOpen := lookPath, runCommand, openURL
	t.Cleanup(func() { lookPath, runCommand, openURL = oldLook, oldRun, oldOpen })
	lookPath = func(name string) (string, error) {
		if f.lp && (name == "lp" || name == "lpstat") {
			return "/usr/bin/" + name, nil
		}
		return "", exec.ErrNotFound
	}
	runCommand = func(ctx context.Context, name string, args ...string) ([]byte, error) {
		f.mu.Lock()
		f.calls = append(f.calls, append([]string{name}, args...))
		var pdf []byte
		if name == "lp" {
			pdf, _ = os.ReadFile(args[len(args)-1])
			f.pdfs = append(f.pdfs, pdf)
		}
		block, fail := f.block, f.fail
		f.mu.Unlock()
		switch {
		case name == "lpstat":
			return []byte(strings.Join(f.printers, "\n") + "\n"), nil
		case block:
			<-ctx.Done()
			return nil, errors.New("signal: killed")
		case fail != "":
			return []byte(fail + "\n"), errors.New("exit status 1")
		case !bytes.HasPrefix(pdf, []byte("%PDF")):
			return []byte("lp: unsupported document-format"), errors.New("exit status 1")
		}
		return []byte("request id is HP-42 (1 file(s))"), nil
	}
	openURL = func(u *url.URL) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.opened = append(f.opened, u)
		return nil
	}
	return f
}

func (f *fakePrinting) lpCalls() [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out [][]string
	for _, c := range f.calls {
		if c[0] == "lp" {
			out = append(out, c)
		}
	}
	return out
}

// newBadgeExportTest shows the badges of a demo congress of n people on
// the exports screen. The participants screen's list is filtered.
func newBadgeExportTest(t *testing.T, n int, filtered data.ParticipantQuery) (*data.Store, *env, *badgeExport, fyne.Preferences) {
	t.Helper()
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, n))
	e := newTestEnv(t)
	prefs := a.Preferences()
	s := newExportsScreen(e, st, prefs, newBadgePrinter(e, st, prefs), func() data.ParticipantQuery { return filtered })
	b := s.badges
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1100, 760))
	s.loadAsync()
	waitIdle(t, e.tasks)
	return st, e, b, prefs
}

// storeIDs is the store's answer to a query.
func storeIDs(t *testing.T, st *data.Store, q data.ParticipantQuery) []int64 {
	t.Helper()
	ids, err := st.ParticipantIDs(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// pdfText is the text of a PDF, by pdftotext; it skips the test when
// poppler is missing, unless CONGRES_REQUIRE_TOOLS is set.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
			t.Fatal("pdftotext (poppler-utils) is missing")
		}
		t.Skip("pdftotext (poppler-utils) is missing")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// assertBadgesOf checks that a PDF holds these people's badges.
func assertBadgesOf(t *testing.T, st *data.Store, pdf []byte, ids []int64) {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	rows, err := st.ParticipantRows(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdfText(t, pdf)), " ")
	for _, r := range rows {
		if !strings.Contains(text, r.LastName) || !strings.Contains(text, r.FirstName) {
			t.Errorf("the PDF lacks %s %s:\n%.400s", r.FirstName, r.LastName, text)
		}
	}
}

// printsOf counts each person's badge prints.
func printsOf(t *testing.T, st *data.Store, ids []int64) map[int64]int {
	t.Helper()
	m := map[int64]int{}
	for _, id := range ids {
		prints, err := st.BadgePrints(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		m[id] = len(prints)
	}
	return m
}

func TestBadgesSavePDF(t *testing.T) {
	st, e, b, prefs := newBadgeExportTest(t, 60, data.ParticipantQuery{})
	ctx := context.Background()
	b.who.SetSelected(b.who.Options[badgesUnprinted])
	waitIdle(t, e.tasks)
	want := storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true, BadgePrinted: data.No, Sort: data.SortName})
	if len(want) < 2 {
		t.Fatalf("only %d people without a badge in the demo", len(want))
	}
	pages := (len(want) + 9) / 10
	if wantCount := countLine(len(want), pages); b.count.Text != wantCount {
		t.Errorf("count %q, want %q", b.count.Text, wantCount)
	}
	if b.preview.Image == nil || b.previewNone.Visible() {
		t.Error("no preview")
	} else if w, h := b.preview.Image.Bounds().Dx(), b.preview.Image.Bounds().Dy(); w < 100 || (h*210+w*297/2)/(w*297) != 1 ||
		float64(w) > float64(b.preview.Size().Width)+1 {
		t.Errorf("preview %d×%d px, want an A4 page drawn at the size shown (%v)", w, h, b.preview.Size())
	}

	dir := t.TempDir()
	prefs.SetString(prefExportFolder, dir)
	test.Tap(b.save)
	tapDialogButton(t, e.win.Canvas(), "Save")
	waitIdle(t, e.tasks)
	path := filepath.Join(dir, "badges.pdf")
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no PDF saved: %v", err)
	}
	assertBadgesOf(t, st, pdf, want[:3])
	if n, _ := st.CountBadgePrinted(ctx, want); n != len(want) {
		t.Errorf("%d of %d prints recorded", n, len(want))
	}
	prints, _ := st.BadgePrints(ctx, want[0])
	if len(prints) != 1 || prints[0].Layout != defaultBadgeLayout {
		t.Errorf("prints of the first: %+v", prints)
	}
	if !strings.Contains(b.status.label.Text, path) {
		t.Errorf("status %q does not say where", b.status.label.Text)
	}
	if b.count.Text != "No badge to print." || !b.save.Disabled() {
		t.Errorf("after printing everyone without a badge: %q, save enabled %v", b.count.Text, !b.save.Disabled())
	}
}

// countLine is the count shown for n badges on p pages.
func countLine(n, p int) string {
	badges, pages := "badges", "pages"
	if n == 1 {
		badges = "badge"
	}
	if p == 1 {
		pages = "page"
	}
	return fmt.Sprintf("%d %s, %d %s", n, badges, p, pages)
}

func TestBadgesReprintQuestion(t *testing.T) {
	st, e, b, prefs := newBadgeExportTest(t, 60, data.ParticipantQuery{})
	ctx := context.Background()
	dir := t.TempDir()
	prefs.SetString(prefExportFolder, dir)
	printed := storeIDs(t, st, data.ParticipantQuery{BadgePrinted: data.Yes, SkipCancelled: true})
	if len(printed) == 0 {
		t.Fatal("nobody has a badge in the demo")
	}

	t.Run("OnePersonCancel", func(t *testing.T) {
		rows, _ := st.ParticipantRows(ctx, printed[:1])
		b.who.SetSelected(b.who.Options[badgesOne])
		test.Type(b.person.entry, rows[0].Code)
		b.person.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		waitIdle(t, e.tasks)
		if b.person.id() != rows[0].ID || b.count.Text != "1 badge, 1 page" {
			t.Fatalf("chose %d (%q), want %d", b.person.id(), b.count.Text, rows[0].ID)
		}
		before := printsOf(t, st, printed[:1])
		b.saveTo(filepath.Join(dir, "one.pdf"))
		top := ptTopDialog(t, e, "already has a badge (printed on")
		if !strings.Contains(test.RenderObjectToMarkup(top), rows[0].FirstName+" "+rows[0].LastName) {
			t.Error("the question does not name the person")
		}
		tapDialogButton(t, e.win.Canvas(), "Cancel")
		waitIdle(t, e.tasks)
		if _, err := os.Stat(filepath.Join(dir, "one.pdf")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Cancel wrote the PDF: %v", err)
		}
		if after := printsOf(t, st, printed[:1]); !mapsEqual(after, before) {
			t.Errorf("Cancel recorded prints: %v, was %v", after, before)
		}
	})

	t.Run("OnePersonAgain", func(t *testing.T) {
		before := printsOf(t, st, printed[:1])
		b.saveTo(filepath.Join(dir, "one.pdf"))
		ptTopDialog(t, e, "already has a badge")
		tapDialogButton(t, e.win.Canvas(), "Print another")
		waitIdle(t, e.tasks)
		pdf, err := os.ReadFile(filepath.Join(dir, "one.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		assertBadgesOf(t, st, pdf, printed[:1])
		if after := printsOf(t, st, printed[:1]); after[printed[0]] != before[printed[0]]+1 {
			t.Errorf("prints %v, was %v", after, before)
		}
	})

	t.Run("EveryoneOnlyTheOthers", func(t *testing.T) {
		b.who.SetSelected(b.who.Options[badgesEveryone])
		waitIdle(t, e.tasks)
		all := storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true, Sort: data.SortName})
		printed := storeIDs(t, st, data.ParticipantQuery{BadgePrinted: data.Yes, SkipCancelled: true})
		before := printsOf(t, st, all)
		path := filepath.Join(dir, "others.pdf")
		b.saveTo(path)
		ptTopDialog(t, e, fmt.Sprintf("%d of the %d people chosen already have a badge", len(printed), len(all)))
		tapDialogButton(t, e.win.Canvas(), "Only the others")
		waitIdle(t, e.tasks)
		after := printsOf(t, st, all)
		var others []int64
		for _, id := range all {
			want := before[id]
			if !slices.Contains(printed, id) {
				want++
				others = append(others, id)
			}
			if after[id] != want {
				t.Errorf("participant %d: %d prints, want %d", id, after[id], want)
			}
		}
		pdf, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		assertBadgesOf(t, st, pdf, others[:2])
		if text := pdfText(t, pdf); strings.Contains(text, mustRow(t, st, printed[0]).Code) {
			t.Error("the PDF has the badge of someone who had one")
		}
	})

	t.Run("ReplaceAsks", func(t *testing.T) {
		b.saveTo(filepath.Join(dir, "others.pdf"))
		ptTopDialog(t, e, "already exists")
		tapDialogButton(t, e.win.Canvas(), "No")
		waitIdle(t, e.tasks)
	})
}

func mapsEqual(a, b map[int64]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func mustRow(t *testing.T, st *data.Store, id int64) data.ParticipantRow {
	t.Helper()
	rows, err := st.ParticipantRows(context.Background(), []int64{id})
	if err != nil || len(rows) != 1 {
		t.Fatalf("participant %d: %v", id, err)
	}
	return rows[0]
}

func TestBadgesPrint(t *testing.T) {
	filtered := data.ParticipantQuery{Search: "a", BadgePrinted: data.No, Limit: 50}
	st, e, b, prefs := newBadgeExportTest(t, 60, filtered)
	ctx := context.Background()
	b.who.SetSelected(b.who.Options[badgesFiltered])
	b.order.SetSelected(b.order.Options[1])
	waitIdle(t, e.tasks)
	want := storeIDs(t, st, data.ParticipantQuery{Search: "a", BadgePrinted: data.No, Sort: data.SortOrganisation})
	if len(want) == 0 {
		t.Fatal("the filtered list is empty")
	}

	t.Run("WithLP", func(t *testing.T) {
		fake := newFakePrinting(t, true)
		prefs.SetString(prefPrinter, "HP_Accueil")
		test.Tap(b.print)
		waitIdle(t, e.tasks)
		calls := fake.lpCalls()
		if len(calls) != 1 {
			t.Fatalf("lp run %d times", len(calls))
		}
		file := calls[0][3]
		if !slices.Equal(calls[0], []string{"lp", "-d", "HP_Accueil", file}) {
			t.Errorf("command line %q", calls[0])
		}
		if _, err := os.Stat(file); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the PDF sent to lp is still there: %v", err)
		}
		assertBadgesOf(t, st, fake.pdfs[0], want[:min(2, len(want))])
		if n, _ := st.CountBadgePrinted(ctx, want); n != len(want) {
			t.Errorf("%d of %d prints recorded", n, len(want))
		}
		if !strings.Contains(b.status.label.Text, "sent to HP_Accueil") {
			t.Errorf("status %q", b.status.label.Text)
		}
	})

	t.Run("DefaultPrinterDuplex", func(t *testing.T) {
		fake := newFakePrinting(t, true)
		prefs.SetString(prefPrinter, "")
		settings := data.DefaultBadgeSettings()
		settings.Duplex = true
		if err := st.SaveBadgeSettings(ctx, defaultBadgeLayout, settings); err != nil {
			t.Fatal(err)
		}
		b.who.SetSelected(b.who.Options[badgesOne])
		b.person.choose(mustRow(t, st, want[0]))
		waitIdle(t, e.tasks)
		test.Tap(b.print)
		ptTopDialog(t, e, "already has a badge")
		tapDialogButton(t, e.win.Canvas(), "Print another")
		waitIdle(t, e.tasks)
		calls := fake.lpCalls()
		if len(calls) != 1 || !slices.Equal(calls[0][:3], []string{"lp", "-o", "sides=two-sided-long-edge"}) || len(calls[0]) != 4 {
			t.Errorf("command lines %q", calls)
		}
	})

	t.Run("CancelWhilePrinting", func(t *testing.T) {
		fake := newFakePrinting(t, true)
		fake.block = true
		b.who.SetSelected(b.who.Options[badgesEveryone])
		waitIdle(t, e.tasks)
		all := storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true})
		before := printsOf(t, st, all)
		test.Tap(b.print)
		ptTopDialog(t, e, "already have a badge")
		tapDialogButton(t, e.win.Canvas(), "Print theirs again")
		waitFor(t, "lp to run", e.tasks, func() bool { return len(fake.lpCalls()) == 1 })
		tapDialogButton(t, e.win.Canvas(), "Cancel") // the progress dialog's
		waitIdle(t, e.tasks)
		if after := printsOf(t, st, all); !mapsEqual(after, before) {
			t.Error("a cancelled print was recorded")
		}
		call := fake.lpCalls()[0]
		if _, err := os.Stat(call[len(call)-1]); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the PDF of a cancelled print is still there: %v", err)
		}
		if top := e.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("a dialog is left:\n%s", test.RenderObjectToMarkup(top))
		}
	})

	t.Run("LPRefuses", func(t *testing.T) {
		fake := newFakePrinting(t, true)
		fake.fail = "lp: The printer or class does not exist."
		prefs.SetString(prefPrinter, "Gone")
		b.who.SetSelected(b.who.Options[badgesOne])
		b.person.choose(mustRow(t, st, want[0]))
		waitIdle(t, e.tasks)
		before := printsOf(t, st, want[:1])
		test.Tap(b.print)
		ptTopDialog(t, e, "already has a badge")
		tapDialogButton(t, e.win.Canvas(), "Print another")
		waitIdle(t, e.tasks)
		assertDialogSays(t, e.win, "The badges could not be sent to Gone: lp: The printer or class does not exist.")
		tapDialogButton(t, e.win.Canvas(), "OK")
		if after := printsOf(t, st, want[:1]); !mapsEqual(after, before) {
			t.Error("a refused print was recorded")
		}
		prefs.SetString(prefPrinter, "")
	})

	t.Run("WithoutLPOpensTheViewer", func(t *testing.T) {
		fake := newFakePrinting(t, false)
		b.who.SetSelected(b.who.Options[badgesOne])
		b.person.choose(mustRow(t, st, want[0]))
		waitIdle(t, e.tasks)
		test.Tap(b.print)
		ptTopDialog(t, e, "already has a badge")
		tapDialogButton(t, e.win.Canvas(), "Print another")
		waitIdle(t, e.tasks)
		dir := filepath.Dir(st.Path())
		path := filepath.Join(dir, "demo badges", "badges.pdf")
		if len(fake.opened) != 1 || fake.opened[0].Scheme != "file" || filepath.FromSlash(fake.opened[0].Path) != path {
			t.Fatalf("opened %v, want %s", fake.opened, path)
		}
		pdf, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		assertBadgesOf(t, st, pdf, want[:1])
		if len(fake.lpCalls()) != 0 {
			t.Error("lp was run")
		}
	})
}

func TestBadgesPreviewFollowsOptions(t *testing.T) {
	st, e, b, _ := newBadgeExportTest(t, 40, data.ParticipantQuery{})
	all := storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true})
	if want := countLine(len(all), (len(all)+9)/10); b.count.Text != want {
		t.Errorf("everyone: %q, want %q", b.count.Text, want)
	}
	// A6 badges: four to a page, and a smaller preview of the same page.
	for i, l := range b.layouts {
		if l.Name == "a4-a6" {
			b.layout.SetSelectedIndex(i)
		}
	}
	b.who.SetSelected(b.who.Options[badgesOne])
	waitIdle(t, e.tasks)
	if b.count.Text != "No badge to print." || !b.previewNone.Visible() || !b.print.Disabled() {
		t.Errorf("one person, none chosen: %q", b.count.Text)
	}
	b.who.SetSelected(b.who.Options[badgesEveryone])
	waitIdle(t, e.tasks)
	if want := countLine(len(all), (len(all)+3)/4); b.count.Text != want {
		t.Errorf("A6: %q, want %q", b.count.Text, want)
	}
	if _, err := export.LayoutByName(b.chosenLayout().Name); err != nil || b.chosenLayout().Name != "a4-a6" {
		t.Errorf("layout %q", b.chosenLayout().Name)
	}
}

func TestExportsRenders(t *testing.T) {
	_, e, _, _ := newBadgeExportTest(t, 40, data.ParticipantQuery{})
	e.win.Resize(fyne.NewSize(1000, 700))
	test.AssertRendersToMarkup(t, "exports.xml", e.win.Canvas())
}
