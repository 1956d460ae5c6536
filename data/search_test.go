package data_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	. "congres/data"
)

// searchFixture registers a few people whom "bea" finds in different ways.
type searchFixture struct {
	s                                                  *Store
	beasse, beaumont, dupont, fontaine, martin, legoff Participant
}

func newSearchFixture(t *testing.T) *searchFixture {
	t.Helper()
	s := mustOpen(t)
	n := 0
	add := func(first, last string, edit func(p *Participant)) Participant {
		t.Helper()
		p := newPerson(t, s, first, last)
		// A code of its own that no search below begins: a random one
		// starting with E made "e B" find Anne Beaumont now and then.
		p.Code = "XKTVN" + string(CodeLetters[n])
		n++
		edit(&p)
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f := &searchFixture{s: s}
	f.martin = add("Zoé", "Martin", func(p *Participant) {
		p.Code = "BEASSE" // a code that is also a name
		p.Organisation = "Béarn Insertion"
		p.Email = "zoe.martin@bearn.fr"
	})
	f.beasse = add("Éric", "Béasse", func(p *Participant) {
		p.Organisation = "Les Jardins de Cocagne"
		p.Email = "eric.beasse@cocagne.fr"
		p.Region = "Hauts-de-France"
		p.Days = []Day{day2, day1}
	})
	f.dupont = add("Bernard", "Dupont", func(p *Participant) {
		p.Email = "bea.dupont@exemple.fr"
		p.CategoryID = category(t, s, "Presse")
	})
	f.fontaine = add("Claire", "Fontaine", func(p *Participant) { p.Code = "BEA234" })
	f.beaumont = add("Anne", "Beaumont", func(p *Participant) {
		p.Organisation = "Ville de Lille"
		p.Status = StatusPending
		p.Days = []Day{day2}
	})
	f.legoff = add("Jean-Pierre", "Le Goff", func(p *Participant) { p.Organisation = "Ville de Lille" })
	return f
}

func (f *searchFixture) names(t *testing.T, q ParticipantQuery) []string {
	t.Helper()
	rows, err := f.s.ListParticipants(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.FirstName + " " + r.LastName
	}
	return names
}

func TestSearch(t *testing.T) {
	f := newSearchFixture(t)
	s := f.s

	t.Run("AccentCaseWordOrder", func(t *testing.T) {
		for _, text := range []string{"beas", "BEASSE", "eric bea", "bea eric", "Béasse Éric", "ÉRIC", "  eric   béa ", "jardins coca"} {
			got := f.names(t, ParticipantQuery{Search: text})
			if !slices.Contains(got, "Éric Béasse") {
				t.Errorf("%q: Éric Béasse not found: %q", text, got)
			}
		}
		if got := f.names(t, ParticipantQuery{Search: "eric bea"}); !slices.Equal(got, []string{"Éric Béasse"}) {
			t.Errorf("eric bea: %q", got)
		}
		if got := f.names(t, ParticipantQuery{Search: "jean-pierre le go"}); !slices.Equal(got, []string{"Jean-Pierre Le Goff"}) {
			t.Errorf("jean-pierre le go: %q", got)
		}
	})

	t.Run("Ranking", func(t *testing.T) {
		// Names first, alphabetically by last name; then organisations,
		// emails and codes.
		want := []string{"Éric Béasse", "Anne Beaumont", "Bernard Dupont", "Claire Fontaine", "Zoé Martin"}
		if got := f.names(t, ParticipantQuery{Search: "bea"}); !slices.Equal(got, want) {
			t.Errorf("bea:\n got %q\nwant %q", got, want)
		}
		want = []string{"Anne Beaumont", "Jean-Pierre Le Goff"}
		if got := f.names(t, ParticipantQuery{Search: "lille"}); !slices.Equal(got, want) {
			t.Errorf("lille: got %q, want %q", got, want)
		}
	})

	t.Run("ShortWords", func(t *testing.T) {
		// A word or two of one or two letters, as the desk's first keys:
		// the same ranking (a server reads them another way than longer
		// words: see SearchMatch).
		want := []string{"Éric Béasse", "Anne Beaumont", "Bernard Dupont", "Claire Fontaine", "Zoé Martin"}
		if got := f.names(t, ParticipantQuery{Search: "be"}); !slices.Equal(got, want) {
			t.Errorf("be:\n got %q\nwant %q", got, want)
		}
		want = []string{"Éric Béasse", "Bernard Dupont"} // his email: bea.dupont@exemple.fr
		if got := f.names(t, ParticipantQuery{Search: "e B"}); !slices.Equal(got, want) {
			t.Errorf("e B: got %q, want %q", got, want)
		}
		want = []string{"Anne Beaumont", "Jean-Pierre Le Goff"}
		if got := f.names(t, ParticipantQuery{Search: "li", Limit: 1, Offset: 1}); !slices.Equal(got, want[1:]) {
			t.Errorf("li, the second: got %q, want %q", got, want[1:])
		}
	})

	t.Run("LettersThatDoNotDecompose", func(t *testing.T) {
		for _, n := range [][2]string{{"Łukasz", "Wałęsa"}, {"Đức", "Trần"}, {"Søren", "Kierkegaard"}} {
			p := newPerson(t, s, n[0], n[1])
			if err := s.CreateParticipant(ctx, &p); err != nil {
				t.Fatal(err)
			}
		}
		for text, want := range map[string]string{"lukasz": "Łukasz Wałęsa", "walesa": "Łukasz Wałęsa", "łuk": "Łukasz Wałęsa",
			"duc tran": "Đức Trần", "đức": "Đức Trần", "soren": "Søren Kierkegaard", "søren": "Søren Kierkegaard"} {
			if got := f.names(t, ParticipantQuery{Search: text}); !slices.Equal(got, []string{want}) {
				t.Errorf("%q: got %q, want %q", text, got, want)
			}
		}
	})

	t.Run("CodeFirst", func(t *testing.T) {
		for _, text := range []string{"BEASSE", "beasse", " Beasse "} {
			want := []string{"Zoé Martin", "Éric Béasse"}
			if got := f.names(t, ParticipantQuery{Search: text}); !slices.Equal(got, want) {
				t.Errorf("%q: got %q, want %q", text, got, want)
			}
		}
		if got := f.names(t, ParticipantQuery{Search: f.fontaine.Code}); !slices.Equal(got, []string{"Claire Fontaine"}) {
			t.Errorf("%s: %q", f.fontaine.Code, got)
		}
		// The code's owner is not listed twice, nor left out of a page.
		if got := f.names(t, ParticipantQuery{Search: "beasse", Limit: 1, Offset: 1}); !slices.Equal(got, []string{"Éric Béasse"}) {
			t.Errorf("second of beasse: %q", got)
		}
		p := newPerson(t, s, "Sarah", "Bernhardt")
		p.Code = "BERNHA"
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if got := f.names(t, ParticipantQuery{Search: "bernha"}); !slices.Equal(got, []string{"Sarah Bernhardt"}) {
			t.Errorf("bernha: %q", got)
		}
	})

	t.Run("Filters", func(t *testing.T) {
		if err := s.RecordBadgePrints(ctx, "A4", f.dupont.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CheckIn(ctx, f.beasse.ID, day1, 0, "Accueil 1"); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			q    ParticipantQuery
			want []string
		}{
			{"Category", ParticipantQuery{CategoryID: category(t, s, "Presse")}, []string{"Bernard Dupont"}},
			{"Status", ParticipantQuery{Status: StatusPending}, []string{"Anne Beaumont"}},
			{"Day", ParticipantQuery{Day: day1}, []string{"Éric Béasse", "Bernard Dupont", "Claire Fontaine", "Zoé Martin"}},
			{"CheckedIn", ParticipantQuery{CheckedIn: Yes}, []string{"Éric Béasse"}},
			{"NotCheckedIn", ParticipantQuery{CheckedIn: No, Limit: 2}, []string{"Anne Beaumont", "Bernard Dupont"}},
			{"BadgePrinted", ParticipantQuery{BadgePrinted: Yes}, []string{"Bernard Dupont"}},
			{"Region", ParticipantQuery{Region: "hauts-de-france"}, []string{"Éric Béasse"}},
			{"CodeFiltered", ParticipantQuery{Search: "beasse", Status: StatusConfirmed}, []string{"Zoé Martin", "Éric Béasse"}},
			{"CodeFilteredOut", ParticipantQuery{Search: "beasse", CheckedIn: Yes}, []string{"Éric Béasse"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if c.q.Search == "" {
					c.q.Search = "bea"
				}
				if got := f.names(t, c.q); !slices.Equal(got, c.want) {
					t.Errorf("got %q, want %q", got, c.want)
				}
			})
		}
	})

	t.Run("Paging", func(t *testing.T) {
		all := f.names(t, ParticipantQuery{Search: "bea"})
		for _, page := range [][2]int{{2, 0}, {2, 1}, {2, 4}, {3, 5}, {1, 9}} {
			limit, offset := page[0], page[1]
			want := all[min(offset, len(all)):min(offset+limit, len(all))]
			if got := f.names(t, ParticipantQuery{Search: "bea", Limit: limit, Offset: offset}); !slices.Equal(got, want) {
				t.Errorf("limit %d offset %d: got %q, want %q", limit, offset, got, want)
			}
		}
		desc := f.names(t, ParticipantQuery{Search: "bea", Desc: true, Limit: 2})
		if want := []string{"Zoé Martin", "Claire Fontaine"}; !slices.Equal(desc, want) {
			t.Errorf("descending: got %q, want %q", desc, want)
		}
		ids, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: "bea"})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.ParticipantRows(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		if got := rowNames(rows); !slices.Equal(got, all) {
			t.Errorf("ParticipantIDs then ParticipantRows: got %q, want %q", got, all)
		}
	})

	t.Run("Row", func(t *testing.T) {
		rows, err := s.SearchParticipants(ctx, "eric bea", 10)
		if err != nil || len(rows) != 1 {
			t.Fatal(rows, err)
		}
		r := rows[0]
		want := ParticipantRow{ID: f.beasse.ID, Code: f.beasse.Code, FirstName: "Éric", LastName: "Béasse",
			Email: "eric.beasse@cocagne.fr", Organisation: "Les Jardins de Cocagne", CategoryID: f.beasse.CategoryID,
			Category: "Adhérent·e", CategoryColour: "#1F6FB2", Status: StatusConfirmed, Region: "Hauts-de-France",
			Days: []Day{day1, day2}, CheckedInDays: []Day{day1}}
		if fmt.Sprintf("%+v", r) != fmt.Sprintf("%+v", want) {
			t.Errorf("got  %+v\nwant %+v", r, want)
		}
	})

	t.Run("NoMatch", func(t *testing.T) {
		for _, text := range []string{"zzz", "...", "-", "béa zzz", "\"", "AND", "eric NOT"} {
			rows, err := s.SearchParticipants(ctx, text, 10)
			if err != nil || len(rows) != 0 {
				t.Errorf("%q: %v %v", text, rowNames(rows), err)
			}
		}
	})

	t.Run("KeptInSync", func(t *testing.T) {
		p := f.legoff
		p.LastName, p.Organisation = "Béal", "Mairie de Roubaix"
		if err := s.UpdateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if got := f.names(t, ParticipantQuery{Search: "bea", Limit: 2}); !slices.Equal(got, []string{"Jean-Pierre Béal", "Éric Béasse"}) {
			t.Errorf("after renaming: %q", got)
		}
		if got := f.names(t, ParticipantQuery{Search: "le goff"}); len(got) != 0 {
			t.Errorf("old name still found: %q", got)
		}
		if err := s.DeleteParticipant(ctx, f.fontaine.ID); err != nil {
			t.Fatal(err)
		}
		if got := f.names(t, ParticipantQuery{Search: f.fontaine.Code}); len(got) != 0 {
			t.Errorf("deleted participant found: %q", got)
		}
	})
}

func rowNames(rows []ParticipantRow) []string {
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.FirstName + " " + r.LastName
	}
	return names
}

// TestSearchDemo checks, on the demo congress, that a page of results is
// the page of the whole ranked list, and that the ranking is the list by
// name split in the tiers: a code, names, the rest.
func TestSearchDemo(t *testing.T) {
	skipOnServer(t, "the demo is written as a file (WriteDemo)")
	path := filepath.Join(t.TempDir(), "demo"+Extension)
	if err := WriteDemo(ctx, path, DemoOptions{}); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first, err := s.ListParticipants(ctx, ParticipantQuery{Sort: SortCreated, Limit: 1})
	if err != nil || len(first) != 1 {
		t.Fatal(first, err)
	}
	for _, text := range []string{"beas", "BEASSE", "eric bea", first[0].Code} {
		rows, err := s.SearchParticipants(ctx, text, 5)
		if err != nil || !slices.Contains(rowNames(rows), "Éric Béasse") {
			t.Errorf("%q: Éric Béasse not found: %v %v", text, rowNames(rows), err)
		}
		if (text == "eric bea" || text == first[0].Code) && rowNames(rows)[0] != "Éric Béasse" {
			t.Errorf("%q: Éric Béasse not first: %v", text, rowNames(rows))
		}
	}
	searches := []string{"ma", "m", "martin", "le goff", "le", "de", "jean-pierre", "jean", "nguyen", "lille",
		"ville", "cocagne", "fr", "exemple", "bea", "du", "eric", "marie claire", "z", "insertion", first[0].Code, "zzz"}
	for _, text := range searches {
		t.Run(text, func(t *testing.T) {
			ranked, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: text})
			if err != nil {
				t.Fatal(err)
			}
			byName, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: text, Sort: SortName})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(slices.Sorted(slices.Values(ranked)), slices.Sorted(slices.Values(byName))) {
				t.Fatalf("ranked and by name differ: %d and %d", len(ranked), len(byName))
			}
			// At most two steps back in the list by name: after the
			// code, and between names and the rest.
			at := map[int64]int{}
			for i, id := range byName {
				at[id] = i
			}
			back := 0
			for i := 1; i < len(ranked); i++ {
				if at[ranked[i]] < at[ranked[i-1]] {
					back++
				}
			}
			if back > 2 {
				t.Errorf("%d steps back in the list by name", back)
			}
			for _, page := range [][2]int{{50, 0}, {1, 0}, {7, 3}, {10, 45}, {30, 90}} {
				limit, offset := page[0], page[1]
				got, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: text, Limit: limit, Offset: offset})
				if err != nil {
					t.Fatal(err)
				}
				if want := ranked[min(offset, len(ranked)):min(offset+limit, len(ranked))]; !slices.Equal(got, want) {
					t.Errorf("limit %d offset %d: got %v, want %v", limit, offset, got, want)
				}
			}
			desc, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: text, Desc: true, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			if want := slices.Clone(ranked[max(0, len(ranked)-5):]); !slices.Equal(desc, reversed(want)) {
				t.Errorf("descending: got %v, want %v", desc, reversed(want))
			}
			// Those named so come first. The search index reads ß, ø, ł, đ,
			// æ and œ as letters of their own, not as s, o, l, d, a, o:
			// typing "duc" finds Đức only by his email.
			words := strings.Fields(Fold(text))
			rows, err := s.SearchParticipants(ctx, text, 50)
			if err != nil {
				t.Fatal(err)
			}
			named := true
			for _, r := range rows {
				if r.Code == NormaliseCode(text) || strings.ContainsAny(r.FirstName+r.LastName, "ßØøŁłĐđÆæŒœ") {
					continue
				}
				isNamed := everyWordStarts(words, strings.Fields(Fold(r.FirstName+" "+r.LastName)))
				if isNamed && !named {
					t.Errorf("%s %s, named so, comes after others", r.FirstName, r.LastName)
				}
				named = named && isNamed
			}
		})
	}
}

func reversed(ids []int64) []int64 {
	slices.Reverse(ids)
	return ids
}

func everyWordStarts(words, of []string) bool {
	for _, w := range words {
		if !slices.ContainsFunc(of, func(o string) bool { return strings.HasPrefix(o, w) }) {
			return false
		}
	}
	return true
}
