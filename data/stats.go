package data

import (
	"context"
	"maps"
	"slices"
	"sort"
	"time"
)

// Stats are the congress's numbers at a glance. Registered counts those
// not cancelled (pending and confirmed), as the attendance workbook's
// summary does: a cancelled registration is counted in Cancelled only.
type Stats struct {
	Registered, Pending, Confirmed, Cancelled int
	ByCategory                                []CategoryCount
	ByDay                                     []DayCount
	Sessions                                  []SessionFill
	// Arrivals are the arrivals per quarter of an hour, as Arrivals
	// counts them: read with the rest, from the same check-ins.
	Arrivals []ArrivalBucket
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

// Stats counts registrations by status, category and day, session fill and
// arrivals. At 50,000 people the dashboard waited 3.4 s in the window
// (issue 19: 300 ms): the counts by category and status now come from an
// index (participant_category_sort, 0015) rather than the rows, the people
// expected each day from the days' index less the few cancelled, and the
// arrivals are read once for the categories, the days and the quarters.
//
// A file's Stats are kept with its revision (keptRead): read again with
// nothing written meanwhile, they are not counted again.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		st, err = keptRead(ctx, s, tx, "stats", countStats, Stats.clone)
		return err
	})
	return st, err
}

// countStats counts what Stats returns.
func countStats(ctx context.Context, tx *sqlTx) (Stats, error) {
	var st Stats
	err := func() error {
		if err := statsByCategory(ctx, tx, &st); err != nil {
			return err
		}
		if err := statsByDay(ctx, tx, &st); err != nil {
			return err
		}
		if err := statsArrivals(ctx, tx, &st); err != nil {
			return err
		}
		sessions, err := listSessions(ctx, tx)
		if err != nil {
			return err
		}
		for _, se := range sessions {
			st.Sessions = append(st.Sessions, SessionFill{Session: se})
		}
		return nil
	}()
	return st, err
}

// clone copies st's lists.
func (st Stats) clone() Stats {
	st.ByCategory = slices.Clone(st.ByCategory)
	st.ByDay = slices.Clone(st.ByDay)
	st.Sessions = slices.Clone(st.Sessions)
	st.Arrivals = slices.Clone(st.Arrivals)
	return st
}

// statsByCategory counts the people of each status and category.
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
	// One pass over the index of categories, which holds the status.
	rows, err = tx.QueryContext(ctx, `SELECT category_id, count(*), sum(CASE WHEN status = 'pending' THEN 1 ELSE 0 END),
		sum(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END), sum(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END)
		FROM participant GROUP BY category_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var cat int64
		var all, pending, confirmed, cancelled int
		if err := rows.Scan(&cat, &all, &pending, &confirmed, &cancelled); err != nil {
			return err
		}
		cc := &CategoryCount{} // not expected: category_id is a foreign key
		if i, ok := place[cat]; ok {
			cc = &st.ByCategory[i]
		}
		st.Cancelled += cancelled
		st.Confirmed += confirmed
		st.Pending += pending
		st.Registered += all - cancelled
		cc.Cancelled += cancelled
		cc.Confirmed += confirmed
		cc.Registered += all - cancelled
	}
	return rows.Err()
}

// statsByDay lists the days of the congress with the people expected each
// (not cancelled): all those registered for the day, less the cancelled.
func statsByDay(ctx context.Context, tx *sqlTx, st *Stats) error {
	rows, err := tx.QueryContext(ctx, `SELECT day FROM congress_day ORDER BY day`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var dc DayCount
		if err := rows.Scan(&dc.Day); err != nil {
			rows.Close()
			return err
		}
		st.ByDay = append(st.ByDay, dc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	expected, err := expectedByDayIn(ctx, tx)
	for i := range st.ByDay {
		st.ByDay[i].Expected = expected[st.ByDay[i].Day]
	}
	return err
}

// expectedByDayIn counts the people expected each day: registered for that
// day, not cancelled.
func expectedByDayIn(ctx context.Context, tx *sqlTx) (map[Day]int, error) {
	m := map[Day]int{}
	for _, q := range []struct {
		sql  string
		sign int
	}{{`SELECT day, count(*) FROM participant_day GROUP BY day`, 1}, {cancelledByDay, -1}} {
		rows, err := tx.QueryContext(ctx, q.sql)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var d Day
			var n int
			if err := rows.Scan(&d, &n); err != nil {
				rows.Close()
				return nil, err
			}
			m[d] += q.sign * n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// cancelledByDay counts the cancelled registrations of each day.
const cancelledByDay = `SELECT pd.day, count(*) FROM participant p JOIN participant_day pd ON pd.participant_id = p.id
	WHERE p.status = 'cancelled' GROUP BY pd.day`

// statsArrivals reads the arrivals not undone once: the people of each
// category and of each day who arrived (once each, whatever their
// arrivals), and the arrivals per quarter of an hour.
//
// At 50,000 people (37,000 arrivals) this was three quarters of the
// dashboard's 0.17 s of processor when the file opened, where nothing is
// kept yet (issue 19: 300 ms): the few undone arrivals are now read first
// and skipped here, rather than looked up for each arrival, and each
// arrival is counted without a string or map entry of its own beyond its
// person's.
func statsArrivals(ctx context.Context, tx *sqlTx, st *Stats) error {
	undone, err := undoneCheckins(ctx, tx)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.participant_id, p.category_id, c.day, c.at FROM checkin c
		JOIN participant p ON p.id = c.participant_id WHERE c.kind = 'arrival'`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var days []Day                // the days seen, each once: their index below
	people := map[int64]arrived{} // who arrived: their category and days
	byDay := map[Day]int{}
	var quarters arrivalQuarters
	for rows.Next() {
		var id, person, cat int64
		var day Day
		var at timeText
		if err := rows.Scan(&id, &person, &cat, &day, &at); err != nil {
			return err
		}
		if undone[id] {
			continue
		}
		i := slices.Index(days, day)
		if i < 0 {
			i = len(days)
			days = append(days, day)
		}
		day = days[i] // one string for all of the day's arrivals
		a := people[person]
		a.category = cat
		if a.onDay(i) {
			people[person] = a
		} else {
			people[person] = a.with(i)
			byDay[day]++
		}
		quarters.add(day, at)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	byCategory := map[int64]int{}
	for _, a := range people {
		byCategory[a.category]++
	}
	for i := range st.ByCategory {
		st.ByCategory[i].CheckedIn = byCategory[st.ByCategory[i].Category.ID]
	}
	for i := range st.ByDay {
		st.ByDay[i].CheckedIn = byDay[st.ByDay[i].Day]
	}
	st.Arrivals = quarters.buckets()
	return nil
}

// arrived is a person who arrived: their category, and the days they
// arrived on (the index of each among the days seen), the first 64 as
// bits.
type arrived struct {
	category int64
	days     uint64
	more     []int // the days past the 64th
}

func (a arrived) onDay(i int) bool {
	if i < 64 {
		return a.days&(1<<i) != 0
	}
	return slices.Contains(a.more, i)
}

func (a arrived) with(i int) arrived {
	if i < 64 {
		a.days |= 1 << i
	} else {
		a.more = append(slices.Clip(a.more), i)
	}
	return a
}

// undoneCheckins are the check-ins that a later one cancels (an arrival
// undone): a few hundred of the 37,000 arrivals of 50,000 people, read
// from their index.
func undoneCheckins(ctx context.Context, tx *sqlTx) (map[int64]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT cancels FROM checkin WHERE cancels IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	undone := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		undone[id] = true
	}
	return undone, rows.Err()
}

// arrivedAnyDay is true when participant p has an arrival not undone.
const arrivedAnyDay = `EXISTS (SELECT 1 FROM checkin c WHERE c.participant_id = p.id AND c.kind = 'arrival'
	AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id))`

// Arrived counts the people who arrived, on any day (an arrival not
// undone): those whose certificates of attendance are printed. One pass
// over the check-ins, a quarter of the people whose arrival is looked up
// one by one (ParticipantIDs with CheckedIn: 32 ms against 140 at 50,000,
// issue 19). Kept until the file changes.
func (s *Store) Arrived(ctx context.Context) (int, error) {
	var n int
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		n, err = keptRead(ctx, s, tx, "arrived", countArrived, func(n int) int { return n })
		return err
	})
	return n, err
}

func countArrived(ctx context.Context, tx *sqlTx) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(DISTINCT c.participant_id) FROM checkin c WHERE c.kind = 'arrival'
		AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id)`).Scan(&n)
	return n, err
}

// ArrivalBucket counts the arrivals in a quarter of an hour of a day.
type ArrivalBucket struct {
	Day   Day
	Start Clock // local time of this laptop
	Count int
}

// Arrivals counts arrivals (not undone) per quarter of an hour on each day,
// in the time zone of this laptop. Quarters without arrivals are left out.
func (s *Store) Arrivals(ctx context.Context) ([]ArrivalBucket, error) {
	var quarters arrivalQuarters
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.day, c.at FROM checkin c WHERE c.kind = 'arrival'
			AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id)`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var day Day
			var at timeText
			if err := rows.Scan(&day, &at); err != nil {
				return err
			}
			quarters.add(day, at)
		}
		return rows.Err()
	})
	return quarters.buckets(), err
}

// arrivalQuarters counts arrivals per day and quarter of an hour. The
// times are counted by their quarter in UTC, as written (formatTime), and
// each quarter is put in this laptop's time once, not each arrival: at
// 50,000 people, reading each time took most of the dashboard's tenth of
// a second. Every time zone is whole quarters of an hour from UTC.
type arrivalQuarters struct {
	utc   map[dayQuarter]int // the quarter's start in UTC: "2021-11-25T08" and 15
	local map[ArrivalBucket]int
}

type dayQuarter struct {
	day    Day
	hour   [13]byte // "2021-11-25T08", in UTC
	minute byte     // 0, 15, 30 or 45
}

// add counts an arrival at at on day.
func (q *arrivalQuarters) add(day Day, at timeText) {
	if q.utc == nil {
		q.utc, q.local = map[dayQuarter]int{}, map[ArrivalBucket]int{}
	}
	// formatTime's "2006-01-02T15:04:05.000000Z": its quarter is its
	// first 13 characters and the minutes rounded down.
	if t := string(at); len(t) > 16 && t[10] == 'T' && t[13] == ':' && t[len(t)-1] == 'Z' && isDigits(t[14:16]) {
		k := dayQuarter{day: day, minute: byte((int(t[14]-'0')*10 + int(t[15]-'0')) / 15 * 15)}
		copy(k.hour[:], t)
		q.utc[k]++
		return
	}
	q.local[ArrivalBucket{Day: day, Start: localQuarter(at.time())}]++
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// localQuarter is the start of t's quarter of an hour, in this laptop's time.
func localQuarter(t time.Time) Clock {
	t = t.Local()
	return Clock((t.Hour()*60 + t.Minute()) / 15 * 15)
}

// buckets lists the quarters counted, by day and time.
func (q *arrivalQuarters) buckets() []ArrivalBucket {
	counts := maps.Clone(q.local)
	if counts == nil {
		counts = map[ArrivalBucket]int{}
	}
	for dq, n := range q.utc {
		t, err := time.Parse("2006-01-02T15", string(dq.hour[:]))
		if err != nil {
			continue // not expected: add checked its form
		}
		t = t.Add(time.Duration(dq.minute) * time.Minute)
		counts[ArrivalBucket{Day: dq.day, Start: localQuarter(t)}] += n
	}
	var list []ArrivalBucket
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
	return list
}

// ExpectedByDay counts the people expected each day of the congress (not
// cancelled, registered for that day): the attendance of a plenary, which
// nobody enrols in.
//
// The programme asks at each visit: kept until the file changes
// (kept_reads.go).
func (s *Store) ExpectedByDay(ctx context.Context) (map[Day]int, error) {
	var m map[Day]int
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		m, err = keptRead(ctx, s, tx, "expected", expectedByDayIn, maps.Clone)
		return err
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
