package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"
)

// TestImageChosenEightBit: a 16-bit PNG chosen as the logo is kept as an
// 8-bit one, which every document draws; a file that is not an image is
// refused when it is chosen, with a sentence, and the logo stays as it was.
func TestImageChosenEightBit(t *testing.T) {
	s, _, e, _ := newTestSettings(t)
	c := s.congress
	img := image.NewNRGBA64(image.Rect(0, 0, 120, 40))
	for x := range 120 {
		img.SetNRGBA64(x, x%40, color.NRGBA64{R: 0xC000, A: 0xFFFF})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if b.Bytes()[24] != 16 {
		t.Fatal("the test image is not 16-bit")
	}
	c.logo.readAsync(io.NopCloser(bytes.NewReader(b.Bytes())))
	waitIdle(t, e.tasks)
	if got := c.logo.data; len(got) < 25 || got[24] != 8 {
		t.Fatalf("the logo kept is not an 8-bit PNG (%d bytes)", len(got))
	}
	kept := c.logo.data
	c.logo.readAsync(io.NopCloser(strings.NewReader("not an image")))
	waitIdle(t, e.tasks)
	if !bytes.Equal(c.logo.data, kept) {
		t.Error("a file that is not an image replaced the logo")
	}
	assertDialogSays(t, e.win, "This file cannot be read as an image")
}
