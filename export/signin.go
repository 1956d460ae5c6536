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
}

// SignInInput is what sign-in sheets are printed from: the congress and
// the sheets, in the order they are printed.
type SignInInput struct {
	Congress data.Congress
	Sheets   []SignInSheet
}

// SignInOptions say how sign-in sheets are printed.
type SignInOptions struct {
	Lang string // "fr" or "en": headings, dates and times
	// BlankLines is how many empty lines follow the names on each sheet,
	// for people who come without having enrolled: 0 means 10, a negative
	// number none.
	BlankLines int
	// FillPage adds empty lines after BlankLines down to the bottom of each
	// sheet's last page.
	FillPage bool
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
// page repeats the sheet's title, date, time and room and the table's
// header. The table has one line per person, tall enough to sign in (≥ 10
// mm), then the blank lines the options ask for. Text stays text, in
// embedded fonts covering every script.
func WriteSignIn(ctx context.Context, w io.Writer, in SignInInput, opts SignInOptions) error {
	if len(in.Sheets) == 0 {
		return ErrNoSheets.with()
	}
	lg := loadLogo(in.Congress.Logo)
	d := newSignInDesign(in.Congress, lg, opts.Lang)
	plans := make([]signInPlan, len(in.Sheets))
	total := 0
	for i := range in.Sheets {
		plans[i] = d.plan(&in.Sheets[i], opts)
		total += plans[i].pages
	}
	pdf, err := newPDF(a4W, a4H, tr(opts.Lang, "Sign-in sheets — ", "Feuilles d'émargement — ")+in.Congress.Name, opts.Created)
	if err != nil {
		return err
	}
	registerImage(pdf, logoName, lg)
	done := 0
	for i := range plans {
		for p := range plans[i].pages {
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
	signInMargin   = 15.0 // left and right
	signInTop      = 12.0
	signInBottom   = 12.0
	signInMinRow   = 10.5 // room to sign: at least 10 mm
	signInHeadRow  = 7.5  // the table's header row
	signInFooterH  = 5.0
	signInCellPadX = 1.5
	signInCellPadY = 0.8
)

// The fields of a sign-in page, as its boxes name them.
const (
	fieldSheetTitle = "sheet_title"
	fieldSheetMeta  = "sheet_meta"
	fieldTableHead  = "table_head"
	fieldRowNumber  = "row_number"
	fieldRowLast    = "row_last_name"
	fieldRowFirst   = "row_first_name"
	fieldRowOrg     = "row_organisation"
	fieldFooter     = "footer"
	fieldPageNumber = "page_number"
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
	details  string // "19e · Lille · 25–26 novembre 2021"
	cols     [5]tableColumn
	tableTop float64 // y of the header row
	rowH     float64
	perPage  int
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
	labels := [5]string{"№",
		tr(lang, "Last name", "Nom"), tr(lang, "First name", "Prénom"),
		tr(lang, "Organisation", "Structure"), tr(lang, "Signature", "Signature")}
	widths := [5]float64{9, 45, 38, 40, 0}
	x := signInMargin
	for i := range d.cols {
		w := widths[i]
		if i == len(d.cols)-1 {
			w = a4W - signInMargin - x
		}
		d.cols[i] = tableColumn{x, w, labels[i]}
		x += w
	}
	d.tableTop = d.metaBox().Bottom() + 2.5
	avail := d.tableBottomLimit() - d.tableTop - signInHeadRow
	d.perPage = int(avail / signInMinRow)
	d.rowH = avail / float64(d.perPage)
	return d
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
	sheet  *SignInSheet
	title  string
	meta   string
	people []data.SessionAttendee // sorted
	rows   int                    // people and blank lines
	pages  int
}

// plan sorts the sheet's people and counts its lines and pages.
func (d *signInDesign) plan(sh *SignInSheet, opts SignInOptions) signInPlan {
	p := signInPlan{sheet: sh, people: sortAttendees(sh.People)}
	p.rows = len(p.people) + opts.blankLines()
	if opts.FillPage && p.rows%d.perPage != 0 {
		p.rows += d.perPage - p.rows%d.perPage
	}
	p.pages = max(1, (p.rows+d.perPage-1)/d.perPage)
	p.title, p.meta = d.headings(&p)
	return p
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

// headings returns the sheet's title and its line of details.
func (d *signInDesign) headings(p *signInPlan) (title, meta string) {
	lang := d.lang
	sheetWord := tr(lang, "Sign-in sheet", "Feuille d'émargement")
	walkIns := 0
	for i := range p.people {
		if !p.people[i].Enrolled {
			walkIns++
		}
	}
	enrolled := len(p.people) - walkIns
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
		if se.RoomName != "" {
			parts = append(parts, se.RoomName)
		}
		if p.sheet.Expected {
			parts = append(parts, plural(lang, enrolled, "person expected", "people expected", "personne attendue", "personnes attendues"))
		} else {
			parts = append(parts, plural(lang, enrolled, "enrolled", "enrolled", "inscrit", "inscrits"))
		}
		if walkIns > 0 {
			parts = append(parts, plural(lang, walkIns, "walk-in", "walk-ins", "sur place", "sur place"))
		}
	} else {
		title = sheetWord
		if p.sheet.Day != "" {
			title += " — " + dayLong(p.sheet.Day, lang)
		}
		for _, s := range []string{d.congress.Venue, d.congress.City} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		parts = append(parts, plural(lang, len(p.people), "person expected", "people expected", "personne attendue", "personnes attendues"))
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

// page lays out page k (from 0) of a sheet.
func (d *signInDesign) page(p *signInPlan, k int) docPage {
	pg := docPage{box: Box{0, 0, a4W, a4H}}
	d.header(&pg, p)

	// The table: header row, then this page's lines.
	first := k * d.perPage
	n := max(0, min(d.perPage, p.rows-first))
	left, right := d.cols[0].x, d.cols[len(d.cols)-1].x+d.cols[len(d.cols)-1].w
	top := d.tableTop
	bottom := top + signInHeadRow + float64(n)*d.rowH
	pg.fills = append(pg.fills, placedFill{Box{left, top, right - left, signInHeadRow}, headFill})
	for i, c := range d.cols {
		cell := Box{c.x, top, c.w, signInHeadRow}
		pg.cells = append(pg.cells, cell)
		st := textStyle{Bold: true, MaxSize: 9, MinSize: 6, MaxLines: 1, Align: 'L'}
		if i == 0 {
			st.Align = 'C'
		}
		pg.add(fieldTableHead, c.label, d.inCell(cell), st, black)
	}
	for r := range n {
		i := first + r
		y := top + signInHeadRow + float64(r)*d.rowH
		if r%2 == 1 {
			pg.fills = append(pg.fills, placedFill{Box{left, y, right - left, d.rowH}, zebraFill})
		}
		row := signInRow{number: i + 1}
		if i < len(p.people) {
			row.person = &p.people[i]
		}
		d.row(&pg, y, row)
	}
	// Rules: the table's outline and lines between rows and columns.
	for r := 0; r <= n+1; r++ {
		y := top
		if r > 0 {
			y = top + signInHeadRow + float64(r-1)*d.rowH
		}
		w := 0.15
		if r <= 1 || r == n+1 {
			w = 0.3
		}
		pg.rule(left, y, right, y, w, ruleGrey)
	}
	for i, c := range d.cols {
		w := 0.15
		if i == 0 {
			w = 0.3
		}
		pg.rule(c.x, top, c.x, bottom, w, ruleGrey)
	}
	pg.rule(right, top, right, bottom, 0.3, ruleGrey)

	// Footer.
	f := d.footerBox()
	pg.add(fieldFooter, d.congress.Name, Box{f.X, f.Y, f.W * 0.75, f.H},
		textStyle{MaxSize: 8, MinSize: 6, MaxLines: 1, Align: 'L'}, grey)
	pg.add(fieldPageNumber, fmt.Sprintf("Page %d/%d", k+1, p.pages), Box{f.X + f.W*0.75, f.Y, f.W * 0.25, f.H},
		textStyle{MaxSize: 8, MaxLines: 1, Align: 'R'}, grey)
	return pg
}

// header lays out the letterhead, the sheet's title and its details.
func (d *signInDesign) header(pg *docPage, p *signInPlan) {
	lb := d.letterBox()
	x := lb.X
	if d.logo != nil {
		im := pg.image(logoName, d.logo, Box{lb.X, lb.Y, min(lb.H*d.logo.ratio, 45), lb.H}, 'C')
		x = im.Right() + 3
	}
	tw := lb.Right() - x
	pg.add(fieldCongress, d.congress.Name, Box{x, lb.Y + 1, tw, 7},
		textStyle{Bold: true, MaxSize: 11, MinSize: 7, MaxLines: 1, Align: 'L'}, grey)
	pg.add(fieldDates, d.details, Box{x, lb.Y + 8, tw, 5.5},
		textStyle{MaxSize: 9, MinSize: 6, MaxLines: 1, Align: 'L'}, grey)
	pg.rule(lb.X, lb.Bottom()+1, lb.Right(), lb.Bottom()+1, 0.2, lightGrey)
	pg.add(fieldSheetTitle, p.title, d.titleBox(),
		textStyle{Bold: true, MaxSize: 16, MinSize: 9, MaxLines: 2, Align: 'L'}, black)
	pg.add(fieldSheetMeta, p.meta, d.metaBox(),
		textStyle{MaxSize: 10, MinSize: 7, MaxLines: 2, Align: 'L'}, darkGrey)
}

// inCell is where a cell's text goes: the cell less its padding.
func (d *signInDesign) inCell(c Box) Box {
	return Box{c.X + signInCellPadX, c.Y + signInCellPadY, c.W - 2*signInCellPadX, c.H - 2*signInCellPadY}
}

// row lays out one line of the table, whose top is at y.
func (d *signInDesign) row(pg *docPage, y float64, r signInRow) {
	cell := func(i int) Box { return Box{d.cols[i].x, y, d.cols[i].w, d.rowH} }
	for i := range d.cols {
		pg.cells = append(pg.cells, cell(i))
	}
	pg.add(fieldRowNumber, fmt.Sprint(r.number), d.inCell(cell(0)),
		textStyle{MaxSize: 8, MinSize: 5, MaxLines: 1, Align: 'C'}, grey)
	a := r.person
	if a == nil {
		return
	}
	first := a.FirstName
	if !a.Enrolled {
		first = strings.TrimSpace(first + " " + tr(d.lang, "(walk-in)", "(sur place)"))
	}
	pg.add(fieldRowLast, a.LastName, d.inCell(cell(1)),
		textStyle{Bold: true, MaxSize: 10, MinSize: 7, MaxLines: 2, Align: 'L'}, black)
	pg.add(fieldRowFirst, first, d.inCell(cell(2)),
		textStyle{MaxSize: 10, MinSize: 7, MaxLines: 2, Align: 'L'}, black)
	pg.add(fieldRowOrg, a.Organisation, d.inCell(cell(3)),
		textStyle{MaxSize: 8.5, MinSize: 6.5, MaxLines: 2, Align: 'L'}, darkGrey)
}
