package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"congres/export"
)

// glyphNotice carries the warnings of one print (badges, sign-in sheets,
// certificates) about characters no font prints, from the goroutine that
// loads the people to the UI thread that says so once the print is done.
// Its methods accept a nil notice.
type glyphNotice struct {
	mu sync.Mutex
	ws []export.GlyphWarning
}

// maxGlyphLines is how many people the notice names; an ellipsis says
// there are more.
const maxGlyphLines = 10

// set records the warnings of the people printed. Any goroutine.
func (g *glyphNotice) set(ws []export.GlyphWarning) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.ws = ws
}

// show tells, in a notice, who has characters that print as "�", naming
// each character; nothing when nobody has. UI thread.
func (g *glyphNotice) show(win fyne.Window) {
	if g == nil {
		return
	}
	g.mu.Lock()
	ws := g.ws
	g.mu.Unlock()
	if len(ws) == 0 {
		return
	}
	lines := []string{lang.L("These names have characters that no font of Congrès prints: they print as \"�\".")}
	for i, w := range ws {
		if i == maxGlyphLines {
			lines = append(lines, "…")
			break
		}
		lines = append(lines, w.Message(uiLanguage()))
	}
	showNotice(win, lang.L("Characters that do not print"), strings.Join(lines, "\n"))
}

// after returns done followed by the notice, for an export's saver.
func (g *glyphNotice) after(win fyne.Window, done func(path string)) func(path string) {
	return func(path string) {
		done(path)
		g.show(win)
	}
}
