package data_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	. "congres/data"
)

func TestEachAttendee(t *testing.T) {
	f := newAttendanceFixture(t)
	s := f.s
	walk := func(t *testing.T, q ParticipantQuery) []*Attendee {
		t.Helper()
		var list []*Attendee
		if err := s.EachAttendee(ctx, q, func(a *Attendee) error {
			list = append(list, a)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return list
	}
	names := func(list []*Attendee) []string {
		var out []string
		for _, a := range list {
			out = append(out, a.FirstName)
		}
		return out
	}
	everyone := []string{"Anne", "Bruno", "Chloé", "David", "Émile", "Fanny", "Gaston"}

	t.Run("OrderByName", func(t *testing.T) {
		if got := names(walk(t, ParticipantQuery{Sort: SortName})); !slices.Equal(got, everyone) {
			t.Errorf("got %v", got)
		}
	})

	t.Run("SeveralPages", func(t *testing.T) {
		for _, n := range []int{1, 2, 3, 7, 8} {
			SetAttendeePage(t, n)
			if got := names(walk(t, ParticipantQuery{Sort: SortName})); !slices.Equal(got, everyone) {
				t.Errorf("pages of %d: got %v", n, got)
			}
		}
	})

	t.Run("Filter", func(t *testing.T) {
		for _, c := range []struct {
			name string
			q    ParticipantQuery
			want []string
		}{
			{"CheckedIn", ParticipantQuery{Sort: SortName, CheckedIn: Yes}, []string{"Anne", "Bruno", "David"}},
			{"CheckedInOnDay2", ParticipantQuery{Sort: SortName, CheckedIn: Yes, Day: day2}, []string{"Anne", "David"}},
			{"SkipCancelledDay1", ParticipantQuery{Sort: SortName, Day: day1, SkipCancelled: true}, []string{"Anne", "Bruno", "Chloé", "Gaston"}},
			{"Search", ParticipantQuery{Search: "cocagne"}, []string{"Anne"}},
			{"Paged", ParticipantQuery{Sort: SortName, Limit: 2, Offset: 5}, []string{"Fanny", "Gaston"}},
			{"Nobody", ParticipantQuery{Search: "zzz"}, nil},
		} {
			t.Run(c.name, func(t *testing.T) {
				if got := names(walk(t, c.q)); !slices.Equal(got, c.want) {
					t.Errorf("got %v, want %v", got, c.want)
				}
			})
		}
	})

	t.Run("Fields", func(t *testing.T) {
		list := walk(t, ParticipantQuery{Sort: SortName})
		anne, bruno, david, gaston := list[0], list[1], list[3], list[6]
		want, err := s.Participant(ctx, f.anne.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(anne.Participant, want) {
			t.Errorf("participant:\n got %+v\nwant %+v", anne.Participant, want)
		}
		if anne.Category != "Adhérent·e" || !anne.BadgePrinted || bruno.BadgePrinted || gaston.Category != "Exposant·e" {
			t.Errorf("anne %q %v, bruno %v, gaston %q", anne.Category, anne.BadgePrinted, bruno.BadgePrinted, gaston.Category)
		}
		// The first arrival not undone, per day; the zero time where none.
		for _, c := range []struct {
			name string
			a    *Attendee
			want []time.Time
		}{
			{"Anne", anne, []time.Time{at(day1, "08:55"), at(day2, "09:10")}},
			{"Bruno", bruno, []time.Time{at(day1, "09:02"), {}}},
			{"David", david, []time.Time{{}, at(day2, "08:50")}},
			{"Gaston", gaston, []time.Time{{}, {}}},
		} {
			if len(c.a.Arrivals) != len(c.want) {
				t.Errorf("%s: arrivals %v", c.name, c.a.Arrivals)
				continue
			}
			for i := range c.want {
				if !c.a.Arrivals[i].Equal(c.want[i]) {
					t.Errorf("%s: arrival %d at %v, want %v", c.name, i, c.a.Arrivals[i], c.want[i])
				}
			}
		}
	})

	t.Run("ErrorStopsTheWalk", func(t *testing.T) {
		SetAttendeePage(t, 2)
		stop := errors.New("disk full")
		var seen []string
		err := s.EachAttendee(ctx, ParticipantQuery{Sort: SortName}, func(a *Attendee) error {
			seen = append(seen, a.FirstName)
			if len(seen) == 3 {
				return stop
			}
			return nil
		})
		if err != stop || !slices.Equal(seen, everyone[:3]) {
			t.Errorf("got %v after %v", err, seen)
		}
	})

	t.Run("Cancelled", func(t *testing.T) {
		SetAttendeePage(t, 2)
		c, cancel := context.WithCancel(ctx)
		defer cancel()
		var seen int
		err := s.EachAttendee(c, ParticipantQuery{}, func(a *Attendee) error {
			seen++
			cancel()
			return nil
		})
		// The page under way is finished, the next is not read.
		if !errors.Is(err, context.Canceled) || seen != 2 {
			t.Errorf("got %v after %d", err, seen)
		}
	})
}

func TestEachAttendeePages(t *testing.T) {
	// Twelve people, three of them from Artois: those three are looked up
	// page by page, all twelve read at once; the pages are the same.
	s := mustOpen(t)
	fixedClock(s, at(day1, "08:00"))
	var artois []string
	for i := range 12 {
		p := newPerson(t, s, "P"+itoa(i), "Nom"+itoa(200-i))
		if i%4 == 0 {
			p.Region = "Artois"
			artois = append([]string{p.FirstName}, artois...)
		}
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if i%3 == 0 {
			if _, err := s.CheckIn(ctx, p.ID, day2, 0, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, page := range []int{1, 2, 5, 1000} {
		SetAttendeePage(t, page)
		for _, c := range []struct {
			name string
			q    ParticipantQuery
			want int
		}{{"Everyone", ParticipantQuery{Sort: SortName}, 12}, {"Artois", ParticipantQuery{Sort: SortName, Region: "artois"}, 3}} {
			t.Run(c.name+"/Page"+itoa(page), func(t *testing.T) {
				var names []string
				arrived := 0
				if err := s.EachAttendee(ctx, c.q, func(a *Attendee) error {
					names = append(names, a.FirstName)
					if len(a.Days) != 2 || len(a.Arrivals) != 2 || !a.Arrivals[0].IsZero() {
						t.Errorf("%s: days %v, arrivals %v", a.FirstName, a.Days, a.Arrivals)
					}
					if !a.Arrivals[1].IsZero() {
						arrived++
					}
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				if len(names) != c.want || names[0] != "P11" && c.want == 12 || c.want == 3 && !slices.Equal(names, artois) {
					t.Errorf("got %v", names)
				}
				if want := map[int]int{12: 4, 3: 1}[c.want]; arrived != want {
					t.Errorf("%d arrived, want %d", arrived, want)
				}
			})
		}
	}
}

func TestSessionAttendees(t *testing.T) {
	f := newAttendanceFixture(t)
	line := func(p Participant, cat string, enrolled bool, when time.Time) SessionAttendee {
		return SessionAttendee{ParticipantID: p.ID, Code: p.Code, FirstName: p.FirstName, LastName: p.LastName,
			Organisation: p.Organisation, Category: cat, Enrolled: enrolled, Attended: !when.IsZero(), At: when}
	}
	for _, c := range []struct {
		name    string
		session Session
		want    []SessionAttendee
	}{
		// Gaston waits for a place and walked in; Bruno's entry was undone.
		{"EnrolledAndWalkIns", f.jobs, []SessionAttendee{
			line(f.anne, "Adhérent·e", true, at(day1, "13:58")),
			line(f.bruno, "Adhérent·e", true, time.Time{}),
			line(f.gast, "Exposant·e", false, at(day1, "14:01")),
		}},
		// Émile's place went with his cancellation.
		{"CancelledLeftOut", f.climate, []SessionAttendee{
			line(f.anne, "Adhérent·e", true, time.Time{}),
			line(f.david, "Presse", false, at(day2, "09:03")),
		}},
		{"Plenary", f.opening, []SessionAttendee{line(f.anne, "Adhérent·e", false, at(day1, "09:25"))}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := f.s.SessionAttendees(ctx, c.session.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %+v\nwant %+v", got, c.want)
			}
			for i := range got {
				if !got[i].At.Equal(c.want[i].At) {
					t.Errorf("%d: at %v, want %v", i, got[i].At, c.want[i].At)
				}
				got[i].At, c.want[i].At = time.Time{}, time.Time{}
				if got[i] != c.want[i] {
					t.Errorf("%d: got %+v\nwant %+v", i, got[i], c.want[i])
				}
			}
		})
	}

	t.Run("SortedIgnoringAccents", func(t *testing.T) {
		s := f.s
		se := addSession(t, s, "Tri", day2, "16:00", "17:00", 0)
		for _, n := range [][2]string{{"Zoé", "Été"}, {"Alain", "etienne"}, {"Bea", "ÉTÉ"}, {"Yves", "Eta"}} {
			p := addPerson(t, s, n[0], n[1])
			if _, err := s.Enrol(ctx, p.ID, se.ID); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.SessionAttendees(ctx, se.ID)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, a := range got {
			names = append(names, a.FirstName)
		}
		if want := []string{"Yves", "Bea", "Zoé", "Alain"}; !slices.Equal(names, want) {
			t.Errorf("got %v, want %v", names, want)
		}
	})

	t.Run("Nobody", func(t *testing.T) {
		se := addSession(t, f.s, "Vide", day1, "17:00", "18:00", 0)
		if got, err := f.s.SessionAttendees(ctx, se.ID); err != nil || len(got) != 0 {
			t.Errorf("%+v, %v", got, err)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := f.s.SessionAttendees(ctx, 99999)
		wantErr(t, err, ErrNotFound)
	})
}

func TestStandLines(t *testing.T) {
	f := newAttendanceFixture(t)
	got, err := f.s.StandLines(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	t.Run("NumberOrder", func(t *testing.T) {
		if got[0].Number != "7" || got[1].Number != "12" || got[0].Zone != "Emploi" || got[0].ID != f.stand7.ID {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("ContactAndStaffByName", func(t *testing.T) {
		st := got[0]
		if st.Contact != "Chloé Caron" || st.ContactEmail != "chloe@example.org" || st.ContactPhone != "06 12 34 56 78" {
			t.Errorf("contact %q %q %q", st.Contact, st.ContactEmail, st.ContactPhone)
		}
		if want := []string{"Bruno Bernard", "Gaston Girard"}; !slices.Equal(st.Staff, want) {
			t.Errorf("staff %q", st.Staff)
		}
		if want := []int64{f.gast.ID, f.bruno.ID}; !slices.Equal(st.Stand.Staff, want) {
			t.Errorf("stand's staff %v, as Stands gives it", st.Stand.Staff)
		}
	})
	t.Run("Nobody", func(t *testing.T) {
		st := got[1]
		if st.Contact != "" || st.ContactEmail != "" || st.Staff != nil {
			t.Errorf("got %+v", st)
		}
	})
	t.Run("NoStands", func(t *testing.T) {
		if got, err := mustOpen(t).StandLines(ctx); err != nil || len(got) != 0 {
			t.Errorf("%+v, %v", got, err)
		}
	})
}

func TestCertificates(t *testing.T) {
	f := newAttendanceFixture(t)
	attended := func(se Session) AttendedSession {
		return AttendedSession{Title: se.Title, Kind: se.Kind, Day: se.Day, Start: se.Start, End: se.End, Minutes: int(se.End - se.Start)}
	}
	row := func(p Participant, days []Day, sessions ...AttendedSession) CertificateRow {
		return CertificateRow{ID: p.ID, Code: p.Code, FirstName: p.FirstName, LastName: p.LastName,
			Organisation: p.Organisation, Days: days, Sessions: sessions}
	}
	for _, c := range []struct {
		name string
		ids  []int64
		want []CertificateRow
	}{
		// Gaston entered a session but never arrived: no certificate.
		{"OnlyThoseWhoArrived", []int64{f.gast.ID, f.anne.ID, f.david.ID, f.bruno.ID, f.chloe.ID, 99999, f.fanny.ID, f.emile.ID},
			[]CertificateRow{
				row(f.anne, []Day{day1, day2}, attended(f.opening), attended(f.jobs)),
				row(f.david, []Day{day2}, attended(f.climate)),
				row(f.bruno, []Day{day1}), // his entry into "Emploi" was undone
			}},
		{"One", []int64{f.david.ID}, []CertificateRow{row(f.david, []Day{day2}, attended(f.climate))}},
		{"Nobody", []int64{f.gast.ID}, nil},
		{"None", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := f.s.Certificates(ctx, c.ids)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %+v\nwant %+v", got, c.want)
			}
		})
	}
	t.Run("Minutes", func(t *testing.T) {
		got, err := f.s.Certificates(ctx, []int64{f.anne.ID})
		if err != nil || len(got) != 1 || got[0].Sessions[0].Minutes != 90 {
			t.Errorf("%+v, %v", got, err)
		}
	})
}
