package export

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"congres/assets"
)

// A face is one embedded TrueType font, measured once per process. Text is
// measured here and drawn by gofpdf (or rasterised for the preview) with the
// same numbers, so what is measured is what is printed.
type face struct {
	name   string // gofpdf family name, unique per face
	data   []byte // the TrueType file
	ft     *font.Face
	script language.Script // script to shape with
	upem   float64

	// outline: runs in this face are shaped by HarfBuzz and drawn as
	// glyph outlines (see shapeRun), for scripts whose letters change shape
	// and place with their neighbours (Indic conjuncts and vowel signs,
	// Thai marks) and for runes outside the BMP, which gofpdf cannot draw.
	outline bool
	// pdf: gofpdf loads the face (a TrueType file), so that it can be drawn,
	// or written invisibly under outlines, as text.
	pdf bool

	// ascent and descent (positive, below the baseline) in em, from the
	// font's horizontal header: the room the font asks for above and below
	// the baseline. Only Noto Sans's are used (see lineHeight): Noto Sans
	// Arabic asks for 2.1 em in all, for stacks of vowel marks.
	ascent, descent float64

	// adv is the advance of each BMP rune, in em, rounded to 1/1000 em as
	// gofpdf rounds it in the PDF's width table; -1 when the font does not
	// map the rune. Filled once for the whole cmap, so that reading it is a
	// slice index on the hot path and safe from many goroutines.
	adv []float32
	// astral holds the advances (em) of the runes above the BMP the font
	// maps; only outline faces draw them.
	astral map[rune]float32

	// ink holds the glyphs whose ink sticks out of the box a line gets by
	// default: left or right of their advance (a "j", an "f"), or above
	// or below Noto Sans's ascent and descent (an Arabic descender, a
	// Vietnamese capital with two accents). Only the first and last glyph
	// of a line are looked up for left and right; tall has a bit set for
	// each rune whose ink goes higher or lower, so the vertical check costs
	// one bit test per rune.
	ink  map[rune]inkBox
	tall []uint64

	// rev maps a glyph back to a code point that draws it, preferring Arabic
	// presentation forms: gofpdf addresses glyphs by code point only, so a
	// shaped glyph is drawn through the code point the font maps to it.
	rev map[font.GID]rune
}

// inkBox says how far, in em, a glyph's ink reaches left of its origin and
// right of its advance, and, for a tall glyph only, above and below the
// baseline.
type inkBox struct{ left, right, top, bottom float32 }

// isTall reports whether r's ink reaches beyond the reference ascent or
// descent.
func (f *face) isTall(r rune) bool {
	return r >= 0 && int(r>>6) < len(f.tall) && f.tall[r>>6]&(1<<(r&63)) != 0
}

// covers reports whether f maps r. Above the BMP only outline faces
// count: gofpdf reads cmap format 4 only, and panics on such runes.
func (f *face) covers(r rune) bool {
	if r > 0xFFFF {
		_, ok := f.astral[r]
		return ok
	}
	return r >= 0 && int(r) < len(f.adv) && f.adv[r] >= 0
}

// advance is the advance of r in em; 0 for a rune f does not map.
func (f *face) advance(r rune) float64 {
	if r > 0xFFFF {
		return float64(f.astral[r])
	}
	if !f.covers(r) {
		return 0
	}
	return float64(f.adv[r])
}

// A chain is a fallback list of faces: a rune is drawn with the first face
// that maps it.
type chain struct {
	faces []*face
	// first is, for each BMP rune, 1 + the index in faces of the first face
	// that maps it, 0 if none does: one slice index on the hot path.
	first []uint8
}

func newChain(faces ...*face) *chain {
	c := &chain{faces: faces, first: make([]uint8, 0x10000)}
	for r := range c.first {
		for i, f := range faces {
			if f.covers(rune(r)) {
				c.first[r] = uint8(i + 1)
				break
			}
		}
	}
	return c
}

// faceFor returns the index in c.faces of the first face that maps r, or
// -1.
func (c *chain) faceFor(r rune) int {
	if r > 0xFFFF {
		for i, f := range c.faces {
			if f.covers(r) {
				return i
			}
		}
		return -1
	}
	if r < 0 {
		return -1
	}
	return int(c.first[r]) - 1
}

// The embedded fonts, parsed on first use (most of the time goes to the
// CJK font: 120–270 ms on a busy 2-core machine, as before the fonts of
// issue 18 within its noise; 41 MB of heap, 28 MB before them) and
// shared by every document and goroutine afterwards: nothing in them is
// written after loading.
var fontSet struct {
	once          sync.Once
	regular, bold *chain
	all           []*face // each face once, in registration order

	// refAscent and refDescent (em) are Noto Sans's, the first face: every
	// line gets at least this room, whatever its script, and more only
	// where its glyphs' ink needs it. Lines in every script then get the
	// same size in the same box unless their letters are taller.
	refAscent, refDescent float64

	// asIs tells, for each BMP rune, whether cleanText keeps it as it is:
	// drawable, neither space nor dropped (U+FFFD excepted, which is also
	// what invalid UTF-8 decodes to). It makes the check of clean text,
	// the usual case, one slice index per rune.
	asIs []bool
}

// fontFiles lists the embedded fonts: gofpdf family name, file, shaping
// script, in which chains the face takes part, and whether it is drawn as
// shaped outlines (see face.outline). Armenian, Georgian and Ethiopic need
// no shaping and are drawn as text, as Latin is.
var fontFiles = []struct {
	name, file    string
	script        language.Script
	regular, bold bool
	outline       bool
}{
	{"congres-sans", "NotoSans-Regular.ttf", language.Latin, true, false, false},
	{"congres-sans-bold", "NotoSans-Bold.ttf", language.Latin, false, true, false},
	{"congres-arabic", "NotoSansArabic-Regular.ttf", language.Arabic, true, false, true},
	{"congres-arabic-bold", "NotoSansArabic-Bold.ttf", language.Arabic, false, true, true},
	{"congres-hebrew", "NotoSansHebrew-Regular.ttf", language.Hebrew, true, false, false},
	{"congres-hebrew-bold", "NotoSansHebrew-Bold.ttf", language.Hebrew, false, true, false},
	{"congres-armenian", "NotoSansArmenian-Regular.ttf", language.Armenian, true, false, false},
	{"congres-armenian-bold", "NotoSansArmenian-Bold.ttf", language.Armenian, false, true, false},
	{"congres-georgian", "NotoSansGeorgian-Regular.ttf", language.Georgian, true, false, false},
	{"congres-georgian-bold", "NotoSansGeorgian-Bold.ttf", language.Georgian, false, true, false},
	{"congres-ethiopic", "NotoSansEthiopic-Regular.ttf", language.Ethiopic, true, false, false},
	{"congres-ethiopic-bold", "NotoSansEthiopic-Bold.ttf", language.Ethiopic, false, true, false},
	{"congres-devanagari", "NotoSansDevanagari-Regular.ttf", language.Devanagari, true, false, true},
	{"congres-devanagari-bold", "NotoSansDevanagari-Bold.ttf", language.Devanagari, false, true, true},
	{"congres-bengali", "NotoSansBengali-Regular.ttf", language.Bengali, true, false, true},
	{"congres-bengali-bold", "NotoSansBengali-Bold.ttf", language.Bengali, false, true, true},
	{"congres-tamil", "NotoSansTamil-Regular.ttf", language.Tamil, true, false, true},
	{"congres-tamil-bold", "NotoSansTamil-Bold.ttf", language.Tamil, false, true, true},
	{"congres-thai", "NotoSansThai-Regular.ttf", language.Thai, true, false, true},
	{"congres-thai-bold", "NotoSansThai-Bold.ttf", language.Thai, false, true, true},
	{"congres-cjk", "wqy-microhei-cjk.ttf", language.Han, true, true, false}, // no CJK bold
	// Han beyond the BMP (𠮷): a CFF font gofpdf cannot load, drawn as
	// outlines only.
	{"congres-cjk-ext", "NotoSansCJKjp-ExtB.otf", language.Han, true, true, true},
}

// fontChain returns the regular or bold fallback chain, loading the fonts
// on first use. The fonts are part of the binary: failing to parse one is a
// build defect, so it panics.
func fontChain(bold bool) *chain {
	fontSet.once.Do(loadFonts)
	if bold {
		return fontSet.bold
	}
	return fontSet.regular
}

func loadFonts() {
	var regular, bold []*face
	for i, ff := range fontFiles {
		f, err := loadFace(ff.name, ff.file, ff.script)
		if err == nil {
			f.outline = ff.outline
		}
		if err != nil {
			panic(fmt.Sprintf("export: embedded font %s: %v", ff.file, err))
		}
		if i == 0 {
			fontSet.refAscent, fontSet.refDescent = f.ascent, f.descent
		}
		if !f.outline { // a shaped run's ink comes from its glyphs (shapeRun)
			f.measureInk(fontSet.refAscent, fontSet.refDescent)
		}
		fontSet.all = append(fontSet.all, f)
		if ff.regular {
			regular = append(regular, f)
		}
		if ff.bold {
			bold = append(bold, f)
		}
	}
	fontSet.regular, fontSet.bold = newChain(regular...), newChain(bold...)
	fontSet.asIs = make([]bool, 0x10000)
	for r := range fontSet.asIs {
		fontSet.asIs[r] = printable(rune(r)) && !unicode.IsSpace(rune(r)) && !dropped(rune(r)) && r != utf8.RuneError
	}
}

func loadFace(name, file string, script language.Script) (*face, error) {
	data, err := assets.Fonts.ReadFile("fonts/" + file)
	if err != nil {
		return nil, err
	}
	ft, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	f := &face{name: name, data: data, ft: ft, script: script, upem: float64(ft.Upem()),
		adv: make([]float32, 0x10000), rev: map[font.GID]rune{}, astral: map[rune]float32{},
		pdf: strings.HasSuffix(file, ".ttf")}
	if ext, ok := ft.FontHExtents(); ok {
		f.ascent, f.descent = float64(ext.Ascender)/f.upem, -float64(ext.Descender)/f.upem
	} else {
		f.ascent, f.descent = 1, 0.25
	}
	for i := range f.adv {
		f.adv[i] = -1
	}
	isCJK := script == language.Han
	for it := ft.Cmap.Iter(); it.Next(); {
		r, g := it.Char()
		if r < 0 {
			continue
		}
		units := float64(ft.HorizontalAdvance(g))
		if r > 0xFFFF {
			f.astral[r] = float32(units / f.upem)
			continue
		}
		f.adv[r] = float32(math.Round(units*1000/f.upem) / 1000)
		// CJK runes are never shaped (they are left-to-right and need no
		// joining): no reverse map for its 30,000 glyphs.
		if isCJK {
			continue
		}
		if old, ok := f.rev[g]; !ok || (isPresentationForm(r) && !isPresentationForm(old)) {
			f.rev[g] = r
		}
	}
	return f, nil
}

// measureInk fills f.ink and f.tall, against the reference ascent and
// descent (em).
func (f *face) measureInk(refAscent, refDescent float64) {
	f.ink, f.tall = map[rune]inkBox{}, make([]uint64, 0x10000/64)
	for it := f.ft.Cmap.Iter(); it.Next(); {
		r, g := it.Char()
		if !f.covers(r) {
			continue
		}
		ext, ok := f.ft.GlyphExtents(g)
		if !ok || ext.Width <= 0 {
			continue // no ink: a space
		}
		// Extents are in font units, y up; Height is negative.
		xmin, xmax := float64(ext.XBearing)/f.upem, float64(ext.XBearing+ext.Width)/f.upem
		ymax, ymin := float64(ext.YBearing)/f.upem, float64(ext.YBearing+ext.Height)/f.upem
		box := inkBox{
			left:   float32(max(0, -xmin)),
			right:  float32(max(0, xmax-f.advance(r))),
			top:    float32(max(0, ymax-refAscent)),
			bottom: float32(max(0, -ymin-refDescent)),
		}
		if (box.top > 0 || box.bottom > 0) && r <= 0xFFFF {
			f.tall[r>>6] |= 1 << (r & 63)
			box.top, box.bottom = float32(ymax), float32(-ymin)
		}
		if box != (inkBox{}) {
			f.ink[r] = box
		}
	}
}

func isPresentationForm(r rune) bool { return r >= 0xFB50 && r <= 0xFEFF }

// registerFonts readies pdf for drawing text with fitted.drawPDF. Faces
// are added to the document on first use (see addFace), so that a
// document embeds only the fonts it draws with: each face gofpdf embeds
// costs some 3 KB even when unused.
func registerFonts(pdf *gofpdf.Fpdf) error {
	fontChain(false)
	return pdf.Error()
}

// registerAllFonts adds every face gofpdf can load to pdf (see addFace).
func registerAllFonts(pdf *gofpdf.Fpdf) error {
	fontChain(false)
	for _, f := range fontSet.all {
		if f.pdf {
			addFace(pdf, f)
		}
	}
	return pdf.Error()
}

// addFace adds f to pdf under its family name (see fontFiles), from
// memory, unless it is there already: gofpdf then embeds only the
// characters the document uses. gofpdf rejects an unsuitable font (OTF,
// TTC) by printing a line and carrying on, so the face is checked
// afterwards, and a failure is pdf's error.
//
// gofpdf is given a copy of the font file: when it subsets the font, it
// pads tables by appending to slices of the bytes it was given, which
// writes into them, and documents written at once (a preview and a print)
// would race on shared bytes.
func addFace(pdf *gofpdf.Fpdf, f *face) {
	if pdf.GetFontDesc(f.name, "").Ascent != 0 {
		return
	}
	pdf.AddUTF8FontFromBytes(f.name, "", bytes.Clone(f.data))
	if err := pdf.Error(); err != nil {
		pdf.SetError(fmt.Errorf("export: font %s: %w", f.name, err))
		return
	}
	if pdf.GetFontDesc(f.name, "").Ascent == 0 {
		pdf.SetError(fmt.Errorf("export: font %s: not loaded by gofpdf", f.name))
	}
}

// Runes that cleanText turns into something else or removes.
const (
	zwnj = '\u200C' // zero-width non-joiner: kept, it changes Arabic and Persian joining
	zwj  = '\u200D' // zero-width joiner: kept, likewise
)

// dropped reports whether cleanText removes r: control characters and
// invisible format characters (bidi controls, soft hyphens, variation
// selectors, tags) that no face draws and that would otherwise show as
// boxes. ZWJ and ZWNJ stay: they change how Arabic letters join.
func dropped(r rune) bool {
	switch {
	case r == zwj || r == zwnj:
		return false
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF: // variation selectors
		return true
	}
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r)
}

// printable reports whether some embedded face draws r. (The bold chain
// has the same coverage.)
func printable(r rune) bool {
	return fontSet.regular.faceFor(r) >= 0
}

// cleanText prepares a field for layout, so that every rune of the result
// is drawn by some face:
//   - NFC: decomposed input (macOS file names, some keyboards) would draw
//     its accents misplaced, as gofpdf has no mark positioning;
//   - runs of white space become one space, leading and trailing space goes;
//   - control and format characters go (see dropped);
//   - runes no face has (emoji, say) become U+FFFD, which would otherwise
//     draw an empty box, or make gofpdf panic outside the BMP. Runes outside
//     the BMP that a face has (𠮷) stay: their face draws outlines.
//
// Text that needs none of this, the usual case, is returned as is, without
// allocating.
func cleanText(s string) string {
	if isClean(s) {
		return s
	}
	fontChain(false)
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending: written before the next visible rune
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case dropped(r):
			continue
		case !printable(r):
			r = unicode.ReplacementChar
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether cleanText would return s unchanged. Printable
// ASCII with single inner spaces is decided byte by byte.
func isClean(s string) bool {
	if s == "" {
		return true
	}
	ascii := true
	prevSpace := true // so that a leading space is not clean
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		if c < 0x20 || c == 0x7F || (c == ' ' && prevSpace) {
			return false
		}
		prevSpace = c == ' '
	}
	if ascii {
		return !prevSpace
	}
	fontChain(false)
	prevSpace = true
	for _, r := range s {
		if r == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if r > 0xFFFF {
			if dropped(r) || !printable(r) {
				return false
			}
		} else if !fontSet.asIs[r] {
			return false
		}
		prevSpace = false
	}
	// QuickSpanString, unlike IsNormalString, does not allocate.
	return !prevSpace && norm.NFC.QuickSpanString(s) == len(s)
}

// missingRunes returns, once each and in order of appearance, the runes of s
// that no embedded face draws: they print as U+FFFD. White space, control
// and format characters are not reported (cleanText handles them quietly).
// For a warning when a name is typed, before badges are printed.
func missingRunes(s string) []rune {
	fontChain(false)
	var miss []rune
	for _, r := range norm.NFC.String(s) {
		if unicode.IsSpace(r) || dropped(r) || printable(r) {
			continue
		}
		if !slices.Contains(miss, r) {
			miss = append(miss, r)
		}
	}
	return miss
}
