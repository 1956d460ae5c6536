package data

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"
)

// The participants list sorted by organisation, category or status, at
// 50,000 people within 300 ms (issue 19). One ORDER BY over everyone looked
// each person's organisation up and sorted them all (2.4 s in the window);
// instead, the groups are put in order first (a few dozen organisations),
// then each group's people are read in the order of names straight from an
// index (0015_participant_sorts.sql), until the page is full. The order is
// sortSQL's, term for term: organisations by name ignoring accents and case
// (Fold, as people's names: "Île Verte" among the I's), those without one
// last; categories by position; statuses by their text; then names, then IDs.

// sortGroup is one group of a sorted list: the condition on participant p
// that selects it, and its arguments.
type sortGroup struct {
	cond string
	args []any
}

// sortGroups are the groups of a grouped order, first to last; nil for an
// order that is not grouped (by name, by relevance, by date).
func sortGroups(ctx context.Context, tx *sqlTx, by SortBy) ([]sortGroup, error) {
	switch by {
	case SortOrganisation:
		orgs, err := organisationOrder(ctx, tx)
		if err != nil {
			return nil, err
		}
		groups := make([]sortGroup, 0, len(orgs)+1)
		for _, id := range orgs {
			groups = append(groups, sortGroup{"p.organisation_id = ?", []any{id}})
		}
		return append(groups, sortGroup{"p.organisation_id IS NULL", nil}), nil
	case SortCategory:
		return categoryGroups(ctx, tx)
	case SortStatus:
		statuses := slices.Clone(Statuses)
		slices.SortFunc(statuses, func(a, b Status) int { return cmp.Compare(a, b) })
		groups := make([]sortGroup, len(statuses))
		for i, st := range statuses {
			groups[i] = sortGroup{"p.status = ?", []any{st}}
		}
		return groups, nil
	}
	return nil, nil
}

// organisationOrder lists the organisations' IDs in the order of their
// names ignoring accents and case (Fold), as a French reader expects: Île
// among the I's, not after Ville. Names that fold alike go by their text,
// then by ID. They are sorted here, not by the store: neither the file's
// NOCASE nor the server's collation knows accents alike. A congress has a
// few hundred organisations at most, and each name is folded once
// (foldedName): 2,000 of them are put in order in about the time the
// store's ORDER BY took (BenchmarkOrganisationOrder).
func organisationOrder(ctx context.Context, tx *sqlTx) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM organisation")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type org struct {
		id        int64
		key, name string
	}
	var orgs []org
	for rows.Next() {
		var o org
		if err := rows.Scan(&o.id, &o.name); err != nil {
			return nil, err
		}
		o.key = foldedName(o.name)
		orgs = append(orgs, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(orgs, func(a, b org) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.name, b.name), cmp.Compare(a.id, b.id))
	})
	ids := make([]int64, len(orgs))
	for i, o := range orgs {
		ids[i] = o.id
	}
	return ids, nil
}

// foldedNames keeps Fold of the organisations' names sorted lately, so that
// each sort by organisation does not fold them all again; Fold is pure, so
// a name's key never goes stale. Emptied past foldedMax names.
var foldedNames = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

const foldedMax = 100_000

// foldedName is Fold(name), kept.
func foldedName(name string) string {
	foldedNames.Lock()
	defer foldedNames.Unlock()
	key, ok := foldedNames.m[name]
	if !ok {
		if len(foldedNames.m) >= foldedMax {
			clear(foldedNames.m)
		}
		key = Fold(name)
		foldedNames.m[name] = key
	}
	return key
}

// categoryGroups are the categories by position; categories that share a
// position are one group, sorted by name across them.
func categoryGroups(ctx context.Context, tx *sqlTx) ([]sortGroup, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, position FROM category ORDER BY position, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var groups []sortGroup
	last := 0
	for rows.Next() {
		var id int64
		var pos int
		if err := rows.Scan(&id, &pos); err != nil {
			return nil, err
		}
		if n := len(groups); n > 0 && pos == last {
			g := &groups[n-1]
			g.args = append(g.args, id)
			g.cond = "p.category_id IN " + placeholders(len(g.args))
			continue
		}
		last = pos
		groups = append(groups, sortGroup{"p.category_id = ?", []any{id}})
	}
	return groups, rows.Err()
}

// groupedIDs lists the IDs q selects (where and args: its filters and
// search) in the grouped order of groups: group by group, each in the
// order of names, until the page (q.Offset, q.Limit) is read.
func groupedIDs(ctx context.Context, tx *sqlTx, q ParticipantQuery, groups []sortGroup, where []string, args []any) ([]int64, error) {
	order := "p.sort_key, p.id"
	if q.Desc {
		groups = slices.Clone(groups)
		slices.Reverse(groups)
		order = descending(order)
	}
	want := 0 // all
	if q.Limit > 0 {
		want = q.Offset + q.Limit
	}
	var ids []int64
	for _, g := range groups {
		text := "SELECT p.id FROM participant p WHERE " + strings.Join(append([]string{g.cond}, where...), " AND ") +
			" ORDER BY " + order
		all := append(slices.Clip(g.args), args...)
		if want > 0 {
			text += " LIMIT ?"
			all = append(all, want-len(ids))
		}
		found, err := queryIDs(ctx, tx, text, all...)
		if err != nil {
			return nil, err
		}
		ids = append(ids, found...)
		if want > 0 && len(ids) >= want {
			break
		}
	}
	if want == 0 {
		return ids, nil // no page: the offset does not count, as in LIMIT … OFFSET
	}
	return ids[min(q.Offset, len(ids)):], nil
}
