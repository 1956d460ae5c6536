package deskcheck

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"congres/data"
	"congres/data/spreadsheet"
	"congres/data/stores"
)

// The congres program, built once for the whole run.
var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
	buildBin  string
	hasDesk   bool // the program has `congres desk FILE`
)

// program builds ./congres (without -race) into a folder of the run's own,
// or takes the one CONGRES_DESKCHECK_BIN names.
func program(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		if buildDir, buildErr = os.MkdirTemp("", "deskcheck-"); buildErr != nil {
			return
		}
		bin := filepath.Join(buildDir, "congres")
		if given := os.Getenv("CONGRES_DESKCHECK_BIN"); given != "" {
			bin = given // a program built elsewhere (another commit, say)
		} else if out, err := exec.Command("go", "build", "-o", bin, "congres").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build congres: %v\n%s", err, out)
			return
		}
		buildBin = bin
		cmd := exec.Command(bin, "help")
		cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=", "LANGUAGE=")
		help, _ := cmd.Output()
		hasDesk = strings.Contains(string(help), "congres desk ")
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildBin
}

// today is the congress day of the files made here, so that the desk
// records real arrivals (outside the congress days it rehearses).
func today() data.Day { return data.Day(time.Now().Format(time.DateOnly)) }

// person is someone registered: confirmed, nothing to pay, there today,
// so that a scan checks them in with nothing to confirm.
type person struct {
	code, first, last string
}

// roster draws n people with distinct codes (seeded: the same every run).
// No code, typed through a US scanner on an AZERTY keyboard, reads as
// another person's code, so that a layout mistaken for a code never
// checks in the wrong person.
func roster(n int, seed uint64) []person {
	rnd := rand.New(rand.NewPCG(seed, 15))
	seen := map[string]bool{}
	people := make([]person, 0, n)
	for len(people) < n {
		b := make([]byte, 6)
		for i := range b {
			b[i] = data.CodeAlphabet[rnd.IntN(len(data.CodeAlphabet))]
		}
		code := string(b)
		if seen[code] || seen[strings.ToUpper(usOnAZERTY(code))] {
			continue
		}
		seen[code] = true
		people = append(people, person{code: code,
			first: firstNames[rnd.IntN(len(firstNames))], last: lastNames[rnd.IntN(len(lastNames))]})
	}
	return people
}

var firstNames = []string{"Camille", "Louise", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Claire",
	"Nathalie", "Isabelle", "Sophie", "Anne", "Marie", "Hélène", "Céline", "Amandine", "Aurélie", "Fatima",
	"Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Alexandre", "Pierre", "Jean", "Louis", "Hugo",
	"Lucas", "Mathieu", "Sébastien", "Olivier", "Philippe", "Christophe", "Éric", "Karim", "Mehdi", "Yann",
	"Bruno", "Laurent", "Vincent", "Romain", "Damien", "Benoît", "Gaëlle", "Ophélie", "Samia", "Ahmed"}

var lastNames = []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
	"Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
	"Morel", "Girard", "Andre", "Lefevre", "Mercier", "Dupont", "Lambert", "Bonnet", "Francois", "Martinez",
	"Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guerin", "Muller", "Henry", "Roussel", "Nicolas",
	"Perrin", "Morin", "Mathieu", "Clement", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
	"Masson", "Sanchez", "Gerard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
	"Roger", "Roche", "Roy", "Noel", "Meyer", "Lucas", "Meunier", "Jean", "Perez", "Marchand", "Dufour",
	"Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez",
	"Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois",
	"Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis", "Olivier",
	"Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot", "Riviere", "Le Gall", "Guillaume", "Adam",
	"Rey", "Moulin", "Gonzalez", "Berger", "Lecomte", "Menard", "Fleury", "Deschamps", "Carpentier", "Julien",
	"Benoit", "Paris", "Maillard", "Marchal", "Aubry", "Vasseur", "Le Roux", "Renault", "Jacquet", "Collet",
	"Prevost", "Poirier", "Charpentier", "Royer", "Huet", "Baron", "Dupuy", "Pons", "Paul", "Laine", "Carre",
	"Breton", "Remy", "Schneider", "Perrot", "Guyot", "Barre", "Marty", "Cousin", "Bensaïd", "Haddad"}

// makeCongress writes a congress whose only day is today, with people
// imported as an organiser imports them (data.Store.Import).
func makeCongress(t *testing.T, path string, people []person) {
	t.Helper()
	ctx := context.Background()
	start := time.Now()
	src := filepath.Join(t.TempDir(), "people.csv")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"Code", "Prénom", "Nom", "Organisation", "Email", "Statut", "Jours", "Catégorie"})
	cats := data.DefaultCategories()
	for i, p := range people {
		w.Write([]string{p.code, p.first, p.last, fmt.Sprintf("Structure %d", i%700),
			fmt.Sprintf("p%d@exemple.fr", i), "confirmed", string(today()), cats[i%len(cats)].Name})
	}
	w.Flush()
	if err := f.Close(); err != nil || w.Error() != nil {
		t.Fatal(err, w.Error())
	}
	s, err := stores.Create(ctx, path, data.Congress{Name: "Congrès du test de l'accueil", City: "Lille",
		Days: []data.Day{today()}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.Import(ctx, spreadsheet.Source{Path: src}, data.ImportOptions{Mapping: []data.ImportField{
		data.FieldCode, data.FieldFirstName, data.FieldLastName, data.FieldOrganisation, data.FieldEmail,
		data.FieldStatus, data.FieldDays, data.FieldCategory}})
	if err != nil {
		t.Fatal(err)
	}
	if r.New != len(people) || r.Rejected != 0 {
		t.Fatalf("import: %d new, %d rejected of %d; first issues: %+v", r.New, r.Rejected, len(people),
			r.Issues[:min(len(r.Issues), 3)])
	}
	t.Logf("congress of %d people written in %v", len(people), time.Since(start).Round(time.Millisecond))
}

// arrivals are the entries of a congress file, read while the window may
// still be writing it: real arrivals per code, and what else was written.
type arrivals struct {
	perCode   map[string]int       // arrival entries per participant code read
	total     int                  // arrival entries, and people arrived who were not read
	unread    int                  // people arrived today whose code was not read (DeskCounts)
	undos     int                  // entries that undo another
	otherDay  int                  // arrivals on another day than today
	rehearsal int                  // rehearsal entries (none expected on a congress day)
	last      time.Time            // when the last entry was made (its "at")
	at        map[string]time.Time // when each code's first arrival was made
}

// entries reads a congress file as the window writes it, through the data
// package's own reading (no SQL outside data/): the file opened as the app
// opens it (a shared lock: both may have it open), the check-in and
// rehearsal logs of the codes asked for, and the day's counters.
type entries struct {
	st  *data.Store
	ids map[string]int64 // participant id per code, read once
}

// openEntries opens path to read its entries until the test ends.
func openEntries(t *testing.T, path string) *entries {
	t.Helper()
	st, err := stores.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &entries{st: st, ids: map[string]int64{}}
}

// read reads the entries of the people with codes.
func (e *entries) read(t *testing.T, codes []string) arrivals {
	t.Helper()
	ctx := context.Background()
	a := arrivals{perCode: map[string]int{}, at: map[string]time.Time{}}
	arrived := 0 // people read with an arrival today that no undo cancels
	for _, code := range codes {
		id, ok := e.ids[code]
		if !ok {
			var err error
			if id, err = e.st.ParticipantIDByCode(ctx, code); err != nil {
				t.Fatalf("%s: %v", code, err)
			}
			e.ids[code] = id
		}
		log, err := e.st.CheckinLog(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		in := false
		for _, c := range log {
			if c.At.After(a.last) {
				a.last = c.At
			}
			switch c.Kind {
			case data.Arrival:
				if a.at[code].IsZero() {
					a.at[code] = c.At
				}
				a.perCode[code]++
				a.total++
				if c.Day != today() {
					a.otherDay++
				} else if !c.Undone {
					in = true
				}
			case data.Undo:
				a.undos++
			}
		}
		if in {
			arrived++
		}
		rehearsal, err := e.st.RehearsalLog(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		a.rehearsal += len(rehearsal)
	}
	counts, err := e.st.DeskCounts(ctx, today())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range counts {
		a.unread += c.Arrived
	}
	a.unread -= arrived
	a.total += a.unread
	return a
}

// waitArrivals waits until want arrivals of codes are in the file, or
// until none came for quiet (the desk is done with what it got), within
// limit.
func (e *entries) waitArrivals(t *testing.T, codes []string, want int, quiet, limit time.Duration) arrivals {
	t.Helper()
	deadline := time.Now().Add(limit)
	last, since := -1, time.Now()
	for {
		a := e.read(t, codes)
		if a.total >= want {
			// One reading is no snapshot (each person's log, then the
			// counters): an arrival written meanwhile, after its person's
			// log was read, is counted as nobody's. The desk has written
			// them all now: read once more, undisturbed.
			time.Sleep(500 * time.Millisecond)
			return e.read(t, codes)
		}
		if a.total != last {
			last, since = a.total, time.Now()
		}
		if time.Since(since) > quiet || time.Now().After(deadline) {
			return a
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// checkEachOnce asserts that every code of people was checked in exactly
// once today, and nobody else but the probe.
func checkEachOnce(t *testing.T, a arrivals, people []person, probe string) {
	t.Helper()
	want := map[string]bool{probe: true}
	var missing, twice []string
	for _, p := range people {
		want[p.code] = true
		switch n := a.perCode[p.code]; {
		case n == 0:
			missing = append(missing, p.code)
		case n > 1:
			twice = append(twice, fmt.Sprintf("%s×%d", p.code, n))
		}
	}
	var others []string
	for code, n := range a.perCode {
		if !want[code] {
			others = append(others, fmt.Sprintf("%s×%d", code, n))
		}
	}
	for range a.unread {
		others = append(others, "?")
	}
	if len(missing)+len(twice)+len(others) > 0 || a.perCode[probe] != 1 {
		t.Errorf("%d of %d codes checked in exactly once: %d missing (first: %s), %d more than once (%s), "+
			"%d people checked in who were not scanned (%s); the probe %d times",
			len(people)-len(missing)-len(twice), len(people), len(missing), firstFew(missing), len(twice),
			firstFew(twice), len(others), firstFew(others), a.perCode[probe])
	}
	if a.undos != 0 || a.otherDay != 0 || a.rehearsal != 0 {
		t.Errorf("entries that no scan asked for: %d undos, %d arrivals on another day, %d rehearsal entries",
			a.undos, a.otherDay, a.rehearsal)
	}
}

func firstFew(list []string) string {
	if len(list) > 8 {
		return strings.Join(list[:8], " ") + " …"
	}
	return strings.Join(list, " ")
}

// usOnAZERTY is what a scanner set to a US layout types on a computer set
// to French AZERTY: each key the scanner presses for a US character gives
// the AZERTY character at that place (Shift as the scanner pressed it).
func usOnAZERTY(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteString(string([]rune("à&é\"'(-è_ç")[r-'0']))
		default:
			b.WriteRune(azerty[r])
		}
	}
	return b.String()
}

// azerty maps the upper-case letters of a US keyboard to the AZERTY
// characters at the same places (with Shift); the others are the same.
var azerty = func() map[rune]rune {
	m := map[rune]rune{'A': 'Q', 'Q': 'A', 'W': 'Z', 'Z': 'W', 'M': '?'}
	for r := 'A'; r <= 'Z'; r++ {
		if _, ok := m[r]; !ok {
			m[r] = r
		}
	}
	return m
}()
