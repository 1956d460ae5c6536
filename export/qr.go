package export

import (
	"context"
	"fmt"

	"congres/data"

	qr "github.com/piglig/go-qr"
)

// quietZone is the white margin the QR standard asks around a symbol, in
// modules. Scanners find the code by it; on a coloured badge it must stay
// white.
const quietZone = 4

// qrCode is the matrix of one participant's code, ready to draw.
type qrCode struct {
	n    int    // modules per side, without the quiet zone
	dark []bool // row-major, n×n
}

// encodeQR encodes a participant's code at level Q (a quarter of the symbol
// can be lost to a crease or a thumb). Codes made by Congrès use only capital
// letters and digits, so they are encoded in alphanumeric mode, which keeps
// them in the smallest symbol (21×21 modules, 0.86 mm per module at 25 mm);
// any other code falls back to byte mode. The level is fixed: plain
// EncodeText would silently raise it and change the symbol's size from badge
// to badge.
func encodeQR(code string) (qrCode, error) {
	seg, err := qr.MakeAlphanumeric(code)
	if err != nil {
		seg, err = qr.MakeBytes([]byte(code))
	}
	if err != nil {
		return qrCode{}, err
	}
	sym, err := qr.EncodeSegments([]*qr.QrSegment{seg}, qr.Quartile, qr.MinVersion, qr.MaxVersion, -1, false)
	if err != nil {
		return qrCode{}, fmt.Errorf("QR code for %q: %w", code, err)
	}
	n := sym.Size()
	m := qrCode{n: n, dark: make([]bool, n*n)}
	for y := range n {
		for x := range n {
			m.dark[y*n+x] = sym.Module(x, y)
		}
	}
	return m, nil
}

// side is the number of modules across the whole symbol, quiet zone included.
func (m qrCode) side() int { return m.n + 2*quietZone }

// rects calls fn for rectangles that together cover the dark modules
// exactly, in module units from the symbol's top-left corner (quiet zone
// included): each row's runs of dark modules, merged with identical runs in
// the rows below (a finder pattern is five rectangles instead of fifteen
// runs). Fewer rectangles make a smaller PDF; drawing them as sub-paths of
// ONE filled path matters more: separate rectangles leave hairline seams when
// rasterised at 300 dpi, sometimes through a finder pattern, and a fifth of
// the codes then failed to scan (docs/research/badge-qr.md).
func (m qrCode) rects(fn func(x, y, w, h int)) {
	// width[r*n+c] is the width of the run starting at (c, r), 0 if none.
	width := make([]int, m.n*m.n)
	for r := range m.n {
		row := m.dark[r*m.n : (r+1)*m.n]
		for c := 0; c < m.n; {
			if !row[c] {
				c++
				continue
			}
			c0 := c
			for c < m.n && row[c] {
				c++
			}
			width[r*m.n+c0] = c - c0
		}
	}
	for r := range m.n {
		for c := range m.n {
			w := width[r*m.n+c]
			if w == 0 {
				continue
			}
			h := 1
			for r+h < m.n && width[(r+h)*m.n+c] == w {
				width[(r+h)*m.n+c] = 0
				h++
			}
			fn(quietZone+c, quietZone+r, w, h)
		}
	}
}

// qrResult is a code encoded ahead of the writer.
type qrResult struct {
	code string
	m    qrCode
	err  error
}

// prefetchQR encodes the codes of badges on another goroutine, in order, a
// few hundred ahead of the writer: choosing a symbol's mask is a third of the
// time a badge takes, and on a machine with two cores it then costs nothing.
// The returned encode takes them in the same order; a code it does not find
// next (a badge too small for its code skips one) it encodes itself. Cancel
// ctx to stop the goroutine.
func prefetchQR(ctx context.Context, badges []data.BadgeRow) (encode func(code string) (qrCode, error)) {
	ch := make(chan qrResult, 256)
	go func() {
		defer close(ch)
		for i := range badges {
			m, err := encodeQR(badges[i].Code)
			select {
			case ch <- qrResult{badges[i].Code, m, err}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return func(code string) (qrCode, error) {
		for r := range ch {
			if r.code == code {
				return r.m, r.err
			}
		}
		return encodeQR(code)
	}
}
