package export

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	xdraw "golang.org/x/image/draw"
)

// PreviewBadges draws the first page of the badges as the PDF prints it, at
// pxPerMM pixels per millimetre, for the screen: the same layout, the same
// fitted text, the same QR codes, without going through a PDF reader (none is
// sure to be installed). Outlines of where each badge is cut are drawn in
// light grey.
func PreviewBadges(in BadgeInput, opts BadgeOptions, pxPerMM float64) (*image.RGBA, error) {
	l := opts.layout()
	if err := opts.check(l); err != nil {
		return nil, err
	}
	if len(in.Badges) == 0 {
		return nil, ErrNoBadges.with()
	}
	w, h := int(math.Ceil(l.PageW*pxPerMM)), int(math.Ceil(l.PageH*pxPerMM))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	p := &rasterPainter{img: img, k: pxPerMM}
	d := newDesign(in.Congress, loadLogo(in.Congress.Logo), opts.Settings, opts.Lang)
	skip := opts.skip()
	for k := range skip { // labels already used: greyed
		p.fill(l.Slot(k), usedLabel)
		p.outline(l.Slot(k))
	}
	for k := skip; k < min(l.PerPage(), len(in.Badges)+skip); k++ {
		r := &in.Badges[k-skip]
		p.outline(l.Slot(k))
		p.side(d.front(l.FrontBox(k), r), d.logo)
		if l.Mode == FoldOver {
			p.side(d.back(l.BackBox(k), r), d.logo)
			p.line(l.FoldLine(k), lightGrey)
		}
	}
	for _, m := range l.CutMarkLines() {
		p.line(m, black)
	}
	return img, nil
}

// usedLabel is the preview's grey for labels already used, left empty.
var usedLabel = rgb{230, 230, 230}

// rasterPainter draws laid-out badge sides into an image.
type rasterPainter struct {
	img *image.RGBA
	k   float64 // pixels per mm
}

func (p *rasterPainter) rect(b Box) image.Rectangle {
	return image.Rect(int(math.Round(b.X*p.k)), int(math.Round(b.Y*p.k)),
		int(math.Round(b.Right()*p.k)), int(math.Round(b.Bottom()*p.k)))
}

func (p *rasterPainter) fill(b Box, c rgb) {
	draw.Draw(p.img, p.rect(b), image.NewUniform(color.RGBA{c.R, c.G, c.B, 255}), image.Point{}, draw.Src)
}

func (p *rasterPainter) side(s badgeSide, lg *logo) {
	for _, f := range s.fills {
		p.fill(f.box, f.colour)
	}
	if s.logo.W > 0 && lg != nil {
		xdraw.CatmullRom.Scale(p.img, p.rect(s.logo), lg.img, lg.img.Bounds(), xdraw.Over, nil)
	}
	for _, t := range s.texts {
		t.fit.drawImage(p.img, t.box, t.align, p.k, color.RGBA{t.colour.R, t.colour.G, t.colour.B, 255})
	}
	if s.qr != nil {
		p.fill(s.qrBox, white)
		mod := s.qrBox.W / float64(s.qr.side())
		s.qr.rects(func(x, y, w, h int) {
			p.fill(Box{s.qrBox.X + float64(x)*mod, s.qrBox.Y + float64(y)*mod, float64(w) * mod, float64(h) * mod}, black)
		})
	}
}

// outline draws a badge's edge, one pixel wide, in light grey.
func (p *rasterPainter) outline(b Box) {
	r := p.rect(b)
	c := image.NewUniform(color.RGBA{lightGrey.R, lightGrey.G, lightGrey.B, 255})
	for _, e := range []image.Rectangle{
		{r.Min, image.Pt(r.Max.X, r.Min.Y+1)}, {image.Pt(r.Min.X, r.Max.Y-1), r.Max},
		{r.Min, image.Pt(r.Min.X+1, r.Max.Y)}, {image.Pt(r.Max.X-1, r.Min.Y), r.Max},
	} {
		draw.Draw(p.img, e, c, image.Point{}, draw.Src)
	}
}

// line draws a horizontal or vertical line one pixel wide.
func (p *rasterPainter) line(l Line, c rgb) {
	b := Box{min(l.X1, l.X2), min(l.Y1, l.Y2), math.Abs(l.X2 - l.X1), math.Abs(l.Y2 - l.Y1)}
	r := p.rect(b)
	r.Max.X, r.Max.Y = max(r.Max.X, r.Min.X+1), max(r.Max.Y, r.Min.Y+1)
	draw.Draw(p.img, r, image.NewUniform(color.RGBA{c.R, c.G, c.B, 255}), image.Point{}, draw.Src)
}
