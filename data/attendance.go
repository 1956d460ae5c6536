package data

import (
	"context"
	"maps"
	"slices"
	"time"
)

// What the attendance workbook, the sign-in sheets and the certificates of
// attendance read (issue 5). The lists with chosen columns are in lists.go.
//
// Who came is read from the check-in log: an arrival on a day, or an entry
// into a session, counts unless a later undo cancels it.

// CategoryAttendance is one line of the attendance summary by category.
type CategoryAttendance struct {
	Category   Category
	Registered int // not cancelled
	Confirmed  int
	Cancelled  int
	CheckedIn  int // arrived on at least one day (undone arrivals do not count)
	NoShows    int // confirmed, expected on at least one day, arrived on none
}

// DayAttendance is one congress day of the summary.
type DayAttendance struct {
	Day       Day
	Expected  int // not cancelled, registered for that day
	CheckedIn int // arrived that day
}

// SessionAttendance is one session of the summary.
type SessionAttendance struct {
	Session  Session // with EffectiveCapacity, Enrolled, Waitlisted, RoomName
	Attended int     // entered (session check-in not undone), enrolled or not
	WalkIns  int     // entered without being enrolled
}

// AttendanceSummary is the first sheet of the attendance workbook.
type AttendanceSummary struct {
	Categories []CategoryAttendance // in category order
	Days       []DayAttendance      // in day order
	Sessions   []SessionAttendance  // in programme order
}

// Attendee is a participant with everything an export may show of them.
type Attendee struct {
	Participant
	Category     string      // the category's name
	Arrivals     []time.Time // one per congress day, in day order; zero time: did not arrive
	BadgePrinted bool
}

// SessionAttendee is one line of a session's attendance sheet or sign-in sheet.
type SessionAttendee struct {
	ParticipantID int64
	Code          string
	FirstName     string
	LastName      string
	Organisation  string
	Category      string
	Enrolled      bool      // false: a walk-in, entered without enrolment
	Attended      bool      // entered the session (not undone)
	At            time.Time // when they entered; zero if not
}

// StandLine is a stand with its people, for the stands sheet.
type StandLine struct {
	Stand
	Contact      string // "First Last", "" when none
	ContactEmail string
	ContactPhone string
	Staff        []string // "First Last", by name
}

// DietCount is how many people with one dietary requirement ("" for none).
type DietCount struct {
	Diet      string
	Expected  int
	CheckedIn int
}

// CateringDay is the caterer's figures for one day.
type CateringDay struct {
	Day   Day
	Diets []DietCount // by diet, "" (none) first
}

// AttendedSession is a session a person entered, for their certificate.
type AttendedSession struct {
	Title      string
	Kind       SessionKind
	Day        Day
	Start, End Clock
	Minutes    int // End - Start
}

// CertificateRow is what a certificate of attendance says of a person.
type CertificateRow struct {
	ID           int64
	Code         string
	FirstName    string
	LastName     string
	Organisation string
	Days         []Day             // the days they arrived, in order
	Sessions     []AttendedSession // in programme order
}

// notUndone is true when the check-in c has no undo cancelling it.
const notUndone = "NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id)"

// AttendanceSummary counts, for the summary sheet: by category, by day, and
// by session. People who arrived and were cancelled afterwards still count
// as checked in (they came), not as registered.
func (s *Store) AttendanceSummary(ctx context.Context) (AttendanceSummary, error) {
	var sum AttendanceSummary
	err := s.read(ctx, func(tx *sqlTx) error {
		r, err := readRoll(ctx, tx)
		if err != nil {
			return err
		}
		cats, err := listCategories(ctx, tx)
		if err != nil {
			return err
		}
		place := make(map[int64]int, len(cats))
		sum.Categories = make([]CategoryAttendance, len(cats))
		for i, c := range cats {
			place[c.ID] = i
			sum.Categories[i].Category = c
		}
		sum.Days = make([]DayAttendance, len(r.days))
		for d, day := range r.days {
			sum.Days[d].Day = day
		}
		for i, p := range r.people {
			registered, arrived := false, false
			for d := range r.days {
				if r.registeredOn(i, d) {
					registered = true
					if p.status != StatusCancelled {
						sum.Days[d].Expected++
					}
				}
				if r.arrivedAt(i, d) != "" {
					arrived = true
					sum.Days[d].CheckedIn++
				}
			}
			c := &sum.Categories[place[p.category]]
			switch p.status {
			case StatusCancelled:
				c.Cancelled++
			case StatusConfirmed:
				c.Confirmed++
				if registered && !arrived {
					c.NoShows++
				}
			}
			if p.status != StatusCancelled {
				c.Registered++
			}
			if arrived {
				c.CheckedIn++
			}
		}
		sum.Sessions, err = sessionAttendance(ctx, tx)
		return err
	})
	return sum, err
}

// sessionAttendance is the programme with, for each session, how many
// people entered it and how many of them were not enrolled.
func sessionAttendance(ctx context.Context, tx *sqlTx) ([]SessionAttendance, error) {
	sessions, err := listSessions(ctx, tx)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT c.session_id, count(DISTINCT c.participant_id),
		count(DISTINCT CASE WHEN e.id IS NULL THEN c.participant_id END)
		FROM checkin c LEFT JOIN enrolment e ON e.participant_id = c.participant_id AND e.session_id = c.session_id
			AND e.status = 'enrolled'
		WHERE c.kind = 'session' AND `+notUndone+`
		GROUP BY c.session_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type counts struct{ attended, walkIns int }
	entered := map[int64]counts{}
	for rows.Next() {
		var id int64
		var n counts
		if err := rows.Scan(&id, &n.attended, &n.walkIns); err != nil {
			return nil, err
		}
		entered[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	list := make([]SessionAttendance, len(sessions))
	for i, se := range sessions {
		n := entered[se.ID]
		list[i] = SessionAttendance{Session: se, Attended: n.attended, WalkIns: n.walkIns}
	}
	return list, nil
}

// Catering counts, per congress day, the people expected (not cancelled,
// registered for the day) and those checked in (who arrived that day,
// expected or not: they ate too), by dietary requirement. Requirements
// written differently (case, accents, spaces) are one line, under the
// spelling most used; no requirement ("") comes first, then the others
// alphabetically.
func (s *Store) Catering(ctx context.Context) ([]CateringDay, error) {
	var list []CateringDay
	err := s.read(ctx, func(tx *sqlTx) error {
		r, err := readRoll(ctx, tx)
		if err != nil {
			return err
		}
		keys := map[string]string{}              // diet → its key, folded once
		spellings := map[string]map[string]int{} // key → diet → how often
		byDay := make([]map[string]*DietCount, len(r.days))
		for d := range byDay {
			byDay[d] = map[string]*DietCount{}
		}
		for i, p := range r.people {
			key, ok := keys[p.diet]
			if !ok {
				key = dietKey(p.diet)
				keys[p.diet] = key
				if spellings[key] == nil {
					spellings[key] = map[string]int{}
				}
			}
			for d := range r.days {
				expected := p.status != StatusCancelled && r.registeredOn(i, d)
				arrived := r.arrivedAt(i, d) != ""
				if !expected && !arrived {
					continue
				}
				dc := byDay[d][key]
				if dc == nil {
					dc = &DietCount{}
					byDay[d][key] = dc
				}
				if expected {
					dc.Expected++
				}
				if arrived {
					dc.CheckedIn++
				}
				spellings[key][p.diet]++
			}
		}
		list = make([]CateringDay, len(r.days))
		for d, day := range r.days {
			list[d].Day = day
			for _, key := range slices.Sorted(maps.Keys(byDay[d])) { // "" first
				dc := byDay[d][key]
				dc.Diet = mostUsed(spellings[key])
				list[d].Diets = append(list[d].Diets, *dc)
			}
		}
		return nil
	})
	return list, err
}

// dietKey is the key under which dietary requirements are the same: folded,
// or as written when folding leaves nothing ("—").
func dietKey(diet string) string {
	if k := Fold(diet); k != "" || diet == "" {
		return k
	}
	return "\x00" + diet // after "" and before the words
}

// mostUsed returns the spelling used most often (the first in order when
// several are used as often).
func mostUsed(spellings map[string]int) string {
	best, n := "", 0
	for s, m := range spellings {
		if m > n || m == n && s < best {
			best, n = s, m
		}
	}
	return best
}

// roll is everyone in the file with what the counts need: their category,
// status and dietary requirement, and the days they registered for and
// arrived on.
type roll struct {
	people []rollPerson // by ID
	*presence
}

type rollPerson struct {
	id, category int64
	status       Status
	diet         string // trimmed
}

func readRoll(ctx context.Context, tx *sqlTx) (*roll, error) {
	days, err := congressDays(ctx, tx)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, "SELECT id, category_id, status, trim(diet) FROM participant ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	r := &roll{}
	var ids []int64
	var p rollPerson
	var status string
	for rows.Next() {
		if err := rows.Scan(&p.id, &p.category, &status, &p.diet); err != nil {
			return nil, err
		}
		p.status = Status(status)
		r.people = append(r.people, p)
		ids = append(ids, p.id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	r.presence, err = readPresence(ctx, tx, days, ids, true)
	return r, err
}

// presence is, for a list of people, the congress days each registered for,
// the first arrival (not undone) of each on each day, and, once read,
// whether a badge was printed for them: a row per person, a column per day.
type presence struct {
	days       []Day
	row        map[int64]int // participant → row
	set        string        // the people as a JSON array; "" when read for the whole file
	registered []bool        // [row*len(days) + day]
	arrived    []string      // [row*len(days) + day]: the time as the file writes it, "" when none
	badge      []bool        // [row], after readBadges
}

// readPresence reads the presence of these people. With whole, the tables
// are read from end to end and what concerns others skipped: for a good
// part of the file, that is several times faster than looking each person
// up (see wholeFile).
func readPresence(ctx context.Context, tx *sqlTx, days []Day, ids []int64, whole bool) (*presence, error) {
	pr := &presence{days: days, row: make(map[int64]int, len(ids)),
		registered: make([]bool, len(ids)*len(days)), arrived: make([]string, len(ids)*len(days))}
	for i, id := range ids {
		pr.row[id] = i
	}
	if !whole {
		pr.set = idsJSON(ids)
	}
	column := make(map[Day]int, len(days))
	for d, day := range days {
		column[day] = d
	}
	rows, err := tx.QueryContext(ctx, `SELECT participant_id, day, NULL FROM participant_day WHERE `+pr.among(tx, "participant_id")+`
		UNION ALL
		SELECT c.participant_id, c.day, c.at FROM checkin c
		WHERE c.kind = 'arrival' AND `+notUndone+` AND `+pr.among(tx, "c.participant_id"), pr.args(2)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var id int64
	var day Day
	var at timeText
	for rows.Next() {
		if err := rows.Scan(&id, &day, &at); err != nil {
			return nil, err
		}
		row, ok := pr.row[id]
		d, known := column[day]
		if !ok || !known {
			continue
		}
		cell := row*len(days) + d
		if at == "" {
			pr.registered[cell] = true
		} else if first := pr.arrived[cell]; first == "" || string(at) < first { // times sort as text
			pr.arrived[cell] = string(at)
		}
	}
	return pr, rows.Err()
}

// readBadges reads whether a badge was printed for each person.
func (pr *presence) readBadges(ctx context.Context, tx *sqlTx) error {
	pr.badge = make([]bool, len(pr.row))
	rows, err := tx.QueryContext(ctx, "SELECT DISTINCT participant_id FROM badge_print WHERE "+pr.among(tx, "participant_id"), pr.args(1)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		if row, ok := pr.row[id]; ok {
			pr.badge[row] = true
		}
	}
	return rows.Err()
}

// among is the SQL condition that column is one of the people (true when
// read for the whole file), with one placeholder; args are the arguments
// of a query with n of them.
func (pr *presence) among(tx *sqlTx, column string) string {
	if pr.set == "" {
		return "true"
	}
	return column + " IN (SELECT i.value FROM " + tx.d.IDList() + " i)"
}

func (pr *presence) args(n int) []any {
	if pr.set == "" {
		return nil
	}
	args := make([]any, n)
	for i := range args {
		args[i] = pr.set
	}
	return args
}

func (pr *presence) registeredOn(row, day int) bool { return pr.registered[row*len(pr.days)+day] }

func (pr *presence) arrivedAt(row, day int) string { return pr.arrived[row*len(pr.days)+day] }

// wholeFile tells whether the presence of n people is read faster from end
// to end of the tables than by looking them up: when they are more than a
// page and a quarter of the file.
func wholeFile(ctx context.Context, tx *sqlTx, n int) (bool, error) {
	if n <= attendeePage {
		return false, nil
	}
	var total int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM participant").Scan(&total)
	return 4*n > total, err
}
