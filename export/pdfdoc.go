package export

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"congres/data"

	"github.com/jung-kurt/gofpdf"
)

// This file holds what the page documents (sign-in sheets, certificates)
// share: the document's set-up, a laid-out page and its painter, text
// wrapped over several lines, and dates, times and durations in words.

// newPDF starts a document of w × h mm, in millimetres, with the fonts
// registered, no margins and no automatic page breaks, compressed, dated
// created (now when zero) so that the same input makes the same bytes.
func newPDF(w, h float64, title string, created time.Time) (*gofpdf.Fpdf, error) {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{
		UnitStr: "mm",
		Size:    gofpdf.SizeType{Wd: w, Ht: h},
	})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true) // fonts in a fixed order: the same input makes the same bytes
	if created.IsZero() {
		created = time.Now()
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCreator("Congrès", true)
	pdf.SetTitle(strings.TrimSpace(title), true)
	if err := registerFonts(pdf); err != nil {
		return nil, err
	}
	return pdf, pdf.Error()
}

// registerImage adds an image loaded by loadLogo to pdf under name, once:
// every page that draws it refers to the same object.
func registerImage(pdf *gofpdf.Fpdf, name string, img *logo) {
	if img != nil {
		pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(img.png))
	}
}

// The images a page document may draw, as registered.
const signatureName = "congres-signature"

// placedRule is a straight line to draw.
type placedRule struct {
	line   Line
	width  float64 // mm
	colour rgb
}

// placedImage is a registered image drawn in a box.
type placedImage struct {
	name string
	box  Box
}

// tableColumn is a column of a table: where it is and its heading.
type tableColumn struct {
	x, w  float64
	label string
}

// docPage is one page of a sign-in sheet or a certificate, laid out: what to
// draw where. The writers draw it with drawPage; the tests check its boxes.
type docPage struct {
	box    Box // the page
	fills  []placedFill
	rules  []placedRule
	images []placedImage
	texts  []placedText
	// cells are the table cells on the page: every text of the table lies
	// inside one of them.
	cells []Box
}

// add fits s in box on one or two lines (see fitText) and records it;
// empty text records nothing.
func (p *docPage) add(field, text string, box Box, st textStyle, c rgb) {
	if strings.TrimSpace(text) == "" || box.W <= 0 || box.H <= 0 {
		return
	}
	p.texts = append(p.texts, placedText{field: field, box: box, fit: fitText(text, box, st), align: st.Align, colour: c})
}

func (p *docPage) rule(x1, y1, x2, y2, width float64, c rgb) {
	p.rules = append(p.rules, placedRule{Line{x1, y1, x2, y2}, width, c})
}

// image records img (registered as name) drawn as large as fits in b,
// keeping its proportions, centred horizontally and aligned to b's bottom
// ('B') or vertically centred (anything else).
func (p *docPage) image(name string, img *logo, b Box, valign byte) Box {
	if img == nil || b.W <= 0 || b.H <= 0 || !(img.ratio > 0) {
		return Box{}
	}
	w, h := b.W, b.W/img.ratio
	if h > b.H {
		w, h = b.H*img.ratio, b.H
	}
	y := b.Y + (b.H-h)/2
	if valign == 'B' {
		y = b.Bottom() - h
	}
	box := Box{b.X + (b.W-w)/2, y, w, h}
	p.images = append(p.images, placedImage{name, box})
	return box
}

// drawPage adds a page to pdf and draws pg on it: fills, then rules,
// images and text on top. Colours and widths are set only when they change.
func drawPage(pdf *gofpdf.Fpdf, pg *docPage) {
	pdf.AddPage()
	for _, f := range pg.fills {
		pdf.SetFillColor(int(f.colour.R), int(f.colour.G), int(f.colour.B))
		pdf.Rect(f.box.X, f.box.Y, f.box.W, f.box.H, "F")
	}
	var width float64
	var colour *rgb
	for i := range pg.rules {
		r := &pg.rules[i]
		if colour == nil || *colour != r.colour {
			pdf.SetDrawColor(int(r.colour.R), int(r.colour.G), int(r.colour.B))
			colour = &r.colour
		}
		if r.width != width {
			pdf.SetLineWidth(r.width)
			width = r.width
		}
		pdf.Line(r.line.X1, r.line.Y1, r.line.X2, r.line.Y2)
	}
	for _, im := range pg.images {
		pdf.ImageOptions(im.name, im.box.X, im.box.Y, im.box.W, im.box.H, false, gofpdf.ImageOptions{}, 0, "")
	}
	colour = nil
	for i := range pg.texts {
		t := &pg.texts[i]
		if colour == nil || *colour != t.colour {
			pdf.SetTextColor(int(t.colour.R), int(t.colour.G), int(t.colour.B))
			colour = &t.colour
		}
		t.fit.drawPDF(pdf, t.box, t.align)
	}
}

// fitParagraph fits s into b over as many lines as b holds, broken where
// fitText breaks lines (spaces, hyphens, between CJK characters), each line
// holding as many words as fit: at the largest size up to MaxSize where the
// whole text fits, down to MinSize. At MinSize the lines that do not fit
// are dropped and the last kept one ends with an ellipsis; a single word
// wider than b is cut. Like fitText, it never overflows b. MaxLines is not
// used.
func fitParagraph(s string, b Box, st textStyle) fitted {
	s = cleanText(s)
	if s == "" || !(b.W > 0) || !(b.H > 0) || !(st.MaxSize > 0) {
		return fitted{}
	}
	minSize := st.MinSize
	if !(minSize > 0) || minSize > st.MaxSize {
		minSize = st.MaxSize
	}
	c := fontChain(st.Bold)
	rtl := hasRTL(s) && paraRTL(s)
	brks := breaks(s)
	// Sizes go down by quarter points: the text is short (a sentence or
	// two) and each try costs a wrap.
	for size := st.MaxSize; ; size = max(size-0.25, minSize) {
		maxEm := b.W / (size * ptMM)
		parts := wrapLines(c, s, rtl, brks, maxEm)
		lines := make([]textLine, len(parts))
		for i, p := range parts {
			lines[i] = c.line(p, rtl)
		}
		asc, desc := lineMetrics(lines...)
		lh := (asc + desc) * size * ptMM
		fits := float64(len(lines))*lh <= b.H+eps
		wide := false
		for _, l := range lines {
			wide = wide || l.width > maxEm+1e-9
		}
		if fits && !wide {
			if st.Align == 'C' && len(parts) > 1 {
				lines = balance(c, s, rtl, brks, maxEm, len(parts))
			}
			return newFitted(size, b.H, false, lines...)
		}
		if size > minSize {
			continue
		}
		// At the smallest size: keep what fits, cut the rest.
		keep := max(1, min(len(parts), int((b.H+eps)/lh)))
		cut := keep < len(parts)
		out := lines[:keep]
		for i := range out {
			text := parts[i]
			if i == keep-1 && cut {
				text += " " + strings.Join(parts[keep:], " ")
			}
			if c.measure(text, rtl) > maxEm || (i == keep-1 && cut) {
				var trunc bool
				out[i], trunc = c.truncateEnd(text, rtl, maxEm, i == keep-1 && cut)
				cut = cut || trunc
			}
		}
		return newFitted(size, b.H, cut, out...)
	}
}

// balance wraps s into n lines of lengths as even as can be, for centred
// text: a last line of one word under a long one looks like a mistake. It
// looks for the narrowest width, down from maxEm, at which s still takes n
// lines.
func balance(c *chain, s string, rtl bool, brks []lineBreak, maxEm float64, n int) []textLine {
	lo, hi := maxEm/float64(n), maxEm // s needs more than n lines at lo, n at hi
	for range 12 {
		m := (lo + hi) / 2
		if len(wrapLines(c, s, rtl, brks, m)) > n {
			lo = m
		} else {
			hi = m
		}
	}
	parts := wrapLines(c, s, rtl, brks, hi)
	lines := make([]textLine, len(parts))
	for i, p := range parts {
		lines[i] = c.line(p, rtl)
	}
	return lines
}

// truncateEnd is truncate, but when force is set the text is known not to
// end here, so the line ends with an ellipsis even if it would fit whole.
func (c *chain) truncateEnd(s string, rtl bool, maxEm float64, force bool) (textLine, bool) {
	if force && c.measure(s, rtl) <= maxEm {
		// Cut one character earlier than the whole: truncate always adds
		// the ellipsis when the text is too long, so make it so.
		return c.truncate(s, rtl, c.measure(s, rtl)-1e-6)
	}
	return c.truncate(s, rtl, maxEm)
}

// wrapLines cuts clean text s into lines of at most maxEm em, at the breaks
// brks (as breaks(s) returns them), each line taking as many words as fit.
// A word wider than maxEm makes a line of its own, too wide.
func wrapLines(c *chain, s string, rtl bool, brks []lineBreak, maxEm float64) []string {
	var out []string
	start := 0
	for start < len(s) {
		if c.measure(s[start:], rtl) <= maxEm {
			out = append(out, s[start:])
			break
		}
		best := -1 // index in brks of the last break whose line fits
		for i, k := range brks {
			if k.end <= start {
				continue
			}
			if c.measure(s[start:k.end], rtl) > maxEm {
				if best < 0 {
					best = i // not even the first word fits: it goes alone
				}
				break
			}
			best = i
		}
		if best < 0 { // no break left: the rest is one word
			out = append(out, s[start:])
			break
		}
		out = append(out, s[start:brks[best].end])
		start = brks[best].start
	}
	return out
}

// Dates and times in words.

var (
	weekdaysLongEN = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	weekdaysLongFR = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
)

// tr picks the English or the French text.
func tr(lang, en, fr string) string {
	if lang == "fr" {
		return fr
	}
	return en
}

// dayNumber is the day of the month, "1er" for the first in French.
func dayNumber(t time.Time, lang string) string {
	if lang == "fr" && t.Day() == 1 {
		return "1er"
	}
	return fmt.Sprint(t.Day())
}

// dayLong writes a day in full: "Thursday 25 November 2021", "jeudi 25
// novembre 2021", "mercredi 1er décembre 2021".
func dayLong(d data.Day, lang string) string {
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	if lang == "fr" {
		return fmt.Sprintf("%s %s %s %d", weekdaysLongFR[t.Weekday()], dayNumber(t, lang), monthsFR[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%s %d %s %d", weekdaysLongEN[t.Weekday()], t.Day(), monthsEN[t.Month()-1], t.Year())
}

// dateLong writes a date without its weekday: "26 November 2021", "26
// novembre 2021".
func dateLong(t time.Time, lang string) string {
	months := monthsEN
	if lang == "fr" {
		months = monthsFR
	}
	return fmt.Sprintf("%s %s %d", dayNumber(t, lang), months[t.Month()-1], t.Year())
}

// clockText writes a time of day: "09:30"; "9 h 30" in French.
func clockText(c data.Clock, lang string) string {
	if lang == "fr" {
		return fmt.Sprintf("%d h %02d", int(c)/60, int(c)%60)
	}
	return c.String()
}

// timeRange writes a session's times: "09:00–10:30", "9 h 00 – 10 h 30".
func timeRange(a, b data.Clock, lang string) string {
	if lang == "fr" {
		return clockText(a, lang) + " – " + clockText(b, lang)
	}
	return clockText(a, lang) + "–" + clockText(b, lang)
}

// durationText writes minutes as hours and minutes: "1 h 30" in French,
// "1 h 30 min" in English, "2 h", "45 min".
func durationText(minutes int, lang string) string {
	minutes = max(minutes, 0)
	h, m := minutes/60, minutes%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return fmt.Sprintf("%d h", h)
	case lang == "fr":
		return fmt.Sprintf("%d h %02d", h, m)
	}
	return fmt.Sprintf("%d h %02d min", h, m)
}

// joinWords joins items as a sentence lists them: "a", "a and b", "a, b
// and c" ("et" in French).
func joinWords(items []string, lang string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + tr(lang, " and ", " et ") + items[len(items)-1]
}
