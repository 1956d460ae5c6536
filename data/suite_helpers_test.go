package data_test

// The behaviour suite (package data_test) speaks to the store only through
// its exported API and the few hooks of export_test.go, so that the same
// tests can run against each store (split plan, section 4). Its helpers are
// here; the SQLite-only tests of package data keep their own copies in
// helpers_test.go until they move to data/sqlite.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	. "congres/data"
	"congres/data/spreadsheet"
)

var ctx = context.Background()

const (
	day1 Day = "2021-11-25"
	day2 Day = "2021-11-26"
)

// mustOpen creates a new congress (testCongress) in a new store of the
// current pass (suite_stores_test.go): a file in a temporary folder, or a
// database on the test server.
func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := newCongress(tb, testCongress)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func category(tb testing.TB, s *Store, name string) int64 {
	tb.Helper()
	cats, err := s.Categories(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range cats {
		if c.Name == name {
			return c.ID
		}
	}
	tb.Fatalf("no category %q", name)
	return 0
}

// newPerson returns a valid participant, not saved.
func newPerson(tb testing.TB, s *Store, first, last string) Participant {
	tb.Helper()
	return Participant{FirstName: first, LastName: last, CategoryID: category(tb, s, "Adhérent·e"),
		Status: StatusConfirmed, Days: []Day{day1, day2}}
}

// addPerson saves a participant.
func addPerson(tb testing.TB, s *Store, first, last string) Participant {
	tb.Helper()
	p := newPerson(tb, s, first, last)
	if err := s.CreateParticipant(ctx, &p); err != nil {
		tb.Fatal(err)
	}
	return p
}

func addRoom(tb testing.TB, s *Store, name string, capacity int) Room {
	tb.Helper()
	r := Room{Name: name, Capacity: capacity}
	if err := s.SaveRoom(ctx, &r); err != nil {
		tb.Fatal(err)
	}
	return r
}

func addSession(tb testing.TB, s *Store, title string, day Day, start, end string, roomID int64) Session {
	tb.Helper()
	se := Session{Kind: KindWorkshop, Title: title, Day: day, Start: clock(tb, start), End: clock(tb, end), RoomID: roomID}
	if err := s.SaveSession(ctx, &se); err != nil {
		tb.Fatal(err)
	}
	return se
}

func clock(tb testing.TB, s string) Clock {
	tb.Helper()
	c, err := ParseClock(s)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// wantErr checks that err is the template want, with a message in both
// languages.
func wantErr(tb testing.TB, err error, want *Error) {
	tb.Helper()
	if !errors.Is(err, want) {
		tb.Fatalf("got error %v, want %s", err, want.Code)
	}
	var e *Error
	errors.As(err, &e)
	if e.Message("fr") == "" || e.Message("en") == "" || e.Message("fr") == e.Message("en") {
		tb.Fatalf("error %s lacks a message in both languages: fr=%q en=%q", e.Code, e.Message("fr"), e.Message("en"))
	}
}

func fixedClock(s *Store, t time.Time) *time.Time {
	now := t
	s.SetClock(func() time.Time { return now })
	return &now
}

func itoa(n int) string { return strconv.Itoa(n) }

// attendanceFixture is a small congress after its two days:
//
//   - Anne Arnaud (member, both days): arrived on day 1 at 8:40 (undone)
//     and again at 8:55, on day 2 at 9:10; entered the opening plenary and
//     the workshop "Emploi", where she is enrolled; enrolled in "Climat"
//     but did not go. Her badge was printed.
//   - Bruno Bernard (member, both days, vegetarian): arrived on day 1; his
//     arrival on day 2 was undone. Enrolled in "Emploi"; his entry was
//     undone.
//   - Chloé Caron (exhibitor, day 1, "végétarien "): never came. Contact
//     of stand 7.
//   - David Durand (press, pending, day 2, "sans gluten"): arrived on day
//     2 and walked into "Climat" without enrolment.
//   - Émile Éluard (member, both days, vegetarian): cancelled.
//   - Fanny Faure (member, confirmed, no day): never came.
//   - Gaston Girard (exhibitor, day 1, halal): waiting for "Emploi", walked
//     in anyway; his only arrival was undone. Staff of stand 7.
type attendanceFixture struct {
	s                                             *Store
	anne, bruno, chloe, david, emile, fanny, gast Participant
	opening, jobs, climate                        Session
	stand7, stand12                               Stand
}

func at(day Day, hhmm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", string(day)+" "+hhmm, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

func newAttendanceFixture(t *testing.T) *attendanceFixture {
	t.Helper()
	s := mustOpen(t)
	now := fixedClock(s, at(day1, "08:00"))
	f := &attendanceFixture{s: s}
	member, exhibitor, press := category(t, s, "Adhérent·e"), category(t, s, "Exposant·e"), category(t, s, "Presse")
	person := func(first, last string, cat int64, st Status, diet string, days ...Day) Participant {
		t.Helper()
		p := Participant{FirstName: first, LastName: last, CategoryID: cat, Status: st, Diet: diet, Days: days}
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Created out of alphabetical order.
	f.gast = person("Gaston", "Girard", exhibitor, StatusConfirmed, "Halal", day1)
	f.anne = person("Anne", "Arnaud", member, StatusConfirmed, "", day1, day2)
	f.anne.Organisation, f.anne.Email, f.anne.FeeCents, f.anne.Paid = "Cocagne", "anne@example.org", 4550, true
	if err := s.UpdateParticipant(ctx, &f.anne); err != nil {
		t.Fatal(err)
	}
	f.chloe = person("Chloé", "Caron", exhibitor, StatusConfirmed, "végétarien ", day1)
	f.chloe.Email, f.chloe.Phone = "chloe@example.org", "06 12 34 56 78"
	if err := s.UpdateParticipant(ctx, &f.chloe); err != nil {
		t.Fatal(err)
	}
	f.bruno = person("Bruno", "Bernard", member, StatusConfirmed, "Végétarien", day1, day2)
	f.david = person("David", "Durand", press, StatusPending, "sans gluten", day2)
	f.emile = person("Émile", "Éluard", member, StatusConfirmed, "Végétarien", day1, day2)
	f.fanny = person("Fanny", "Faure", member, StatusConfirmed, "")

	hall := addRoom(t, s, "Grand Auditorium", 0)
	small := addRoom(t, s, "Salle 1", 2)
	f.climate = addSession(t, s, "Climat", day2, "9:00", "10:30", small.ID)
	f.jobs = addSession(t, s, "Emploi", day1, "14:00", "15:30", small.ID)
	f.opening = Session{Kind: KindPlenary, Title: "Ouverture", Day: day1, Start: clock(t, "9:30"), End: clock(t, "11:00"), RoomID: hall.ID}
	if err := s.SaveSession(ctx, &f.opening); err != nil {
		t.Fatal(err)
	}
	enrol := func(p Participant, se Session, want EnrolmentStatus) {
		t.Helper()
		if st, err := s.Enrol(ctx, p.ID, se.ID); err != nil || st != want {
			t.Fatalf("enrol %s in %s: %v, %v", p.FirstName, se.Title, st, err)
		}
	}
	enrol(f.anne, f.jobs, Enrolled)
	enrol(f.bruno, f.jobs, Enrolled)
	enrol(f.gast, f.jobs, Waitlisted)
	enrol(f.anne, f.climate, Enrolled)
	enrol(f.emile, f.climate, Enrolled)
	if err := s.SetParticipantStatus(ctx, f.emile.ID, StatusCancelled); err != nil {
		t.Fatal(err)
	}

	checkIn := func(p Participant, day Day, se Session, hhmm string) Checkin {
		t.Helper()
		*now = at(day, hhmm)
		c, err := s.CheckIn(ctx, p.ID, day, se.ID, "Accueil 1")
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	undo := func(c Checkin) {
		t.Helper()
		if _, err := s.UndoCheckIn(ctx, c.ID, "Accueil 1"); err != nil {
			t.Fatal(err)
		}
	}
	none := Session{}
	undo(checkIn(f.anne, day1, none, "08:40"))
	checkIn(f.anne, day1, none, "08:55")
	checkIn(f.bruno, day1, none, "09:02")
	undo(checkIn(f.gast, day1, none, "09:05"))
	checkIn(f.anne, day1, f.opening, "09:25")
	checkIn(f.anne, day1, f.jobs, "13:58")
	undo(checkIn(f.bruno, day1, f.jobs, "13:59"))
	checkIn(f.gast, day1, f.jobs, "14:01")
	checkIn(f.anne, day2, none, "09:10")
	undo(checkIn(f.bruno, day2, none, "09:12"))
	checkIn(f.david, day2, none, "08:50")
	checkIn(f.david, day2, f.climate, "09:03")
	if err := s.RecordBadgePrints(ctx, testLayout, f.anne.ID); err != nil {
		t.Fatal(err)
	}

	f.stand12 = Stand{Number: "12", Name: "Emmaüs", X: 1}
	f.stand7 = Stand{Number: "7", Name: "Cocagne", Zone: "Emploi", ContactID: f.chloe.ID, Staff: []int64{f.gast.ID, f.bruno.ID}}
	for _, st := range []*Stand{&f.stand12, &f.stand7} {
		if err := s.SaveStand(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

const testLayout = "a4-85x54"

// deskPerson saves a participant, changed by edit first.
func deskPerson(tb testing.TB, s *Store, first, last string, edit func(*Participant)) Participant {
	tb.Helper()
	p := newPerson(tb, s, first, last)
	if edit != nil {
		edit(&p)
	}
	if err := s.CreateParticipant(ctx, &p); err != nil {
		tb.Fatal(err)
	}
	return p
}

// admit lets someone in, accepting the kinds given, and fails the test
// unless they are.
func admit(tb testing.TB, s *Store, req AdmitRequest) AdmitResult {
	tb.Helper()
	r, err := s.Admit(ctx, req)
	if err != nil {
		tb.Fatal(err)
	}
	if !r.Admitted {
		tb.Fatalf("not admitted: %v", kinds(r.Pending))
	}
	return r
}

func kinds(ws []DeskWarning) []DeskWarningKind {
	var k []DeskWarningKind
	for _, w := range ws {
		k = append(k, w.Kind)
	}
	return k
}

func card(tb testing.TB, s *Store, id int64, day Day, sessionID int64) DeskCard {
	tb.Helper()
	c, err := s.DeskCard(ctx, id, day, sessionID)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// wantWarnings checks a card's warnings, in order, and that each reads as
// a sentence in both languages.
func wantWarnings(tb testing.TB, c DeskCard, want ...DeskWarningKind) {
	tb.Helper()
	if got := kinds(c.Warnings); !slices.Equal(got, want) {
		tb.Fatalf("warnings %v, want %v", got, want)
	}
	for _, w := range c.Warnings {
		en, fr := w.Message("en"), w.Message("fr")
		if en == "" || fr == "" || en == fr || !strings.HasSuffix(en, ".") || !strings.HasSuffix(fr, ".") || strings.Contains(en+fr, "%!") {
			tb.Fatalf("%s: en=%q fr=%q", w.Kind, en, fr)
		}
	}
}

// importColumns maps the header names of the tests' files to fields.
var importColumns = map[string]ImportField{
	"Code": FieldCode, "Prénom": FieldFirstName, "Nom": FieldLastName, "E-mail": FieldEmail,
	"Téléphone": FieldPhone, "Organisation": FieldOrganisation, "Catégorie": FieldCategory,
	"Jours": FieldDays, "Ateliers": FieldWorkshops, "Régime": FieldDiet, "Statut": FieldStatus,
	"Remarque": FieldNotes,
}

// csvFile writes a CSV file of these lines into a temporary folder.
func csvFile(tb testing.TB, lines ...string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "inscriptions.csv")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// mappingOf maps a header line of the tests' files.
func mappingOf(header string) []ImportField {
	var m []ImportField
	for _, h := range strings.Split(header, ",") {
		m = append(m, importColumns[h])
	}
	return m
}

// importLines imports a CSV file of these lines (the first the header)
// under the header's mapping unless opts gives one.
func importLines(tb testing.TB, s *Store, opts ImportOptions, lines ...string) ImportReport {
	tb.Helper()
	if opts.Mapping == nil {
		opts.Mapping = mappingOf(lines[0])
	}
	r, err := s.Import(ctx, spreadsheet.Source{Path: csvFile(tb, lines...)}, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func wantCounts(tb testing.TB, r ImportReport, rows, created, updated, unchanged, skipped, rejected int) {
	tb.Helper()
	got := [6]int{r.Rows, r.New, r.Updated, r.Unchanged, r.Skipped, r.Rejected}
	if want := [6]int{rows, created, updated, unchanged, skipped, rejected}; got != want {
		tb.Fatalf("rows, new, updated, unchanged, skipped, rejected = %v, want %v; issues %v", got, want, r.Issues)
	}
}

// people returns everyone registered, by name.
func people(tb testing.TB, s *Store) []Participant {
	tb.Helper()
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{Sort: SortName})
	if err != nil {
		tb.Fatal(err)
	}
	var list []Participant
	for _, id := range ids {
		p, err := s.Participant(ctx, id)
		if err != nil {
			tb.Fatal(err)
		}
		list = append(list, p)
	}
	return list
}

func revision(tb testing.TB, s *Store) int64 {
	tb.Helper()
	var n int64
	if err := s.QueryRowForTest(ctx, "SELECT n FROM revision").Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func errCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return err.Error()
}

// payer saves a participant owing fee cents.
func payer(tb testing.TB, s *Store, first, last string, fee int64) Participant {
	tb.Helper()
	return deskPerson(tb, s, first, last, func(p *Participant) { p.FeeCents = fee })
}

func pay(tb testing.TB, s *Store, id, cents int64, m PaymentMethod, desk string) Payment {
	tb.Helper()
	p, err := s.RecordPayment(ctx, PaymentRequest{ParticipantID: id, AmountCents: cents, Method: m, Desk: desk})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func paidFlag(tb testing.TB, s *Store, id int64) bool {
	tb.Helper()
	p, err := s.Participant(ctx, id)
	if err != nil {
		tb.Fatal(err)
	}
	return p.Paid
}

// manyLines is a header and n registrations with emails.
func manyLines(n int) []string {
	lines := []string{"Prénom,Nom,E-mail"}
	for i := 1; i <= n; i++ {
		lines = append(lines, fmt.Sprintf("Anne%d,Ader%d,anne%d@example.org", i, i, i))
	}
	return lines
}

// Names of package data that the suite's files use, from export_test.go.
var (
	sortKey            = SortKey
	colourRe           = ColourRe
	importBenchMapping = ImportBenchMapping
	demoLastNames      = DemoLastNames
	hashPIN            = HashPIN
	misreadTables      = MisreadTables
)

const (
	importTries = ImportTries
	maxText     = MaxText
	maxNotes    = MaxNotes

	pinScheme     = PINScheme
	pinIterations = PINIterations
	pinKeyLen     = PINKeyLen

	codeLength         = CodeLength
	keyboardMismatches = KeyboardMismatches
)

// codeSource draws the codes Congrès gives, as package data's does.
type codeSource struct{ next func() string }

func newCodeSource(seed uint64) *codeSource { return &codeSource{next: CodeSource(seed)} }

// downgrade turns the file into one of an older format (SQLite only: a
// test that calls it is about opening an older file).
func downgrade(tb testing.TB, s *Store, version int) {
	tb.Helper()
	Downgrade(tb, s, version)
}

func writeRegistrationsCSV(path string, n int, seed uint64) error {
	return WriteRegistrationsCSV(path, n, seed)
}
