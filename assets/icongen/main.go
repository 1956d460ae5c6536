// Command icongen draws the icon of Congrès: a white "C" whose opening
// holds a yellow dot (a person arriving, the point where people meet), on a
// blue rounded square. The shapes are few and thick so that the mark still
// reads at 16 pixels, where the system scales the 256-pixel PNG down.
//
// Run by `go generate ./assets/` (see assets/icon.go):
//
//	go run ./icongen -o icon.png [-size 256]
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

// The design, in a unit square whose y axis points down.
const (
	margin     = 0.02 // around the rounded square
	corner     = 0.21 // its corners' radius
	cx, cy     = 0.46, 0.5
	outer      = 0.315 // the C's outer radius
	stroke     = 0.15  // the C's thickness
	opening    = 44.0  // degrees each side of the C's opening, at its middle radius
	dotX, dotY = 0.755, 0.5
	dotR       = 0.082
	samples    = 16 // per pixel and axis: the edges' anti-aliasing
)

var (
	blue   = color.NRGBA{0x1d, 0x5f, 0xb0, 0xff}
	white  = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	yellow = color.NRGBA{0xff, 0xc2, 0x1a, 0xff}
)

func main() {
	out := flag.String("o", "icon.png", "the PNG to write")
	size := flag.Int("size", 256, "its width and height in pixels")
	flag.Parse()
	if err := write(*out, draw(*size)); err != nil {
		fmt.Fprintln(os.Stderr, "icongen:", err)
		os.Exit(1)
	}
}

func write(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// draw renders the icon at size×size pixels: each pixel averages
// samples×samples points, each the colour of the topmost shape holding it.
func draw(size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < samples; sy++ {
				for sx := 0; sx < samples; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/samples) / float64(size)
					y := (float64(py) + (float64(sy)+0.5)/samples) / float64(size)
					c, ok := colourAt(x, y)
					if !ok {
						continue
					}
					// Premultiplied sums, so that edges against transparency stay clean.
					r += float64(c.R)
					g += float64(c.G)
					b += float64(c.B)
					a++
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{
				R: uint8(math.Round(r / a)), G: uint8(math.Round(g / a)), B: uint8(math.Round(b / a)),
				A: uint8(math.Round(255 * a / (samples * samples))),
			})
		}
	}
	return img
}

// colourAt is the colour of the icon at (x, y), false outside it.
func colourAt(x, y float64) (color.NRGBA, bool) {
	switch {
	case !inRoundedSquare(x, y):
		return color.NRGBA{}, false
	case inC(x, y):
		return white, true
	case math.Hypot(x-dotX, y-dotY) <= dotR:
		return yellow, true
	}
	return blue, true
}

func inRoundedSquare(x, y float64) bool {
	lo, hi := margin+corner, 1-margin-corner
	dx := math.Max(0, math.Max(lo-x, x-hi))
	dy := math.Max(0, math.Max(lo-y, y-hi))
	return x >= margin && x <= 1-margin && y >= margin && y <= 1-margin && math.Hypot(dx, dy) <= corner
}

// inC says whether (x, y) is on the ring of the C, which is open on the
// right between ±opening degrees and ends in round caps.
func inC(x, y float64) bool {
	mid := outer - stroke/2
	d := math.Hypot(x-cx, y-cy)
	angle := math.Abs(math.Atan2(cy-y, x-cx)) * 180 / math.Pi
	if angle >= opening && math.Abs(d-mid) <= stroke/2 {
		return true
	}
	for _, sign := range []float64{1, -1} { // the caps, above and below the opening
		a := opening * math.Pi / 180
		ex, ey := cx+mid*math.Cos(a), cy-sign*mid*math.Sin(a)
		if math.Hypot(x-ex, y-ey) <= stroke/2 {
			return true
		}
	}
	return false
}
