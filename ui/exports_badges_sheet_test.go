package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/export"
)

// chooseExportLayout selects a layout by name on the exports screen.
func chooseExportLayout(t *testing.T, e *env, b *badgeExport, name string) {
	t.Helper()
	for i, l := range b.layouts {
		if l.Name == name {
			b.layout.SetSelectedIndex(i)
			waitIdle(t, e.tasks)
			return
		}
	}
	t.Fatalf("no layout %q", name)
}

// TestBadgeExportFirstLabel: on a sheet whose labels 1–3 are used, typing 4
// as the first label counts the pages that takes, greys labels 1–3 in the
// preview, and saves a PDF whose first page has nothing on labels 1–3. A
// label that is not on the sheet, or not a number, is refused with a
// sentence and Save and Print wait. A layout of one badge per page asks
// for no first label.
func TestBadgeExportFirstLabel(t *testing.T) {
	st, e, b, _ := newBadgeExportTest(t, 20, data.ParticipantQuery{})
	ctx := context.Background()
	chooseExportLayout(t, e, b, "a4-85x54")
	b.who.SetSelected(b.who.Options[badgesUnprinted])
	waitIdle(t, e.tasks)
	ids := storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true, BadgePrinted: data.No, Sort: data.SortName})
	if len(ids) < 8 {
		t.Fatalf("%d people without a badge in the demo", len(ids))
	}
	if !b.startRow.Visible() {
		t.Fatal("no first label on a sheet layout")
	}

	b.start.SetText("")
	test.Type(b.start, "4")
	waitIdle(t, e.tasks)
	pages := (len(ids) + 3 + 9) / 10
	if want := strconv.Itoa(pages) + " page"; !strings.Contains(b.count.Text, want) {
		t.Errorf("count %q, want %s(s)", b.count.Text, want)
	}
	l := export.BadgeOptions{Layout: b.chosenLayout(), Settings: data.DefaultBadgeSettings()}.PrintLayout()
	px := func(v float64) int { return int(v * b.shownPx) }
	if r, g, bl, _ := b.preview.Image.At(px(l.Slot(0).X+3), px(l.Slot(0).Y+3)).RGBA(); r>>8 != 230 || g>>8 != 230 || bl>>8 != 230 {
		t.Errorf("label 1 of the preview is %d,%d,%d, not greyed", r>>8, g>>8, bl>>8)
	}

	path := filepath.Join(t.TempDir(), "start4.pdf")
	b.saveTo(path)
	waitIdle(t, e.tasks)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("not saved: %v; status %q", err, b.status.label.Text)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)"`)
		words := re.FindAllStringSubmatch(string(out), -1)
		if len(words) == 0 {
			t.Fatal("no text on the first page")
		}
		for _, m := range words {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			x, y = x*25.4/72, y*25.4/72
			for k := range 3 {
				if s := l.Slot(k); x >= s.X && x < s.Right() && y >= s.Y && y < s.Bottom() {
					t.Errorf("a word at %.1f, %.1f mm on label %d, already used", x, y, k+1)
				}
			}
		}
	}
	if n, _ := st.CountBadgePrinted(ctx, ids); n != len(ids) {
		t.Errorf("%d of %d prints recorded", n, len(ids))
	}

	b.who.SetSelected(b.who.Options[badgesEveryone])
	for _, c := range []struct{ text, want string }{
		{"11", "A sheet of this layout has 10 labels: the first badge goes on label 1 to 10, not 11."},
		{"quatre", "Enter the number of the first free label, such as 4."},
		{"0", "A sheet of this layout has 10 labels: the first badge goes on label 1 to 10, not 0."},
	} {
		b.start.SetText(c.text)
		waitIdle(t, e.tasks)
		if b.count.Text != c.want || !b.save.Disabled() || !b.print.Disabled() {
			t.Errorf("first label %q: count %q, save disabled %v", c.text, b.count.Text, b.save.Disabled())
		}
	}

	chooseExportLayout(t, e, b, "label-62x100")
	if b.startRow.Visible() {
		t.Error("a first label asked on a roll")
	}
	if b.save.Disabled() {
		t.Errorf("the roll's first label counts: %q", b.count.Text)
	}
}

// TestBadgeExportWarnings: the exports screen says, before printing, that
// cut marks cannot be drawn on A6 sheets, and that a label roll with
// duplex saved prints without backs (and counts one page per badge).
func TestBadgeExportWarnings(t *testing.T) {
	st, e, b, _ := newBadgeExportTest(t, 12, data.ParticipantQuery{})
	ctx := context.Background()
	s := data.DefaultBadgeSettings()
	s.CutMarks, s.Duplex = true, true
	for _, name := range []string{"a4-a6", "label-62x100", "a4-85x54"} {
		if err := st.SaveBadgeSettings(ctx, name, s); err != nil {
			t.Fatal(err)
		}
	}
	chooseExportLayout(t, e, b, "a4-a6")
	if !b.warning.Visible() || !strings.HasPrefix(b.warning.Text, "Cut marks cannot be drawn around the badges") {
		t.Errorf("A6 warning %q (shown %v)", b.warning.Text, b.warning.Visible())
	}
	chooseExportLayout(t, e, b, "label-62x100")
	if !b.warning.Visible() || !strings.Contains(b.warning.Text, "A roll of labels prints on one side only") {
		t.Errorf("roll warning %q", b.warning.Text)
	}
	n := len(storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true}))
	if want := strconv.Itoa(n) + " pages"; !strings.HasSuffix(b.count.Text, want) {
		t.Errorf("count %q, want %s (no backs)", b.count.Text, want)
	}
	chooseExportLayout(t, e, b, "a4-85x54")
	if b.warning.Visible() {
		t.Errorf("warning on 85×54: %q", b.warning.Text)
	}
}
