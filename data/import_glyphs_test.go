package data_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	. "congres/data"
)

// tifinagh stands for the fonts' check: it finds no glyph for Tifinagh
// (which the embedded fonts do not cover) nor for emoji.
func tifinagh(s string) []rune {
	var miss []rune
	for _, r := range s {
		if unicode.Is(unicode.Tifinagh, r) || r >= 0x1F300 {
			miss = append(miss, r)
		}
	}
	return miss
}

// TestImportGlyphWarnings: a row whose name or organisation holds a
// character no font prints is imported, with a warning on its line naming
// the person and each character, once, in both languages; other rows
// raise nothing, and without a check nothing is said.
func TestImportGlyphWarnings(t *testing.T) {
	lines := []string{"Prénom,Nom,E-mail,Organisation",
		"Awa,Diallo,awa@example.org,Scop",
		"ⵎⴰⵙⵉⵏ,Aït Ali,masin@example.org,ⵜⴰⵎⵓⵔⵜ",
		"प्रिया,शर्मा,priya@example.org,",
	}
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{CheckText: tifinagh}, lines...)
	wantCounts(t, r, 3, 3, 0, 0, 0, 0)
	var warns []ImportIssue
	for _, is := range r.Issues {
		var e *Error
		if errors.As(is.Err, &e) && e.Code == ErrImportGlyphs.Code {
			warns = append(warns, is)
		}
	}
	if len(warns) != 1 {
		t.Fatalf("glyph warnings %+v, want one, for Masin", r.Issues)
	}
	w := warns[0]
	if !w.Warning || w.Line != 3 || w.Column != "Prénom" {
		t.Errorf("warning %+v: want a warning on line 3, column Prénom", w)
	}
	en, fr := Message(w.Err, "en"), Message(w.Err, "fr")
	for _, want := range []string{"ⵎⴰⵙⵉⵏ Aït Ali:", "U+2D4E “ⵎ”", "U+2D5C “ⵜ”", "“�”", "The row was imported"} {
		if !strings.Contains(en, want) {
			t.Errorf("English %q lacks %q", en, want)
		}
	}
	for _, want := range []string{"ⵎⴰⵙⵉⵏ Aït Ali :", "U+2D4E «ⵎ»", "aucune police", "La ligne a été importée"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French %q lacks %q", fr, want)
		}
	}
	if strings.Count(en, "U+2D4E") != 1 {
		t.Errorf("a character named twice: %q", en)
	}

	s = mustOpen(t)
	r = importLines(t, s, ImportOptions{}, lines...)
	for _, is := range r.Issues {
		t.Errorf("without a check: %+v", is)
	}
}
