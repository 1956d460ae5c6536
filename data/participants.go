package data

import (
	"context"
	crand "crypto/rand"
	"database/sql"
	"encoding/binary"
	"math/rand/v2"
	"strings"
	"sync"
	"time"
)

// Status of a registration.
type Status string

const (
	StatusPending   Status = "pending"
	StatusConfirmed Status = "confirmed"
	StatusCancelled Status = "cancelled"
)

// Statuses lists the statuses in their natural order.
var Statuses = []Status{StatusPending, StatusConfirmed, StatusCancelled}

// Participant is one registered person.
type Participant struct {
	ID        int64
	Code      string // goes into the badge's QR code; generated when empty
	FirstName string
	LastName  string
	Email     string
	Phone     string
	// Organisation is the organisation's name. On save, the organisation of
	// that name is used, or created; empty means none.
	Organisation   string
	OrganisationID int64 // read only
	JobTitle       string
	CategoryID     int64
	Region         string
	Days           []Day
	Status         Status
	FeeCents       int64
	Paid           bool
	Diet           string
	Accessibility  string
	ImageConsent   bool
	Notes          string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// FullName is "First Last".
func (p *Participant) FullName() string {
	return strings.TrimSpace(p.FirstName + " " + p.LastName)
}

// CodeAlphabet is what a participant's code may hold: letters and digits
// with no look-alikes (no 0/O, 1/I/L). Codes given before CodeLetters, and
// codes typed in the form or imported, may use all of it.
const CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// CodeLetters are the characters of the codes Congrès gives: the letters of
// CodeAlphabet that a US, French (AZERTY) and German (QWERTZ) keyboard type
// on the same key — no digit, no A, Q, W, Z, Y or M — so that a badge scans
// right whatever layout the scanner is set to (scan_layout.go).
const CodeLetters = "BCDEFGHJKNPRSTUVX"

// codeLength is the length of the codes Congrès gives: 17⁷, some 410
// million codes, keep a code hard to guess among a congress's thousands.
const codeLength = 7

// NormaliseCode upper-cases a code as typed or scanned.
func NormaliseCode(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// ValidCode reports whether s is a well-formed participant code.
func ValidCode(s string) bool {
	if len(s) < 6 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(CodeAlphabet, r) {
			return false
		}
	}
	return true
}

// maxNotes bounds a participant's notes, in bytes (an accented letter
// counts two): the form refuses more, and so does an import (all its notes
// columns together), so that notes saved in the window are imported again.
const maxNotes = 2000

// ErrNotesTooLong refuses notes longer than maxNotes.
var ErrNotesTooLong = newErr(KindInvalid, "notes_too_long", "notes",
	"The notes are too long (%d KB at most): shorten them.",
	"Les remarques sont trop longues (%d Ko au plus) : raccourcissez-les.")

// Validate checks the participant's own rules and normalises its fields.
func (p *Participant) Validate() error {
	p.FirstName, p.LastName = clean(p.FirstName), clean(p.LastName)
	p.Email = strings.ToLower(clean(p.Email))
	p.Phone, p.Organisation, p.JobTitle = clean(p.Phone), clean(p.Organisation), clean(p.JobTitle)
	p.Region, p.Diet, p.Accessibility = clean(p.Region), clean(p.Diet), clean(p.Accessibility)
	p.Notes = strings.TrimSpace(p.Notes)
	p.Code = NormaliseCode(p.Code)
	if p.Status == "" {
		p.Status = StatusPending
	}
	if err := checkText("first_name", lFirstName, p.FirstName, true); err != nil {
		return err
	}
	if err := checkText("last_name", lLastName, p.LastName, true); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    string
	}{{"phone", p.Phone}, {"organisation", p.Organisation}, {"job_title", p.JobTitle},
		{"region", p.Region}, {"diet", p.Diet}, {"accessibility", p.Accessibility}} {
		if err := checkText(f.name, label{"This field", "Ce champ"}, f.v, false); err != nil {
			return err
		}
	}
	if strings.ContainsFunc(p.Notes, isControl) {
		return withField(localise(ErrControlChar, label{"The notes", "Les notes"}), "notes")
	}
	if len(p.Notes) > maxNotes {
		return ErrNotesTooLong.With(maxNotes / 1000)
	}
	if p.Email != "" && !validEmail(p.Email) {
		return ErrEmailInvalid.With(p.Email)
	}
	if p.Code != "" && !ValidCode(p.Code) {
		return ErrCodeInvalid.With(p.Code)
	}
	if p.CategoryID == 0 {
		return withField(localise(ErrRequired, lCategory), "category")
	}
	switch p.Status {
	case StatusPending, StatusConfirmed, StatusCancelled:
	default:
		return ErrStatusInvalid.With(p.Status)
	}
	if p.FeeCents < 0 {
		return withField(localise(ErrNegative, lFee), "fee")
	}
	seen := map[Day]bool{}
	days := p.Days[:0:0]
	for _, d := range p.Days {
		if _, err := ParseDay(string(d)); err != nil {
			return err
		}
		if !seen[d] {
			seen[d] = true
			days = append(days, d)
		}
	}
	p.Days = days
	return nil
}

// codeSource draws participant codes. The demo seeds it to be reproducible.
type codeSource struct {
	mu  sync.Mutex
	rnd *rand.Rand
}

func newCodeSource(seed uint64) *codeSource {
	if seed == 0 {
		var b [8]byte
		crand.Read(b[:])
		seed = binary.LittleEndian.Uint64(b[:])
	}
	return &codeSource{rnd: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))}
}

func (c *codeSource) next() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	b := make([]byte, codeLength)
	for i := range b {
		b[i] = CodeLetters[c.rnd.IntN(len(CodeLetters))]
	}
	return string(b)
}

// Participant returns one participant.
func (s *Store) Participant(ctx context.Context, id int64) (Participant, error) {
	var p Participant
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		p, err = loadParticipant(ctx, tx, "p.id = ?", id)
		return err
	})
	return p, err
}

// ParticipantByCode returns the participant with that code (as typed or
// scanned: case and spaces do not matter), or with that code as an alias:
// the code of a record merged into theirs.
func (s *Store) ParticipantByCode(ctx context.Context, code string) (Participant, error) {
	var p Participant
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		p, err = loadParticipant(ctx, tx, "p.id = "+codeOwnerID, NormaliseCode(code))
		return err
	})
	return p, err
}

const participantColumns = `p.id, p.code, p.first_name, p.last_name, p.email, p.phone,
	coalesce(o.name, ''), coalesce(p.organisation_id, 0), p.job_title, p.category_id, p.region,
	p.status, p.fee_cents, p.paid, p.diet, p.accessibility, p.image_consent, p.notes,
	p.created_at, p.updated_at`

func scanParticipant(sc interface{ Scan(...any) error }) (Participant, error) {
	var p Participant
	var created, updated timeText
	err := sc.Scan(&p.ID, &p.Code, &p.FirstName, &p.LastName, &p.Email, &p.Phone,
		&p.Organisation, &p.OrganisationID, &p.JobTitle, &p.CategoryID, &p.Region,
		&p.Status, &p.FeeCents, &p.Paid, &p.Diet, &p.Accessibility, &p.ImageConsent, &p.Notes,
		&created, &updated)
	p.CreatedAt, p.UpdatedAt = parseTime(string(created)), parseTime(string(updated))
	return p, err
}

func loadParticipant(ctx context.Context, tx *sqlTx, where string, arg any) (Participant, error) {
	row := tx.QueryRowContext(ctx, "SELECT "+participantColumns+
		" FROM participant p LEFT JOIN organisation o ON o.id = p.organisation_id WHERE "+where, arg)
	p, err := scanParticipant(row)
	if err == sql.ErrNoRows {
		return p, notFound(lParticipant)
	}
	if err != nil {
		return p, err
	}
	p.Days, err = participantDays(ctx, tx, p.ID)
	return p, err
}

func participantDays(ctx context.Context, tx *sqlTx, id int64) ([]Day, error) {
	return queryDays(ctx, tx, "SELECT day FROM participant_day WHERE participant_id = ? ORDER BY day", id)
}

// CreateParticipant registers a new participant, giving them a code if they
// have none.
func (s *Store) CreateParticipant(ctx context.Context, p *Participant) error {
	if err := p.Validate(); err != nil {
		return err
	}
	p.ID = 0
	return s.write(ctx, func(tx *sqlTx) error { return s.insertParticipant(ctx, tx, p) })
}

func (s *Store) insertParticipant(ctx context.Context, tx *sqlTx, p *Participant) error {
	if err := checkParticipantRefs(ctx, tx, p); err != nil {
		return err
	}
	orgID, err := resolveOrganisation(ctx, tx, p.Organisation)
	if err != nil {
		return err
	}
	if p.Code == "" {
		if p.Code, err = s.freeCode(ctx, tx); err != nil {
			return err
		}
	} else if err := checkCodeFree(ctx, tx, p.Code); err != nil {
		return err
	}
	now := formatTime(s.now())
	err = tx.QueryRowContext(ctx, "INSERT INTO participant ("+participantInsertColumns+") VALUES "+placeholders(participantInsertCount)+" RETURNING id",
		participantValues(nil, p, orgID, sortKey(p), Fold(p.FirstName+" "+p.LastName), now)...).Scan(&p.ID)
	if err != nil {
		return fromDriver(tx.broke(err), ErrCodeTaken.With(p.Code))
	}
	p.OrganisationID = orgID.Int64
	p.CreatedAt, p.UpdatedAt = parseTime(now), parseTime(now)
	return insertParticipantDays(ctx, tx, p.ID, p.Days)
}

func sortKey(p *Participant) string { return Fold(p.LastName) + "\x01" + Fold(p.FirstName) }

// participantInsertColumns are the columns a new participant is written
// with (the import writes many at once), participantValues their values in
// the same order.
const (
	participantInsertColumns = `code, first_name, last_name, email, phone, organisation_id, job_title,
		category_id, region, status, fee_cents, paid, diet, accessibility, image_consent, notes,
		sort_key, name_key, created_at, updated_at`
	participantInsertCount = 20
)

// participantValues appends to args the values of participantInsertColumns
// for p, with its keys (sortKey(p) and its folded name), created and
// updated now.
func participantValues(args []any, p *Participant, orgID sql.NullInt64, sortKey, nameKey, now string) []any {
	return append(args, p.Code, p.FirstName, p.LastName, p.Email, p.Phone, orgID, p.JobTitle,
		p.CategoryID, p.Region, p.Status, p.FeeCents, p.Paid, p.Diet, p.Accessibility, p.ImageConsent, p.Notes,
		sortKey, nameKey, now, now)
}

// placeholders returns "(?, ?, …)" with n question marks.
func placeholders(n int) string { return "(" + strings.Repeat("?, ", n-1) + "?)" }

// freeCode draws codes until one is unused, by a participant or as an
// alias.
func (s *Store) freeCode(ctx context.Context, tx *sqlTx) (string, error) {
	for {
		code := s.codes().next()
		used, err := codeInUse(ctx, tx, code)
		if err != nil {
			return "", err
		}
		if !used {
			return code, nil
		}
	}
}

// checkParticipantRefs checks what Validate cannot: the category exists and
// the days are congress days.
func checkParticipantRefs(ctx context.Context, tx *sqlTx, p *Participant) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM category WHERE id = ?", p.CategoryID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return withField(notFound(lACategory), "category")
	}
	for _, d := range p.Days {
		if err := checkCongressDay(ctx, tx, d); err != nil {
			return err
		}
	}
	return nil
}

func checkCongressDay(ctx context.Context, tx *sqlTx, d Day) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM congress_day WHERE day = ?", d).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return withDay(ErrNotCongressDay, d)
	}
	return nil
}

func setParticipantDays(ctx context.Context, tx *sqlTx, id int64, days []Day) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM participant_day WHERE participant_id = ?", id); err != nil {
		return err
	}
	return insertParticipantDays(ctx, tx, id, days)
}

// insertParticipantDays writes the days of a participant who has none yet
// (a new one: a desk account, which deletes nothing, registers walk-ins).
func insertParticipantDays(ctx context.Context, tx *sqlTx, id int64, days []Day) error {
	for _, d := range days {
		if _, err := tx.ExecContext(ctx, "INSERT INTO participant_day (participant_id, day) VALUES (?, ?)", id, d); err != nil {
			return err
		}
	}
	return nil
}

// resolveOrganisation finds the organisation of that name (ignoring case) or
// creates it; an empty name is no organisation.
func resolveOrganisation(ctx context.Context, tx *sqlTx, name string) (sql.NullInt64, error) {
	var id sql.NullInt64
	if name == "" {
		return id, nil
	}
	err := tx.QueryRowContext(ctx, "SELECT id FROM organisation WHERE "+tx.d.NoCase("name")+" = "+tx.d.NoCase("?"), name).Scan(&id)
	if err == sql.ErrNoRows {
		err = tx.QueryRowContext(ctx, "INSERT INTO organisation (name) VALUES (?) RETURNING id", name).Scan(&id)
		return id, tx.broke(err)
	}
	return id, err
}

// UpdateParticipant saves a participant. Cancelling them frees their places
// in sessions, which go to the first people waiting.
func (s *Store) UpdateParticipant(ctx context.Context, p *Participant) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sqlTx) error {
		old, err := loadParticipant(ctx, tx, "p.id = ?", p.ID)
		if err != nil {
			return err
		}
		if p.Code == "" {
			p.Code = old.Code
		} else if p.Code != old.Code {
			if err := checkCodeFree(ctx, tx, p.Code); err != nil {
				return err
			}
		}
		if err := checkParticipantRefs(ctx, tx, p); err != nil {
			return err
		}
		orgID, err := resolveOrganisation(ctx, tx, p.Organisation)
		if err != nil {
			return err
		}
		// The paid flag follows the payments unless the form changed it
		// (syncPaid, payments.go).
		covered, err := paymentsCover(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		now := formatTime(s.now())
		if err := s.updateParticipant(ctx, tx, p, old.Status, orgID, now); err != nil {
			return err
		}
		if p.Paid, err = syncPaid(ctx, tx, p.ID, covered && p.Paid == old.Paid, parseTime(now)); err != nil {
			return err
		}
		p.CreatedAt = old.CreatedAt
		return nil
	})
}

// updateParticipant writes p (validated, its references checked) over the
// stored participant of its ID, whose status was old: its fields, its
// organisation orgID, its days; cancelling frees their places.
func (s *Store) updateParticipant(ctx context.Context, tx *sqlTx, p *Participant, old Status, orgID sql.NullInt64, now string) error {
	_, err := tx.ExecContext(ctx, `UPDATE participant SET code = ?, first_name = ?, last_name = ?, email = ?,
		phone = ?, organisation_id = ?, job_title = ?, category_id = ?, region = ?, status = ?, fee_cents = ?,
		paid = ?, diet = ?, accessibility = ?, image_consent = ?, notes = ?, sort_key = ?, name_key = ?,
		updated_at = ? WHERE id = ?`,
		p.Code, p.FirstName, p.LastName, p.Email, p.Phone, orgID, p.JobTitle, p.CategoryID, p.Region,
		p.Status, p.FeeCents, p.Paid, p.Diet, p.Accessibility, p.ImageConsent, p.Notes,
		sortKey(p), Fold(p.FirstName+" "+p.LastName), now, p.ID)
	if err != nil {
		return fromDriver(err, ErrCodeTaken.With(p.Code))
	}
	p.OrganisationID = orgID.Int64
	p.UpdatedAt = parseTime(now)
	if err := setParticipantDays(ctx, tx, p.ID, p.Days); err != nil {
		return err
	}
	if p.Status == StatusCancelled && old != StatusCancelled {
		return s.freePlaces(ctx, tx, p.ID)
	}
	return nil
}

// SetParticipantStatus changes a participant's status; cancelling frees
// their places.
func (s *Store) SetParticipantStatus(ctx context.Context, id int64, st Status) error {
	switch st {
	case StatusPending, StatusConfirmed, StatusCancelled:
	default:
		return ErrStatusInvalid.With(st)
	}
	return s.write(ctx, func(tx *sqlTx) error { return s.setStatus(ctx, tx, id, st) })
}

func (s *Store) setStatus(ctx context.Context, tx *sqlTx, id int64, st Status) error {
	var old Status
	if err := tx.QueryRowContext(ctx, "SELECT status FROM participant WHERE id = ?", id).Scan(&old); err != nil {
		if err == sql.ErrNoRows {
			return notFound(lParticipant)
		}
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE participant SET status = ?, updated_at = ? WHERE id = ?",
		st, formatTime(s.now()), id); err != nil {
		return err
	}
	if st == StatusCancelled && old != StatusCancelled {
		return s.freePlaces(ctx, tx, id)
	}
	return nil
}

// DeleteParticipant deletes someone registered by mistake. Someone who has
// checked in stays in the log: cancel them instead. Their tickets' codes
// are kept in ticket_deleted, so that the platform's next export does not
// register them again (importer.deletedTicket).
func (s *Store) DeleteParticipant(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		p, err := loadParticipant(ctx, tx, "p.id = ?", id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM checkin WHERE participant_id = ?", id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrCheckedIn.With(p.FullName())
		}
		if err := checkNoPayments(ctx, tx, &p); err != nil {
			return err
		}
		if err := s.freePlaces(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO ticket_deleted (code, at)
			SELECT code, ? FROM ticket WHERE participant_id = ?
			ON CONFLICT (code) DO UPDATE SET at = excluded.at`, formatTime(s.now()), id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM participant WHERE id = ?", id)
		return err
	})
}
