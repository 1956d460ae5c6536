package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"congres/data"
)

// sheetRows are n badges whose last names are one word each, told apart,
// to find each badge's name in the PDF.
func sheetRows(n int) []data.BadgeRow {
	rows := testBadges(n)
	for i := range rows {
		rows[i].FirstName, rows[i].LastName = "Anne", fmt.Sprintf("Nom%02d", i)
	}
	return rows
}

// nameAt reads back where badge i's last name is on a page, in mm.
func nameAt(tb testing.TB, words []pdfWord, i int) (x, y float64, ok bool) {
	want := fmt.Sprintf("Nom%02d", i)
	for _, w := range words {
		if w.text == want {
			return w.xMin * inch / 72, w.yMin * inch / 72, true
		}
	}
	return 0, 0, false
}

// TestBadgeSheetMarginsAndGaps prints a sheet of 85×54 mm badges with the
// margins and gaps a person set (top 15 mm, left 12 mm, 4 mm between
// columns, 3 mm between rows) and reads each badge's name back from the
// PDF: every name moved from where the centred preset prints it by
// exactly what was asked (the first badge's corner at 12, 15 instead of
// 20, 13.5; each column 4 mm further, each row 3 mm lower). A QR code
// still reads.
func TestBadgeSheetMarginsAndGaps(t *testing.T) {
	l := mustPreset(t, "a4-85x54")
	rows := sheetRows(10)
	base := writeFile(t, writeBadges(t, l, allSettings(), rows), "base.pdf")
	s := allSettings()
	s.MarginTop, s.MarginLeft, s.GapX, s.GapY = 15, 12, 4, 3
	moved := writeFile(t, writeBadges(t, l, s, rows), "moved.pdf")
	if pages, _, _ := pdfPages(t, moved); pages != 1 {
		t.Fatalf("%d pages, want 1 (2 × 5 still fit)", pages)
	}
	bw, mw := pdfWordsOnPage(t, base, 1), pdfWordsOnPage(t, moved, 1)
	for i := range rows {
		col, row := float64(i%2), float64(i/2)
		bx, by, ok1 := nameAt(t, bw, i)
		mx, my, ok2 := nameAt(t, mw, i)
		if !ok1 || !ok2 {
			t.Fatalf("badge %d: name not found (%v, %v)", i, ok1, ok2)
		}
		wantDX, wantDY := 12-20+4*col, 15-13.5+3*row
		if math.Abs(mx-bx-wantDX) > 0.05 || math.Abs(my-by-wantDY) > 0.05 {
			t.Errorf("badge %d moved by %.2f, %.2f mm; want %.2f, %.2f", i, mx-bx, my-by, wantDX, wantDY)
		}
	}
	// The last badge's QR code, where the layout puts it, still reads.
	lo := BadgeOptions{Layout: l, Settings: s}.PrintLayout()
	if slot := lo.Slot(9); math.Abs(slot.X-(12+85+4)) > 1e-9 || math.Abs(slot.Y-(15+4*57)) > 1e-9 {
		t.Errorf("badge 10 at %+v", slot)
	}
	if got := scanBadge(t, moved, 1, lo.FrontBox(9)); got != rows[9].Code {
		t.Errorf("badge 10's QR code reads %q, want %q", got, rows[9].Code)
	}
}

// scanBadge rasterises a page at 300 dpi and decodes the QR code in box.
func scanBadge(t *testing.T, path string, page int, b Box) string {
	t.Helper()
	const dpi = 300
	prefix := filepath.Join(t.TempDir(), "page")
	p := strconv.Itoa(page)
	run(t, "pdftoppm", "-r", strconv.Itoa(dpi), "-f", p, "-l", p, "-png", "-singlefile", path, prefix)
	img := readPNG(t, prefix+".png")
	px := func(mm float64) int { return int(math.Round(mm * dpi / inch)) }
	crop := img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(px(b.X), px(b.Y), px(b.Right()), px(b.Bottom())))
	var buf bytes.Buffer
	if err := png.Encode(&buf, crop); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(run(t, "zbarimg", "--raw", "-q", writeFile(t, buf.Bytes(), "badge.png")))
}

// TestBadgeStartLabel prints 10 badges on sheets of 10 whose labels 1 to 3
// are already used: the first sheet has nothing on labels 1–3 and badges
// 1–7 on labels 4–10; the second sheet has badges 8–10 on labels 1–3.
// Printed duplex, each back still lands behind its front.
func TestBadgeStartLabel(t *testing.T) {
	l := mustPreset(t, "a4-85x54")
	rows := sheetRows(10)
	s := allSettings()
	s.Duplex = true
	var buf bytes.Buffer
	opts := BadgeOptions{Layout: l, Settings: s, Lang: "fr", Created: fixedTime, Start: 4}
	if err := WriteBadges(context.Background(), &buf, BadgeInput{Congress: testCongress, Badges: rows}, opts); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, buf.Bytes(), "b.pdf")
	if pages, _, _ := pdfPages(t, path); pages != 4 {
		t.Fatalf("%d pages, want 4 (two sheets, each with its back)", pages)
	}
	lo := opts.PrintLayout()
	k := 72 / inch
	inside := func(words []pdfWord, b Box) []string {
		var in []string
		for _, w := range words {
			if w.xMin >= b.X*k && w.xMax <= b.Right()*k && w.yMin >= b.Y*k && w.yMax <= b.Bottom()*k {
				in = append(in, w.text)
			}
		}
		return in
	}
	front1, front2 := pdfWordsOnPage(t, path, 1), pdfWordsOnPage(t, path, 3)
	back1 := pdfWordsOnPage(t, path, 2)
	for label := range 10 {
		words := inside(front1, lo.Slot(label))
		if label < 3 {
			if len(words) > 0 {
				t.Errorf("label %d, already used, has %q", label+1, words)
			}
			if back := inside(back1, lo.BackSlot(label)); len(back) > 0 {
				t.Errorf("the back of label %d, already used, has %q", label+1, back)
			}
			continue
		}
		want := fmt.Sprintf("Nom%02d", label-3)
		if !strings.Contains(strings.Join(words, " "), want) {
			t.Errorf("label %d has %q, want %s's badge", label+1, words, want)
		}
		if back := strings.Join(inside(back1, lo.BackSlot(label)), " "); !strings.Contains(back, want) {
			t.Errorf("the back of label %d has %q, want %s's programme", label+1, back, want)
		}
	}
	for label := range 3 {
		want := fmt.Sprintf("Nom%02d", 7+label)
		if words := inside(front2, lo.Slot(label)); !strings.Contains(strings.Join(words, " "), want) {
			t.Errorf("sheet 2, label %d has %q, want %s", label+1, words, want)
		}
	}
	if got := scanBadge(t, path, 1, lo.FrontBox(3)); got != rows[0].Code {
		t.Errorf("label 4's QR code reads %q, want %q", got, rows[0].Code)
	}

	// The preview greys the used labels and draws the first badge on label 4.
	img, err := PreviewBadges(BadgeInput{Congress: testCongress, Badges: rows}, opts, 2)
	if err != nil {
		t.Fatal(err)
	}
	at := func(b Box) [3]uint32 {
		r, g, bl, _ := img.At(int((b.X+2)*2), int((b.Y+2)*2)).RGBA()
		return [3]uint32{r >> 8, g >> 8, bl >> 8}
	}
	if c := at(lo.Slot(0)); c != [3]uint32{uint32(usedLabel.R), uint32(usedLabel.G), uint32(usedLabel.B)} {
		t.Errorf("label 1 of the preview is %v, not the grey of a used label", c)
	}
	if c := at(lo.Slot(3)); c != [3]uint32{255, 255, 255} {
		t.Errorf("label 4 of the preview is %v, not a badge's white", c)
	}
}

// TestBadgesRefusedSheet: a first label that is not on the sheet, and
// margins that leave no room, are refused with a sentence in each language,
// and nothing is written.
func TestBadgesRefusedSheet(t *testing.T) {
	in := BadgeInput{Congress: testCongress, Badges: testBadges(3)}
	l := mustPreset(t, "a4-85x54")
	wide := allSettings()
	wide.MarginLeft = 5 // a fold-over badge is as wide as the paper
	for _, c := range []struct {
		name string
		opts BadgeOptions
		want *Error
		fr   string
	}{
		{"StartPastTheSheet", BadgeOptions{Layout: l, Settings: allSettings(), Start: 11}, ErrStartInvalid, "pas 11"},
		{"StartNegative", BadgeOptions{Layout: l, Settings: allSettings(), Start: -1}, ErrStartInvalid, "pas -1"},
		{"StartOnALabelRoll", BadgeOptions{Layout: mustPreset(t, "label-62x100"), Settings: allSettings(), Start: 2}, ErrStartInvalid, "un badge par page"},
		{"MarginsLeaveNoRoom", BadgeOptions{Layout: mustPreset(t, "fold-a4-a6"), Settings: wide}, ErrNoRoom, "réduisez les marges"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteBadges(context.Background(), &buf, in, c.opts)
			var e *Error
			if !errors.Is(err, c.want) || !errors.As(err, &e) {
				t.Fatalf("got %v, want %s", err, c.want.Code)
			}
			if !strings.Contains(e.Message("fr"), c.fr) || strings.Contains(e.EN+e.FR, "%!") || e.EN == e.FR {
				t.Errorf("messages %q / %q", e.EN, e.FR)
			}
			if _, err := PreviewBadges(in, c.opts, 1); !errors.Is(err, c.want) {
				t.Errorf("preview: %v", err)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written", buf.Len())
			}
		})
	}
	t.Run("ErrSheetSpaceInvalid", func(t *testing.T) {
		s := allSettings()
		s.GapY = -2
		var buf bytes.Buffer
		err := WriteBadges(context.Background(), &buf, in, BadgeOptions{Layout: l, Settings: s})
		if !errors.Is(err, data.ErrSheetSpaceInvalid) || data.Message(err, "fr") != "L'espace entre rangées doit se situer entre 0 et 50 mm." {
			t.Errorf("got %v (%q)", err, data.Message(err, "fr"))
		}
	})
}

// TestBadgeCutMarksWarning: where the badges reach the paper's edge (A6, A7
// and fold-over sheets), cut marks asked for cannot be drawn, and the
// options say so, in both languages, naming the sides; where there is room
// they are drawn (read back from the PDF's page) and nothing is said.
func TestBadgeCutMarksWarning(t *testing.T) {
	for _, c := range []struct {
		layout string
		en, fr string // "" for no warning
	}{
		{"a4-a6", "around the badges", "autour des badges"},
		{"a4-a7", "around the badges", "autour des badges"},
		{"fold-a4-a6", "around the badges", "autour des badges"},
		{"a4-85x54", "", ""},
		{"a4-90x54", "", ""},
		{"letter-4x3in", "", ""},
	} {
		t.Run(c.layout, func(t *testing.T) {
			l := mustPreset(t, c.layout)
			s := allSettings()
			s.CutMarks = true
			opts := BadgeOptions{Layout: l, Settings: s}
			warns := opts.Warnings()
			pdf := writeBadges(t, l, s, testBadges(2))
			strokes := bytes.Count(pageStreams(t, pdf), []byte(" l S"))
			if c.en == "" {
				if len(warns) != 0 {
					t.Errorf("warnings %v", warns)
				}
				if want := len(opts.PrintLayout().CutMarkLines()); want == 0 || strokes < want {
					t.Errorf("%d strokes on the page, want the %d cut marks", strokes, want)
				}
				return
			}
			if len(warns) != 1 || !errors.Is(warns[0], ErrCutMarksNoRoom) {
				t.Fatalf("warnings %v", warns)
			}
			w := warns[0]
			if !strings.Contains(w.Message("en"), c.en) || !strings.Contains(w.Message("fr"), c.fr) ||
				!strings.Contains(w.Message("en"), "4 mm") || strings.Contains(w.EN+w.FR, "%!") {
				t.Errorf("warning %q / %q", w.EN, w.FR)
			}
		})
	}
	t.Run("OneSide", func(t *testing.T) {
		// Badges of 90 × 54 mm from 2 mm under the top: no room above only.
		s := allSettings()
		s.CutMarks, s.MarginTop = true, 2
		w := BadgeOptions{Layout: mustPreset(t, "a4-90x54"), Settings: s}.Warnings()
		if len(w) != 1 || !strings.Contains(w[0].EN, "drawn above the badges") || !strings.Contains(w[0].FR, "tracés au-dessus des badges") {
			t.Errorf("warnings %v", w)
		}
	})
	t.Run("NotAskedNotSaid", func(t *testing.T) {
		if w := (BadgeOptions{Layout: mustPreset(t, "a4-a6"), Settings: allSettings()}).Warnings(); len(w) != 0 {
			t.Errorf("warnings %v", w)
		}
	})
}

// TestBadgeRollNoDuplex: a roll of labels (62×100 mm, 4×3 in) prints one
// side only. With duplex saved in its settings, the PDF has one page per
// badge (before, a back label came out between two fronts), the printer is
// not asked for both sides, and the options say why. A layout of one's own
// that is a roll and duplex is refused.
func TestBadgeRollNoDuplex(t *testing.T) {
	for _, name := range []string{"label-62x100", "label-4x3in"} {
		t.Run(name, func(t *testing.T) {
			l := mustPreset(t, name)
			if !l.Roll {
				t.Fatal("not a roll")
			}
			s := allSettings()
			s.Duplex = true
			opts := BadgeOptions{Layout: l, Settings: s}
			path := writeFile(t, writeBadges(t, l, s, testBadges(3)), "b.pdf")
			if pages, _, _ := pdfPages(t, path); pages != 3 {
				t.Errorf("%d pages for 3 badges", pages)
			}
			if text := run(t, "pdftotext", "-enc", "UTF-8", path, "-"); strings.Contains(text, "Programme —") {
				t.Error("a programme (a back) is in the PDF")
			}
			if opts.PrintLayout().Duplex {
				t.Error("the printer would be asked for both sides")
			}
			w := opts.Warnings()
			if len(w) != 1 || !errors.Is(w[0], ErrDuplexRollIgnored) || !strings.Contains(w[0].FR, "rouleau") {
				t.Errorf("warnings %v", w)
			}
			l.Duplex = true
			if err := l.Validate(); !errors.Is(err, ErrRollDuplex) {
				t.Errorf("Validate: %v", err)
			}
		})
	}
	// A card printer prints both sides.
	s := allSettings()
	s.Duplex = true
	if !(BadgeOptions{Layout: mustPreset(t, "card-85.6x54"), Settings: s}).PrintLayout().Duplex {
		t.Error("no duplex for the card printer")
	}
}
