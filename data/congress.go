package data

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"regexp"
	"sort"
	"strings"
	"time"
)

// Day is a calendar day of the congress, written YYYY-MM-DD.
type Day string

// ParseDay reads a day written YYYY-MM-DD.
func ParseDay(s string) (Day, error) {
	s = strings.TrimSpace(s)
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", ErrDayInvalid.With(s)
	}
	return Day(s), nil
}

// words writes the day for a sentence: "Thursday 25 November 2021",
// "jeudi 25 novembre 2021".
func (d Day) words(lang string) string {
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	if lang == "fr" {
		days := [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
		months := [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
		return fmt.Sprintf("%s %d %s %d", days[t.Weekday()], t.Day(), months[t.Month()-1], t.Year())
	}
	return t.Format("Monday 2 January 2006")
}

// withDay fills a template whose only argument is a day.
func withDay(tmpl *Error, d Day) *Error {
	e := tmpl.With(d.words("en"))
	e.frArgs = []any{d.words("fr")}
	return e
}

// Time returns midnight of the day, local time.
func (d Day) Time() time.Time {
	t, _ := time.ParseInLocation(time.DateOnly, string(d), time.Local)
	return t
}

// Congress is the event itself.
type Congress struct {
	Name    string
	Edition string
	Venue   string
	City    string
	Days    []Day // sorted, at least one
	Logo    []byte
	// The certificates of attendance are signed with this image (PNG or
	// JPEG, optional) above the signatory's name and role.
	Signature []byte
	Signatory string // "Marie Dupont, présidente"
	// Language is the language of everything the congress prints and
	// exports: "fr" or "en"; empty means French (congress_language.go).
	Language string
}

// Validate checks the congress's own rules and sorts its days.
func (c *Congress) Validate() error {
	c.Name, c.Edition, c.Venue, c.City = clean(c.Name), clean(c.Edition), clean(c.Venue), clean(c.City)
	c.Signatory = clean(c.Signatory)
	var err error
	if c.Language, err = validLanguage(clean(c.Language)); err != nil {
		return err
	}
	if err := checkText("name", lName, c.Name, true); err != nil {
		return err
	}
	for _, v := range []string{c.Edition, c.Venue, c.City} {
		if err := checkText("", lName, v, false); err != nil {
			return err
		}
	}
	if err := checkText("signatory", lSignatory, c.Signatory, false); err != nil {
		return err
	}
	if !validImage(c.Logo) {
		return ErrLogoInvalid
	}
	if !validImage(c.Signature) {
		return ErrSignatureInvalid
	}
	if len(c.Days) == 0 {
		return ErrNoDays
	}
	seen := map[Day]bool{}
	days := c.Days[:0:0]
	for _, d := range c.Days {
		if _, err := ParseDay(string(d)); err != nil {
			return err
		}
		if !seen[d] {
			seen[d] = true
			days = append(days, d)
		}
	}
	sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
	c.Days = days
	return nil
}

// validImage accepts no image, or a PNG or JPEG image of at most 5 MB.
func validImage(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(b))
	return err == nil && (format == "png" || format == "jpeg") && len(b) <= 5<<20
}

// Congress returns the congress's details and days.
func (s *Store) Congress(ctx context.Context) (Congress, error) {
	var c Congress
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		c, err = loadCongress(ctx, tx)
		return err
	})
	return c, err
}

func loadCongress(ctx context.Context, tx *sqlTx) (Congress, error) {
	var c Congress
	err := tx.QueryRowContext(ctx, "SELECT name, edition, venue, city, logo, signature, signatory, output_language FROM congress WHERE id = 1").
		Scan(&c.Name, &c.Edition, &c.Venue, &c.City, &c.Logo, &c.Signature, &c.Signatory, &c.Language)
	if err == sql.ErrNoRows {
		return c, notFound(lCongress)
	}
	if err != nil {
		return c, err
	}
	c.Days, err = congressDays(ctx, tx)
	return c, err
}

func congressDays(ctx context.Context, tx *sqlTx) ([]Day, error) {
	return queryDays(ctx, tx, "SELECT day FROM congress_day ORDER BY day")
}

func queryDays(ctx context.Context, tx *sqlTx, query string, args ...any) ([]Day, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var days []Day
	for rows.Next() {
		var d Day
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		days = append(days, d)
	}
	return days, rows.Err()
}

// UpdateCongress saves the congress's details. A day can be removed only if
// no session is planned on it; participants lose that day.
func (s *Store) UpdateCongress(ctx context.Context, c *Congress) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sqlTx) error { return saveCongress(ctx, tx, c) })
}

func saveCongress(ctx context.Context, tx *sqlTx, c *Congress) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO congress (id, name, edition, venue, city, logo, signature, signatory, output_language)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, edition = excluded.edition,
		venue = excluded.venue, city = excluded.city, logo = excluded.logo,
		signature = excluded.signature, signatory = excluded.signatory, output_language = excluded.output_language`,
		c.Name, c.Edition, c.Venue, c.City, c.Logo, c.Signature, c.Signatory, c.OutputLanguage())
	if err != nil {
		return err
	}
	old, err := congressDays(ctx, tx)
	if err != nil {
		return err
	}
	keep := map[Day]bool{}
	for _, d := range c.Days {
		keep[d] = true
		if _, err := tx.ExecContext(ctx, "INSERT INTO congress_day (day) VALUES (?) ON CONFLICT DO NOTHING", d); err != nil {
			return err
		}
	}
	for _, d := range old {
		if keep[d] {
			continue
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM session WHERE day = ?", d).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return withDay(ErrDayInUse, d)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM participant_day WHERE day = ?", d); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM congress_day WHERE day = ?", d); err != nil {
			return err
		}
	}
	return nil
}

// Category groups participants (members, partners, press…) and gives their
// badge its band.
type Category struct {
	ID         int64
	Name       string
	BadgeLabel string
	Colour     string // #RRGGBB
	Position   int
}

var colourRe = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// Validate checks the category's own rules.
func (c *Category) Validate() error {
	c.Name, c.BadgeLabel, c.Colour = clean(c.Name), clean(c.BadgeLabel), strings.ToUpper(clean(c.Colour))
	if c.BadgeLabel == "" {
		c.BadgeLabel = c.Name
	}
	if err := checkText("name", lName, c.Name, true); err != nil {
		return err
	}
	if err := checkText("badge_label", lBadgeLabel, c.BadgeLabel, true); err != nil {
		return err
	}
	if !colourRe.MatchString(c.Colour) {
		return ErrColourInvalid.With(c.Colour)
	}
	return nil
}

// DefaultCategories are those of a new congress.
func DefaultCategories() []Category {
	return []Category{
		{Name: "Adhérent·e", BadgeLabel: "ADHÉRENT·E", Colour: "#1F6FB2"},
		{Name: "Partenaire ESS", BadgeLabel: "PARTENAIRE", Colour: "#2E8B57"},
		{Name: "Élu·e", BadgeLabel: "ÉLU·E", Colour: "#8E2C8A"},
		{Name: "Institutionnel·le", BadgeLabel: "INSTITUTIONNEL·LE", Colour: "#5B5B5B"},
		{Name: "Intervenant·e", BadgeLabel: "INTERVENANT·E", Colour: "#D9822B"},
		{Name: "Exposant·e", BadgeLabel: "EXPOSANT·E", Colour: "#C0392B"},
		{Name: "Presse", BadgeLabel: "PRESSE", Colour: "#111111"},
		{Name: "Équipe", BadgeLabel: "ÉQUIPE", Colour: "#F1C40F"},
		{Name: "Bénévole", BadgeLabel: "BÉNÉVOLE", Colour: "#7FB3D5"},
	}
}

// DefaultCategoriesIn are those of a new congress whose language is lang
// ("fr" or "en"): a congress printed in English gets English names and
// badge labels, in the same colours.
func DefaultCategoriesIn(lang string) []Category {
	cats := DefaultCategories()
	if lang != "en" {
		return cats
	}
	en := [][2]string{{"Member", "MEMBER"}, {"Partner", "PARTNER"}, {"Elected representative", "ELECTED"},
		{"Institution", "INSTITUTION"}, {"Speaker", "SPEAKER"}, {"Exhibitor", "EXHIBITOR"}, {"Press", "PRESS"},
		{"Staff", "STAFF"}, {"Volunteer", "VOLUNTEER"}}
	for i := range cats {
		cats[i].Name, cats[i].BadgeLabel = en[i][0], en[i][1]
	}
	return cats
}

// Categories lists the categories in their order.
func (s *Store) Categories(ctx context.Context) ([]Category, error) {
	var cats []Category
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		cats, err = listCategories(ctx, tx)
		return err
	})
	return cats, err
}

func listCategories(ctx context.Context, tx *sqlTx) ([]Category, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, name, badge_label, colour, position FROM category ORDER BY position, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cats []Category
	for rows.Next() {
		var c Category
		if err := rows.Scan(&c.ID, &c.Name, &c.BadgeLabel, &c.Colour, &c.Position); err != nil {
			return nil, err
		}
		cats = append(cats, c)
	}
	return cats, rows.Err()
}

// SaveCategory creates the category (ID 0) or updates it.
func (s *Store) SaveCategory(ctx context.Context, c *Category) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sqlTx) error {
		if c.ID == 0 {
			if c.Position == 0 {
				if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(position), 0) + 1 FROM category").Scan(&c.Position); err != nil {
					return err
				}
			}
			return insertCategory(ctx, tx, c)
		}
		res, err := tx.ExecContext(ctx, "UPDATE category SET name = ?, badge_label = ?, colour = ?, position = ? WHERE id = ?",
			c.Name, c.BadgeLabel, c.Colour, c.Position, c.ID)
		if err != nil {
			return fromDriver(err, nameTaken(lACategory, c.Name))
		}
		return mustAffect(res, lCategory)
	})
}

func insertCategory(ctx context.Context, tx *sqlTx, c *Category) error {
	err := tx.QueryRowContext(ctx, "INSERT INTO category (name, badge_label, colour, position) VALUES (?, ?, ?, ?) RETURNING id",
		c.Name, c.BadgeLabel, c.Colour, c.Position).Scan(&c.ID)
	return fromDriver(tx.broke(err), nameTaken(lACategory, c.Name))
}

// ReorderCategories puts the categories in the order of ids; categories
// left out keep their place after them.
func (s *Store) ReorderCategories(ctx context.Context, ids []int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE category SET position = position + ?", len(ids)); err != nil {
			return err
		}
		for i, id := range ids {
			res, err := tx.ExecContext(ctx, "UPDATE category SET position = ? WHERE id = ?", i+1, id)
			if err != nil {
				return err
			}
			if err := mustAffect(res, lCategory); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteCategory deletes a category that nobody belongs to.
func (s *Store) DeleteCategory(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		var name string
		var n int
		err := tx.QueryRowContext(ctx, "SELECT name, (SELECT count(*) FROM participant WHERE category_id = c.id) FROM category c WHERE id = ?", id).Scan(&name, &n)
		if err == sql.ErrNoRows {
			return notFound(lCategory)
		}
		if err != nil {
			return err
		}
		if n > 0 {
			return inUse(lTheCategory, name, plural(n, "participant"))
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM category WHERE id = ?", id)
		return err
	})
}

func nameTaken(l label, name string) *Error {
	e := ErrNameTaken.With(l.en, name)
	e.frArgs = []any{l.fr, name}
	return e
}

func inUse(l label, name string, why [2]string) *Error {
	e := ErrInUse.With(l.en, name, why[0])
	e.frArgs = []any{l.fr, name, why[1]}
	return e
}

// plural says "3 participants belong to it" in both languages.
func plural(n int, what string) [2]string {
	switch what {
	case "participant":
		if n == 1 {
			return [2]string{"1 participant belongs to it", "1 participant·e en fait partie"}
		}
		return [2]string{itoa(n) + " participants belong to it", itoa(n) + " participant·es en font partie"}
	case "session":
		if n == 1 {
			return [2]string{"1 session takes place in it", "1 session s'y tient"}
		}
		return [2]string{itoa(n) + " sessions take place in it", itoa(n) + " sessions s'y tiennent"}
	}
	return [2]string{what, what}
}

func mustAffect(res sql.Result, l label) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound(l)
	}
	return nil
}
