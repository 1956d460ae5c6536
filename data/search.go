package data

import (
	"context"
	"database/sql"
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

// ftsQuery turns what a person typed into an FTS5 query: every word a
// prefix, all words required. Empty when nothing searchable was typed.
func ftsQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
	var b strings.Builder
	for _, w := range words {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(w)
		b.WriteString(`"*`)
	}
	return b.String()
}

// arrivedSQL is true when participant p has an arrival not undone (on the
// day bound to the placeholder, when dayCond is used).
const arrivedSQL = `EXISTS (SELECT 1 FROM checkin c WHERE c.participant_id = p.id AND c.kind = 'arrival' %s
	AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id))`

// ListParticipants returns the participants the query selects, in its order.
func (s *Store) ListParticipants(ctx context.Context, q ParticipantQuery) ([]ParticipantRow, error) {
	var where []string
	var args []any
	from := "participant p"
	order := "p.sort_key, p.id"
	match := ftsQuery(q.Search)
	if strings.TrimSpace(q.Search) != "" && match == "" {
		return nil, nil // only punctuation: nothing can match
	}
	if match != "" {
		from = "participant_fts f JOIN participant p ON p.id = f.rowid"
		where = append(where, "participant_fts MATCH ?")
		args = append(args, match)
		if q.Sort == SortRelevance {
			order = "bm25(participant_fts, 4.0, 8.0, 2.0, 1.0, 10.0), p.sort_key, p.id"
		}
	}
	if q.CategoryID != 0 {
		where = append(where, "p.category_id = ?")
		args = append(args, q.CategoryID)
	}
	if q.Status != "" {
		where = append(where, "p.status = ?")
		args = append(args, q.Status)
	}
	if q.Day != "" {
		where = append(where, "EXISTS (SELECT 1 FROM participant_day d WHERE d.participant_id = p.id AND d.day = ?)")
		args = append(args, q.Day)
	}
	if q.Region != "" {
		where = append(where, "p.region = ? COLLATE NOCASE")
		args = append(args, q.Region)
	}
	if q.CheckedIn != Any {
		cond := strings.Replace(arrivedSQL, "%s", "", 1)
		if q.Day != "" {
			cond = strings.Replace(arrivedSQL, "%s", "AND c.day = ?", 1)
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
	switch q.Sort {
	case SortName:
		order = "p.sort_key, p.id"
	case SortOrganisation:
		order = "coalesce((SELECT name FROM organisation WHERE id = p.organisation_id), '') = '', (SELECT name FROM organisation WHERE id = p.organisation_id) COLLATE NOCASE, p.sort_key, p.id"
	case SortCategory:
		order = "(SELECT position FROM category WHERE id = p.category_id), p.sort_key, p.id"
	case SortStatus:
		order = "p.status, p.sort_key, p.id"
	case SortCreated:
		order = "p.created_at, p.id"
	}
	if q.Desc {
		order = descending(order)
	}
	sqlText := `SELECT p.id, p.code, p.first_name, p.last_name, p.email, coalesce(o.name, ''),
		p.category_id, c.name, c.colour, p.status, p.region,
		(SELECT group_concat(day, ',') FROM (SELECT day FROM participant_day WHERE participant_id = p.id ORDER BY day)),
		(SELECT group_concat(day, ',') FROM (SELECT DISTINCT c.day FROM checkin c WHERE c.participant_id = p.id AND c.kind = 'arrival'
			AND NOT EXISTS (SELECT 1 FROM checkin u WHERE u.cancels = c.id) ORDER BY c.day)),
		EXISTS (SELECT 1 FROM badge_print b WHERE b.participant_id = p.id)
		FROM ` + from + ` LEFT JOIN organisation o ON o.id = p.organisation_id JOIN category c ON c.id = p.category_id`
	if len(where) > 0 {
		sqlText += " WHERE " + strings.Join(where, " AND ")
	}
	sqlText += " ORDER BY " + order
	if q.Limit > 0 {
		sqlText += " LIMIT ? OFFSET ?"
		args = append(args, q.Limit, q.Offset)
	}
	var list []ParticipantRow
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, sqlText, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r ParticipantRow
			var days, arrived sql.NullString
			if err := rows.Scan(&r.ID, &r.Code, &r.FirstName, &r.LastName, &r.Email, &r.Organisation,
				&r.CategoryID, &r.Category, &r.CategoryColour, &r.Status, &r.Region, &days, &arrived, &r.BadgePrinted); err != nil {
				return err
			}
			r.Days, r.CheckedInDays = splitDays(days.String), splitDays(arrived.String)
			list = append(list, r)
		}
		return rows.Err()
	})
	return list, err
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
// p: the same email, or the same name and organisation ignoring case and
// accents. p itself (by ID) is left out; p need not be saved.
func (s *Store) PossibleDuplicates(ctx context.Context, p Participant) ([]Duplicate, error) {
	var out []Duplicate
	err := s.read(ctx, func(tx *sql.Tx) error {
		seen := map[int64]bool{p.ID: true}
		email := strings.ToLower(strings.TrimSpace(p.Email))
		if email != "" {
			ids, err := queryIDs(ctx, tx, "SELECT id FROM participant WHERE email = ? COLLATE NOCASE ORDER BY id", email)
			if err != nil {
				return err
			}
			for _, id := range ids {
				if seen[id] {
					continue
				}
				seen[id] = true
				d, err := loadParticipant(ctx, tx, "p.id = ?", id)
				if err != nil {
					return err
				}
				out = append(out, Duplicate{d, "email"})
			}
		}
		ids, err := queryIDs(ctx, tx, "SELECT id FROM participant WHERE name_key = ? ORDER BY id", Fold(p.FirstName+" "+p.LastName))
		if err != nil {
			return err
		}
		org := Fold(p.Organisation)
		for _, id := range ids {
			if seen[id] {
				continue
			}
			d, err := loadParticipant(ctx, tx, "p.id = ?", id)
			if err != nil {
				return err
			}
			if Fold(d.Organisation) == org {
				seen[id] = true
				out = append(out, Duplicate{d, "name"})
			}
		}
		return nil
	})
	return out, err
}

// DuplicateGroups lists, over the whole file, the groups of participant IDs
// that may be one person (same email, or same name and organisation).
func (s *Store) DuplicateGroups(ctx context.Context) ([][]int64, error) {
	var groups [][]int64
	err := s.read(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`SELECT group_concat(id) FROM participant WHERE email <> '' GROUP BY email COLLATE NOCASE HAVING count(*) > 1`,
			`SELECT group_concat(p.id) FROM participant p LEFT JOIN organisation o ON o.id = p.organisation_id
				GROUP BY p.name_key, lower(coalesce(o.name, '')) HAVING count(*) > 1`,
		} {
			rows, err := tx.QueryContext(ctx, q)
			if err != nil {
				return err
			}
			for rows.Next() {
				var list string
				if err := rows.Scan(&list); err != nil {
					rows.Close()
					return err
				}
				var g []int64
				for _, f := range strings.Split(list, ",") {
					var id int64
					for _, c := range f {
						id = id*10 + int64(c-'0')
					}
					g = append(g, id)
				}
				groups = append(groups, g)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	return groups, err
}

func queryIDs(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
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
