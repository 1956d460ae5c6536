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

type lastWordsLayout struct{ label *widget.Label }

func (k *lastWordsLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	if !k.label.Visible() {
		return fyne.Size{}
	}
	return k.label.MinSize()
}

func (k *lastWordsLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	w := size.Width
	if k.label.Wrapping == fyne.TextWrapWord {
		w = lastWordsWidth(k.label, size.Width)
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

// lastWordsWidth is the width, at most width, at which l's text wrapped
// by word ends no paragraph with one word alone on a line: width itself
// when none does, else the widest a little less (down to two thirds of
// it, in steps of 2 px), at which the word before the last goes down with
// it; width when there is none.
func lastWordsWidth(l *widget.Label, width float32) float32 {
	pad := 2 * theme.InnerPadding()
	size := theme.TextSize()
	if l.SizeName != "" {
		size = theme.Size(l.SizeName)
	}
	full := width - pad
	if loneLastWord(wrappedLines(l.Text, full, size, l.TextStyle)) == "" {
		return width
	}
	for inner := full - 2; inner >= full*2/3; inner -= 2 {
		if loneLastWord(wrappedLines(l.Text, inner, size, l.TextStyle)) == "" {
			return inner + pad
		}
	}
	return width
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
// between words as one, a word wider than a line cut where it is full.
func wrappedLines(text string, width, size float32, style fyne.TextStyle) [][]string {
	var paras [][]string
	for _, para := range strings.Split(text, "\n") {
		var lines []string
		line := ""
		for _, w := range strings.FieldsFunc(para, unicode.IsSpace) {
			switch {
			case line == "":
				line = w
			case fyne.MeasureText(line+" "+w, size, style).Width <= width:
				line += " " + w
				continue
			default:
				lines = append(lines, line)
				line = w
			}
			// A word wider than a line is cut where the line is full.
			for r := []rune(line); len(r) > 1 && fyne.MeasureText(line, size, style).Width > width; r = []rune(line) {
				i := len(r) - 1
				for i > 1 && fyne.MeasureText(string(r[:i]), size, style).Width > width {
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
