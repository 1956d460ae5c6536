package data

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// MaxBadgeOffset is the largest printer offset a badge layout accepts, in
// millimetres, either way.
const MaxBadgeOffset = 20.0

// BadgeSettings: what a badge layout shows and how it prints, set per layout
// in Settings. They are kept as JSON under these keys: a key added later is
// missing from older files and takes its default there.
type BadgeSettings struct {
	// Which fields appear (first and last name always do).
	Logo         bool `json:"logo"`
	Congress     bool `json:"congress"`
	JobTitle     bool `json:"job_title"`
	Organisation bool `json:"organisation"`
	Category     bool `json:"category"`
	Stand        bool `json:"stand"`
	QR           bool `json:"qr"`

	CutMarks  bool `json:"cut_marks"`
	Duplex    bool `json:"duplex"`     // the back carries the person's programme
	ShortEdge bool `json:"short_edge"` // the printer turns the sheet on its short edge (duplex only)

	// The printer's offset, in mm; each within ±MaxBadgeOffset.
	OffsetX float64 `json:"offset_x"`
	OffsetY float64 `json:"offset_y"`

	// Where a sheet's first badge starts, in mm from the paper's top and
	// left edges, for sheets of labels whose margins are printed on their
	// box. 0 (the default) centres the badges on the page down (top) or
	// across (left), as the layout does: no printer prints at the paper's
	// very edge. Each within 0 and MaxBadgeMargin.
	MarginTop  float64 `json:"margin_top"`
	MarginLeft float64 `json:"margin_left"`
	// The space between columns (GapX) and between rows (GapY) of badges
	// on a sheet, in mm; each within 0 and MaxBadgeGap.
	GapX float64 `json:"gap_x"`
	GapY float64 `json:"gap_y"`
}

// The largest sheet margin and gap between badges a layout accepts, in mm.
const (
	MaxBadgeMargin = 100.0
	MaxBadgeGap    = 50.0
)

// DefaultBadgeSettings are those of a layout never set: every field shown,
// no cut marks, one side, no offset.
func DefaultBadgeSettings() BadgeSettings {
	return BadgeSettings{Logo: true, Congress: true, JobTitle: true, Organisation: true, Category: true, Stand: true, QR: true}
}

// ErrOffsetInvalid refuses a printer offset out of range (or not a number).
var ErrOffsetInvalid = newErr(KindInvalid, "offset_invalid", "offset_x",
	"%s must be between −%g and +%g mm.",
	"%s doit être compris entre −%g et +%g mm.")

// ErrSheetSpaceInvalid refuses a sheet margin or a gap between badges out
// of range (or not a number).
var ErrSheetSpaceInvalid = newErr(KindInvalid, "sheet_space_invalid", "margin_top",
	"%s must be between 0 and %g mm.",
	"%s doit se situer entre 0 et %g mm.")

var (
	lLayout     = label{"The badge layout", "La mise en page des badges"}
	lOffsetX    = label{"The horizontal offset", "Le décalage horizontal"}
	lOffsetY    = label{"The vertical offset", "Le décalage vertical"}
	lMarginTop  = label{"The top margin", "La marge du haut"}
	lMarginLeft = label{"The left margin", "La marge de gauche"}
	lGapX       = label{"The gap between columns", "L'espace entre colonnes"}
	lGapY       = label{"The gap between rows", "L'espace entre rangées"}
)

// Validate checks that the offsets are numbers within ±MaxBadgeOffset mm,
// the margins within 0 and MaxBadgeMargin mm, the gaps within 0 and
// MaxBadgeGap mm.
func (b *BadgeSettings) Validate() error {
	for _, o := range []struct {
		v     float64
		field string
		l     label
	}{{b.OffsetX, "offset_x", lOffsetX}, {b.OffsetY, "offset_y", lOffsetY}} {
		if math.IsNaN(o.v) || math.Abs(o.v) > MaxBadgeOffset {
			return withField(localise(ErrOffsetInvalid, o.l, MaxBadgeOffset, MaxBadgeOffset), o.field)
		}
	}
	for _, o := range []struct {
		v     float64
		most  float64
		field string
		l     label
	}{
		{b.MarginTop, MaxBadgeMargin, "margin_top", lMarginTop}, {b.MarginLeft, MaxBadgeMargin, "margin_left", lMarginLeft},
		{b.GapX, MaxBadgeGap, "gap_x", lGapX}, {b.GapY, MaxBadgeGap, "gap_y", lGapY},
	} {
		if !(o.v >= 0 && o.v <= o.most) {
			return withField(localise(ErrSheetSpaceInvalid, o.l, o.most), o.field)
		}
	}
	return nil
}

// BadgeSettings returns the settings of a badge layout: the defaults when
// none were saved, and the default of any setting the saved ones lack.
func (s *Store) BadgeSettings(ctx context.Context, layout string) (BadgeSettings, error) {
	b := DefaultBadgeSettings()
	err := s.read(ctx, func(tx *sqlTx) error {
		var text string
		err := tx.QueryRowContext(ctx, "SELECT settings FROM badge_settings WHERE layout = ?", clean(layout)).Scan(&text)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		// Unmarshal leaves the fields whose keys are missing as they are.
		return json.Unmarshal([]byte(text), &b)
	})
	if err != nil {
		return DefaultBadgeSettings(), err
	}
	return b, nil
}

// SaveBadgeSettings saves the settings of a badge layout. Settings that a
// newer version of Congrès saved, and this one does not know, are kept.
func (s *Store) SaveBadgeSettings(ctx context.Context, layout string, b BadgeSettings) error {
	layout = clean(layout)
	if err := checkText("layout", lLayout, layout, true); err != nil {
		return err
	}
	if err := b.Validate(); err != nil {
		return err
	}
	text, err := json.Marshal(b)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sqlTx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO badge_settings (layout, settings) VALUES (?, ?)
			ON CONFLICT (layout) DO UPDATE SET settings = `+tx.d.JSONPatch("badge_settings.settings", "excluded.settings"), layout, string(text))
		return err
	})
}

// BadgeRow is everything printed on one person's badge, front and back.
type BadgeRow struct {
	ID                  int64
	Code                string
	FirstName, LastName string
	Organisation        string
	JobTitle            string
	Category            string          // the category's badge label
	CategoryColour      string          // #RRGGBB
	Stands              []string        // numbers of the stands where the person is contact or staff, in stand order ("2" before "10")
	Programme           []ProgrammeItem // the back of the badge, in day and time order
	Printed             int             // badges printed so far for this person
}

// ProgrammeItem is one line of the programme on the back of a badge.
type ProgrammeItem struct {
	SessionID  int64
	Kind       SessionKind
	Day        Day
	Start, End Clock
	Title      string
	Room       string // "" when no room yet
	Role       string // "" for an attendee; "speaker" or "facilitator"
}

// BadgeRows returns the badges of these participants, in the order of ids;
// IDs that no longer exist are left out, an ID given twice gives two rows
// (as ParticipantRows). A person's programme holds the sessions they are
// enrolled in (not those they wait for), those where they speak or
// facilitate, and every plenary on the days they attend, sorted by day,
// start and title.
//
// However many people, it asks four questions of the file: the people (with
// their days), the sessions, who is enrolled or on stage where, and who
// holds which stand; the answers are put together here.
func (s *Store) BadgeRows(ctx context.Context, ids []int64) ([]BadgeRow, error) {
	var list []BadgeRow
	err := s.read(ctx, func(tx *sqlTx) error {
		set := idsJSON(ids)
		people, days, err := badgeFronts(ctx, tx, set, len(ids))
		if err != nil || len(people) == 0 {
			return err
		}
		list = people
		stands, err := badgeStands(ctx, tx, days)
		if err != nil {
			return err
		}
		programmes, err := badgeProgrammes(ctx, tx, set, days)
		if err != nil {
			return err
		}
		for i := range list {
			list[i].Stands = stands[list[i].ID]
			list[i].Programme = programmes[list[i].ID]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return list, nil
}

// badgeFronts reads the people of the JSON array set, in its order, and
// the days each attends (in any order: they only choose the plenaries).
func badgeFronts(ctx context.Context, tx *sqlTx, set string, n int) ([]BadgeRow, map[int64][]Day, error) {
	rows, err := tx.QueryContext(ctx, `SELECT p.id, p.code, p.first_name, p.last_name, coalesce(o.name, ''), p.job_title,
		c.badge_label, c.colour, (SELECT count(*) FROM badge_print b WHERE b.participant_id = p.id),
		(SELECT string_agg(CAST(day AS text), ',') FROM participant_day WHERE participant_id = p.id)
		FROM `+tx.d.IDList()+` j JOIN participant p ON p.id = j.value
		LEFT JOIN organisation o ON o.id = p.organisation_id JOIN category c ON c.id = p.category_id
		ORDER BY j.key`, set)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	list := make([]BadgeRow, 0, n)
	days := make(map[int64][]Day, n)
	for rows.Next() {
		var r BadgeRow
		var d sql.NullString
		if err := rows.Scan(&r.ID, &r.Code, &r.FirstName, &r.LastName, &r.Organisation, &r.JobTitle,
			&r.Category, &r.CategoryColour, &r.Printed, &d); err != nil {
			return nil, nil, err
		}
		list = append(list, r)
		days[r.ID] = splitDays(d.String)
	}
	return list, days, rows.Err()
}

// badgeStands returns the numbers of the stands of these people (the keys
// of people), as contact or staff, in the order of Stands.
func badgeStands(ctx context.Context, tx *sqlTx, people map[int64][]Day) (map[int64][]string, error) {
	// Stands are few: all their people are read, and those asked for kept.
	rows, err := tx.QueryContext(ctx, `SELECT x.participant_id, s.number FROM (
			SELECT contact_id AS participant_id, id AS stand_id FROM stand WHERE contact_id IS NOT NULL
			UNION
			SELECT participant_id, stand_id FROM stand_staff
		) x JOIN stand s ON s.id = x.stand_id
		ORDER BY length(s.number), s.number, s.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	stands := map[int64][]string{}
	for rows.Next() {
		var id int64
		var number string
		if err := rows.Scan(&id, &number); err != nil {
			return nil, err
		}
		if _, ok := people[id]; ok {
			stands[id] = append(stands[id], number)
		}
	}
	return stands, rows.Err()
}

// badgeProgrammes returns the programmes of the people of set, who attend
// the days given for each.
func badgeProgrammes(ctx context.Context, tx *sqlTx, set string, days map[int64][]Day) (map[int64][]ProgrammeItem, error) {
	// The sessions, in the order of a programme: a session's place in
	// this list orders the lines of every person's programme.
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.kind, s.day, s.start_min, s.end_min, s.title, coalesce(r.name, '')
		FROM session s LEFT JOIN room r ON r.id = s.room_id ORDER BY s.day, s.start_min, s.title, s.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var sessions []ProgrammeItem
	place := map[int64]int{}
	plenaries := map[Day][]int{}
	for rows.Next() {
		var it ProgrammeItem
		if err := rows.Scan(&it.SessionID, &it.Kind, &it.Day, &it.Start, &it.End, &it.Title, &it.Room); err != nil {
			return nil, err
		}
		place[it.SessionID] = len(sessions)
		if it.Kind == KindPlenary {
			plenaries[it.Day] = append(plenaries[it.Day], len(sessions))
		}
		sessions = append(sessions, it)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()

	// Each person's lines: the plenaries of their days, and where they
	// are enrolled or on stage. A session may come twice (a speaker at a
	// plenary on a day they attend): the role wins.
	type line struct {
		place int
		role  string
	}
	lines := make(map[int64][]line, len(days))
	for id, ds := range days {
		for _, d := range ds {
			for _, p := range plenaries[d] {
				lines[id] = append(lines[id], line{place: p})
			}
		}
	}
	rows, err = tx.QueryContext(ctx, `
		SELECT e.participant_id, e.session_id, '' FROM `+tx.d.IDList()+` j JOIN enrolment e ON e.participant_id = j.value
			WHERE e.status = 'enrolled'
		UNION ALL
		SELECT sp.participant_id, sp.session_id, sp.role FROM `+tx.d.IDList()+` j JOIN session_person sp ON sp.participant_id = j.value`, set, set)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, session int64
		var role string
		if err := rows.Scan(&id, &session, &role); err != nil {
			return nil, err
		}
		if p, ok := place[session]; ok {
			lines[id] = append(lines[id], line{p, role})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}

	programmes := make(map[int64][]ProgrammeItem, len(lines))
	for id, ls := range lines {
		slices.SortFunc(ls, func(a, b line) int {
			if a.place != b.place {
				return a.place - b.place
			}
			return cmp.Compare(b.role, a.role) // a role before none
		})
		items := make([]ProgrammeItem, 0, len(ls))
		for i, l := range ls {
			if i > 0 && ls[i-1].place == l.place {
				continue
			}
			it := sessions[l.place]
			it.Role = l.role
			items = append(items, it)
		}
		programmes[id] = items
	}
	return programmes, nil
}

// CountBadgePrinted returns how many of these people already have at least
// one badge printed.
func (s *Store) CountBadgePrinted(ctx context.Context, ids []int64) (int, error) {
	var n int
	err := s.read(ctx, func(tx *sqlTx) error {
		return tx.QueryRowContext(ctx, `SELECT count(DISTINCT participant_id) FROM badge_print
			WHERE participant_id IN (SELECT value FROM `+tx.d.IDList()+` j)`, idsJSON(ids)).Scan(&n)
	})
	return n, err
}

// CountParticipants counts those whom the query selects, whatever its
// order, limit and offset: the badges that the exports' preview announces,
// which read all 48,000 IDs at 50,000 people only to count them (issue
// 19: 300 ms). Without a search, the count is kept until the file
// changes (kept_reads.go).
func (s *Store) CountParticipants(ctx context.Context, q ParticipantQuery) (int, error) {
	q.Sort, q.Desc, q.Limit, q.Offset = SortName, false, 0, 0
	var n int
	err := s.read(ctx, func(tx *sqlTx) error {
		if q.Search != "" { // matched in Go too (search.go): counted as listed
			ids, err := participantIDs(ctx, tx, q)
			n = len(ids)
			return err
		}
		var err error
		n, err = keptRead(ctx, s, tx, fmt.Sprintf("count %+v", q), func(ctx context.Context, tx *sqlTx) (int, error) {
			where, args := filterSQL(tx.d, q)
			text := "SELECT count(*) FROM participant p"
			if len(where) > 0 {
				text += " WHERE " + strings.Join(where, " AND ")
			}
			var n int
			err := tx.QueryRowContext(ctx, text, args...).Scan(&n)
			return n, err
		}, func(n int) int { return n })
		return err
	})
	return n, err
}
