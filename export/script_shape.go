package export

import (
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// A shapedGlyph is a glyph of a shaped run: its id in the run's face and,
// in font units, its offset from the pen (y up) and its advance.
type shapedGlyph struct {
	id        font.GID
	x, y, adv float32
}

// shapeRun shapes a run of an outline face with HarfBuzz, right to left
// when rtl: Arabic gets its joining forms, ligatures and marks in place,
// Devanagari, Bengali and Tamil their conjuncts and reordered vowel signs,
// Thai its stacked marks, each glyph where the font's GSUB and GPOS put it.
// Glyphs come in visual order. The run keeps its text as typed, in visual
// order too (reversed when rtl), as PDF text is: a PDF reader reverses it
// back, and finds "محمد" where "محمد" was typed. Its width and ink become
// the shaped glyphs'.
func shapeRun(r textRun, rtl bool) textRun {
	f, rs := r.face, []rune(r.text)
	if len(rs) == 0 {
		return r
	}
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
		r.text = reverseString(rs)
	}
	shaper.Lock()
	out := shaper.hb.Shape(shaping.Input{
		Text: rs, RunEnd: len(rs), Direction: dir,
		Face: f.ft, Size: fixed.I(int(f.upem)), Script: f.script,
	})
	shaper.Unlock()

	// With Size = units per em, HarfBuzz's 26.6 numbers are font units.
	units := func(v fixed.Int26_6) float64 { return float64(v) / 64 }
	glyphs := make([]shapedGlyph, 0, len(out.Glyphs))
	pen := 0.0
	minX, maxX, maxY, minY := 0.0, 0.0, 0.0, 0.0
	inked := false
	for _, g := range out.Glyphs {
		x, y := units(g.XOffset), units(g.YOffset)
		glyphs = append(glyphs, shapedGlyph{id: g.GlyphID, x: float32(x), y: float32(y), adv: float32(units(g.XAdvance))})
		if g.Width != 0 && g.Height != 0 {
			x0 := pen + x + units(g.XBearing)
			y0 := y + units(g.YBearing)
			x1, y1 := x0+units(g.Width), y0+units(g.Height)
			if !inked {
				minX, maxX, maxY, minY, inked = x0, x1, y0, y1, true
			}
			minX, maxX = min(minX, x0, x1), max(maxX, x0, x1)
			minY, maxY = min(minY, y0, y1), max(maxY, y0, y1)
		}
		pen += units(g.XAdvance)
	}
	em := func(v float64) float32 { return float32(v / f.upem) }
	r.glyphs = glyphs
	r.width = pen / f.upem
	r.ink = inkBox{left: em(max(0, -minX)), right: em(max(0, maxX-pen)), top: em(maxY), bottom: em(-minY)}
	return r
}

// reverseString returns rs reversed, as a string.
func reverseString(rs []rune) string {
	v := make([]rune, len(rs))
	for i, r := range rs {
		v[len(rs)-1-i] = r
	}
	return string(v)
}

// notdef reports whether shaping s in its faces gives a glyph 0 (.notdef,
// an empty box) anywhere: a rune the face maps but cannot draw in this
// context. For tests.
func (c *chain) notdef(s string) bool {
	for _, r := range c.line(s, hasRTL(s) && paraRTL(s)).runs {
		for _, g := range r.glyphs {
			if g.id == 0 {
				return true
			}
		}
	}
	return false
}
