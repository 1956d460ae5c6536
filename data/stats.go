package data

import (
	"context"
	"sort"
)

// Stats are the congress's numbers at a glance. Registered counts those
// not cancelled (pending and confirmed), as the attendance workbook's
// summary does: a cancelled registration is counted in Cancelled only.
type Stats struct {
	Registered, Pending, Confirmed, Cancelled int
	ByCategory                                []CategoryCount
	ByDay                                     []DayCount
	Sessions                                  []SessionFill
}

// CategoryCount counts one category's participants.
type CategoryCount struct {
	Category                                    Category
	Registered, Confirmed, Cancelled, CheckedIn int
}

// DayCount compares expected and arrived people on one day.
type DayCount struct {
	Day                 Day
	Expected, CheckedIn int
}

// SessionFill is a session with its enrolment counts.
type SessionFill struct {
	Session Session
}

// FillRate is enrolled over capacity (0 when the capacity is unlimited).
func (f SessionFill) FillRate() float64 {
	if f.Session.EffectiveCapacity == 0 {
		return 0
	}
	return float64(f.Session.Enrolled) / float64(f.Session.EffectiveCapacity)
}

// Stats counts registrations by status, category and day, and session fill.
// Each count reads the participants once, grouped, rather than a subquery
// per person: at 50,000 people the dashboard waited most of a second.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.read(ctx, func(tx *sqlTx) error {
		if err := statsByCategory(ctx, tx, &st); err != nil {
			return err
		}
		return statsByDay(ctx, tx, &st)
	})
	if err != nil {
		return st, err
	}
	sessions, err := s.Sessions(ctx)
	for _, se := range sessions {
		st.Sessions = append(st.Sessions, SessionFill{Session: se})
	}
	return st, err
}

// statsByCategory counts the people of each status and category, and
// those who arrived (an arrival not undone, on any day).
func statsByCategory(ctx context.Context, tx *sqlTx, st *Stats) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, name, badge_label, colour, position FROM category ORDER BY position, id`)
	if err != nil {
		return err
	}
	place := map[int64]int{}
	for rows.Next() {
		var cc CategoryCount
		c := &cc.Category
		if err := rows.Scan(&c.ID, &c.Name, &c.BadgeLabel, &c.Colour, &c.Position); err != nil {
			rows.Close()
			return err
		}
		place[c.ID] = len(st.ByCategory)
		st.ByCategory = append(st.ByCategory, cc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `SELECT p.category_id, p.status, count(*), count(a.participant_id)
		FROM participant p LEFT JOIN (SELECT DISTINCT c.participant_id FROM checkin c WHERE c.kind = 'arrival'
			AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id)) a ON a.participant_id = p.id
		GROUP BY p.category_id, p.status`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var cat int64
		var status Status
		var n, arrived int
		if err := rows.Scan(&cat, &status, &n, &arrived); err != nil {
			return err
		}
		var cc *CategoryCount
		if i, ok := place[cat]; ok {
			cc = &st.ByCategory[i]
		} else {
			cc = &CategoryCount{} // not expected: category_id is a foreign key
		}
		cc.CheckedIn += arrived
		switch status {
		case StatusCancelled:
			st.Cancelled += n
			cc.Cancelled += n
		case StatusConfirmed:
			st.Confirmed += n
			cc.Confirmed += n
		case StatusPending:
			st.Pending += n
		}
		if status != StatusCancelled {
			st.Registered += n
			cc.Registered += n
		}
	}
	return rows.Err()
}

// statsByDay counts, for each day of the congress, the people expected
// (not cancelled) and those who arrived.
func statsByDay(ctx context.Context, tx *sqlTx, st *Stats) error {
	rows, err := tx.QueryContext(ctx, `SELECT day FROM congress_day ORDER BY day`)
	if err != nil {
		return err
	}
	place := map[Day]int{}
	for rows.Next() {
		var dc DayCount
		if err := rows.Scan(&dc.Day); err != nil {
			rows.Close()
			return err
		}
		place[dc.Day] = len(st.ByDay)
		st.ByDay = append(st.ByDay, dc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, q := range []struct {
		sql      string
		expected bool
	}{
		{expectedByDay, true},
		{`SELECT c.day, count(DISTINCT c.participant_id) FROM checkin c WHERE c.kind = 'arrival'
			AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id) GROUP BY c.day`, false},
	} {
		rows, err := tx.QueryContext(ctx, q.sql)
		if err != nil {
			return err
		}
		for rows.Next() {
			var d Day
			var n int
			if err := rows.Scan(&d, &n); err != nil {
				rows.Close()
				return err
			}
			i, ok := place[d]
			if !ok {
				continue // a day no longer in the congress
			}
			if q.expected {
				st.ByDay[i].Expected = n
			} else {
				st.ByDay[i].CheckedIn = n
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// expectedByDay counts the people expected each day: not cancelled, and
// registered for that day.
const expectedByDay = `SELECT pd.day, count(*) FROM participant_day pd JOIN participant p ON p.id = pd.participant_id
	WHERE p.status <> 'cancelled' GROUP BY pd.day`

// arrivedAnyDay is true when participant p has an arrival not undone.
const arrivedAnyDay = `EXISTS (SELECT 1 FROM checkin c WHERE c.participant_id = p.id AND c.kind = 'arrival'
	AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id))`

// ArrivalBucket counts the arrivals in a quarter of an hour of a day.
type ArrivalBucket struct {
	Day   Day
	Start Clock // local time of this laptop
	Count int
}

// Arrivals counts arrivals (not undone) per quarter of an hour on each day,
// in the time zone of this laptop. Quarters without arrivals are left out.
func (s *Store) Arrivals(ctx context.Context) ([]ArrivalBucket, error) {
	var list []ArrivalBucket
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.day, c.at FROM checkin c WHERE c.kind = 'arrival'
			AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id)`)
		if err != nil {
			return err
		}
		defer rows.Close()
		counts := map[ArrivalBucket]int{}
		for rows.Next() {
			var b ArrivalBucket
			var at timeText
			if err := rows.Scan(&b.Day, &at); err != nil {
				return err
			}
			t := at.time().Local()
			b.Start = Clock((t.Hour()*60 + t.Minute()) / 15 * 15)
			counts[b]++
		}
		for b, n := range counts {
			b.Count = n
			list = append(list, b)
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].Day != list[j].Day {
				return list[i].Day < list[j].Day
			}
			return list[i].Start < list[j].Start
		})
		return rows.Err()
	})
	return list, err
}

// ExpectedByDay counts the people expected each day of the congress (not
// cancelled, registered for that day): the attendance of a plenary, which
// nobody enrols in.
func (s *Store) ExpectedByDay(ctx context.Context) (map[Day]int, error) {
	m := map[Day]int{}
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, expectedByDay)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d Day
			var n int
			if err := rows.Scan(&d, &n); err != nil {
				return err
			}
			m[d] = n
		}
		return rows.Err()
	})
	return m, err
}

// Counts counts registrations by status only (Registered, Pending,
// Confirmed, Cancelled): what the dashboard shows first, in one quick
// pass, while Stats reads the rest.
func (s *Store) Counts(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT status, count(*) FROM participant GROUP BY status`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var status Status
			var n int
			if err := rows.Scan(&status, &n); err != nil {
				return err
			}
			switch status {
			case StatusCancelled:
				st.Cancelled += n
			case StatusConfirmed:
				st.Confirmed += n
			case StatusPending:
				st.Pending += n
			}
			if status != StatusCancelled {
				st.Registered += n
			}
		}
		return rows.Err()
	})
	return st, err
}
