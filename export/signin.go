package export

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"congres/data"
)

// SignInSheet is one sign-in sheet (feuille d'émargement): a session's, or
// a whole day's.
type SignInSheet struct {
	// Session is the session signed for; nil for a whole day's sheet.
	Session *data.Session
	// Day is the day of a whole day's sheet; a session's sheet takes its
	// session's day.
	Day data.Day
	// People are the sheet's lines, in any order: they are printed by last
	// name, then first name (case and accents ignored), names as typed.
	// A walk-in (Enrolled false) is marked as such.
	People []data.SessionAttendee
	// Expected says that People are everyone expected that day rather than
	// the session's enrolled: a plenary nobody enrols in.
	Expected bool
	// Speakers are a session's speakers and facilitators, from the
	// programme, in its order: each is named on the sheet's first page,
	// with a box to sign.
	Speakers []SignInSpeaker
	// Morning and Afternoon are a whole day's half-days, from the day's
	// programme (HalfDaySlots): their time slots head its signature
	// columns or sheets. Zero when the half-day has no session.
	Morning, Afternoon TimeSlot
}

// SignInSpeaker is a speaker or a facilitator of a session, as the sheet
// names them.
type SignInSpeaker struct {
	FirstName, LastName string
	Organisation        string
	Facilitator         bool // false: a speaker
}

// TimeSlot is a span of a day, from Start to End; zero when unknown.
type TimeSlot struct{ Start, End data.Clock }

// IsZero reports whether the slot is unknown.
func (s TimeSlot) IsZero() bool { return s.End <= s.Start }

// Minutes is the slot's length.
func (s TimeSlot) Minutes() int { return max(0, int(s.End-s.Start)) }

// SignInInput is what sign-in sheets are printed from: the congress and
// the sheets, in the order they are printed.
type SignInInput struct {
	Congress data.Congress
	Sheets   []SignInSheet
}

// HalfDays says how a whole day's sheet is signed per half-day, as funders
// ask (France's OPCO, regions and State sign per half-day).
type HalfDays int

const (
	// HalfDayColumns: one sheet for the day, with a morning and an
	// afternoon signature column.
	HalfDayColumns HalfDays = iota
	// HalfDaySheets: one sheet for the morning, another for the afternoon.
	HalfDaySheets
)

// SignInOptions say how sign-in sheets are printed.
type SignInOptions struct {
	Lang string // "fr" or "en": headings, dates and times
	// BlankLines is how many empty lines follow the names on each sheet,
	// for people who come without having enrolled: 0 means 10, a negative
	// number none. Blank lines never go alone onto a page of their own:
	// those that would are left out.
	BlankLines int
	// FillPage adds empty lines after BlankLines down to the bottom of each
	// sheet's last page.
	FillPage bool
	// HalfDays says how a whole day's sheet is signed: two columns (the
	// default) or two sheets.
	HalfDays HalfDays
	Created  time.Time // the PDF's creation date; zero means now
	// Progress, when set, is told how many pages are done out of all the
	// sheets' pages, after each page.
	Progress func(done, total int)
}

func (o SignInOptions) blankLines() int {
	switch {
	case o.BlankLines == 0:
		return 10
	case o.BlankLines < 0:
		return 0
	}
	return o.BlankLines
}

// ErrNoSheets refuses to print no sign-in sheet at all.
var ErrNoSheets = &Error{Code: "signin_none",
	EN: "There is no sign-in sheet to print: choose a session or a day (the programme may have no session yet).",
	FR: "Il n'y a aucune feuille d'émargement à imprimer : choisissez une session ou une journée (le programme n'a peut-être encore aucune session)."}

// ErrSignInDay refuses a day's sheet for a day that is not one of the
// congress's.
var ErrSignInDay = &Error{Code: "signin_day",
	EN: "%s is not a day of the congress.",
	FR: "Le %s n'est pas un jour du congrès."}

// WriteSignIn writes the sign-in sheets of in as an A4 portrait PDF. Each
// sheet starts on a new page and has its own page numbers ("Page 2/3"); every
// page repeats the sheet's title, date, time slot and place and the table's
// header. A session's first page names its speakers and facilitators, each
// with a box to sign; a day's sheet has a morning and an afternoon
// signature column, or is printed as two sheets, one per half-day
// (opts.HalfDays). The table has one line per person, tall enough to sign
// in (≥ 10 mm), then the blank lines the options ask for; the last page
// ends with the number of people expected and boxes for the number
// present and the signature of the person in charge. Text stays text, in
// embedded fonts covering every script.
func WriteSignIn(ctx context.Context, w io.Writer, in SignInInput, opts SignInOptions) error {
	if len(in.Sheets) == 0 {
		return ErrNoSheets.with()
	}
	lg := loadLogo(in.Congress.Logo)
	d := newSignInDesign(in.Congress, lg, opts.Lang)
	var plans []signInPlan
	total := 0
	for i := range in.Sheets {
		for _, half := range d.halves(&in.Sheets[i], opts) {
			p := d.plan(&in.Sheets[i], half, opts)
			plans = append(plans, p)
			total += len(p.pageRows)
		}
	}
	pdf, err := newPDF(a4W, a4H, tr(opts.Lang, "Sign-in sheets — ", "Feuilles d'émargement — ")+in.Congress.Name, opts.Created)
	if err != nil {
		return err
	}
	registerImage(pdf, logoName, lg)
	done := 0
	for i := range plans {
		for p := range plans[i].pageRows {
			if err := ctx.Err(); err != nil {
				return err
			}
			pg := d.page(&plans[i], p)
			drawPage(pdf, &pg)
			if err := pdf.Error(); err != nil {
				return err
			}
			done++
			if opts.Progress != nil {
				opts.Progress(done, total)
			}
		}
	}
	return pdf.Output(w)
}

// The sheet's geometry, in mm, on A4 portrait.
const (
	signInMargin    = 15.0 // left and right
	signInTop       = 12.0
	signInBottom    = 12.0
	signInMinRow    = 10.5 // room to sign: at least 10 mm
	signInHeadRow   = 7.5  // the table's header row
	signInHeadRow2  = 10.5 // a header row of two lines: a half-day and its time slot
	signInFooterH   = 5.0
	signInCellPadX  = 1.5
	signInCellPadY  = 0.8
	signInSpeakerH  = 12.0 // a speaker's line: room to sign
	signInClosingH  = 15.0 // the last page's boxes: expected, present, signature
	signInBlockGap  = 3.0  // between the speakers, the table and the closing boxes
	signInMaxSpeak  = 12   // speakers named on the first page (a session has a few): room is left for lines
	signInNoonClock = data.Clock(13 * 60)
)

// The fields of a sign-in page, as its boxes name them.
const (
	fieldSheetTitle   = "sheet_title"
	fieldSheetMeta    = "sheet_meta"
	fieldTableHead    = "table_head"
	fieldRowNumber    = "row_number"
	fieldRowLast      = "row_last_name"
	fieldRowFirst     = "row_first_name"
	fieldRowOrg       = "row_organisation"
	fieldFooter       = "footer"
	fieldPageNumber   = "page_number"
	fieldSpeakerRole  = "speaker_role"
	fieldSpeakerName  = "speaker_name"
	fieldSpeakerOrg   = "speaker_organisation"
	fieldClosingLabel = "closing_label"
	fieldClosingValue = "closing_value"
)

var (
	headFill  = rgb{228, 228, 228}
	zebraFill = rgb{246, 246, 246}
	ruleGrey  = rgb{150, 150, 150}
	darkGrey  = rgb{60, 60, 60}
)

// signInDesign lays out sign-in pages: one per document.
type signInDesign struct {
	congress data.Congress
	lang     string
	logo     *logo
	details  string  // "19e · Lille · 25–26 novembre 2021"
	tableTop float64 // y of the header row, below the sheet's heading
	rowH     float64
	perPage  int // lines on a page with nothing but the table
}

func newSignInDesign(c data.Congress, lg *logo, lang string) *signInDesign {
	d := &signInDesign{congress: c, lang: lang, logo: lg}
	var parts []string
	for _, p := range []string{c.Edition, c.City, dateRange(c.Days, lang)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	d.details = strings.Join(parts, " · ")
	d.tableTop = d.metaBox().Bottom() + 2.5
	avail := d.tableBottomLimit() - d.tableTop - signInHeadRow
	d.perPage = int(avail / signInMinRow)
	d.rowH = avail / float64(d.perPage)
	return d
}

// columns are a table's columns: a number, the names, the organisation,
// then one signature column, or two for a day's half-days.
func (d *signInDesign) columns(p *signInPlan) []tableColumn {
	lang := d.lang
	labels := []string{"№", tr(lang, "Last name", "Nom"), tr(lang, "First name", "Prénom"),
		tr(lang, "Organisation", "Structure"), tr(lang, "Signature", "Signature")}
	widths := []float64{9, 45, 38, 40, 0}
	if p.twoColumns {
		labels = append(labels[:4], halfName(1, lang), halfName(2, lang))
		widths = []float64{8, 38, 30, 32, 36, 0}
	}
	cols := make([]tableColumn, len(labels))
	x := signInMargin
	for i := range cols {
		w := widths[i]
		if i == len(cols)-1 {
			w = a4W - signInMargin - x
		}
		cols[i] = tableColumn{x, w, labels[i]}
		x += w
	}
	return cols
}

// halfName names half-day 1 (the morning) or 2 (the afternoon).
func halfName(half int, lang string) string {
	if half == 1 {
		return tr(lang, "Morning", "Matin")
	}
	return tr(lang, "Afternoon", "Après-midi")
}

// The header's boxes: a letterhead (logo, congress), the sheet's title and
// a line of details.
func (d *signInDesign) letterBox() Box {
	return Box{signInMargin, signInTop, a4W - 2*signInMargin, 14}
}
func (d *signInDesign) titleBox() Box {
	return Box{signInMargin, d.letterBox().Bottom() + 2, a4W - 2*signInMargin, 12}
}
func (d *signInDesign) metaBox() Box {
	return Box{signInMargin, d.titleBox().Bottom(), a4W - 2*signInMargin, 9}
}
func (d *signInDesign) footerBox() Box {
	return Box{signInMargin, a4H - signInBottom - signInFooterH, a4W - 2*signInMargin, signInFooterH}
}
func (d *signInDesign) tableBottomLimit() float64 { return d.footerBox().Y - 3 }

// signInRow is one line of the table: a person, or blank.
type signInRow struct {
	number int
	person *data.SessionAttendee // nil: a blank line
}

// signInPlan is a sheet ready to be laid out page by page.
type signInPlan struct {
	sheet      *SignInSheet
	half       int  // 1 the morning's sheet, 2 the afternoon's; 0 a whole day's or a session's
	twoColumns bool // a day's sheet signed in a morning and an afternoon column
	title      string
	meta       string
	people     []data.SessionAttendee // sorted
	rows       int                    // people and blank lines
	cols       []tableColumn
	headH      float64 // the table's header row
	speakers   int     // speakers on the first page
	pageRows   []int   // lines on each page, in order
}

// halves are the sheets a sheet is printed as: a session's, or a day's
// signed in two columns, once (0); a day's signed on two sheets, its
// morning's (1) and its afternoon's (2).
func (d *signInDesign) halves(sh *SignInSheet, opts SignInOptions) []int {
	if sh.Session == nil && opts.HalfDays == HalfDaySheets {
		return []int{1, 2}
	}
	return []int{0}
}

// plan sorts the sheet's people and shares its lines out over pages: the
// first page holds the speakers, the last the closing boxes with at least
// one line, and blank lines never fill a page alone.
func (d *signInDesign) plan(sh *SignInSheet, half int, opts SignInOptions) signInPlan {
	p := signInPlan{sheet: sh, half: half, people: sortAttendees(sh.People)}
	p.twoColumns = sh.Session == nil && half == 0
	p.cols = d.columns(&p)
	p.headH = signInHeadRow
	if p.twoColumns {
		p.headH = signInHeadRow2
	}
	p.speakers = min(len(sh.Speakers), signInMaxSpeak)
	p.pageRows = d.paginate(&p, len(p.people), opts.blankLines())
	last := len(p.pageRows) - 1
	if opts.FillPage {
		p.pageRows[last] = max(p.pageRows[last], d.capacity(&p, last, true))
	}
	for _, r := range p.pageRows {
		p.rows += r
	}
	p.title, p.meta = d.headings(&p)
	return p
}

// capacity is how many lines page k of p holds: fewer on the first, below
// the speakers, and on the last, above the closing boxes.
func (d *signInDesign) capacity(p *signInPlan, k int, last bool) int {
	top := d.tableTop + p.headH
	if k == 0 && p.speakers > 0 {
		top += d.speakersH(p)
	}
	bottom := d.tableBottomLimit()
	if last {
		bottom -= signInBlockGap + signInClosingH
	}
	return max(0, int((bottom-top)/d.rowH+1e-9))
}

// speakersH is the height of the first page's speakers, with the gap below.
func (d *signInDesign) speakersH(p *signInPlan) float64 {
	return signInHeadRow + float64(p.speakers)*signInSpeakerH + signInBlockGap
}

// paginate shares a sheet's people and blank lines out over pages: as many
// lines as each holds, the last with room for the closing boxes and at
// least one line to go with them. When there are people, every page has
// at least one: the blank lines that would go onto a page alone are left
// out, and the last page keeps those it has room for below its names.
func (d *signInDesign) paginate(p *signInPlan, people, blanks int) []int {
	var pages []int
	n := people + blanks
	for k, placed := 0, 0; ; k++ {
		rest := n - placed
		last := d.capacity(p, k, true)
		if rest <= last {
			return append(pages, rest)
		}
		take := min(d.capacity(p, k, false), rest-1)
		if left := people - placed; people > 0 && take >= left {
			// The next page would hold blank lines alone.
			if left <= last {
				return append(pages, last) // the last page, filled with blank lines
			}
			if left > 1 {
				take = left - 1 // a name goes on with the blank lines
			}
		}
		pages = append(pages, take)
		placed += take
	}
}

// first is the index of the first line on page k.
func (p *signInPlan) first(k int) int {
	n := 0
	for _, r := range p.pageRows[:k] {
		n += r
	}
	return n
}

// sortAttendees returns a copy of people sorted by last name, then first
// name, case and accents ignored, as the store sorts them.
func sortAttendees(people []data.SessionAttendee) []data.SessionAttendee {
	type keyed struct {
		key string
		i   int
	}
	ks := make([]keyed, len(people))
	for i := range people {
		ks[i] = keyed{data.Fold(people[i].LastName) + "\x01" + data.Fold(people[i].FirstName), i}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	out := make([]data.SessionAttendee, len(people))
	for i, k := range ks {
		out[i] = people[k.i]
	}
	return out
}

// enrolled counts the sheet's people expected (enrolled, or expected
// that day) and those who came without being so (walk-ins).
func (p *signInPlan) enrolled() (expected, walkIns int) {
	for i := range p.people {
		if !p.people[i].Enrolled {
			walkIns++
		}
	}
	return len(p.people) - walkIns, walkIns
}

// place is where the sheet is signed: the session's room, the venue and
// the city.
func (d *signInDesign) place(p *signInPlan) string {
	var parts []string
	if se := p.sheet.Session; se != nil && se.RoomName != "" {
		parts = append(parts, se.RoomName)
	}
	for _, s := range []string{d.congress.Venue, d.congress.City} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// slot writes a half-day and its time slot: "Matin 9 h 30 – 12 h 30",
// "Afternoon" when the programme has nothing then.
func (d *signInDesign) slot(sh *SignInSheet, half int) string {
	s := halfName(half, d.lang)
	ts := sh.Morning
	if half == 2 {
		ts = sh.Afternoon
	}
	if !ts.IsZero() {
		s += " " + timeRange(ts.Start, ts.End, d.lang)
	}
	return s
}

// headings returns the sheet's title and its line of details: the date,
// the time slot, the place and the number of people expected.
func (d *signInDesign) headings(p *signInPlan) (title, meta string) {
	lang := d.lang
	sheetWord := tr(lang, "Sign-in sheet", "Feuille d'émargement")
	expected, walkIns := p.enrolled()
	var parts []string
	if se := p.sheet.Session; se != nil {
		title = se.Title
		parts = append(parts, sheetWord)
		switch se.Kind {
		case data.KindPlenary:
			parts = append(parts, tr(lang, "Plenary", "Plénière"))
		case data.KindWorkshop:
			parts = append(parts, tr(lang, "Workshop", "Atelier"))
		}
		parts = append(parts, dayLong(se.Day, lang), timeRange(se.Start, se.End, lang))
	} else {
		title = sheetWord
		if p.sheet.Day != "" {
			title += " — " + dayLong(p.sheet.Day, lang)
		}
		if p.half > 0 {
			title += " — " + strings.ToLower(halfName(p.half, lang))
			parts = append(parts, d.slot(p.sheet, p.half))
		} else {
			parts = append(parts, d.slot(p.sheet, 1), d.slot(p.sheet, 2))
		}
	}
	if pl := d.place(p); pl != "" {
		parts = append(parts, pl)
	}
	if p.sheet.Session == nil || p.sheet.Expected {
		parts = append(parts, plural(lang, expected, "person expected", "people expected", "personne attendue", "personnes attendues"))
	} else {
		parts = append(parts, plural(lang, expected, "enrolled", "enrolled", "inscrit", "inscrits"))
	}
	if walkIns > 0 {
		parts = append(parts, plural(lang, walkIns, "walk-in", "walk-ins", "sur place", "sur place"))
	}
	return title, strings.Join(parts, " · ")
}

// plural writes n with the word in the right number: "1 inscrit", "2
// inscrits" (French takes the singular for 0 and 1).
func plural(lang string, n int, en1, enN, fr1, frN string) string {
	w := tr(lang, enN, frN)
	if n == 1 || (n == 0 && lang == "fr") {
		w = tr(lang, en1, fr1)
	}
	return fmt.Sprintf("%d %s", n, w)
}
