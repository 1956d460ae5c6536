package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// deskBanner says what the last scan did, across the whole desk, in type
// large enough to read from two metres: green when the person is checked
// in, amber when they were already in or the desk waits, red when nobody
// has the code, the file refuses, or warnings need confirming. A long
// sentence shrinks, then wraps, rather than being cut. UI thread only.
type deskBanner struct {
	widget.BaseWidget
	Text       string            // the result; "" shows idle, dimmed
	Importance widget.Importance // Success: green; Warning: amber; Danger: red
	idle       string
	quiet      bool // a name search is typed: idle says nothing
}

// The banner's type sizes, and its height: one line at the largest size,
// or two at a size still read from afar.
const (
	bannerTextMax  float32 = 34
	bannerTextMin  float32 = 16
	bannerIdleMax  float32 = 22
	bannerHeight   float32 = 60
	bannerMinWidth float32 = 160
)

// The banner's colours: white on green and on red, near-black on amber
// (each at least 4.5:1).
var (
	bannerGreen = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	bannerAmber = color.NRGBA{R: 0xff, G: 0xb3, B: 0x00, A: 0xff}
	bannerRed   = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	bannerInk   = color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff}
)

func newDeskBanner(idle string) *deskBanner {
	b := &deskBanner{idle: idle}
	b.ExtendBaseWidget(b)
	return b
}

// set shows a result; "" goes back to idle.
func (b *deskBanner) set(text string, importance widget.Importance) {
	b.Text, b.Importance = text, importance
	b.Refresh()
}

// colours are the banner's background and ink.
func (b *deskBanner) colours() (bg, ink color.Color) {
	th := b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	if b.Text == "" {
		return th.Color(theme.ColorNameInputBackground, v), th.Color(theme.ColorNamePlaceHolder, v)
	}
	switch b.Importance {
	case widget.SuccessImportance:
		return bannerGreen, color.White
	case widget.WarningImportance:
		return bannerAmber, bannerInk
	case widget.DangerImportance:
		return bannerRed, color.White
	}
	return th.Color(theme.ColorNameInputBackground, v), th.Color(theme.ColorNameForeground, v)
}

func (b *deskBanner) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = theme.InputRadiusSize()
	r := &bannerRenderer{b: b, bg: bg}
	r.Refresh()
	return r
}

type bannerRenderer struct {
	b     *deskBanner
	bg    *canvas.Rectangle
	lines []*canvas.Text
	size  fyne.Size
	fit   bannerFit // the text fitted last
}

// bannerFit is a text fitted into a room, and how (fitBannerText).
type bannerFit struct {
	text                   string
	width, height, largest float32
	size                   float32
	lines                  []string
}

func (r *bannerRenderer) Destroy() {}

func (r *bannerRenderer) MinSize() fyne.Size { return fyne.NewSize(bannerMinWidth, bannerHeight) }

func (r *bannerRenderer) Objects() []fyne.CanvasObject {
	objects := []fyne.CanvasObject{r.bg}
	for _, l := range r.lines {
		objects = append(objects, l)
	}
	return objects
}

func (r *bannerRenderer) Refresh() {
	bg, ink := r.b.colours()
	r.bg.FillColor = bg
	r.bg.Refresh()
	for _, l := range r.lines {
		l.Color = ink
	}
	r.Layout(r.size)
	canvas.Refresh(r.b)
}

// Layout fits the text into the banner: the largest size at which its
// words, wrapped, fit the width and the height.
func (r *bannerRenderer) Layout(size fyne.Size) {
	r.size = size
	r.bg.Resize(size)
	if size.Width <= 0 || size.Height <= 0 {
		// Not laid out yet: each word cut letter by letter, at each size,
		// took most of the desk's first build (issue 19).
		return
	}
	text, largest := r.b.Text, bannerTextMax
	if text == "" && !r.b.quiet {
		text, largest = r.b.idle, bannerIdleMax
	}
	pad := theme.InnerPadding()
	style := fyne.TextStyle{Bold: true}
	f := bannerFit{text: text, width: size.Width - 2*pad, height: size.Height - pad, largest: largest}
	if f.text != r.fit.text || f.width != r.fit.width || f.height != r.fit.height || f.largest != r.fit.largest {
		f.size, f.lines = fitBannerText(f.text, f.width, f.height, f.largest, style)
		r.fit = f // each layout at the same size measured each word again
	}
	textSize, words := r.fit.size, r.fit.lines
	_, ink := r.b.colours()
	for len(r.lines) < len(words) {
		r.lines = append(r.lines, canvas.NewText("", ink))
	}
	r.lines = r.lines[:len(words)]
	lineHeight := fyne.MeasureText("Ág", textSize, style).Height
	y := (size.Height - lineHeight*float32(len(words))) / 2
	for i, w := range words {
		l := r.lines[i]
		l.Text, l.TextSize, l.TextStyle, l.Color = w, textSize, style, ink
		width := fyne.MeasureText(w, textSize, style).Width
		l.Move(fyne.NewPos((size.Width-width)/2, y+float32(i)*lineHeight))
		l.Resize(fyne.NewSize(width, lineHeight))
		l.Refresh()
	}
}

// fitBannerText returns the largest type size, from largest down to
// bannerTextMin, at which text wrapped at width fits height, and its lines.
// When even the smallest does not fit, it returns that size's lines.
func fitBannerText(text string, width, height, largest float32, style fyne.TextStyle) (float32, []string) {
	for size := largest; size > bannerTextMin; size -= 2 {
		lines := wrapBannerText(text, size, width, style)
		if float32(len(lines))*fyne.MeasureText("Ág", size, style).Height <= height {
			return size, lines
		}
	}
	return bannerTextMin, wrapBannerText(text, bannerTextMin, width, style)
}

// wrapBannerText breaks text into lines no wider than width, between words,
// or inside a word too long for a line.
func wrapBannerText(text string, size, width float32, style fyne.TextStyle) []string {
	fits := func(s string) bool { return fyne.MeasureText(s, size, style).Width <= width }
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
		case fits(line + " " + word):
			line += " " + word
			continue
		default:
			lines = append(lines, line)
		}
		line = word
		for !fits(line) && len([]rune(line)) > 1 {
			cut := []rune(line)
			n := len(cut) - 1
			for n > 1 && !fits(string(cut[:n])) {
				n--
			}
			lines = append(lines, string(cut[:n]))
			line = string(cut[n:])
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}
