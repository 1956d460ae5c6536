package export

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/jung-kurt/gofpdf"
)

// drawGlyphsPDF draws a shaped run (see shapeRun) with its pen at (x, y),
// in pdf's user units, at size points, in the current text colour: its
// glyphs' outlines as one filled path, and its text as typed, invisibly,
// beneath (see textLayerPDF). use selects a face as drawPDF does.
func drawGlyphsPDF(pdf *gofpdf.Fpdf, r textRun, x, y, size float64, use func(*face)) {
	k := pdf.GetConversionRatio()
	_, h := pdf.GetPageSize()
	s := size / r.face.upem // points per font unit
	cr, cg, cb := pdf.GetTextColor()
	var b strings.Builder
	b.WriteString("q ")
	b.WriteString(rgbOp(cr, cg, cb))
	scale := strconv.FormatFloat(s, 'g', 8, 64) // a few thousandths: num's 3 decimals would be a few % off
	b.WriteString(" " + scale + " 0 0 " + scale + " " + num(x*k) + " " + num((h-y)*k) + " cm\n")
	pen := 0.0
	for _, g := range r.glyphs {
		glyphPath(&b, r.face.ft, g.id, pen+float64(g.x), float64(g.y))
		pen += float64(g.adv)
	}
	b.WriteString("f Q")
	pdf.RawWriteStr(b.String())
	textLayerPDF(pdf, r, x, y, size, use)
}

// textLayerPDF writes a shaped run's text as typed at (x, y), invisible
// (text rendering mode 3) and stretched to the run's width, so that the
// PDF's text is searched, copied and read aloud as typed. A face gofpdf
// cannot load (runes beyond the BMP) writes spaces of Noto Sans instead,
// marked as standing for the text (ActualText).
func textLayerPDF(pdf *gofpdf.Fpdf, r textRun, x, y, size float64, use func(*face)) {
	f, text := r.face, r.text
	if !f.pdf {
		f = fontSet.all[0]
		text = strings.Repeat(" ", max(1, len([]rune(r.text))))
		beginActualText(pdf, r.text)
		defer endActualText(pdf)
	}
	natural := 0.0
	for _, ch := range text {
		natural += f.advance(ch)
	}
	use(f)
	op := "q 3 Tr"
	if natural > 0 && math.Abs(r.width/natural-1) > 0.001 {
		op += " " + num(100*r.width/natural) + " Tz"
	}
	pdf.RawWriteStr(op)
	pdf.Text(x, y, text)
	pdf.RawWriteStr("Q")
}

// beginActualText starts a marked-content span whose text is s, whatever
// is drawn inside it; endActualText ends it. Text extractors (poppler's
// pdftotext, Acrobat) then read s: Arabic written as presentation forms
// reads as the letters typed.
func beginActualText(pdf *gofpdf.Fpdf, s string) {
	var b strings.Builder
	b.WriteString("/Span <</ActualText <FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteString(strings.ToUpper(strconv.FormatUint(uint64(u)|0x10000, 16)[1:]))
	}
	b.WriteString(">>> BDC")
	pdf.RawWriteStr(b.String())
}

func endActualText(pdf *gofpdf.Fpdf) { pdf.RawWriteStr("EMC") }

// glyphPath appends to b the outline of glyph gid of ft, its origin at
// (ox, oy) font units, as PDF path operators (quadratic curves raised to
// cubic ones).
func glyphPath(b *strings.Builder, ft *font.Face, gid font.GID, ox, oy float64) {
	outline, ok := ft.GlyphData(gid).(font.GlyphOutline)
	if !ok {
		return
	}
	var cx, cy float64 // the current point
	pt := func(p font.SegmentPoint) (float64, float64) { return ox + float64(p.X), oy + float64(p.Y) }
	for _, sg := range outline.Segments {
		switch sg.Op {
		case ot.SegmentOpMoveTo:
			cx, cy = pt(sg.Args[0])
			b.WriteString(num(cx) + " " + num(cy) + " m\n")
		case ot.SegmentOpLineTo:
			cx, cy = pt(sg.Args[0])
			b.WriteString(num(cx) + " " + num(cy) + " l\n")
		case ot.SegmentOpQuadTo:
			qx, qy := pt(sg.Args[0])
			x, y := pt(sg.Args[1])
			b.WriteString(num(cx+2*(qx-cx)/3) + " " + num(cy+2*(qy-cy)/3) + " " +
				num(x+2*(qx-x)/3) + " " + num(y+2*(qy-y)/3) + " " + num(x) + " " + num(y) + " c\n")
			cx, cy = x, y
		case ot.SegmentOpCubeTo:
			x1, y1 := pt(sg.Args[0])
			x2, y2 := pt(sg.Args[1])
			cx, cy = pt(sg.Args[2])
			b.WriteString(num(x1) + " " + num(y1) + " " + num(x2) + " " + num(y2) + " " + num(cx) + " " + num(cy) + " c\n")
		}
	}
}

// rgbOp is the PDF operator that sets the fill colour to r, g, b (0–255).
func rgbOp(r, g, b int) string {
	return num(float64(r)/255) + " " + num(float64(g)/255) + " " + num(float64(b)/255) + " rg"
}

// num writes v with at most 3 decimals, without trailing zeros.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}
