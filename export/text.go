package export

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// A textRun is a piece of one line drawn with one face, left to right.
//
// gofpdf draws a string of code points in one font, glyph after glyph at
// the font's advances, with no shaping and no kerning. So a line is cut into
// runs of one face each, placed in visual order; right-to-left text drawn
// so (Hebrew) is shaped beforehand and written back as the code points the
// font maps to its shaped glyphs (shapeRTL).
//
// Scripts gofpdf cannot draw that way (Arabic joining and marks, Indic
// conjuncts and vowel signs, Thai marks, runes beyond the BMP) are in
// outline faces: their runs are shaped by HarfBuzz and drawn as glyph
// outlines (glyphs), with the text as typed written invisibly beneath for
// search and copy (see shapeRun and drawGlyphsPDF).
type textRun struct {
	face  *face
	text  string  // code points to draw, in visual order; for a shaped run, the text as typed, in visual order
	width float64 // em: the sum of the advances gofpdf will use

	// glyphs are an outline face's shaped glyphs, in visual order; ink
	// is how far their ink reaches left of the run and right of its
	// advance, and above and below the baseline (em).
	glyphs []shapedGlyph
	ink    inkBox
}

// layoutLine lays s out as a single line: cleaned (see cleanText), cut into
// runs of one face each, in visual order. Text without right-to-left
// characters, the usual case, takes a path that allocates only the result.
func layoutLine(s string, bold bool) []textRun {
	s = cleanText(s)
	return fontChain(bold).line(s, hasRTL(s) && paraRTL(s)).runs
}

// line lays out clean text s as one line. rtl is the direction of the
// paragraph s belongs to, which for the second line of a wrapped field may
// differ from the direction s alone would get.
func (c *chain) line(s string, rtl bool) textLine {
	var runs []textRun
	if rtl || hasRTL(s) {
		runs = c.bidiRuns(s, rtl)
	} else {
		runs = c.segments(make([]textRun, 0, 1), s)
	}
	w, left := lineWidth(runs)
	asc, desc := lineHeight(runs)
	return textLine{runs: runs, width: w, left: left, ascent: asc, descent: desc}
}

// measure is the width in em of line(s, rtl), without allocating for text
// without right-to-left characters.
func (c *chain) measure(s string, rtl bool) float64 {
	if rtl || hasRTL(s) {
		return c.line(s, rtl).width
	}
	var buf [4]textRun
	w, _ := lineWidth(c.segments(buf[:0], s))
	return w
}

// lineWidth returns the width of runs in em, from the leftmost ink or pen
// position to the rightmost, and how far the first glyph's ink reaches left
// of the pen (where drawing must start for the ink to begin at 0).
func lineWidth(runs []textRun) (width, left float64) {
	if len(runs) == 0 {
		return 0, 0
	}
	for _, r := range runs {
		width += r.width
	}
	first, _ := utf8.DecodeRuneInString(runs[0].text)
	lastRun := runs[len(runs)-1]
	last, _ := utf8.DecodeLastRuneInString(lastRun.text)
	left = float64(runs[0].face.ink[first].left)
	if runs[0].glyphs != nil {
		left = float64(runs[0].ink.left)
	}
	right := float64(lastRun.face.ink[last].right)
	if lastRun.glyphs != nil {
		right = float64(lastRun.ink.right)
	}
	return width + left + right, left
}

// lineHeight returns the room runs need above and below the baseline, in
// em: Noto Sans's ascent and descent, or more where a glyph's ink reaches
// further. Taking each font's own ascent and descent instead would give
// Arabic names lines of 2.1 em against Latin's 1.36, and so print them a
// third smaller in the same box.
func lineHeight(runs []textRun) (ascent, descent float64) {
	ascent, descent = fontSet.refAscent, fontSet.refDescent
	for _, r := range runs {
		if r.glyphs != nil {
			ascent, descent = max(ascent, float64(r.ink.top)), max(descent, float64(r.ink.bottom))
			continue
		}
		for _, ch := range r.text {
			if r.face.isTall(ch) {
				b := r.face.ink[ch]
				ascent, descent = max(ascent, float64(b.top)), max(descent, float64(b.bottom))
			}
		}
	}
	return ascent, descent
}

// segments appends to dst the runs of one face each of s, in logical
// order. A space, punctuation, a mark or a joiner stays with the face of the
// text before it when that face has it, so "Dr. Ali" or "محمد، علي" are one
// run each rather than switching fonts at every space and comma. Runs in
// an outline face are shaped (see shapeRun).
func (c *chain) segments(dst []textRun, s string) []textRun {
	n := len(dst)
	dst = c.faceRuns(dst, s)
	for i := n; i < len(dst); i++ {
		if dst[i].face.outline {
			dst[i] = shapeRun(dst[i], false)
		}
	}
	return dst
}

// faceRuns appends to dst the runs of one face each of s (see segments),
// unshaped.
func (c *chain) faceRuns(dst []textRun, s string) []textRun {
	cur, start, w := -1, 0, 0.0
	for i, r := range s {
		fi := c.faceFor(r)
		if fi != cur && cur >= 0 && (fi < 0 || (sticky(r) && c.faces[cur].covers(r))) {
			fi = cur
		}
		if fi < 0 {
			fi = 0 // not drawable (cleanText prevents it): the main face's empty box
		}
		if fi != cur {
			if cur >= 0 {
				dst = append(dst, textRun{face: c.faces[cur], text: s[start:i], width: w})
			}
			cur, start, w = fi, i, 0
		}
		w += c.faces[fi].advance(r)
	}
	if cur >= 0 {
		dst = append(dst, textRun{face: c.faces[cur], text: s[start:], width: w})
	}
	return dst
}

// sticky reports whether r may stay in the current face rather than switch
// to the first face that has it.
func sticky(r rune) bool {
	return r == ' ' || r == zwj || r == zwnj || unicode.IsPunct(r) || unicode.In(r, unicode.Mn, unicode.Me)
}

// hasRTL reports whether s holds a right-to-left letter (Hebrew, Arabic,
// Syriac, Thaana, N'Ko and their presentation forms). ASCII is skipped byte
// by byte.
func hasRTL(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x0590 && r <= 0x08FF || r >= 0xFB1D && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF {
			return true
		}
		i += n
	}
	return false
}

// paraRTL reports whether a paragraph of s runs right to left: its first
// strong character decides (UAX #9, rules P2 and P3).
func paraRTL(s string) bool {
	for _, r := range s {
		switch p, _ := bidi.LookupRune(r); p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

// A bidiPiece is a stretch of text of one embedding level, in logical
// order. Odd levels run right to left.
type bidiPiece struct {
	text  string
	level int8
}

// bidiRuns lays out text holding right-to-left characters: bidi pieces in
// visual order, each cut into face runs, the right-to-left ones shaped.
func (c *chain) bidiRuns(s string, rtl bool) []textRun {
	pieces := bidiPieces(s, rtl)
	levels := make([]int8, len(pieces))
	for i, p := range pieces {
		levels[i] = p.level
	}
	var out []textRun
	for _, k := range visualOrder(levels) {
		p := pieces[k]
		n := len(out)
		out = c.faceRuns(out, p.text)
		rtl := p.level%2 == 1
		if rtl {
			slices.Reverse(out[n:])
		}
		for i := n; i < len(out); i++ {
			switch {
			case out[i].face.outline:
				out[i] = shapeRun(out[i], rtl)
			case rtl:
				out[i] = shapeRTL(out[i])
			}
		}
	}
	return out
}

// bidiPieces splits s into pieces of one bidi level, in logical order,
// with golang.org/x/text/unicode/bidi. That package gives runs of one
// direction, not levels; without explicit embeddings (cleanText removes
// them) levels go no higher than 2, and they are rebuilt here: in a
// right-to-left paragraph every left-to-right run is at level 2; in a
// left-to-right one, only numbers that follow right-to-left text are (an
// address "شارع 12" inside a Latin line), and x/text merges them with the
// Latin text after them, so they are split off.
func bidiPieces(s string, rtl bool) (pieces []bidiPiece) {
	base := int8(0)
	if rtl {
		base = 1
	}
	defer func() {
		// x/text's bidi has panicked on unusual input in the past: a
		// line then shows in logical order rather than losing the batch.
		if recover() != nil {
			pieces = []bidiPiece{{s, base}}
		}
	}()
	var p bidi.Paragraph
	in, lrm := s, false
	var opts []bidi.Option
	if rtl {
		opts = append(opts, bidi.DefaultDirection(bidi.RightToLeft)) // forces level 1
	} else if paraRTL(s) {
		// x/text cannot force a left-to-right paragraph: a left-to-right
		// mark before the text does.
		in, lrm = "\u200E"+s, true
	}
	if _, err := p.SetString(in, opts...); err != nil {
		return []bidiPiece{{s, base}}
	}
	o, err := p.Order()
	if err != nil {
		return []bidiPiece{{s, base}}
	}
	for i := 0; i < o.NumRuns(); i++ {
		r := o.Run(i)
		text := r.String()
		if lrm && i == 0 {
			text = strings.TrimPrefix(text, "\u200E")
		}
		if text == "" {
			continue
		}
		switch {
		case r.Direction() == bidi.RightToLeft:
			pieces = append(pieces, bidiPiece{text, 1})
		case rtl:
			pieces = append(pieces, bidiPiece{text, 2})
		default:
			if n := len(pieces); n > 0 && pieces[n-1].level == 1 {
				if k := numberPrefix(text); k > 0 {
					pieces = append(pieces, bidiPiece{text[:k], 2})
					text = text[k:]
				}
			}
			if text != "" {
				pieces = append(pieces, bidiPiece{text, 0})
			}
		}
	}
	return pieces
}

// numberPrefix returns the length of the number that s starts with: digits
// and the separators between them (bidi classes EN, AN, ES, ET, CS), ending
// at its last digit; 0 if s does not start with a number.
func numberPrefix(s string) int {
	end := 0
	for i, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.EN, bidi.AN:
			end = i + utf8.RuneLen(r)
		case bidi.ES, bidi.ET, bidi.CS, bidi.NSM, bidi.BN:
		default:
			return end
		}
	}
	return end
}

// visualOrder returns the indices of pieces of the given levels in the
// order they are displayed, left to right (UAX #9, rule L2): from the
// highest level down to 1, every maximal sequence at that level or higher
// is reversed.
func visualOrder(levels []int8) []int {
	idx := make([]int, len(levels))
	for i := range idx {
		idx[i] = i
	}
	top := int8(0)
	for _, l := range levels {
		top = max(top, l)
	}
	for l := top; l >= 1; l-- {
		for i := 0; i < len(idx); {
			if levels[idx[i]] < l {
				i++
				continue
			}
			j := i
			for j < len(idx) && levels[idx[j]] >= l {
				j++
			}
			slices.Reverse(idx[i:j])
			i = j
		}
	}
	return idx
}

// shaper shapes right-to-left runs. A HarfbuzzShaper keeps buffers and a
// font cache, and go-text faces cache glyph extents: neither may be used by
// two goroutines at once. Right-to-left text is rare enough for one lock.
var shaper struct {
	sync.Mutex
	hb shaping.HarfbuzzShaper
}

// shapeRTL shapes a right-to-left run of a face drawn as text (Hebrew;
// Arabic is an outline face) from logical order and returns it in visual
// order, as the code points the face maps to the shaped glyphs (Arabic
// letters would become their contextual presentation forms). A glyph no
// code point maps to (an unencoded ligature or alternate) is replaced by the
// logical characters of its cluster: legible, if not in the joined form.
// Joiners have done their work in shaping and are not drawn. Mark
// positioning is lost, as gofpdf draws marks at their advance.
func shapeRTL(r textRun) textRun {
	f, rs := r.face, []rune(r.text)
	shaper.Lock()
	out := shaper.hb.Shape(shaping.Input{
		Text: rs, RunEnd: len(rs), Direction: di.DirectionRTL,
		Face: f.ft, Size: fixed.I(int(f.upem)), Script: f.script,
	})
	shaper.Unlock()

	v := make([]rune, 0, len(out.Glyphs))
	lastFallback := -1
	for _, g := range out.Glyphs {
		cp, ok := f.rev[g.GlyphID]
		if ok && cp == ' ' && g.XAdvance == 0 {
			// A joiner: HarfBuzz shows it as a space glyph of no
			// advance; drawn, it would take a space's width.
			continue
		}
		if ok {
			v = append(v, cp)
			continue
		}
		if g.ClusterIndex != lastFallback {
			for k := g.ClusterIndex + g.RuneCount - 1; k >= g.ClusterIndex && k < len(rs); k-- {
				v = append(v, rs[k])
			}
			lastFallback = g.ClusterIndex
		}
	}
	w := 0.0
	for _, x := range v {
		w += f.advance(x)
	}
	return textRun{face: f, text: string(v), width: w}
}
