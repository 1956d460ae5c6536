package export

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// ptMM is the length of a typographic point in millimetres.
const ptMM = 25.4 / 72

// ellipsis ends text cut short to fit its box.
const ellipsis = "…"

// textStyle says how a field's text may be fitted into its box.
type textStyle struct {
	Bold    bool
	MaxSize float64 // points: the size when the text fits
	// MinSize is the smallest size, in points, before the text wraps or is
	// cut. Zero or more than MaxSize means MaxSize: the text does not shrink.
	MinSize  float64
	MaxLines int  // 1 or 2 (0 means 1)
	Align    byte // 'L', 'C' or 'R'; for the caller to pass to drawPDF
}

// A textLine is one laid-out line of a fitted text.
type textLine struct {
	runs  []textRun
	width float64 // em: from the leftmost ink or pen position to the rightmost
	left  float64 // em: how far the first glyph's ink reaches left of the pen

	// ascent and descent (em) are the room the line needs above and below
	// its baseline (see lineHeight).
	ascent, descent float64
}

// fitted is text fitted into a box: the result of fitText, drawn by drawPDF
// (paper) and drawImage (screen) at the same places.
type fitted struct {
	Size      float64 // points
	Lines     []textLine
	Truncated bool // ended with an ellipsis

	// ascent and descent (em) of every line: the largest the lines need.
	// A line is ascent+descent high, its baseline ascent below its top.
	// Taking the font's room (Noto Sans's 1.36 em, more for taller
	// glyphs), rather than a fixed 1.2 em, keeps accents and descenders
	// inside the box, in every script.
	ascent, descent float64
}

// wrapGain is how much larger two lines must set a text than one line
// does for the text to wrap: a name reads best on one line, but not at a
// size a fifth smaller than it could have on two.
const wrapGain = 1.2

// fitText fits s into box b (mm), so that it never overflows b. The rule is
// the same for every box, whatever the badge's size:
//  1. one line at MaxSize, if it fits;
//  2. otherwise the larger of one line shrunk and two lines (if MaxLines
//     allows it) broken at a space, after a hyphen or between two CJK
//     characters, where the longer line is shortest, at the largest size
//     where both fit. Two lines win when they set the text at least
//     wrapGain times larger than one line does, or when one line would be
//     smaller than MinSize and two are not: text wraps before it shrinks
//     far;
//  3. at MinSize, the text cut short with an ellipsis: one line, or two
//     where the first holds the words that fit and the second the rest,
//     cut. A word is never split across lines: a single word too long for
//     the box stays on one line, cut.
//
// Widths scale with the size (no hinting), so each size is computed, not
// searched for. If even one line at MinSize is taller than b, the size
// goes below MinSize rather than overflow. Empty text gives no lines.
func fitText(s string, b Box, st textStyle) fitted {
	s = cleanText(s)
	if s == "" || !(b.W > 0) || !(b.H > 0) || !(st.MaxSize > 0) {
		return fitted{}
	}
	maxSize, minSize := st.MaxSize, st.MinSize
	if !(minSize > 0) || minSize > maxSize {
		minSize = maxSize
	}
	c := fontChain(st.Bold)
	rtl := hasRTL(s) && paraRTL(s)

	// 1. One line, at MaxSize or shrunk.
	one := c.line(s, rtl)
	asc, desc := lineMetrics(one)
	size1 := min(maxSize, b.W/(one.width*ptMM), b.H/((asc+desc)*ptMM))
	if size1 >= maxSize || (size1 >= minSize && size1*wrapGain > maxSize) {
		// Two lines, at most MaxSize, could not be wrapGain larger.
		return newFitted(size1, b.H, false, one)
	}

	// 2. Two lines, when they are larger enough; else one line shrunk.
	twoFit := st.MaxLines >= 2 && 2*(asc+desc)*minSize*ptMM <= b.H
	brks := []lineBreak(nil)
	if twoFit {
		brks = breaks(s)
	}
	if len(brks) > 0 {
		best := c.bestBreak(s, rtl, brks)
		l1, l2 := c.line(s[:best.end], rtl), c.line(s[best.start:], rtl)
		a, d := lineMetrics(l1, l2)
		size2 := min(maxSize, b.W/(max(l1.width, l2.width)*ptMM), b.H/(2*(a+d)*ptMM))
		if size2 >= minSize && (size2 >= size1*wrapGain || size1 < minSize) {
			return newFitted(size2, b.H, false, l1, l2)
		}
	}
	if size1 >= minSize {
		return newFitted(size1, b.H, false, one)
	}

	// 3. Cut short at MinSize, or less if the box is not tall enough.
	size := min(minSize, b.H/((asc+desc)*ptMM))
	maxEm := b.W / (size * ptMM)
	if len(brks) == 0 {
		l, cut := c.truncate(s, rtl, maxEm)
		return newFitted(size, b.H, cut, l)
	}
	// The first line takes as many words as fit, the second the rest.
	k := brks[0]
	for _, x := range brks[1:] {
		if c.measure(s[:x.end], rtl) > maxEm {
			break
		}
		k = x
	}
	l1, cut1 := c.truncate(s[:k.end], rtl, maxEm)
	l2, cut2 := c.truncate(s[k.start:], rtl, maxEm)
	return newFitted(size, b.H, cut1 || cut2, l1, l2)
}

// newFitted assembles a result, dropping empty lines and, should the lines
// need more height than their size was computed with, lowering the size so
// that they stay within height.
func newFitted(size, height float64, cut bool, lines ...textLine) fitted {
	f := fitted{Truncated: cut}
	for _, l := range lines {
		if len(l.runs) > 0 {
			f.Lines = append(f.Lines, l)
		}
	}
	if len(f.Lines) == 0 {
		return f
	}
	f.ascent, f.descent = lineMetrics(f.Lines...)
	size = min(size, height/(float64(len(f.Lines))*(f.ascent+f.descent)*ptMM))
	// Sizes go down to a hundredth of a point: gofpdf writes sizes with two
	// decimals, so what is measured is what is printed.
	f.Size = math.Floor(size*100) / 100
	return f
}

// lineMetrics returns the largest ascent and descent the lines need.
func lineMetrics(lines ...textLine) (ascent, descent float64) {
	for _, l := range lines {
		ascent, descent = max(ascent, l.ascent), max(descent, l.descent)
	}
	return ascent, descent
}

// bestBreak returns the break of brks (in order) where the longer of the
// two lines is shortest. The first line grows and the second shrinks as
// the break moves on, so the best is where they cross: found by bisection,
// in a few measures rather than two per break.
func (c *chain) bestBreak(s string, rtl bool, brks []lineBreak) lineBreak {
	widths := func(k lineBreak) (float64, float64) {
		return c.measure(s[:k.end], rtl), c.measure(s[k.start:], rtl)
	}
	lo, hi := 0, len(brks)-1 // the first break whose first line is the longer
	for lo < hi {
		m := (lo + hi) / 2
		if w1, w2 := widths(brks[m]); w1 >= w2 {
			hi = m
		} else {
			lo = m + 1
		}
	}
	best, bestW := brks[lo], math.Inf(1)
	for _, k := range brks[max(0, lo-1) : lo+1] {
		if w1, w2 := widths(k); max(w1, w2) < bestW {
			best, bestW = k, max(w1, w2)
		}
	}
	return best
}

// A lineBreak is where text may be cut into two lines: the first line ends
// at byte end, the second starts at byte start (after the space dropped at
// the break, if any).
type lineBreak struct{ end, start int }

// breaks lists where s (clean text: single spaces) may be broken into two
// lines: at a space (not inside a French time, nor before a "·" or "–",
// which end a line rather than start one), after a hyphen between letters, and between two CJK
// characters (Han, kana, Hangul), which may break anywhere.
func breaks(s string) []lineBreak {
	var out []lineBreak
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+n:])
		switch {
		case r == ' ' && !inFrenchTime(s, i) && next != '·' && next != '–':
			out = append(out, lineBreak{i, i + n})
		case isHyphen(r) && unicode.IsLetter(prev) && unicode.IsLetter(next),
			isCJK(r) && isCJK(next):
			out = append(out, lineBreak{i + n, i + n})
		}
		prev = r
		i += n
	}
	return out
}

// inFrenchTime reports whether the space at byte i of s is inside a
// French time or duration ("11 h 00", "2 h"): a number and its "h", and
// the "h" and its minutes.
// A line never ends with "11" or "11 h" and goes on with the rest.
func inFrenchTime(s string, i int) bool {
	digit := func(k int) bool { return k >= 0 && k < len(s) && s[k] >= '0' && s[k] <= '9' }
	// "11| h 00", "2| h": a digit before, then "h" alone.
	if digit(i-1) && i+1 < len(s) && s[i+1] == 'h' && (i+2 == len(s) || s[i+2] == ' ') {
		return true
	}
	// "11 h| 00": " h" before, preceded by a digit, and a digit after.
	return i >= 3 && s[i-1] == 'h' && s[i-2] == ' ' && digit(i-3) && digit(i+1)
}

// isHyphen: hyphen-minus, hyphen, Hebrew maqaf.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u05BE' }

func isCJK(r rune) bool {
	return r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// truncate lays s out on one line of at most maxEm em: whole if it fits,
// otherwise its longest start that fits followed by an ellipsis (true).
// The cut falls between characters, never before a combining mark or
// around a joiner. If not even the ellipsis fits, the line is empty.
func (c *chain) truncate(s string, rtl bool, maxEm float64) (textLine, bool) {
	if c.measure(s, rtl) <= maxEm {
		return c.line(s, rtl), false
	}
	var cuts []int // byte offsets where s may be cut, increasing
	prev := rune(-1)
	for i, r := range s {
		if i > 0 && prev != zwj && r != zwj && r != zwnj && !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) {
			cuts = append(cuts, i)
		}
		prev = r
	}
	cutAt := func(i int) string { return strings.TrimRight(s[:i], " ") + ellipsis }
	// The longest start that fits: widths grow with the length, so a
	// binary search finds it (a shaped or overhanging glyph at the cut can
	// bend that slightly; the last check below catches it).
	lo, hi := 0, len(cuts) // cuts[:lo] fit, cuts[hi:] do not
	for lo < hi {
		m := (lo + hi) / 2
		if c.measure(cutAt(cuts[m]), rtl) <= maxEm {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for k := lo - 1; k >= 0; k-- {
		if t := cutAt(cuts[k]); c.measure(t, rtl) <= maxEm {
			return c.line(t, rtl), true
		}
	}
	if c.measure(ellipsis, rtl) <= maxEm {
		return c.line(ellipsis, rtl), true
	}
	return textLine{}, true
}

// lineBoxes returns the box of each line inside b (mm): as wide as the
// line's ink and advances, as high as the fitted ascent plus descent,
// aligned horizontally ('L', 'C' or 'R'), the lines stacked and centred
// vertically in b.
func (f fitted) lineBoxes(b Box, align byte) []Box {
	sz := f.Size * ptMM
	lh := (f.ascent + f.descent) * sz
	top := b.Y + (b.H-lh*float64(len(f.Lines)))/2
	boxes := make([]Box, len(f.Lines))
	for i, l := range f.Lines {
		w := l.width * sz
		x := b.X
		switch align {
		case 'C':
			x += (b.W - w) / 2
		case 'R':
			x = b.Right() - w
		}
		boxes[i] = Box{x, top + float64(i)*lh, w, lh}
	}
	return boxes
}

// drawPDF draws the fitted lines into b on the current page of pdf, whose
// fonts registerFonts has added, in the current text colour. A font is
// selected only when the face changes: gofpdf writes a font operator at
// every SetFont.
func (f fitted) drawPDF(pdf *gofpdf.Fpdf, b Box, align byte) {
	u := 72 / 25.4 / pdf.GetConversionRatio() // user units per mm: 1 for "mm"
	sz := f.Size * ptMM
	var cur *face
	use := func(fc *face) {
		if fc != cur {
			addFace(pdf, fc)
			pdf.SetFont(fc.name, "", f.Size)
			cur = fc
		}
	}
	for i, lb := range f.lineBoxes(b, align) {
		x, y := lb.X+f.Lines[i].left*sz, lb.Y+f.ascent*sz
		for _, r := range f.Lines[i].runs {
			switch {
			case r.text == "":
				continue
			case r.glyphs != nil:
				drawGlyphsPDF(pdf, r, x*u, y*u, f.Size, use)
			default:
				use(r.face)
				pdf.Text(x*u, y*u, r.text)
			}
			x += r.width * sz
		}
	}
}
