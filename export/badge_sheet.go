package export

import (
	"fmt"
	"strconv"
	"strings"
)

// placed is the layout with a sheet's own margins and gaps, from the badge
// settings (in mm): the first badge's top-left corner at (left, top), and
// gapX, gapY between columns and rows. A margin of 0 keeps the grid centred
// on that axis, and a gap of 0 keeps the layout's own; a one-per-page
// layout, whose page is the badge, has neither.
func (l Layout) placed(top, left, gapX, gapY float64) Layout {
	if l.Mode == OnePerPage {
		return l
	}
	if gapX > 0 {
		l.GapX = gapX
	}
	if gapY > 0 {
		l.GapY = gapY
	}
	uw, uh := l.unit()
	// The far margin is what the columns (rows) that fit leave: a centred
	// grid then starts at the near margin, exactly.
	if left > 0 {
		l.MarginLeft, l.MarginRight = left, 0
		if n := fit(l.PageW-left, uw, l.GapX); n > 0 {
			l.MarginRight = max(0, l.PageW-left-span(n, uw, l.GapX))
		}
	}
	if top > 0 {
		l.MarginTop, l.MarginBottom = top, 0
		if n := fit(l.PageH-top, uh, l.GapY); n > 0 {
			l.MarginBottom = max(0, l.PageH-top-span(n, uh, l.GapY))
		}
	}
	return l
}

// cutMarkRoom is the narrowest margin that holds a cut mark, in mm.
const cutMarkRoom = cutMarkGap + cutMarkMin

// noCutMarks lists the sides of the grid where cut marks are asked for but
// cannot be drawn, the margin being narrower than cutMarkRoom: "top",
// "bottom", "left", "right". A one-per-page layout needs no cut marks.
func (l Layout) noCutMarks() []string {
	cols, rows := l.Grid()
	if !l.CutMarks || l.Mode == OnePerPage || cols == 0 || rows == 0 {
		return nil
	}
	x0, y0 := l.origin()
	x0, y0 = x0+l.OffsetX, y0+l.OffsetY
	gw, gh := l.gridSize()
	var sides []string
	for _, s := range []struct {
		name        string
		from, limit float64
		dir         int
	}{{"top", y0, 0, -1}, {"bottom", y0 + gh, l.PageH, +1}, {"left", x0, 0, -1}, {"right", x0 + gw, l.PageW, +1}} {
		if _, _, ok := markSpan(s.from, s.dir, s.limit); !ok {
			sides = append(sides, s.name)
		}
	}
	return sides
}

// ErrCutMarksNoRoom warns that cut marks asked for cannot be drawn on some
// sides of the badges (its %s: where).
var ErrCutMarksNoRoom = &Error{Code: "cut_marks_no_room",
	EN: "Cut marks cannot be drawn %s the badges: the badges come within %s mm of the paper's edge there, which leaves no room for a mark. Cut along the badges' edges, or widen the margins if the sheet allows it.",
	FR: "Les traits de coupe ne peuvent pas être tracés %s des badges : les badges y arrivent à moins de %s mm du bord du papier, ce qui ne laisse pas de place pour un trait. Coupez le long des bords des badges, ou élargissez les marges si la feuille le permet."}

// cutMarksWarning says where cut marks cannot be drawn, or nil.
func cutMarksWarning(sides []string) *Error {
	if len(sides) == 0 {
		return nil
	}
	en := map[string]string{"top": "above", "bottom": "below", "left": "to the left of", "right": "to the right of"}
	fr := map[string]string{"top": "au-dessus", "bottom": "en dessous", "left": "à gauche", "right": "à droite"}
	var we, wf []string
	for _, s := range sides {
		we, wf = append(we, en[s]), append(wf, fr[s])
	}
	join := func(w []string, and string) string {
		if len(w) == 1 {
			return w[0]
		}
		return strings.Join(w[:len(w)-1], ", ") + " " + and + " " + w[len(w)-1]
	}
	where, ou := join(we, "and"), join(wf, "et")
	if len(sides) == 4 {
		where, ou = "around", "autour"
	}
	return ErrCutMarksNoRoom.withWords([2]string{where, ou}, cutMarkRoom)
}

// ErrDuplexRollIgnored warns that a roll's saved duplex setting is not
// followed.
var ErrDuplexRollIgnored = &Error{Code: "duplex_roll_ignored",
	EN: "A roll of labels prints on one side only: the badges are printed without the programme on the back. Choose a sheet layout to print the programme.",
	FR: "Un rouleau d'étiquettes s'imprime d'un seul côté : les badges sont imprimés sans le programme au verso. Choisissez une disposition en feuilles pour imprimer le programme."}

// ErrStartInvalid refuses a first label that is not on the sheet.
var ErrStartInvalid = &Error{Code: "badges_start_invalid",
	EN: "A sheet of this layout has %d labels: the first badge goes on label 1 to %d, not %s.",
	FR: "Une feuille de cette disposition a %d étiquettes : le premier badge va sur l'étiquette 1 à %d, pas %s."}

// errStartOnePerPage is ErrStartInvalid (same code) for a layout of one
// badge per page (a roll of labels, a card printer), which has no first
// label to choose: "has 1 labels … label 1 to 1" said it badly.
var errStartOnePerPage = &Error{Code: ErrStartInvalid.Code,
	EN: "This layout prints one badge per page: there is no first label to choose (%s); leave the first label at 1.",
	FR: "Cette disposition imprime un badge par page : il n'y a pas de première étiquette à choisir (%s) ; laissez la première étiquette à 1."}

// PrintLayout is the layout as the badges are printed: the options'
// layout with the settings' margins, gaps, cut marks, duplex and printer
// offset. Its Duplex says whether to ask the printer for both sides.
func (o BadgeOptions) PrintLayout() Layout { return o.layout() }

// skip is how many labels of the first sheet are left empty (already used).
func (o BadgeOptions) skip() int { return max(o.Start, 1) - 1 }

// check refuses settings out of range (data.BadgeSettings.Validate), a
// layout that cannot be printed, and a first label not on l's sheet; l is
// o.layout().
func (o BadgeOptions) check(l Layout) error {
	if err := o.Settings.Validate(); err != nil {
		return err
	}
	if err := l.Validate(); err != nil {
		return err
	}
	return o.checkStartOn(l, 0)
}

// CheckStart refuses a first label a person typed that is not on the
// sheet: below 1 (0 is refused too, where the options take it for 1) or
// past its last label.
func (o BadgeOptions) CheckStart() error { return o.checkStartOn(o.layout(), 1) }

func (o BadgeOptions) checkStartOn(l Layout, lowest int) error {
	if per := l.PerPage(); o.Start < lowest || o.Start > max(per, 1) {
		if per <= 1 {
			return errStartOnePerPage.with(strconv.Itoa(o.Start))
		}
		return ErrStartInvalid.with(per, per, strconv.Itoa(o.Start))
	}
	return nil
}

// Warnings are what the badges print differently from what the settings
// ask, for the window and the command line to say before printing: cut
// marks without room, duplex on a roll of labels.
func (o BadgeOptions) Warnings() []*Error {
	l := o.layout()
	var out []*Error
	if o.Settings.Duplex && o.Layout.Roll {
		out = append(out, ErrDuplexRollIgnored.with())
	}
	if w := cutMarksWarning(l.noCutMarks()); w != nil {
		out = append(out, w)
	}
	return out
}

// withWords is with for a template whose first verb is a phrase given in
// each language: words[0] in English, words[1] in French.
func (e *Error) withWords(words [2]string, args ...any) *Error {
	return &Error{
		Code: e.Code,
		EN:   fmt.Sprintf(e.EN, append([]any{words[0]}, localise(args, ".")...)...),
		FR:   fmt.Sprintf(e.FR, append([]any{words[1]}, localise(args, ",")...)...),
	}
}
