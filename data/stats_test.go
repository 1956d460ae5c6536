package data

import (
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// The dashboard's numbers as one SQL query each counted them before
// Stats read them from the indexes and the arrivals once (issue 19).
const (
	oldByCategory = `SELECT p.category_id, p.status, count(*), count(a.participant_id)
		FROM participant p LEFT JOIN (SELECT DISTINCT c.participant_id FROM checkin c WHERE c.kind = 'arrival'
			AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id)) a ON a.participant_id = p.id
		GROUP BY p.category_id, p.status`
	oldExpected = `SELECT pd.day, count(*) FROM participant_day pd JOIN participant p ON p.id = pd.participant_id
		WHERE p.status <> 'cancelled' GROUP BY pd.day`
	oldArrived = `SELECT c.day, count(DISTINCT c.participant_id) FROM checkin c WHERE c.kind = 'arrival'
		AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id) GROUP BY c.day`
)

// Stats counts as the queries before it did, on the demo congress with
// arrivals undone and people cancelled; its arrivals per quarter are
// Arrivals', in a time zone half an hour off.
func TestStatsAsBefore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo"+Extension)
	if err := WriteDemo(ctx, path, DemoOptions{Participants: 400}); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{CheckedIn: Yes, Limit: 30})
	if err != nil || len(ids) < 30 {
		t.Fatal(ids, err)
	}
	for i, id := range ids {
		if i%2 == 0 {
			if _, err := s.CheckIn(ctx, id, "2021-11-26", 0, ""); err != nil {
				t.Fatal(err)
			}
		}
		if i%3 == 0 {
			if err := s.SetParticipantStatus(ctx, id, StatusCancelled); err != nil {
				t.Fatal(err)
			}
		}
	}
	local := time.Local
	time.Local = time.FixedZone("IST", 5*3600+1800)
	defer func() { time.Local = local }()

	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byCat := map[int64]CategoryCount{}
	var counts [4]int // registered, pending, confirmed, cancelled
	var expected, arrived map[Day]int
	err = s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, oldByCategory)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var cat int64
			var status Status
			var n, in int
			if err := rows.Scan(&cat, &status, &n, &in); err != nil {
				return err
			}
			cc := byCat[cat]
			cc.CheckedIn += in
			switch status {
			case StatusCancelled:
				cc.Cancelled += n
				counts[3] += n
			case StatusConfirmed:
				cc.Confirmed += n
				counts[2] += n
			case StatusPending:
				counts[1] += n
			}
			if status != StatusCancelled {
				cc.Registered += n
				counts[0] += n
			}
			byCat[cat] = cc
		}
		if expected, err = dayCounts(tx, oldExpected); err == nil {
			arrived, err = dayCounts(tx, oldArrived)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := [4]int{st.Registered, st.Pending, st.Confirmed, st.Cancelled}; got != counts || counts[3] == 0 {
		t.Errorf("counts %v, before %v", got, counts)
	}
	for _, cc := range st.ByCategory {
		want := byCat[cc.Category.ID]
		want.Category = cc.Category
		if cc != want {
			t.Errorf("%s: %+v, before %+v", cc.Category.Name, cc, want)
		}
	}
	if len(st.ByDay) != 2 {
		t.Fatalf("days %+v", st.ByDay)
	}
	for _, dc := range st.ByDay {
		if dc.Expected != expected[dc.Day] || dc.CheckedIn != arrived[dc.Day] || dc.CheckedIn == 0 {
			t.Errorf("%s: %+v, before expected %d, arrived %d", dc.Day, dc, expected[dc.Day], arrived[dc.Day])
		}
	}
	wantArrivals, err := s.Arrivals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(st.Arrivals, wantArrivals) || len(wantArrivals) == 0 {
		t.Errorf("arrivals %v, Arrivals %v", st.Arrivals, wantArrivals)
	}
	total := 0
	for _, b := range st.Arrivals {
		total += b.Count
		if b.Start%15 != 0 {
			t.Errorf("a quarter starts at %v", b.Start)
		}
	}
	// Each quarter as the time of each arrival puts it, in the laptop's time.
	slow := map[ArrivalBucket]int{}
	rows, err := s.r.QueryContext(ctx, `SELECT c.day, c.at FROM checkin c WHERE c.kind = 'arrival'
		AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id)`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var b ArrivalBucket
		var at timeText
		if err := rows.Scan(&b.Day, &at); err != nil {
			t.Fatal(err)
		}
		b.Start = localQuarter(at.time())
		slow[b]++
	}
	for _, b := range st.Arrivals {
		n := b.Count
		b.Count = 0
		if slow[b] != n {
			t.Errorf("quarter %v: %d, each arrival read: %d", b, n, slow[b])
		}
	}
}

func dayCounts(tx *sqlTx, query string) (map[Day]int, error) {
	m := map[Day]int{}
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var d Day
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, err
		}
		m[d] = n
	}
	return m, rows.Err()
}

// Stats kept for a file are read again after any write: a check-in, a
// cancellation, an undo; what a caller changes in them is its own.
func TestStatsAfterEachWrite(t *testing.T) {
	s := mustOpen(t)
	a, b := addPerson(t, s, "Anne", "Martin"), addPerson(t, s, "Bruno", "Dupont")
	stats := func() Stats {
		t.Helper()
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := stats()
	if st.Registered != 2 || st.ByDay[0].CheckedIn != 0 || len(st.Arrivals) != 0 {
		t.Fatalf("first %+v", st)
	}
	if m, err := s.ExpectedByDay(ctx); err != nil || m[day1] != 2 {
		t.Fatalf("expected: %v %v", m, err)
	}
	st.ByDay[0].Expected = 99 // the caller's copy
	if again := stats(); again.ByDay[0].Expected != 2 {
		t.Fatalf("kept Stats changed by their caller: %+v", again.ByDay)
	}
	c, err := s.CheckIn(ctx, a.ID, day1, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if st := stats(); st.ByDay[0].CheckedIn != 1 || st.ByCategory[0].CheckedIn != 1 || len(st.Arrivals) != 1 {
		t.Fatalf("after a check-in %+v", st)
	}
	if err := s.SetParticipantStatus(ctx, b.ID, StatusCancelled); err != nil {
		t.Fatal(err)
	}
	if st := stats(); st.Registered != 1 || st.Cancelled != 1 || st.ByDay[0].Expected != 1 {
		t.Fatalf("after a cancellation %+v", st)
	}
	if m, err := s.ExpectedByDay(ctx); err != nil || m[day1] != 1 {
		t.Fatalf("expected after a cancellation: %v %v", m, err)
	}
	if _, err := s.UndoCheckIn(ctx, c.ID, ""); err != nil {
		t.Fatal(err)
	}
	if st := stats(); st.ByDay[0].CheckedIn != 0 || len(st.Arrivals) != 0 {
		t.Fatalf("after the undo %+v", st)
	}
}

// The regions of the filters, kept too, follow a participant's new region.
func TestRegionsAfterAWrite(t *testing.T) {
	s := mustOpen(t)
	p := newPerson(t, s, "Anne", "Martin")
	p.Region = "Normandie"
	if err := s.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Regions(ctx); err != nil || !slices.Equal(got, []string{"Normandie"}) {
		t.Fatal(got, err)
	}
	p.Region = "Bretagne"
	if err := s.UpdateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Regions(ctx); err != nil || !slices.Equal(got, []string{"Bretagne"}) {
		t.Fatal(got, err)
	}
}

// A whole list, kept too, follows a participant's new status.
func TestListKeptFollowsWrites(t *testing.T) {
	s := mustOpen(t)
	a, b := addPerson(t, s, "Anne", "Martin"), addPerson(t, s, "Bruno", "Dupont")
	pending := ParticipantQuery{Status: StatusPending, Sort: SortOrganisation}
	if got, err := s.ParticipantIDs(ctx, pending); err != nil || len(got) != 0 {
		t.Fatal(got, err)
	}
	if err := s.SetParticipantStatus(ctx, b.ID, StatusPending); err != nil {
		t.Fatal(err)
	}
	got, err := s.ParticipantIDs(ctx, pending)
	if err != nil || !slices.Equal(got, []int64{b.ID}) {
		t.Fatal(got, err)
	}
	got[0] = a.ID // the caller's copy
	if got, err := s.ParticipantIDs(ctx, pending); err != nil || !slices.Equal(got, []int64{b.ID}) {
		t.Fatal(got, err)
	}
}

// Arrived counts those whom the list filtered on arrival shows (the
// certificates' people): each person once, whatever their arrivals and
// days, not an arrival undone; kept, it follows each check-in and undo.
func TestArrivedAsTheArrivalFilter(t *testing.T) {
	s := mustOpen(t)
	a, b, c := addPerson(t, s, "Anne", "Martin"), addPerson(t, s, "Bruno", "Dupont"), addPerson(t, s, "Chloé", "Petit")
	check := func(what string, want int) {
		t.Helper()
		n, err := s.Arrived(ctx)
		ids, err2 := s.ParticipantIDs(ctx, ParticipantQuery{CheckedIn: Yes})
		if err != nil || err2 != nil || n != want || len(ids) != want {
			t.Fatalf("%s: Arrived %d (%v), the arrival filter %d (%v), want %d", what, n, err, len(ids), err2, want)
		}
	}
	check("nobody arrived", 0)
	for _, id := range []int64{a.ID, a.ID, b.ID} { // Anne twice
		if _, err := s.CheckIn(ctx, id, day1, 0, ""); err != nil && KindOf(err) != KindConflict {
			t.Fatal(err)
		}
	}
	check("Anne and Bruno", 2)
	in, err := s.CheckIn(ctx, c.ID, day1, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	check("and Chloé", 3)
	if _, err := s.UndoCheckIn(ctx, in.ID, ""); err != nil {
		t.Fatal(err)
	}
	check("Chloé's arrival undone", 2)
}
