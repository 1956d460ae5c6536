package data_test

import (
	"bytes"
	"image"
	"image/png"
	"reflect"
	"strings"
	"testing"

	. "congres/data"
)

// pngImage is a tiny PNG, as a signature would be.
func pngImage(tb testing.TB) []byte {
	tb.Helper()
	var b bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 4, 2))
	if err := png.Encode(&b, img); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func TestCongressSignature(t *testing.T) {
	t.Run("RoundTrip", func(t *testing.T) {
		s := mustOpen(t)
		c, err := s.Congress(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if c.Signature != nil || c.Signatory != "" {
			t.Fatalf("new congress: %q, %q", c.Signature, c.Signatory)
		}
		sig := pngImage(t)
		c.Signature, c.Signatory = sig, "  Marie Dupont, présidente "
		if err := s.UpdateCongress(ctx, &c); err != nil {
			t.Fatal(err)
		}
		got, err := s.Congress(ctx)
		if err != nil || !bytes.Equal(got.Signature, sig) || got.Signatory != "Marie Dupont, présidente" {
			t.Fatalf("got %d bytes, %q, %v", len(got.Signature), got.Signatory, err)
		}
		// Removed.
		got.Signature, got.Signatory = nil, ""
		if err := s.UpdateCongress(ctx, &got); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Congress(ctx); err != nil || got.Signature != nil || got.Signatory != "" {
			t.Errorf("after removal: %d bytes, %q, %v", len(got.Signature), got.Signatory, err)
		}
	})

	for _, c := range []struct {
		name  string
		edit  func(c *Congress)
		want  *Error
		field string
	}{
		{"ErrSignatureInvalid/NotAnImage", func(c *Congress) { c.Signature = []byte("signed: Marie") }, ErrSignatureInvalid, "signature"},
		{"ErrSignatureInvalid/GIF", func(c *Congress) { c.Signature = []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;") }, ErrSignatureInvalid, "signature"},
		{"ErrSignatureInvalid/TooBig", func(c *Congress) { c.Signature = append(pngImage(t), make([]byte, 5<<20)...) }, ErrSignatureInvalid, "signature"},
		{"ErrLogoInvalid", func(c *Congress) { c.Logo = []byte("logo") }, ErrLogoInvalid, "logo"},
		{"ErrTooLong/Signatory", func(c *Congress) { c.Signatory = strings.Repeat("é", maxText+1) }, ErrTooLong, "signatory"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := mustOpen(t)
			before, err := s.Congress(ctx)
			if err != nil {
				t.Fatal(err)
			}
			cong := before
			c.edit(&cong)
			err = s.UpdateCongress(ctx, &cong)
			wantErr(t, err, c.want)
			if f := err.(*Error).Field; f != c.field {
				t.Errorf("field %q, want %q", f, c.field)
			}
			if after, err := s.Congress(ctx); err != nil || !reflect.DeepEqual(after, before) {
				t.Errorf("something was saved: %+v, %v", after, err)
			}
		})
	}

	t.Run("Create", func(t *testing.T) {
		sig := pngImage(t)
		s, err := newCongress(t, Congress{Name: "Signé", Days: []Day{day1},
			Signature: sig, Signatory: "Le président"})
		if err != nil {
			t.Fatal(err)
		}
		if c, err := s.Congress(ctx); err != nil || !bytes.Equal(c.Signature, sig) || c.Signatory != "Le président" {
			t.Errorf("%q, %v", c.Signatory, err)
		}
	})
}
