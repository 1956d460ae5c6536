package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// foldedOrganisations are the organisations of TestGroupedSortsKeepTheOrder
// in the order a French reader expects: accents and case ignored, Île among
// the I's, those without one last.
var foldedOrganisations = []string{"alpha", "Alpha Conseil", "beta", "ÉCOLE centrale", "Ecole des Mines",
	"école du Nord", "Éole", "Île Verte Réunion", "Ville de Lille", "Zèbre"}

// sortedBySQL is the list q selects in the order of one ORDER BY over
// everyone (sortSQL), as it was listed before the groups: the order the
// groups must keep. By organisation, the ORDER BY ranks the names as
// foldedOrganisations lists them.
func sortedBySQL(t *testing.T, s *Store, q ParticipantQuery) []int64 {
	t.Helper()
	var ids []int64
	err := s.read(ctx, func(tx *sqlTx) error {
		where, args := filterSQL(tx.d, q)
		order := sortSQL(tx.d, q.Sort)
		if q.Sort == SortOrganisation {
			rank := "CASE (SELECT name FROM organisation WHERE id = p.organisation_id)"
			for i, name := range foldedOrganisations {
				rank += fmt.Sprintf(" WHEN '%s' THEN %d", name, i)
			}
			order = rank + fmt.Sprintf(" ELSE %d END, p.sort_key, p.id", len(foldedOrganisations))
		}
		if q.Desc {
			order = descending(order)
		}
		text := "SELECT p.id FROM participant p"
		if len(where) > 0 {
			text += " WHERE " + strings.Join(where, " AND ")
		}
		text += " ORDER BY " + order
		if q.Limit > 0 {
			text += " LIMIT ? OFFSET ?"
			args = append(args, q.Limit, q.Offset)
		}
		var err error
		ids, err = queryIDs(ctx, tx, text, args...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// Sorting by organisation, category or status reads group after group
// (participant_sorts.go): the order is the one ORDER BY's, organisations
// by name ignoring accents and case (Île among the I's, no longer after
// Ville as the file's NOCASE put it), whichever way, filter and page.
func TestGroupedSortsKeepTheOrder(t *testing.T) {
	s := mustOpen(t)
	cats, err := s.Categories(ctx)
	if err != nil || len(cats) < 3 {
		t.Fatal(cats, err)
	}
	// Two categories at one place: their people mix, by name.
	cats[2].Position = cats[1].Position
	if err := s.SaveCategory(ctx, &cats[2]); err != nil {
		t.Fatal(err)
	}
	orgs := []string{"", "Zèbre", "école du Nord", "Ecole des Mines", "alpha", "Alpha Conseil", "Éole", "beta", "ÉCOLE centrale", "Ville de Lille", "Île Verte Réunion"}
	firsts := []string{"Jean", "jean", "Élodie", "Eloi", "Zoé", "anne"}
	lasts := []string{"Martin", "martin", "Émile", "Ebert", "Dupont", "Le Goff"}
	for i := range 90 {
		p := newPerson(t, s, firsts[i%len(firsts)], lasts[(i/2)%len(lasts)])
		p.Organisation = orgs[(i*7)%len(orgs)]
		p.CategoryID = cats[i%3].ID
		p.Status = Statuses[(i/3)%3]
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, by := range []SortBy{SortOrganisation, SortCategory, SortStatus} {
		for _, q := range []ParticipantQuery{{}, {Limit: 7}, {Limit: 10, Offset: 25}, {Limit: 10, Offset: 200},
			{Status: StatusPending}, {CategoryID: cats[0].ID, Limit: 5}, {Search: "mar"}, {Search: "ecole", Limit: 4}} {
			for _, desc := range []bool{false, true} {
				q.Sort, q.Desc = by, desc
				t.Run(fmt.Sprintf("%d_%+v", by, q), func(t *testing.T) {
					got, err := s.ParticipantIDs(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					want := sortedBySQL(t, s, q)
					if q.Search != "" { // the search's condition: the same people, read apart
						all, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: q.Search})
						if err != nil {
							t.Fatal(err)
						}
						qq := q
						qq.Search, qq.Limit, qq.Offset = "", 0, 0
						want = slices.DeleteFunc(sortedBySQL(t, s, qq), func(id int64) bool { return !slices.Contains(all, id) })
						if q.Limit > 0 {
							want = want[min(q.Offset, len(want)):min(q.Offset+q.Limit, len(want))]
						}
					}
					if !slices.Equal(got, want) {
						t.Errorf("got  %v\nwant %v", got, want)
					}
				})
			}
		}
	}
}

// BenchmarkOrganisationOrder puts 2,000 organisations in the order of their
// folded names (organisationOrder), as sorting the participants list by
// organisation does before reading its first page: a congress of 50,000
// from a platform where each person typed their own organisation.
func BenchmarkOrganisationOrder(b *testing.B) {
	s := mustOpen(b)
	err := s.write(ctx, func(tx *sqlTx) error {
		for i := range 2000 {
			name := fmt.Sprintf("%s %d", []string{"Île Verte", "école du Nord", "Ville de Lille", "Zèbre"}[i%4], i)
			if _, err := tx.ExecContext(ctx, "INSERT INTO organisation (name) VALUES (?)", name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		err := s.read(ctx, func(tx *sqlTx) error {
			ids, err := organisationOrder(ctx, tx)
			if err == nil && len(ids) != 2000 {
				err = fmt.Errorf("%d organisations", len(ids))
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
