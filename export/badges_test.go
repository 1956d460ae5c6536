package export

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"congres/data"

	"golang.org/x/text/unicode/norm"
)

// needTool returns the path of an external program a test reads its output
// with (poppler's pdftotext, zbar's zbarimg). `make test` installs them and
// sets CONGRES_REQUIRE_TOOLS, so there a missing tool fails the test; a bare
// `go test` on a machine without them skips.
func needTool(tb testing.TB, name string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
			tb.Fatalf("%s is needed to read the PDF back: %v", name, err)
		}
		tb.Skipf("%s not installed", name)
	}
	return p
}

// libreOffice is LibreOffice when it is installed. It is not among the tools
// `make test` installs (it is large): the tests that open files with it are
// the check the issue asks organisers' files to pass, run where it is.
func libreOffice(tb testing.TB) string {
	tb.Helper()
	p, err := exec.LookPath("libreoffice")
	if err != nil {
		tb.Skip("libreoffice not installed (apt-get install libreoffice-calc-nogui)")
	}
	return p
}

func run(tb testing.TB, name string, args ...string) string {
	tb.Helper()
	out, err := exec.Command(needTool(tb, name), args...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			tb.Fatalf("%s %v: %v\n%s", name, args, err, ee.Stderr)
		}
		tb.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

var testCongress = data.Congress{
	Name: "Congrès de la fédération", Edition: "19e", City: "Lille",
	Days: []data.Day{"2021-11-25", "2021-11-26"},
}

// scriptNames are real names in every script a European congress sees.
var scriptNames = [][2]string{
	{"Łukasz", "Żółkiewski"},
	{"Nguyễn Thị", "Minh Khai"},
	{"Αικατερίνη", "Παπαδοπούλου"},
	{"Александра", "Ильинская"},
	{"Gülşen", "Çağlayan"},
	{"Þórunn", "Guðmundsdóttir"},
	{"Søren", "Kierkegaard"},
	{"يوسف", "الحسيني"},
	{"יהושע", "כהן"},
	{"欧阳", "娜娜"},
	{"山田", "太郎"},
	{"김", "민준"},
	{"Maria del Carmen Esperanza", "Fernández de la Santísima Trinidad Rodríguez-Villanueva"},
	{"Hubert Blaine", "Wolfeschlegelsteinhausenbergerdorff"},
}

// testBadges makes n badges, cycling through scriptNames, with codes made of
// the participant code alphabet.
func testBadges(n int) []data.BadgeRow {
	colours := []string{"#1F77B4", "#FFDD00", "#2CA02C", "#000000", "#FFFFFF"}
	rows := make([]data.BadgeRow, n)
	for i := range rows {
		nm := scriptNames[i%len(scriptNames)]
		rows[i] = data.BadgeRow{
			ID: int64(i + 1), Code: fmt.Sprintf("C%05d", i), FirstName: nm[0], LastName: nm[1],
			Organisation:   "Chantier d'insertion des Hauts-de-France n°" + strconv.Itoa(i),
			JobTitle:       "Chargée de mission insertion et développement territorial",
			Category:       "Adhérent",
			CategoryColour: colours[i%len(colours)],
			Programme: []data.ProgrammeItem{
				{Kind: data.KindPlenary, Day: "2021-11-25", Start: 9 * 60, End: 10*60 + 30, Title: "Plénière d'ouverture", Room: "Grand auditorium"},
				{Kind: data.KindWorkshop, Day: "2021-11-25", Start: 14 * 60, End: 15*60 + 30, Title: fmt.Sprintf("Atelier %d : l'emploi sur les territoires", i), Room: "Salle 3"},
			},
		}
		if i%4 == 1 {
			rows[i].Stands = []string{strconv.Itoa(i)}
		}
	}
	return rows
}

var fixedTime = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func writeBadges(tb testing.TB, l Layout, s data.BadgeSettings, rows []data.BadgeRow) []byte {
	tb.Helper()
	var buf bytes.Buffer
	err := WriteBadges(context.Background(), &buf, BadgeInput{Congress: testCongress, Badges: rows},
		BadgeOptions{Layout: l, Settings: s, Lang: "fr", Created: fixedTime})
	if err != nil {
		tb.Fatalf("WriteBadges(%s): %v", l.Name, err)
	}
	return buf.Bytes()
}

func writeFile(tb testing.TB, b []byte, name string) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// pdfPages reads the page count and the first page's size in mm with pdfinfo.
func pdfPages(tb testing.TB, path string) (pages int, w, h float64) {
	tb.Helper()
	out := run(tb, "pdfinfo", path)
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(out)
	s := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(out)
	if m == nil || s == nil {
		tb.Fatalf("pdfinfo: %s", out)
	}
	pages, _ = strconv.Atoi(m[1])
	w, _ = strconv.ParseFloat(s[1], 64)
	h, _ = strconv.ParseFloat(s[2], 64)
	return pages, w * inch / 72, h * inch / 72
}

// comparable folds text for comparison with what pdftotext gives: Arabic
// comes back as presentation forms (NFKC folds them), spaces may change.
func comparable(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E || r == 0x200F || r == 0x200E {
			return -1
		}
		return r
	}, norm.NFKC.String(s))
	return strings.Join(strings.Fields(s), " ")
}

func allSettings() data.BadgeSettings { return data.DefaultBadgeSettings() }

// TestBadgesEveryLayout prints 23 people in every preset, simplex and duplex:
// the page count is ceil(n / per page) (twice that with backs), the page is
// the layout's size to 0.1 mm, and every name is text in the PDF.
func TestBadgesEveryLayout(t *testing.T) {
	rows := testBadges(23)
	for _, l := range Presets() {
		for _, duplex := range []bool{false, true} {
			if duplex && l.Mode == FoldOver {
				continue
			}
			t.Run(fmt.Sprintf("%s/duplex=%v", l.Name, duplex), func(t *testing.T) {
				s := allSettings()
				s.Duplex = duplex
				path := writeFile(t, writeBadges(t, l, s, rows), "b.pdf")
				pages, w, h := pdfPages(t, path)
				want := (len(rows) + l.PerPage() - 1) / l.PerPage()
				if duplex && !l.Roll { // a roll prints one side: TestBadgeRollNoDuplex
					want *= 2
				}
				if pages != want {
					t.Errorf("%d pages, want %d (%d per page)", pages, want, l.PerPage())
				}
				if math.Abs(w-l.PageW) > 0.1 || math.Abs(h-l.PageH) > 0.1 {
					t.Errorf("page %.2f × %.2f mm, want %.2f × %.2f", w, h, l.PageW, l.PageH)
				}
				text := comparable(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
				for _, r := range rows {
					for _, part := range []string{r.FirstName, r.LastName} {
						for _, word := range strings.Fields(part) {
							if !strings.Contains(text, comparable(word)) {
								t.Errorf("%q (%s %s) is not in the PDF's text", word, r.FirstName, r.LastName)
							}
						}
					}
				}
			})
		}
	}
}

// pageStreams returns the PDF's page contents, inflated, in page order.
// Fonts are deflated too but do not start with the operators the tests look
// for, so they are left out.
func pageStreams(tb testing.TB, pdf []byte) []byte {
	tb.Helper()
	var out []byte
	re := regexp.MustCompile(`/Filter /FlateDecode /Length (\d+)>>\nstream\n`)
	for _, m := range re.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		r, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			tb.Fatal(err)
		}
		if bytes.HasPrefix(b, []byte("0 J")) { // gofpdf starts each page so
			out = append(out, b...)
		}
	}
	return out
}

// qrBoxes reads back the QR codes' quiet zones, in mm from the top-left of
// their page, from the raw PDF operators the writer emits for them.
func qrBoxes(tb testing.TB, pdf []byte, pageH float64) []Box {
	tb.Helper()
	re := regexp.MustCompile(`q 1 g ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re f`)
	var out []Box
	for _, m := range re.FindAllSubmatch(pageStreams(tb, pdf), -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
			v[i] *= inch / 72
		}
		out = append(out, Box{v[0], pageH - v[1] - v[3], v[2], v[3]})
	}
	return out
}

// TestBadgePositions reads each QR code's position back from the PDF and
// compares it with the layout: every badge is where the layout puts it, to
// 0.1 mm, printer offset included.
func TestBadgePositions(t *testing.T) {
	for _, l := range Presets() {
		t.Run(l.Name, func(t *testing.T) {
			s := allSettings()
			s.OffsetX, s.OffsetY = 0.7, -0.4
			if (BadgeOptions{Layout: l, Settings: s}).layout().Validate() != nil {
				s.OffsetX, s.OffsetY = 0, 0 // the grid reaches the page's edges
			}
			rows := testBadges(l.PerPage())
			pdf := writeBadges(t, l, s, rows)
			o := BadgeOptions{Layout: l, Settings: s}
			lo := o.layout()
			d := newDesign(testCongress, nil, s, "fr")
			got := qrBoxes(t, pdf, l.PageH)
			if len(got) != len(rows) {
				t.Fatalf("%d QR codes in the PDF, want %d", len(got), len(rows))
			}
			for i := range rows {
				want := d.front(lo.FrontBox(i), &rows[i]).qrBox
				slot := lo.FrontBox(i)
				if math.Abs(got[i].X-want.X) > 0.1 || math.Abs(got[i].Y-want.Y) > 0.1 || math.Abs(got[i].W-want.W) > 0.1 {
					t.Errorf("badge %d: QR code at %+v, want %+v", i, got[i], want)
				}
				if !(got[i].X >= slot.X-0.1 && got[i].Right() <= slot.Right()+0.1 && got[i].Y >= slot.Y-0.1 && got[i].Bottom() <= slot.Bottom()+0.1) {
					t.Errorf("badge %d: QR code %+v outside its badge %+v", i, got[i], slot)
				}
			}
		})
	}
}

// TestBadgeQRCodesScan rasterises the PDF at 300 dpi, as a laser printer
// prints it, crops each badge and decodes its code with zbar.
func TestBadgeQRCodesScan(t *testing.T) {
	for _, name := range []string{"a4-85x54", "a4-a6", "label-62x100", "fold-a4-a6"} {
		t.Run(name, func(t *testing.T) {
			l := mustPreset(t, name)
			rows := testBadges(l.PerPage())
			path := writeFile(t, writeBadges(t, l, allSettings(), rows), "b.pdf")
			const dpi = 300
			prefix := filepath.Join(t.TempDir(), "page")
			run(t, "pdftoppm", "-r", strconv.Itoa(dpi), "-f", "1", "-l", "1", "-png", "-singlefile", path, prefix)
			page := readPNG(t, prefix+".png")
			px := func(mm float64) int { return int(math.Round(mm * dpi / inch)) }
			for i, r := range rows {
				b := l.FrontBox(i)
				crop := page.(interface {
					SubImage(image.Rectangle) image.Image
				}).SubImage(image.Rect(px(b.X), px(b.Y), px(b.Right()), px(b.Bottom())))
				var buf bytes.Buffer
				if err := png.Encode(&buf, crop); err != nil {
					t.Fatal(err)
				}
				cp := writeFile(t, buf.Bytes(), fmt.Sprintf("badge%d.png", i))
				got := strings.TrimSpace(run(t, "zbarimg", "--raw", "-q", cp))
				if got != r.Code {
					t.Errorf("badge %d: QR code reads %q, want %q", i, got, r.Code)
				}
			}
		})
	}
}

func readPNG(tb testing.TB, path string) image.Image {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		tb.Fatal(err)
	}
	return img
}

// TestBadgeBackLandsBehindFront prints duplex and fold-over badges and reads
// the text at each badge's back position: the programme of the person whose
// front is on the other side.
func TestBadgeBackLandsBehindFront(t *testing.T) {
	cases := []struct {
		layout    string
		shortEdge bool
	}{{"a4-85x54", false}, {"a4-85x54", true}, {"letter-4x3in", false}, {"fold-a4-a6", false}}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/short=%v", c.layout, c.shortEdge), func(t *testing.T) {
			l := mustPreset(t, c.layout)
			s := allSettings()
			s.Duplex, s.ShortEdge = l.Mode != FoldOver, c.shortEdge
			rows := testBadges(l.PerPage())
			for i := range rows { // Latin names: pdftotext reads them back exactly
				rows[i].FirstName, rows[i].LastName = "Personne", fmt.Sprintf("Numéro%02d", i)
			}
			path := writeFile(t, writeBadges(t, l, s, rows), "b.pdf")
			lo := BadgeOptions{Layout: l, Settings: s}.layout()
			for i, r := range rows {
				page, b := "2", lo.BackSlot(i)
				if l.Mode == FoldOver {
					page, b = "1", lo.BackBox(i)
				}
				pt := func(mm float64) string { return strconv.Itoa(int(mm * 72 / inch)) }
				text := run(t, "pdftotext", "-f", page, "-l", page, "-r", "72",
					"-x", pt(b.X+1), "-y", pt(b.Y+1), "-W", pt(b.W-2), "-H", pt(b.H-2), "-enc", "UTF-8", path, "-")
				if !strings.Contains(text, r.LastName) || !strings.Contains(text, "Atelier") {
					t.Errorf("back of badge %d (%s) at %+v reads %q", i, r.LastName, b, text)
				}
			}
		})
	}
}

// TestBadgeBoxesStayInside checks the layout engine's measured boxes for the
// longest names on every preset: every line of text lies inside its field's
// box and inside the badge, no two fields overlap, and the QR code overlaps
// no text.
func TestBadgeBoxesStayInside(t *testing.T) {
	rows := testBadges(len(scriptNames))
	for _, l := range Presets() {
		for _, back := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/back=%v", l.Name, back), func(t *testing.T) {
				d := newDesign(testCongress, &logo{ratio: 2}, allSettings(), "fr")
				for i := range rows {
					b := l.FrontBox(i)
					side := d.front(b, &rows[i])
					if back {
						side = d.back(b, &rows[i])
					}
					checkSide(t, side)
				}
			})
		}
	}
}

func checkSide(t *testing.T, s badgeSide) {
	t.Helper()
	inside := func(in, out Box) bool {
		return in.X >= out.X-eps && in.Y >= out.Y-eps && in.Right() <= out.Right()+eps && in.Bottom() <= out.Bottom()+eps
	}
	var all []Box
	var names []string
	for _, tx := range s.texts {
		if len(tx.fit.Lines) == 0 {
			t.Errorf("%s: %+v got no line", tx.field, tx.box)
		}
		if !inside(tx.box, s.box) {
			t.Errorf("%s: box %+v outside the badge %+v", tx.field, tx.box, s.box)
		}
		for _, lb := range tx.fit.lineBoxes(tx.box, tx.align) {
			if !inside(lb, tx.box) {
				t.Errorf("%s: line %+v leaves its box %+v (size %.1f)", tx.field, lb, tx.box, tx.fit.Size)
			}
			for j, o := range all {
				if lb.Overlaps(o) {
					t.Errorf("%s line %+v overlaps %s %+v", tx.field, lb, names[j], o)
				}
			}
			all, names = append(all, lb), append(names, tx.field)
		}
	}
	if s.qr != nil {
		if !inside(s.qrBox, s.box) {
			t.Errorf("QR code %+v outside the badge %+v", s.qrBox, s.box)
		}
		for j, o := range all {
			if s.qrBox.Overlaps(o) {
				t.Errorf("QR code %+v overlaps %s %+v", s.qrBox, names[j], o)
			}
		}
	}
	if s.logo.W > 0 && !inside(s.logo, s.box) {
		t.Errorf("logo %+v outside the badge %+v", s.logo, s.box)
	}
}

// TestBadgeFieldsFollowSettings switches fields off and checks they are gone
// from the PDF's text.
func TestBadgeFieldsFollowSettings(t *testing.T) {
	l := mustPreset(t, "a4-85x54")
	rows := testBadges(2)
	rows[1].Stands = []string{"B12"}
	s := allSettings()
	text := run(t, "pdftotext", writeFile(t, writeBadges(t, l, s, rows), "on.pdf"), "-")
	for _, want := range []string{"Chargée de mission", "Chantier d'insertion", "Adhérent", "Stand B12", "Congrès de la fédération", "25–26 novembre 2021"} {
		if !strings.Contains(text, want) {
			t.Errorf("with every field on, %q is missing from %q", want, text)
		}
	}
	s.JobTitle, s.Organisation, s.Category, s.Stand, s.Congress, s.QR = false, false, false, false, false, false
	pdf := writeBadges(t, l, s, rows)
	text = run(t, "pdftotext", writeFile(t, pdf, "off.pdf"), "-")
	for _, gone := range []string{"Chargée de mission", "Chantier d'insertion", "Adhérent", "Stand", "Congrès de la fédération"} {
		if strings.Contains(text, gone) {
			t.Errorf("switched off, %q is still in the PDF", gone)
		}
	}
	if n := len(qrBoxes(t, pdf, l.PageH)); n != 0 {
		t.Errorf("QR codes switched off, %d still drawn", n)
	}
}

func TestBadgesRefused(t *testing.T) {
	ctx := context.Background()
	var buf bytes.Buffer
	l := mustPreset(t, "a4-85x54")
	in := BadgeInput{Congress: testCongress, Badges: testBadges(3)}
	t.Run("ErrNoBadges", func(t *testing.T) {
		err := WriteBadges(ctx, &buf, BadgeInput{Congress: testCongress}, BadgeOptions{Layout: l})
		if !errors.Is(err, ErrNoBadges) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("ErrOffsetOffPage", func(t *testing.T) {
		s := allSettings()
		s.OffsetY = -20 // 13.5 mm of margin above the grid
		err := WriteBadges(ctx, &buf, in, BadgeOptions{Layout: l, Settings: s})
		if !errors.Is(err, ErrOffsetOffPage) || !strings.Contains(err.(*Error).Message("fr"), "décalage") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		if err := WriteBadges(c, &buf, in, BadgeOptions{Layout: l}); !errors.Is(err, context.Canceled) {
			t.Errorf("got %v", err)
		}
	})
	if buf.Len() != 0 {
		t.Errorf("a refused print wrote %d bytes", buf.Len())
	}
}

// TestBadgesReproducible: the same badges with the same date make the same
// bytes, so a batch can be compared with an earlier one.
func TestBadgesReproducible(t *testing.T) {
	l := mustPreset(t, "a4-90x60")
	a := writeBadges(t, l, allSettings(), testBadges(9))
	b := writeBadges(t, l, allSettings(), testBadges(9))
	if !bytes.Equal(a, b) {
		t.Error("two identical prints differ")
	}
}

// TestQRRectsCoverModules: the rectangles drawn for a code cover its dark
// modules exactly once and nothing else.
func TestQRRectsCoverModules(t *testing.T) {
	for _, code := range []string{"ABC234", "Z9Y8X7W6", "lower-case-and-long-code-0123456789"} {
		m, err := encodeQR(code)
		if err != nil {
			t.Fatal(err)
		}
		seen := make([]int, m.n*m.n)
		m.rects(func(x, y, w, h int) {
			for r := y - quietZone; r < y-quietZone+h; r++ {
				for c := x - quietZone; c < x-quietZone+w; c++ {
					seen[r*m.n+c]++
				}
			}
		})
		for i, d := range m.dark {
			if want := map[bool]int{true: 1, false: 0}[d]; seen[i] != want {
				t.Fatalf("%s: module %d drawn %d times, dark=%v", code, i, seen[i], d)
			}
		}
	}
}

func TestContrastText(t *testing.T) {
	for in, want := range map[string]rgb{"#000000": white, "#FFFFFF": black, "#FFDD00": black, "#1F3A93": white, "#2CA02C": black, "#D62728": white, "bad": black} {
		if got := contrastText(parseColour(in)); got != want {
			t.Errorf("%s: text %v, want %v", in, got, want)
		}
	}
}

func TestPreviewBadges(t *testing.T) {
	l := mustPreset(t, "a4-85x54")
	img, err := PreviewBadges(BadgeInput{Congress: testCongress, Badges: testBadges(3)}, BadgeOptions{Layout: l, Settings: allSettings(), Lang: "fr"}, 4)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 840 || b.Dy() != 1188 {
		t.Errorf("preview %v, want 840×1188", b)
	}
	// The first badge's QR code is drawn: its quiet zone is white and its
	// top-left finder pattern starts with a black module.
	d := newDesign(testCongress, nil, allSettings(), "fr")
	q := d.front(l.FrontBox(0), &testBadges(1)[0]).qrBox
	mod := q.W / float64(21+2*quietZone)
	at := func(x, y float64) uint8 { return img.RGBAAt(int(x*4), int(y*4)).R }
	if at(q.X+mod, q.Y+mod) != 255 || at(q.X+(quietZone+0.5)*mod, q.Y+(quietZone+0.5)*mod) != 0 {
		t.Error("the preview's QR code is not where the PDF draws it")
	}
	// The fourth slot, with nobody to print, stays white.
	s := l.FrontBox(3)
	if at(s.X+s.W/2, s.Y+s.H/2) != 255 {
		t.Error("an empty slot is drawn on")
	}
}

// TestWriteBadgeSamples draws sample pages for the README (make screenshots):
// names in every script on A4 sheets, and a duplex back.
func TestWriteBadgeSamples(t *testing.T) {
	dir := os.Getenv("CONGRES_SCREENSHOTS")
	if dir == "" {
		t.Skip("CONGRES_SCREENSHOTS not set")
	}
	for _, c := range []struct {
		name, layout string
		duplex       bool
		page         string
	}{{"badges-a4", "a4-85x54", false, "1"}, {"badges-a6", "a4-a6", false, "1"}, {"badges-back", "a4-85x54", true, "2"}, {"badges-fold", "fold-a4-a6", false, "1"}} {
		s := allSettings()
		s.Duplex = c.duplex
		s.CutMarks = true
		rows := testBadges(10)
		for i := range rows {
			rows[i].FirstName, rows[i].LastName = scriptNames[(i*3)%len(scriptNames)][0], scriptNames[(i*3)%len(scriptNames)][1]
		}
		path := writeFile(t, writeBadges(t, mustPreset(t, c.layout), s, rows), c.name+".pdf")
		run(t, "pdftoppm", "-r", "70", "-f", c.page, "-l", c.page, "-png", "-singlefile", path, filepath.Join(dir, c.name))
	}
}

// TestBadgeLogo prints the congress's logo, once in the file and drawn on
// every badge, whatever its size; an unreadable logo leaves it out.
func TestBadgeLogo(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 1600, 800)) // larger than maxLogoPx: scaled down
	for x := range 1600 {
		for y := range 800 {
			img.Pix[(y*1600+x)*4+2], img.Pix[(y*1600+x)*4+3] = 200, uint8(x%256)
		}
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	l := mustPreset(t, "a4-85x54")
	c := testCongress
	c.Logo = buf.Bytes()
	var out bytes.Buffer
	if err := WriteBadges(context.Background(), &out, BadgeInput{Congress: c, Badges: testBadges(3)}, BadgeOptions{Layout: l, Settings: allSettings(), Created: fixedTime}); err != nil {
		t.Fatal(err)
	}
	list := run(t, "pdfimages", "-list", writeFile(t, out.Bytes(), "logo.pdf"))
	// One line per use, with the image's object number: three uses of one
	// object, scaled to 600 px.
	uses := regexp.MustCompile(`(?m)^\s+1\s+\d+ image\s+600\s+300 .* (\d+)\s+0\s+\d+`).FindAllStringSubmatch(list, -1)
	if len(uses) != 3 || uses[0][1] != uses[1][1] || uses[1][1] != uses[2][1] {
		t.Errorf("want one 600×300 image drawn 3 times:\n%s", list)
	}
	c.Logo = []byte("not an image")
	out.Reset()
	if err := WriteBadges(context.Background(), &out, BadgeInput{Congress: c, Badges: testBadges(1)}, BadgeOptions{Layout: l, Settings: allSettings()}); err != nil {
		t.Errorf("an unreadable logo stops the print: %v", err)
	}
}

// TestPrefetchQR: codes encoded ahead come back in order, a skipped one is
// passed over, and a code not queued is encoded on the spot.
func TestPrefetchQR(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rows := testBadges(3)
	encode := prefetchQR(ctx, rows)
	for _, code := range []string{rows[0].Code, rows[2].Code, "ZZZ999"} {
		got, err := encode(code)
		want, _ := encodeQR(code)
		if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: got another symbol (%v)", code, err)
		}
	}
}
