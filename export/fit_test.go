package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"
)

// fitBoxes are field boxes of real badges: a name on an 85×54 mm badge, a
// name on a small label, an organisation squeezed beside a QR code.
var fitBoxes = []Box{{10, 20, 75, 12}, {5, 5, 40, 8}, {3, 7, 20, 5}, {0, 0, 30, 14}}

var fitStyles = []textStyle{
	{Bold: true, MaxSize: 30, MinSize: 9, MaxLines: 2, Align: 'C'},
	{Bold: true, MaxSize: 20, MinSize: 8, MaxLines: 1, Align: 'L'},
	{MaxSize: 12, MinSize: 6, MaxLines: 2, Align: 'R'},
	{MaxSize: 9, MinSize: 5, Align: 'L'}, // MaxLines 0: one line
}

// lineText is what a fitted line shows, left to right.
func lineText(l textLine) string { return visualText(l.runs) }

// checkFitted asserts what fitText promises for s in b: every line box lies
// inside b and no two overlap; no more lines than allowed; a size between
// MinSize and MaxSize unless b is too short for one line at MinSize.
func checkFitted(t *testing.T, s string, b Box, st textStyle, f fitted) {
	t.Helper()
	maxLines := max(1, min(st.MaxLines, 2))
	if len(f.Lines) == 0 || len(f.Lines) > maxLines {
		t.Fatalf("%q in %v: %d lines, want 1 to %d", s, b, len(f.Lines), maxLines)
	}
	if f.Size > st.MaxSize {
		t.Errorf("%q in %v: size %v above %v", s, b, f.Size, st.MaxSize)
	}
	if lh := (f.ascent + f.descent) * st.MinSize * ptMM; f.Size < st.MinSize && lh <= b.H {
		t.Errorf("%q in %v: size %v below %v although a line of it is %.2f mm high", s, b, f.Size, st.MinSize, lh)
	}
	boxes := f.lineBoxes(b, st.Align)
	for i, lb := range boxes {
		if lb.X < b.X-eps || lb.Y < b.Y-eps || lb.Right() > b.Right()+eps || lb.Bottom() > b.Bottom()+eps {
			t.Errorf("%q in %v: line %d %q at %v sticks out", s, b, i, lineText(f.Lines[i]), lb)
		}
		for _, o := range boxes[:i] {
			if lb.Overlaps(o) {
				t.Errorf("%q in %v: line %d at %v overlaps %v", s, b, i, lb, o)
			}
		}
	}
	shown := ""
	for _, l := range f.Lines {
		shown += lineText(l) + "|"
	}
	// Cut short, the text ends with an ellipsis, unless the box is too
	// narrow for even that.
	if e := fontChain(st.Bold).measure(ellipsis, false) * f.Size * ptMM; f.Truncated && !strings.Contains(shown, ellipsis) && e <= b.W {
		t.Errorf("%q in %v: truncated without an ellipsis: %q", s, b, shown)
	}
}

func TestFitTextStaysInside(t *testing.T) {
	for _, s := range textNames {
		for _, b := range fitBoxes {
			for _, st := range fitStyles {
				checkFitted(t, s, b, st, fitText(s, b, st))
			}
		}
	}
}

// Shrinking comes before wrapping, wrapping before cutting.
func TestFitTextShrinkWrapCut(t *testing.T) {
	const long = "Maria del Carmen Fernández de la Santísima Trinidad Rodríguez-Villanueva"
	cases := []struct {
		name  string
		text  string
		box   Box
		st    textStyle
		lines []string // what each line shows
		size  string   // "max", "shrunk" (between min and max), "min"
		cut   bool
	}{
		{"FitsAtMaxSize", "Anna Li", Box{0, 0, 75, 12}, textStyle{MaxSize: 20, MinSize: 8, MaxLines: 2},
			[]string{"Anna Li"}, "max", false},
		{"Shrinks", "Łukasz Żółkiewski", Box{0, 0, 50, 12}, textStyle{MaxSize: 24, MinSize: 10, MaxLines: 2},
			[]string{"Łukasz Żółkiewski"}, "shrunk", false},
		{"WrapsWhenTooSmall", long, Box{0, 0, 75, 12}, textStyle{MaxSize: 24, MinSize: 10, MaxLines: 2},
			[]string{"Maria del Carmen Fernández de la", "Santísima Trinidad Rodríguez-Villanueva"}, "shrunk", false},
		{"WrapsAfterHyphen", "Rodríguez-Villanueva", Box{0, 0, 25, 12}, textStyle{MaxSize: 24, MinSize: 10, MaxLines: 2},
			[]string{"Rodríguez-", "Villanueva"}, "shrunk", false},
		{"WrapsCJK", "欧阳娜娜", Box{0, 0, 12, 14}, textStyle{MaxSize: 24, MinSize: 12, MaxLines: 2},
			[]string{"欧阳", "娜娜"}, "shrunk", false},
		{"CutsOneLine", long, Box{0, 0, 75, 12}, textStyle{MaxSize: 24, MinSize: 10, MaxLines: 1},
			[]string{"Maria del Carmen Fernández de la Santísim…"}, "min", true},
		{"CutsSecondLine", long, Box{0, 0, 40, 8}, textStyle{MaxSize: 24, MinSize: 8, MaxLines: 2},
			[]string{"Maria del Carmen Fernández", "de la Santísima Trinidad Rod…"}, "min", true},
		{"NeverSplitsAWord", "Wolfeschlegelsteinhausenbergerdorff", Box{0, 0, 40, 12}, textStyle{MaxSize: 24, MinSize: 10, MaxLines: 2},
			[]string{"Wolfeschlegelsteinha…"}, "min", true},
		{"CutsAWordTooLongForItsLine", "Wolfeschlegelsteinhausenbergerdorff Smith", Box{0, 0, 40, 12}, textStyle{MaxSize: 24, MinSize: 10, MaxLines: 2},
			[]string{"Wolfeschlegelsteinha…", "Smith"}, "min", true},
		{"CutsRightToLeft", "عبد الرحمن بن عبد العزيز", Box{0, 0, 30, 6}, textStyle{MaxSize: 24, MinSize: 10, MaxLines: 2},
			[]string{"…دبع نب نمحرلا دبع"}, "min", true}, // visual order, shaped when drawn
		{"CollapsesSpaces", "  Ana \t María\n López ", Box{0, 0, 75, 12}, textStyle{MaxSize: 20, MinSize: 8},
			[]string{"Ana María López"}, "max", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := fitText(c.text, c.box, c.st)
			checkFitted(t, c.text, c.box, c.st, f)
			var got []string
			for _, l := range f.Lines {
				got = append(got, lineText(l))
			}
			if strings.Join(got, "|") != strings.Join(c.lines, "|") {
				t.Errorf("lines %q, want %q", got, c.lines)
			}
			if f.Truncated != c.cut {
				t.Errorf("Truncated %v, want %v", f.Truncated, c.cut)
			}
			size := "shrunk"
			switch {
			case f.Size == c.st.MaxSize:
				size = "max"
			case f.Size == c.st.MinSize:
				size = "min"
			}
			if size != c.size || f.Size > c.st.MaxSize || f.Size < c.st.MinSize {
				t.Errorf("size %v (%s), want %s in [%v, %v]", f.Size, size, c.size, c.st.MinSize, c.st.MaxSize)
			}
		})
	}
}

// Two lines break where the longer of them is shortest, so that the size is
// the largest two lines allow.
func TestFitTextBestBreak(t *testing.T) {
	s := "Jean-Baptiste Pierre-Emmanuel de Saint-Exupéry-Lefebvre"
	f := fitText(s, Box{0, 0, 60, 14}, textStyle{Bold: true, MaxSize: 24, MinSize: 8, MaxLines: 2})
	if len(f.Lines) != 2 || f.Truncated {
		t.Fatalf("want two whole lines, got %d (truncated %v)", len(f.Lines), f.Truncated)
	}
	longer := max(f.Lines[0].width, f.Lines[1].width)
	c := fontChain(true)
	for _, k := range breaks(s) {
		if w := max(c.measure(s[:k.end], false), c.measure(s[k.start:], false)); w < longer-1e-9 {
			t.Errorf("breaking %q|%q gives a longer line of %v em, shorter than the chosen %v", s[:k.end], s[k.start:], w, longer)
		}
	}
}

func TestFitTextEmpty(t *testing.T) {
	for _, s := range []string{"", "   ", "\t\n", "\u200E"} {
		if f := fitText(s, Box{0, 0, 75, 12}, textStyle{MaxSize: 20, MinSize: 8}); len(f.Lines) != 0 || f.Truncated {
			t.Errorf("%q: %d lines, truncated %v; want none", s, len(f.Lines), f.Truncated)
		}
	}
	if f := fitText("Ana", Box{0, 0, 0, 12}, textStyle{MaxSize: 20}); len(f.Lines) != 0 {
		t.Errorf("an empty box holds %d lines", len(f.Lines))
	}
}

// A box too short for one line at MinSize gets a smaller size, never ink
// outside it.
func TestFitTextShortBox(t *testing.T) {
	st := textStyle{MaxSize: 20, MinSize: 10, MaxLines: 2}
	f := fitText("Anna Li", Box{0, 0, 75, 3}, st)
	if len(f.Lines) != 1 || f.Size >= st.MinSize {
		t.Errorf("got %d lines at %v pt, want one line below %v pt", len(f.Lines), f.Size, st.MinSize)
	}
	checkFitted(t, "Anna Li", Box{0, 0, 75, 3}, st, f)
}

// Decomposed input (as some systems type it) prints as the composed form.
func TestFitTextNFD(t *testing.T) {
	for _, s := range textNames {
		b, st := Box{0, 0, 75, 12}, textStyle{MaxSize: 20, MinSize: 8, MaxLines: 2}
		want, got := fitText(s, b, st), fitText(norm.NFD.String(s), b, st)
		if len(got.Lines) != len(want.Lines) || got.Size != want.Size {
			t.Fatalf("%q: NFD gives %d lines at %v pt, NFC %d at %v", s, len(got.Lines), got.Size, len(want.Lines), want.Size)
		}
		for i := range got.Lines {
			if g, w := lineText(got.Lines[i]), lineText(want.Lines[i]); g != w {
				t.Errorf("%q: NFD line %d shows %q, NFC %q", s, i, g, w)
			}
		}
	}
}

// Badges are laid out from several goroutines (the preview while a PDF is
// written): the results are the same as one at a time, and go test -race
// finds nothing shared being written.
func TestFitTextConcurrent(t *testing.T) {
	b, st := Box{0, 0, 40, 8}, textStyle{MaxSize: 20, MinSize: 8, MaxLines: 2}
	want := map[string]string{}
	show := func(f fitted) string {
		var parts []string
		for _, l := range f.Lines {
			parts = append(parts, lineText(l))
		}
		return fmt.Sprintf("%v %q", f.Size, parts)
	}
	for _, s := range textNames {
		want[s] = show(fitText(s, b, st))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(textNames))
	for range 4 {
		wg.Go(func() {
			img := image.NewGray(image.Rect(0, 0, 400, 80))
			for _, s := range textNames {
				f := fitText(s, b, st)
				if got := show(f); got != want[s] {
					errs <- fmt.Sprintf("%q: %s, alone %s", s, got, want[s])
				}
				f.drawImage(img, b, 'L', 10, color.Black)
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// FuzzFitText feeds fitText any text: it must not panic, and what it
// returns must stay in its box (go test -fuzz FuzzFitText ./export/).
func FuzzFitText(f *testing.F) {
	for _, s := range textNames {
		f.Add(s, 40.0, 8.0)
	}
	f.Add("a\u0301\u200d\u202e\U0001F600 ( ) [عمر] 12 ١٢ - -- 山-田", 20.0, 5.0)
	f.Fuzz(func(t *testing.T, s string, w, h float64) {
		if !(w > 0 && w < 1000 && h > 0 && h < 1000) {
			return
		}
		b := Box{1, 2, w, h}
		for _, st := range fitStyles {
			fit := fitText(s, b, st)
			if len(fit.Lines) == 0 {
				continue
			}
			checkFitted(t, s, b, st, fit)
		}
	})
}

// pdfFields draws each text in its own row of an A4 page, the line boxes
// it measured outlined when outline is set, and returns the PDF and the
// fields' boxes.
func pdfFields(t *testing.T, texts []string, st textStyle, b Box, outline bool) ([]byte, []fitted, []Box) {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCreationDate(fitTestDate)
	pdf.SetModificationDate(fitTestDate)
	pdf.SetCatalogSort(true) // fonts in a fixed order: reproducible output
	if err := registerFonts(pdf); err != nil {
		t.Fatal(err)
	}
	pdf.AddPage()
	var fits []fitted
	var boxes []Box
	for i, s := range texts {
		bi := b.shift(0, float64(i)*(b.H+2))
		f := fitText(s, bi, st)
		if outline {
			pdf.SetDrawColor(255, 0, 0)
			for _, lb := range f.lineBoxes(bi, st.Align) {
				pdf.Rect(lb.X, lb.Y, lb.W, lb.H, "D")
			}
		}
		f.drawPDF(pdf, bi, st.Align)
		fits, boxes = append(fits, f), append(boxes, bi)
	}
	var buf bytes.Buffer
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("gofpdf panicked writing the PDF: %v", p)
			}
		}()
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
	}()
	return buf.Bytes(), fits, boxes
}

var fitTestDate = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// popplerTool runs a command-line tool of poppler, skipping the test without it.
func popplerTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// The PDF holds the names as text (pdftotext reads them back), including
// one with an emoji, which no longer makes gofpdf panic; fonts are selected
// only when the face changes; the output is the same every time.
func TestDrawPDFText(t *testing.T) {
	names := append(append([]string{}, otherScriptNames...),
		"Maria del Carmen Fernández", "Łukasz Żółkiewski", "Gülşen Çağlayan", "Ana 😀 López")
	st := textStyle{MaxSize: 14, MinSize: 6, Align: 'L'}
	pdfBytes, fits, _ := pdfFields(t, names, st, Box{10, 10, 190, 9}, false)
	if again, _, _ := pdfFields(t, names, st, Box{10, 10, 190, 9}, false); !bytes.Equal(again, pdfBytes) {
		t.Error("the same text written twice gives different PDFs")
	}

	wantTf := 0
	for _, f := range fits {
		var cur *face
		for _, l := range f.Lines {
			for _, r := range l.runs {
				if r.face != cur {
					wantTf++
					cur = r.face
				}
			}
		}
	}
	if got := bytes.Count(pdfBytes, []byte(" Tf ET")); got != wantTf {
		t.Errorf("%d font selections in the page, want %d (one per change of face)", got, wantTf)
	}

	path := filepath.Join(t.TempDir(), "names.pdf")
	if err := os.WriteFile(path, pdfBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	text := popplerTool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	// pdftotext wraps right-to-left text in embedding controls and gives
	// Arabic as its presentation forms: NFKC folds those back.
	text = norm.NFKC.String(strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E {
			return -1
		}
		return r
	}, text))
	lines := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	for _, s := range names {
		want := norm.NFKC.String(strings.ReplaceAll(s, "😀", "\uFFFD")) // a ZWNJ is text as typed
		if !lines[want] {
			t.Errorf("%q not found in the PDF's text:\n%s", want, text)
		}
	}
}

// decodeGray reads a PNG into a gray image.
func decodeGray(t *testing.T, path string) *image.Gray {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
	return g
}

// inkBounds is the bounding box of the dark pixels of img within r.
func inkBounds(img *image.Gray, r image.Rectangle) image.Rectangle {
	var ink image.Rectangle
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if img.GrayAt(x, y).Y < 160 {
				ink = ink.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return ink
}

// The printed page (the PDF rasterised by pdftoppm) and the preview
// (drawImage) put the same ink at the same places, and that ink stays
// inside the measured line boxes.
func TestDrawImageMatchesPDF(t *testing.T) {
	const pxPerMM = 10 // 254 dpi
	names := append(append([]string{}, otherScriptNames...), textNames[:6]...)
	st := textStyle{Bold: true, MaxSize: 24, MinSize: 8, MaxLines: 2, Align: 'C'}
	field := Box{20, 8, 70, 11}
	pdfBytes, fits, boxes := pdfFields(t, names, st, field, false)
	dir := t.TempDir()
	path := filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(path, pdfBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	popplerTool(t, "pdftoppm", "-r", "254", "-gray", "-png", "-singlefile", path, filepath.Join(dir, "page"))
	printed := decodeGray(t, filepath.Join(dir, "page.png"))

	preview := image.NewGray(printed.Bounds())
	draw.Draw(preview, preview.Bounds(), image.White, image.Point{}, draw.Src)
	for i, f := range fits {
		f.drawImage(preview, boxes[i], st.Align, pxPerMM, color.Black)
	}
	px := func(b Box, grow float64) image.Rectangle {
		return image.Rect(int(math.Floor((b.X-grow)*pxPerMM)), int(math.Floor((b.Y-grow)*pxPerMM)),
			int(math.Ceil((b.Right()+grow)*pxPerMM)), int(math.Ceil((b.Bottom()+grow)*pxPerMM)))
	}
	for i, f := range fits {
		area := px(boxes[i], 1) // a millimetre around the field, to see ink that leaves it
		p, v := inkBounds(printed, area), inkBounds(preview, area)
		if p.Empty() {
			t.Fatalf("%q: nothing printed", names[i])
		}
		const tol = 2 // pixels: 0.2 mm, antialiasing and rounding
		if absInt(p.Min.X-v.Min.X) > tol || absInt(p.Max.X-v.Max.X) > tol || absInt(p.Min.Y-v.Min.Y) > tol || absInt(p.Max.Y-v.Max.Y) > tol {
			t.Errorf("%q: printed ink %v, preview ink %v", names[i], p, v)
		}
		var lines image.Rectangle
		for _, lb := range f.lineBoxes(boxes[i], st.Align) {
			lines = lines.Union(px(lb, 0.1))
		}
		if !p.In(lines) {
			t.Errorf("%q: printed ink %v outside its line boxes %v", names[i], p, lines)
		}
	}
	if testing.Verbose() {
		saveTestPNG(t, filepath.Join(dir, "preview.png"), preview)
		t.Logf("pages in %s", dir)
	}
}

func absInt(n int) int { return max(n, -n) }

func saveTestPNG(t *testing.T, path string, img image.Image) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// benchFields makes the text fields of n 85×54 mm badges as the demo
// congress has them: mostly French names with accents, hyphens and
// particles, one in thirty in another script, a few too long for one line,
// long organisation names and job titles.
func benchFields(n int) []struct {
	text string
	box  Box
	st   textStyle
} {
	first := []string{"Éric", "Hélène", "Jean-Pierre", "Anne-Sophie", "Françoise", "Gaëlle", "Marie-Claire",
		"Jean-Baptiste", "Sébastien", "Aïcha", "Mamadou", "Thi Thu", "Małgorzata", "Şeyma", "Joaquín", "Lucas",
		"Marie-Christine Anne-Sophie", "Maria del Carmen"}
	last := []string{"Béasse", "Dupont", "Le Goff", "de La Fontaine", "N'Diaye", "Nguyễn", "de Saint-Exupéry",
		"Dubois-Maréchal", "Van der Berg", "Kerouédan", "Öztürk", "Papadopoulos", "Rodríguez-Villanueva", "Sy",
		"Fernández de la Santísima Trinidad", "Wolfeschlegelsteinhausenbergerdorff"}
	other := [][2]string{{"Алексей", "Иванов"}, {"Γιώργος", "Παπαδόπουλος"}, {"أحمد", "الحسيني"},
		{"王", "芳"}, {"さくら", "田中"}, {"민준", "김"}, {"Trần Văn", "Đức"}}
	orgs := []string{"Les Jardins de Cocagne", "Recyclerie du Pays de Bray", "Envie", "Tri'Cycle",
		"Fédération des acteurs de la solidarité", "Fondation Agir contre l'Exclusion", "Ministère du Travail",
		"Conseil départemental de La Réunion", "Maraîchage Solidaire du Hainaut",
		"Fédération des acteurs de la solidarité Auvergne-Rhône-Alpes et Bourgogne-Franche-Comté"}
	jobs := []string{"Directeur·rice", "Chargé·e d'insertion professionnelle", "Encadrant·e technique",
		"Accompagnateur·rice socioprofessionnel·le", "Responsable administratif·ve et financier·e"}
	cats := []string{"Adhérent·e", "Partenaire ESS", "Intervenant·e", "Exposant·e", "Bénévole"}
	rnd := rand.New(rand.NewPCG(1, 2))
	pick := func(l []string) string { return l[rnd.IntN(len(l))] }
	var out []struct {
		text string
		box  Box
		st   textStyle
	}
	add := func(s string, b Box, st textStyle) {
		out = append(out, struct {
			text string
			box  Box
			st   textStyle
		}{s, b, st})
	}
	for range n {
		fn, ln := pick(first), pick(last)
		if rnd.IntN(30) == 0 {
			o := other[rnd.IntN(len(other))]
			fn, ln = o[0], o[1]
		}
		add(fn, Box{3, 12, 48, 10}, textStyle{Bold: true, MaxSize: 30, MinSize: 9, MaxLines: 2, Align: 'L'})
		add(strings.ToUpper(ln), Box{3, 22, 48, 8}, textStyle{Bold: true, MaxSize: 20, MinSize: 8, MaxLines: 2, Align: 'L'})
		add(pick(orgs), Box{3, 30, 48, 6}, textStyle{MaxSize: 12, MinSize: 6, MaxLines: 2, Align: 'L'})
		add(pick(jobs), Box{3, 36, 48, 4}, textStyle{MaxSize: 9, MinSize: 5, Align: 'L'})
		add(pick(cats), Box{5, 45, 48, 7}, textStyle{Bold: true, MaxSize: 16, MinSize: 5, Align: 'L'})
		add(fmt.Sprintf("Stand %d", 1+rnd.IntN(60)), Box{55, 45, 25, 7}, textStyle{Bold: true, MaxSize: 12, MinSize: 5, Align: 'R'})
	}
	return out
}

// BenchmarkFitText fits the six text fields of demo badges; one op is one
// field. The reported ms/10k-badges is the text layout of a 10,000-badge
// print run.
func BenchmarkFitText(b *testing.B) {
	fields := benchFields(1000)
	fontChain(false)
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		f := fields[i%len(fields)]
		fitText(f.text, f.box, f.st)
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)*6*10_000/1e6, "ms/10k-badges")
}
