package data_test

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	. "congres/data"
)

func TestBadgeSettings(t *testing.T) {
	t.Run("Defaults", func(t *testing.T) {
		s := mustOpen(t)
		got, err := s.BadgeSettings(ctx, testLayout)
		if err != nil {
			t.Fatal(err)
		}
		want := BadgeSettings{Logo: true, Congress: true, JobTitle: true, Organisation: true, Category: true, Stand: true, QR: true}
		if got != want || DefaultBadgeSettings() != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})

	t.Run("RoundTrip", func(t *testing.T) {
		s := mustOpen(t)
		want := BadgeSettings{Congress: true, Organisation: true, QR: true, CutMarks: true, Duplex: true, ShortEdge: true, OffsetX: -1.25, OffsetY: 20,
			MarginTop: 12.5, MarginLeft: 100, GapX: 2.5, GapY: 50}
		if err := s.SaveBadgeSettings(ctx, testLayout, want); err != nil {
			t.Fatal(err)
		}
		if got, err := s.BadgeSettings(ctx, testLayout); err != nil || got != want {
			t.Errorf("got %+v, %v; want %+v", got, err, want)
		}
		// Saved again, changed: the new settings replace the old.
		want.Logo, want.OffsetY = true, -20
		if err := s.SaveBadgeSettings(ctx, testLayout, want); err != nil {
			t.Fatal(err)
		}
		if got, err := s.BadgeSettings(ctx, testLayout); err != nil || got != want {
			t.Errorf("saved twice: got %+v, %v; want %+v", got, err, want)
		}
		// Each layout has its own.
		if got, err := s.BadgeSettings(ctx, "a6"); err != nil || got != DefaultBadgeSettings() {
			t.Errorf("another layout: got %+v, %v", got, err)
		}
	})

	t.Run("MissingKeyTakesDefault", func(t *testing.T) {
		// Settings saved before "qr" and "stand" existed.
		s := mustOpen(t)
		if err := s.ExecForTest(ctx, `INSERT INTO badge_settings (layout, settings) VALUES (?, '{"logo":false,"offset_x":1.5}')`, testLayout); err != nil {
			t.Fatal(err)
		}
		got, err := s.BadgeSettings(ctx, testLayout)
		if err != nil {
			t.Fatal(err)
		}
		want := DefaultBadgeSettings()
		want.Logo, want.OffsetX = false, 1.5
		if got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})

	t.Run("KeepsKeysOfNewerVersion", func(t *testing.T) {
		s := mustOpen(t)
		if err := s.ExecForTest(ctx, `INSERT INTO badge_settings (layout, settings) VALUES (?, '{"logo":false,"hologram":"gold"}')`, testLayout); err != nil {
			t.Fatal(err)
		}
		b := DefaultBadgeSettings()
		b.CutMarks = true
		if err := s.SaveBadgeSettings(ctx, testLayout, b); err != nil {
			t.Fatal(err)
		}
		var raw string
		if err := s.QueryRowForTest(ctx, "SELECT settings FROM badge_settings WHERE layout = ?", testLayout).Scan(&raw); err != nil {
			t.Fatal(err)
		}
		var stored map[string]any
		if err := json.Unmarshal([]byte(raw), &stored); err != nil ||
			stored["hologram"] != "gold" || stored["logo"] != true || stored["cut_marks"] != true {
			t.Errorf("stored %s", raw)
		}
		if got, err := s.BadgeSettings(ctx, testLayout); err != nil || got != b {
			t.Errorf("got %+v, %v; want %+v", got, err, b)
		}
	})

	t.Run("FileOfFormat1", func(t *testing.T) {
		// A file written before badge settings existed: opening it adds
		// them, and keeps what it held.
		skipOnServer(t, "a file of an older format, opened again by its path")
		s := mustOpen(t)
		p := addPerson(t, s, "Anne", "Arnaud")
		downgrade(t, s, 1)
		s.Close()
		s, err := Open(ctx, s.Path())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.SaveBadgeSettings(ctx, testLayout, BadgeSettings{QR: true}); err != nil {
			t.Fatal(err)
		}
		if got, err := s.BadgeSettings(ctx, testLayout); err != nil || got != (BadgeSettings{QR: true}) {
			t.Errorf("got %+v, %v", got, err)
		}
		if _, err := s.Participant(ctx, p.ID); err != nil {
			t.Error(err)
		}
	})

	for _, c := range []struct {
		name   string
		layout string
		edit   func(b *BadgeSettings)
		want   *Error
		field  string
	}{
		{"ErrOffsetInvalid/XTooFar", testLayout, func(b *BadgeSettings) { b.OffsetX = 20.01 }, ErrOffsetInvalid, "offset_x"},
		{"ErrOffsetInvalid/YTooFar", testLayout, func(b *BadgeSettings) { b.OffsetY = -21 }, ErrOffsetInvalid, "offset_y"},
		{"ErrOffsetInvalid/NaN", testLayout, func(b *BadgeSettings) { b.OffsetY = math.NaN() }, ErrOffsetInvalid, "offset_y"},
		{"ErrOffsetInvalid/Inf", testLayout, func(b *BadgeSettings) { b.OffsetX = math.Inf(1) }, ErrOffsetInvalid, "offset_x"},
		{"ErrOffsetInvalid/MinusInf", testLayout, func(b *BadgeSettings) { b.OffsetX = math.Inf(-1) }, ErrOffsetInvalid, "offset_x"},
		{"ErrSheetSpaceInvalid/NegativeTop", testLayout, func(b *BadgeSettings) { b.MarginTop = -1 }, ErrSheetSpaceInvalid, "margin_top"},
		{"ErrSheetSpaceInvalid/LeftTooWide", testLayout, func(b *BadgeSettings) { b.MarginLeft = 100.5 }, ErrSheetSpaceInvalid, "margin_left"},
		{"ErrSheetSpaceInvalid/GapXNaN", testLayout, func(b *BadgeSettings) { b.GapX = math.NaN() }, ErrSheetSpaceInvalid, "gap_x"},
		{"ErrSheetSpaceInvalid/GapYTooWide", testLayout, func(b *BadgeSettings) { b.GapY = 51 }, ErrSheetSpaceInvalid, "gap_y"},
		{"ErrSheetSpaceInvalid/GapYInf", testLayout, func(b *BadgeSettings) { b.GapY = math.Inf(1) }, ErrSheetSpaceInvalid, "gap_y"},
		{"ErrRequired/Layout", "  ", func(b *BadgeSettings) {}, ErrRequired, "layout"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := mustOpen(t)
			b := DefaultBadgeSettings()
			b.Logo = false
			c.edit(&b)
			err := s.SaveBadgeSettings(ctx, c.layout, b)
			wantErr(t, err, c.want)
			if f := err.(*Error).Field; f != c.field {
				t.Errorf("field %q, want %q", f, c.field)
			}
			if KindOf(err) != KindInvalid {
				t.Errorf("kind %v", KindOf(err))
			}
			if c.want != ErrRequired {
				if v := b.Validate(); !errors.Is(v, c.want) {
					t.Errorf("Validate: %v", v)
				}
				// A sentence in each language, naming the setting.
				if en, fr := Message(err, "en"), Message(err, "fr"); en == fr || !strings.HasPrefix(en, "The ") || strings.Contains(en+fr, "%!") {
					t.Errorf("messages %q, %q", en, fr)
				}
			}
			if got, err := s.BadgeSettings(ctx, c.layout); err != nil || got != DefaultBadgeSettings() {
				t.Errorf("something was saved: %+v, %v", got, err)
			}
		})
	}
}

func TestParticipantQuerySkipCancelled(t *testing.T) {
	s := mustOpen(t)
	anne := addPerson(t, s, "Anne", "Arnaud")
	bruno := addPerson(t, s, "Bruno", "Bernard")
	chloe := addPerson(t, s, "Chloé", "Caron")
	if err := s.SetParticipantStatus(ctx, bruno.ID, StatusCancelled); err != nil {
		t.Fatal(err)
	}
	if err := s.SetParticipantStatus(ctx, chloe.ID, StatusPending); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		q    ParticipantQuery
		want []int64
	}{
		{"Everyone", ParticipantQuery{Sort: SortName}, []int64{anne.ID, bruno.ID, chloe.ID}},
		{"SkipCancelled", ParticipantQuery{Sort: SortName, SkipCancelled: true}, []int64{anne.ID, chloe.ID}},
		{"SkipCancelledSearch", ParticipantQuery{Search: "bruno", SkipCancelled: true}, nil}, // "o" is never in a code
		{"SkipCancelledWithStatus", ParticipantQuery{Status: StatusCancelled, SkipCancelled: true}, nil},
		{"SkipCancelledWithStatusPending", ParticipantQuery{Status: StatusPending, SkipCancelled: true}, []int64{chloe.ID}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ids, err := s.ParticipantIDs(ctx, c.q)
			if err != nil || !slices.Equal(ids, c.want) {
				t.Errorf("ParticipantIDs: %v, %v; want %v", ids, err, c.want)
			}
			rows, err := s.ListParticipants(ctx, c.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, r := range rows {
				got = append(got, r.ID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("ListParticipants: %v, want %v", got, c.want)
			}
		})
	}
}

// badgeFixture: Alice, an exhibitor who attends day 1 only, speaks and
// facilitates, waits for a full workshop and has withdrawn from another;
// Bruno attends both days and took the last place.
type badgeFixture struct {
	s                                                          *Store
	alice, bruno, chloe                                        Participant
	opening, closing, roundTable, early, jobs, full, far, left Session
}

func newBadgeFixture(t *testing.T) *badgeFixture {
	t.Helper()
	s := mustOpen(t)
	f := &badgeFixture{s: s}
	f.alice = newPerson(t, s, "Alice", "Martin")
	f.alice.Days = []Day{day1}
	f.alice.Organisation = "Ville de Lille"
	f.alice.JobTitle = "Directrice"
	f.alice.CategoryID = category(t, s, "Exposant·e")
	if err := s.CreateParticipant(ctx, &f.alice); err != nil {
		t.Fatal(err)
	}
	f.bruno = addPerson(t, s, "Bruno", "Bernard")
	f.chloe = addPerson(t, s, "Chloé", "Caron")

	hall := addRoom(t, s, "Grand Auditorium", 0)
	one := addRoom(t, s, "Salle 1", 0)
	two := addRoom(t, s, "Salle 2", 0)
	save := func(se Session) Session {
		t.Helper()
		if err := s.SaveSession(ctx, &se); err != nil {
			t.Fatal(err)
		}
		return se
	}
	// Saved out of order, so that the order of the programme is not that
	// of the file.
	f.far = addSession(t, s, "Territoires", day2, "14:00", "15:00", one.ID)
	f.closing = save(Session{Kind: KindPlenary, Title: "Clôture", Day: day2, Start: clock(t, "9:00"), End: clock(t, "10:00"), RoomID: hall.ID})
	f.roundTable = save(Session{Kind: KindPlenary, Title: "Table ronde", Day: day1, Start: clock(t, "17:00"), End: clock(t, "18:00"),
		Speakers: []int64{f.alice.ID}})
	f.opening = save(Session{Kind: KindPlenary, Title: "Ouverture", Day: day1, Start: clock(t, "9:00"), End: clock(t, "10:00"), RoomID: hall.ID})
	f.jobs = addSession(t, s, "Emploi", day1, "11:00", "12:00", one.ID)
	f.early = save(Session{Kind: KindWorkshop, Title: "Atelier matinal", Day: day1, Start: clock(t, "9:00"), End: clock(t, "10:00"), RoomID: one.ID,
		Facilitators: []int64{f.alice.ID}})
	f.full = save(Session{Kind: KindWorkshop, Title: "Insertion", Day: day1, Start: clock(t, "14:00"), End: clock(t, "15:00"), RoomID: two.ID, Capacity: 1})
	f.left = addSession(t, s, "Retiré", day1, "15:30", "16:30", one.ID)

	enrol := func(p Participant, se Session, want EnrolmentStatus) {
		t.Helper()
		if st, err := s.Enrol(ctx, p.ID, se.ID); err != nil || st != want {
			t.Fatalf("enrol %s in %s: %v, %v", p.FirstName, se.Title, st, err)
		}
	}
	enrol(f.alice, f.far, Enrolled)
	enrol(f.alice, f.jobs, Enrolled)
	enrol(f.bruno, f.full, Enrolled)
	enrol(f.alice, f.full, Waitlisted)
	enrol(f.alice, f.left, Enrolled)
	if err := s.CancelEnrolment(ctx, f.alice.ID, f.left.ID); err != nil {
		t.Fatal(err)
	}

	for i, st := range []Stand{
		{Number: "10", Name: "Ville de Lille", ContactID: f.alice.ID},
		{Number: "2", Name: "Cocagne", ContactID: f.bruno.ID, Staff: []int64{f.alice.ID}},
		{Number: "7", Name: "Béarn Insertion", ContactID: f.alice.ID, Staff: []int64{f.alice.ID, f.bruno.ID}},
		{Number: "5", Name: "Emmaüs", ContactID: f.bruno.ID},
	} {
		st.X = i
		if err := s.SaveStand(ctx, &st); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func item(se Session, room, role string) ProgrammeItem {
	return ProgrammeItem{SessionID: se.ID, Kind: se.Kind, Day: se.Day, Start: se.Start, End: se.End, Title: se.Title, Room: room, Role: role}
}

func TestBadgeRows(t *testing.T) {
	f := newBadgeFixture(t)
	s := f.s
	if err := s.RecordBadgePrints(ctx, testLayout, f.alice.ID, f.bruno.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordBadgePrints(ctx, testLayout, f.alice.ID); err != nil {
		t.Fatal(err)
	}
	rows, err := s.BadgeRows(ctx, []int64{f.bruno.ID, 99999, f.alice.ID, f.chloe.ID})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("OrderOfIDsMissingLeftOut", func(t *testing.T) {
		var got []int64
		for _, r := range rows {
			got = append(got, r.ID)
		}
		if want := []int64{f.bruno.ID, f.alice.ID, f.chloe.ID}; !slices.Equal(got, want) {
			t.Fatalf("got %v, want %v", got, want)
		}
	})
	if len(rows) != 3 {
		t.FailNow()
	}
	bruno, alice, chloe := rows[0], rows[1], rows[2]

	t.Run("Front", func(t *testing.T) {
		want := BadgeRow{ID: f.alice.ID, Code: f.alice.Code, FirstName: "Alice", LastName: "Martin", Organisation: "Ville de Lille",
			JobTitle: "Directrice", Category: "EXPOSANT·E", CategoryColour: "#C0392B"}
		got := alice
		got.Stands, got.Programme, got.Printed = nil, nil, 0
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v\nwant %+v", got, want)
		}
		if bruno.Category != "ADHÉRENT·E" || bruno.CategoryColour != "#1F6FB2" || bruno.Organisation != "" {
			t.Errorf("bruno: %+v", bruno)
		}
	})

	t.Run("Printed", func(t *testing.T) {
		if alice.Printed != 2 || bruno.Printed != 1 || chloe.Printed != 0 {
			t.Errorf("printed: alice %d, bruno %d, chloé %d", alice.Printed, bruno.Printed, chloe.Printed)
		}
	})

	t.Run("StandsAsContactAndStaff", func(t *testing.T) {
		if want := []string{"2", "7", "10"}; !slices.Equal(alice.Stands, want) {
			t.Errorf("alice: %q, want %q", alice.Stands, want)
		}
		if want := []string{"2", "5", "7"}; !slices.Equal(bruno.Stands, want) {
			t.Errorf("bruno: %q, want %q", bruno.Stands, want)
		}
		if chloe.Stands != nil {
			t.Errorf("chloé: %q", chloe.Stands)
		}
	})

	t.Run("Programme", func(t *testing.T) {
		// Enrolled, facilitating and speaking, and the plenary of day 1;
		// not the full workshop she waits for, not the one she left, not
		// the plenary of day 2, which she does not attend. The plenary she
		// speaks at comes once, with her role.
		want := []ProgrammeItem{
			item(f.early, "Salle 1", "facilitator"),
			item(f.opening, "Grand Auditorium", ""),
			item(f.jobs, "Salle 1", ""),
			item(f.roundTable, "", "speaker"),
			item(f.far, "Salle 1", ""),
		}
		if !slices.Equal(alice.Programme, want) {
			t.Errorf("alice:\n got %+v\nwant %+v", alice.Programme, want)
		}
		want = []ProgrammeItem{
			item(f.opening, "Grand Auditorium", ""),
			item(f.full, "Salle 2", ""),
			item(f.roundTable, "", ""),
			item(f.closing, "Grand Auditorium", ""),
		}
		if !slices.Equal(bruno.Programme, want) {
			t.Errorf("bruno:\n got %+v\nwant %+v", bruno.Programme, want)
		}
	})

	t.Run("WaitlistPromotion", func(t *testing.T) {
		// Bruno gives up his place: Alice, first in the queue, gets it
		// and it comes onto her badge.
		if err := s.CancelEnrolment(ctx, f.bruno.ID, f.full.ID); err != nil {
			t.Fatal(err)
		}
		rows, err := s.BadgeRows(ctx, []int64{f.alice.ID})
		if err != nil || len(rows) != 1 {
			t.Fatal(rows, err)
		}
		if !slices.Contains(rows[0].Programme, item(f.full, "Salle 2", "")) {
			t.Errorf("alice: %+v", rows[0].Programme)
		}
	})

	t.Run("NoIDs", func(t *testing.T) {
		for _, ids := range [][]int64{nil, {99999}} {
			if rows, err := s.BadgeRows(ctx, ids); err != nil || len(rows) != 0 {
				t.Errorf("%v: %v, %v", ids, rows, err)
			}
		}
	})
}

func TestCountBadgePrinted(t *testing.T) {
	s := mustOpen(t)
	anne := addPerson(t, s, "Anne", "Arnaud")
	bruno := addPerson(t, s, "Bruno", "Bernard")
	chloe := addPerson(t, s, "Chloé", "Caron")
	if err := s.RecordBadgePrints(ctx, testLayout, anne.ID, anne.ID, bruno.ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		ids  []int64
		want int
	}{
		{"None", nil, 0},
		{"NotPrinted", []int64{chloe.ID}, 0},
		{"PrintedTwiceCountsOnce", []int64{anne.ID}, 1},
		{"Some", []int64{chloe.ID, bruno.ID, anne.ID, 99999}, 2},
		{"GivenTwice", []int64{anne.ID, anne.ID}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if n, err := s.CountBadgePrinted(ctx, c.ids); err != nil || n != c.want {
				t.Errorf("got %d, %v; want %d", n, err, c.want)
			}
		})
	}
}
