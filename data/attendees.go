package data

import (
	"context"
	"slices"
	"strings"
	"time"
)

// The people of the attendance workbook, the sign-in sheets and the
// certificates: every participant with their arrivals, each session's
// attendees, the stands' people, and who gets a certificate.

// attendeePage is how many people EachAttendee reads at a time (a variable
// so that tests can walk several pages of a few people).
var attendeePage = 1000

// EachAttendee calls fn for every participant the query selects, in its
// order, reading in pages so that 50,000 people do not sit in memory at
// once. fn's error stops the walk and is returned. Each Attendee is fn's
// to keep: none is reused.
//
// The next page is read while fn is called for the people of this one, so
// that reading the file and writing a spreadsheet share the two cores.
// The walk is one read transaction: what fn sees is the file as it was
// when the walk began, whatever is written meanwhile.
func (s *Store) EachAttendee(ctx context.Context, q ParticipantQuery, fn func(*Attendee) error) error {
	return s.read(ctx, func(tx *sqlTx) error {
		pages := make(chan attendeePageResult, 1) // one page read ahead
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			defer close(pages)
			readAttendees(ctx, tx, q, func(list []Attendee, err error) bool {
				select {
				case pages <- attendeePageResult{list, err}:
					return err == nil
				case <-stop:
					return false
				}
			})
		}()
		// The transaction ends when this function returns: the reader
		// stops first.
		defer func() {
			close(stop)
			<-done
		}()
		for page := range pages {
			if page.err != nil {
				return page.err
			}
			for i := range page.list {
				if err := fn(&page.list[i]); err != nil {
					return err
				}
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return nil
	})
}

type attendeePageResult struct {
	list []Attendee
	err  error
}

// readAttendees reads the people the query selects, page by page, and
// hands each page (or the error that stopped the reading) to yield, until
// yield returns false.
func readAttendees(ctx context.Context, tx *sqlTx, q ParticipantQuery, yield func([]Attendee, error) bool) {
	days, err := congressDays(ctx, tx)
	if err != nil {
		yield(nil, err)
		return
	}
	categories, err := categoryNames(ctx, tx)
	if err != nil {
		yield(nil, err)
		return
	}
	ids, err := participantIDs(ctx, tx, q)
	if err != nil {
		yield(nil, err)
		return
	}
	// The days and arrivals of many people are read at once, of a few
	// page by page.
	whole, err := wholeFile(ctx, tx, len(ids))
	if err != nil {
		yield(nil, err)
		return
	}
	var pr *presence
	if whole {
		if pr, err = readPresence(ctx, tx, days, ids, true); err == nil {
			err = pr.readBadges(ctx, tx)
		}
		if err != nil {
			yield(nil, err)
			return
		}
	}
	for len(ids) > 0 {
		page := ids[:min(len(ids), attendeePage)]
		ids = ids[len(page):]
		if !whole {
			if pr, err = readPresence(ctx, tx, days, page, false); err == nil {
				err = pr.readBadges(ctx, tx)
			}
			if err != nil {
				yield(nil, err)
				return
			}
		}
		list, err := attendees(ctx, tx, page, pr, categories)
		if !yield(list, err) {
			return
		}
	}
}

func categoryNames(ctx context.Context, tx *sqlTx) (map[int64]string, error) {
	cats, err := listCategories(ctx, tx)
	names := make(map[int64]string, len(cats))
	for _, c := range cats {
		names[c.ID] = c.Name
	}
	return names, err
}

// attendees reads these people, in this order, and gives them their
// category's name and their presence. The file is read in the order of
// the IDs, which is the order it keeps them in.
func attendees(ctx context.Context, tx *sqlTx, ids []int64, pr *presence, categories map[int64]string) ([]Attendee, error) {
	place := make(map[int64]int, len(ids))
	for i, id := range ids {
		place[id] = i
	}
	list := make([]Attendee, len(ids))
	rows, err := tx.QueryContext(ctx, "SELECT "+participantColumns+`
		FROM `+tx.d.IDList()+` j JOIN participant p ON p.id = j.value LEFT JOIN organisation o ON o.id = p.organisation_id`,
		idsJSON(slices.Sorted(slices.Values(ids))))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanParticipant(rows)
		if err != nil {
			return nil, err
		}
		list[place[p.ID]].Participant = p
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	n := len(pr.days)
	registered := make([]Day, len(ids)*n) // one allocation for the page
	arrivals := make([]time.Time, len(ids)*n)
	for i := range list {
		a := &list[i]
		row := pr.row[a.ID]
		a.Category = categories[a.CategoryID]
		a.BadgePrinted = pr.badge[row]
		a.Arrivals = arrivals[i*n : (i+1)*n : (i+1)*n]
		days := registered[i*n : i*n : (i+1)*n]
		for d, day := range pr.days {
			if pr.registeredOn(row, d) {
				days = append(days, day)
			}
			if at := pr.arrivedAt(row, d); at != "" {
				a.Arrivals[d] = parseTime(at)
			}
		}
		if len(days) > 0 { // as Participant gives them: nil for none
			a.Days = days
		}
	}
	// Everyone is found, read in the same transaction as the IDs; an ID
	// that was not would be left out.
	return slices.DeleteFunc(list, func(a Attendee) bool { return a.ID == 0 }), nil
}

// SessionAttendees lists a session's enrolled people (not those waiting)
// and its walk-ins (who entered without being enrolled), sorted by last
// name then first name (accents and case ignored). At is the first entry
// not undone.
func (s *Store) SessionAttendees(ctx context.Context, sessionID int64) ([]SessionAttendee, error) {
	var list []SessionAttendee
	err := s.read(ctx, func(tx *sqlTx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM session WHERE id = ?", sessionID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return notFound(lSession)
		}
		rows, err := tx.QueryContext(ctx, `WITH
			entered AS (SELECT c.participant_id AS id, min(c.at) AS at FROM checkin c
				WHERE c.session_id = ?1 AND c.kind = 'session' AND `+notUndone+` GROUP BY c.participant_id),
			enrolled AS (SELECT participant_id AS id FROM enrolment WHERE session_id = ?1 AND status = 'enrolled'),
			people AS (SELECT id FROM enrolled UNION SELECT id FROM entered)
			SELECT p.id, p.code, p.first_name, p.last_name, coalesce(o.name, ''), cat.name,
				p.id IN (SELECT id FROM enrolled), (SELECT at FROM entered WHERE entered.id = p.id)
			FROM people JOIN participant p ON p.id = people.id
			LEFT JOIN organisation o ON o.id = p.organisation_id JOIN category cat ON cat.id = p.category_id
			ORDER BY p.sort_key, p.id`, sessionID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a SessionAttendee
			var at timeText // "" when NULL: never entered
			if err := rows.Scan(&a.ParticipantID, &a.Code, &a.FirstName, &a.LastName, &a.Organisation, &a.Category,
				&a.Enrolled, &at); err != nil {
				return err
			}
			if at != "" {
				a.Attended, a.At = true, parseTime(string(at))
			}
			list = append(list, a)
		}
		return rows.Err()
	})
	return list, err
}

// StandLines lists the stands in number order, with their people.
func (s *Store) StandLines(ctx context.Context) ([]StandLine, error) {
	var list []StandLine
	err := s.read(ctx, func(tx *sqlTx) error {
		stands, err := listStands(ctx, tx)
		if err != nil || len(stands) == 0 {
			return err
		}
		type person struct{ name, email, phone string }
		contacts := map[int64]person{}
		staff := map[int64][]string{}
		// The contacts and the staff of all stands, staff in order of name.
		rows, err := tx.QueryContext(ctx, `SELECT s.id, 1, p.first_name, p.last_name, p.email, p.phone, ''
			FROM stand s JOIN participant p ON p.id = s.contact_id
			UNION ALL
			SELECT ss.stand_id, 0, p.first_name, p.last_name, '', '', p.sort_key
			FROM stand_staff ss JOIN participant p ON p.id = ss.participant_id
			ORDER BY 2, 7, 1`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var contact bool
			var first, last, email, phone, key string
			if err := rows.Scan(&id, &contact, &first, &last, &email, &phone, &key); err != nil {
				return err
			}
			name := strings.TrimSpace(first + " " + last)
			if contact {
				contacts[id] = person{name, email, phone}
			} else {
				staff[id] = append(staff[id], name)
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		list = make([]StandLine, len(stands))
		for i, st := range stands {
			c := contacts[st.ID]
			list[i] = StandLine{Stand: st, Contact: c.name, ContactEmail: c.email, ContactPhone: c.phone, Staff: staff[st.ID]}
		}
		return nil
	})
	return list, err
}

// Certificates returns the certificate of each of these people who arrived
// on at least one day, in the order of ids: the days they arrived, and the
// sessions they entered (not undone) in programme order. IDs that do not
// exist, and people who never arrived, are left out.
func (s *Store) Certificates(ctx context.Context, ids []int64) ([]CertificateRow, error) {
	var list []CertificateRow
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.code, p.first_name, p.last_name, coalesce(o.name, '')
			FROM `+tx.d.IDList()+` j JOIN participant p ON p.id = j.value LEFT JOIN organisation o ON o.id = p.organisation_id
			ORDER BY j.key`, idsJSON(ids))
		if err != nil {
			return err
		}
		defer rows.Close()
		var people []CertificateRow
		var found []int64
		for rows.Next() {
			var r CertificateRow
			if err := rows.Scan(&r.ID, &r.Code, &r.FirstName, &r.LastName, &r.Organisation); err != nil {
				return err
			}
			people = append(people, r)
			found = append(found, r.ID)
		}
		if err := rows.Err(); err != nil || len(people) == 0 {
			return err
		}
		rows.Close()
		days, err := congressDays(ctx, tx)
		if err != nil {
			return err
		}
		whole, err := wholeFile(ctx, tx, len(found))
		if err != nil {
			return err
		}
		pr, err := readPresence(ctx, tx, days, found, whole)
		if err != nil {
			return err
		}
		sessions, err := attendedSessions(ctx, tx, pr)
		if err != nil {
			return err
		}
		for _, r := range people {
			row := pr.row[r.ID]
			for d, day := range days {
				if pr.arrivedAt(row, d) != "" {
					r.Days = append(r.Days, day)
				}
			}
			if len(r.Days) > 0 { // arrived at least once
				r.Sessions = sessions[r.ID]
				list = append(list, r)
			}
		}
		return nil
	})
	return list, err
}

// attendedSessions returns the sessions each person of pr entered (entries
// not undone), in programme order.
func attendedSessions(ctx context.Context, tx *sqlTx, pr *presence) (map[int64][]AttendedSession, error) {
	// The programme: a session's place in it orders each person's list.
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.title, s.kind, s.day, s.start_min, s.end_min
		FROM session s LEFT JOIN room r ON r.id = s.room_id ORDER BY `+programmeOrder)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var programme []AttendedSession
	place := map[int64]int{}
	for rows.Next() {
		var id int64
		var a AttendedSession
		if err := rows.Scan(&id, &a.Title, &a.Kind, &a.Day, &a.Start, &a.End); err != nil {
			return nil, err
		}
		a.Minutes = int(a.End - a.Start)
		place[id] = len(programme)
		programme = append(programme, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()

	rows, err = tx.QueryContext(ctx, `SELECT DISTINCT c.participant_id, c.session_id FROM checkin c
		WHERE c.kind = 'session' AND `+notUndone+` AND `+pr.among(tx, "c.participant_id"), pr.args(1)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	places := map[int64][]int{}
	for rows.Next() {
		var id, session int64
		if err := rows.Scan(&id, &session); err != nil {
			return nil, err
		}
		_, mine := pr.row[id]
		if p, ok := place[session]; ok && mine {
			places[id] = append(places[id], p)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sessions := make(map[int64][]AttendedSession, len(places))
	for id, ps := range places {
		slices.Sort(ps)
		list := make([]AttendedSession, len(ps))
		for i, p := range ps {
			list[i] = programme[p]
		}
		sessions[id] = list
	}
	return sessions, nil
}
