package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores"
)

// runCLI runs a command line in English, whatever the machine's language.
func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	return runIn(t, "en", args...)
}

// runIn runs a command line in language lang, returning what it printed.
func runIn(t *testing.T, lang string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := newRunner(Config{Out: &out, Lang: lang}).run(args)
	return out.String(), err
}

// message is an error's sentence in English; messageIn in lang.
func message(err error) string { return messageIn("en", err) }

func messageIn(lang string, err error) string { return newRunner(Config{Lang: lang}).message(err) }

func TestCLI(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.congres")
	t.Run("Demo", func(t *testing.T) {
		out, err := runCLI(t, "demo", demo, "--participants", "120")
		if err != nil || !strings.Contains(out, "120") {
			t.Fatalf("%q, %v", out, err)
		}
		_, err = runCLI(t, "demo", demo)
		if err == nil || !strings.Contains(message(err), demo) {
			t.Fatalf("a second demo over the first: %v", err)
		}
	})
	t.Run("DemoBadCount", func(t *testing.T) {
		_, err := runCLI(t, "demo", filepath.Join(dir, "x.congres"), "--participants", "0")
		if err == nil || !strings.Contains(message(err), "--participants") {
			t.Fatalf("%v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "x.congres")); err == nil {
			t.Fatal("a refused demo left a file")
		}
	})
	t.Run("Stats", func(t *testing.T) {
		out, err := runCLI(t, "stats", demo)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Lille", "Adhérent·e", "2021-11-25", "118", "Numérique et inclusion"} {
			if !strings.Contains(out, want) {
				t.Errorf("stats lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("StatsNotACongress", func(t *testing.T) {
		text := filepath.Join(dir, "notes.txt")
		os.WriteFile(text, []byte("hello"), 0o600)
		_, err := runCLI(t, "stats", text)
		if err == nil || !strings.Contains(message(err), "not a congress file") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("Restore", func(t *testing.T) {
		if _, err := runCLI(t, "restore", demo); err == nil {
			t.Fatal("listed backups of a file that has none")
		}
		s, err := stores.Open(context.Background(), demo)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Backup(context.Background()); err != nil {
			t.Fatal(err)
		}
		s.Close()
		out, err := runCLI(t, "restore", demo)
		if err != nil || !strings.Contains(out, "  1  ") {
			t.Fatalf("%q, %v", out, err)
		}
		if _, err := runCLI(t, "restore", demo, "7"); err == nil {
			t.Fatal("restored a backup that does not exist")
		}
		out, err = runCLI(t, "restore", demo, "1")
		if err != nil || !strings.Contains(out, demo) {
			t.Fatalf("%q, %v", out, err)
		}
	})
	t.Run("Usage", func(t *testing.T) {
		for _, args := range [][]string{{"frobnicate", "x"}, {"stats"}, {"demo"}, {"restore"}} {
			if _, err := runCLI(t, args...); err == nil || !strings.Contains(message(err), "congres help") {
				t.Errorf("%v: %v", args, err)
			}
		}
		if _, err := runCLI(t, filepath.Join(dir, "missing.congres")); err == nil {
			t.Error("opened a missing file")
		}
		out, err := runCLI(t, "help")
		if err != nil || !strings.Contains(out, "congres restore") {
			t.Errorf("help: %q %v", out, err)
		}
	})
}

// TestCLIRestoreDamagedAndOpen: the list marks a damaged backup, which is
// refused by its number with the data layer's sentence; a restore while the
// file is open elsewhere (here, in this process) is refused, saying so in
// both languages, and the file stays as it was.
func TestCLIRestoreDamagedAndOpen(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "5"); err != nil {
		t.Fatal(err)
	}
	s, err := stores.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	good, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bad, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(bad)
	os.WriteFile(bad, b[:len(b)-1000], 0o600) // cut short: damaged
	before, _ := os.ReadFile(file)

	for lang, mark := range map[string]string{"en": "damaged: cannot be restored", "fr": "abîmée : ne peut pas être restaurée"} {
		out, err := runIn(t, lang, "restore", file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(out, "\n")
		if !strings.Contains(lines[0], bad) || !strings.Contains(lines[0], mark) ||
			!strings.Contains(lines[1], good) || strings.Contains(lines[1], mark) {
			t.Errorf("%s list does not mark the damaged backup alone:\n%s", lang, out)
		}
	}
	_, err = runCLI(t, "restore", file, "1")
	if !errors.Is(err, data.ErrBackupDamaged) || message(err) != data.ErrBackupDamaged.With(bad).Message("en") {
		t.Fatalf("restoring the damaged backup: %v", err)
	}

	s, err = stores.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{"en": "open in another window", "fr": "ouvert dans une autre fenêtre"} {
		_, err := runIn(t, lang, "restore", file, "2")
		if !errors.Is(err, data.ErrOpenElsewhere) || !strings.Contains(messageIn(lang, err), want) {
			t.Errorf("%s: restore under an open store: %v", lang, err)
		}
	}
	s.Close()
	if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
		t.Error("a refused restore changed the file")
	}
	if out, err := runCLI(t, "restore", file, "2"); err != nil || !strings.Contains(out, good) {
		t.Fatalf("restore once closed: %q, %v", out, err)
	}
}

// TestCLIUnlock: congres unlock removes a desk lock kept in a real file,
// and its PIN, saying first what it does, in both languages.
func TestCLIUnlock(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "5"); err != nil {
		t.Fatal(err)
	}
	lock := func() {
		t.Helper()
		s, err := stores.Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.SetDeskPIN(ctx, "4321"); err != nil {
			t.Fatal(err)
		}
		if err := s.LockDesk(ctx); err != nil {
			t.Fatal(err)
		}
	}
	unlocked := func() {
		t.Helper()
		s, err := stores.Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		locked, err := s.DeskLocked(ctx)
		if err != nil || locked {
			t.Fatalf("still locked: %v", err)
		}
		if has, err := s.HasDeskPIN(ctx); err != nil || has {
			t.Fatalf("still has a PIN: %v", err)
		}
	}
	for lang, want := range map[string][2]string{
		"en": {"does not protect the congress's data", "nothing to do"},
		"fr": {"ne protège pas les données du congrès", "rien à faire"},
	} {
		lock()
		out, err := runIn(t, lang, "unlock", file)
		if err != nil || !strings.Contains(out, want[0]) {
			t.Fatalf("%s: %q, %v", lang, out, err)
		}
		unlocked()
		if out, err := runIn(t, lang, "unlock", file); err != nil || !strings.Contains(out, want[1]) {
			t.Fatalf("%s, a second time: %q, %v", lang, out, err)
		}
	}
	if _, err := runCLI(t, "unlock"); err == nil || !strings.Contains(message(err), "congres unlock FILE") {
		t.Fatalf("unlock without FILE: %v", err)
	}
}

func TestCLIFrench(t *testing.T) {
	_, err := runIn(t, "fr", "stats", filepath.Join(t.TempDir(), "absent.congres"))
	if err == nil || !strings.Contains(messageIn("fr", err), "n'existe pas") {
		t.Fatalf("%v", err)
	}
	out, _ := runIn(t, "fr", "help")
	if !strings.Contains(out, "Utilisation") {
		t.Fatalf("help in French: %q", out)
	}
}

func TestCLIBadges(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "40"); err != nil {
		t.Fatal(err)
	}
	s, err := stores.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	ids, _ := s.ParticipantIDs(ctx, data.ParticipantQuery{SkipCancelled: true})
	unprinted, _ := s.ParticipantIDs(ctx, data.ParticipantQuery{SkipCancelled: true, BadgePrinted: data.No})
	one, _ := s.Participant(ctx, unprinted[0])
	s.Close()
	pdf := filepath.Join(dir, "b.pdf")
	pages := func(t *testing.T) int {
		t.Helper()
		out, err := exec.Command("pdfinfo", pdf).Output()
		if err != nil {
			if os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
				t.Fatal("pdfinfo:", err)
			}
			t.Skip("pdfinfo:", err)
		}
		var n int
		fmt.Sscanf(string(out[strings.Index(string(out), "Pages:")+6:]), "%d", &n)
		return n
	}
	t.Run("ListLayouts", func(t *testing.T) {
		out, err := runCLI(t, "badges", "--list-layouts")
		if err != nil || !strings.Contains(out, "a4-85x54") || !strings.Contains(out, "fold-a4-a6") {
			t.Fatalf("%q, %v", out, err)
		}
	})
	t.Run("One", func(t *testing.T) {
		out, err := runCLI(t, "badges", file, "--out", pdf, "--code", one.Code, "--layout", "card-85.6x54")
		if err != nil || !strings.Contains(out, "1 badge written") {
			t.Fatalf("%q, %v", out, err)
		}
		if n := pages(t); n != 1 {
			t.Errorf("%d pages", n)
		}
	})
	t.Run("ErrAlreadyPrinted", func(t *testing.T) {
		os.Remove(pdf)
		_, err := runCLI(t, "badges", file, "--out", pdf, "--code", one.Code)
		if err == nil || !strings.Contains(message(err), "--reprint") {
			t.Fatalf("%v", err)
		}
		if _, err := os.Stat(pdf); err == nil {
			t.Error("a refused print wrote the PDF")
		}
		if _, err := runCLI(t, "badges", file, "--out", pdf, "--code", one.Code, "--reprint"); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("Unprinted", func(t *testing.T) {
		out, err := runCLI(t, "badges", file, "--out", pdf, "--unprinted", "--sort", "organisation")
		want := len(unprinted) - 1
		if err != nil || !strings.Contains(out, fmt.Sprintf("%d badges", want)) {
			t.Fatalf("%q, %v (want %d)", out, err, want)
		}
		if n := pages(t); n != (want+9)/10 {
			t.Errorf("%d pages for %d badges", n, want)
		}
		_, err = runCLI(t, "badges", file, "--out", pdf)
		if err == nil || !strings.Contains(message(err), fmt.Sprintf("%d of these %d people", len(ids), len(ids))) {
			t.Fatalf("everyone printed, then all again: %v", err)
		}
	})
	t.Run("Refused", func(t *testing.T) {
		for _, c := range [][]string{
			{"badges", file},
			{"badges", file, "--out", pdf, "--layout", "a5"},
			{"badges", file, "--out", pdf, "--category", "Astronautes"},
			{"badges", file, "--out", pdf, "--sort", "age"},
			{"badges", file, "--out", pdf, "--code", "NOBODY"},
		} {
			if _, err := runCLI(t, c...); err == nil || message(err) == "" {
				t.Errorf("%v: %v", c, err)
			}
		}
	})
}

func TestCLIExports(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "60"); err != nil {
		t.Fatal(err)
	}
	s, err := stores.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	preset := data.ListPreset{Name: "Traiteur", Columns: []string{"last_name", "first_name", "diet"}}
	if err := s.SaveListPreset(ctx, &preset); err != nil {
		t.Fatal(err)
	}
	arrived, _ := s.ParticipantIDs(ctx, data.ParticipantQuery{CheckedIn: data.Yes})
	came, _ := s.Participant(ctx, arrived[0])
	sessions, _ := s.Sessions(ctx)
	s.Close()
	text := func(t *testing.T, pdf string) string {
		t.Helper()
		out, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil {
			if os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
				t.Fatal("pdftotext:", err)
			}
			t.Skip("pdftotext:", err)
		}
		return string(out)
	}
	t.Run("Attendance", func(t *testing.T) {
		out := filepath.Join(dir, "presence.xlsx")
		if msg, err := runCLI(t, "export", file, "--out", out); err != nil || !strings.Contains(msg, out) {
			t.Fatalf("%q, %v", msg, err)
		}
		if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
			t.Fatalf("not a zip: %v", err)
		}
	})
	t.Run("PresetCSV", func(t *testing.T) {
		out := filepath.Join(dir, "traiteur.csv")
		if _, err := runCLI(t, "export", file, "--preset", "traiteur", "--out", out, "--semicolon"); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(out)
		first, _, _ := strings.Cut(string(b), "\r\n")
		if !strings.HasPrefix(first, "\uFEFF") || strings.Count(first, ";") != 2 {
			t.Errorf("header %q", first)
		}
		if n := strings.Count(string(b), "\r\n"); n < 50 {
			t.Errorf("%d lines", n)
		}
		list, err := runCLI(t, "export", file, "--list-presets")
		if err != nil || !strings.Contains(list, "Traiteur") {
			t.Errorf("%q, %v", list, err)
		}
	})
	t.Run("SignInOneSession", func(t *testing.T) {
		out := filepath.Join(dir, "sheets.pdf")
		id := strconv.FormatInt(sessions[0].ID, 10)
		if msg, err := runCLI(t, "signin", file, "--out", out, "--session", id); err != nil || !strings.Contains(msg, "1 sign-in sheet written") {
			t.Fatalf("%q, %v", msg, err)
		}
		if got := text(t, out); !strings.Contains(got, sessions[0].Title[:20]) {
			t.Errorf("the sheet lacks its title %q", sessions[0].Title)
		}
	})
	t.Run("CertificateOne", func(t *testing.T) {
		out := filepath.Join(dir, "certificate.pdf")
		if msg, err := runCLI(t, "certificates", file, "--out", out, "--code", came.Code); err != nil || !strings.Contains(msg, "1 certificate written") {
			t.Fatalf("%q, %v", msg, err)
		}
		if got := text(t, out); !strings.Contains(got, came.LastName) {
			t.Errorf("the certificate lacks %s", came.LastName)
		}
	})
	t.Run("Refused", func(t *testing.T) {
		for _, c := range [][]string{
			{"export", file},
			{"export", file, "--out", filepath.Join(dir, "x.csv")},
			{"export", file, "--preset", "Hôtel", "--out", filepath.Join(dir, "x.csv")},
			{"signin", file, "--out", filepath.Join(dir, "x.pdf"), "--day", "2030-01-01"},
			{"signin", file, "--out", filepath.Join(dir, "x.pdf"), "--session", "1", "--day", "2021-11-25"},
			{"certificates", file, "--out", filepath.Join(dir, "x.pdf"), "--code", "NOBODY"},
		} {
			if _, err := runCLI(t, c...); err == nil || message(err) == "" {
				t.Errorf("%v: %v", c, err)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
			t.Error("a refused command left a file")
		}
	})
}

func TestCLIImport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "40"); err != nil {
		t.Fatal(err)
	}
	people := func(t *testing.T) []int64 {
		t.Helper()
		s, err := stores.Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ids, err := s.ParticipantIDs(ctx, data.ParticipantQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	before := len(people(t))
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.csv", "Prénom;Nom;Courriel;Structure;Billet\n"+
		"Awa;Diallo;awa@example.org;Coop Sud;Tarif solidaire\nŁukasz;Nowak;lukasz@example.org;Asso Nord;Tarif solidaire\n")
	bad := write("bad.csv", "Prénom;Nom;Courriel\nAwa;Diallo;awa@example.org\nBob;Durand;pas-un-email\n")

	t.Run("DryRunRejectsAndWritesNothing", func(t *testing.T) {
		out, err := runCLI(t, "import", file, bad, "--dry-run")
		if err == nil || !strings.Contains(out, "line 3 [Courriel], rejected") || !strings.Contains(out, "1 rejected") {
			t.Fatalf("%q, %v", out, err)
		}
		if n := len(people(t)); n != before {
			t.Fatalf("%d people after a dry run, want %d", n, before)
		}
	})
	t.Run("UnknownCategoryRejected", func(t *testing.T) {
		out, err := runCLI(t, "import", file, good)
		if err == nil || !strings.Contains(out, "Unknown categories: Tarif solidaire") {
			t.Fatalf("%q, %v", out, err)
		}
		if n := len(people(t)); n != before {
			t.Fatalf("%d people after a rejected import, want %d: all or nothing", n, before)
		}
	})
	t.Run("MappedCategoryThenIdempotent", func(t *testing.T) {
		s, err := stores.Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		cats, _ := s.Categories(ctx)
		s.Close()
		out, err := runCLI(t, "import", file, good, "--category", "Tarif solidaire="+cats[0].Name)
		if err != nil || !strings.Contains(out, "2 rows: 2 new") {
			t.Fatalf("%q, %v", out, err)
		}
		if n := len(people(t)); n != before+2 {
			t.Fatalf("%d people, want %d", n, before+2)
		}
		out, err = runCLI(t, "import", file, good, "--category", "Tarif solidaire="+cats[0].Name)
		if err != nil || !strings.Contains(out, "0 new, 0 updated, 2 unchanged") {
			t.Fatalf("second import: %q, %v", out, err)
		}
	})
	t.Run("Map", func(t *testing.T) {
		out, err := runCLI(t, "import", file, good, "--dry-run", "--map", "Billet=ignore")
		if err != nil || !strings.Contains(out, "2 unchanged") {
			t.Fatalf("%q, %v", out, err)
		}
		if _, err := runCLI(t, "import", file, good, "--map", "Tarif=category"); err == nil || !strings.Contains(err.Error(), "Columns: Prénom") {
			t.Fatalf("unknown column: %v", err)
		}
		if _, err := runCLI(t, "import", file, good, "--map", "Billet=shoe_size"); err == nil || !strings.Contains(err.Error(), "first_name") {
			t.Fatalf("unknown field: %v", err)
		}
	})
	t.Run("BadInput", func(t *testing.T) {
		if _, err := runCLI(t, "import", file, good, "--on-match", "merge"); err == nil {
			t.Fatal("--on-match merge accepted")
		}
		png := write("photo.csv", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
		if _, err := runCLI(t, "import", file, png); err == nil || data.KindOf(err) != data.KindInvalid {
			t.Fatalf("a PNG renamed .csv: %v", err)
		}
		if n := len(people(t)); n != before+2 {
			t.Fatalf("%d people, want %d", n, before+2)
		}
	})
}

// TestCLICheckin checks people in and out from the command line: each
// warning has its exit code, and nothing is written without --yes.
func TestCLICheckin(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "desk.congres")
	const day1, day2 = data.Day("2021-11-25"), data.Day("2021-11-26")
	s, err := stores.Create(ctx, file, data.Congress{Name: "Congrès", Days: []data.Day{day1, day2}})
	if err != nil {
		t.Fatal(err)
	}
	cats, _ := s.Categories(ctx)
	person := func(first string, edit func(*data.Participant)) data.Participant {
		p := data.Participant{FirstName: first, LastName: "Test", Organisation: "Coop " + first, CategoryID: cats[0].ID,
			Status: data.StatusConfirmed, Days: []data.Day{day1, day2}}
		if edit != nil {
			edit(&p)
		}
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	room := data.Room{Name: "Salle 1", Capacity: 1}
	if err := s.SaveRoom(ctx, &room); err != nil {
		t.Fatal(err)
	}
	session := func(title string, roomID int64) data.Session {
		se := data.Session{Kind: data.KindWorkshop, Title: title, Day: day1, Start: 600, End: 690, RoomID: roomID}
		if err := s.SaveSession(ctx, &se); err != nil {
			t.Fatal(err)
		}
		return se
	}
	small, open, free := session("Petit atelier", room.ID), session("Grand atelier", 0), session("Atelier libre", 0)
	anne := person("Anne", nil)
	cancelled := person("Bruno", func(p *data.Participant) { p.Status = data.StatusCancelled })
	unpaid := person("Chloé", func(p *data.Participant) { p.FeeCents = 18000 })
	friday := person("Denis", func(p *data.Participant) { p.Days = []data.Day{day2} })
	inside, late, elsewhere := person("Emma", nil), person("Fanny", nil), person("Gaston", nil)
	for _, e := range []struct{ p, se int64 }{{inside.ID, small.ID}, {elsewhere.ID, open.ID}} {
		if _, err := s.Enrol(ctx, e.p, e.se); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	arrivals := func(t *testing.T, id int64) int {
		t.Helper()
		s, err := stores.Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		log, err := s.CheckinLog(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return len(log)
	}
	sid := func(se data.Session) string { return strconv.FormatInt(se.ID, 10) }

	for _, c := range []struct {
		name string
		args []string
		code int
		out  []string // in standard output
		err  string   // in the error's message
		logs int64    // the person whose log then has want lines
		want int
	}{
		{"CheckedIn", []string{anne.Code, "--day", "2021-11-25", "--desk", "Accueil 1"}, 0,
			[]string{"Anne Test — Coop Anne — Adhérent·e", "Checked in on 2021-11-25", "at Accueil 1."}, "", anne.ID, 1},
		{"AlreadyIn", []string{strings.ToLower(anne.Code), "--day", "2021-11-25", "--desk", "Accueil 2"}, 4,
			[]string{"Warning: Already checked in today at", "at Accueil 1."}, "--yes", anne.ID, 1},
		{"AlreadyInYes", []string{anne.Code, "--day", "2021-11-25", "--yes"}, 0,
			[]string{"nothing new recorded"}, "", anne.ID, 1},
		{"UnknownCode", []string{"ZZ99ZZ", "--day", "2021-11-25"}, 3, nil, "Unknown code: “ZZ99ZZ”", 0, 0},
		{"Cancelled", []string{cancelled.Code, "--day", "2021-11-25"}, 5,
			[]string{"Warning: Registration cancelled"}, "not checked in", cancelled.ID, 0},
		{"Unpaid", []string{unpaid.Code, "--day", "2021-11-25"}, 6,
			[]string{"Warning: Fee not paid: 180.00\u00a0€ due."}, "not checked in", unpaid.ID, 0},
		{"UnpaidYes", []string{unpaid.Code, "--day", "2021-11-25", "--yes"}, 0,
			[]string{"Warning: Fee not paid", "Checked in on 2021-11-25"}, "", unpaid.ID, 1},
		{"NotToday", []string{friday.Code, "--day", "2021-11-25"}, 7,
			[]string{"Not expected on Thursday 25 November 2021"}, "", friday.ID, 0},
		{"Entered", []string{inside.Code, "--session", sid(small), "--day", "2021-11-25"}, 0,
			[]string{"Entered “Petit atelier”"}, "", inside.ID, 1},
		{"SessionFull", []string{late.Code, "--session", sid(small), "--day", "2021-11-25"}, 8,
			[]string{"Not enrolled in “Petit atelier”.", "“Petit atelier” is full: 1 people already in for 1 places."}, "", late.ID, 0},
		{"EnrolledElsewhere", []string{elsewhere.Code, "--session", sid(free), "--day", "2021-11-25"}, 9,
			[]string{"Enrolled elsewhere at that time: “Grand atelier”, 10:00 – 11:30."}, "", elsewhere.ID, 0},
		{"FullAndElsewhere", []string{elsewhere.Code, "--session", sid(small), "--day", "2021-11-25"}, 8,
			[]string{"is full", "Enrolled elsewhere"}, "", elsewhere.ID, 0},
		{"NotEnrolled", []string{late.Code, "--session", sid(open), "--day", "2021-11-25"}, 10,
			[]string{"Not enrolled in “Grand atelier”."}, "", late.ID, 0},
		{"WalkIn", []string{late.Code, "--session", sid(open), "--day", "2021-11-25", "--yes"}, 0,
			[]string{"Entered “Grand atelier”"}, "", late.ID, 1},
		{"NoCongressToday", []string{anne.Code}, 1, nil, "--day", 0, 0},
		{"BadDay", []string{anne.Code, "--day", "25/11/2021"}, 1, nil, "not a date", 0, 0},
		{"Usage", []string{}, 1, nil, "congres help", 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := runCLI(t, append([]string{"checkin", file}, c.args...)...)
			if got := exitCode(err); err != nil && got != c.code || err == nil && c.code != 0 {
				t.Fatalf("exit code %d (%v), want %d\n%s", got, err, c.code, out)
			}
			for _, want := range c.out {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			if c.err != "" && (err == nil || !strings.Contains(message(err), c.err)) {
				t.Errorf("error %v, want %q", err, c.err)
			}
			if c.logs != 0 {
				if n := arrivals(t, c.logs); n != c.want {
					t.Errorf("%d lines in the log, want %d", n, c.want)
				}
			}
		})
	}
	t.Run("Undo", func(t *testing.T) {
		// Anne arrived on the 25th; she enters a session, then both are undone.
		if _, err := runCLI(t, "checkin", file, anne.Code, "--session", sid(open), "--day", "2021-11-25", "--yes"); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Anne Test: entry into “Grand atelier” undone.", "Anne Test: arrival on 2021-11-25 undone."} {
			out, err := runCLI(t, "undo", file, anne.Code, "--desk", "Accueil 3")
			if err != nil || !strings.Contains(out, want) {
				t.Fatalf("%q %v, want %q", out, err, want)
			}
		}
		_, err := runCLI(t, "undo", file, anne.Code)
		if exitCode(err) != 1 || !strings.Contains(message(err), "no check-in left to undo") {
			t.Fatalf("a third undo: %v", err)
		}
		if n := arrivals(t, anne.ID); n != 4 {
			t.Fatalf("%d lines in the log, want 4: nothing is deleted", n)
		}
		if _, err := runCLI(t, "undo", file, "ZZ99ZZ"); exitCode(err) != 3 {
			t.Fatalf("unknown code: %v", err)
		}
		if _, err := runCLI(t, "undo", file); exitCode(err) != 1 || !strings.Contains(message(err), "congres help") {
			t.Fatalf("usage: %v", err)
		}
	})
	t.Run("French", func(t *testing.T) {
		out, err := runIn(t, "fr", "checkin", file, friday.Code, "--day", "2021-11-25")
		if exitCode(err) != 7 || !strings.Contains(out, "Attention : Pas attendu·e le jeudi 25 novembre 2021") ||
			!strings.Contains(messageIn("fr", err), "--yes") || !strings.Contains(messageIn("fr", err), "rien n'a été enregistré") {
			t.Fatalf("%q %v", out, err)
		}
		_, err = runIn(t, "fr", "checkin", file, "ZZ99ZZ", "--day", "2021-11-25")
		if !strings.Contains(messageIn("fr", err), "Code inconnu : «ZZ99ZZ»") {
			t.Fatal(messageIn("fr", err))
		}
	})
	t.Run("ExitCodeOfTheProcess", func(t *testing.T) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCheckinProcess$")
		cmd.Env = append(os.Environ(), "CONGRES_HELPER_PROCESS=1", "CONGRES_CHECKIN_ARGS="+file+"\n"+unpaid.Code+"\n--day\n2021-11-26")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 6 || !strings.Contains(stderr.String(), "congres: not checked in") {
			t.Fatalf("%v, standard error:\n%s", err, stderr.String())
		}
	})
}

// TestCheckinProcess is congres checkin as a process, for
// TestCLICheckin/ExitCodeOfTheProcess: it ends as main does.
func TestCheckinProcess(t *testing.T) {
	if os.Getenv("CONGRES_HELPER_PROCESS") == "" {
		t.Skip("run by TestCLICheckin")
	}
	os.Exit(Main(append([]string{"checkin"}, strings.Split(os.Getenv("CONGRES_CHECKIN_ARGS"), "\n")...),
		Config{Err: os.Stderr, Lang: "en"}))
}
