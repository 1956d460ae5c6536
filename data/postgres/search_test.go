package postgres

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"congres/data"
)

// searchFor returns the codes of the participants a search for text finds,
// sorted: every word typed (split as the file's search splits them, and
// folded by Congrès) must start a word of the participant's search line.
func searchFor(t *testing.T, s *Store, text string) []string {
	t.Helper()
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	sql := "SELECT p.code FROM participant p JOIN participant_search s ON s.participant_id = p.id"
	var args []any
	for i, w := range words {
		if i == 0 {
			sql += " WHERE "
		} else {
			sql += " AND "
		}
		// Each condition binds its own word: $1 of searchWordMatch renumbered.
		sql += strings.ReplaceAll(searchWordMatch, "$1", "$"+strconv.Itoa(i+1))
		args = append(args, data.Fold(w))
	}
	var codes []string
	for _, r := range query(t, s, sql+" ORDER BY p.code", args...) {
		codes = append(codes, r[0])
	}
	return codes
}

func addParticipant(t *testing.T, s *Store, code, first, last, email string, org any) {
	t.Helper()
	now := time.Now()
	exec(t, s, `INSERT INTO participant (code, first_name, last_name, email, organisation_id, category_id, status,
		sort_key, name_key, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, (SELECT min(id) FROM category), 'confirmed', $6, $7, $8, $8)`,
		code, first, last, email, org, data.Fold(last+" "+first), data.Fold(first+" "+last), now)
}

// TestSearch: unaccent and trigrams find people as the file's search does:
// accents, case, word order and prefixes ignored, every word required, in
// the names, the organisation, the email and the code.
func TestSearch(t *testing.T) {
	s := mustOpen(t, newDatabase(t))
	exec(t, s, "INSERT INTO category (name, badge_label, colour, position) VALUES ('Adhérent·e', 'ADHÉRENT·E', '#1F6FB2', 1)")
	var org int64
	if err := s.pool.QueryRow(context.Background(), "INSERT INTO organisation (name) VALUES ('Croix-Rouge française') RETURNING id").Scan(&org); err != nil {
		t.Fatal(err)
	}
	addParticipant(t, s, "EB1234", "Éric", "Béasse", "eric.beasse@example.org", org)
	addParticipant(t, s, "MC5678", "Marie", "Curie", "m.curie@radium.fr", nil)
	addParticipant(t, s, "LW9012", "Łukasz", "Wróbel", "", nil)
	addParticipant(t, s, "AB3456", "Abeas", "Martin", "", nil)

	for _, c := range []struct {
		text string
		want []string
	}{
		{"beas", []string{"EB1234"}},
		{"BEASSE", []string{"EB1234"}},
		{"eric bea", []string{"EB1234"}},
		{"Béasse Éric", []string{"EB1234"}},
		{"croix", []string{"EB1234"}}, // the organisation
		{"francaise", []string{"EB1234"}},
		{"radium", []string{"MC5678"}}, // the email
		{"eb1234", []string{"EB1234"}}, // the code
		{"lukasz", []string{"LW9012"}},
		{"wrobel", []string{"LW9012"}},
		{"eric cu", nil}, // every word must match
		{"easse", nil},   // the start of a word, not its middle
		{"abea", []string{"AB3456"}},
	} {
		t.Run(c.text, func(t *testing.T) {
			if got := searchFor(t, s, c.text); !slices.Equal(got, c.want) {
				t.Errorf("search %q found %v, want %v", c.text, got, c.want)
			}
		})
	}

	t.Run("KeptInStep", func(t *testing.T) {
		exec(t, s, "UPDATE organisation SET name = 'Secours populaire' WHERE id = $1", org)
		if got := searchFor(t, s, "secours beas"); !slices.Equal(got, []string{"EB1234"}) {
			t.Errorf("after renaming the organisation, found %v", got)
		}
		if got := searchFor(t, s, "croix"); got != nil {
			t.Errorf("the old organisation's name still finds %v", got)
		}
		exec(t, s, "UPDATE participant SET last_name = 'Sklodowska' WHERE code = 'MC5678'")
		if got := searchFor(t, s, "sklo"); !slices.Equal(got, []string{"MC5678"}) {
			t.Errorf("after a change of name, found %v", got)
		}
		exec(t, s, "DELETE FROM organisation WHERE id = $1", org)
		if got := searchFor(t, s, "secours"); got != nil {
			t.Errorf("a deleted organisation still finds %v", got)
		}
		exec(t, s, "DELETE FROM participant WHERE code = 'AB3456'")
		if n := query(t, s, "SELECT count(*) FROM participant_search")[0][0]; n != "3" {
			t.Errorf("participant_search has %s rows after a delete, want 3", n)
		}
	})

	t.Run("UsesTheTrigramIndex", func(t *testing.T) {
		ctx := context.Background()
		tx, err := s.pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback(ctx)
		if _, err := tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
			t.Fatal(err)
		}
		rows, err := tx.Query(ctx, "EXPLAIN SELECT s.participant_id FROM participant_search s WHERE "+searchWordMatch, "beas")
		if err != nil {
			t.Fatal(err)
		}
		var plan strings.Builder
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(line + "\n")
		}
		if !strings.Contains(plan.String(), "participant_search_doc") {
			t.Errorf("the search does not use the trigram index:\n%s", plan.String())
		}
	})
}
