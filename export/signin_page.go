package export

import (
	"fmt"
	"strings"
)

// page lays out page k (from 0) of a sheet: the heading, the speakers on
// the first page, the table, the closing boxes on the last page, the
// footer.
func (d *signInDesign) page(p *signInPlan, k int) docPage {
	pg := docPage{box: Box{0, 0, a4W, a4H}}
	d.header(&pg, p)
	top := d.tableTop
	if k == 0 && p.speakers > 0 {
		d.speakerBlock(&pg, p, top)
		top += d.speakersH(p)
	}
	bottom := d.table(&pg, p, k, top)
	if k == len(p.pageRows)-1 {
		d.closing(&pg, p, bottom+signInBlockGap)
	}

	f := d.footerBox()
	pg.add(fieldFooter, d.congress.Name, Box{f.X, f.Y, f.W * 0.75, f.H},
		textStyle{MaxSize: 8, MinSize: 6, MaxLines: 1, Align: 'L'}, grey)
	pg.add(fieldPageNumber, fmt.Sprintf("Page %d/%d", k+1, len(p.pageRows)), Box{f.X + f.W*0.75, f.Y, f.W * 0.25, f.H},
		textStyle{MaxSize: 8, MaxLines: 1, Align: 'R'}, grey)
	return pg
}

// table lays out the header row at top and page k's lines, and returns
// the table's bottom.
func (d *signInDesign) table(pg *docPage, p *signInPlan, k int, top float64) float64 {
	first, n := p.first(k), p.pageRows[k]
	cols := p.cols
	left, right := cols[0].x, cols[len(cols)-1].x+cols[len(cols)-1].w
	bottom := top + p.headH + float64(n)*d.rowH
	pg.fills = append(pg.fills, placedFill{Box{left, top, right - left, p.headH}, headFill})
	for i, c := range cols {
		cell := Box{c.x, top, c.w, p.headH}
		pg.cells = append(pg.cells, cell)
		st := textStyle{Bold: true, MaxSize: 9, MinSize: 6, MaxLines: 1, Align: 'L'}
		if i == 0 {
			st.Align = 'C'
		}
		in := d.inCell(cell)
		if half := i - 3; p.twoColumns && half >= 1 {
			// A half-day's column: "Matin", and its time slot below.
			ts := p.sheet.Morning
			if half == 2 {
				ts = p.sheet.Afternoon
			}
			up := Box{in.X, in.Y, in.W, in.H / 2}
			pg.add(fieldTableHead, tr(d.lang, "Signature — ", "Signature — ")+strings.ToLower(c.label), up, st, black)
			if !ts.IsZero() {
				st.Bold = false
				pg.add(fieldTableHead, timeRange(ts.Start, ts.End, d.lang), Box{in.X, up.Bottom(), in.W, in.H / 2}, st, darkGrey)
			}
			continue
		}
		pg.add(fieldTableHead, c.label, in, st, black)
	}
	for r := range n {
		i := first + r
		y := top + p.headH + float64(r)*d.rowH
		if r%2 == 1 {
			pg.fills = append(pg.fills, placedFill{Box{left, y, right - left, d.rowH}, zebraFill})
		}
		row := signInRow{number: i + 1}
		if i < len(p.people) {
			row.person = &p.people[i]
		}
		d.row(pg, p, y, row)
	}
	// Rules: the table's outline and lines between rows and columns.
	for r := 0; r <= n+1; r++ {
		y := top
		if r > 0 {
			y = top + p.headH + float64(r-1)*d.rowH
		}
		w := 0.15
		if r <= 1 || r == n+1 {
			w = 0.3
		}
		pg.rule(left, y, right, y, w, ruleGrey)
	}
	for i, c := range cols {
		w := 0.15
		if i == 0 {
			w = 0.3
		}
		pg.rule(c.x, top, c.x, bottom, w, ruleGrey)
	}
	pg.rule(right, top, right, bottom, 0.3, ruleGrey)
	return bottom
}

// speakerBlock lays out, from top, the session's speakers and facilitators,
// each with a box to sign.
func (d *signInDesign) speakerBlock(pg *docPage, p *signInPlan, top float64) {
	lang := d.lang
	labels := []string{tr(lang, "Speakers and facilitators", "Intervenant·es et animateur·rices"), "",
		tr(lang, "Organisation", "Structure"), tr(lang, "Signature", "Signature")}
	widths := []float64{30, 62, 40, 0}
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
	left, right := cols[0].x, a4W-signInMargin
	pg.fills = append(pg.fills, placedFill{Box{left, top, right - left, signInHeadRow}, headFill})
	head := Box{left, top, cols[2].x - left, signInHeadRow}
	pg.cells = append(pg.cells, head)
	st := textStyle{Bold: true, MaxSize: 9, MinSize: 6, MaxLines: 1, Align: 'L'}
	pg.add(fieldTableHead, labels[0], d.inCell(head), st, black)
	for _, c := range cols[2:] {
		cell := Box{c.x, top, c.w, signInHeadRow}
		pg.cells = append(pg.cells, cell)
		pg.add(fieldTableHead, c.label, d.inCell(cell), st, black)
	}
	y := top + signInHeadRow
	for _, sp := range p.sheet.Speakers[:p.speakers] {
		cell := func(i int) Box { return Box{cols[i].x, y, cols[i].w, signInSpeakerH} }
		for i := range cols {
			pg.cells = append(pg.cells, cell(i))
		}
		role := tr(lang, "Speaker", "Intervenant·e")
		if sp.Facilitator {
			role = tr(lang, "Facilitator", "Animateur·rice")
		}
		pg.add(fieldSpeakerRole, role, d.inCell(cell(0)), textStyle{MaxSize: 8.5, MinSize: 6.5, MaxLines: 2, Align: 'L'}, darkGrey)
		pg.add(fieldSpeakerName, strings.TrimSpace(sp.FirstName+" "+sp.LastName), d.inCell(cell(1)),
			textStyle{Bold: true, MaxSize: 10, MinSize: 7, MaxLines: 2, Align: 'L'}, black)
		pg.add(fieldSpeakerOrg, sp.Organisation, d.inCell(cell(2)), textStyle{MaxSize: 8.5, MinSize: 6.5, MaxLines: 2, Align: 'L'}, darkGrey)
		y += signInSpeakerH
	}
	for _, yy := range []float64{top, top + signInHeadRow, y} {
		pg.rule(left, yy, right, yy, 0.3, ruleGrey)
	}
	for r := 1; r < p.speakers; r++ {
		yy := top + signInHeadRow + float64(r)*signInSpeakerH
		pg.rule(left, yy, right, yy, 0.15, ruleGrey)
	}
	for i, c := range cols {
		if i == 1 {
			pg.rule(c.x, top+signInHeadRow, c.x, y, 0.15, ruleGrey)
			continue
		}
		pg.rule(c.x, top, c.x, y, 0.3, ruleGrey)
	}
	pg.rule(right, top, right, y, 0.3, ruleGrey)
}

// closing lays out, from top, the last page's boxes: the number of people
// expected, printed; the number present, to write (per half-day on a day's
// sheet of two columns); the signature of the person in charge.
func (d *signInDesign) closing(pg *docPage, p *signInPlan, top float64) {
	lang := d.lang
	expected, _ := p.enrolled()
	type box struct {
		label, value string
		w            float64
	}
	boxes := []box{{tr(lang, "Expected", "Attendus"), fmt.Sprint(expected), 30}}
	if p.twoColumns {
		boxes = append(boxes,
			box{tr(lang, "Present in the morning", "Présents le matin"), "", 36},
			box{tr(lang, "Present in the afternoon", "Présents l'après-midi"), "", 36})
	} else {
		boxes = append(boxes, box{tr(lang, "Present", "Présents"), "", 40})
	}
	boxes = append(boxes, box{tr(lang, "Name and signature of the person in charge", "Nom et signature du ou de la responsable"), "", 0})
	x := signInMargin
	for i, b := range boxes {
		w := b.w
		if i == len(boxes)-1 {
			w = a4W - signInMargin - x
		}
		cell := Box{x, top, w, signInClosingH}
		pg.cells = append(pg.cells, cell)
		in := d.inCell(cell)
		pg.add(fieldClosingLabel, b.label, Box{in.X, in.Y, in.W, 4}, textStyle{MaxSize: 8, MinSize: 6, MaxLines: 1, Align: 'L'}, darkGrey)
		if b.value != "" {
			pg.add(fieldClosingValue, b.value, Box{in.X, in.Y + 5, in.W, in.H - 5}, textStyle{Bold: true, MaxSize: 14, MinSize: 8, MaxLines: 1, Align: 'L'}, black)
		}
		for _, l := range []Line{{x, top, x + w, top}, {x, top + signInClosingH, x + w, top + signInClosingH},
			{x, top, x, top + signInClosingH}, {x + w, top, x + w, top + signInClosingH}} {
			pg.rule(l.X1, l.Y1, l.X2, l.Y2, 0.3, ruleGrey)
		}
		x += w
	}
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
func (d *signInDesign) row(pg *docPage, p *signInPlan, y float64, r signInRow) {
	cell := func(i int) Box { return Box{p.cols[i].x, y, p.cols[i].w, d.rowH} }
	for i := range p.cols {
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
