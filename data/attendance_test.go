package data_test

import (
	"reflect"
	"slices"
	"testing"

	. "congres/data"
)

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
			lookedUp, whole, err := PresenceBothWays(ctx, f.s, []Day{day1, day2}, c.ids)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(lookedUp, whole) {
				t.Errorf("looked up:\n%+v\nread whole:\n%+v", lookedUp, whole)
			}
		})
	}
}

func TestFileOfFormat2(t *testing.T) {
	// A file written before attendance exports: opening it adds the
	// signature and the presets, and keeps what it held.
	skipOnServer(t, "a file of an older format")
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
