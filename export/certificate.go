package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"congres/data"
)

// CertificateInput is what certificates of attendance are printed from: the
// congress (its logo, signature image and signatory), the people, in the
// order they are printed, and the hours of each day of the programme.
type CertificateInput struct {
	Congress data.Congress
	People   []data.CertificateRow
	// Programme holds each day's morning and afternoon, from its sessions
	// (ProgrammeDays): a person who came that day attended its hours.
	Programme map[data.Day]DaySlots
}

// CertificateOptions say how certificates are printed.
type CertificateOptions struct {
	Lang string // "fr" or "en": every fixed text, dates and durations
	// Date is the date the certificates are signed ("Fait à Lille, le…");
	// zero means the congress's last day.
	Date    time.Time
	Created time.Time // the PDF's creation date; zero means now
	// Progress, when set, is told how many certificates are done, after
	// each one.
	Progress func(done, total int)
}

// ErrNoCertificates refuses to print an empty selection.
var ErrNoCertificates = &Error{Code: "certificates_none",
	EN: "There is nobody to print a certificate of attendance for: nobody in the selection has arrived.",
	FR: "Il n'y a personne à qui imprimer une attestation de présence : personne dans la sélection n'est arrivé."}

// WriteCertificates writes a certificate of attendance for each person of
// in, on A4 portrait: the congress, the person, the days and the sessions
// they attended with their durations and total, the place and date, and the
// signature. One page per person; a table of sessions too long for one page
// even in small print continues on a second page, with the page numbered.
func WriteCertificates(ctx context.Context, w io.Writer, in CertificateInput, opts CertificateOptions) error {
	if len(in.People) == 0 {
		return ErrNoCertificates.with()
	}
	lg, sig := loadLogo(in.Congress.Logo), loadLogo(in.Congress.Signature)
	d := newCertDesign(in.Congress, lg, sig, opts)
	d.programme = in.Programme
	pdf, err := newPDF(a4W, a4H, tr(opts.Lang, "Certificates of attendance — ", "Attestations de présence — ")+in.Congress.Name, opts.Created)
	if err != nil {
		return err
	}
	registerImage(pdf, logoName, lg)
	if lg != nil && sig != nil && bytes.Equal(lg.png, sig.png) {
		d.sigName = logoName // gofpdf would name one image twice in a page's resources
	} else {
		registerImage(pdf, signatureName, sig)
	}
	for i := range in.People {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, pg := range d.pages(&in.People[i]) {
			drawPage(pdf, &pg)
		}
		if err := pdf.Error(); err != nil {
			return err
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(in.People))
		}
	}
	return pdf.Output(w)
}

// CertificateStore is what loading certificates reads from a congress.
// *data.Store is one.
type CertificateStore interface {
	Congress(ctx context.Context) (data.Congress, error)
	Sessions(ctx context.Context) ([]data.Session, error) // the hours of each day
	ParticipantIDs(ctx context.Context, q data.ParticipantQuery) ([]int64, error)
	Certificates(ctx context.Context, ids []int64) ([]data.CertificateRow, error)
}

// LoadCertificates reads the certificates of these people, in this order,
// with the congress; nil ids means everyone who has arrived, by name.
// People who have not arrived get none.
func LoadCertificates(ctx context.Context, st CertificateStore, ids []int64) (CertificateInput, error) {
	c, err := st.Congress(ctx)
	if err != nil {
		return CertificateInput{}, err
	}
	if ids == nil {
		ids, err = st.ParticipantIDs(ctx, data.ParticipantQuery{CheckedIn: data.Yes, Sort: data.SortName})
		if err != nil {
			return CertificateInput{}, err
		}
	}
	rows, err := st.Certificates(ctx, ids)
	if err != nil {
		return CertificateInput{}, err
	}
	sessions, err := st.Sessions(ctx)
	if err != nil {
		return CertificateInput{}, err
	}
	return CertificateInput{Congress: c, People: rows, Programme: ProgrammeDays(sessions)}, nil
}

// The certificate's geometry, in mm, on A4 portrait.
const (
	certMargin    = 20.0
	certTop       = 16.0
	certFooterH   = 5.0
	certBottom    = 12.0
	certSigBlockH = 44.0 // place and date, signature image, signatory
	certRowMax    = 7.0  // a session's line, when there is room
	certRowMin    = 4.6  // the lowest a line gets: below, the top is made compact, then the table goes on overleaf
	certHeadRow   = 6.5
)

// The fields of a certificate, as its boxes name them.
const (
	fieldCertTitle     = "cert_title"
	fieldCertIntro     = "cert_intro"
	fieldCertName      = "cert_name"
	fieldCertOrg       = "cert_organisation"
	fieldCertSentence  = "cert_sentence"
	fieldCertDays      = "cert_days"
	fieldCertSessions  = "cert_sessions"
	fieldCertCell      = "cert_cell"
	fieldCertTotal     = "cert_total"
	fieldCertPlace     = "cert_place"
	fieldCertSignatory = "cert_signatory"
)

// certDesign lays out certificates: one per document.
type certDesign struct {
	congress  data.Congress
	lang      string
	logo, sig *logo
	sigName   string // as registered: signatureName, or logoName when they are the same image
	details   string // "19e · Lille Grand Palais, Lille · 25–26 novembre 2021"
	sentence  string // "a participé au … qui s'est tenu à Lille les 25 et 26 novembre 2021."
	// sentenceFit is the sentence fitted, the same on every certificate.
	sentenceFit *fitted
	place       string // "Fait à Lille, le 26 novembre 2021"
	cols        [4]tableColumn
	programme   map[data.Day]DaySlots
}

func newCertDesign(c data.Congress, lg, sig *logo, opts CertificateOptions) *certDesign {
	lang := opts.Lang
	d := &certDesign{congress: c, lang: lang, logo: lg, sig: sig, sigName: signatureName}
	var parts []string
	if c.Edition != "" {
		parts = append(parts, c.Edition)
	}
	if where := strings.Trim(c.Venue+", "+c.City, ", "); where != "" {
		parts = append(parts, where)
	}
	if dr := dateRange(c.Days, lang); dr != "" {
		parts = append(parts, dr)
	}
	d.details = strings.Join(parts, " · ")
	d.sentence = attendedSentence(c, lang)
	date := opts.Date
	if date.IsZero() && len(c.Days) > 0 {
		date = c.Days[len(c.Days)-1].Time()
	}
	if date.IsZero() {
		date = time.Now()
	}
	switch {
	case c.City != "" && lang == "fr":
		d.place = fmt.Sprintf("Fait à %s, le %s", c.City, dateLong(date, lang))
	case c.City != "":
		d.place = fmt.Sprintf("Issued in %s on %s", c.City, dateLong(date, lang))
	default:
		d.place = tr(lang, "Issued on ", "Fait le ") + dateLong(date, lang)
	}
	labels := [4]string{tr(lang, "Day", "Jour"), tr(lang, "Time", "Horaire"), tr(lang, "Duration", "Durée"), tr(lang, "Session", "Session")}
	widths := [4]float64{30, 36, 22, 0}
	x := certMargin
	for i := range d.cols {
		w := widths[i]
		if i == len(d.cols)-1 {
			w = a4W - certMargin - x
		}
		d.cols[i] = tableColumn{x, w, labels[i]}
		x += w
	}
	return d
}

// attendedSentence says what the person attended, where and when: "a
// participé au Congrès de la fédération, qui s'est tenu à Lille les 25 et
// 26 novembre 2021." A French name that does not start with "Congrès" is
// quoted after "au congrès", so that the article always agrees.
func attendedSentence(c data.Congress, lang string) string {
	name := strings.TrimSpace(c.Name)
	when := congressWhen(c.Days, lang)
	if lang == "fr" {
		what := "au congrès"
		switch {
		case strings.HasPrefix(data.Fold(name), "congres"):
			what = "au " + name
		case name != "":
			what = "au congrès « " + name + " »"
		}
		s := "a participé " + what + ", qui s'est tenu"
		if c.City != "" {
			s += " à " + c.City
		}
		return s + " " + when + "."
	}
	what := "the congress"
	if name != "" {
		what = name
	}
	s := "attended " + what + ", held"
	if c.City != "" {
		s += " in " + c.City
	}
	return s + " " + when + "."
}

// congressWhen says when the congress took place, for a sentence: "les 25
// et 26 novembre 2021", "du 24 au 26 novembre 2021", "le 25 novembre 2021";
// "on 25 and 26 November 2021", "from 24 to 26 November 2021".
func congressWhen(days []data.Day, lang string) string {
	if len(days) == 0 {
		return ""
	}
	a, b := days[0].Time(), days[len(days)-1].Time()
	consecutive := !a.IsZero() && !b.IsZero() && len(days) >= 3 &&
		b.Sub(a) < time.Duration(len(days))*24*time.Hour && b.Sub(a) > time.Duration(len(days)-2)*24*time.Hour
	if consecutive {
		months := monthsEN
		if lang == "fr" {
			months = monthsFR
		}
		from := dayNumber(a, lang)
		if a.Month() != b.Month() || a.Year() != b.Year() {
			from += " " + months[a.Month()-1]
		}
		if a.Year() != b.Year() {
			from += fmt.Sprintf(" %d", a.Year())
		}
		to := dateLong(b, lang)
		return tr(lang, "from "+from+" to "+to, "du "+from+" au "+to)
	}
	list := daysList(days, lang, false)
	if lang == "fr" {
		if len(days) == 1 {
			return "le " + list
		}
		return "les " + list
	}
	return "on " + list
}

// daysList writes days (in order) as a sentence lists them, the month and
// year once for the days they share: "25 et 26 novembre 2021", "jeudi 25
// et vendredi 26 novembre 2021", "30 November and 1 December 2021".
func daysList(days []data.Day, lang string, weekday bool) string {
	months, weekdays := monthsEN, weekdaysLongEN
	if lang == "fr" {
		months, weekdays = monthsFR, weekdaysLongFR
	}
	items := make([]string, len(days))
	for i, d := range days {
		t := d.Time()
		if t.IsZero() {
			items[i] = string(d)
			continue
		}
		s := dayNumber(t, lang)
		if weekday {
			s = weekdays[t.Weekday()] + " " + s
		}
		var next time.Time
		if i+1 < len(days) {
			next = days[i+1].Time()
		}
		if next.IsZero() || next.Month() != t.Month() || next.Year() != t.Year() {
			s += " " + months[t.Month()-1]
		}
		if next.IsZero() || next.Year() != t.Year() {
			s += fmt.Sprintf(" %d", t.Year())
		}
		items[i] = s
	}
	return joinWords(items, lang)
}

// sessionMinutes is a session's duration: Minutes, or End − Start.
func sessionMinutes(s *data.AttendedSession) int {
	if s.Minutes > 0 {
		return s.Minutes
	}
	return max(0, int(s.End-s.Start))
}

func (d *certDesign) contentW() float64 { return a4W - 2*certMargin }
func (d *certDesign) footerBox() Box {
	return Box{certMargin, a4H - certBottom - certFooterH, d.contentW(), certFooterH}
}

// sigTop is where the signature block starts; the content above ends 4 mm
// higher.
func (d *certDesign) sigTop() float64 { return d.footerBox().Y - 3 - certSigBlockH }

// pages lays out r's certificate: one page, with a more compact top when
// the sessions need it, or more pages when they do not fit on one even in
// small print.
func (d *certDesign) pages(r *data.CertificateRow) []docPage {
	n := len(r.Sessions)
	total := 0
	for i := range r.Sessions {
		total += sessionMinutes(&r.Sessions[i])
	}
	limit := d.sigTop() - 4 // the table ends here on the signature's page
	var pg docPage
	var y float64
	for _, compact := range []bool{false, true} {
		pg = docPage{box: Box{0, 0, a4W, a4H}}
		y = d.front(&pg, r, compact)
		if n == 0 {
			d.signature(&pg)
			d.footer(&pg, r, 0, 1)
			return []docPage{pg}
		}
		// The table: a header row, a line per session, a line for the total.
		pg.add(fieldCertSessions, tr(d.lang, "Sessions attended", "Sessions suivies"), Box{certMargin, y, d.contentW(), 6},
			textStyle{Bold: true, MaxSize: 11, MinSize: 8, MaxLines: 1, Align: 'L'}, black)
		y += 7
		if rh := (limit - y - certHeadRow) / float64(n+1); rh >= certRowMin {
			d.table(&pg, y, min(rh, certRowMax), r.Sessions, total)
			d.signature(&pg)
			d.footer(&pg, r, 0, 1)
			return []docPage{pg}
		}
	}

	// Too long for one page: the first page's table goes down to the
	// footer, and continues on pages headed with the person's name, the
	// total and the signature on the last.
	fitRows := func(top, bottom float64) int { return int((bottom-top-certHeadRow)/certRowMin + 1e-9) }
	full := d.footerBox().Y - 3
	var pages []docPage
	rest := r.Sessions
	for {
		if len(rest)+1 <= fitRows(y, limit) { // the rest, the total and the signature
			d.table(&pg, y, certRowMin, rest, total)
			d.signature(&pg)
			pages = append(pages, pg)
			break
		}
		k := min(fitRows(y, full), len(rest))
		if k == len(rest) {
			k-- // at least one line goes with the total and the signature
		}
		k = max(k, 1)
		d.table(&pg, y, certRowMin, rest[:k], -1)
		rest = rest[k:]
		pages = append(pages, pg)
		pg = docPage{box: Box{0, 0, a4W, a4H}}
		y = d.continuation(&pg, r)
	}
	for i := range pages {
		d.footer(&pages[i], r, i, len(pages))
	}
	return pages
}

// front lays out the top of the first page, down to the days attended, and
// returns the y where the sessions may start. Compact, it leaves less room
// around its lines, for a long table of sessions.
func (d *certDesign) front(pg *docPage, r *data.CertificateRow, compact bool) float64 {
	x, w := certMargin, d.contentW()
	g := 1.0 // the gaps' scale
	logoH, congressH, titleH, nameH, orgH := 22.0, 14.0, 12.0, 15.0, 10.0
	congressMax, titleMax := 18.0, 24.0
	if compact {
		g, logoH, congressH, titleH, nameH, orgH = 0.5, 12, 11, 10, 13, 8
		congressMax, titleMax = 15, 20
	}
	y := certTop
	if d.logo != nil {
		im := pg.image(logoName, d.logo, Box{x + (w-70)/2, y, 70, logoH}, 'B')
		y = im.Bottom() + 4*g
	}
	center := func(field, text string, h float64, st textStyle, c rgb) {
		st.Align = 'C'
		pg.add(field, text, Box{x, y, w, h}, st, c)
		y += h
	}
	center(fieldCongress, d.congress.Name, congressH, textStyle{Bold: true, MaxSize: congressMax, MinSize: 10, MaxLines: 2}, black)
	center(fieldDates, d.details, 6, textStyle{MaxSize: 10.5, MinSize: 7, MaxLines: 1}, grey)
	y += 4 * g
	pg.rule(x+w/2-30, y, x+w/2+30, y, 0.3, lightGrey)
	y += 6 * g
	center(fieldCertTitle, tr(d.lang, "Certificate of attendance", "Attestation de présence"), titleH,
		textStyle{Bold: true, MaxSize: titleMax, MinSize: 14, MaxLines: 1}, black)
	y += 6 * g
	center(fieldCertIntro, tr(d.lang, "We certify that", "Nous certifions que"), 6,
		textStyle{MaxSize: 12, MinSize: 9, MaxLines: 1}, black)
	y += 1
	center(fieldCertName, strings.TrimSpace(r.FirstName+" "+r.LastName), nameH,
		textStyle{Bold: true, MaxSize: 22, MinSize: 11, MaxLines: 2}, black)
	if strings.TrimSpace(r.Organisation) != "" {
		center(fieldCertOrg, r.Organisation, orgH, textStyle{MaxSize: 12, MinSize: 8, MaxLines: 2}, darkGrey)
	}
	y += 2 * g
	// The sentence is everyone's: fitted once.
	sb := Box{x, y, w, 16}
	if d.sentenceFit == nil {
		f := fitParagraph(d.sentence, sb, textStyle{MaxSize: 12, MinSize: 8, Align: 'C'})
		d.sentenceFit = &f
	}
	pg.texts = append(pg.texts, placedText{field: fieldCertSentence, box: sb, fit: *d.sentenceFit, align: 'C', colour: black})
	y += sb.H + 4*g
	if len(r.Days) > 0 {
		y = d.daysTable(pg, r.Days, y, compact) + 3*g
	}
	return y
}

// continuation heads a page that continues a person's table of sessions,
// and returns where the table starts.
func (d *certDesign) continuation(pg *docPage, r *data.CertificateRow) float64 {
	x, w := certMargin, d.contentW()
	pg.add(fieldCongress, d.congress.Name, Box{x, certTop, w, 6},
		textStyle{Bold: true, MaxSize: 10, MinSize: 7, MaxLines: 1, Align: 'L'}, grey)
	title := tr(d.lang, "Certificate of attendance", "Attestation de présence") + " — " +
		strings.TrimSpace(r.FirstName+" "+r.LastName) + tr(d.lang, " (continued)", " (suite)")
	pg.add(fieldCertSessions, title, Box{x, certTop + 7, w, 9},
		textStyle{Bold: true, MaxSize: 12, MinSize: 7, MaxLines: 2, Align: 'L'}, black)
	return certTop + 20
}

// table lays out a table of sessions from y with lines rh high, followed
// by a line with total (minutes, of all the person's sessions) unless it is
// negative.
func (d *certDesign) table(pg *docPage, y, rh float64, sessions []data.AttendedSession, total int) {
	left, right := d.cols[0].x, d.cols[len(d.cols)-1].x+d.cols[len(d.cols)-1].w
	top := y
	pg.fills = append(pg.fills, placedFill{Box{left, y, right - left, certHeadRow}, headFill})
	for _, c := range d.cols {
		cell := Box{c.x, y, c.w, certHeadRow}
		pg.cells = append(pg.cells, cell)
		pg.add(fieldTableHead, c.label, certInCell(cell), textStyle{Bold: true, MaxSize: 9, MinSize: 6, MaxLines: 1, Align: 'L'}, black)
	}
	y += certHeadRow
	pg.rule(left, top, right, top, 0.3, ruleGrey)
	pg.rule(left, y, right, y, 0.3, ruleGrey)
	size := min(9.5, rh*2) // points: 9.5 at 7 mm, less on tighter lines
	lines := 1
	if rh >= 6.5 {
		lines = 2
	}
	for i := range sessions {
		s := &sessions[i]
		texts := [4]string{dayShort(s.Day, d.lang), timeRange(s.Start, s.End, d.lang), durationText(sessionMinutes(s), d.lang), s.Title}
		for j, c := range d.cols {
			cell := Box{c.x, y, c.w, rh}
			pg.cells = append(pg.cells, cell)
			st := textStyle{MaxSize: size, MinSize: min(size, 5.5), MaxLines: 1, Align: 'L'}
			if j == 3 {
				st.MaxLines, st.Bold = lines, s.Kind == data.KindPlenary
			}
			pg.add(fieldCertCell, texts[j], certInCell(cell), st, black)
		}
		y += rh
		pg.rule(left, y, right, y, 0.15, lightGrey)
	}
	rowsEnd := y // the total's label spans the first two columns
	if total >= 0 {
		label := Box{d.cols[0].x, y, d.cols[1].x + d.cols[1].w - d.cols[0].x, rh}
		val := Box{d.cols[2].x, y, d.cols[2].w, rh}
		pg.cells = append(pg.cells, label, val)
		st := textStyle{Bold: true, MaxSize: size, MinSize: min(size, 5.5), MaxLines: 1, Align: 'L'}
		pg.add(fieldCertTotal, tr(d.lang, "Total of the sessions", "Durée totale des sessions"), certInCell(label), st, black)
		pg.add(fieldCertTotal, durationText(total, d.lang), certInCell(val), st, black)
		y += rh
		pg.rule(left, y, right, y, 0.3, ruleGrey)
	}
	for i, c := range d.cols {
		end := y
		if i == 1 {
			end = rowsEnd
		}
		pg.rule(c.x, top, c.x, end, 0.15, ruleGrey)
	}
	pg.rule(right, top, right, y, 0.15, ruleGrey)
}

func certInCell(c Box) Box { return Box{c.X + 1.5, c.Y + 0.5, c.W - 3, c.H - 1} }

// signature lays out the block at the bottom right: place and date, the
// signature image kept to scale (or room to sign by hand), a line, and
// under it the signatory's name and role, or what to write there when no
// signatory is set (CertificateWarnings says so).
func (d *certDesign) signature(pg *docPage) {
	bw := 80.0
	x, y := a4W-certMargin-bw, d.sigTop()
	pg.add(fieldCertPlace, d.place, Box{x, y, bw, 6}, textStyle{MaxSize: 11, MinSize: 7, MaxLines: 1, Align: 'C'}, black)
	pg.image(d.sigName, d.sig, Box{x + 5, y + 8, bw - 10, 24}, 'B')
	pg.rule(x+5, y+33, x+bw-5, y+33, 0.3, ruleGrey)
	if d.congress.Signatory == "" {
		pg.add(fieldCertSignatory, tr(d.lang, "Name, role and signature", "Nom, qualité et signature"), Box{x, y + 34, bw, 5},
			textStyle{MaxSize: 8.5, MinSize: 7, MaxLines: 1, Align: 'C'}, grey)
		return
	}
	pg.add(fieldCertSignatory, d.congress.Signatory, Box{x, y + 34, bw, 9}, textStyle{MaxSize: 10.5, MinSize: 7, MaxLines: 2, Align: 'C'}, black)
}

// footer writes the participant's code and, on a certificate of several
// pages, the page number.
func (d *certDesign) footer(pg *docPage, r *data.CertificateRow, k, n int) {
	f := d.footerBox()
	if r.Code != "" {
		pg.add(fieldFooter, "Participant "+r.Code+" · "+d.congress.Name, Box{f.X, f.Y, f.W * 0.75, f.H},
			textStyle{MaxSize: 7.5, MinSize: 5, MaxLines: 1, Align: 'L'}, grey)
	}
	if n > 1 {
		pg.add(fieldPageNumber, fmt.Sprintf("Page %d/%d", k+1, n), Box{f.X + f.W*0.75, f.Y, f.W * 0.25, f.H},
			textStyle{MaxSize: 7.5, MaxLines: 1, Align: 'R'}, grey)
	}
}
