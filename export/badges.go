package export

import (
	"bytes"
	"context"
	"image"
	_ "image/jpeg" // congress logos
	"image/png"
	"io"
	"strconv"
	"time"

	"congres/data"

	"github.com/jung-kurt/gofpdf"
	xdraw "golang.org/x/image/draw"
)

// BadgeInput is what badges are printed from: the congress and the people,
// in the order they are printed.
type BadgeInput struct {
	Congress data.Congress
	Badges   []data.BadgeRow
}

// BadgeOptions say how badges are printed.
type BadgeOptions struct {
	Layout Layout // a preset, or a layout of one's own
	// Settings are the layout's settings from the congress file: the fields
	// shown, and the cut marks, duplex and printer offset applied to Layout.
	Settings data.BadgeSettings
	Lang     string // "fr" or "en": dates and the back's headings
	// Start is the label of the first sheet that gets the first badge,
	// counted from 1 in reading order: the labels before it are already
	// used. 0 means 1.
	Start   int
	Created time.Time // the PDF's creation date; zero means now
	// Progress, when set, is told how many badges are done, after each page.
	Progress func(done, total int)
}

// layout is the layout with the settings applied.
func (o BadgeOptions) layout() Layout {
	l := o.Layout
	l.CutMarks = o.Settings.CutMarks
	l.Duplex = o.Settings.Duplex && l.Mode != FoldOver
	l.Flip = LongEdge
	if o.Settings.ShortEdge {
		l.Flip = ShortEdge
	}
	l.OffsetX, l.OffsetY = o.Settings.OffsetX, o.Settings.OffsetY
	l = l.placed(o.Settings.MarginTop, o.Settings.MarginLeft, o.Settings.GapX, o.Settings.GapY)
	l.Duplex = l.Duplex && !l.Roll // said by Warnings
	return l
}

// ErrNoBadges refuses to print an empty selection.
var ErrNoBadges = &Error{Code: "badges_none",
	EN: "There is nobody to print a badge for: the selection is empty.",
	FR: "Il n'y a personne à qui imprimer un badge : la sélection est vide."}

// WriteBadges writes the badges of in.Badges as a PDF, page after page in the
// layout's grid; with duplex each page is followed by its back, where every
// badge's programme lands behind its front. Text stays text (searchable,
// copyable) in embedded, subset fonts; QR codes are vector paths.
//
// Page contents are compressed: 10,000 badges on A4 take 470 bytes each
// instead of 2,180 (each badge repeats the congress's name and dates, and a
// QR code is some 80 rectangles), for about 15 % more time.
func WriteBadges(ctx context.Context, w io.Writer, in BadgeInput, opts BadgeOptions) error {
	l := opts.layout()
	if err := opts.check(l); err != nil {
		return err
	}
	if len(in.Badges) == 0 {
		return ErrNoBadges.with()
	}
	lg := loadLogo(in.Congress.Logo)
	d := newDesign(in.Congress, lg, opts.Settings, opts.Lang)
	if opts.Settings.QR {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		d.encode = prefetchQR(ctx, in.Badges)
	}
	pdf, err := newBadgePDF(l, in.Congress.Name, opts.Created)
	if err != nil {
		return err
	}
	if lg != nil {
		pdf.RegisterImageOptionsReader(logoName, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(lg.png))
	}
	p := &pdfPainter{pdf: pdf}
	// Badge i goes on label i+skip: the first sheet's first labels are
	// already used.
	per, n, skip := l.PerPage(), len(in.Badges), opts.skip()
	marks := l.CutMarkLines()
	for start := 0; start < n+skip; start += per {
		if err := ctx.Err(); err != nil {
			return err
		}
		first, end := max(start, skip), min(start+per, n+skip)
		pdf.AddPage()
		for k := first; k < end; k++ {
			r := &in.Badges[k-skip]
			p.side(d.front(l.FrontBox(k), r))
			if l.Mode == FoldOver {
				p.side(d.back(l.BackBox(k), r))
				p.dashed(l.FoldLine(k))
			}
		}
		p.lines(marks)
		if l.Duplex {
			pdf.AddPage()
			for k := first; k < end; k++ {
				b := l.BackSlot(k)
				side := d.back(b, &in.Badges[k-skip])
				if l.BackRotated() {
					cx, cy := b.Centre()
					pdf.TransformBegin()
					pdf.TransformRotate(180, cx, cy)
					p.side(side)
					pdf.TransformEnd()
				} else {
					p.side(side)
				}
			}
		}
		if err := pdf.Error(); err != nil {
			return err
		}
		if opts.Progress != nil {
			opts.Progress(end-skip, n)
		}
	}
	return pdf.Output(w)
}

// newBadgePDF starts a document of the layout's page size (see newPDF).
func newBadgePDF(l Layout, title string, created time.Time) (*gofpdf.Fpdf, error) {
	return newPDF(l.PageW, l.PageH, "Badges — "+title, created)
}

const logoName = "congres-logo"

// logo is the congress's logo, ready to draw.
type logo struct {
	png   []byte      // re-encoded: gofpdf cannot read interlaced PNGs
	img   image.Image // for the preview
	ratio float64     // width / height
}

// maxLogoPx bounds the logo's longer side: 600 px is over 900 dpi at the
// header's height, and a 4,000 px logo would slow every document down.
const maxLogoPx = 600

// loadLogo decodes a PNG or JPEG logo; an empty or unreadable one gives nil
// and the badges are printed without it (the congress settings check logos
// when they are chosen).
func loadLogo(b []byte) *logo {
	if len(b) == 0 {
		return nil
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	bw, bh := img.Bounds().Dx(), img.Bounds().Dy()
	if bw == 0 || bh == 0 {
		return nil
	}
	if s := float64(maxLogoPx) / float64(max(bw, bh)); s < 1 {
		small := image.NewNRGBA(image.Rect(0, 0, max(1, int(float64(bw)*s)), max(1, int(float64(bh)*s))))
		xdraw.CatmullRom.Scale(small, small.Bounds(), img, img.Bounds(), xdraw.Src, nil)
		img = small
	}
	img = eightBit(img) // gofpdf reads 8-bit PNGs only
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil
	}
	return &logo{png: buf.Bytes(), img: img, ratio: float64(bw) / float64(bh)}
}

// pdfPainter draws laid-out badge sides into a gofpdf document.
type pdfPainter struct {
	pdf *gofpdf.Fpdf
	buf []byte
}

func (p *pdfPainter) side(s badgeSide) {
	for _, f := range s.fills {
		p.pdf.SetFillColor(int(f.colour.R), int(f.colour.G), int(f.colour.B))
		p.pdf.Rect(f.box.X, f.box.Y, f.box.W, f.box.H, "F")
	}
	if s.logo.W > 0 {
		p.pdf.ImageOptions(logoName, s.logo.X, s.logo.Y, s.logo.W, s.logo.H, false, gofpdf.ImageOptions{}, 0, "")
	}
	for i := range s.texts {
		t := &s.texts[i]
		p.pdf.SetTextColor(int(t.colour.R), int(t.colour.G), int(t.colour.B))
		t.fit.drawPDF(p.pdf, t.box, t.align)
	}
	if s.qr != nil {
		p.qr(s.qr, s.qrBox)
	}
}

// qr draws a QR code with its white quiet zone as raw PDF operators: the
// coordinate system is moved to the symbol's top-left corner and scaled to
// one module, so each rectangle is written in small integers ("4 4 7 1 re"),
// and all rectangles are sub-paths of one path filled once, which leaves no
// seams between them when printed or rasterised.
func (p *pdfPainter) qr(m *qrCode, b Box) {
	k := 72 / inch // points per mm
	_, pageH := p.pdf.GetPageSize()
	mod := b.W / float64(m.side()) * k
	buf := p.buf[:0]
	buf = append(buf, "q 1 g "...)
	buf = appendNum(buf, b.X*k)
	buf = appendNum(buf, (pageH-b.Bottom())*k)
	buf = appendNum(buf, b.W*k)
	buf = appendNum(buf, b.H*k)
	buf = append(buf, "re f "...)
	buf = appendNum(buf, mod)
	buf = append(buf, "0 0 "...)
	buf = appendNum(buf, -mod)
	buf = appendNum(buf, b.X*k)
	buf = appendNum(buf, (pageH-b.Y)*k)
	buf = append(buf, "cm 0 g"...)
	m.rects(func(x, y, w, h int) {
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(x), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(y), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(w), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(h), 10)
		buf = append(buf, " re"...)
	})
	buf = append(buf, " f Q"...)
	p.buf = buf
	p.pdf.RawWriteStr(string(buf))
}

// appendNum writes f with two decimals and a space, as PDF operands.
func appendNum(buf []byte, f float64) []byte {
	buf = strconv.AppendFloat(buf, f, 'f', 2, 64)
	return append(buf, ' ')
}

// lines draws thin black lines (cut marks).
func (p *pdfPainter) lines(ls []Line) {
	if len(ls) == 0 {
		return
	}
	p.pdf.SetDrawColor(0, 0, 0)
	p.pdf.SetLineWidth(0.2)
	for _, l := range ls {
		p.pdf.Line(l.X1, l.Y1, l.X2, l.Y2)
	}
}

// dashed draws a light dashed line (a fold).
func (p *pdfPainter) dashed(l Line) {
	p.pdf.SetDrawColor(int(lightGrey.R), int(lightGrey.G), int(lightGrey.B))
	p.pdf.SetLineWidth(0.2)
	p.pdf.SetDashPattern([]float64{1.5, 1.5}, 0)
	p.pdf.Line(l.X1, l.Y1, l.X2, l.Y2)
	p.pdf.SetDashPattern(nil, 0)
}
