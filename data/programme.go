package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Clock is a time of day in minutes after midnight.
type Clock int

var clockRe = regexp.MustCompile(`^(\d{1,2})\s*[:hH.]\s*(\d{2})?$`)

// ParseClock reads "9:30", "09:30", "9h30" or "9h".
func ParseClock(s string) (Clock, error) {
	s = strings.TrimSpace(s)
	m := clockRe.FindStringSubmatch(s)
	if m == nil {
		return 0, ErrTimeInvalid.With(s)
	}
	h, _ := strconv.Atoi(m[1])
	min := 0
	if m[2] != "" {
		min, _ = strconv.Atoi(m[2])
	}
	if h > 23 || min > 59 {
		return 0, ErrTimeInvalid.With(s)
	}
	return Clock(h*60 + min), nil
}

// String writes the time as HH:MM.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// Room is where sessions happen.
type Room struct {
	ID       int64
	Name     string
	Capacity int // 0: unknown
	Location string
}

// Validate checks the room's own rules.
func (r *Room) Validate() error {
	r.Name, r.Location = clean(r.Name), clean(r.Location)
	if err := checkText("name", lName, r.Name, true); err != nil {
		return err
	}
	if r.Capacity < 0 {
		return withField(localise(ErrNegative, lCapacity), "capacity")
	}
	return checkText("location", label{"The location", "L'emplacement"}, r.Location, false)
}

// Rooms lists the rooms by name.
func (s *Store) Rooms(ctx context.Context) ([]Room, error) {
	var rooms []Room
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, "SELECT id, name, capacity, location FROM room ORDER BY "+tx.d.NoCase("name"))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r Room
			if err := rows.Scan(&r.ID, &r.Name, &r.Capacity, &r.Location); err != nil {
				return err
			}
			rooms = append(rooms, r)
		}
		return rows.Err()
	})
	return rooms, err
}

// SaveRoom creates (ID 0) or updates a room. A larger room gives its
// sessions without a capacity of their own more places, which go to the
// people waiting.
func (s *Store) SaveRoom(ctx context.Context, r *Room) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sqlTx) error {
		if r.ID == 0 {
			err := tx.QueryRowContext(ctx, "INSERT INTO room (name, capacity, location) VALUES (?, ?, ?) RETURNING id",
				r.Name, r.Capacity, r.Location).Scan(&r.ID)
			return fromDriver(tx.broke(err), nameTaken(lARoom, r.Name))
		}
		res, err := tx.ExecContext(ctx, "UPDATE room SET name = ?, capacity = ?, location = ? WHERE id = ?", r.Name, r.Capacity, r.Location, r.ID)
		if err != nil {
			return fromDriver(err, nameTaken(lARoom, r.Name))
		}
		if err := mustAffect(res, lRoom); err != nil {
			return err
		}
		return promoteAll(ctx, tx, "SELECT id FROM session WHERE room_id = ? AND capacity IS NULL", r.ID)
	})
}

// DeleteRoom deletes a room where no session takes place.
func (s *Store) DeleteRoom(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		var name string
		var n int
		err := tx.QueryRowContext(ctx, "SELECT name, (SELECT count(*) FROM session WHERE room_id = r.id) FROM room r WHERE id = ?", id).Scan(&name, &n)
		if err == sql.ErrNoRows {
			return notFound(lRoom)
		}
		if err != nil {
			return err
		}
		if n > 0 {
			e := inUse(lTheRoom, name, plural(n, "session")) // "the room “Salle Artois”"
			e.frArgs[1] = roomInSentence(name)               // "la salle «Artois»"
			return e
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM room WHERE id = ?", id)
		return err
	})
}

// SessionKind tells plenaries from workshops.
type SessionKind string

const (
	KindPlenary  SessionKind = "plenary"
	KindWorkshop SessionKind = "workshop"
	KindOther    SessionKind = "other"
)

// Session is a plenary, a workshop or another slot of the programme.
type Session struct {
	ID          int64
	Kind        SessionKind
	Title       string
	Description string
	Day         Day
	Start, End  Clock
	RoomID      int64 // 0: no room yet
	// Capacity is the session's own limit; 0 means the room's. The
	// effective limit is EffectiveCapacity (0: unlimited).
	Capacity     int
	Speakers     []int64 // participant IDs
	Facilitators []int64

	// Read only.
	RoomName          string
	EffectiveCapacity int
	Enrolled          int
	Waitlisted        int
}

// Validate checks the session's own rules.
func (se *Session) Validate() error {
	se.Title, se.Description = clean(se.Title), strings.TrimSpace(se.Description)
	switch se.Kind {
	case KindPlenary, KindWorkshop, KindOther:
	default:
		return ErrKindInvalid.With(se.Kind)
	}
	if err := checkText("title", lTitle, se.Title, true); err != nil {
		return err
	}
	if _, err := ParseDay(string(se.Day)); err != nil {
		return withField(err.(*Error), "day")
	}
	if se.Start < 0 || se.Start >= 24*60 {
		return ErrTimeInvalid.With(se.Start.String())
	}
	if se.End <= se.Start || se.End > 24*60 {
		return ErrEndBeforeStart.With(se.Start, se.End)
	}
	if se.Capacity < 0 {
		return withField(localise(ErrNegative, lCapacity), "capacity")
	}
	return nil
}

const sessionColumns = `s.id, s.kind, s.title, s.description, s.day, s.start_min, s.end_min,
	coalesce(s.room_id, 0), coalesce(s.capacity, 0), coalesce(r.name, ''),
	coalesce(s.capacity, r.capacity, 0),
	(SELECT count(*) FROM enrolment e WHERE e.session_id = s.id AND e.status = 'enrolled'),
	(SELECT count(*) FROM enrolment e WHERE e.session_id = s.id AND e.status = 'waitlisted')`

func scanSession(sc interface{ Scan(...any) error }) (Session, error) {
	var se Session
	err := sc.Scan(&se.ID, &se.Kind, &se.Title, &se.Description, &se.Day, &se.Start, &se.End,
		&se.RoomID, &se.Capacity, &se.RoomName, &se.EffectiveCapacity, &se.Enrolled, &se.Waitlisted)
	return se, err
}

// Sessions lists the programme in time order.
func (s *Store) Sessions(ctx context.Context) ([]Session, error) {
	var list []Session
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		list, err = listSessions(ctx, tx)
		return err
	})
	return list, err
}

// programmeOrder is the order of the programme: by day and time, then room,
// a session with no room yet first (on every engine: PostgreSQL sorts NULL
// last).
const programmeOrder = "s.day, s.start_min, coalesce(r.name, ''), s.id"

// listSessions reads the programme, in its order, with the people on stage.
func listSessions(ctx context.Context, tx *sqlTx) ([]Session, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+sessionColumns+
		" FROM session s LEFT JOIN room r ON r.id = s.room_id ORDER BY "+programmeOrder)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Session
	place := map[int64]int{}
	for rows.Next() {
		se, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		place[se.ID] = len(list)
		list = append(list, se)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	// Everyone on stage at once, in the order they were named.
	rows, err = tx.QueryContext(ctx, "SELECT session_id, participant_id, role FROM session_person ORDER BY "+tx.d.InsertionOrder("session_person"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var session, id int64
		var role string
		if err := rows.Scan(&session, &id, &role); err != nil {
			return nil, err
		}
		i, ok := place[session]
		if !ok {
			continue
		}
		if role == "speaker" {
			list[i].Speakers = append(list[i].Speakers, id)
		} else {
			list[i].Facilitators = append(list[i].Facilitators, id)
		}
	}
	return list, rows.Err()
}

// Session returns one session.
func (s *Store) Session(ctx context.Context, id int64) (Session, error) {
	var se Session
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		se, err = loadSession(ctx, tx, id)
		return err
	})
	return se, err
}

func loadSession(ctx context.Context, tx *sqlTx, id int64) (Session, error) {
	se, err := scanSession(tx.QueryRowContext(ctx, "SELECT "+sessionColumns+
		" FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = ?", id))
	if err == sql.ErrNoRows {
		return se, notFound(lSession)
	}
	if err != nil {
		return se, err
	}
	return se, loadSessionPeople(ctx, tx, &se)
}

func loadSessionPeople(ctx context.Context, tx *sqlTx, se *Session) error {
	rows, err := tx.QueryContext(ctx, "SELECT participant_id, role FROM session_person WHERE session_id = ? ORDER BY "+
		tx.d.InsertionOrder("session_person"), se.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	se.Speakers, se.Facilitators = nil, nil
	for rows.Next() {
		var id int64
		var role string
		if err := rows.Scan(&id, &role); err != nil {
			return err
		}
		if role == "speaker" {
			se.Speakers = append(se.Speakers, id)
		} else {
			se.Facilitators = append(se.Facilitators, id)
		}
	}
	return rows.Err()
}

// SaveSession creates (ID 0) or updates a session: it must fall on a
// congress day, and its room must be free at that time.
func (s *Store) SaveSession(ctx context.Context, se *Session) error {
	if err := se.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sqlTx) error { return saveSession(ctx, tx, se) })
}

// errDryRun rolls back CheckSession's transaction.
var errDryRun = errors.New("dry run")

// CheckSession tells whether SaveSession would refuse se (a room taken,
// a speaker or an enrolled person elsewhere at that time…), saving
// nothing: a screen asks its own questions (above capacity?) only of a
// change the rules allow.
func (s *Store) CheckSession(ctx context.Context, se Session) error {
	if err := se.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *sqlTx) error {
		if err := saveSession(ctx, tx, &se); err != nil {
			return err
		}
		return errDryRun
	})
	if errors.Is(err, errDryRun) {
		return nil
	}
	return err
}

func saveSession(ctx context.Context, tx *sqlTx, se *Session) error {
	if err := checkCongressDay(ctx, tx, se.Day); err != nil {
		return withField(err.(*Error), "day")
	}
	var room sql.NullInt64
	if se.RoomID != 0 {
		room = sql.NullInt64{Int64: se.RoomID, Valid: true}
		if err := checkRoomFree(ctx, tx, se); err != nil {
			return err
		}
	}
	var capacity sql.NullInt64
	if se.Capacity > 0 {
		capacity = sql.NullInt64{Int64: int64(se.Capacity), Valid: true}
	}
	if se.ID == 0 {
		err := tx.QueryRowContext(ctx, `INSERT INTO session (kind, title, description, day, start_min, end_min, room_id, capacity)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, se.Kind, se.Title, se.Description, se.Day, se.Start, se.End, room, capacity).
			Scan(&se.ID)
		if err != nil {
			return tx.broke(err)
		}
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE session SET kind = ?, title = ?, description = ?, day = ?, start_min = ?,
			end_min = ?, room_id = ?, capacity = ? WHERE id = ?`,
			se.Kind, se.Title, se.Description, se.Day, se.Start, se.End, room, capacity, se.ID)
		if err != nil {
			return err
		}
		if err := mustAffect(res, lSession); err != nil {
			return err
		}
	}
	if err := setSessionPeople(ctx, tx, se); err != nil {
		return err
	}
	if err := checkSpeakersFree(ctx, tx, se); err != nil {
		return err
	}
	if err := checkEnrolledFree(ctx, tx, se); err != nil {
		return err
	}
	return promote(ctx, tx, se.ID)
}

func checkRoomFree(ctx context.Context, tx *sqlTx, se *Session) error {
	var title, room string
	var start, end Clock
	err := tx.QueryRowContext(ctx, `SELECT s.title, r.name, s.start_min, s.end_min FROM session s JOIN room r ON r.id = s.room_id
		WHERE s.room_id = ? AND s.day = ? AND s.id <> ? AND s.start_min < ? AND s.end_min > ? ORDER BY s.start_min LIMIT 1`,
		se.RoomID, se.Day, se.ID, se.End, se.Start).Scan(&title, &room, &start, &end)
	if err == sql.ErrNoRows {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM room WHERE id = ?", se.RoomID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return withField(notFound(lARoom), "room")
		}
		return nil
	}
	if err != nil {
		return err
	}
	// English names the room as it is; French says "la salle Artois".
	return ErrRoomBusy.WithWords([]any{room, title, start, end}, []any{roomInSentence(room), title, start, end})
}

// InSentence is the room's name after "la salle" (see roomInSentence).
func (r Room) InSentence() string { return roomInSentence(r.Name) }

// CapacityIn is the limit the session would have in room r (nil: no
// room), as EffectiveCapacity is read: its own, else the room's; 0 is
// unlimited.
func (se *Session) CapacityIn(r *Room) int {
	if se.Capacity > 0 {
		return se.Capacity
	}
	if r != nil {
		return r.Capacity
	}
	return 0
}

// roomInSentence is a room's name after "la salle" in a French sentence:
// "Salle Artois" is "Artois" there, as French says "la salle Artois", not
// "la salle Salle Artois" ("Room 12" is "la salle 12"). A name that is
// only the word stays whole. English sentences name the room as it is.
func roomInSentence(name string) string {
	for _, w := range []string{"salle ", "room "} {
		if len(name) > len(w) && strings.EqualFold(name[:len(w)], w) {
			return strings.TrimSpace(name[len(w):])
		}
	}
	return name
}

func setSessionPeople(ctx context.Context, tx *sqlTx, se *Session) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM session_person WHERE session_id = ?", se.ID); err != nil {
		return err
	}
	for role, ids := range map[string][]int64{"speaker": se.Speakers, "facilitator": se.Facilitators} {
		for _, id := range ids {
			_, err := tx.ExecContext(ctx, "INSERT INTO session_person (session_id, participant_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
				se.ID, id, role)
			if violated(err, ForeignKeyViolation) {
				return notFound(lParticipant)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// checkSpeakersFree refuses a speaker or facilitator who is already on
// stage elsewhere at that time.
func checkSpeakersFree(ctx context.Context, tx *sqlTx, se *Session) error {
	var name, title string
	var start, end Clock
	err := tx.QueryRowContext(ctx, `SELECT p.first_name || ' ' || p.last_name, o.title, o.start_min, o.end_min
		FROM session_person sp JOIN session_person op ON op.participant_id = sp.participant_id AND op.session_id <> sp.session_id
		JOIN session o ON o.id = op.session_id JOIN participant p ON p.id = sp.participant_id
		WHERE sp.session_id = ? AND o.day = ? AND o.start_min < ? AND o.end_min > ? ORDER BY o.start_min LIMIT 1`,
		se.ID, se.Day, se.End, se.Start).Scan(&name, &title, &start, &end)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return ErrSpeakerBusy.With(name, title, start, end)
}

// checkEnrolledFree refuses to move a session onto a time when one of its
// people holds a seat in another session: nobody is in two places at once
// (a waiting list holds nobody).
func checkEnrolledFree(ctx context.Context, tx *sqlTx, se *Session) error {
	var name, title string
	var start, end Clock
	err := tx.QueryRowContext(ctx, `SELECT p.first_name || ' ' || p.last_name, o.title, o.start_min, o.end_min
		FROM enrolment e JOIN enrolment x ON x.participant_id = e.participant_id AND x.session_id <> e.session_id
		JOIN session o ON o.id = x.session_id JOIN participant p ON p.id = e.participant_id
		WHERE e.session_id = ? AND e.status = 'enrolled' AND x.status = 'enrolled'
		AND o.day = ? AND o.start_min < ? AND o.end_min > ? ORDER BY o.start_min, p.sort_key LIMIT 1`,
		se.ID, se.Day, se.End, se.Start).Scan(&name, &title, &start, &end)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return ErrClash.With(name, title, start, end)
}

// Conflict is a problem in the programme: a room booked twice, or a
// speaker in two places at once.
type Conflict struct {
	Room   string // set for a room booked twice
	Person string // set for a speaker in two places
	A, B   Session
}

// Conflicts lists the programme's conflicts. Saving a session refuses new
// ones; older files, or a change of times, may still hold some.
func (s *Store) Conflicts(ctx context.Context) ([]Conflict, error) {
	var list []Conflict
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT a.id, b.id, r.name, '' FROM session a JOIN session b
				ON b.room_id = a.room_id AND b.day = a.day AND a.id < b.id AND a.start_min < b.end_min AND b.start_min < a.end_min
				JOIN room r ON r.id = a.room_id
			UNION ALL
			SELECT a.id, b.id, '', p.first_name || ' ' || p.last_name FROM session_person x
				JOIN session_person y ON y.participant_id = x.participant_id AND x.session_id < y.session_id
				JOIN session a ON a.id = x.session_id JOIN session b ON b.id = y.session_id
				JOIN participant p ON p.id = x.participant_id
				WHERE a.day = b.day AND a.start_min < b.end_min AND b.start_min < a.end_min`)
		if err != nil {
			return err
		}
		type pair struct {
			a, b         int64
			room, person string
		}
		var pairs []pair
		for rows.Next() {
			var p pair
			if err := rows.Scan(&p.a, &p.b, &p.room, &p.person); err != nil {
				rows.Close()
				return err
			}
			pairs = append(pairs, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, p := range pairs {
			a, err := loadSession(ctx, tx, p.a)
			if err != nil {
				return err
			}
			b, err := loadSession(ctx, tx, p.b)
			if err != nil {
				return err
			}
			list = append(list, Conflict{Room: p.room, Person: p.person, A: a, B: b})
		}
		return nil
	})
	return list, err
}

// DeleteSession deletes a session and its enrolments. A session somebody
// entered stays: its check-ins refer to it.
func (s *Store) DeleteSession(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		var title string
		var n int
		err := tx.QueryRowContext(ctx, "SELECT title, (SELECT count(*) FROM checkin WHERE session_id = s.id) FROM session s WHERE id = ?", id).Scan(&title, &n)
		if err == sql.ErrNoRows {
			return notFound(lSession)
		}
		if err != nil {
			return err
		}
		if n > 0 {
			return inUse(lTheSession, title, [2]string{"people have already entered it", "des personnes y sont déjà entrées"})
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM session WHERE id = ?", id)
		return err
	})
}
