package export

import (
	"bytes"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
)

// Images (the congress's logo, the signature of its certificates) are
// readied twice: when they are chosen (PrepareImage), so that what the
// congress keeps is what every document can draw, and again when a
// document is printed (loadLogo), for images kept before this check.
// gofpdf reads 8-bit PNGs only, not interlaced ones, and keeps a single
// transparent colour of a palette: anything else is drawn again as 8-bit
// RGBA or grey.

// maxImagePixels bounds an image chosen, in pixels: decoded, a larger one
// takes more memory than a laptop at a congress has to spare.
const maxImagePixels = 40_000_000

// ErrImageUnreadable refuses a file that is not a PNG or JPEG image.
var ErrImageUnreadable = &Error{Code: "image_unreadable",
	EN: "This file cannot be read as an image: choose a PNG or JPEG image.",
	FR: "Ce fichier ne se lit pas comme une image : choisissez une image PNG ou JPEG."}

// ErrImageTooLarge refuses an image of too many pixels.
var ErrImageTooLarge = &Error{Code: "image_too_large",
	EN: "This image is too large (%d × %d pixels): choose one of at most 40 million pixels; 600 pixels a side are enough.",
	FR: "Cette image est trop grande (%d × %d pixels) : choisissez-en une d'au plus 40 millions de pixels ; 600 pixels de côté suffisent."}

// PrepareImage readies an image chosen as the congress's logo or signature:
// a PNG or JPEG that every document can draw is returned as it is; a
// 16-bit, interlaced or palette-with-transparency PNG is written again as
// an 8-bit PNG, and a CMYK JPEG as an RGB JPEG, looking the same. No bytes
// give no image. A file that is not a PNG or JPEG image, or one too large
// to decode, is refused with a sentence (ErrImageUnreadable,
// ErrImageTooLarge).
func PrepareImage(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "png" && format != "jpeg") || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, ErrImageUnreadable.with()
	}
	if cfg.Width*cfg.Height > maxImagePixels {
		return nil, ErrImageTooLarge.with(cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, ErrImageUnreadable.with()
	}
	var buf bytes.Buffer
	switch format {
	case "jpeg":
		if _, cmyk := img.(*image.CMYK); !cmyk {
			return b, nil // gofpdf is not given the JPEG itself: see loadLogo
		}
		err = jpeg.Encode(&buf, eightBit(img), &jpeg.Options{Quality: 95})
	default:
		if pngDrawable(b, img) {
			return b, nil
		}
		err = png.Encode(&buf, eightBit(img))
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// pngDrawable reports whether a PNG's bytes are 8-bit or less, not
// interlaced, and without partial transparency in a palette.
func pngDrawable(b []byte, img image.Image) bool {
	// The IHDR chunk comes first: the signature (8), length and type (8),
	// width and height (8), then bit depth, colour type, compression,
	// filter and interlace.
	if len(b) < 29 || b[24] > 8 || b[28] != 0 {
		return false
	}
	if p, ok := img.(*image.Paletted); ok {
		return !partlyTransparent(p)
	}
	return true
}

// partlyTransparent reports whether a palette has a colour that is
// neither opaque nor fully transparent, or more than one transparent one.
func partlyTransparent(p *image.Paletted) bool {
	clear := 0
	for _, c := range p.Palette {
		_, _, _, a := c.RGBA()
		switch {
		case a == 0:
			clear++
		case a != 0xffff:
			return true
		}
	}
	return clear > 1
}

// eightBit returns img as an image that png.Encode writes with 8 bits per
// channel and gofpdf reads: grey, RGB or RGBA, or a palette with at most
// one transparent colour. png.Encode writes any other colour model, a
// JPEG's YCbCr or CMYK among them, with 16 bits.
func eightBit(img image.Image) image.Image {
	switch m := img.(type) {
	case *image.Gray, *image.NRGBA, *image.RGBA:
		return m
	case *image.Paletted:
		if !partlyTransparent(m) {
			return m
		}
	case *image.Gray16:
		g := image.NewGray(m.Bounds())
		draw.Draw(g, g.Bounds(), m, m.Bounds().Min, draw.Src)
		return g
	}
	n := image.NewNRGBA(img.Bounds())
	draw.Draw(n, n.Bounds(), img, img.Bounds().Min, draw.Src)
	return n
}
