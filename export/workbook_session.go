package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"congres/data"

	"github.com/xuri/excelize/v2"
)

// A session's sheet of the attendance workbook says what its PDF sign-in
// sheet says (signin.go): the title; the kind, date, time slot and place;
// the speakers and facilitators from the programme; then the people, and
// below them a box for each speaker to sign, the number of people listed
// and present, and the signature of the person in charge.

// wbSessionCols is how many columns a session's table has.
const wbSessionCols = 8

// sessionSheet lists a session's people with room to sign: enrolled (or
// expected, at a plenary nobody enrols in) or walk-in, attended or not and
// when, an empty signature box. The rows above the table (title, details,
// speakers) are repeated on every printed page with the table's header.
func (x *xlsx) sessionSheet(ss *SessionSheet, c data.Congress) error {
	se := &ss.Session
	freeze := 3
	if len(ss.Speakers) > 0 {
		freeze = 4
	}
	s, err := x.newSheet(se.Title, x.l("sheet.session"), freeze)
	if err != nil {
		return err
	}
	s.keyCols = 2 // last name, first name
	// Narrow enough to print on one page width at full size, even where
	// LibreOffice draws columns wider: long names and organisations wrap
	// on the two lines of a row.
	s.setMaxWidth(1, 22)
	s.setMaxWidth(2, 16)
	s.setMaxWidth(3, 26)
	s.setMaxWidth(4, 16)
	s.setWidth(8, 28)
	if err := s.sessionTitle(ss, c); err != nil {
		return err
	}
	status := x.l("enrolled_one")
	if ss.Expected {
		status = x.l("expected_one")
	}
	if err := s.header(x.l("last_name"), x.l("first_name"), x.l("organisation"), x.l("category"),
		status, x.l("attended_one"), x.l("time"), x.l("signature")); err != nil {
		return err
	}
	tall := excelize.RowOpts{Height: 30}
	row := make([]any, wbSessionCols)
	for i := range ss.Attendees {
		a := &ss.Attendees[i]
		enrolled := x.l("yes")
		if !a.Enrolled {
			enrolled = x.l("walk_in")
		}
		at := x.timeCell(a.At, x.boxedClock)
		if at == nil {
			at = excelize.Cell{StyleID: x.boxedClock}
		}
		row = append(row[:0],
			x.styledText(a.LastName, x.boxedWrap), x.styledText(a.FirstName, x.boxedWrap),
			x.styledText(a.Organisation, x.boxedWrap), x.styledText(a.Category, x.boxedWrap),
			x.styledText(enrolled, x.boxed), x.styledText(x.yesNo(a.Attended), x.boxed),
			at, excelize.Cell{StyleID: x.boxed},
		)
		if err := s.add(row, tall); err != nil {
			return err
		}
	}
	s.tableEnd = s.row
	if err := s.speakerBoxes(ss.Speakers); err != nil {
		return err
	}
	if err := s.sessionClosing(ss); err != nil {
		return err
	}
	return s.finish()
}

// sessionTitle writes a session sheet's first rows: its title; its kind,
// date, time slot, place, and how many people the sheet lists and how many
// came; its speakers and facilitators, when it has any.
func (s *wbSheet) sessionTitle(ss *SessionSheet, c data.Congress) error {
	x, se := s.x, &ss.Session
	parts := []string{wbKind(x.lang, se.Kind), dayLong(se.Day, x.lang), timeRange(se.Start, se.End, x.lang)}
	if pl := wbPlace(se.RoomName, c); pl != "" {
		parts = append(parts, pl)
	}
	count := "listed"
	if ss.Expected {
		count = "expected_count"
	}
	parts = append(parts, fmt.Sprintf(x.l(count), len(ss.Attendees)), fmt.Sprintf(x.l("present_count"), wbPresent(ss)))
	when := strings.Join(parts, " — ")
	// The rows span the table, their text wrapped: a long title stays
	// whole on paper. About 120 characters of 11 pt fit across the table.
	lines := func(w, size float64) float64 { return max(1, math.Ceil(w*size/11/120)) }
	err := s.title([]any{x.styledText(se.Title, x.bigWrap)}, excelize.RowOpts{Height: 20 * lines(wbTextWidth(se.Title)*1.1, 14)})
	if err != nil {
		return err
	}
	s.merge(1, wbSessionCols)
	s.merge(2, wbSessionCols)
	if err := s.title([]any{x.styledText(when, x.wrap)}, excelize.RowOpts{Height: 15 * lines(wbTextWidth(when), 11)}); err != nil {
		return err
	}
	if len(ss.Speakers) == 0 {
		return nil
	}
	names := make([]string, len(ss.Speakers))
	for i, sp := range ss.Speakers {
		names[i] = wbSpeakerName(sp) + " (" + x.speakerRole(sp)
		if sp.Organisation != "" {
			names[i] += ", " + sp.Organisation
		}
		names[i] += ")"
	}
	line := x.l("speakers") + " : " + strings.Join(names, " ; ")
	if x.lang != "fr" {
		line = x.l("speakers") + ": " + strings.Join(names, "; ")
	}
	s.merge(3, wbSessionCols)
	return s.title([]any{x.styledText(line, x.wrap)}, excelize.RowOpts{Height: 15 * lines(wbTextWidth(line), 11)})
}

// speakerBoxes writes, below the table, a line for each speaker and
// facilitator with a box to sign, as the PDF sheet's first page has.
func (s *wbSheet) speakerBoxes(speakers []SignInSpeaker) error {
	if len(speakers) == 0 {
		return nil
	}
	x := s.x
	s.skip()
	head := func(v string) any { return excelize.Cell{StyleID: x.header1, Value: v} }
	err := s.title([]any{head(x.l("last_name")), head(x.l("first_name")), head(x.l("organisation")), head(x.l("speaker_role")),
		head(x.l("signature")), head(""), head(""), head("")}, excelize.RowOpts{Height: 20})
	if err != nil {
		return err
	}
	s.merge5to8(s.row)
	tall := excelize.RowOpts{Height: 30}
	box := excelize.Cell{StyleID: x.boxed}
	for _, sp := range speakers {
		err := s.title([]any{x.styledText(sp.LastName, x.boxedWrap), x.styledText(sp.FirstName, x.boxedWrap),
			x.styledText(sp.Organisation, x.boxedWrap), x.styledText(x.speakerRole(sp), x.boxedWrap),
			box, box, box, box}, tall)
		if err != nil {
			return err
		}
		s.merge5to8(s.row)
	}
	return nil
}

// sessionClosing writes the sheet's last row, as the PDF's closing boxes:
// the number of people listed (or expected), the number present (checked
// in at the session), and a box for the name and signature of the person
// in charge. One row, so that it never goes alone onto a page of its own.
func (s *wbSheet) sessionClosing(ss *SessionSheet) error {
	x := s.x
	s.skip()
	listed := x.l("closing.listed")
	if ss.Expected {
		listed = x.l("expected")
	}
	box := excelize.Cell{StyleID: x.boxedTop}
	err := s.title([]any{x.styledText(listed, x.boxedWrap), wbStyled(len(ss.Attendees), x.boxed),
		x.styledText(x.l("closing.present"), x.boxedWrap), wbStyled(wbPresent(ss), x.boxed),
		x.styledText(x.l("closing.in_charge"), x.boxedTop), box, box, box}, excelize.RowOpts{Height: 45})
	if err != nil {
		return err
	}
	s.merge5to8(s.row)
	return nil
}

// merge5to8 merges a row's columns E to H: a box to sign in.
func (s *wbSheet) merge5to8(row int) {
	s.merges = append(s.merges, [2]string{"E" + strconv.Itoa(row), "H" + strconv.Itoa(row)})
}

// wbPresent is how many of a session sheet's people came.
func wbPresent(ss *SessionSheet) int {
	n := 0
	for i := range ss.Attendees {
		if ss.Attendees[i].Attended {
			n++
		}
	}
	return n
}

// wbPlace is where a session is signed: its room, the venue and the city.
func wbPlace(room string, c data.Congress) string {
	var parts []string
	for _, p := range []string{room, c.Venue, c.City} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

func wbSpeakerName(sp SignInSpeaker) string {
	return strings.TrimSpace(sp.FirstName + " " + sp.LastName)
}

func (x *xlsx) speakerRole(sp SignInSpeaker) string {
	if sp.Facilitator {
		return x.l("facilitator")
	}
	return x.l("speaker")
}
