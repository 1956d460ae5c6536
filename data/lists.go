package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"
)

// Lists with chosen columns ("caterer list": name, organisation, diet,
// days), saved under a name with their filter in the congress file, and
// exported to XLSX or CSV. The columns are read from an Attendee (see
// EachAttendee).

// ListPreset is a named list with chosen columns and a filter, kept in the
// congress file ("caterer list", "hotel list").
type ListPreset struct {
	ID      int64
	Name    string
	Columns []string         // keys of ListColumns, in order
	Filter  ParticipantQuery // Search, CategoryID, Status, Day, Region, CheckedIn, BadgePrinted, SkipCancelled, Sort
}

// ListColumn is a column a list can show.
type ListColumn struct {
	Key     string // stable: "last_name"
	LabelEN string
	LabelFR string
}

var listColumns = []ListColumn{
	{"code", "Code", "Code"},
	{"last_name", "Last name", "Nom"},
	{"first_name", "First name", "Prénom"},
	{"email", "Email", "E-mail"},
	{"phone", "Phone", "Téléphone"},
	{"organisation", "Organisation", "Organisation"},
	{"job_title", "Job title", "Fonction"},
	{"category", "Category", "Catégorie"},
	{"region", "Region", "Région"},
	{"status", "Status", "Statut"},
	{"days", "Days", "Jours"},
	{"arrivals", "Arrivals", "Arrivées"},
	{"checked_in", "Checked in", "Présent·e"},
	{"fee", "Fee (€)", "Tarif (€)"},
	{"paid", "Paid", "Payé"},
	{"diet", "Dietary requirement", "Régime alimentaire"},
	{"accessibility", "Accessibility", "Accessibilité"},
	{"image_consent", "Image consent", "Droit à l'image"},
	{"notes", "Notes", "Notes"},
	{"badge_printed", "Badge printed", "Badge imprimé"},
	{"created_at", "Registered on", "Inscrit·e le"},
}

// ListColumns are the columns a list preset can have, in their natural order.
func ListColumns() []ListColumn { return append([]ListColumn(nil), listColumns...) }

func listColumn(key string) (ListColumn, bool) {
	for _, c := range listColumns {
		if c.Key == key {
			return c, true
		}
	}
	return ListColumn{}, false
}

// ColumnValue is a column of an attendee as a cell, typed so that a
// spreadsheet can type it: a string (text columns, "" when empty), a
// float64 (the fee, in euros), a bool (checked_in, paid, image_consent,
// badge_printed), a time.Time (created_at), or nil for an unknown key.
// status is the stable value ("confirmed"), for the writer to translate.
// days are the congress days, in order, as Attendee.Arrivals follows them:
// "days" writes the days the person registered for ("25/11, 26/11"),
// "arrivals" the days they arrived with the time, local ("25/11 09:12").
func ColumnValue(a *Attendee, key string, days []Day) any {
	switch key {
	case "code":
		return a.Code
	case "last_name":
		return a.LastName
	case "first_name":
		return a.FirstName
	case "email":
		return a.Email
	case "phone":
		return a.Phone
	case "organisation":
		return a.Organisation
	case "job_title":
		return a.JobTitle
	case "category":
		return a.Category
	case "region":
		return a.Region
	case "status":
		return string(a.Status)
	case "days":
		parts := make([]string, len(a.Days))
		for i, d := range a.Days {
			parts[i] = d.short()
		}
		return strings.Join(parts, ", ")
	case "arrivals":
		var parts []string
		for i, at := range a.Arrivals {
			if i < len(days) && !at.IsZero() {
				parts = append(parts, days[i].short()+" "+at.Local().Format("15:04"))
			}
		}
		return strings.Join(parts, ", ")
	case "checked_in":
		for _, at := range a.Arrivals {
			if !at.IsZero() {
				return true
			}
		}
		return false
	case "fee":
		return float64(a.FeeCents) / 100
	case "paid":
		return a.Paid
	case "diet":
		return a.Diet
	case "accessibility":
		return a.Accessibility
	case "image_consent":
		return a.ImageConsent
	case "notes":
		return a.Notes
	case "badge_printed":
		return a.BadgePrinted
	case "created_at":
		if a.CreatedAt.IsZero() {
			return nil
		}
		return a.CreatedAt
	}
	return nil
}

// short writes the day as dd/mm: "25/11".
func (d Day) short() string {
	if len(d) != len(time.DateOnly) {
		return string(d)
	}
	return string(d[8:10]) + "/" + string(d[5:7])
}

// The refusals of a list preset.
var (
	ErrNoColumns = newErr(KindInvalid, "no_columns", "columns",
		"A list needs at least one column.",
		"Une liste doit avoir au moins une colonne.")
	ErrColumnUnknown = newErr(KindInvalid, "column_unknown", "columns",
		"“%s” is not a column a list can show.",
		"«%s» n'est pas une colonne qu'une liste peut montrer.")
	ErrColumnTwice = newErr(KindInvalid, "column_twice", "columns",
		"The column “%s” is chosen twice.",
		"La colonne «%s» est choisie deux fois.")
	ErrListNotFound = newErr(KindNotFound, "list_not_found", "name",
		"There is no list named “%s”.",
		"Il n'y a pas de liste nommée «%s».")
)

var (
	lList  = label{"List", "Liste"}
	lAList = label{"The list", "La liste"}
)

// Validate checks the preset's own rules: a name, at least one column,
// every column known and chosen once, a filter with a known status and a
// well-written day.
func (p *ListPreset) Validate() error {
	p.Name = clean(p.Name)
	if err := checkText("name", lName, p.Name, true); err != nil {
		return err
	}
	if len(p.Columns) == 0 {
		return ErrNoColumns
	}
	seen := map[string]bool{}
	for _, key := range p.Columns {
		c, ok := listColumn(key)
		if !ok {
			return ErrColumnUnknown.With(key)
		}
		if seen[key] {
			e := ErrColumnTwice.With(c.LabelEN)
			e.frArgs = []any{c.LabelFR}
			return e
		}
		seen[key] = true
	}
	switch p.Filter.Status {
	case "", StatusPending, StatusConfirmed, StatusCancelled:
	default:
		return ErrStatusInvalid.With(p.Filter.Status)
	}
	if p.Filter.Day != "" {
		if _, err := ParseDay(string(p.Filter.Day)); err != nil {
			return err
		}
	}
	return nil
}

// presetKey is the key under which two names of lists are the same: folded,
// or lower-cased when folding leaves nothing.
func presetKey(name string) string {
	if k := Fold(name); k != "" {
		return k
	}
	return strings.ToLower(name)
}

// presetFilter is a list's filter as kept in the file: words rather than
// numbers for the choices, so that the file does not depend on the order
// of Go constants. A key missing (written by an older version) or a word
// unknown (by a newer one) takes its default, and saving keeps the keys
// this version does not know, as badge settings do. Limit and Offset are
// not kept.
type presetFilter struct {
	Search        string `json:"search"`
	CategoryID    int64  `json:"category_id"`
	Status        Status `json:"status"`
	Day           Day    `json:"day"`
	Region        string `json:"region"`
	CheckedIn     string `json:"checked_in"`
	BadgePrinted  string `json:"badge_printed"`
	SkipCancelled bool   `json:"skip_cancelled"`
	Sort          string `json:"sort"`
	Desc          bool   `json:"desc"`
}

var (
	triWords  = map[Tri]string{Yes: "yes", No: "no"}
	sortWords = map[SortBy]string{SortName: "name", SortOrganisation: "organisation", SortCategory: "category",
		SortStatus: "status", SortCreated: "created"}
)

// word finds the key of a word in one of the maps above (the zero key when
// unknown).
func word[K comparable](words map[K]string, w string) K {
	for k, v := range words {
		if v == w {
			return k
		}
	}
	var zero K
	return zero
}

func encodeFilter(q ParticipantQuery) (string, error) {
	b, err := json.Marshal(presetFilter{Search: q.Search, CategoryID: q.CategoryID, Status: q.Status, Day: q.Day,
		Region: q.Region, CheckedIn: triWords[q.CheckedIn], BadgePrinted: triWords[q.BadgePrinted],
		SkipCancelled: q.SkipCancelled, Sort: sortWords[q.Sort], Desc: q.Desc})
	return string(b), err
}

func decodeFilter(text string) (ParticipantQuery, error) {
	var f presetFilter
	if err := json.Unmarshal([]byte(text), &f); err != nil {
		return ParticipantQuery{}, err
	}
	return ParticipantQuery{Search: f.Search, CategoryID: f.CategoryID, Status: f.Status, Day: f.Day, Region: f.Region,
		CheckedIn: word(triWords, f.CheckedIn), BadgePrinted: word(triWords, f.BadgePrinted),
		SkipCancelled: f.SkipCancelled, Sort: word(sortWords, f.Sort), Desc: f.Desc}, nil
}

const presetColumns = "id, name, columns, filter"

func scanPreset(sc interface{ Scan(...any) error }) (ListPreset, error) {
	var p ListPreset
	var columns, filter string
	if err := sc.Scan(&p.ID, &p.Name, &columns, &filter); err != nil {
		return p, err
	}
	if err := json.Unmarshal([]byte(columns), &p.Columns); err != nil {
		return p, err
	}
	var err error
	p.Filter, err = decodeFilter(filter)
	return p, err
}

// ListPresets returns the saved presets by name.
func (s *Store) ListPresets(ctx context.Context) ([]ListPreset, error) {
	var list []ListPreset
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+presetColumns+" FROM list_preset ORDER BY name_key, id")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanPreset(rows)
			if err != nil {
				return err
			}
			list = append(list, p)
		}
		return rows.Err()
	})
	return list, err
}

// ListPreset returns the preset of that name (case and accents ignored).
func (s *Store) ListPreset(ctx context.Context, name string) (ListPreset, error) {
	var p ListPreset
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		p, err = scanPreset(tx.QueryRowContext(ctx, "SELECT "+presetColumns+" FROM list_preset WHERE name_key = ?",
			presetKey(clean(name))))
		if err == sql.ErrNoRows {
			return ErrListNotFound.With(clean(name))
		}
		return err
	})
	return p, err
}

// SaveListPreset creates (ID 0) or updates a preset; its name is unique,
// ignoring case and accents.
func (s *Store) SaveListPreset(ctx context.Context, p *ListPreset) error {
	if err := p.Validate(); err != nil {
		return err
	}
	columns, err := json.Marshal(p.Columns)
	if err != nil {
		return err
	}
	filter, err := encodeFilter(p.Filter)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sqlTx) error {
		if p.ID == 0 {
			err := tx.QueryRowContext(ctx, "INSERT INTO list_preset (name, name_key, columns, filter) VALUES (?, ?, ?, ?) RETURNING id",
				p.Name, presetKey(p.Name), string(columns), filter).Scan(&p.ID)
			return fromDriver(tx.broke(err), nameTaken(lAList, p.Name))
		}
		res, err := tx.ExecContext(ctx, "UPDATE list_preset SET name = ?, name_key = ?, columns = ?, filter = "+tx.d.JSONPatch("filter", "?")+" WHERE id = ?",
			p.Name, presetKey(p.Name), string(columns), filter, p.ID)
		if err != nil {
			return fromDriver(err, nameTaken(lAList, p.Name))
		}
		return mustAffect(res, lList)
	})
}

// DeleteListPreset removes a preset.
func (s *Store) DeleteListPreset(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM list_preset WHERE id = ?", id)
		if err != nil {
			return err
		}
		return mustAffect(res, lList)
	})
}
