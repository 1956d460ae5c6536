package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfText reads a PDF's text with pdftotext, page by page (form feeds).
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext:", err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal("pdftotext:", err)
	}
	return string(out)
}

// TestCLISignInHalfDays: a day's sheet is signed in a morning and an
// afternoon column, or, with --half-days sheets, on a sheet per half-day;
// anything else is a usage error.
func TestCLISignInHalfDays(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "40"); err != nil {
		t.Fatal(err)
	}
	cols := filepath.Join(dir, "cols.pdf")
	if _, err := runIn(t, "fr", "signin", file, "--out", cols, "--day", "2021-11-25"); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, cols)
	for _, w := range []string{"Signature — matin", "Signature — après-midi", "Présents le matin", "Présents l'après-midi"} {
		if !strings.Contains(text, w) {
			t.Errorf("columns: %q missing", w)
		}
	}
	setLanguage(t, file, "en") // the demo prints in French
	sheets := filepath.Join(dir, "sheets.pdf")
	if msg, err := runCLI(t, "signin", file, "--out", sheets, "--day", "2021-11-25", "--half-days", "sheets"); err != nil || !strings.Contains(msg, "2 sign-in sheets written") {
		t.Fatalf("%q, %v", msg, err)
	}
	text = pdfText(t, sheets)
	morning, afternoon := strings.Index(text, "Thursday 25 November 2021 — morning"), strings.Index(text, "Thursday 25 November 2021 — afternoon")
	if morning < 0 || afternoon < morning || strings.Contains(text, "Present in the morning") {
		t.Errorf("no morning then afternoon sheet:\n%s", text[:min(len(text), 2000)])
	}
	_, err := runCLI(t, "signin", file, "--out", filepath.Join(dir, "x.pdf"), "--day", "2021-11-25", "--half-days", "weekly")
	if err == nil || !strings.Contains(message(err), "--half-days is columns or sheets") {
		t.Errorf("--half-days weekly: %v", err)
	}
	_, err = runCLI(t, "signin", file, "--out", filepath.Join(dir, "x.pdf"), "--half-days", "sheets")
	if err == nil || !strings.Contains(message(err), "goes with --day") {
		t.Errorf("--half-days sheets without a day: %v", err)
	}
}

// TestCLICertificatesWarn: the demo has no signatory and no signature
// image: the certificates are printed, and the command says each, in the
// system's language.
func TestCLICertificatesWarn(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "30"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "c.pdf")
	msg, err := runCLI(t, "certificates", file, "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Warning: No signatory is set", "Warning: No signature image is set", "certificates written to"} {
		if !strings.Contains(msg, w) {
			t.Errorf("%q missing from:\n%s", w, msg)
		}
	}
	msg, err = runIn(t, "fr", "certificates", file, "--out", out)
	if err != nil || !strings.Contains(msg, "Attention : Aucun ou aucune signataire") {
		t.Errorf("%q, %v", msg, err)
	}
	if text := pdfText(t, out); !strings.Contains(text, "Nom, qualité et signature") {
		t.Error("the certificates have no line to sign by hand")
	}
}
