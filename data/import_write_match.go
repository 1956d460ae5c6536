package data

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// importTarget is a participant an import may write: one already
// registered (loaded when a row matches them) or one the file creates.
type importTarget struct {
	id      int64
	p       *Participant // nil until a row matches them
	stored  Status       // their status as stored, for cancellations
	isNew   bool
	line    int    // the file's line that registers them, for someone new
	changed bool   // already registered, and changed by the file
	email   string // lower case, for matching by name
	org     int64  // organisation ID, 0 for none
	// ticketed: they hold a ticket or a form response (already or by
	// this file), which then says who they are: another row with an
	// identifier of its own is someone else, unless it has their email
	// and their name.
	ticketed bool
	// answered: they hold a form's response (import_answers.go).
	answered bool
	// The statuses this file's rows gave them: active, a row not
	// cancelled; cancelled, a row cancelled. One person's valid ticket
	// keeps them expected whatever their other, refunded, tickets say.
	active, cancelled bool
	// fileDays: a row of this file gave their days (import_reimport.go).
	fileDays bool
	// recalled: the memory of the ticket that found the row being merged,
	// editKept: that row's values differ from an edit it kept
	// (import_memory.go).
	recalled *importMemory
	editKept bool

	sortKey, nameKey string // of p, for new participants
}

// fileStatus corrects the status a row merged into merged: a refunded or
// cancelled row does not cancel someone another row of the file keeps
// (one ticket of two refunded), and a row not cancelled takes back a
// cancellation an earlier row of the file made.
func (t *importTarget) fileStatus(merged *Participant, rec *ImportRecord) {
	if !rec.Has[FieldStatus] {
		return
	}
	switch {
	case rec.P.Status == StatusCancelled && t.active:
		merged.Status = t.p.Status
	case rec.P.Status != StatusCancelled && t.cancelled && merged.Status == StatusCancelled:
		merged.Status = rec.P.Status
	}
}

// noteStatus notes the status a row of the file gave t.
func (t *importTarget) noteStatus(rec *ImportRecord) {
	if !rec.Has[FieldStatus] {
		return
	}
	if rec.P.Status == StatusCancelled {
		t.cancelled = true
	} else {
		t.active = true
	}
}

// index files t under its keys, unless someone has them already (the first
// one registered wins).
func (im *importer) index(t *importTarget, code, nameKey string) {
	if code != "" && im.byCode[code] == nil {
		im.byCode[code] = t
	}
	if t.email != "" && im.byEmail[t.email] == nil {
		im.byEmail[t.email] = t
	}
	if im.byName[nameKey] == nil {
		im.byName[nameKey] = t
	}
}

// matchCode finds the participant whose code the row gives.
func (im *importer) matchCode(p *Participant) *importTarget {
	if p.Code != "" {
		return im.byCode[NormaliseCode(p.Code)]
	}
	return nil
}

// matchPerson finds the participant a row without a known identifier is
// about: the same email, else the same name and organisation ignoring
// case and accents (if one of the two has no email: two emails say two
// people). A row that brings an identifier of its own (a new ticket, a
// new form response) is not someone who already has one: a ticket is one
// seat, whatever name the row gives, and only a form answered again with
// the same email and name is the same person (import_answers.go). dup is the
// namesake a row found by name but not taken as its person: the report
// calls the row a possible duplicate. An order's email (the payer's, see
// IsOrderEmail) finds a person only with their name.
func (im *importer) matchPerson(rec *ImportRecord) (t, dup *importTarget, err error) {
	p := &rec.P
	identified := len(rec.Tickets) > 0
	_, name := im.keys(p)
	email := strings.ToLower(strings.TrimSpace(p.Email))
	if email != "" {
		if t := im.byEmail[email]; t != nil {
			if (!identified || !t.ticketed) && !im.orderEmail {
				return t, nil, nil
			}
			holder, err := im.nameKeyOf(t)
			switch {
			case err != nil:
				return nil, nil, err
			case holder == name && identified && t.ticketed && !formAnswers(rec):
				// Another ticket under the same name and email: one seat
				// each, as a payer's seats for guests the platform did not
				// name (issue 19: three Eventbrite tickets made one
				// person, and two guests were turned away at the desk as
				// checked in already). A possible duplicate, to merge by
				// hand if it is one person's two tickets.
				return nil, t, nil
			case holder == name:
				return t, nil, nil
			}
		}
	}
	t = im.byName[name+"\n"+im.fold(p.Organisation)]
	switch {
	case t == nil:
		return nil, nil, nil
	case identified && t.ticketed, email != "" && t.email != "" && t.email != email:
		return nil, t, nil
	}
	return t, nil, nil
}

// nameKeyOf is the folded name of a target, as stored or as the file
// made it.
func (im *importer) nameKeyOf(t *importTarget) (string, error) {
	if t.p != nil {
		_, name := im.keys(t.p)
		return name, nil
	}
	var name string
	err := im.tx.QueryRowContext(im.ctx, "SELECT name_key FROM participant WHERE id = ?", t.id).Scan(&name)
	return name, err
}

// loadTarget reads a registered participant the first time a row matches
// them.
func (im *importer) loadTarget(t *importTarget) error {
	if t.p != nil {
		return nil
	}
	p, err := loadParticipant(im.ctx, im.tx, "p.id = ?", t.id)
	if err != nil {
		return err
	}
	t.p, t.stored, t.org = &p, p.Status, p.OrganisationID
	return nil
}

// freeCode draws codes until one is unused, here or in the file.
func (im *importer) freeCode() string {
	for {
		if c := im.s.codes().next(); im.byCode[c] == nil {
			return c
		}
	}
}

// mergeRecord applies a row to a participant: with overwrite, every value
// the row gives replaces the stored one; otherwise only fields left empty
// are filled (yes/no fields count "no" as empty) and days are added.
func mergeRecord(dst *Participant, rec *ImportRecord, overwrite bool) {
	src := &rec.P
	text := func(f ImportField, d *string, v string) {
		if rec.Has[f] && v != "" && (overwrite || *d == "") {
			*d = v
		}
	}
	text(FieldCode, &dst.Code, src.Code)
	text(FieldFirstName, &dst.FirstName, src.FirstName)
	text(FieldLastName, &dst.LastName, src.LastName)
	text(FieldEmail, &dst.Email, src.Email)
	text(FieldPhone, &dst.Phone, src.Phone)
	text(FieldOrganisation, &dst.Organisation, src.Organisation)
	text(FieldJobTitle, &dst.JobTitle, src.JobTitle)
	text(FieldRegion, &dst.Region, src.Region)
	text(FieldDiet, &dst.Diet, src.Diet)
	text(FieldAccessibility, &dst.Accessibility, src.Accessibility)
	text(FieldNotes, &dst.Notes, src.Notes)
	if rec.Has[FieldStatus] && src.Status != "" && (overwrite || dst.Status == "" || statusMoves(dst.Status, src.Status)) {
		dst.Status = src.Status
	}
	if rec.Has[FieldFee] && (overwrite || dst.FeeCents == 0) {
		dst.FeeCents = src.FeeCents
	}
	if rec.Has[FieldPaid] && (overwrite || !dst.Paid) {
		dst.Paid = src.Paid
	}
	if rec.Has[FieldImageConsent] && (overwrite || !dst.ImageConsent) {
		dst.ImageConsent = src.ImageConsent
	}
	if rec.Has[FieldDays] && len(src.Days) > 0 {
		if overwrite {
			dst.Days = append(dst.Days[:0], src.Days...)
		} else {
			dst.Days = append(dst.Days, src.Days...)
		}
		slices.Sort(dst.Days)
		dst.Days = slices.Compact(dst.Days)
	}
}

// statusMoves reports whether a platform's status replaces the stored one
// even when an import only fills empty fields: a ticket refunded or
// cancelled since is never expected at the desk.
func statusMoves(_, file Status) bool {
	return file == StatusCancelled
}

// sameParticipant reports whether a and b (both validated) hold the same
// values; the organisation is compared by the caller, by ID.
func sameParticipant(a, b *Participant) bool {
	return a.Code == b.Code && a.FirstName == b.FirstName && a.LastName == b.LastName &&
		a.Email == b.Email && a.Phone == b.Phone && a.JobTitle == b.JobTitle &&
		a.CategoryID == b.CategoryID && a.Region == b.Region && a.Status == b.Status &&
		a.FeeCents == b.FeeCents && a.Paid == b.Paid && a.Diet == b.Diet &&
		a.Accessibility == b.Accessibility && a.ImageConsent == b.ImageConsent && a.Notes == b.Notes &&
		slices.Equal(a.Days, b.Days)
}

// importCategories finds categories by name or badge label, ignoring case
// and accents.
type importCategories struct {
	names     map[int64]string // the categories' names, as the report gives the default
	byKey     map[string]int64 // by the text folded: a name or label as written
	byMeaning map[string]int64 // by categoryMeaning: "Adhérents" finds "Adhérent·e"
	mapped    map[string]int64 // ImportOptions.CategoryMap by meaning
	ids       map[int64]bool
	maxPos    int
	created   int
	defaultID int64 // of new rows that give none
}

func (c *importCategories) load(ctx context.Context, tx *sqlTx, defaultID int64, categoryMap map[string]int64) error {
	cats, err := listCategories(ctx, tx)
	if err != nil {
		return err
	}
	c.byKey, c.byMeaning, c.ids, c.names = map[string]int64{}, map[string]int64{}, map[int64]bool{}, map[int64]string{}
	for _, cat := range cats {
		c.ids[cat.ID] = true
		c.names[cat.ID] = cat.Name
		c.maxPos = max(c.maxPos, cat.Position)
		if k := Fold(cat.Name); c.byKey[k] == 0 {
			c.byKey[k] = cat.ID
		}
	}
	// Names first: a label never hides a name, a meaning never hides a
	// text as written.
	for _, cat := range cats {
		if k := Fold(cat.BadgeLabel); c.byKey[k] == 0 {
			c.byKey[k] = cat.ID
		}
	}
	for _, text := range [2]func(Category) string{func(c Category) string { return c.Name }, func(c Category) string { return c.BadgeLabel }} {
		for _, cat := range cats {
			if k := categoryMeaning(text(cat)); c.byMeaning[k] == 0 {
				c.byMeaning[k] = cat.ID
			}
		}
	}
	c.mapped = map[string]int64{}
	for k, id := range categoryMap {
		c.mapped[categoryMeaning(k)] = id
	}
	c.defaultID = defaultID
	if defaultID != 0 && !c.ids[defaultID] {
		return withField(notFound(lACategory), "category")
	}
	if defaultID == 0 && len(cats) > 0 {
		c.defaultID = cats[0].ID
	}
	return nil
}

// categoryColours are given in turn to the categories an import creates.
var categoryColours = []string{"#2A9D8F", "#E76F51", "#6C5B7B", "#3A7D44", "#B5651D", "#C06C84", "#264653", "#8AB17D"}

// category resolves a row's category text: 0 when it gives none; ok false
// when the row was rejected.
func (im *importer) category(rec *ImportRecord) (id int64, ok bool, err error) {
	key := Fold(rec.Category)
	if key == "" {
		return 0, true, nil
	}
	c := &im.categories
	if id := c.byKey[key]; id != 0 && id != catRefused {
		return id, true, nil
	}
	column := im.columns[FieldCategory]
	meaning := categoryMeaning(key)
	id, found := im.opts.CategoryMap[key]
	if !found {
		id, found = c.mapped[meaning]
	}
	if found {
		if !c.ids[id] {
			im.reject(rec.Line, column, withField(notFound(lACategory), "category"))
			return 0, false, nil
		}
		return id, true, nil
	}
	if id := c.byMeaning[meaning]; id != 0 && id != catRefused {
		return id, true, nil
	}
	if c.byKey[key] == catRefused || c.byMeaning[meaning] == catRefused { // unknown, already reported
		im.reject(rec.Line, column, ErrImportCategory.With(shownCategory(rec.Category)))
		return 0, false, nil
	}
	im.report.UnknownCategories = append(im.report.UnknownCategories, shownCategory(rec.Category))
	if !im.opts.CreateCategories {
		c.byKey[key], c.byMeaning[meaning] = catRefused, catRefused
		im.reject(rec.Line, column, ErrImportCategory.With(shownCategory(rec.Category)))
		return 0, false, nil
	}
	cat := Category{Name: rec.Category, BadgeLabel: strings.ToUpper(rec.Category),
		Colour: categoryColours[c.created%len(categoryColours)], Position: c.maxPos + 1}
	if err := cat.Validate(); err != nil {
		c.byKey[key] = catRefused
		im.reject(rec.Line, column, err)
		return 0, false, nil
	}
	// Created when the import writes: until then its ID is provisional
	// (negative).
	im.newCats = append(im.newCats, cat)
	cat.ID = -int64(len(im.newCats))
	c.created++
	c.maxPos++
	c.byKey[key], c.byMeaning[meaning], c.ids[cat.ID] = cat.ID, cat.ID, true
	return cat.ID, true, nil
}

// importSessions finds sessions by ID or title, ignoring case and accents;
// a workshop before another session of the same title.
type importSessions struct {
	byID    map[int64]string // ID → title
	byTitle map[string]int64
}

func (se *importSessions) load(ctx context.Context, tx *sqlTx) error {
	se.byID, se.byTitle = map[int64]string{}, map[string]int64{}
	rows, err := tx.QueryContext(ctx, "SELECT id, title FROM session ORDER BY kind <> 'workshop', id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			return err
		}
		se.byID[id] = title
		if k := Fold(title); se.byTitle[k] == 0 {
			se.byTitle[k] = id
		}
	}
	return rows.Err()
}

// find returns the session a workshop column names, by number ("12",
// "#12") or title.
func (se *importSessions) find(text string) (id int64, title string, ok bool) {
	if n, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(text), "#"), 10, 64); err == nil {
		title, ok = se.byID[n]
		return n, title, ok
	}
	id = se.byTitle[Fold(text)]
	return id, se.byID[id], id != 0
}

// importEnrolment is a place a row asks for, taken once the participants
// are written; session 0 is a workshop not found.
type importEnrolment struct {
	line    int
	t       *importTarget
	session int64
	title   string // the session's, or the text not found
}

// planEnrolments notes the workshops a row names.
func (im *importer) planEnrolments(rec *ImportRecord, t *importTarget) {
	for _, w := range rec.Workshops {
		id, title, ok := im.sessions.find(w)
		if !ok {
			id, title = 0, shown(w)
		}
		im.enrolments = append(im.enrolments, importEnrolment{line: rec.Line, t: t, session: id, title: title})
	}
}

// enrol takes the places the rows asked for, in line order, through the
// rules of Enrol: a full session puts the person on its waiting list, a
// clash or a cancelled registration leaves them out, a workshop not found
// is left out; all are warnings.
func (im *importer) enrol() error {
	column := im.columns[FieldWorkshops]
	for _, e := range im.enrolments {
		if err := im.ctx.Err(); err != nil {
			return err
		}
		if e.session == 0 {
			im.warn(e.line, column, ErrImportWorkshop.With(e.title))
			continue
		}
		var current EnrolmentStatus
		err := im.tx.QueryRowContext(im.ctx, "SELECT status FROM enrolment WHERE participant_id = ? AND session_id = ?",
			e.t.id, e.session).Scan(&current)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		if current == Enrolled || current == Waitlisted {
			continue // already down for it
		}
		st, err := im.s.enrol(im.ctx, im.tx, e.t.id, e.session)
		if err == nil {
			im.wrote = true
		}
		if err != nil {
			if KindOf(err) == KindInternal {
				return err
			}
			im.warn(e.line, column, err)
			continue
		}
		if st == Waitlisted {
			im.warn(e.line, column, ErrImportWaitlisted.With(e.title, e.t.p.FullName()))
			continue
		}
		im.report.Enrolments++
	}
	return nil
}

// shownCategory is a category text as the report gives it: whole, as the
// dialog maps it, unless it is too long to be a category's name.
func shownCategory(v string) string {
	if len(v) > maxText && utf8.RuneCountInString(v) > maxText {
		return shown(v)
	}
	return v
}

// formAnswers reports whether the row's identifiers are all form
// responses (a form's answer, not a ticket).
func formAnswers(rec *ImportRecord) bool {
	for _, k := range rec.Tickets {
		if !IsFormResponse(k.Code) {
			return false
		}
	}
	return len(rec.Tickets) > 0
}
