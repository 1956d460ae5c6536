package export

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// textNames are real names, long ones and one in each script a congress
// may meet, written as their bearers write them.
var textNames = []string{
	"Maria del Carmen Fernández de la Santísima Trinidad Rodríguez-Villanueva",
	"Wolfeschlegelsteinhausenbergerdorff",
	"Keikilani Kahoʻolemana-Kamakaʻala Nāpuaʻalohilohi",          // Hawaiian, with ʻokina and kahakō
	"Chakrabongse Bhuvanath Kitiyakara Sirivannavari Nariratana", // a Thai-length romanised name
	"Jean-Baptiste Pierre-Emmanuel de Saint-Exupéry-Lefebvre",
	"Nguyễn Thị Minh Khai",
	"Αικατερίνη Παπαδοπούλου",
	"Александра Константиновна Ильинская",
	"عبد الرحمن بن عبد العزيز",
	"علاء الدين",
	"یگانه مهدی\u200cزاده", // Persian, with a zero-width non-joiner
	"יהושע בן־נון",
	"欧阳娜娜",
	"山田太郎",
	"김민준",
	"Łukasz Żółkiewski",
	"Guðmundur Þórðarson Ævarsdóttir",
	"Gülşen Çağlayan",
	"Dr. محمد Ali",
	"Ali עמר 12 abc",
}

// otherScriptNames are the names in textNames whose letters are not Latin.
var otherScriptNames = []string{
	"Αικατερίνη Παπαδοπούλου", "Александра Константиновна Ильинская",
	"عبد الرحمن بن عبد العزيز", "یگانه مهدی\u200cزاده", "יהושע בן־נון",
	"欧阳娜娜", "山田太郎", "김민준", "Nguyễn Thị Minh Khai", "Guðmundur Þórðarson",
}

// visual joins a line's runs: what the line shows, left to right.
func visualText(runs []textRun) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.text)
	}
	return b.String()
}

func reverseRunes(s string) string {
	rs := []rune(s)
	slices.Reverse(rs)
	return string(rs)
}

func TestEveryNameIsCovered(t *testing.T) {
	for _, s := range textNames {
		if miss := missingRunes(s); len(miss) > 0 {
			t.Errorf("%q: no face draws %q", s, string(miss))
		}
	}
}

func TestMissingRunes(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"Covered", "Zoë\tO'Brien\u00A0", ""},
		{"Emoji", "Ana 😀 López 😀", "😀"},
		{"Devanagari", "नमस्ते Anand", ""},
		{"Tifinagh", "ⵜⴰⵎ Anand", "ⵜⴰⵎ"},
		{"HanBeyondBMP", "𠮷田", ""},
		{"ControlsAreQuiet", "Ana\u200E\u0007 López\uFEFF", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := string(missingRunes(c.in)); got != c.want {
				t.Errorf("missingRunes(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"Clean", "Łukasz Żółkiewski", "Łukasz Żółkiewski"},
		{"Empty", "", ""},
		{"OnlySpace", " \t\n ", ""},
		{"SpacesCollapse", "  Ana \t María\u00A0\u00A0López  ", "Ana María López"},
		{"NFDBecomesNFC", norm.NFD.String("Nguyễn Thị Minh Khai"), "Nguyễn Thị Minh Khai"},
		{"EmojiBecomesReplacement", "Ana 😀 𠀋", "Ana \uFFFD 𠀋"}, // Han beyond the BMP stays: drawn as outlines
		{"EmojiVariationSelectorGoes", "Ana ❤️", "Ana \uFFFD"},
		{"UncoveredBecomesReplacement", "ⵜⴰⵎ", "\uFFFD\uFFFD\uFFFD"},
		{"DevanagariStays", "नमस्ते", "नमस्ते"},
		{"ControlsAndBidiMarksGo", "\u202BAna\u202C\u200E\u0000 Li\u00ADnh\uFEFF", "Ana Linh"},
		{"JoinersStay", "مهدی\u200Cزاده", "مهدی\u200Cزاده"},
		{"InvalidUTF8", "Ana\xff", "Ana\uFFFD"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := cleanText(c.in); got != c.want {
				t.Errorf("cleanText(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// Clean text, the usual case, costs no allocation to clean or measure, and
// one (the result) to lay out.
func TestCleanTextDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"Jean-Pierre Dupont", "Łukasz Żółkiewski", "Αικατερίνη", "欧阳娜娜"} {
		if n := testing.AllocsPerRun(100, func() { cleanText(s) }); n != 0 {
			t.Errorf("cleanText(%q): %v allocations, want 0", s, n)
		}
		if n := testing.AllocsPerRun(100, func() { layoutLine(s, true) }); n > 1 {
			t.Errorf("layoutLine(%q): %v allocations, want 1", s, n)
		}
		if n := testing.AllocsPerRun(100, func() { fontChain(false).measure(s, false) }); n != 0 {
			t.Errorf("measure(%q): %v allocations, want 0", s, n)
		}
	}
}

func TestFacesHaveUniqueNames(t *testing.T) {
	fontChain(false)
	seen := map[string]bool{}
	for _, f := range fontSet.all {
		if seen[f.name] || f.name != strings.ToLower(f.name) || strings.Contains(f.name, " ") {
			t.Errorf("face name %q: must be unique, lower case, without spaces", f.name)
		}
		seen[f.name] = true
	}
	for _, bold := range []bool{false, true} {
		if c := fontChain(bold); len(c.faces) != 12 {
			t.Errorf("chain bold=%v has %d faces, want 12", bold, len(c.faces))
		}
	}
	pdf := gofpdf.New("P", "mm", "A4", "")
	if err := registerAllFonts(pdf); err != nil {
		t.Fatal(err)
	}
	if err := registerAllFonts(pdf); err != nil { // a second time is harmless
		t.Fatal(err)
	}
}

// Runs are in visual order and each face draws every code point of its run.
func TestLayoutRunsAreDrawable(t *testing.T) {
	for _, s := range textNames {
		for _, bold := range []bool{false, true} {
			runs := layoutLine(s, bold)
			if len(runs) == 0 {
				t.Errorf("%q: no runs", s)
			}
			for _, r := range runs {
				if r.glyphs != nil { // shaped: drawn as its glyphs
					w := 0.0
					for _, g := range r.glyphs {
						if g.id == 0 {
							t.Errorf("%q: run %q has a .notdef glyph", s, r.text)
						}
						w += float64(g.adv)
					}
					if d := w/r.face.upem - r.width; d > 1e-9 || d < -1e-9 {
						t.Errorf("%q: run %q is %v em wide, its glyphs add up to %v", s, r.text, r.width, w/r.face.upem)
					}
					continue
				}
				w := 0.0
				for _, ch := range r.text {
					if !r.face.covers(ch) {
						t.Errorf("%q: face %s does not draw %q", s, r.face.name, ch)
					}
					w += r.face.advance(ch)
				}
				if d := w - r.width; d > 1e-9 || d < -1e-9 {
					t.Errorf("%q: run %q is %v em wide, its advances add up to %v", s, r.text, r.width, w)
				}
			}
		}
	}
}

// Arabic is shaped by HarfBuzz and drawn as its glyphs, in visual order;
// the text beneath is the letters typed, in visual order as PDF text is.
func TestLayoutArabic(t *testing.T) {
	for _, s := range []string{"عبد الرحمن بن عبد العزيز", "علاء الدين", "محمد", "یگانه مهدی\u200cزاده", "ه\u200Dو"} {
		runs := layoutLine(s, false)
		if len(runs) != 1 || runs[0].face.name != "congres-arabic" || runs[0].glyphs == nil {
			t.Fatalf("%q: want one shaped run in Noto Sans Arabic, got %v", s, runs)
		}
		if got := reverseRunes(runs[0].text); got != s {
			t.Errorf("%q: text beneath reads back as %q", s, got)
		}
		f, rs := runs[0].face, []rune(s)
		shaper.Lock()
		out := shaper.hb.Shape(shaping.Input{Text: rs, RunEnd: len(rs), Direction: di.DirectionRTL,
			Face: f.ft, Size: fixed.I(int(f.upem)), Script: f.script})
		shaper.Unlock()
		var want, got []font.GID
		for _, g := range out.Glyphs {
			want = append(want, g.GlyphID)
		}
		for _, g := range runs[0].glyphs {
			got = append(got, g.id)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: draws glyphs %v, HarfBuzz shaped %v", s, got, want)
		}
	}
	// Lam and alef join into one ligature.
	if runs := layoutLine("علاء", false); len(runs[0].glyphs) >= 4 {
		t.Errorf("علاء: %d glyphs, no lam-alef ligature", len(runs[0].glyphs))
	}
}

func TestLayoutHebrew(t *testing.T) {
	s := "יהושע בן־נון"
	if got, want := visualText(layoutLine(s, false)), reverseRunes(s); got != want {
		t.Errorf("%q shown as %q, want %q", s, got, want)
	}
}

// Mixed directions: the paragraph takes the direction of its first letter,
// right-to-left stretches are reversed, numbers in them are not (UAX #9).
func TestLayoutBidi(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"HebrewInLatin", "Ali עמר abc", "Ali רמע abc"},
		{"NumberAfterHebrewInLatin", "Ali עמר 12 abc", "Ali 12 רמע abc"},
		{"LatinInHebrew", "שלום Ali", "Ali םולש"},
		{"NumberInHebrew", "עמר 12", "12 רמע"},
		{"Brackets", "Ali (עמר)", "Ali (רמע)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := visualText(layoutLine(c.in, false)); got != c.want {
				t.Errorf("%q shown as %q, want %q", c.in, got, c.want)
			}
		})
	}
	t.Run("ArabicInLatin", func(t *testing.T) {
		runs := layoutLine("Dr. محمد Ali", true)
		if len(runs) != 3 || runs[0].text != "Dr. " || runs[2].text != " Ali" ||
			runs[0].face.name != "congres-sans-bold" || runs[1].face.name != "congres-arabic-bold" {
			t.Fatalf("got %v", runs)
		}
		if got := reverseRunes(runs[1].text); got != "محمد" {
			t.Errorf("middle run reads back as %q", got)
		}
	})
}

func TestLayoutFallsBackByScript(t *testing.T) {
	runs := layoutLine("山田 太郎", false)
	var faces []string
	for _, r := range runs {
		faces = append(faces, r.face.name)
	}
	want := []string{"congres-cjk", "congres-sans", "congres-cjk"} // the subset has no Latin space
	if !slices.Equal(faces, want) {
		t.Errorf("faces %v, want %v", faces, want)
	}
	// Punctuation stays with the script around it.
	if runs := layoutLine("Ильинская, Александра", false); len(runs) != 1 {
		t.Errorf("Cyrillic with a comma: %d runs, want 1", len(runs))
	}
}

func TestVisualOrder(t *testing.T) {
	cases := []struct {
		levels []int8
		want   []int
	}{
		{[]int8{0}, []int{0}},
		{[]int8{0, 1, 0}, []int{0, 1, 2}},
		{[]int8{0, 1, 2, 0}, []int{0, 2, 1, 3}},
		{[]int8{1, 2, 1}, []int{2, 1, 0}},
		{[]int8{1, 2, 1, 2}, []int{3, 2, 1, 0}},
	}
	for _, c := range cases {
		if got := visualOrder(c.levels); !slices.Equal(got, c.want) {
			t.Errorf("visualOrder(%v) = %v, want %v", c.levels, got, c.want)
		}
	}
}

// Every script name has letters: none is lost on the way.
func TestLayoutKeepsLetters(t *testing.T) {
	for _, s := range otherScriptNames {
		letters := func(s string) int {
			n := 0
			for _, r := range norm.NFKC.String(s) {
				if unicode.IsLetter(r) {
					n++
				}
			}
			return n
		}
		if got, want := letters(visualText(layoutLine(s, false))), letters(s); got != want {
			t.Errorf("%q: %d letters shown, want %d", s, got, want)
		}
	}
}
