package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"testing"
)

// TestIconIsGenerated checks that assets/icon.png is what this program
// draws: a change to the design is followed by go generate.
func TestIconIsGenerated(t *testing.T) {
	b, err := os.ReadFile("../icon.png")
	if err != nil {
		t.Fatal(err)
	}
	committed, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	size := committed.Bounds().Dx()
	if size != 256 || committed.Bounds().Dy() != 256 {
		t.Fatalf("icon.png is %v, not 256×256", committed.Bounds())
	}
	drawn := draw(size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			if !sameColour(drawn, committed, x, y) {
				t.Fatalf("icon.png differs from the drawing at (%d, %d): run go generate ./assets/", x, y)
			}
		}
	}
}

func sameColour(a, b image.Image, x, y int) bool {
	r1, g1, b1, a1 := a.At(x, y).RGBA()
	r2, g2, b2, a2 := b.At(x, y).RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
