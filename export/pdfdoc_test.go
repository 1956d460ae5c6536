package export

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"

	"congres/data"
)

// checkPage checks a laid-out page as checkSide checks a badge: every line
// of text inside its box, every box inside the page's margins, no two lines
// overlapping, images inside the margins and clear of the text, and each
// text of a table (every field in tableFields) inside one of the page's
// cells.
func checkPage(t *testing.T, pg docPage, margin float64, tableFields ...string) {
	t.Helper()
	inside := func(in, out Box) bool {
		return in.X >= out.X-eps && in.Y >= out.Y-eps && in.Right() <= out.Right()+eps && in.Bottom() <= out.Bottom()+eps
	}
	area := Box{margin, 0, pg.box.W - 2*margin, pg.box.H}
	var all []Box
	var names []string
	for _, tx := range pg.texts {
		if len(tx.fit.Lines) == 0 {
			t.Errorf("%s: %+v got no line", tx.field, tx.box)
		}
		if !inside(tx.box, area) {
			t.Errorf("%s: box %+v outside the page's margins %+v", tx.field, tx.box, area)
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
		for _, f := range tableFields {
			if tx.field != f {
				continue
			}
			in := 0
			for _, c := range pg.cells {
				if inside(tx.box, c) {
					in++
				}
			}
			if in == 0 {
				t.Errorf("%s %q: box %+v in no cell of the table", tx.field, tx.fit.Lines[0].runs[0].text, tx.box)
			}
		}
	}
	for _, im := range pg.images {
		if !inside(im.box, area) {
			t.Errorf("image %s %+v outside the page's margins", im.name, im.box)
		}
		for j, o := range all {
			if im.box.Overlaps(o) {
				t.Errorf("image %s %+v overlaps %s %+v", im.name, im.box, names[j], o)
			}
		}
	}
	for _, c := range pg.cells {
		if !inside(c, area) {
			t.Errorf("cell %+v outside the page's margins", c)
		}
	}
}

// testLogo is a 300×120 PNG: a blue rounded band with a yellow disc.
func testLogo() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 120))
	for y := range 120 {
		for x := range 300 {
			c := color.NRGBA{0x1F, 0x3A, 0x93, 255}
			if dx, dy := float64(x-60), float64(y-60); dx*dx+dy*dy < 40*40 {
				c = color.NRGBA{0xFF, 0xCC, 0x00, 255}
			}
			if y < 10 || y >= 110 {
				c.A = 0
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// testSignature is a 600×200 PNG of a dark blue scribble on a transparent
// background, as a scanned signature with its background removed.
func testSignature() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 600, 200))
	ink := color.NRGBA{0x10, 0x20, 0x60, 255}
	for i := range 6000 {
		t := float64(i) / 6000
		x := 30 + 540*t
		y := 100 + 55*math.Sin(t*19)*math.Cos(t*5) + 20*math.Sin(t*61)
		for dx := -2; dx <= 2; dx++ {
			for dy := -2; dy <= 2; dy++ {
				if dx*dx+dy*dy <= 4 {
					img.Set(int(x)+dx, int(y)+dy, ink)
				}
			}
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

func TestFitParagraph(t *testing.T) {
	text := "a participé au Congrès de la fédération des chantiers d'insertion, qui s'est tenu à Lille les 25 et 26 novembre 2021."
	for _, c := range []struct {
		name string
		box  Box
		min  int // lines at least
	}{
		{"Wide", Box{0, 0, 170, 17}, 1},
		{"Narrow", Box{0, 0, 60, 30}, 3},
		{"TooSmall", Box{0, 0, 40, 6}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := fitParagraph(text, c.box, textStyle{MaxSize: 12, MinSize: 8, Align: 'C'})
			if len(f.Lines) < c.min {
				t.Errorf("%d lines, want at least %d", len(f.Lines), c.min)
			}
			for _, lb := range f.lineBoxes(c.box, 'C') {
				if lb.X < c.box.X-eps || lb.Right() > c.box.Right()+eps || lb.Y < c.box.Y-eps || lb.Bottom() > c.box.Bottom()+eps {
					t.Errorf("line %+v leaves %+v", lb, c.box)
				}
			}
			var got []string
			for _, l := range f.Lines {
				var s strings.Builder
				for _, r := range l.runs {
					s.WriteString(r.text)
				}
				got = append(got, s.String())
			}
			joined := strings.Join(got, " ")
			if f.Truncated != (c.name == "TooSmall") {
				t.Errorf("truncated = %v: %q", f.Truncated, joined)
			}
			if !f.Truncated && joined != text {
				t.Errorf("lines %q do not make the text", got)
			}
		})
	}
}

func TestDurationText(t *testing.T) {
	for _, c := range []struct {
		min    int
		fr, en string
	}{{90, "1 h 30", "1 h 30 min"}, {120, "2 h", "2 h"}, {45, "45 min", "45 min"}, {605, "10 h 05", "10 h 05 min"}, {0, "0 min", "0 min"}} {
		if got := durationText(c.min, "fr"); got != c.fr {
			t.Errorf("%d fr: %q, want %q", c.min, got, c.fr)
		}
		if got := durationText(c.min, "en"); got != c.en {
			t.Errorf("%d en: %q, want %q", c.min, got, c.en)
		}
	}
}

func TestDayWords(t *testing.T) {
	if got := dayLong("2021-12-01", "fr"); got != "mercredi 1er décembre 2021" {
		t.Errorf("dayLong fr: %q", got)
	}
	if got := dayLong("2021-11-25", "en"); got != "Thursday 25 November 2021" {
		t.Errorf("dayLong en: %q", got)
	}
	if got := timeRange(9*60, 10*60+30, "fr"); got != "9 h 00 – 10 h 30" {
		t.Errorf("timeRange fr: %q", got)
	}
	if got := timeRange(9*60, 10*60+30, "en"); got != "09:00–10:30" {
		t.Errorf("timeRange en: %q", got)
	}
	for _, c := range []struct {
		days   []data.Day
		fr, en string
	}{
		{[]data.Day{"2021-11-25"}, "le 25 novembre 2021", "on 25 November 2021"},
		{[]data.Day{"2021-11-25", "2021-11-26"}, "les 25 et 26 novembre 2021", "on 25 and 26 November 2021"},
		{[]data.Day{"2021-11-24", "2021-11-25", "2021-11-26"}, "du 24 au 26 novembre 2021", "from 24 to 26 November 2021"},
		{[]data.Day{"2021-11-30", "2021-12-01", "2021-12-02"}, "du 30 novembre au 2 décembre 2021", "from 30 November to 2 December 2021"},
		{[]data.Day{"2021-11-30", "2021-12-01"}, "les 30 novembre et 1er décembre 2021", "on 30 November and 1 December 2021"},
		{[]data.Day{"2021-06-03", "2021-06-05", "2021-06-07"}, "les 3, 5 et 7 juin 2021", "on 3, 5 and 7 June 2021"},
		{[]data.Day{"2021-12-31", "2022-01-01", "2022-01-02"}, "du 31 décembre 2021 au 2 janvier 2022", "from 31 December 2021 to 2 January 2022"},
	} {
		if got := congressWhen(c.days, "fr"); got != c.fr {
			t.Errorf("%v fr: %q, want %q", c.days, got, c.fr)
		}
		if got := congressWhen(c.days, "en"); got != c.en {
			t.Errorf("%v en: %q, want %q", c.days, got, c.en)
		}
	}
	if got := daysList([]data.Day{"2021-11-25", "2021-11-26"}, "fr", true); got != "jeudi 25 et vendredi 26 novembre 2021" {
		t.Errorf("daysList: %q", got)
	}
}
