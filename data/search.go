package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// SortBy orders a participant list.
type SortBy int

const (
	SortRelevance SortBy = iota // search rank when searching, else by name
	SortName                    // last name, first name, ignoring case and accents
	SortOrganisation
	SortCategory
	SortStatus
	SortCreated
)

// Tri is a yes/no filter that may be off.
type Tri int

const (
	Any Tri = iota
	Yes
	No
)

// ParticipantQuery selects, orders and pages the participant list. Zero
// values select everything.
type ParticipantQuery struct {
	Search       string // prefix words, any order, accents and case ignored
	CategoryID   int64
	Status       Status
	Day          Day // attending that day
	Region       string
	CheckedIn    Tri // arrived on any day (or on Day when set)
	BadgePrinted Tri
	Sort         SortBy
	Desc         bool
	Limit        int // 0: no limit
	Offset       int
	// SkipCancelled leaves out cancelled registrations, whatever Status
	// says: a batch of badges "for everyone" prints nobody who cancelled.
	SkipCancelled bool
}

// ParticipantRow is one line of the participant list, ready to show.
type ParticipantRow struct {
	ID             int64
	Code           string
	FirstName      string
	LastName       string
	Email          string
	Organisation   string
	CategoryID     int64
	Category       string
	CategoryColour string
	Status         Status
	Region         string
	Days           []Day
	CheckedInDays  []Day // days of arrival not undone
	BadgePrinted   bool
}

// searchWords cuts what a person typed into the words a search looks for:
// runs of letters, digits and combining marks. None when nothing
// searchable was typed.
func searchWords(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
}

// arrivedOnDay is arrivedAnyDay restricted to the day bound to its placeholder.
const arrivedOnDay = `EXISTS (SELECT 1 FROM checkin c WHERE c.participant_id = p.id AND c.kind = 'arrival' AND c.day = ?
	AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id))`

// ListParticipants returns the participants the query selects, in its order.
func (s *Store) ListParticipants(ctx context.Context, q ParticipantQuery) ([]ParticipantRow, error) {
	var list []ParticipantRow
	err := s.read(ctx, func(tx *sqlTx) error {
		ids, err := participantIDs(ctx, tx, q)
		if err != nil || len(ids) == 0 {
			return err
		}
		list, err = participantRows(ctx, tx, ids)
		return err
	})
	return list, err
}

// ParticipantIDs returns only the IDs the query selects, in its order: a
// long list can then be shown page by page with ParticipantRows.
//
// A whole list without a search is kept until the file changes
// (kept_reads.go): a screen shown again, a sort or filter chosen again, at
// 50,000 participants, does not read it again.
func (s *Store) ParticipantIDs(ctx context.Context, q ParticipantQuery) ([]int64, error) {
	var ids []int64
	err := s.read(ctx, func(tx *sqlTx) error {
		read := func(ctx context.Context, tx *sqlTx) ([]int64, error) { return participantIDs(ctx, tx, q) }
		var err error
		if q.Search == "" && q.Limit == 0 {
			ids, err = keptRead(ctx, s, tx, fmt.Sprintf("ids %+v", q), read, slices.Clone)
		} else {
			ids, err = read(ctx, tx)
		}
		return err
	})
	return ids, err
}

// ParticipantRows returns the rows of these participants, in this order;
// IDs that no longer exist are left out.
func (s *Store) ParticipantRows(ctx context.Context, ids []int64) ([]ParticipantRow, error) {
	var list []ParticipantRow
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		list, err = participantRows(ctx, tx, ids)
		return err
	})
	return list, err
}

// filterSQL turns the query's filters into WHERE terms over participant p,
// in the SQL of dialect d.
func filterSQL(d Dialect, q ParticipantQuery) (where []string, args []any) {
	if q.CategoryID != 0 {
		where = append(where, "p.category_id = ?")
		args = append(args, q.CategoryID)
	}
	if q.Status != "" {
		where = append(where, "p.status = ?")
		args = append(args, q.Status)
	}
	if q.SkipCancelled {
		where = append(where, "p.status <> 'cancelled'")
	}
	if q.Day != "" {
		where = append(where, "EXISTS (SELECT 1 FROM participant_day d WHERE d.participant_id = p.id AND d.day = ?)")
		args = append(args, q.Day)
	}
	if q.Region != "" {
		where = append(where, d.NoCase("p.region")+" = "+d.NoCase("?"))
		args = append(args, q.Region)
	}
	if q.CheckedIn != Any {
		cond := arrivedAnyDay
		if q.Day != "" {
			cond = arrivedOnDay
			args = append(args, q.Day)
		}
		if q.CheckedIn == No {
			cond = "NOT " + cond
		}
		where = append(where, cond)
	}
	if q.BadgePrinted != Any {
		cond := "EXISTS (SELECT 1 FROM badge_print b WHERE b.participant_id = p.id)"
		if q.BadgePrinted == No {
			cond = "NOT " + cond
		}
		where = append(where, cond)
	}
	return where, args
}

// sortSQL is the ORDER BY of each order, in the SQL of dialect d. The
// organisations' order is made in Go (organisationOrder, ignoring accents),
// so sorting by organisation always goes group by group (sortGroups) and
// has no ORDER BY here.
func sortSQL(d Dialect, by SortBy) string {
	switch by {
	case SortCategory:
		return "(SELECT position FROM category WHERE id = p.category_id), p.sort_key, p.id"
	case SortStatus:
		return "p.status, p.sort_key, p.id"
	case SortCreated:
		return "p.created_at, p.id"
	}
	return "p.sort_key, p.id" // SortRelevance without a search, SortName
}

func participantIDs(ctx context.Context, tx *sqlTx, q ParticipantQuery) ([]int64, error) {
	where, args := filterSQL(tx.d, q)
	words := searchWords(q.Search)
	if strings.TrimSpace(q.Search) != "" && len(words) == 0 {
		return nil, nil // only punctuation: nothing can match
	}
	if len(words) > 0 && q.Sort == SortRelevance {
		return rankedIDs(ctx, tx, q, words, where, args)
	}
	if len(words) > 0 {
		m := tx.d.SearchMatch(words, InLine)
		cond := m.cond()
		args = append(args, m.Args...)
		cond, args = ownerIs(q.Search, cond, args) // a code or an e-ticket typed (search_tickets.go)
		where = append(where, cond)
	}
	groups, err := sortGroups(ctx, tx, q.Sort) // participant_sorts.go
	if err != nil {
		return nil, err
	}
	if groups != nil {
		return groupedIDs(ctx, tx, q, groups, where, args)
	}
	order := sortSQL(tx.d, q.Sort)
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
	return queryIDs(ctx, tx, text, args...)
}

// codeOwnerIs is the condition that participant p has the code typed (given
// twice), as their own or as the alias of a record merged into theirs.
const codeOwnerIs = `p.id = coalesce((SELECT id FROM participant WHERE code = ?),
	(SELECT participant_id FROM code_alias WHERE code = ?))`

// rankedIDs orders search results as a person expects: an exact code (or e-ticket) first,
// then people whose first or last name starts with every word typed (as
// typed, or folded: "lukasz" finds Łukasz, "duc" Đức), then the
// others (matched by organisation, email or part of a code); alphabetically
// within each. Only the top Offset+Limit are ranked.
func rankedIDs(ctx context.Context, tx *sqlTx, q ParticipantQuery, words []string, where []string, args []any) ([]int64, error) {
	want := q.Offset + q.Limit
	if q.Limit <= 0 || q.Desc {
		want = 0 // all of them: reversed, the top comes from the bottom
	}
	// The participant whose code or e-ticket was typed, if any.
	ids, coded, err := ownerIDs(ctx, tx, q.Search, where, args)
	if err != nil {
		return nil, err
	}
	names := tx.d.SearchMatch(words, InNames)
	if names.IDs != "" {
		ids, err = rankedFromSets(ctx, tx, ids, coded, words, names, Fold(q.Search), where, args, want)
	} else {
		ids, err = rankedInOrder(ctx, tx, ids, coded, words, names, where, args, want)
	}
	if err != nil {
		return nil, err
	}
	if q.Desc {
		slices.Reverse(ids)
	}
	lo := min(q.Offset, len(ids))
	hi := len(ids)
	if q.Limit > 0 {
		hi = min(lo+q.Limit, hi)
	}
	return ids[lo:hi], nil
}

// SearchIn says where a search's words are looked for.
type SearchIn int

const (
	InLine       SearchIn = iota // anywhere in a participant's search line
	InNames                      // in their names
	OutsideNames                 // in the line, but not in their names
)

// SearchMatch is how an engine finds the participants a search's words
// match (Dialect.SearchMatch): either IDs, a query of their IDs (one column,
// id) read at once as a set, then put in the order of names here
// (SQLite's FTS5 answers sets quickly); or Cond, a condition on
// participant p, for queries in the order of names that stop at the end of
// the page (a server's planner walks the list of names for common words,
// and finds rare ones by its index). Args are the arguments of either.
type SearchMatch struct {
	IDs  string
	Cond string
	Args []any
}

// cond is the match as a condition on participant p.
func (m SearchMatch) cond() string {
	if m.IDs != "" {
		return "p.id IN (" + m.IDs + ")"
	}
	return m.Cond
}

// rankedFromSets appends to ids (the people whose code or ticket was
// typed, sorted in coded) the people the words typed find in their names
// (names: a set), then the others, each in the order of names, up to want.
func rankedFromSets(ctx context.Context, tx *sqlTx, ids, coded []int64, words []string, names SearchMatch, prefix string,
	where []string, args []any, want int) ([]int64, error) {
	inNames, err := matchIDs(ctx, tx, names)
	if err == nil {
		// People often type the start of a last name: the list of names
		// has those side by side.
		ids, err = appendByName(ctx, tx, ids, without(inNames, coded), prefix, where, args, want)
	}
	if err == nil && (want == 0 || len(ids) < want) {
		var all []int64
		if all, err = matchIDs(ctx, tx, tx.d.SearchMatch(words, InLine)); err == nil {
			ids, err = appendByName(ctx, tx, ids, without(without(all, inNames), coded), "", where, args, want)
		}
	}
	return ids, err
}

// rankedInOrder is rankedFromSets for a match that is a condition: the
// people found in their names, then the others, each read in the order of
// names until want.
func rankedInOrder(ctx context.Context, tx *sqlTx, ids, coded []int64, words []string, names SearchMatch,
	where []string, args []any, want int) ([]int64, error) {
	ids, err := appendInOrder(ctx, tx, ids, coded, names.Cond, names.Args, where, args, want)
	if err == nil && (want == 0 || len(ids) < want) {
		others := tx.d.SearchMatch(words, OutsideNames)
		ids, err = appendInOrder(ctx, tx, ids, coded, others.Cond, others.Args, where, args, want)
	}
	return ids, err
}

// appendInOrder appends to ids the people who meet cond (whose arguments
// are condArgs) and the filters, in the order of names, until ids has want
// of them (want 0: all); those in coded (sorted) are there already.
func appendInOrder(ctx context.Context, tx *sqlTx, ids, coded []int64, cond string, condArgs []any,
	where []string, args []any, want int) ([]int64, error) {
	text := "SELECT p.id FROM participant p WHERE " + strings.Join(append([]string{cond}, where...), " AND ") +
		" ORDER BY p.sort_key, p.id"
	all := append(slices.Clip(condArgs), args...)
	if want > 0 {
		text += " LIMIT ?"
		all = append(all, want-len(ids)+len(coded))
	}
	found, err := queryIDs(ctx, tx, text, all...)
	for _, id := range found {
		if want > 0 && len(ids) == want {
			break
		}
		if _, dup := slices.BinarySearch(coded, id); !dup {
			ids = append(ids, id)
		}
	}
	return ids, err
}

// matchIDs returns the IDs of the participants a match of IDs finds,
// sorted. They come as one text: reading one row is quicker than reading
// thousands.
func matchIDs(ctx context.Context, tx *sqlTx, m SearchMatch) ([]int64, error) {
	var list string
	err := tx.QueryRowContext(ctx, "SELECT coalesce(string_agg(cast(m.id AS text), ','), '') FROM ("+m.IDs+") AS m", m.Args...).Scan(&list)
	ids := splitIDs(list)
	slices.Sort(ids)
	return ids, err
}

// without returns the sorted IDs a less those in the sorted b.
func without(a, b []int64) []int64 {
	if len(b) == 0 {
		return a
	}
	out := make([]int64, 0, len(a))
	for _, id := range a {
		if _, found := slices.BinarySearch(b, id); !found {
			out = append(out, id)
		}
	}
	return out
}

// appendByName appends to ids those of hits (sorted) who pass the filters,
// in the order of their names, until ids has want of them (want 0: all).
//
// The list of names (last name, then first name) can be read in order, or
// the hits looked up and sorted: reading the next name costs about a quarter
// of a look-up. When hits are many, the first ones come soon reading the
// list from the top. Otherwise the hits whose names start with prefix, side
// by side in the list, are read there, and only the others looked up.
func appendByName(ctx context.Context, tx *sqlTx, ids, hits []int64, prefix string, where []string, args []any, want int) ([]int64, error) {
	n := len(hits)
	if want > 0 {
		n = min(n, want-len(ids))
	}
	if n <= 0 {
		return ids, nil
	}
	var near []int64 // the hits whose names start with prefix, in order
	others := hits
	if len(where) == 0 {
		var last int64
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM participant").Scan(&last); err != nil {
			return nil, err
		}
		if int64(n)*last < 4*int64(len(hits))*int64(len(hits)) {
			return readNames(ctx, tx, ids, hits, "", n)
		}
		if prefix != "" {
			var err error
			if near, err = readNames(ctx, tx, nil, hits, prefix, len(hits)); err != nil {
				return nil, err
			}
			others = without(hits, slices.Sorted(slices.Values(near)))
		}
	}
	// The others come before or after the names starting with prefix.
	var before, after []int64
	if len(others) > 0 {
		// CROSS JOIN: SQLite reads the list first.
		text := "SELECT p.id, p.sort_key < ? FROM " + tx.d.IDList() + " j CROSS JOIN participant p WHERE p.id = j.value"
		if len(where) > 0 {
			text += " AND " + strings.Join(where, " AND ")
		}
		rows, err := tx.QueryContext(ctx, text+" ORDER BY p.sort_key, p.id LIMIT ?", append(append([]any{prefix, idsJSON(others)}, args...), n)...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var first bool
			if err := rows.Scan(&id, &first); err != nil {
				return nil, err
			}
			if first {
				before = append(before, id)
			} else {
				after = append(after, id)
			}
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	ordered := slices.Concat(before, near, after)
	return append(ids, ordered[:min(n, len(ordered))]...), nil
}

// readNames reads the list of names in order, those starting with prefix
// ("": all), and appends to ids the first n of hits (sorted) it meets.
func readNames(ctx context.Context, tx *sqlTx, ids, hits []int64, prefix string, n int) ([]int64, error) {
	text, args := "SELECT id FROM participant ORDER BY sort_key, id", []any{}
	if prefix != "" {
		// U+10FFFF, the last character, sorts after every name starting
		// with prefix.
		text = "SELECT id FROM participant WHERE sort_key >= ? AND sort_key < ? ORDER BY sort_key, id"
		args = []any{prefix, prefix + "\U0010FFFF"}
	}
	rows, err := tx.QueryContext(ctx, text, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for end := len(ids) + n; len(ids) < end && rows.Next(); {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if _, found := slices.BinarySearch(hits, id); found {
			ids = append(ids, id)
		}
	}
	return ids, rows.Err()
}

// idsJSON writes ids as a JSON array, for the Dialect's IDList.
func idsJSON(ids []int64) string {
	b := make([]byte, 0, 8*len(ids)+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// splitIDs reads a comma-separated list of IDs, as string_agg writes it.
func splitIDs(list string) []int64 {
	var ids []int64
	var id int64
	for i := 0; i < len(list); i++ {
		if c := list[i]; c == ',' {
			ids = append(ids, id)
			id = 0
		} else {
			id = id*10 + int64(c-'0')
		}
	}
	if list != "" {
		ids = append(ids, id)
	}
	return ids
}

// participantRows computes the display rows of these participants, in order.
func participantRows(ctx context.Context, tx *sqlTx, ids []int64) ([]ParticipantRow, error) {
	list := make([]ParticipantRow, 0, len(ids))
	rows, err := tx.QueryContext(ctx, `SELECT p.id, p.code, p.first_name, p.last_name, p.email, coalesce(o.name, ''),
		p.category_id, c.name, c.colour, p.status, p.region,
		(SELECT string_agg(cast(day AS text), ',') FROM participant_day WHERE participant_id = p.id),
		(SELECT string_agg(cast(a.day AS text), ',') FROM (SELECT DISTINCT c.day FROM checkin c
			WHERE c.participant_id = p.id AND c.kind = 'arrival'
			AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id)) AS a),
		EXISTS (SELECT 1 FROM badge_print b WHERE b.participant_id = p.id)
		FROM `+tx.d.IDList()+` j JOIN participant p ON p.id = j.value
		LEFT JOIN organisation o ON o.id = p.organisation_id JOIN category c ON c.id = p.category_id
		ORDER BY j.key`, idsJSON(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r ParticipantRow
		var days, arrived sql.NullString
		if err := rows.Scan(&r.ID, &r.Code, &r.FirstName, &r.LastName, &r.Email, &r.Organisation,
			&r.CategoryID, &r.Category, &r.CategoryColour, &r.Status, &r.Region, &days, &arrived, &r.BadgePrinted); err != nil {
			return nil, err
		}
		// In any order from the engine: sorted here, which costs less than
		// a sort in each row's aggregate.
		r.Days, r.CheckedInDays = splitDays(days.String), splitDays(arrived.String)
		slices.Sort(r.Days)
		slices.Sort(r.CheckedInDays)
		list = append(list, r)
	}
	return list, rows.Err()
}

// SearchParticipants is the search box: the best matches first.
func (s *Store) SearchParticipants(ctx context.Context, text string, limit int) ([]ParticipantRow, error) {
	return s.ListParticipants(ctx, ParticipantQuery{Search: text, Limit: limit})
}

func splitDays(s string) []Day {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	days := make([]Day, len(parts))
	for i, p := range parts {
		days[i] = Day(p)
	}
	return days
}

// descending reverses every term of an ORDER BY list.
func descending(order string) string {
	var terms []string
	depth, start := 0, 0
	for i, r := range order {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				terms = append(terms, strings.TrimSpace(order[start:i])+" DESC")
				start = i + 1
			}
		}
	}
	terms = append(terms, strings.TrimSpace(order[start:])+" DESC")
	return strings.Join(terms, ", ")
}

// Duplicate is a participant who may be the same person as another.
type Duplicate struct {
	Participant
	Reason string // "email" or "name"
}

// PossibleDuplicates returns the participants who may be the same person as
// p: the same email (unless both hold a ticket of their own under other
// names: colleagues of one order, see orderColleagues), or the same name
// and organisation ignoring case and accents. p itself (by ID) is left
// out; p need not be saved.
func (s *Store) PossibleDuplicates(ctx context.Context, p Participant) ([]Duplicate, error) {
	var out []Duplicate
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		out, err = possibleDuplicates(ctx, tx, p)
		return err
	})
	return out, err
}

func possibleDuplicates(ctx context.Context, tx *sqlTx, p Participant) ([]Duplicate, error) {
	var out []Duplicate
	seen := map[int64]bool{p.ID: true}
	if email := strings.ToLower(strings.TrimSpace(p.Email)); email != "" {
		ids, err := queryIDs(ctx, tx, "SELECT id FROM participant WHERE email <> '' AND "+tx.d.NoCase("email")+" = "+tx.d.NoCase("?")+" ORDER BY id", email)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			d, err := loadParticipant(ctx, tx, "p.id = ?", id)
			if err != nil {
				return nil, err
			}
			colleague, err := orderColleagues(ctx, tx, &p, &d)
			if err != nil {
				return nil, err
			}
			if colleague {
				continue // one order's tickets, each its own holder's (duplicates.go)
			}
			out = append(out, Duplicate{d, "email"})
		}
	}
	ids, err := queryIDs(ctx, tx, "SELECT id FROM participant WHERE name_key = ? ORDER BY id", Fold(p.FirstName+" "+p.LastName))
	if err != nil {
		return nil, err
	}
	org := Fold(p.Organisation)
	for _, id := range ids {
		if seen[id] {
			continue
		}
		d, err := loadParticipant(ctx, tx, "p.id = ?", id)
		if err != nil {
			return nil, err
		}
		if Fold(d.Organisation) == org {
			seen[id] = true
			out = append(out, Duplicate{d, "name"})
		}
	}
	return out, nil
}

// DuplicateGroups lists, over the whole file, the groups of participant IDs
// that may be one person: the same email (colleagues of one order left
// out, see orderColleagues), or the same name and organisation ignoring
// case and accents.
func (s *Store) DuplicateGroups(ctx context.Context) ([][]int64, error) {
	var groups [][]int64
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT p.id, lower(p.email), p.name_key, coalesce(o.name, '')
			FROM participant p LEFT JOIN organisation o ON o.id = p.organisation_id ORDER BY p.id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		byEmail, byName := map[string][]int64{}, map[string][]int64{}
		names := map[int64]string{}
		var emailKeys, nameKeys []string // first-seen order, for a stable result
		for rows.Next() {
			var id int64
			var email, name, org string
			if err := rows.Scan(&id, &email, &name, &org); err != nil {
				return err
			}
			names[id] = name
			if email != "" {
				if byEmail[email] == nil {
					emailKeys = append(emailKeys, email)
				}
				byEmail[email] = append(byEmail[email], id)
			}
			key := name + "|" + Fold(org)
			if byName[key] == nil {
				nameKeys = append(nameKeys, key)
			}
			byName[key] = append(byName[key], id)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		ticketed, err := ticketHolders(ctx, tx)
		if err != nil {
			return err
		}
		for _, k := range emailKeys {
			if g := sameEmailDuplicates(byEmail[k], names, ticketed); len(g) > 1 {
				groups = append(groups, g)
			}
		}
		for _, k := range nameKeys {
			if len(byName[k]) > 1 {
				groups = append(groups, byName[k])
			}
		}
		return nil
	})
	return groups, err
}

func queryIDs(ctx context.Context, tx *sqlTx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
