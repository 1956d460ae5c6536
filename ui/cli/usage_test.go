package cli

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	_ "modernc.org/sqlite"

	"congres/data/stores"
)

// TestCLINeverWritesOverACongress names, as the --out of every command that
// writes a file, the congress itself (plain, ./FILE, through a symbolic
// link, its -wal), another congress file and another program's SQLite
// file: each is refused with a sentence and a non-zero exit code, and every
// file stays byte for byte as it was; the congress still opens.
func TestCLINeverWritesOverACongress(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	file := filepath.Join(dir, "c.congres")
	other := filepath.Join(dir, "other.congres")
	for _, f := range []string{file, other} {
		if _, err := runCLI(t, "demo", f, "--participants", "20"); err != nil {
			t.Fatal(err)
		}
	}
	foreign := filepath.Join(dir, "app.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	link := filepath.Join(dir, "badges.pdf")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	// The congress open in a window meanwhile: its -wal and -shm exist.
	s, err := stores.Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	snapshot := func() map[string][]byte {
		m := map[string][]byte{}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && !strings.HasSuffix(e.Name(), "-shm") {
				m[e.Name()] = b
			}
		}
		return m
	}
	before := snapshot()

	for _, out := range []struct{ name, path, says string }{
		{"Plain", file, "is the open congress file"},
		{"DotSlash", "./c.congres", "is the open congress file"},
		{"Symlink", link, "is the open congress file"},
		{"WAL", file + "-wal", "is the open congress file"},
		{"OtherCongress", other, "is a congress file or another database"},
		{"ForeignSQLite", foreign, "is a congress file or another database"},
	} {
		for _, cmd := range [][]string{
			{"badges", file, "--reprint"},
			{"signin", file},
			{"certificates", file},
			{"export", file},
			{"export", file, "--preset", "Traiteur"},
		} {
			t.Run(out.name+"/"+strings.Join(cmd[:1], ""), func(t *testing.T) {
				args := append(append([]string{}, cmd...), "--out", out.path)
				got, err := runCLI(t, args...)
				if err == nil || exitCode(err) == 0 || !strings.Contains(message(err), out.says) {
					t.Fatalf("%v: %q, %v", args, got, err)
				}
				if fr := messageIn("fr", err); fr == message(err) {
					t.Errorf("the sentence is not in French: %q", fr)
				}
			})
		}
	}
	t.Run("Demo", func(t *testing.T) {
		for _, path := range []string{file + "-wal", file + "-journal", foreign + "-wal"} {
			if _, err := runCLI(t, "demo", path, "--participants", "5"); err == nil {
				t.Errorf("demo %s: written", path)
			}
		}
	})
	after := snapshot()
	for name, b := range before {
		if !bytes.Equal(after[name], b) {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s was written", name)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced: %v", err)
	}
	s.Close()
	if _, err := runCLI(t, "stats", file); err != nil {
		t.Fatalf("the congress no longer opens: %v", err)
	}
}

// TestCLIUsage checks what comes from the table of commands: the help, each
// command's -h (exit code 0), and usage and flag errors in both languages.
func TestCLIUsage(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "5"); err != nil {
		t.Fatal(err)
	}
	t.Run("Help", func(t *testing.T) {
		for _, lang := range []string{"en", "fr"} {
			out, err := runIn(t, lang, "help")
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range commands {
				if !strings.Contains(out, "congres "+c.name) {
					t.Errorf("%s help lacks %s", lang, c.name)
				}
			}
			for _, line := range strings.Split(out, "\n") {
				// What a command does fits in the width; a long call line may
				// run past it.
				if n := utf8.RuneCountInString(line); n > helpWidth && strings.HasPrefix(line, strings.Repeat(" ", helpColumn)) ||
					strings.HasPrefix(strings.TrimSpace(line), ";") || strings.Contains(line, "\u00a0") {
					t.Errorf("%s help: %q", lang, line)
				}
			}
			for _, arg := range []string{"-h", "--help", "-help"} {
				if o, err := runIn(t, lang, arg); err != nil || o != out {
					t.Errorf("congres %s differs from congres help (%v)", arg, err)
				}
			}
		}
	})
	t.Run("CommandHelp", func(t *testing.T) {
		for _, c := range commands {
			for _, h := range []string{"-h", "--help"} {
				var out bytes.Buffer
				code := Main([]string{c.name, h}, Config{Out: &out, Lang: "en"})
				if code != 0 || !strings.HasPrefix(out.String(), "  congres "+strings.Split(c.forms[0].call[0], "\n")[0]) {
					t.Errorf("congres %s %s: exit %d\n%s", c.name, h, code, out.String())
				}
			}
		}
		out, err := runIn(t, "fr", "badges", file, "--out", "x.pdf", "-h")
		if err != nil || !strings.Contains(out, "badges FICHIER|URL --out") || !strings.Contains(out, "--list-layouts") {
			t.Errorf("%q %v", out, err)
		}
		if out, err := runCLI(t, "help", "checkin"); err != nil || !strings.Contains(out, "10 not enrolled") {
			t.Errorf("help checkin: %q %v", out, err)
		}
	})
	for _, c := range []struct {
		name string
		args []string
		en   string
		fr   string
	}{
		{"UnknownFlag", []string{"stats", file, "--frobnicate"}, "unknown option --frobnicate.", "option inconnue --frobnicate."},
		{"BadNumber", []string{"demo", filepath.Join(dir, "d.congres"), "--participants", "many"},
			`--participants: "many" is not a valid value.`, "--participants : «many» n'est pas une valeur valable."},
		{"MissingValue", []string{"signin", file, "--out"}, "--out needs a value.", "--out attend une valeur."},
		{"BadPair", []string{"import", file, "x.csv", "--map", "Nom"}, `--map: "Nom" is not of the form Left=Right.`,
			"--map : «Nom» n'est pas de la forme Gauche=Droite."},
		{"BadBool", []string{"badges", file, "--reprint=maybe"}, `--reprint: "maybe" is not a valid value.`,
			"--reprint : «maybe» n'est pas une valeur valable."},
		{"Arguments", []string{"stats"}, "stats needs one FILE or URL.", "stats attend un FICHIER ou une URL."},
		{"TooMany", []string{"checkin", file, "A", "B"}, "checkin needs FILE|URL and CODE.", "checkin attend FICHIER|URL et CODE."},
		{"UnknownCommand", []string{"frobnicate", "x"}, `unknown command "frobnicate".`, `commande inconnue «frobnicate».`},
		// One word that names no file is a command mistyped; a file's name
		// that is not there is a missing file.
		{"UnknownCommandAlone", []string{"frobnicate"}, `unknown command "frobnicate".`, `commande inconnue «frobnicate».`},
		{"MissingFile", []string{filepath.Join(dir, "absent.congres")}, "The file", "Le fichier"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for lang, want := range map[string]string{"en": c.en, "fr": c.fr} {
				var stderr bytes.Buffer
				code := Main(c.args, Config{Err: &stderr, Lang: lang})
				if code != 1 || !strings.HasPrefix(stderr.String(), "congres: "+want) {
					t.Errorf("%s: exit %d, standard error:\n%s", lang, code, stderr.String())
				}
				if strings.Contains(stderr.String(), "flag") {
					t.Errorf("%s: the flag package speaks:\n%s", lang, stderr.String())
				}
			}
		})
	}
	t.Run("UsageShowsTheCommand", func(t *testing.T) {
		_, err := runIn(t, "fr", "checkin", file)
		if m := messageIn("fr", err); !strings.Contains(m, "Utilisation :\n  congres checkin FICHIER|URL CODE") {
			t.Errorf("%q", m)
		}
	})
	t.Run("FlagForms", func(t *testing.T) {
		// --name value, --name=value, -name value, flags after or before
		// the arguments.
		for _, args := range [][]string{
			{"export", file, "--list-presets"},
			{"export", "-list-presets", file},
			{"export", "--list-presets=true", file},
		} {
			if _, err := runCLI(t, args...); err != nil {
				t.Errorf("%v: %v", args, err)
			}
		}
	})
}

// TestLanguage: the command line speaks French when the system does.
func TestLanguage(t *testing.T) {
	for env, want := range map[string]string{
		"LANG=fr_FR.UTF-8": "fr", "LANG=C": "en", "LC_ALL=fr_CA.UTF-8 LANG=en_GB": "fr",
		"LC_ALL=C LANG=fr_FR.UTF-8": "en", "": "en", "LANGUAGE=fr": "fr",
	} {
		vars := map[string]string{}
		for _, kv := range strings.Fields(env) {
			k, v, _ := strings.Cut(kv, "=")
			vars[k] = v
		}
		if got := Language(func(k string) string { return vars[k] }); got != want {
			t.Errorf("%q: %s, want %s", env, got, want)
		}
	}
}
