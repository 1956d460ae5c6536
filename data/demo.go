package data

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// DemoOptions sizes the demo congress.
type DemoOptions struct {
	Participants int    // 0: 530, as at the real congress
	Seed         uint64 // 0: the fixed default; the demo is deterministic either way
}

// demoZone is the time zone of Lille in November.
var demoZone = time.FixedZone("CET", 3600)

// The demo's two days.
const (
	demoDay1 Day = "2021-11-25"
	demoDay2 Day = "2021-11-26"
)

// WriteDemo writes the demo congress to a new file at path: the 19th
// congress of a federation of social-economy enterprises, in Lille on 25–26
// November 2021. The file appears whole or not at all.
func WriteDemo(ctx context.Context, path string, opts DemoOptions) error {
	if fileExists(path) {
		return ErrFileExists.With(path)
	}
	if opts.Participants <= 0 {
		opts.Participants = 530
	}
	if opts.Seed == 0 {
		opts.Seed = 19
	}
	// The demo is built in a file of its own beside path (never a file
	// someone else made, such as path.part), then put in place whole.
	if err := files().CheckNetwork(path); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.part")
	if err != nil {
		return CreateCondition(path, err)
	}
	tmp := f.Name()
	f.Close()
	defer RemoveFile(tmp)
	s, err := newCongressIn(ctx, tmp, Congress{
		Name:    "Congrès de la Fédération des entreprises d'insertion",
		Edition: "19e congrès",
		Venue:   "Lille Grand Palais",
		City:    "Lille",
		Days:    []Day{demoDay1, demoDay2},
	})
	if err != nil {
		return CreateCondition(path, err)
	}
	clock := time.Date(2021, 9, 1, 9, 0, 0, 0, demoZone)
	s.SetClock(func() time.Time { return clock })
	src := newCodeSource(opts.Seed)
	s.codes = func() *codeSource { return src }
	g := &demoGen{s: s, rnd: rand.New(rand.NewPCG(opts.Seed, 2021)), n: opts.Participants}
	if err := s.write(ctx, func(tx *sqlTx) error { return g.fill(ctx, tx) }); err != nil {
		s.Close()
		return err
	}
	return closeInPlace(ctx, s, tmp, path)
}

type demoGen struct {
	s   *Store
	rnd *rand.Rand
	n   int
	tx  *sqlTx
	ctx context.Context

	cats     map[string]int64 // category name → id
	rooms    []int64
	roomCap  []int
	plenary  []int64
	slots    [][]int64 // workshop ids per parallel slot
	slotDay  []Day
	capacity map[int64]int
	enrolled map[int64]int
	people   []demoPerson
	emails   map[string]int
	codes    map[string]bool
}

type demoPerson struct {
	id       int64
	category string
	status   Status
	days     []Day
	created  time.Time
}

func (g *demoGen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *demoGen) exec(query string, args ...any) (int64, error) {
	res, err := g.tx.ExecContext(g.ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (g *demoGen) fill(ctx context.Context, tx *sqlTx) error {
	g.tx, g.ctx = tx, ctx
	g.cats = map[string]int64{}
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM category")
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return err
		}
		g.cats[name] = id
	}
	rows.Close()
	for _, step := range []func() error{g.programme, g.participants, g.speakers, g.enrolments, g.stands, g.arrivals} {
		if err := step(); err != nil {
			return err
		}
	}
	// Written in bulk, the search index is in pieces that every search
	// would visit: merge them into one.
	_, err = tx.ExecContext(ctx, "INSERT INTO participant_fts (participant_fts) VALUES ('optimize')")
	return err
}

// programme: a main hall for 4 plenaries, 6 rooms for 18 workshops in 3
// parallel slots.
func (g *demoGen) programme() error {
	rooms := []struct {
		name, location string
		capacity       int
	}{
		{"Grand Auditorium", "Niveau 0", 1500}, {"Salle Vauban", "Niveau 1", 60}, {"Salle Flandre", "Niveau 1", 45},
		{"Salle Artois", "Niveau 1", 40}, {"Salle Hainaut", "Niveau 2", 50}, {"Salle Cambrésis", "Niveau 2", 35},
		{"Salle Boulonnais", "Niveau 2", 80},
	}
	for _, r := range rooms {
		id, err := g.exec("INSERT INTO room (name, capacity, location) VALUES (?, ?, ?)", r.name, r.capacity, r.location)
		if err != nil {
			return err
		}
		g.rooms = append(g.rooms, id)
		g.roomCap = append(g.roomCap, r.capacity)
	}
	g.capacity, g.enrolled = map[int64]int{}, map[int64]int{}
	plenaries := []struct {
		title      string
		day        Day
		start, end Clock
	}{
		{"Ouverture du congrès : l'insertion, une force pour les territoires", demoDay1, 9*60 + 30, 11 * 60},
		{"Table ronde : emploi, climat, cohésion — quelles alliances ?", demoDay1, 11*60 + 15, 12*60 + 30},
		{"Grand témoin : parcours de salarié·es en insertion", demoDay2, 11 * 60, 12*60 + 30},
		{"Clôture : feuille de route 2022-2025 et vote des motions", demoDay2, 14 * 60, 15*60 + 30},
	}
	for _, p := range plenaries {
		id, err := g.exec("INSERT INTO session (kind, title, description, day, start_min, end_min, room_id) VALUES ('plenary', ?, ?, ?, ?, ?, ?)",
			p.title, "Plénière en Grand Auditorium, interprétation en LSF.", p.day, p.start, p.end, g.rooms[0])
		if err != nil {
			return err
		}
		g.plenary = append(g.plenary, id)
	}
	slots := []struct {
		day        Day
		start, end Clock
	}{{demoDay1, 14 * 60, 15*60 + 30}, {demoDay1, 16 * 60, 17*60 + 30}, {demoDay2, 9 * 60, 10*60 + 30}}
	w := 0
	for _, sl := range slots {
		var ids []int64
		for r := 1; r < len(g.rooms); r++ {
			id, err := g.exec("INSERT INTO session (kind, title, description, day, start_min, end_min, room_id) VALUES ('workshop', ?, ?, ?, ?, ?, ?)",
				demoWorkshops[w], "Atelier participatif : retours d'expérience et échanges entre structures.", sl.day, sl.start, sl.end, g.rooms[r])
			if err != nil {
				return err
			}
			g.capacity[id] = g.roomCap[r]
			ids = append(ids, id)
			w++
		}
		g.slots = append(g.slots, ids)
		g.slotDay = append(g.slotDay, sl.day)
	}
	return nil
}

// demoMix is the congress's make-up at 530 people; it scales with the size.
var demoMix = []struct {
	category string
	count    int
}{
	{"Partenaire ESS", 72}, {"Élu·e", 28}, {"Institutionnel·le", 35}, {"Intervenant·e", 30},
	{"Exposant·e", 45}, {"Presse", 8}, {"Équipe", 15}, {"Bénévole", 12},
}

func (g *demoGen) participants() error {
	g.emails, g.codes = map[string]int{}, map[string]bool{}
	var rows, dayRows [][]any
	orgs := map[string]int64{}
	org := func(name, kind, region string, member bool) (int64, error) {
		if id, ok := orgs[name]; ok {
			return id, nil
		}
		id, err := g.exec("INSERT INTO organisation (name, kind, member, region) VALUES (?, ?, ?, ?)", name, kind, member, region)
		orgs[name] = id
		return id, err
	}
	var plan []string
	for _, m := range demoMix {
		for range max(1, m.count*g.n/530) {
			plan = append(plan, m.category)
		}
	}
	for len(plan) < g.n {
		plan = append(plan, "Adhérent·e")
	}
	plan = plan[:g.n]
	// Registrations come in whatever the category; the first is a member,
	// Éric Béasse, whom the documentation's search examples find.
	g.rnd.Shuffle(len(plan), func(i, j int) { plan[i], plan[j] = plan[j], plan[i] })
	if m := slices.Index(plan, "Adhérent·e"); m > 0 {
		plan[0], plan[m] = plan[m], plan[0]
	}
	start := time.Date(2021, 9, 1, 8, 0, 0, 0, demoZone)
	span := time.Date(2021, 11, 22, 18, 0, 0, 0, demoZone).Sub(start)
	for i, cat := range plan {
		first, last := g.pick(demoFirstNames), g.pick(demoLastNames)
		if i == 0 {
			first, last = "Éric", "Béasse"
		} else if g.rnd.IntN(40) == 0 {
			n := demoOtherScripts[g.rnd.IntN(len(demoOtherScripts))]
			first, last = n[0], n[1]
		}
		region := g.pick(demoRegions)
		var orgName, kind, job string
		member := false
		switch cat {
		case "Partenaire ESS", "Exposant·e":
			orgName, kind = g.pick(demoPartnerOrgs), "Partenaire"
		case "Institutionnel·le", "Élu·e":
			orgName, kind = g.pick(demoInstitutions), "Collectivité"
		case "Équipe", "Bénévole":
			orgName, kind = "Fédération des entreprises d'insertion", "Fédération"
		case "Presse":
			orgName, kind = g.pick([]string{"La Voix du Nord", "Alternatives Économiques", "Le Média Social", "France 3 Hauts-de-France"}), "Presse"
		default:
			orgName, kind, member = g.pick(demoMemberOrgs), g.pick(demoOrgKinds), true
		}
		orgID, err := org(orgName, kind, region, member)
		if err != nil {
			return err
		}
		job = g.pick(demoJobs)
		if cat == "Élu·e" {
			job = g.pick([]string{"Vice-président·e", "Adjoint·e au maire", "Conseiller·ère régional·e", "Député·e"})
		}
		status := StatusConfirmed
		switch r := g.rnd.IntN(100); {
		case r < 3:
			status = StatusCancelled
		case r < 15:
			status = StatusPending
		}
		days := []Day{demoDay1, demoDay2}
		switch r := g.rnd.IntN(10); {
		case r == 0:
			days = []Day{demoDay1}
		case r == 1:
			days = []Day{demoDay2}
		}
		created := start.Add(time.Duration(float64(span) * float64(i) / float64(g.n)))
		p := Participant{FirstName: first, LastName: last}
		email := g.email(first, last, orgName)
		fee := int64(0)
		if cat == "Adhérent·e" || cat == "Partenaire ESS" {
			fee = 18000
		}
		code := g.s.codes().next()
		for g.codes[code] {
			code = g.s.codes().next()
		}
		g.codes[code] = true
		access := ""
		if g.rnd.IntN(60) == 0 {
			access = g.pick([]string{"Fauteuil roulant", "Boucle magnétique", "Interprète LSF", "Place réservée près de la scène"})
		}
		phone := fmt.Sprintf("06 %02d %02d %02d %02d", g.rnd.IntN(100), g.rnd.IntN(100), g.rnd.IntN(100), g.rnd.IntN(100))
		id := int64(i + 1) // the file is new: people are numbered from 1
		rows = append(rows, []any{id, code, first, last, email, phone,
			orgID, job, g.cats[cat], region, status, fee, fee > 0 && g.rnd.IntN(5) > 0, g.pick(demoDiets), access,
			g.rnd.IntN(10) > 0, "", sortKey(&p), Fold(p.FullName()), formatTime(created), formatTime(created)})
		for _, d := range days {
			dayRows = append(dayRows, []any{id, d})
		}
		g.people = append(g.people, demoPerson{id: id, category: cat, status: status, days: days, created: created})
	}
	err := g.insertRows("participant", []string{"id", "code", "first_name", "last_name", "email", "phone",
		"organisation_id", "job_title", "category_id", "region", "status", "fee_cents", "paid", "diet", "accessibility",
		"image_consent", "notes", "sort_key", "name_key", "created_at", "updated_at"}, rows)
	if err != nil {
		return err
	}
	return g.insertRows("participant_day", []string{"participant_id", "day"}, dayRows)
}

// insertRows inserts rows into table, as many per statement as SQLite
// takes parameters (32,766). Fewer statements are faster, and the search
// index (FTS5) writes out its pending terms whenever a statement that may
// need undoing begins, as inserting a participant does: one person per
// statement would leave tens of thousands of tiny index pieces to merge.
func (g *demoGen) insertRows(table string, columns []string, rows [][]any) error {
	row := "(" + strings.Repeat("?, ", len(columns)-1) + "?)"
	for len(rows) > 0 {
		n := min(len(rows), 32766/len(columns))
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES ")
		args := make([]any, 0, n*len(columns))
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(row)
			args = append(args, r...)
		}
		if _, err := g.tx.ExecContext(g.ctx, b.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

func (g *demoGen) email(first, last, org string) string {
	if g.rnd.IntN(25) == 0 {
		return "" // some register by phone
	}
	local := strings.ReplaceAll(Fold(first), " ", "-") + "." + strings.ReplaceAll(Fold(last), " ", "")
	domain := strings.ReplaceAll(Fold(org), " ", "") + ".fr"
	if !isASCII(local) {
		local = "contact"
	}
	if !isASCII(domain) || len(domain) > 40 {
		domain = "exemple.fr"
	}
	addr := local + "@" + domain
	g.emails[addr]++
	if n := g.emails[addr]; n > 1 {
		addr = fmt.Sprintf("%s%d@%s", local, n, domain)
	}
	return addr
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return s != ""
}

// speakers: each plenary gets three speakers, each workshop a facilitator
// and a speaker; nobody is in two places at once.
func (g *demoGen) speakers() error {
	var pool []int64
	for _, p := range g.people {
		if p.category == "Intervenant·e" && p.status != StatusCancelled {
			pool = append(pool, p.id)
		}
	}
	if len(pool) == 0 {
		return nil
	}
	next := 0
	take := func() int64 { id := pool[next%len(pool)]; next++; return id }
	add := func(session, person int64, role string) error {
		_, err := g.exec("INSERT OR IGNORE INTO session_person (session_id, participant_id, role) VALUES (?, ?, ?)", session, person, role)
		return err
	}
	for _, id := range g.plenary {
		for range 3 {
			if err := add(id, take(), "speaker"); err != nil {
				return err
			}
		}
	}
	for _, slot := range g.slots {
		next = 0 // parallel sessions: distinct people within a slot
		for _, id := range slot {
			if err := add(id, take(), "facilitator"); err != nil {
				return err
			}
			if err := add(id, take(), "speaker"); err != nil {
				return err
			}
		}
	}
	return nil
}

// enrolments: most members, partners and guests pick one workshop per slot
// on their days; popular workshops fill up and get waiting lists.
func (g *demoGen) enrolments() error {
	var rows [][]any
	for _, p := range g.people {
		switch p.category {
		case "Équipe", "Bénévole", "Presse", "Exposant·e", "Intervenant·e":
			continue
		}
		for s, slot := range g.slots {
			if !hasDay(p.days, g.slotDay[s]) || g.rnd.IntN(100) >= 70 {
				continue
			}
			// Earlier workshops in a slot are more popular.
			w := min(g.rnd.IntN(len(slot)), g.rnd.IntN(len(slot)))
			id := slot[w]
			st := Enrolled
			if g.enrolled[id] >= g.capacity[id] {
				st = Waitlisted
			} else if p.status != StatusCancelled {
				g.enrolled[id]++
			}
			if p.status == StatusCancelled {
				st = Withdrawn
			}
			rows = append(rows, []any{p.id, id, st, formatTime(p.created.Add(time.Minute))})
		}
	}
	return g.insertRows("enrolment", []string{"participant_id", "session_id", "status", "at"}, rows)
}

func hasDay(days []Day, d Day) bool {
	for _, x := range days {
		if x == d {
			return true
		}
	}
	return false
}

// stands: 39 stands in 3 zones of 13, on a floor plan of 7 columns.
func (g *demoGen) stands() error {
	var exhibitors []demoPerson
	for _, p := range g.people {
		if p.category == "Exposant·e" && p.status != StatusCancelled {
			exhibitors = append(exhibitors, p)
		}
	}
	for i := range 39 {
		zone := i / 13
		k := i % 13
		org := demoPartnerOrgs[i%len(demoPartnerOrgs)]
		orgID, err := resolveOrganisation(g.ctx, g.tx, org)
		if err != nil {
			return err
		}
		var contact sql.NullInt64
		var staff []int64
		if len(exhibitors) > 0 {
			contact = sql.NullInt64{Int64: exhibitors[i%len(exhibitors)].id, Valid: true}
			staff = append(staff, contact.Int64)
			if j := i + 39; j < len(exhibitors) {
				staff = append(staff, exhibitors[j].id)
			}
		}
		name := org
		if i >= len(demoPartnerOrgs) {
			name = org + " — " + []string{"Emploi", "Territoires", "Égalité"}[zone]
		}
		id, err := g.exec(`INSERT INTO stand (number, name, zone, organisation_id, contact_id, power, tables, chairs, grid_x, grid_y, notes)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			fmt.Sprint(i+1), name, demoZones[zone], orgID, contact, g.rnd.IntN(3) > 0, 1+g.rnd.IntN(2), 2+g.rnd.IntN(3),
			k%7, zone*3+k/7, "")
		if err != nil {
			return err
		}
		for _, pid := range staff {
			if _, err := g.exec("INSERT OR IGNORE INTO stand_staff (stand_id, participant_id) VALUES (?, ?)", id, pid); err != nil {
				return err
			}
		}
	}
	return nil
}

// arrivals: the first morning is over — most people expected on day 1
// checked in between 8:15 and 11:00 at two desks, a few by mistake and
// undone; badges were printed the day before. Day 2 is still ahead.
func (g *demoGen) arrivals() error {
	var checkins, prints [][]any
	open := time.Date(2021, 11, 25, 8, 15, 0, 0, demoZone)
	eve := time.Date(2021, 11, 24, 17, 0, 0, 0, demoZone)
	for _, p := range g.people {
		if p.status == StatusCancelled {
			continue
		}
		if p.status == StatusConfirmed && g.rnd.IntN(10) < 7 {
			prints = append(prints, []any{p.id, formatTime(eve.Add(time.Duration(g.rnd.IntN(3600)) * time.Second)), "A4 85×54"})
		}
		if !hasDay(p.days, demoDay1) || g.rnd.IntN(100) >= 85 {
			continue
		}
		// Most arrive around 9:00: the sum of three uniform draws peaks in the middle.
		sec := (g.rnd.IntN(3300) + g.rnd.IntN(3300) + g.rnd.IntN(3300))
		at := open.Add(time.Duration(sec) * time.Second)
		desk := []string{"Accueil 1", "Accueil 2"}[g.rnd.IntN(2)]
		id := int64(len(checkins) + 1) // the log is new: check-ins are numbered from 1
		checkins = append(checkins, []any{id, p.id, Arrival, demoDay1, nil, formatTime(at), desk})
		if g.rnd.IntN(100) == 0 {
			checkins = append(checkins, []any{id + 1, p.id, Undo, demoDay1, id, formatTime(at.Add(40 * time.Second)), desk})
		}
	}
	if err := g.insertRows("badge_print", []string{"participant_id", "at", "layout"}, prints); err != nil {
		return err
	}
	return g.insertRows("checkin", []string{"id", "participant_id", "kind", "day", "cancels", "at", "desk"}, checkins)
}

// newCongressIn writes a new congress (its name, days and default
// categories) into tmp, an empty file of the caller's own, and returns it
// open.
func newCongressIn(ctx context.Context, tmp string, c Congress) (*Store, error) {
	s, err := files().OpenNew(ctx, tmp)
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, func(tx *sqlTx) error { return writeNewCongress(ctx, tx, c) })
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}
