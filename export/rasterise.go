package export

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/vector"
)

// drawImage draws the fitted lines into b for the on-screen preview, at the
// places drawPDF prints them: the same faces, sizes, advances and
// baselines, the glyph outlines filled with colour c. dst is addressed in
// pixels from the page's top-left corner, pxPerMM pixels per millimetre.
// Ink is clipped to b (and to dst): the preview shows no more than the
// paper.
func (f fitted) drawImage(dst draw.Image, b Box, align byte, pxPerMM float64, c color.Color) {
	if len(f.Lines) == 0 || !(pxPerMM > 0) {
		return
	}
	clip := image.Rect(int(math.Floor(b.X*pxPerMM)), int(math.Floor(b.Y*pxPerMM)),
		int(math.Ceil(b.Right()*pxPerMM)), int(math.Ceil(b.Bottom()*pxPerMM))).Intersect(dst.Bounds())
	if clip.Empty() {
		return
	}
	// The rasteriser's (0, 0) is clip.Min: glyph points are moved there.
	ras := vector.NewRasterizer(clip.Dx(), clip.Dy())
	ox, oy := float64(clip.Min.X), float64(clip.Min.Y)
	sz := f.Size * ptMM
	for i, lb := range f.lineBoxes(b, align) {
		x, y := lb.X+f.Lines[i].left*sz, lb.Y+f.ascent*sz // mm, baseline
		for _, r := range f.Lines[i].runs {
			scale := sz / r.face.upem * pxPerMM // font units to pixels
			// A shaped run: its glyphs at their offsets (y up).
			if r.glyphs != nil {
				pen := x*pxPerMM - ox
				for _, g := range r.glyphs {
					addGlyph(ras, r.face.ft, g.id, pen+float64(g.x)*scale, y*pxPerMM-oy-float64(g.y)*scale, scale)
					pen += float64(g.adv) * scale
				}
				x += r.width * sz
				continue
			}
			for _, ch := range r.text {
				gid, ok := r.face.ft.NominalGlyph(ch)
				if ok {
					addGlyph(ras, r.face.ft, gid, x*pxPerMM-ox, y*pxPerMM-oy, scale)
				}
				x += r.face.advance(ch) * sz
			}
		}
	}
	ras.Draw(dst, clip, image.NewUniform(c), image.Point{})
}

// addGlyph adds the outline of glyph gid, its origin at (x, y) pixels in
// the rasteriser, scale pixels per font unit. Fonts go y up, images y down.
func addGlyph(ras *vector.Rasterizer, ft *font.Face, gid font.GID, x, y, scale float64) {
	outline, ok := ft.GlyphData(gid).(font.GlyphOutline)
	if !ok {
		return
	}
	pt := func(p font.SegmentPoint) (float32, float32) {
		return float32(x + float64(p.X)*scale), float32(y - float64(p.Y)*scale)
	}
	open := false
	for _, s := range outline.Segments {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			if open {
				ras.ClosePath()
			}
			ras.MoveTo(pt(s.Args[0]))
			open = true
		case ot.SegmentOpLineTo:
			ras.LineTo(pt(s.Args[0]))
		case ot.SegmentOpQuadTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			ras.QuadTo(bx, by, cx, cy)
		case ot.SegmentOpCubeTo:
			bx, by := pt(s.Args[0])
			cx, cy := pt(s.Args[1])
			dx, dy := pt(s.Args[2])
			ras.CubeTo(bx, by, cx, cy, dx, dy)
		}
	}
	if open {
		ras.ClosePath()
	}
}
