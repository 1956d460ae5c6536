package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A hint or a dialog's message wrapped on several lines never ends with
// one word alone on its last line ("… ses badges" then "imprimés."). A
// no-break space between the last two words would not do: fyne breaks a
// line at any space, a no-break one too (unicode.IsSpace in
// widget/richtext.go). So where the last word would stand alone, the label
// is made a little narrower, which takes the word before down with it; its
// text stays as it is (reportLabel, for the import's report, breaks its
// lines itself instead, to keep counts with their words).

// keepLastWords shows l, a label of wrapped text that does not change
// (SetText does not lay it out again), so that its last word never ends
// alone on a line, aligned in its space as the label aligns its lines.
func keepLastWords(l *widget.Label) fyne.CanvasObject {
	return container.New(&lastWordsLayout{label: l}, l)
}

type lastWordsLayout struct {
	label *widget.Label
	// The text measured, and the width last laid out at: a page's layout
	// runs many times, at a few widths, and measuring text is what costs
	// (issue 19: the Exports page's first visit took 0.1–0.2 s more when
	// each layout measured the lines at each width).
	words        *measuredText
	width, inner float32
}

func (k *lastWordsLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	if !k.label.Visible() {
		return fyne.Size{}
	}
	return k.label.MinSize()
}

func (k *lastWordsLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	w := size.Width
	if k.label.Wrapping == fyne.TextWrapWord {
		w = k.widthFor(size.Width)
	}
	x := float32(0)
	switch k.label.Alignment {
	case fyne.TextAlignCenter:
		x = (size.Width - w) / 2
	case fyne.TextAlignTrailing:
		x = size.Width - w
	}
	k.label.Move(fyne.NewPos(x, 0))
	k.label.Resize(fyne.NewSize(w, size.Height))
}

// widthFor is the width the label takes (measuredText.lastWordsWidth),
// found again only when its text, its style or the width changed.
func (k *lastWordsLayout) widthFor(width float32) float32 {
	l := k.label
	if m := k.words; m == nil || m.text != l.Text || m.size != labelTextSize(l) || m.style != l.TextStyle {
		k.words = measureWords(l)
	} else if width == k.width {
		return k.inner
	}
	k.width, k.inner = width, k.words.lastWordsWidth(width)
	return k.inner
}

// measuredText is a label's text and the widths of its words, each
// measured once, to wrap it at any width by adding them up.
type measuredText struct {
	text   string
	size   float32
	style  fyne.TextStyle
	words  [][]float32 // paragraph by paragraph
	space  float32
	widest float32 // the widest word
	memo   map[string]float32
}

func measureWords(l *widget.Label) *measuredText {
	m := &measuredText{text: l.Text, size: labelTextSize(l), style: l.TextStyle, memo: map[string]float32{}}
	m.words = wordWidths(l.Text, m.measure)
	m.space = m.measure(" ")
	for _, para := range m.words {
		for _, w := range para {
			m.widest = max(m.widest, w)
		}
	}
	return m
}

// cut is how many words are too wide for a line of width w.
func (m *measuredText) cut(w float32) int {
	n := 0
	for _, para := range m.words {
		for _, x := range para {
			if x > w {
				n++
			}
		}
	}
	return n
}

// measure is the width of s, shaped as the label shapes it.
func (m *measuredText) measure(s string) float32 {
	w, ok := m.memo[s]
	if !ok {
		w = fyne.MeasureText(s, m.size, m.style).Width
		m.memo[s] = w
	}
	return w
}

// lastWordsWidth is the width, at most width, at which the text wrapped
// by word ends no paragraph with one word alone on a line: width itself
// when none does, else the widest a little less (down to two thirds of
// it, in steps of 2 px), at which the word before the last goes down with
// it; width when there is none. The widths are tried on
// the words' widths added up; a width that the sums leave within a pixel
// of a lone word, or at which a word is cut, is wrapped as the label
// does, line by line, and the width chosen is always.
func (m *measuredText) lastWordsWidth(width float32) float32 {
	full := width - 2*theme.InnerPadding()
	// by the sums at w: true or false when a pixel either way agrees,
	// else unsure (the sums are not the shaped line to the pixel, and do
	// not cut a word wider than a line).
	lone := func(w float32) (lone, sure bool) {
		if m.widest >= w-1 {
			return false, false
		}
		a, b, c := sumsLeaveLoneWord(m.words, m.space, w-1), sumsLeaveLoneWord(m.words, m.space, w), sumsLeaveLoneWord(m.words, m.space, w+1)
		return b, a == b && b == c
	}
	exact := func(w float32) bool { return loneLastWord(wrappedLines(m.text, w, m.measure)) != "" }
	if m.cut(full) > 1 {
		// Too narrow: words are cut, one by one (and wrapping them as the
		// label does measures each cut); no last words to keep together.
		return width
	}
	if l, sure := lone(full); sure && !l || !sure && !exact(full) {
		return width
	}
	for inner := full - 2; inner >= full*2/3; inner -= 2 {
		if l, sure := lone(inner); (sure && !l || !sure) && !exact(inner) {
			return inner + width - full
		}
	}
	return width
}

// wordWidths is the width of each word of text, paragraph by paragraph.
func wordWidths(text string, measure func(string) float32) [][]float32 {
	var paras [][]float32
	for _, para := range strings.Split(text, "\n") {
		var ws []float32
		for _, w := range strings.FieldsFunc(para, unicode.IsSpace) {
			ws = append(ws, measure(w))
		}
		paras = append(paras, ws)
	}
	return paras
}

// sumsLeaveLoneWord reports whether words, wrapped at width by adding up
// their widths and a space between two, end a paragraph with one word
// alone on a line after a line of several.
func sumsLeaveLoneWord(paras [][]float32, space, width float32) bool {
	for _, words := range paras {
		var line float32
		n, prev := 0, 0 // words on the line, and on the one before
		for _, w := range words {
			if n > 0 && line+space+w <= width {
				line += space + w
				n++
				continue
			}
			if n > 0 {
				prev = n
			}
			line, n = w, 1
		}
		if n == 1 && prev > 1 {
			return true
		}
	}
	return false
}

// loneLastWord is the word that ends a paragraph of lines alone on its
// line, if any ("" when none does).
func loneLastWord(paras [][]string) string {
	for _, lines := range paras {
		if n := len(lines); n > 1 && !strings.Contains(lines[n-1], " ") && strings.Contains(lines[n-2], " ") {
			return lines[n-1]
		}
	}
	return ""
}

// wrappedLines is text wrapped by word at width, paragraph by paragraph,
// as fyne's label does it: as many words on a line as fit, the spaces
// between words as one, a word wider than a line cut where it is full;
// measure gives a text's width.
func wrappedLines(text string, width float32, measure func(string) float32) [][]string {
	var paras [][]string
	for _, para := range strings.Split(text, "\n") {
		var lines []string
		line := ""
		for _, w := range strings.FieldsFunc(para, unicode.IsSpace) {
			switch {
			case line == "":
				line = w
			case measure(line+" "+w) <= width:
				line += " " + w
				continue
			default:
				lines = append(lines, line)
				line = w
			}
			// A word wider than a line is cut where the line is full.
			for r := []rune(line); len(r) > 1 && measure(line) > width; r = []rune(line) {
				i := len(r) - 1
				for i > 1 && measure(string(r[:i])) > width {
					i--
				}
				lines = append(lines, string(r[:i]))
				line = string(r[i:])
			}
		}
		paras = append(paras, append(lines, line))
	}
	return paras
}
