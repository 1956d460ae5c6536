package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Paper sizes, in millimetres (portrait).
const (
	a4W, a4H         = 210.0, 297.0
	letterW, letterH = 215.9, 279.4
	inch             = 25.4
)

// eps absorbs floating-point noise when comparing lengths in millimetres.
const eps = 1e-6

// Mode says how badges are placed on pages.
type Mode int

const (
	// Sheet places as many badges as fit on each page, in a grid, like a
	// sheet of labels.
	Sheet Mode = iota
	// OnePerPage places a single badge on each page, for card and label
	// printers whose page is the badge itself.
	OnePerPage
	// FoldOver places front and back side by side on the same page: the
	// badge is cut out around both and folded along the line between them,
	// the back going behind the front. Each grid cell is then two badges
	// wide.
	FoldOver
)

// Flip says how a duplex printer turns the sheet over to print its back.
type Flip int

const (
	// LongEdge: the sheet turns over around its long edge, like the pages of
	// a book printed in portrait. Printers call it "flip on long edge"; it is
	// their usual default.
	LongEdge Flip = iota
	// ShortEdge: the sheet turns over around its short edge, like a wall
	// calendar printed in portrait.
	ShortEdge
)

// Box is a rectangle on a page, in millimetres from the page's top-left
// corner.
type Box struct{ X, Y, W, H float64 }

// Right is the x of the box's right edge.
func (b Box) Right() float64 { return b.X + b.W }

// Bottom is the y of the box's bottom edge.
func (b Box) Bottom() float64 { return b.Y + b.H }

// Centre is the box's centre.
func (b Box) Centre() (x, y float64) { return b.X + b.W/2, b.Y + b.H/2 }

// Overlaps reports whether the interiors of b and o meet (boxes that only
// touch along an edge do not overlap).
func (b Box) Overlaps(o Box) bool {
	return b.X < o.Right()-eps && o.X < b.Right()-eps &&
		b.Y < o.Bottom()-eps && o.Y < b.Bottom()-eps
}

// Within reports whether b lies entirely inside a page of w × h mm.
func (b Box) Within(w, h float64) bool {
	return b.X >= -eps && b.Y >= -eps && b.Right() <= w+eps && b.Bottom() <= h+eps
}

func (b Box) shift(dx, dy float64) Box { return Box{b.X + dx, b.Y + dy, b.W, b.H} }

// Line is a straight line from (X1, Y1) to (X2, Y2), in millimetres.
type Line struct{ X1, Y1, X2, Y2 float64 }

// Layout is the geometry of badges on paper. Its zero value is not usable:
// start from a preset (Presets, LayoutByName) or fill in the sizes and call
// Validate.
type Layout struct {
	Name    string // stable identifier, for settings and the command line: "a4-85x54"
	LabelEN string // what a person chooses from, in English
	LabelFR string // and in French

	PageW, PageH   float64 // the page
	BadgeW, BadgeH float64 // one badge (one face of a fold-over badge)

	// Margins keep the grid away from the page's edges. When Centred is
	// set they are minimums: the grid is centred in the area inside them,
	// which is the page's centre whenever opposite margins are equal.
	// Otherwise the grid starts at (MarginLeft, MarginTop) and the right
	// and bottom margins only limit how many columns and rows fit.
	MarginTop, MarginLeft, MarginRight, MarginBottom float64
	Centred                                          bool

	GapX, GapY float64 // space between columns, between rows

	Mode   Mode
	Duplex bool // a back page follows each page, with each person's programme
	Flip   Flip // how the printer turns the sheet for the back (Duplex only)

	CutMarks bool // short lines in the margins to guide the guillotine

	// Roll: the layout prints on a roll of labels, one after the other. A
	// roll has no back to print (duplex would put each back label between
	// two fronts).
	Roll bool

	// A printer offset moves everything printed by (OffsetX, OffsetY) mm,
	// to correct a printer that prints off-centre. It applies to the back
	// page too, in that page's own coordinates, since the same printer
	// prints it.
	OffsetX, OffsetY float64
}

// Label is the layout's name for people, in the given language ("fr" or
// "en"; anything else gets English).
func (l Layout) Label(lang string) string {
	switch {
	case lang == "fr" && l.LabelFR != "":
		return l.LabelFR
	case l.LabelEN != "":
		return l.LabelEN
	}
	return l.Name
}

// unit is the size of one grid cell: a badge, or a front and back side by
// side for a fold-over badge.
func (l Layout) unit() (w, h float64) {
	if l.Mode == FoldOver {
		return 2 * l.BadgeW, l.BadgeH
	}
	return l.BadgeW, l.BadgeH
}

// usable is the size of the area inside the margins.
func (l Layout) usable() (w, h float64) {
	return l.PageW - l.MarginLeft - l.MarginRight, l.PageH - l.MarginTop - l.MarginBottom
}

// fit is how many cells of size, separated by gap, fit in length.
func fit(length, size, gap float64) int {
	if size <= 0 || length < size-eps {
		return 0
	}
	return int(math.Floor((length+gap)/(size+gap) + eps))
}

// Grid is the number of columns and rows of badges on each page.
func (l Layout) Grid() (cols, rows int) {
	uw, uh := l.unit()
	aw, ah := l.usable()
	cols, rows = fit(aw, uw, l.GapX), fit(ah, uh, l.GapY)
	if l.Mode == OnePerPage {
		cols, rows = min(cols, 1), min(rows, 1)
	}
	return cols, rows
}

// PerPage is the number of badges on each page (0 for a layout where none
// fits).
func (l Layout) PerPage() int {
	cols, rows := l.Grid()
	return cols * rows
}

// Page is the page (counted from 0) on which badge i is printed. With
// Duplex, each page is followed by its back, which the PDF writer numbers.
func (l Layout) Page(i int) int {
	n := l.PerPage()
	if n == 0 {
		return 0
	}
	return i / n
}

// gridSize is the size of the whole grid of cells.
func (l Layout) gridSize() (w, h float64) {
	cols, rows := l.Grid()
	uw, uh := l.unit()
	return span(cols, uw, l.GapX), span(rows, uh, l.GapY)
}

func span(n int, size, gap float64) float64 {
	if n == 0 {
		return 0
	}
	return float64(n)*size + float64(n-1)*gap
}

// origin is the top-left corner of the grid, before the printer offset.
func (l Layout) origin() (x, y float64) {
	x, y = l.MarginLeft, l.MarginTop
	if l.Centred {
		gw, gh := l.gridSize()
		aw, ah := l.usable()
		x += (aw - gw) / 2
		y += (ah - gh) / 2
	}
	return x, y
}

// cell is the k-th grid cell of a page (row-major), before the printer
// offset.
func (l Layout) cell(k int) Box {
	cols, _ := l.Grid()
	if cols == 0 {
		return Box{}
	}
	x, y := l.origin()
	uw, uh := l.unit()
	col, row := k%cols, k/cols
	return Box{x + float64(col)*(uw+l.GapX), y + float64(row)*(uh+l.GapY), uw, uh}
}

// Slot is the rectangle of badge i (counted from 0, over all pages) on its
// page: row-major, printer offset applied. For a fold-over badge it is the
// piece cut out of the sheet, front and back together; see FrontBox and
// BackBox. Slot is meaningful only on a layout that validates.
func (l Layout) Slot(i int) Box {
	n := l.PerPage()
	if n == 0 {
		return Box{}
	}
	return l.cell(i%n).shift(l.OffsetX, l.OffsetY)
}

// FrontBox is where the front of badge i is drawn, on page Page(i): its slot,
// or the slot's left half for a fold-over badge.
func (l Layout) FrontBox(i int) Box {
	b := l.Slot(i)
	if l.Mode == FoldOver {
		b.W = l.BadgeW
	}
	return b
}

// BackBox is where the back of fold-over badge i is drawn, on the same page as
// its front: the slot's right half. Folded backwards along FoldLine, it reads
// upright when the badge is turned around. For other modes it is the zero Box:
// a duplex back goes to BackSlot, on the back page.
func (l Layout) BackBox(i int) Box {
	if l.Mode != FoldOver {
		return Box{}
	}
	b := l.Slot(i)
	b.X += l.BadgeW
	b.W = l.BadgeW
	return b
}

// FoldLine is the line along which fold-over badge i is folded, between its
// front and its back. For other modes it is the zero Line.
func (l Layout) FoldLine(i int) Line {
	if l.Mode != FoldOver {
		return Line{}
	}
	b := l.Slot(i)
	x := b.X + l.BadgeW
	return Line{x, b.Y, x, b.Bottom()}
}

// mirrorsX reports whether turning the sheet over mirrors it left to right
// (it turns around a vertical axis) rather than top to bottom. The long edge
// of a portrait page (or a square one) is vertical, that of a landscape page
// horizontal.
func (l Layout) mirrorsX() bool {
	portrait := l.PageH >= l.PageW
	return (l.Flip == LongEdge) == portrait
}

// BackSlot is where the back of badge i goes on the back of its page, so that
// it lands behind its front once the sheet is printed duplex and turned over
// as l.Flip says. Turning around a vertical axis (LongEdge on a portrait page)
// mirrors the columns: the back of the left badge is on the right. Turning
// around a horizontal axis mirrors the rows instead. The printer offset is
// applied in the back page's own coordinates.
func (l Layout) BackSlot(i int) Box {
	n := l.PerPage()
	if n == 0 {
		return Box{}
	}
	b := l.cell(i % n)
	if l.mirrorsX() {
		b.X = l.PageW - b.Right()
	} else {
		b.Y = l.PageH - b.Bottom()
	}
	return b.shift(l.OffsetX, l.OffsetY)
}

// BackRotated reports whether the back of a duplex badge must be drawn
// upside down (rotated 180° in its BackSlot). A hanging badge is turned around
// its vertical axis; when the sheet itself turns around a horizontal axis
// (ShortEdge on a portrait page), content drawn upright on the back page would
// then read upside down.
func (l Layout) BackRotated() bool {
	return l.Duplex && !l.mirrorsX()
}

// Cut marks start this far from the grid and are at most this long; a margin
// too narrow for a mark of the minimum length gets none.
const (
	cutMarkGap = 2.0
	cutMarkLen = 5.0
	cutMarkMin = 2.0
)

// CutMarkLines are the cut marks of every page (the grid is the same on all of
// them), when l.CutMarks is set: a short line in the margins facing each
// edge of the grid's columns and rows, never inside the grid, so never across
// a badge. A fold-over badge's fold is not cut and gets no mark. Margins too
// narrow for a mark get none; a one-per-page layout needs none.
func (l Layout) CutMarkLines() []Line {
	cols, rows := l.Grid()
	if !l.CutMarks || l.Mode == OnePerPage || cols == 0 || rows == 0 {
		return nil
	}
	x0, y0 := l.origin()
	x0, y0 = x0+l.OffsetX, y0+l.OffsetY
	gw, gh := l.gridSize()
	uw, uh := l.unit()
	var lines []Line
	for _, x := range edges(x0, cols, uw, l.GapX) {
		if a, b, ok := markSpan(y0, -1, 0); ok { // above the grid
			lines = append(lines, Line{x, a, x, b})
		}
		if a, b, ok := markSpan(y0+gh, +1, l.PageH); ok { // below
			lines = append(lines, Line{x, a, x, b})
		}
	}
	for _, y := range edges(y0, rows, uh, l.GapY) {
		if a, b, ok := markSpan(x0, -1, 0); ok { // left of the grid
			lines = append(lines, Line{a, y, b, y})
		}
		if a, b, ok := markSpan(x0+gw, +1, l.PageW); ok { // right
			lines = append(lines, Line{a, y, b, y})
		}
	}
	return lines
}

// edges are the distinct coordinates of the edges of n cells of size
// separated by gap, starting at start.
func edges(start float64, n int, size, gap float64) []float64 {
	var out []float64
	for k := range n {
		a := start + float64(k)*(size+gap)
		for _, e := range []float64{a, a + size} {
			if len(out) == 0 || e-out[len(out)-1] > eps {
				out = append(out, e)
			}
		}
	}
	return out
}

// markSpan is where a cut mark goes between the grid's edge at from and the
// page's edge at limit, in direction dir (-1 or +1): it leaves cutMarkGap
// next to the grid and stays on the page.
func markSpan(from float64, dir int, limit float64) (a, b float64, ok bool) {
	room := math.Abs(limit-from) - cutMarkGap
	if room < cutMarkMin-eps {
		return 0, 0, false
	}
	d := float64(dir)
	return from + d*cutMarkGap, from + d*(cutMarkGap+min(cutMarkLen, room)), true
}

// Validate refuses a layout that cannot be printed: sizes that are not
// positive, negative margins or gaps, a badge that does not fit, a printer
// offset that pushes badges off the page, a fold-over badge printed duplex.
func (l Layout) Validate() error {
	switch {
	case l.PageW <= 0 || l.PageH <= 0 || l.BadgeW <= 0 || l.BadgeH <= 0:
		return ErrSizeNotPositive.with(l.PageW, l.PageH, l.BadgeW, l.BadgeH)
	case l.MarginTop < 0 || l.MarginLeft < 0 || l.MarginRight < 0 || l.MarginBottom < 0 ||
		l.GapX < 0 || l.GapY < 0:
		return ErrMarginNegative.with()
	case l.Mode < Sheet || l.Mode > FoldOver || l.Flip < LongEdge || l.Flip > ShortEdge:
		return ErrLayoutMode.with()
	case l.Mode == FoldOver && l.Duplex:
		return ErrFoldDuplex.with()
	case l.Roll && l.Duplex:
		return ErrRollDuplex.with()
	}
	uw, uh := l.unit()
	if uw > l.PageW+eps || uh > l.PageH+eps {
		return ErrBadgeTooBig.with(uw, uh, l.PageW, l.PageH)
	}
	if cols, rows := l.Grid(); cols == 0 || rows == 0 {
		aw, ah := l.usable()
		return ErrNoRoom.with(uw, uh, max(aw, 0), max(ah, 0))
	}
	gw, gh := l.gridSize()
	x, y := l.origin()
	grid := Box{x, y, gw, gh}
	front := grid.shift(l.OffsetX, l.OffsetY)
	back := Box{l.PageW - grid.Right(), y, gw, gh}
	if !l.mirrorsX() {
		back = Box{x, l.PageH - grid.Bottom(), gw, gh}
	}
	back = back.shift(l.OffsetX, l.OffsetY)
	if !front.Within(l.PageW, l.PageH) || (l.Duplex && !back.Within(l.PageW, l.PageH)) {
		return ErrOffsetOffPage.with(l.OffsetX, l.OffsetY)
	}
	return nil
}

// Error is an error a person can read, in English and in French. Templates
// are package variables (ErrBadgeTooBig…); errors.Is matches any error built
// from a template by its Code.
type Error struct {
	Code string // stable identifier: "badge_too_big"
	EN   string
	FR   string
}

// Error returns the English sentence.
func (e *Error) Error() string { return e.EN }

// Message returns the sentence in the given language ("fr" or "en"; anything
// else gets English).
func (e *Error) Message(lang string) string {
	if lang == "fr" {
		return e.FR
	}
	return e.EN
}

// Is makes errors.Is(err, ErrBadgeTooBig) true for any error of that code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// with fills the template's verbs in each language. Lengths (float64) are
// written in millimetres the way each language writes decimals: 85.6, 85,6.
func (e *Error) with(args ...any) *Error {
	return &Error{
		Code: e.Code,
		EN:   fmt.Sprintf(e.EN, localise(args, ".")...),
		FR:   fmt.Sprintf(e.FR, localise(args, ",")...),
	}
}

func localise(args []any, point string) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if f, ok := a.(float64); ok {
			a = strings.Replace(strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64), ".", point, 1)
		}
		out[i] = a
	}
	return out
}

// The reasons a layout is refused.
var (
	ErrSizeNotPositive = &Error{Code: "layout_size",
		EN: "The page (%s × %s mm) and the badge (%s × %s mm) need a width and a height greater than zero.",
		FR: "La page (%s × %s mm) et le badge (%s × %s mm) doivent avoir une largeur et une hauteur supérieures à zéro."}
	ErrMarginNegative = &Error{Code: "layout_margin_negative",
		EN: "Margins and gaps between badges cannot be negative.",
		FR: "Les marges et les espaces entre badges ne peuvent pas être négatifs."}
	ErrLayoutMode = &Error{Code: "layout_mode",
		EN: "Unknown way of placing badges or of turning the sheet over.",
		FR: "Disposition des badges ou retournement de la feuille inconnu."}
	ErrFoldDuplex = &Error{Code: "layout_fold_duplex",
		EN: "A fold-over badge already has its back on the same page: print it single-sided.",
		FR: "Un badge à plier a déjà son verso sur la même page : imprimez-le en recto seul."}
	ErrRollDuplex = &Error{Code: "layout_roll_duplex",
		EN: "A roll of labels prints on one side only: with the programme on the back, each back label would come out between two fronts. Choose a sheet layout to print the programme.",
		FR: "Un rouleau d'étiquettes s'imprime d'un seul côté : avec le programme au verso, chaque étiquette de verso sortirait entre deux rectos. Choisissez une disposition en feuilles pour imprimer le programme."}
	ErrBadgeTooBig = &Error{Code: "badge_too_big",
		EN: "A badge of %s × %s mm does not fit on a page of %s × %s mm.",
		FR: "Un badge de %s × %s mm ne tient pas sur une page de %s × %s mm."}
	ErrNoRoom = &Error{Code: "layout_no_room",
		EN: "No badge of %s × %s mm fits inside the margins (%s × %s mm left on the page): reduce the margins.",
		FR: "Aucun badge de %s × %s mm ne tient entre les marges (il reste %s × %s mm sur la page) : réduisez les marges."}
	ErrOffsetOffPage = &Error{Code: "layout_offset_off_page",
		EN: "With a printer offset of %s mm across and %s mm down, badges would be cut off at the edge of the page: reduce the offset or widen the margins.",
		FR: "Avec un décalage d'impression de %s mm en largeur et %s mm en hauteur, des badges sortiraient de la page : réduisez le décalage ou élargissez les marges."}
	ErrUnknownLayout = &Error{Code: "layout_unknown",
		EN: "There is no badge layout named “%s”. Layouts: %s.",
		FR: "Il n'y a pas de disposition de badges nommée «%s». Dispositions : %s."}
)

// Presets are the layouts Congrès knows, in the order they are offered. Each
// call returns a new slice.
//
// Sheets have no margins and no gaps, their grid centred on the page: badge
// inserts and card sheets come perforated edge to edge, and a guillotine cuts
// each grid line once. Notes:
//   - a4-90x54 follows DURABLE 1455 inserts, sold 10 to an A4 sheet; the sheet's
//     exact margins could not be checked here, so the 2×5 grid is centred.
//   - a4-a7 turns A7 (74×105 mm) sideways: 8 fit an A4 only as 105×74 mm.
//   - fold-a4-a6 prints two A6 badges (105×148 mm) per A4, each as front and
//     back side by side (210×148 mm, one above the other), to be cut across the
//     middle of the sheet and folded along the vertical line between the faces.
//     Folding at the side rather than the top keeps the back upright without
//     drawing it upside down, and needs no A5 paper.
//   - Sheets whose grid reaches the paper's edge (a4-a6, a4-a7, fold-a4-a6)
//     lose a few millimetres to printers that cannot print there: a badge's
//     design keeps its text away from its edges.
func Presets() []Layout {
	sheet := func(name, en, fr string, pw, ph, bw, bh float64) Layout {
		return Layout{Name: name, LabelEN: en, LabelFR: fr,
			PageW: pw, PageH: ph, BadgeW: bw, BadgeH: bh, Centred: true, Mode: Sheet}
	}
	single := func(name, en, fr string, bw, bh float64) Layout {
		return Layout{Name: name, LabelEN: en, LabelFR: fr,
			PageW: bw, PageH: bh, BadgeW: bw, BadgeH: bh, Centred: true, Mode: OnePerPage}
	}
	roll := func(name, en, fr string, bw, bh float64) Layout {
		l := single(name, en, fr, bw, bh)
		l.Roll = true
		return l
	}
	fold := sheet("fold-a4-a6",
		"A4 — 2 fold-over badges A6 105×148 mm, front and back side by side",
		"A4 — 2 badges A6 105×148 mm à plier, recto et verso côte à côte",
		a4W, a4H, 105, 148)
	fold.Mode = FoldOver
	return []Layout{
		sheet("a4-85x54",
			"A4 — 10 badges 85×54 mm, card size (2×5)",
			"A4 — 10 badges 85×54 mm, format carte (2×5)",
			a4W, a4H, 85, 54),
		sheet("a4-90x54",
			"A4 — 10 inserts 90×54 mm, DURABLE 1455 (2×5)",
			"A4 — 10 étiquettes à insérer 90×54 mm, DURABLE 1455 (2×5)",
			a4W, a4H, 90, 54),
		sheet("a4-90x60",
			"A4 — 8 badges 90×60 mm (2×4)",
			"A4 — 8 badges 90×60 mm (2×4)",
			a4W, a4H, 90, 60),
		sheet("a4-a6",
			"A4 — 4 badges A6 105×148 mm (2×2)",
			"A4 — 4 badges A6 105×148 mm (2×2)",
			a4W, a4H, 105, 148),
		sheet("a4-a7",
			"A4 — 8 badges A7 105×74 mm (2×4)",
			"A4 — 8 badges A7 105×74 mm (2×4)",
			a4W, a4H, 105, 74),
		sheet("letter-4x3in",
			"US Letter — 6 badges 4×3 in (2×3)",
			"US Letter — 6 badges 4×3 pouces (2×3)",
			letterW, letterH, 4*inch, 3*inch),
		single("card-85.6x54",
			"Card printer — one card 85.6×54 mm per page",
			"Imprimante à cartes — une carte 85,6×54 mm par page",
			85.6, 54),
		roll("label-62x100",
			"Label printer, 62 mm roll — one label 62×100 mm per page",
			"Imprimante d'étiquettes, rouleau de 62 mm — une étiquette 62×100 mm par page",
			62, 100),
		roll("label-4x3in",
			"Label printer — one label 4×3 in per page",
			"Imprimante d'étiquettes — une étiquette 4×3 pouces par page",
			4*inch, 3*inch),
		fold,
	}
}

// LayoutByName returns the preset called name.
func LayoutByName(name string) (Layout, error) {
	presets := Presets()
	names := make([]string, len(presets))
	for i, l := range presets {
		if l.Name == name {
			return l, nil
		}
		names[i] = l.Name
	}
	return Layout{}, ErrUnknownLayout.with(name, strings.Join(names, ", "))
}
