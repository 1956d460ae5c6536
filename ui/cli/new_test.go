package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runMain runs a command line as congres does, in language lang, and
// returns its exit code, standard output and standard error.
func runMain(lang string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Main(args, Config{Out: &out, Err: &errOut, Lang: lang})
	return code, out.String(), errOut.String()
}

// TestCLINew: congres new creates an empty congress with its name and days,
// which stats then reads; it refuses, in the person's language and with
// exit code 1, an existing file, a bad date, days out of order or given
// twice and an empty name, and leaves no file behind when it refuses.
func TestCLINew(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "assises.congres")
	t.Run("Creates", func(t *testing.T) {
		code, out, stderr := runMain("en", "new", file, "--name", "Assises du vélo", "--days", "2026-05-12,2026-05-13")
		if code != 0 || stderr != "" {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		want := "Congress “Assises du vélo” created in " + file + ": 2 days (2026-05-12, 2026-05-13). Open it with: congres " + file + "\n"
		if out != want {
			t.Errorf("said %q, want %q", out, want)
		}
		code, out, _ = runMain("fr", "new", filepath.Join(dir, "un-jour.congres"), "--name=Journée", "--days=2026-06-01")
		if code != 0 || !strings.HasPrefix(out, "Congrès «Journée» créé dans ") || !strings.Contains(out, ": 1 jour (2026-06-01).") {
			t.Errorf("exit %d: %q", code, out)
		}
		code, out, _ = runMain("en", "new", filepath.Join(dir, "twice.congres"), "--days", "2026-06-01", "--name", "T", "--days", "2026-06-02")
		if code != 0 || !strings.Contains(out, ": 2 days (2026-06-01, 2026-06-02).") {
			t.Errorf("--days given twice: exit %d: %q", code, out)
		}
	})
	t.Run("Stats", func(t *testing.T) {
		code, out, stderr := runMain("en", "stats", file)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.HasPrefix(out, "Assises du vélo\n\n") {
			t.Errorf("stats begins %q", out[:min(len(out), 40)])
		}
		words := strings.Join(strings.Fields(out), " ")
		for _, want := range []string{"Registered 0 Pending 0", "Adhérent·e 0 0 0 0", "2026-05-12 0 0 2026-05-13 0 0"} {
			if !strings.Contains(words, want) {
				t.Errorf("stats lacks %q:\n%s", want, out)
			}
		}
		if !strings.HasSuffix(words, "Workshop Day Enrolled Capacity Waiting") {
			t.Errorf("an empty congress has workshops:\n%s", out)
		}
	})
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(file)
	for _, c := range []struct {
		name string
		args []string
		en   string
		fr   string
	}{
		{"OverACongress", []string{"new", file, "--name", "X", "--days", "2026-05-12"},
			file + " is a congress file or another database", file + " est un fichier de congrès ou une autre base de données"},
		{"OverAnyFile", []string{"new", text, "--name", "X", "--days", "2026-05-12"},
			`The file "` + text + `" already exists.`, "Le fichier «" + text + "» existe déjà."},
		{"BadDate", []string{"new", filepath.Join(dir, "a.congres"), "--name", "X", "--days", "2026-05-12,2026-02-30"},
			"“2026-02-30” is not a date (expected YYYY-MM-DD).", "«2026-02-30» n'est pas une date (format attendu AAAA-MM-JJ)."},
		{"NotADate", []string{"new", filepath.Join(dir, "a.congres"), "--name", "X", "--days", "12/05/2026"},
			"“12/05/2026” is not a date", "«12/05/2026» n'est pas une date"},
		{"OutOfOrder", []string{"new", filepath.Join(dir, "a.congres"), "--name", "X", "--days", "2026-05-13,2026-05-12"},
			"--days: the days go in order, and 2026-05-12 comes before 2026-05-13.",
			"--days : les jours vont dans l'ordre, et 2026-05-12 vient avant 2026-05-13."},
		{"Twice", []string{"new", filepath.Join(dir, "a.congres"), "--name", "X", "--days", "2026-05-12, 2026-05-13,2026-05-12"},
			"--days: 2026-05-12 is given twice.", "--days : 2026-05-12 est donné deux fois."},
		{"EmptyDay", []string{"new", filepath.Join(dir, "a.congres"), "--name", "X", "--days", "2026-05-12,"},
			`--days: "2026-05-12," has an empty day between its commas.`, "--days : «2026-05-12,» a un jour vide entre ses virgules."},
		{"NoDays", []string{"new", filepath.Join(dir, "a.congres"), "--name", "X"},
			"new needs --days: the congress's days, YYYY-MM-DD, separated by commas.",
			"new attend --days : les jours du congrès, AAAA-MM-JJ, séparés par des virgules."},
		{"EmptyName", []string{"new", filepath.Join(dir, "a.congres"), "--name", "  ", "--days", "2026-05-12"},
			"new needs --name NAME: the congress's name.", "new attend --name NOM : le nom du congrès."},
		{"NoName", []string{"new", filepath.Join(dir, "a.congres"), "--days", "2026-05-12"},
			"new needs --name NAME: the congress's name.", "new attend --name NOM : le nom du congrès."},
		{"NoFile", []string{"new", "--name", "X", "--days", "2026-05-12"}, "new needs one FILE or URL.", "new attend un FICHIER ou une URL."},
		{"NoFolder", []string{"new", filepath.Join(dir, "absent", "a.congres"), "--name", "X", "--days", "2026-05-12"},
			`The folder "` + filepath.Join(dir, "absent") + `" does not exist: nothing was created.`,
			"Le dossier «" + filepath.Join(dir, "absent") + "» n'existe pas : rien n'a été créé."},
		{"DemoNoFolder", []string{"demo", filepath.Join(dir, "absent", "a.congres")},
			`The folder "` + filepath.Join(dir, "absent") + `" does not exist: nothing was created.`,
			"Le dossier «" + filepath.Join(dir, "absent") + "» n'existe pas : rien n'a été créé."},
	} {
		t.Run(c.name, func(t *testing.T) {
			for lang, want := range map[string]string{"en": c.en, "fr": c.fr} {
				code, out, stderr := runMain(lang, c.args...)
				if code != 1 || out != "" || !strings.HasPrefix(stderr, "congres: "+want) {
					t.Errorf("%s: exit %d, said %q, standard error:\n%s", lang, code, out, stderr)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "a.congres")); err == nil {
				t.Error("a refused congress left a file")
			}
		})
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
		t.Error("the congress refused as a new file changed")
	}
	if after, _ := os.ReadFile(text); string(after) != "mine" {
		t.Errorf("the file refused as a new congress now holds %q", after)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("a temporary file is left: %s", e.Name())
		}
	}
}

// TestCLIDesk: congres desk FILE opens the window on the file's welcome
// desk; congres FILE and congres alone open it as before.
func TestCLIDesk(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "desk.congres")
	if code, _, stderr := runMain("en", "new", file, "--name", "Desk", "--days", "2026-05-12"); code != 0 {
		t.Fatal(stderr)
	}
	open := func(lang string, args ...string) (opened []Window, code int, stderr string) {
		var errOut bytes.Buffer
		code = Main(args, Config{Err: &errOut, Lang: lang, Window: func(w Window) { opened = append(opened, w) }})
		return opened, code, errOut.String()
	}
	for _, c := range []struct {
		args []string
		want Window
	}{
		{[]string{"desk", file}, Window{File: file, Desk: true}},
		{[]string{file}, Window{File: file}},
		{nil, Window{}},
	} {
		if opened, code, stderr := open("en", c.args...); code != 0 || len(opened) != 1 || opened[0] != c.want {
			t.Errorf("congres %q: exit %d, opened %+v, want %+v; %s", c.args, code, opened, c.want, stderr)
		}
	}
	missing := filepath.Join(dir, "absent.congres")
	for lang, want := range map[string]string{"en": `The file "` + missing + `" does not exist`, "fr": "Le fichier «" + missing + "» n'existe pas"} {
		if opened, code, stderr := open(lang, "desk", missing); code != 1 || len(opened) != 0 || !strings.HasPrefix(stderr, "congres: "+want) {
			t.Errorf("%s: a missing file: exit %d, opened %+v, %s", lang, code, opened, stderr)
		}
		if opened, code, stderr := open(lang, "desk"); code != 1 || len(opened) != 0 || !strings.Contains(stderr, "congres desk ") {
			t.Errorf("%s: no file: exit %d, opened %+v, %s", lang, code, opened, stderr)
		}
	}
	if out, err := runCLI(t, "desk", "-h"); err != nil || !strings.HasPrefix(out, "  congres desk FILE") {
		t.Errorf("desk -h: %q %v", out, err)
	}
}
