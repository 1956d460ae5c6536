package ui

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// TestCertificatesWarnNoSignatory: the Certificates tab warns when the
// certificates have no signature image, and when they have one but no
// signatory (a line is left to write the name by hand).
func TestCertificatesWarnNoSignatory(t *testing.T) {
	st, e, s, _ := newExportsTest(t, 20)
	c := s.certificates
	if c.signature.Importance != widget.WarningImportance || !strings.Contains(c.signature.Text, "sign by hand") {
		t.Errorf("no image: %q", c.signature.Text)
	}
	ctx := context.Background()
	cg, err := st.Congress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 60, 20)))
	cg.Signature, cg.Signatory = buf.Bytes(), ""
	if err := st.UpdateCongress(ctx, &cg); err != nil {
		t.Fatal(err)
	}
	c.loadAsync()
	waitIdle(t, e.tasks)
	if c.signature.Importance != widget.WarningImportance || !strings.Contains(c.signature.Text, "No signatory is set") {
		t.Errorf("no signatory: %q", c.signature.Text)
	}
}
