package data

import (
	"strings"
	"testing"
)

// The participants list's sorts read each group's people in the order of
// names straight from an index, with no sort (0015, 0016): SQLite's plan
// for each query the sorts make (groupedIDs, and the order of names alone)
// searches or scans the index meant for it, covering, and builds no
// temporary B-tree, either way. 0016 dropped the trailing id of three of
// them: the rowid that ends every entry gives the same order.
func TestParticipantSortsUseIndexes(t *testing.T) {
	s := mustOpen(t)
	for _, first := range []string{"Anne", "Bruno", "Chloé"} {
		p := newPerson(t, s, first, "Martin")
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	group := "SELECT p.id FROM participant p WHERE %s ORDER BY p.sort_key, p.id LIMIT ?"
	cases := []struct {
		text  string
		args  []any
		index string
	}{
		{strings.Replace(group, "%s", "p.organisation_id = ?", 1), []any{1, 50}, "participant_organisation_sort"},
		{strings.Replace(group, "%s", "p.organisation_id IS NULL", 1), []any{50}, "participant_organisation_sort"},
		{strings.Replace(group, "%s", "p.category_id = ?", 1), []any{1, 50}, "participant_category_sort"},
		{strings.Replace(group, "%s", "p.status = ?", 1), []any{"confirmed", 50}, "participant_status_sort"},
		{"SELECT id FROM participant ORDER BY sort_key, id", nil, "participant_sort"},
		{"SELECT id FROM participant WHERE sort_key >= ? AND sort_key < ? ORDER BY sort_key, id", []any{"m", "n"}, "participant_sort"},
	}
	for _, c := range cases {
		for _, text := range []string{c.text, strings.Replace(c.text, "sort_key, p.id", "sort_key DESC, p.id DESC", 1)} {
			var plan []string
			err := s.read(ctx, func(tx *sqlTx) error {
				rows, err := tx.QueryContext(ctx, "EXPLAIN QUERY PLAN "+text, c.args...)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					var id, parent, unused int
					var detail string
					if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
						return err
					}
					plan = append(plan, detail)
				}
				return rows.Err()
			})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(plan, "; ")
			if !strings.Contains(got, "USING COVERING INDEX "+c.index+" ") && !strings.HasSuffix(got, "USING COVERING INDEX "+c.index) ||
				strings.Contains(got, "TEMP B-TREE") {
				t.Errorf("%s\nplan: %s\nwant the covering index %s and no temporary B-tree", text, got, c.index)
			}
		}
	}
}
