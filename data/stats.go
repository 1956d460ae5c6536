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
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.read(ctx, func(tx *sqlTx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE status <> 'cancelled'), count(*) FILTER (WHERE status = 'pending'),
			count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'cancelled') FROM participant`).
			Scan(&st.Registered, &st.Pending, &st.Confirmed, &st.Cancelled); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT c.id, c.name, c.badge_label, c.colour, c.position,
			count(p.id) FILTER (WHERE p.status <> 'cancelled'), count(p.id) FILTER (WHERE p.status = 'confirmed'),
			count(p.id) FILTER (WHERE p.status = 'cancelled'),
			count(p.id) FILTER (WHERE `+arrivedAnyDay+`)
			FROM category c LEFT JOIN participant p ON p.category_id = c.id
			GROUP BY c.id ORDER BY c.position, c.id`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var cc CategoryCount
			c := &cc.Category
			if err := rows.Scan(&c.ID, &c.Name, &c.BadgeLabel, &c.Colour, &c.Position,
				&cc.Registered, &cc.Confirmed, &cc.Cancelled, &cc.CheckedIn); err != nil {
				rows.Close()
				return err
			}
			st.ByCategory = append(st.ByCategory, cc)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, `SELECT d.day,
			(SELECT count(*) FROM participant_day pd JOIN participant p ON p.id = pd.participant_id
				WHERE pd.day = d.day AND p.status <> 'cancelled'),
			(SELECT count(DISTINCT c.participant_id) FROM checkin c WHERE c.day = d.day AND c.kind = 'arrival'
				AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id))
			FROM congress_day d ORDER BY d.day`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var dc DayCount
			if err := rows.Scan(&dc.Day, &dc.Expected, &dc.CheckedIn); err != nil {
				rows.Close()
				return err
			}
			st.ByDay = append(st.ByDay, dc)
		}
		rows.Close()
		return rows.Err()
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
		rows, err := tx.QueryContext(ctx, `SELECT pd.day, count(*) FROM participant_day pd
			JOIN participant p ON p.id = pd.participant_id WHERE p.status <> 'cancelled' GROUP BY pd.day`)
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
