package export

import (
	"fmt"
	"math"
	"strings"

	"congres/data"
)

// The fields of a badge, as its measured boxes name them.
const (
	fieldLogo      = "logo"
	fieldCongress  = "congress"
	fieldDates     = "dates"
	fieldFirstName = "first_name"
	fieldLastName  = "last_name"
	fieldOrg       = "organisation"
	fieldJobTitle  = "job_title"
	fieldBand      = "category"
	fieldStand     = "stand"
	fieldQR        = "qr"
	fieldBackTitle = "back_title"
	fieldBackItem  = "back_item"
)

// rgb is a colour to fill or write with.
type rgb struct{ R, G, B uint8 }

var (
	black     = rgb{0, 0, 0}
	white     = rgb{255, 255, 255}
	grey      = rgb{90, 90, 90}
	lightGrey = rgb{190, 190, 190}
)

// parseColour reads #RRGGBB; anything else is a neutral grey, so that a
// badge is never refused for its category's colour.
func parseColour(s string) rgb {
	var c rgb
	if len(s) == 7 && s[0] == '#' {
		if _, err := fmt.Sscanf(s[1:], "%02x%02x%02x", &c.R, &c.G, &c.B); err == nil {
			return c
		}
	}
	return rgb{128, 128, 128}
}

// DarkTextOn reports whether black text reads better than white on the
// colour #RRGGBB, as the badge's category band chooses it.
func DarkTextOn(colour string) bool { return contrastText(parseColour(colour)) == black }

// contrastText is black or white, whichever contrasts more with bg by the
// WCAG contrast ratio.
func contrastText(bg rgb) rgb {
	lin := func(v uint8) float64 {
		c := float64(v) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	l := 0.2126*lin(bg.R) + 0.7152*lin(bg.G) + 0.0722*lin(bg.B)
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return black
	}
	return white
}

// placedText is one field's text, fitted in its box.
type placedText struct {
	field  string
	box    Box
	fit    fitted
	align  byte
	colour rgb
}

// placedFill is a filled rectangle.
type placedFill struct {
	box    Box
	colour rgb
}

// badgeSide is one face of a badge, laid out: what to draw where. The PDF
// writer and the on-screen preview draw the same badgeSide, and the tests
// check its boxes.
type badgeSide struct {
	box   Box
	fills []placedFill
	texts []placedText
	qr    *qrCode
	qrBox Box // the whole symbol, quiet zone included
	logo  Box // zero when there is no logo
}

// design lays out badges: one per congress and settings, reused for every
// person.
type design struct {
	congress string
	dates    string // "19e congrès · Lille · 25–26 novembre 2021"
	logo     *logo
	show     data.BadgeSettings
	lang     string
	// encode makes a QR code: encodeQR, or a lookup of codes encoded ahead
	// on another core (prefetchQR).
	encode func(code string) (qrCode, error)
}

func newDesign(c data.Congress, lg *logo, show data.BadgeSettings, lang string) *design {
	var parts []string
	for _, p := range []string{c.Edition, c.City, dateRange(c.Days, lang)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return &design{congress: c.Name, dates: strings.Join(parts, " · "), logo: lg, show: show, lang: lang, encode: encodeQR}
}

func (d *design) tr(en, fr string) string {
	if d.lang == "fr" {
		return fr
	}
	return en
}

func clamp(v, lo, hi float64) float64 { return max(lo, min(v, hi)) }

// inset shrinks b by m on every side.
func (b Box) inset(m float64) Box { return Box{b.X + m, b.Y + m, b.W - 2*m, b.H - 2*m} }

// add fits s in box and records it; empty text records nothing.
func (s *badgeSide) add(field, text string, box Box, st textStyle, c rgb) {
	if strings.TrimSpace(text) == "" || box.W <= 0 || box.H <= 0 {
		return
	}
	s.texts = append(s.texts, placedText{field: field, box: box, fit: fitText(text, box, st), align: st.Align, colour: c})
}

// front lays out the front of r's badge in b.
//
// Top: the logo and the congress's name and dates. Bottom: a band across the
// whole badge in the category's colour with its label (and the stand number
// of an exhibitor). Between them the person, first name largest, and the QR
// code: beside the names on a landscape badge, under them on a portrait one.
// Each text has its own box, stacked without overlap; fitText keeps every
// line inside its box.
func (d *design) front(b Box, r *data.BadgeRow) badgeSide {
	side := badgeSide{box: b}
	pad := clamp(min(b.W, b.H)*0.06, 2.5, 6)
	in := b.inset(pad)
	gap := clamp(b.H*0.03, 1, 3)
	top, bottom := in.Y, in.Bottom()

	// Header.
	showLogo := d.show.Logo && d.logo != nil
	showCongress := d.show.Congress && (d.congress != "" || d.dates != "")
	if showLogo || showCongress {
		hh := clamp(b.H*0.15, 6, 16)
		x := in.X
		if showLogo {
			w := min(hh*d.logo.ratio, in.W*0.4)
			h := w / d.logo.ratio
			side.logo = Box{in.X, in.Y + (hh-h)/2, w, h}
			x += w + 2
		}
		if showCongress && in.Right()-x > 5 {
			tw := in.Right() - x
			side.add(fieldCongress, d.congress, Box{x, in.Y, tw, hh * 0.55},
				textStyle{Bold: true, MaxSize: 14, MinSize: 4.5, MaxLines: 1, Align: 'L'}, grey)
			side.add(fieldDates, d.dates, Box{x, in.Y + hh*0.55, tw, hh * 0.45},
				textStyle{MaxSize: 11, MinSize: 4.5, MaxLines: 1, Align: 'L'}, grey)
		}
		top += hh + gap
	}

	// Band, edge to edge: a coloured band reads from across the room.
	stand := ""
	if d.show.Stand && len(r.Stands) > 0 {
		stand = d.tr("Stand ", "Stand ") + strings.Join(r.Stands, ", ")
	}
	if d.show.Category && (r.Category != "" || stand != "") {
		bh := clamp(b.H*0.17, 7, 22)
		band := Box{b.X, b.Bottom() - bh, b.W, bh}
		bg := parseColour(r.CategoryColour)
		fg := contrastText(bg)
		side.fills = append(side.fills, placedFill{band, bg})
		text := Box{in.X, band.Y + bh*0.12, in.W, bh * 0.76}
		if stand != "" {
			sw := text.W * 0.34
			side.add(fieldStand, stand, Box{text.Right() - sw, text.Y, sw, text.H},
				textStyle{Bold: true, MaxSize: 12, MinSize: 5, MaxLines: 1, Align: 'R'}, fg)
			text.W -= sw + 2
		}
		side.add(fieldBand, r.Category, text,
			textStyle{Bold: true, MaxSize: 16, MinSize: 5, MaxLines: 1, Align: 'L'}, fg)
		bottom = band.Y - gap
	}

	// The person and the QR code.
	mid := Box{in.X, top, in.W, bottom - top}
	names := mid
	align := byte('L')
	if d.show.QR && mid.H > 8 {
		code, err := d.encode(r.Code)
		if err == nil {
			if b.W >= b.H*1.15 { // landscape: code on the right
				q := min(mid.H, in.W*0.36)
				side.qrBox = Box{mid.Right() - q, mid.Y + (mid.H-q)/2, q, q}
				names.W -= q + 2
			} else { // portrait: code under the names
				q := min(mid.H*0.42, in.W*0.6)
				side.qrBox = Box{mid.X + (mid.W-q)/2, mid.Bottom() - q, q, q}
				names.H -= q + gap
				align = 'C'
			}
			side.qr = &code
		}
	}
	if b.W < b.H*1.15 {
		align = 'C'
	}
	type line struct {
		field, text string
		weight      float64
		st          textStyle
	}
	lines := []line{
		{fieldFirstName, r.FirstName, 3.2, textStyle{Bold: true, MaxSize: 44, MinSize: 7, MaxLines: 2}},
		{fieldLastName, r.LastName, 2.6, textStyle{Bold: true, MaxSize: 30, MinSize: 6, MaxLines: 2}},
	}
	if d.show.Organisation {
		lines = append(lines, line{fieldOrg, r.Organisation, 2.0, textStyle{MaxSize: 16, MinSize: 6, MaxLines: 2}})
	}
	if d.show.JobTitle {
		lines = append(lines, line{fieldJobTitle, r.JobTitle, 1.4, textStyle{MaxSize: 12, MinSize: 5, MaxLines: 1}})
	}
	if stand != "" && !d.show.Category {
		lines = append(lines, line{fieldStand, stand, 1.4, textStyle{Bold: true, MaxSize: 10, MinSize: 5, MaxLines: 1}})
	}
	total := 0.0
	kept := lines[:0]
	for _, l := range lines {
		if strings.TrimSpace(l.text) != "" {
			kept = append(kept, l)
			total += l.weight
		}
	}
	y := names.Y
	for _, l := range kept {
		h := names.H * l.weight / total
		l.st.Align = align
		side.add(l.field, l.text, Box{names.X, y, names.W, h}, l.st, black)
		y += h
	}
	return side
}

// back lays out the back of r's badge in b: the person's name and their own
// programme, one line per session with its day, time and room. When the
// programme is longer than the badge, the last line says how many sessions
// were left out.
func (d *design) back(b Box, r *data.BadgeRow) badgeSide {
	side := badgeSide{box: b}
	pad := clamp(min(b.W, b.H)*0.06, 2.5, 6)
	in := b.inset(pad)
	title := strings.TrimSpace(r.FirstName + " " + r.LastName)
	th := clamp(b.H*0.13, 5, 12)
	side.add(fieldBackTitle, d.tr("Programme", "Programme")+" — "+title, Box{in.X, in.Y, in.W, th},
		textStyle{Bold: true, MaxSize: 11, MinSize: 6, MaxLines: 2, Align: 'L'}, black)
	side.fills = append(side.fills, placedFill{Box{in.X, in.Y + th + 0.3, in.W, 0.3}, lightGrey})
	area := Box{in.X, in.Y + th + 1.5, in.W, in.H - th - 1.5}
	items := r.Programme
	if len(items) == 0 {
		side.add(fieldBackItem, d.tr("No workshop or plenary on your programme yet.",
			"Aucun atelier ni plénière à votre programme pour l'instant."),
			Box{area.X, area.Y, area.W, min(area.H, 6)}, textStyle{MaxSize: 8, MinSize: 5, MaxLines: 2, Align: 'L'}, grey)
		return side
	}
	const minLine, maxLine = 3.2, 10.0 // mm per programme line
	n := len(items)
	fits := int(area.H / minLine)
	more := 0
	if n > fits {
		n = max(fits-1, 0)
		more = len(items) - n
	}
	lh := clamp(area.H/float64(n+min(more, 1)), minLine, maxLine)
	whenW := area.W * 0.38
	type progLine struct {
		text   string
		box    Box
		st     textStyle
		colour rgb
	}
	var lines []progLine
	y := area.Y
	for _, it := range items[:n] {
		when := fmt.Sprintf("%s %s–%s", dayShort(it.Day, d.lang), it.Start, it.End)
		what := it.Title
		if it.Room != "" {
			what += " · " + it.Room
		}
		lines = append(lines,
			progLine{when, Box{area.X, y, whenW, lh}, textStyle{MaxLines: 1}, grey},
			progLine{what, Box{area.X + whenW + 1, y, area.W - whenW - 1, lh},
				textStyle{Bold: it.Kind == data.KindPlenary, MaxLines: 2}, black})
		y += lh
	}
	if more > 0 {
		lines = append(lines, progLine{fmt.Sprintf(d.tr("… and %d more", "… et %d de plus"), more),
			Box{area.X, y, area.W, lh}, textStyle{MaxLines: 1}, grey})
	}
	// One size for the whole programme: the largest at which every line
	// fits (wrapped if need be), but not below programmeMin, where the
	// lines that still do not fit are cut short.
	size := programmeMax
	for _, l := range lines {
		st := l.st
		st.MaxSize, st.MinSize = programmeMax, programmeMin
		size = min(size, fitText(l.text, l.box, st).Size)
	}
	size = max(size, programmeMin)
	for _, l := range lines {
		l.st.MaxSize, l.st.MinSize, l.st.Align = size, size, 'L'
		side.add(fieldBackItem, l.text, l.box, l.st, l.colour)
	}
	return side
}

// The programme on a badge's back is set in one size between these, in
// points.
const programmeMax, programmeMin = 9.0, 6.0
