package ui

import (
	"strings"

	"fyne.io/fyne/v2"
)

// The timetable's texts are drawn as plain canvas texts, wrapped here word
// by word: a label that wraps and ellipsises measures its text again for
// every candidate line at each layout, which made the timetable of a day
// take most of a second to appear. Here each word is measured once (fyne
// keeps the measures), and a block's lines are worked out again only when
// its width changes.

// ttMeasure is the width of s in the timetable's text size and style.
func ttMeasure(s string, size float32, style fyne.TextStyle) float32 {
	return fyne.MeasureText(s, size, style).Width
}

// ttWrap breaks text into at most maxLines lines of width w, at spaces; a
// word longer than a line is cut. When the text does not fit, the last
// line ends with "…".
func ttWrap(text string, w, size float32, style fyne.TextStyle, maxLines int) []string {
	words := strings.Fields(text)
	if len(words) == 0 || maxLines <= 0 || w <= 0 {
		return nil
	}
	space := ttMeasure(" ", size, style)
	var lines []string
	var line []string
	var lineW float32
	for i := 0; i < len(words); i++ {
		word := words[i]
		ww := ttMeasure(word, size, style)
		switch {
		case len(line) == 0 && ww > w: // a word wider than a line: cut it
			cut := ttFit(word, w, size, style, "")
			line, lineW = []string{cut}, w
			if rest := word[len(cut):]; rest != "" {
				words[i] = rest
				i--
			}
			lines = append(lines, strings.Join(line, " "))
			line, lineW = nil, 0
		case len(line) == 0:
			line, lineW = []string{word}, ww
		case lineW+space+ww <= w:
			line, lineW = append(line, word), lineW+space+ww
		default:
			lines = append(lines, strings.Join(line, " "))
			line, lineW = []string{word}, ww
		}
		if len(lines) == maxLines {
			if i < len(words)-1 || len(line) > 0 {
				lines[maxLines-1] = ttFit(lines[maxLines-1]+" "+strings.Join(line, " "), w, size, style, "…")
			}
			return lines
		}
	}
	if len(line) > 0 {
		lines = append(lines, strings.Join(line, " "))
	}
	return lines
}

// ttFit is the longest start of s that fits in w with tail after it (and
// tail, when s had to be cut).
func ttFit(s string, w, size float32, style fyne.TextStyle, tail string) string {
	runes := []rune(strings.TrimSpace(s))
	lo, hi := 0, len(runes)
	for lo < hi { // the longest start that fits, by halves
		mid := (lo + hi + 1) / 2
		if ttMeasure(strings.TrimRight(string(runes[:mid]), " ")+tail, size, style) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 && tail == "" && len(runes) > 0 {
		lo = 1 // at least one letter, or a long word would never end
	}
	return strings.TrimRight(string(runes[:lo]), " ") + tail
}
