package data_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	. "congres/data"
)

func TestMergeParticipants(t *testing.T) {
	s := mustOpen(t)
	room := addRoom(t, s, "Salle Artois", 1)
	full := addSession(t, s, "Atelier complet", day1, "14:00", "15:30", room.ID)
	same := addSession(t, s, "Même heure", day1, "14:00", "15:00", 0)
	later := addSession(t, s, "Plus tard", day1, "16:00", "17:00", 0)

	keep := newPerson(t, s, "Éric", "Béasse")
	keep.Days = []Day{day1}
	s.CreateParticipant(ctx, &keep)
	drop := newPerson(t, s, "Eric", "Beasse")
	drop.Email, drop.Phone, drop.Days, drop.Notes = "eric@jardins.fr", "06 12 34 56 78", []Day{day2}, "Arrive en train"
	s.CreateParticipant(ctx, &drop)
	waiting := addPerson(t, s, "Anne", "Martin")

	mustEnrol := func(p Participant, se Session) {
		t.Helper()
		if _, err := s.Enrol(ctx, p.ID, se.ID); err != nil {
			t.Fatal(err)
		}
	}
	mustEnrol(keep, same)
	mustEnrol(drop, full) // clashes with keep's "Même heure": given up, which frees a place
	mustEnrol(waiting, full)
	mustEnrol(drop, later)
	arrival, err := s.CheckIn(ctx, drop.ID, day1, 0, "Accueil 1")
	if err != nil {
		t.Fatal(err)
	}
	s.RecordBadgePrints(ctx, "A4", drop.ID)

	rep, err := s.MergeParticipants(ctx, keep.ID, drop.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Moved != 1 || len(rep.Dropped) != 1 || rep.Dropped[0] != "Atelier complet" {
		t.Fatalf("report %+v", rep)
	}
	got, _ := s.Participant(ctx, keep.ID)
	if got.Email != "eric@jardins.fr" || got.Phone == "" || len(got.Days) != 2 || got.Notes != "Arrive en train" {
		t.Fatalf("kept record %+v", got)
	}
	_, err = s.Participant(ctx, drop.ID)
	wantErr(t, err, ErrNotFound)
	log, _ := s.CheckinLog(ctx, keep.ID)
	if len(log) != 1 || log[0].ID != arrival.ID || !log[0].At.Equal(arrival.At) {
		t.Fatalf("check-ins %+v", log)
	}
	if prints, _ := s.BadgePrints(ctx, keep.ID); len(prints) != 1 {
		t.Fatal("badge print not moved")
	}
	mine, _ := s.ParticipantEnrolments(ctx, keep.ID)
	if len(mine) != 2 || mine[0].SessionTitle != "Même heure" || mine[1].SessionTitle != "Plus tard" {
		t.Fatalf("enrolments %+v", mine)
	}
	// The place given up went to the person waiting.
	list, _ := s.SessionEnrolments(ctx, full.ID)
	if len(list) != 1 || list[0].ParticipantID != waiting.ID || list[0].Status != Enrolled {
		t.Fatalf("full session %+v", list)
	}
	t.Run("ErrMergeSelf", func(t *testing.T) {
		_, err := s.MergeParticipants(ctx, keep.ID, keep.ID, nil)
		wantErr(t, err, ErrMergeSelf)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := s.MergeParticipants(ctx, keep.ID, 9999, nil)
		wantErr(t, err, ErrNotFound)
	})
}

// mergePair saves two records of one person as the issue found them: the
// older one confirmed, paid, its badge printed; the newer one pending,
// with a phone and another email, registered a day later.
func mergePair(t *testing.T, s *Store) (older, newer Participant) {
	t.Helper()
	now := fixedClock(s, time.Date(2021, 10, 1, 9, 0, 0, 0, time.UTC))
	older = deskPerson(t, s, "Éric", "Béasse", func(p *Participant) {
		p.Email, p.Organisation, p.FeeCents, p.Paid, p.Days = "eric@jardins.fr", "Les Jardins", 18000, true, []Day{day1}
	})
	if err := s.RecordBadgePrints(ctx, "A4", older.ID); err != nil {
		t.Fatal(err)
	}
	*now = now.Add(24 * time.Hour)
	newer = deskPerson(t, s, "Eric", "BEASSE", func(p *Participant) {
		p.Email, p.Phone, p.Organisation, p.Status, p.Days = "e.beasse@gmail.com", "06 12 34 56 78", "les jardins", StatusPending, []Day{day2}
		p.Notes = "Inscrit une seconde fois en ligne"
	})
	return older, newer
}

func TestDefaultKeeper(t *testing.T) {
	at := func(day int) time.Time { return time.Date(2021, 10, day, 9, 0, 0, 0, time.UTC) }
	rec := func(id int64, day, prints, checkins int) MergeCandidate {
		return MergeCandidate{Participant: Participant{ID: id, CreatedAt: at(day)}, BadgePrints: prints, Checkins: checkins}
	}
	cases := []struct {
		name string
		a, b MergeCandidate
		want int64
	}{
		{"Older", rec(2, 2, 0, 0), rec(1, 1, 0, 0), 1},
		{"OlderEitherWay", rec(1, 1, 0, 0), rec(2, 2, 0, 0), 1},
		{"SameTimeLowerID", rec(5, 1, 0, 0), rec(4, 1, 0, 0), 4},
		{"BadgePrintedOverOlder", rec(1, 1, 0, 0), rec(2, 2, 1, 0), 2},
		{"CheckedInOverOlder", rec(1, 1, 0, 0), rec(2, 2, 0, 3), 2},
		{"BadgeOverCheckins", rec(1, 1, 0, 2), rec(2, 2, 1, 0), 2},
		{"BothBadgesCheckinsDecide", rec(1, 1, 1, 0), rec(2, 2, 1, 1), 2},
		{"BothEverythingOlder", rec(2, 2, 1, 1), rec(1, 1, 2, 5), 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			keep, drop := DefaultKeeper(c.a, c.b)
			if keep.ID != c.want || drop.ID == c.want {
				t.Fatalf("keeps %d, drops %d; want %d kept", keep.ID, drop.ID, c.want)
			}
		})
	}
}

// TestMergeLongNotes: the notes of both records are kept by default, unless
// together they are more than notes may hold: then the kept record's, so
// that the merge proposed by default goes through.
func TestMergeLongNotes(t *testing.T) {
	s := mustOpen(t)
	a := addPerson(t, s, "Awa", "Diallo")
	b := addPerson(t, s, "Awa", "Diallo")
	for _, c := range []struct {
		a, b string
		want MergeSource
	}{
		{"végétarienne", "arrive jeudi soir", FromBoth},
		{strings.Repeat("a", maxNotes/2), strings.Repeat("b", maxNotes/2), FromKept},
	} {
		a.Notes, b.Notes = c.a, c.b
		for _, p := range []*Participant{&a, &b} {
			if err := s.UpdateParticipant(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		plan, err := s.PlanMerge(ctx, a.ID, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := plan.Choice[MergeNotes]; got != c.want {
			t.Fatalf("notes of %d and %d bytes: %v, want %v", len(c.a), len(c.b), got, c.want)
		}
		merged := plan.Merged()
		if err := merged.Validate(); err != nil {
			t.Fatalf("the merge proposed by default is refused: %v", err)
		}
	}
}

// TestMergeKeepsTheBadge is the merge the issue describes: the older record,
// confirmed and with its badge printed, and a newer, emptier one.
func TestMergeKeepsTheBadge(t *testing.T) {
	s := mustOpen(t)
	older, newer := mergePair(t, s)

	plan, err := s.PlanMerge(ctx, newer.ID, older.ID) // asked from the newer record's page
	if err != nil {
		t.Fatal(err)
	}
	if plan.Keep.ID != older.ID || plan.Drop.ID != newer.ID || plan.Keep.BadgePrints != 1 {
		t.Fatalf("plan keeps %d (prints %d), drops %d; want %d kept", plan.Keep.ID, plan.Keep.BadgePrints, plan.Drop.ID, older.ID)
	}
	wantFields := []MergeField{MergeFirstName, MergeLastName, MergeEmail, MergePhone, MergeStatus, MergeFee, MergeDays, MergeNotes}
	if !slices.Equal(plan.Fields, wantFields) {
		t.Fatalf("fields %v, want %v", plan.Fields, wantFields)
	}
	want := map[MergeField]MergeSource{MergeFirstName: FromKept, MergeLastName: FromKept, MergeEmail: FromKept,
		MergePhone: FromDropped, MergeStatus: FromKept, MergeFee: FromKept, MergeDays: FromBoth, MergeNotes: FromDropped}
	if !maps.Equal(plan.Choice, want) {
		t.Fatalf("defaults %v, want %v", plan.Choice, want)
	}

	// The organiser takes the newer email, and only the older record's day.
	choice := maps.Clone(plan.Choice)
	choice[MergeEmail], choice[MergeDays] = FromDropped, FromKept
	rep, err := s.MergeParticipants(ctx, plan.Keep.ID, plan.Drop.ID, choice)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Participant(ctx, older.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Code != older.Code || got.FirstName != "Éric" || got.LastName != "Béasse" || got.Email != "e.beasse@gmail.com" ||
		got.Phone != "06 12 34 56 78" || got.Status != StatusConfirmed || got.FeeCents != 18000 || !got.Paid ||
		!slices.Equal(got.Days, []Day{day1}) || got.Notes != newer.Notes || got.Organisation != "Les Jardins" {
		t.Fatalf("kept %+v", got)
	}
	if rep.Alias != newer.Code || rep.Kept.Email != got.Email {
		t.Fatalf("report %+v", rep)
	}
	if _, err := s.Participant(ctx, newer.ID); KindOf(err) != KindNotFound {
		t.Fatalf("the record merged away is still there: %v", err)
	}

	t.Run("BothCodesScan", func(t *testing.T) {
		for _, code := range []string{older.Code, strings.ToLower(newer.Code) + " "} {
			id, err := s.ParticipantIDByCode(ctx, code)
			if err != nil || id != older.ID {
				t.Fatalf("%q finds %d, %v; want %d", code, id, err, older.ID)
			}
			p, err := s.ParticipantByCode(ctx, code)
			if err != nil || p.ID != older.ID {
				t.Fatalf("%q finds %+v, %v", code, p, err)
			}
		}
		c := card(t, s, older.ID, day1, 0)
		if !c.BadgePrinted || c.Participant.Status != StatusConfirmed {
			t.Fatalf("card %+v", c)
		}
		wantWarnings(t, c)
	})
	t.Run("MergeLogKeepsBoth", func(t *testing.T) {
		log, err := s.MergeLog(ctx, older.ID)
		if err != nil || len(log) != 1 {
			t.Fatalf("log %+v, %v", log, err)
		}
		e := log[0]
		if e.KeptID != older.ID || e.DroppedID != newer.ID || e.DroppedCode != newer.Code || e.DroppedName != "Eric BEASSE" {
			t.Fatalf("entry %+v", e)
		}
		if e.Kept.Email != older.Email || e.Kept.Phone != "" || !slices.Equal(e.Kept.Days, older.Days) || e.Kept.Status != StatusConfirmed {
			t.Fatalf("kept row %+v", e.Kept)
		}
		if e.Dropped.Email != newer.Email || e.Dropped.Phone != newer.Phone || e.Dropped.Notes != newer.Notes ||
			e.Dropped.Status != StatusPending || !slices.Equal(e.Dropped.Days, []Day{day2}) || !e.Dropped.CreatedAt.Equal(newer.CreatedAt) {
			t.Fatalf("dropped row %+v", e.Dropped)
		}
	})
	t.Run("AliasNeverGiven", func(t *testing.T) {
		p := newPerson(t, s, "Zoé", "Martin")
		p.Code = newer.Code
		wantErr(t, s.CreateParticipant(ctx, &p), ErrCodeTaken)
		other := addPerson(t, s, "Léa", "Petit")
		other.Code = newer.Code
		wantErr(t, s.UpdateParticipant(ctx, &other), ErrCodeTaken)
	})
}

// TestMergeAwayThePrintedBadge keeps the other record on purpose: the badge
// printed with the code merged away still lets its person in at the desk.
func TestMergeAwayThePrintedBadge(t *testing.T) {
	s := mustOpen(t)
	older, newer := mergePair(t, s)
	if _, err := s.MergeParticipants(ctx, newer.ID, older.ID, nil); err != nil {
		t.Fatal(err)
	}
	id, err := s.ParticipantIDByCode(ctx, older.Code)
	if err != nil || id != newer.ID {
		t.Fatalf("the printed code finds %d, %v; want %d", id, err, newer.ID)
	}
	got, _ := s.Participant(ctx, newer.ID)
	if got.Status != StatusConfirmed || !got.Paid || got.Email != newer.Email || !slices.Equal(got.Days, []Day{day1, day2}) {
		t.Fatalf("kept %+v", got)
	}
	c := card(t, s, id, day1, 0)
	if !c.BadgePrinted {
		t.Fatal("the badge print did not follow")
	}
	r := admit(t, s, AdmitRequest{ParticipantID: id, Day: day1, Desk: "Accueil 1"})
	if r.Checkin.ParticipantID != newer.ID || !r.New {
		t.Fatalf("admitted %+v", r.Checkin)
	}
	if log, _ := s.CheckinLog(ctx, newer.ID); len(log) != 1 {
		t.Fatalf("check-ins %+v", log)
	}
}

// TestMergedCodeSearched: the code of a record merged away, typed into the
// participants' search, finds the person kept, whatever the sort.
func TestMergedCodeSearched(t *testing.T) {
	s := mustOpen(t)
	older, newer := mergePair(t, s)
	if _, err := s.MergeParticipants(ctx, newer.ID, older.ID, nil); err != nil {
		t.Fatal(err)
	}
	for _, sort := range []SortBy{SortRelevance, SortName, SortCreated} {
		for _, typed := range []string{older.Code, strings.ToLower(older.Code)} {
			ids, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: typed, Sort: sort})
			if err != nil || !slices.Contains(ids, newer.ID) {
				t.Errorf("sort %v, %q: %v, %v; want %d among them", sort, typed, ids, err, newer.ID)
			}
		}
	}
}

func TestMergeChain(t *testing.T) {
	s := mustOpen(t)
	a := addPerson(t, s, "Anne", "Martin")
	b := addPerson(t, s, "Anne", "Martin")
	c := addPerson(t, s, "Anne", "Martin")
	if _, err := s.MergeParticipants(ctx, b.ID, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeParticipants(ctx, c.ID, b.ID, nil); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{a.Code, b.Code, c.Code} {
		if id, err := s.ParticipantIDByCode(ctx, code); err != nil || id != c.ID {
			t.Fatalf("%s finds %d, %v; want %d", code, id, err, c.ID)
		}
	}
	aliases, _ := s.CodeAliases(ctx, c.ID)
	log, _ := s.MergeLog(ctx, c.ID)
	if len(aliases) != 2 || len(log) != 2 || log[0].DroppedID != a.ID || log[1].DroppedID != b.ID {
		t.Fatalf("aliases %v, log %+v", aliases, log)
	}
}

// TestCodeNeverAnAlias draws, for a new participant, the very code of a
// record merged away: it is skipped, by hand and by an import.
func TestCodeNeverAnAlias(t *testing.T) {
	s := mustOpen(t)
	const seed = 42
	alias := newCodeSource(seed).next()
	a := deskPerson(t, s, "Anne", "Martin", func(p *Participant) { p.Code = alias })
	b := addPerson(t, s, "Anne", "Martin")
	if _, err := s.MergeParticipants(ctx, b.ID, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	t.Run("Form", func(t *testing.T) {
		s.SetCodeSeed(seed)
		p := addPerson(t, s, "Jean", "Dupont")
		if p.Code == alias || p.Code == "" {
			t.Fatalf("given the code %q", p.Code)
		}
	})
	t.Run("Import", func(t *testing.T) {
		s.SetCodeSeed(seed)
		r := importLines(t, s, ImportOptions{}, "Code,Prénom,Nom,Régime", ",Karim,Benali,", strings.ToLower(alias)+",Anne,Martin,Halal")
		wantCounts(t, r, 2, 1, 1, 0, 0, 0)
		for _, p := range people(t, s) {
			if p.Code == alias {
				t.Fatalf("%s has the alias", p.FullName())
			}
			if p.ID == b.ID && p.Diet != "Halal" {
				t.Fatalf("the row with the alias did not reach %+v", p)
			}
		}
	})
	t.Run("ImportOverwrite", func(t *testing.T) {
		// A file from before the merge, whose codes replace the stored ones.
		r := importLines(t, s, ImportOptions{OnMatch: MatchOverwrite}, "Code,Prénom,Nom,Régime", alias+",Anne,Martin,Vegan")
		wantCounts(t, r, 1, 0, 1, 0, 0, 0)
		if p, _ := s.Participant(ctx, b.ID); p.Code != b.Code || p.Diet != "Vegan" {
			t.Fatalf("after the import %+v", p)
		}
	})
}
