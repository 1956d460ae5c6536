package export

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"strings"
	"testing"

	"congres/data"
)

// testImages are logos of every kind a person may choose, 400 × 160 px
// (under maxLogoPx: loadLogo does not scale them), made with Go's image
// packages: a band of colour, a disc, a transparent margin where the kind
// has one.
func testImages(t *testing.T) map[string][]byte {
	t.Helper()
	const w, h = 400, 160
	paint := func(set func(x, y int, r, g, b, a uint8)) {
		for y := range h {
			for x := range w {
				r, g, b, a := uint8(0x1F), uint8(0x3A), uint8(0x93), uint8(255)
				if dx, dy := x-80, y-80; dx*dx+dy*dy < 50*50 {
					r, g, b = 0xFF, 0xCC, 0x00
				}
				if y < 12 || y >= h-12 {
					a = uint8(255 * x / w) // transparent to opaque
				}
				set(x, y, r, g, b, a)
			}
		}
	}
	encode := func(img image.Image) []byte {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	out := map[string][]byte{}

	rgb16 := image.NewRGBA64(image.Rect(0, 0, w, h)) // opaque: written as 16-bit RGB
	paint(func(x, y int, r, g, b, _ uint8) {
		rgb16.SetRGBA64(x, y, color.RGBA64{uint16(r) * 257, uint16(g) * 257, uint16(b) * 257, 0xffff})
	})
	out["16-bit RGB PNG"] = encode(rgb16)

	rgba16 := image.NewNRGBA64(image.Rect(0, 0, w, h))
	paint(func(x, y int, r, g, b, a uint8) {
		rgba16.SetNRGBA64(x, y, color.NRGBA64{uint16(r) * 257, uint16(g) * 257, uint16(b) * 257, uint16(a) * 257})
	})
	out["16-bit RGBA PNG"] = encode(rgba16)

	grey16 := image.NewGray16(image.Rect(0, 0, w, h))
	paint(func(x, y int, r, g, b, _ uint8) {
		grey16.SetGray16(x, y, color.Gray16{uint16(r)*200 + uint16(g)*57 + uint16(b)})
	})
	out["16-bit grey PNG"] = encode(grey16)

	grey := image.NewGray(image.Rect(0, 0, w, h))
	paint(func(x, y int, r, g, b, _ uint8) {
		grey.SetGray(x, y, color.Gray{uint8((int(r) + int(g) + int(b)) / 3)})
	})
	out["grey PNG"] = encode(grey)

	pal := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{
		color.NRGBA{0x1F, 0x3A, 0x93, 255}, color.NRGBA{0xFF, 0xCC, 0x00, 255},
		color.NRGBA{0x1F, 0x3A, 0x93, 128}, color.NRGBA{0, 0, 0, 0}})
	paint(func(x, y int, r, _, _ uint8, a uint8) {
		i := uint8(0)
		if r == 0xFF {
			i = 1
		}
		switch {
		case a == 0:
			i = 3
		case a < 255:
			i = 2
		}
		pal.SetColorIndex(x, y, i)
	})
	out["palette PNG with partial transparency"] = encode(pal)

	rgba := image.NewNRGBA(image.Rect(0, 0, w, h))
	paint(func(x, y int, r, g, b, a uint8) { rgba.SetNRGBA(x, y, color.NRGBA{r, g, b, a}) })
	out["RGBA PNG with alpha"] = encode(rgba)

	var il bytes.Buffer
	if err := jpeg.Encode(&il, rgba, nil); err != nil {
		t.Fatal(err)
	}
	out["RGB JPEG"] = il.Bytes()

	cmyk := image.NewCMYK(image.Rect(0, 0, w, h))
	paint(func(x, y int, r, g, b, _ uint8) {
		c, m, yy, k := color.RGBToCMYK(r, g, b)
		cmyk.SetCMYK(x, y, color.CMYK{c, m, yy, k})
	})
	out["CMYK JPEG"] = cmykJPEG(cmyk)
	return out
}

// cmykJPEG writes img as a baseline JPEG of four components, as Adobe
// writes CMYK (inverted, an APP14 marker with transform 0): image/jpeg
// encodes only grey and YCbCr. Each 8 × 8 block is written flat, its mean
// colour, with DC coefficients alone: enough for a real CMYK file.
func cmykJPEG(img *image.CMYK) []byte {
	b := img.Bounds()
	var out bytes.Buffer
	seg := func(marker byte, payload ...byte) {
		out.Write([]byte{0xFF, marker, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)})
		out.Write(payload)
	}
	out.Write([]byte{0xFF, 0xD8})
	seg(0xEE, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0) // transform 0: CMYK as is
	dqt := make([]byte, 65)                                   // table 0, all ones
	for i := 1; i < 65; i++ {
		dqt[i] = 1
	}
	seg(0xDB, dqt...)
	w, h := b.Dx(), b.Dy()
	sof := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 4}
	for c := byte(1); c <= 4; c++ {
		sof = append(sof, c, 0x11, 0)
	}
	seg(0xC0, sof...)
	// DC: categories 0–11, four bits each (code k for category k). AC:
	// one code, "0", for the end of block.
	dc := []byte{0x00, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	seg(0xC4, dc...)
	seg(0xC4, 0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00)
	sos := []byte{4}
	for c := byte(1); c <= 4; c++ {
		sos = append(sos, c, 0x00)
	}
	seg(0xDA, append(sos, 0, 63, 0)...)

	var acc uint32
	var n uint
	put := func(bits uint32, count uint) {
		for i := int(count) - 1; i >= 0; i-- {
			acc = acc<<1 | (bits>>uint(i))&1
			n++
			if n == 8 {
				out.WriteByte(byte(acc))
				if byte(acc) == 0xFF {
					out.WriteByte(0)
				}
				acc, n = 0, 0
			}
		}
	}
	var prev [4]int
	for by := 0; by < (h+7)/8; by++ {
		for bx := 0; bx < (w+7)/8; bx++ {
			var sum [4]int
			for y := range 8 {
				for x := range 8 {
					px := img.CMYKAt(b.Min.X+min(bx*8+x, w-1), b.Min.Y+min(by*8+y, h-1))
					for c, v := range [4]uint8{px.C, px.M, px.Y, px.K} {
						sum[c] += 255 - int(v) // Adobe writes CMYK inverted
					}
				}
			}
			for c := range 4 {
				dcv := (sum[c] - 64*128) / 8 // the DC of a flat block: 8 × (mean − 128)
				diff := dcv - prev[c]
				prev[c] = dcv
				cat, mag := uint(0), diff
				if mag < 0 {
					mag = -mag
				}
				for m := mag; m > 0; m >>= 1 {
					cat++
				}
				put(uint32(cat), 4)
				if diff < 0 {
					diff += 1<<cat - 1
				}
				put(uint32(diff), cat)
				put(0, 1) // end of block
			}
		}
	}
	if n > 0 {
		put(0xFF, 8-n) // pad with ones
	}
	out.Write([]byte{0xFF, 0xD9})
	return out.Bytes()
}

// pngDepth is a PNG's bit depth, from its header.
func pngDepth(b []byte) int {
	if len(b) < 25 || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		return 0
	}
	return int(b[24])
}

// TestImageKinds chooses each kind of image as the logo and the signature:
// PrepareImage keeps it a PNG or JPEG of 8 bits that looks the same, and
// with it (and with the image as it was, kept before this check) badges,
// sign-in sheets and certificates are real PDFs that qpdf and pdftotext
// read, each showing the image.
func TestImageKinds(t *testing.T) {
	images := testImages(t)
	if cfg, format, err := image.DecodeConfig(bytes.NewReader(images["CMYK JPEG"])); err != nil || format != "jpeg" || cfg.ColorModel != color.CMYKModel {
		t.Fatalf("the CMYK JPEG reads as %s %v (%v)", format, cfg.ColorModel, err)
	}
	for _, d := range []string{"16-bit RGB PNG", "16-bit RGBA PNG", "16-bit grey PNG"} {
		if pngDepth(images[d]) != 16 {
			t.Fatalf("%s: depth %d", d, pngDepth(images[d]))
		}
	}
	for name, raw := range images {
		t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
			ready, err := PrepareImage(raw)
			if err != nil {
				t.Fatalf("PrepareImage: %v", err)
			}
			orig, _, _ := image.Decode(bytes.NewReader(raw))
			got, format, err := image.Decode(bytes.NewReader(ready))
			if err != nil {
				t.Fatalf("prepared image: %v", err)
			}
			if d := pngDepth(ready); format == "png" && d != 8 {
				t.Errorf("prepared PNG has %d bits per channel", d)
			}
			if _, cmyk := got.(*image.CMYK); cmyk {
				t.Errorf("prepared JPEG is still CMYK")
			}
			if !sameLook(orig, got) {
				t.Errorf("the prepared image does not look like the one chosen")
			}
			c := data.Congress{Name: "Congrès " + name, City: "Lille", Days: []data.Day{"2021-11-25"}}
			for _, kept := range [][]byte{ready, raw} { // chosen today, or kept before
				c.Logo, c.Signature = kept, kept
				checkImagePDFs(t, c)
			}
		})
	}
}

// sameLook reports whether two images of the same size have the same
// colours, within what 8 bits and JPEG allow, at a few points.
func sameLook(a, b image.Image) bool {
	if a.Bounds().Size() != b.Bounds().Size() {
		return false
	}
	for _, p := range []image.Point{{80, 80}, {300, 80}, {200, 150}, {20, 40}} {
		ar, ag, ab, aa := a.At(a.Bounds().Min.X+p.X, a.Bounds().Min.Y+p.Y).RGBA()
		br, bg, bb, ba := b.At(b.Bounds().Min.X+p.X, b.Bounds().Min.Y+p.Y).RGBA()
		for _, d := range []int{int(ar>>8) - int(br>>8), int(ag>>8) - int(bg>>8), int(ab>>8) - int(bb>>8), int(aa>>8) - int(ba>>8)} {
			if d > 24 || d < -24 {
				return false
			}
		}
	}
	return true
}

// checkImagePDFs prints badges, sign-in sheets and certificates of c and
// checks each PDF: qpdf finds no fault, pdftotext reads the congress's
// name, pdfimages lists the image.
func checkImagePDFs(t *testing.T, c data.Congress) {
	t.Helper()
	ctx := context.Background()
	docs := map[string]func(*bytes.Buffer) error{
		"badges": func(w *bytes.Buffer) error {
			return WriteBadges(ctx, w, BadgeInput{Congress: c, Badges: testBadges(2)},
				BadgeOptions{Layout: mustPreset(t, "a4-85x54"), Settings: allSettings(), Created: fixedTime})
		},
		"sign-in": func(w *bytes.Buffer) error {
			return WriteSignIn(ctx, w, SignInInput{Congress: c, Sheets: []SignInSheet{{Session: testSession(1, "Atelier"), People: testPeople(3, 1)}}},
				SignInOptions{Lang: "fr", Created: fixedTime})
		},
		"certificates": func(w *bytes.Buffer) error {
			return WriteCertificates(ctx, w, CertificateInput{Congress: c, People: testCertificates(2)},
				CertificateOptions{Lang: "fr", Created: fixedTime})
		},
	}
	for doc, write := range docs {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Errorf("%s: %v", doc, err)
			continue
		}
		path := writeFile(t, buf.Bytes(), doc+".pdf")
		if _, err := exec.LookPath("qpdf"); err == nil || os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
			if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
				t.Errorf("%s: qpdf --check: %v\n%s", doc, err, out)
			}
		}
		if text := run(t, "pdftotext", "-enc", "UTF-8", path, "-"); !strings.Contains(text, "Congrès") {
			t.Errorf("%s: pdftotext reads no congress:\n%s", doc, text)
		}
		if list := run(t, "pdfimages", "-list", path); strings.Count(list, " image ") == 0 {
			t.Errorf("%s: no image in the PDF:\n%s", doc, list)
		}
	}
}

// TestImageRefused: what is not a PNG or JPEG image is refused when it is
// chosen, with a sentence in each language; no bytes are no image.
func TestImageRefused(t *testing.T) {
	gif := []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")
	for _, b := range [][]byte{[]byte("not an image"), gif, testImages(t)["RGBA PNG with alpha"][:100]} {
		_, err := PrepareImage(b)
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrImageUnreadable) || e.FR == "" || e.EN == "" {
			t.Errorf("%q…: %v, want ErrImageUnreadable", b[:min(len(b), 8)], err)
		}
	}
	huge := image.NewGray(image.Rect(0, 0, 9000, 5000))
	var buf bytes.Buffer
	(&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, huge)
	if _, err := PrepareImage(buf.Bytes()); !errors.Is(err, ErrImageTooLarge) || !strings.Contains(err.Error(), "9000 × 5000") {
		t.Errorf("a 9000 × 5000 image: %v", err)
	}
	if b, err := PrepareImage(nil); b != nil || err != nil {
		t.Errorf("no image: %v, %v", b, err)
	}
}
