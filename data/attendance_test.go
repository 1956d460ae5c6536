package data

import (
	"database/sql"
	"reflect"
	"slices"
	"testing"
	"time"
)

// attendanceFixture is a small congress after its two days:
//
//   - Anne Arnaud (member, both days): arrived on day 1 at 8:40 (undone)
//     and again at 8:55, on day 2 at 9:10; entered the opening plenary and
//     the workshop "Emploi", where she is enrolled; enrolled in "Climat"
//     but did not go. Her badge was printed.
//   - Bruno Bernard (member, both days, vegetarian): arrived on day 1; his
//     arrival on day 2 was undone. Enrolled in "Emploi"; his entry was
//     undone.
//   - Chloé Caron (exhibitor, day 1, "végétarien "): never came. Contact
//     of stand 7.
//   - David Durand (press, pending, day 2, "sans gluten"): arrived on day
//     2 and walked into "Climat" without enrolment.
//   - Émile Éluard (member, both days, vegetarian): cancelled.
//   - Fanny Faure (member, confirmed, no day): never came.
//   - Gaston Girard (exhibitor, day 1, halal): waiting for "Emploi", walked
//     in anyway; his only arrival was undone. Staff of stand 7.
type attendanceFixture struct {
	s                                             *Store
	anne, bruno, chloe, david, emile, fanny, gast Participant
	opening, jobs, climate                        Session
	stand7, stand12                               Stand
}

func at(day Day, hhmm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", string(day)+" "+hhmm, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

func newAttendanceFixture(t *testing.T) *attendanceFixture {
	t.Helper()
	s := mustOpen(t)
	now := fixedClock(s, at(day1, "08:00"))
	f := &attendanceFixture{s: s}
	member, exhibitor, press := category(t, s, "Adhérent·e"), category(t, s, "Exposant·e"), category(t, s, "Presse")
	person := func(first, last string, cat int64, st Status, diet string, days ...Day) Participant {
		t.Helper()
		p := Participant{FirstName: first, LastName: last, CategoryID: cat, Status: st, Diet: diet, Days: days}
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Created out of alphabetical order.
	f.gast = person("Gaston", "Girard", exhibitor, StatusConfirmed, "Halal", day1)
	f.anne = person("Anne", "Arnaud", member, StatusConfirmed, "", day1, day2)
	f.anne.Organisation, f.anne.Email, f.anne.FeeCents, f.anne.Paid = "Cocagne", "anne@example.org", 4550, true
	if err := s.UpdateParticipant(ctx, &f.anne); err != nil {
		t.Fatal(err)
	}
	f.chloe = person("Chloé", "Caron", exhibitor, StatusConfirmed, "végétarien ", day1)
	f.chloe.Email, f.chloe.Phone = "chloe@example.org", "06 12 34 56 78"
	if err := s.UpdateParticipant(ctx, &f.chloe); err != nil {
		t.Fatal(err)
	}
	f.bruno = person("Bruno", "Bernard", member, StatusConfirmed, "Végétarien", day1, day2)
	f.david = person("David", "Durand", press, StatusPending, "sans gluten", day2)
	f.emile = person("Émile", "Éluard", member, StatusConfirmed, "Végétarien", day1, day2)
	f.fanny = person("Fanny", "Faure", member, StatusConfirmed, "")

	hall := addRoom(t, s, "Grand Auditorium", 0)
	small := addRoom(t, s, "Salle 1", 2)
	f.climate = addSession(t, s, "Climat", day2, "9:00", "10:30", small.ID)
	f.jobs = addSession(t, s, "Emploi", day1, "14:00", "15:30", small.ID)
	f.opening = Session{Kind: KindPlenary, Title: "Ouverture", Day: day1, Start: clock(t, "9:30"), End: clock(t, "11:00"), RoomID: hall.ID}
	if err := s.SaveSession(ctx, &f.opening); err != nil {
		t.Fatal(err)
	}
	enrol := func(p Participant, se Session, want EnrolmentStatus) {
		t.Helper()
		if st, err := s.Enrol(ctx, p.ID, se.ID); err != nil || st != want {
			t.Fatalf("enrol %s in %s: %v, %v", p.FirstName, se.Title, st, err)
		}
	}
	enrol(f.anne, f.jobs, Enrolled)
	enrol(f.bruno, f.jobs, Enrolled)
	enrol(f.gast, f.jobs, Waitlisted)
	enrol(f.anne, f.climate, Enrolled)
	enrol(f.emile, f.climate, Enrolled)
	if err := s.SetParticipantStatus(ctx, f.emile.ID, StatusCancelled); err != nil {
		t.Fatal(err)
	}

	checkIn := func(p Participant, day Day, se Session, hhmm string) Checkin {
		t.Helper()
		*now = at(day, hhmm)
		c, err := s.CheckIn(ctx, p.ID, day, se.ID, "Accueil 1")
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	undo := func(c Checkin) {
		t.Helper()
		if _, err := s.UndoCheckIn(ctx, c.ID, "Accueil 1"); err != nil {
			t.Fatal(err)
		}
	}
	none := Session{}
	undo(checkIn(f.anne, day1, none, "08:40"))
	checkIn(f.anne, day1, none, "08:55")
	checkIn(f.bruno, day1, none, "09:02")
	undo(checkIn(f.gast, day1, none, "09:05"))
	checkIn(f.anne, day1, f.opening, "09:25")
	checkIn(f.anne, day1, f.jobs, "13:58")
	undo(checkIn(f.bruno, day1, f.jobs, "13:59"))
	checkIn(f.gast, day1, f.jobs, "14:01")
	checkIn(f.anne, day2, none, "09:10")
	undo(checkIn(f.bruno, day2, none, "09:12"))
	checkIn(f.david, day2, none, "08:50")
	checkIn(f.david, day2, f.climate, "09:03")
	if err := s.RecordBadgePrints(ctx, testLayout, f.anne.ID); err != nil {
		t.Fatal(err)
	}

	f.stand12 = Stand{Number: "12", Name: "Emmaüs", X: 1}
	f.stand7 = Stand{Number: "7", Name: "Cocagne", Zone: "Emploi", ContactID: f.chloe.ID, Staff: []int64{f.gast.ID, f.bruno.ID}}
	for _, st := range []*Stand{&f.stand12, &f.stand7} {
		if err := s.SaveStand(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func TestAttendanceSummary(t *testing.T) {
	f := newAttendanceFixture(t)
	sum, err := f.s.AttendanceSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("Categories", func(t *testing.T) {
		if len(sum.Categories) != 9 || sum.Categories[0].Category.Name != "Adhérent·e" || sum.Categories[8].Category.Name != "Bénévole" {
			t.Fatalf("categories out of order: %+v", sum.Categories)
		}
		got := map[string]CategoryAttendance{}
		for _, c := range sum.Categories {
			name := c.Category.Name
			got[name] = c
			c.Category = Category{}
			switch name {
			case "Adhérent·e", "Exposant·e", "Presse":
			default:
				if c != (CategoryAttendance{}) {
					t.Errorf("%s: %+v", name, c)
				}
			}
		}
		for name, want := range map[string]CategoryAttendance{
			// Fanny, confirmed for no day, is no no-show; Émile cancelled.
			"Adhérent·e": {Registered: 3, Confirmed: 3, Cancelled: 1, CheckedIn: 2, NoShows: 0},
			// Gaston's only arrival was undone.
			"Exposant·e": {Registered: 2, Confirmed: 2, Cancelled: 0, CheckedIn: 0, NoShows: 2},
			// David is pending: no no-show, whatever happens.
			"Presse": {Registered: 1, Confirmed: 0, Cancelled: 0, CheckedIn: 1, NoShows: 0},
		} {
			c := got[name]
			c.Category = Category{}
			if c != want {
				t.Errorf("%s: got %+v, want %+v", name, c, want)
			}
		}
	})

	t.Run("Days", func(t *testing.T) {
		want := []DayAttendance{{Day: day1, Expected: 4, CheckedIn: 2}, {Day: day2, Expected: 3, CheckedIn: 2}}
		if !slices.Equal(sum.Days, want) {
			t.Errorf("got %+v, want %+v", sum.Days, want)
		}
	})

	t.Run("Sessions", func(t *testing.T) {
		type line struct {
			title                                           string
			capacity, enrolled, waitlisted, attended, walks int
		}
		var got []line
		for _, se := range sum.Sessions {
			got = append(got, line{se.Session.Title, se.Session.EffectiveCapacity, se.Session.Enrolled, se.Session.Waitlisted, se.Attended, se.WalkIns})
		}
		want := []line{
			{"Ouverture", 0, 0, 0, 1, 1}, // a plenary takes no enrolment: whoever enters walks in
			{"Emploi", 2, 2, 1, 2, 1},    // Bruno's entry undone, Gaston from the waiting list
			{"Climat", 2, 1, 0, 1, 1},    // Émile's place freed by his cancellation
		}
		if !slices.Equal(got, want) {
			t.Errorf("got %+v\nwant %+v", got, want)
		}
		if sum.Sessions[0].Session.RoomName != "Grand Auditorium" {
			t.Errorf("room: %q", sum.Sessions[0].Session.RoomName)
		}
	})

	t.Run("Empty", func(t *testing.T) {
		s := mustOpen(t)
		sum, err := s.AttendanceSummary(ctx)
		if err != nil || len(sum.Categories) != 9 || len(sum.Days) != 2 || len(sum.Sessions) != 0 {
			t.Fatalf("%+v, %v", sum, err)
		}
		if sum.Days[0] != (DayAttendance{Day: day1}) || sum.Categories[0].Registered != 0 {
			t.Errorf("%+v", sum)
		}
	})
}

func TestCatering(t *testing.T) {
	f := newAttendanceFixture(t)
	got, err := f.s.Catering(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []CateringDay{
		// "végétarien " and "Végétarien" are one line, spelled as most
		// people did; Émile, cancelled, is expected nowhere.
		{Day: day1, Diets: []DietCount{{"", 1, 1}, {"Halal", 1, 0}, {"Végétarien", 2, 1}}},
		{Day: day2, Diets: []DietCount{{"", 1, 1}, {"sans gluten", 1, 1}, {"Végétarien", 1, 0}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}

	t.Run("ArrivedUnexpected", func(t *testing.T) {
		// Fanny, registered for no day, comes on day 2: she eats too.
		if _, err := f.s.CheckIn(ctx, f.fanny.ID, day2, 0, ""); err != nil {
			t.Fatal(err)
		}
		got, err := f.s.Catering(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d := got[1].Diets[0]; d != (DietCount{"", 1, 2}) {
			t.Errorf("got %+v", d)
		}
		sum, err := f.s.AttendanceSummary(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for i, day := range got {
			n := 0
			for _, d := range day.Diets {
				n += d.CheckedIn
			}
			if n != sum.Days[i].CheckedIn {
				t.Errorf("%s: %d checked in by diet, %d in the summary", day.Day, n, sum.Days[i].CheckedIn)
			}
		}
	})

	t.Run("Empty", func(t *testing.T) {
		got, err := mustOpen(t).Catering(ctx)
		if err != nil || !reflect.DeepEqual(got, []CateringDay{{Day: day1}, {Day: day2}}) {
			t.Errorf("%+v, %v", got, err)
		}
	})
}

func TestPresenceReadEitherWay(t *testing.T) {
	// The presence of a few people is looked up, that of many read from
	// end to end of the tables: both say the same.
	f := newAttendanceFixture(t)
	for _, c := range []struct {
		name string
		ids  []int64
	}{
		{"Some", []int64{f.gast.ID, f.anne.ID, f.fanny.ID, f.bruno.ID, 99999}},
		{"Everyone", []int64{f.anne.ID, f.bruno.ID, f.chloe.ID, f.david.ID, f.emile.ID, f.fanny.ID, f.gast.ID}},
		{"Nobody", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := f.s.read(ctx, func(tx *sql.Tx) error {
				var got [2]*presence
				for i, whole := range []bool{false, true} {
					pr, err := readPresence(ctx, tx, []Day{day1, day2}, c.ids, whole)
					if err == nil {
						err = pr.readBadges(ctx, tx)
					}
					if err != nil {
						return err
					}
					pr.set = ""
					got[i] = pr
				}
				if !reflect.DeepEqual(got[0], got[1]) {
					t.Errorf("looked up:\n%+v\nread whole:\n%+v", got[0], got[1])
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestFileOfFormat2(t *testing.T) {
	// A file written before attendance exports: opening it adds the
	// signature and the presets, and keeps what it held.
	s := mustOpen(t)
	p := addPerson(t, s, "Anne", "Arnaud")
	if _, err := s.CheckIn(ctx, p.ID, day1, 0, ""); err != nil {
		t.Fatal(err)
	}
	downgrade(t, s, 2)
	s.Close()
	s, err := Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Congress(ctx)
	if err != nil || c.Name != "Congrès de test" || c.Signature != nil || c.Signatory != "" {
		t.Fatalf("%+v, %v", c, err)
	}
	c.Signatory = "Marie Dupont"
	if err := s.UpdateCongress(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveListPreset(ctx, &ListPreset{Name: "Hôtel", Columns: []string{"last_name"}}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Certificates(ctx, []int64{p.ID}); err != nil || len(got) != 1 {
		t.Errorf("certificates: %+v, %v", got, err)
	}
}
