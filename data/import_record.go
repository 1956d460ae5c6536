package data

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Reading a row under a mapping: text made typed values (an email checked,
// an amount in cents, yes and no, a status, congress days), or the reason
// the row cannot be imported.

// The errors of a row.
var (
	// ErrImportEmailLeftOut is the warning of a row imported without its
	// email, which is none: its ticket says who the row is.
	ErrImportEmailLeftOut = newErr(KindInvalid, "import_email_left_out", "email",
		"“%s” in the column “%s” is not a valid email address: the row was imported without it.",
		"«%s» dans la colonne «%s» n'est pas une adresse e-mail valide : la ligne a été importée sans elle.")
	ErrImportNoName = newErr(KindInvalid, "import_no_name", "last_name",
		"The row gives no name: a first name, a last name or a full name is required.",
		"La ligne ne donne aucun nom : un prénom, un nom ou un nom complet est obligatoire.")
	ErrImportExtraCells = newErr(KindInvalid, "import_extra_cells", "",
		"This row has %d cells but the header only %d columns: a value probably contains the delimiter without quotes.",
		"Cette ligne a %d cellules mais l'en-tête seulement %d colonnes : une valeur contient sans doute le séparateur sans guillemets.")
	ErrImportFeeInvalid = newErr(KindInvalid, "import_fee_invalid", "fee",
		"“%s” in the column “%s” is not an amount (expected e.g. 45 or 45,50 €).",
		"«%s» dans la colonne «%s» n'est pas un montant (par exemple 45 ou 45,50 €).")
	ErrImportYesNo = newErr(KindInvalid, "import_yes_no", "",
		"“%s” in the column “%s” is neither yes nor no.",
		"«%s» dans la colonne «%s» n'est ni oui ni non.")
	ErrImportNotesTooLong = newErr(KindInvalid, "import_notes_too_long", "notes",
		"The notes of this row are longer than %d KB: shorten them, or leave that column out.",
		"Les remarques de cette ligne dépassent %d Ko : raccourcissez-les, ou ignorez cette colonne.")
)

// shownCell is how much of a cell a message quotes.
const shownCell = 100

// shown is a cell as a message quotes it: cut after shownCell characters,
// so that the report of a file of long wrong values stays small.
func shown(v string) string {
	if len(v) <= shownCell {
		return v
	}
	n := 0
	for i := range v {
		if n == shownCell {
			return v[:i] + "…"
		}
		n++
	}
	return v
}

// RecordParser turns rows into records under a mapping. It prepares itself
// on the first Parse (Header, Mapping and Days must not change after) and
// remembers the values it has read (statuses, yes and no, days), so it is
// not safe for concurrent use. The records' Has maps are shared by the
// records that give the same fields: read them, never write to them.
//
// What Parse checks is what a row alone can tell: a name (first, last or
// full), the email's form, the code's form, the status, the amount, the
// days against the congress's. It does not call Participant.Validate (the
// category is the writer's to resolve): the lengths of texts, and a first
// and a last name for a new participant, are checked when the writer
// validates the participant.
type RecordParser struct {
	Header  []string
	Mapping []ImportField
	Days    []Day // the congress days, to read "both days", "day 1", dates
	// DateOrder is how dates like 03/02/2026 are read (DateOrderAuto:
	// see dayMonth).
	DateOrder DateOrder
	// Ambiguous lists the columns of the rows parsed that hold a date
	// reading as two congress days, read day first.
	Ambiguous []string

	prep *recordPrep
}

// recordPrep is what a parser works out once.
type recordPrep struct {
	cols     []recordCol
	nameCol  string // the header of the first name column, for ErrImportNoName
	notesCol string // the header of the first notes column, for ErrImportNotesTooLong
	days     map[Day]int
	yesNo    map[string]int8 // cell → 1 yes, 0 no, -1 neither
	statuses map[string]Status
	dayCache map[dayKey]dayResult
	lists    map[string][]string
	none     map[string]bool
	has      map[fieldSet]map[ImportField]bool
	texts    map[ImportField]map[string]string // see keep
	orders   map[string]DateOrder              // by column: month first once a cell read only so
	hints    map[string]DateOrder              // by column: the order of a date that read only one way (describes the others)
	settles  map[string]bool                   // status cell → the order was paid online (settled)
	paidCol  bool                              // a column is mapped to FieldPaid
}

// fieldSet is a set of fields, one bit each.
type fieldSet uint32

var fieldBits = func() map[ImportField]fieldSet {
	m := map[ImportField]fieldSet{}
	for i, f := range importFieldOrder {
		m[f] = 1 << i
	}
	return m
}()

// hasMap returns the Has map of a set of fields: one map per set, shared
// by the records that give the same fields (rows of an export mostly give
// the same), which saves building a map for each row.
func (p *recordPrep) hasMap(s fieldSet) map[ImportField]bool {
	if m, ok := p.has[s]; ok {
		return m
	}
	m := make(map[ImportField]bool, bits.OnesCount32(uint32(s)))
	for f, b := range fieldBits {
		if s&b != 0 {
			m[f] = true
		}
	}
	p.has[s] = m // at most one per combination of the mapped fields
	return m
}

type recordCol struct {
	idx       int
	field     ImportField
	header    string
	lastFirst bool // a full name written "Last First" ("Nom Prénom")
	validity  bool // a status column that says whether the ticket is valid (Billetweb's "Valide": Oui/Non)
	bit       fieldSet
}

// cacheLimit bounds each memo of a parser: the values of a column repeat,
// but a column mapped by mistake could hold a different text on each row.
const cacheLimit = 4096

func (rp *RecordParser) prepare() *recordPrep {
	if rp.prep != nil {
		return rp.prep
	}
	p := &recordPrep{days: make(map[Day]int, len(rp.Days)), yesNo: map[string]int8{},
		statuses: map[string]Status{}, dayCache: map[dayKey]dayResult{},
		lists: map[string][]string{}, none: map[string]bool{}, has: map[fieldSet]map[ImportField]bool{},
		texts: map[ImportField]map[string]string{}, orders: map[string]DateOrder{}, settles: map[string]bool{}}
	for i, d := range rp.Days {
		p.days[d] = i
	}
	for i, f := range rp.Mapping {
		if f == FieldIgnore {
			continue
		}
		h := ""
		if i < len(rp.Header) {
			h = rp.Header[i]
		}
		c := recordCol{idx: i, field: f, header: h, bit: fieldBits[f]}
		if f == FieldFullName {
			fh := Fold(h)
			// "Nom Prénom", "Nom et prénom", "Last name, first name"
			c.lastFirst = (strings.HasPrefix(fh, "nom") && strings.Contains(fh, "prenom")) ||
				((strings.HasPrefix(fh, "last") || strings.HasPrefix(fh, "surname")) && strings.Contains(fh, "first"))
		}
		if f == FieldStatus {
			c.validity = validityHeaders[Fold(h)]
		}
		if p.nameCol == "" && (f == FieldFirstName || f == FieldLastName || f == FieldFullName) {
			p.nameCol = h
		}
		if f == FieldPaid {
			p.paidCol = true
		}
		if p.notesCol == "" && f == FieldNotes {
			p.notesCol = h
		}
		p.cols = append(p.cols, c)
	}
	rp.prep = p
	return p
}

// Parse reads one row. Rows with Err set are to be rejected; the first
// fault found is the one reported.
func (rp *RecordParser) Parse(row ImportRow) ImportRecord {
	p := rp.prepare()
	rec := ImportRecord{Line: row.Line}
	if row.Err != nil {
		rec.Err = row.Err
		return rec
	}
	var has fieldSet
	notes := 0 // bytes of the notes columns' values
	fail := func(err error, column string) {
		if rec.Err == nil {
			rec.Err, rec.Column = err, column
		}
	}
	if len(row.Cells) > len(rp.Header) {
		for _, c := range row.Cells[len(rp.Header):] {
			if strings.TrimSpace(c) != "" {
				fail(ErrImportExtraCells.With(len(row.Cells), len(rp.Header)), "")
				break
			}
		}
	}
	var fullFirst, fullLast string
	validYes := false     // a validity column said yes: confirmed if paid, else pending
	settled := false      // a platform's status said the order was paid online
	var response []string // the values of the form response's columns
	responseCol := ""
	// emailBad: an email that is none (badEmail, in the column
	// badEmailCol), found while the row had no fault.
	emailBad, badEmail, badEmailCol := false, "", ""
	for _, c := range p.cols {
		if c.idx >= len(row.Cells) {
			continue
		}
		v := strings.TrimSpace(row.Cells[c.idx])
		if v == "" {
			continue
		}
		if v[0] == '\'' {
			v = CSVTextValue(v) // a value written by CSVText (a file of rejected rows)
		}
		switch c.field {
		case FieldFirstName:
			rec.P.FirstName = p.keep(FieldFirstName, cleanCell(v))
		case FieldLastName:
			rec.P.LastName = p.keep(FieldLastName, cleanCell(v))
		case FieldFullName:
			if f := Fold(v); f == "anonyme" || f == "anonymous" {
				continue
			}
			fullFirst, fullLast = splitFullName(cleanCell(v), c.lastFirst)
			fullFirst, fullLast = p.keep(FieldFirstName, fullFirst), p.keep(FieldLastName, fullLast)
		case FieldEmail:
			e := strings.TrimPrefix(strings.ToLower(cleanCell(v)), "mailto:")
			if e == "anonymous" || e == "anonyme" {
				continue // Microsoft Forms, when the form collects no email
			}
			if !simpleEmail(e) && !validEmail(e) {
				if rec.Err == nil && !emailBad { // decided once the row's tickets are known
					emailBad, badEmail, badEmailCol = true, shown(v), c.header
				}
				continue
			}
			rec.P.Email = strings.Clone(e)
		case FieldPhone:
			rec.P.Phone = strings.Clone(fixPhone(cleanCell(v)))
		case FieldCode:
			code := NormaliseCode(v)
			if !ValidCode(code) {
				fail(ErrCodeInvalid.With(shown(v)), c.header)
				continue
			}
			rec.P.Code = strings.Clone(code)
		case FieldOrganisation:
			rec.P.Organisation = p.keep(FieldOrganisation, cleanCell(v))
		case FieldJobTitle:
			rec.P.JobTitle = p.keep(FieldJobTitle, cleanCell(v))
		case FieldRegion:
			rec.P.Region = p.keep(FieldRegion, cleanCell(v))
		case FieldCategory:
			rec.Category = p.keep(FieldCategory, cleanCell(v))
		case FieldDiet, FieldAccessibility:
			if p.isNone(v) {
				continue
			}
			if c.field == FieldDiet {
				rec.P.Diet = p.keep(FieldDiet, cleanCell(v))
			} else {
				rec.P.Accessibility = p.keep(FieldAccessibility, cleanCell(v))
			}
		case FieldStatus:
			s := p.status(v)
			if c.validity {
				s = p.validity(v)
				validYes = s == StatusConfirmed
			} else if s == StatusConfirmed {
				settled = p.settled(v)
			}
			if s == "" {
				if r := rec.remark(); r.status == "" { // imported without it, with a warning (warnRemarks)
					r.status, r.statusColumn = shown(v), c.header
				}
				continue
			}
			rec.P.Status = s
		case FieldFee:
			cents, err := ParseEuros(v)
			if err != nil {
				fail(ErrImportFeeInvalid.With(shown(v), c.header), c.header)
				continue
			}
			if strings.ContainsRune(v, '$') {
				if r := rec.remark(); r.currency == "" { // read as euros, with a warning (warnRemarks)
					r.currency, r.currencyColumn = shown(v), c.header
				}
			}
			rec.P.FeeCents = cents
		case FieldPaid, FieldImageConsent:
			yes := p.yesNoOf(v)
			if yes < 0 {
				fail(withField(ErrImportYesNo.With(shown(v), c.header), string(c.field)), c.header)
				continue
			}
			if c.field == FieldPaid {
				rec.P.Paid = yes == 1
			} else {
				rec.P.ImageConsent = yes == 1
			}
		case FieldDays:
			days, err := rp.days(c, v)
			if err != nil {
				fail(err, c.header)
				continue
			}
			rec.P.Days = append(rec.P.Days, days...)
		case FieldWorkshops:
			rec.Workshops = append(rec.Workshops, p.workshops(v)...)
		case FieldTicket:
			if !rec.addTickets(v, c.header) {
				continue
			}
		case FieldResponse:
			if responseCol == "" {
				responseCol = c.header
			}
			response = append(response, v)
		case FieldNotes:
			notes += len(v)
			line := v
			if c.header != "" {
				line = c.header + ": " + v
			} else if rec.P.Notes == "" {
				line = strings.Clone(v)
			}
			if rec.P.Notes != "" {
				line = rec.P.Notes + "\n" + line
			}
			rec.P.Notes = line
		default:
			continue
		}
		has |= c.bit
	}
	if fullFirst != "" && rec.P.FirstName == "" {
		rec.P.FirstName = fullFirst
		has |= fieldBits[FieldFirstName]
	}
	if fullLast != "" && rec.P.LastName == "" {
		rec.P.LastName = fullLast
		has |= fieldBits[FieldLastName]
	}
	if validYes && has&fieldBits[FieldPaid] != 0 && !rec.P.Paid {
		rec.P.Status = StatusPending // a valid ticket not paid yet
	}
	if settled && rec.P.Status == StatusConfirmed && rec.P.FeeCents > 0 && !p.paidCol {
		// Validated with its amount, on a platform that took the payment:
		// paid, as a paid column would say (a free ticket owes nothing).
		rec.P.Paid = true
		has |= fieldBits[FieldPaid]
	}
	if len(response) > 0 {
		rec.Tickets = append(rec.Tickets, Ticket{Code: formResponse(response, rec.P.Email), Source: responseCol})
	}
	if len(rec.P.Days) > 1 {
		rec.P.Days = sortDays(rec.P.Days)
	}
	if emailBad {
		// A row with a ticket is imported without an email that is none
		// (a payer's typo): the ticket says who the row is. Without one,
		// the email may be what finds the person: the row is rejected,
		// for its email first (found before any other fault).
		if len(rec.Tickets) > 0 {
			rec.EmailIssue, rec.EmailColumn = ErrImportEmailLeftOut.With(badEmail, badEmailCol), badEmailCol
		} else {
			rec.Err, rec.Column = ErrEmailInvalid.With(badEmail), badEmailCol
		}
	}
	if rec.P.FirstName == "" && rec.P.LastName == "" {
		fail(ErrImportNoName, p.nameCol)
	}
	// The form's limit, on the values of all notes columns together (the
	// headers put before them aside: Validate judges the notes they make),
	// so that the notes saved in the window are taken again; the rows held
	// stay small.
	if notes > maxNotes {
		fail(withField(ErrImportNotesTooLong.With(maxNotes/1000), "notes"), p.notesCol)
		rec.P.Notes = "" // not kept: a rejected row holds little
	}
	rec.Has = p.hasMap(has)
	return rec
}

// keep returns a value a record keeps as a string of its own: the cells
// of a row share one string, which a record would otherwise hold whole
// for a few of its values, 180 bytes a row of a ticketing export, and a
// plan holds 200,000 records. Values a column had before come from a memo
// (first names, organisations, job titles, regions and diets repeat), so
// that they are held once. Fields of unique values (emails, phones,
// codes) are cloned without it.
func (p *recordPrep) keep(f ImportField, v string) string {
	if v == "" {
		return ""
	}
	memo := p.texts[f]
	if k, ok := memo[v]; ok {
		return k
	}
	k := strings.Clone(v)
	if memo == nil {
		memo = map[string]string{}
		p.texts[f] = memo
	}
	if len(memo) < cacheLimit {
		memo[k] = k
	}
	return k
}

// noneWords say "nothing" in a diet or accessibility column.
var noneWords = map[string]bool{"": true, "aucun": true, "aucune": true, "non": true, "no": true,
	"none": true, "rien": true, "n a": true, "na": true, "nan": true, "sans": true, "nothing": true,
	"pas de": true, "neant": true, "ras": true, "no need": true, "pas de besoin": true,
	"aucun besoin": true, "non concerne": true, "non concernee": true, "not applicable": true}

// isNone reads a "nothing" (aucun, none, n/a…), from the memo when seen
// before.
func (p *recordPrep) isNone(v string) bool {
	n, ok := p.none[v]
	if !ok {
		n = noneWords[Fold(v)]
		if len(p.none) < cacheLimit {
			p.none[v] = n
		}
	}
	return n
}

// splitFullName splits "First Last", "First de la Last", "LAST First"
// (words in capitals are the last name, wherever they are) or, for a
// column named like "Nom Prénom", "Last First".
func splitFullName(s string, lastFirst bool) (first, last string) {
	words := strings.Fields(s)
	switch len(words) {
	case 0:
		return "", ""
	case 1:
		return "", words[0]
	}
	var caps, other []string
	for _, w := range words {
		if isCapitals(w) {
			caps = append(caps, w)
		} else {
			other = append(other, w)
		}
	}
	if len(caps) > 0 && len(other) > 0 {
		return strings.Join(other, " "), strings.Join(caps, " ")
	}
	if lastFirst {
		n := 1
		for n < len(words)-1 && isParticle(words[n-1]) {
			n++
		}
		return strings.Join(words[n:], " "), strings.Join(words[:n], " ")
	}
	n := len(words) - 1
	for n > 1 && isParticle(words[n-1]) {
		n--
	}
	return strings.Join(words[:n], " "), strings.Join(words[n:], " ")
}

// isCapitals reports a word of at least two letters, all capitals.
func isCapitals(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

var particles = map[string]bool{"de": true, "du": true, "des": true, "d": true, "le": true,
	"la": true, "van": true, "von": true, "der": true, "den": true, "di": true, "da": true,
	"del": true, "della": true, "dos": true, "das": true, "do": true, "ben": true, "el": true,
	"al": true, "ter": true, "ten": true, "y": true}

func isParticle(w string) bool { return particles[strings.ToLower(w)] }

// fixPhone gives back the leading zero a spreadsheet took from a French
// number ("612345678" → "0612345678").
func fixPhone(s string) string {
	if len(s) != 9 || s[0] == '0' {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return s
		}
	}
	return "0" + s
}

// cleanCell is clean for a trimmed v, quicker on the common case: text
// below U+0300 (Latin letters with their accents precomposed, no
// combining marks) is already NFC.
func cleanCell(v string) string {
	for i := 0; i < len(v); i++ {
		if v[i] >= utf8.RuneSelf {
			for _, r := range v[i:] {
				if r >= 0x300 {
					return norm.NFC.String(v)
				}
			}
			return v
		}
	}
	return v
}

// simpleEmail accepts the common addresses without net/mail's parser:
// letters, digits and . _ % + - before the @, a dotted domain after,
// which validEmail accepts too. Anything else goes to validEmail.
func simpleEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return false
	}
	dots := 0
	prev := byte('.')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-':
		case c == '_' || c == '%' || c == '+':
			if i > at {
				return false
			}
		case c == '.':
			if prev == '.' || prev == '@' {
				return false
			}
			if i > at {
				dots++
			}
		case c == '@':
			if i != at || prev == '.' {
				return false
			}
		default:
			return false
		}
		prev = c
	}
	return dots > 0 && prev != '.'
}

// workshops splits a workshops cell, from the memo when seen before.
func (p *recordPrep) workshops(v string) []string {
	l, ok := p.lists[v]
	if !ok {
		l = splitList(v)
		if len(p.lists) < cacheLimit {
			p.lists[v] = l
		}
	}
	return append([]string(nil), l...)
}

// splitList splits workshops: on ; | and new lines when the cell has any,
// else on commas (Google Forms joins checked answers with ", "), so that
// titles with commas survive when a stronger separator is used.
func splitList(s string) []string {
	seps := ";|\n\r"
	if !strings.ContainsAny(s, seps) {
		seps = ","
	}
	var out []string
	for len(s) > 0 {
		i := strings.IndexAny(s, seps)
		part := s
		if i >= 0 {
			part, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, clean(part))
		}
	}
	return out
}

// yesNo reads a yes or a no, in French or English, as spreadsheets and
// forms write it: oui/non, yes/no, true/false, 1/0, x, payé, validé,
// "Oui, j'autorise…" (the first word decides when the whole does not).
var yesNoWords = func() map[string]int8 {
	m := map[string]int8{}
	for _, w := range []string{"oui", "yes", "y", "o", "true", "vrai", "1", "x", "ok", "paye", "payee",
		"paid", "valide", "validee", "validated", "regle", "reglee", "accepte", "acceptee", "accepted",
		"j accepte", "autorise", "autorisee", "j autorise", "d accord", "consent", "consenti",
		"agreed", "agree", "i agree", "confirme", "confirmee", "confirmed", "complete", "completed",
		"encaisse", "recu", "received", "done", "fait"} {
		m[w] = 1
	}
	for _, w := range []string{"non", "no", "n", "false", "faux", "0", "impaye", "impayee", "non paye",
		"non payee", "unpaid", "not paid", "en attente", "attente", "pending", "refuse", "refusee",
		"je refuse", "refused", "declined", "rembourse", "remboursee", "refunded", "annule", "annulee",
		"cancelled", "canceled", "je n autorise pas", "pas d accord", "a payer", "due", "-"} {
		m[w] = 0
	}
	return m
}()

func (p *recordPrep) yesNoOf(v string) int8 {
	if y, ok := p.yesNo[v]; ok {
		return y
	}
	y := int8(-1)
	switch v {
	case "✓", "✔", "☑", "✅":
		y = 1
	case "✗", "✘", "☐", "❌":
		y = 0
	default:
		f := Fold(v)
		if w, ok := yesNoWords[f]; ok {
			y = w
		} else if i := strings.IndexByte(f, ' '); i > 0 {
			if w, ok := yesNoWords[f[:i]]; ok && len(f[:i]) > 1 {
				y = w
			}
		}
	}
	if len(p.yesNo) < cacheLimit {
		p.yesNo[v] = y
	}
	return y
}
