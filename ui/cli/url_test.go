package cli

import (
	"context"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
)

// TestCLIURL: every command that takes a congress takes a server's URL
// (new, stats, checkin, undo, unlock, import, the exports, desk and the
// window), and the commands that work on a file only (demo, restore)
// refuse it with a sentence; the password given in the URL appears in
// nothing the command line prints, in either language.
func TestCLIURL(t *testing.T) {
	target := storetest.NewDatabase(t)
	u, _ := url.Parse(target)
	password, _ := u.User.Password()
	shown := stores.Redact(target)
	dir := t.TempDir()
	t.Chdir(dir)
	var logged strings.Builder // what congres logs (internal errors' details)
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)

	var printed []string // everything the command line printed
	run := func(t *testing.T, lang string, wantCode int, args ...string) (stdout, stderr string) {
		t.Helper()
		code, stdout, stderr := runMain(lang, args...)
		printed = append(printed, stdout, stderr)
		if code != wantCode {
			shownArgs := make([]string, len(args))
			for i, a := range args {
				shownArgs[i] = stores.Redact(a)
			}
			t.Fatalf("congres %s: exit %d, want %d\n%s%s", strings.Join(shownArgs, " "), code, wantCode, stdout, stderr)
		}
		return stdout, stderr
	}

	t.Run("New", func(t *testing.T) {
		out, _ := run(t, "en", 0, "new", target, "--name", "Assises", "--days", "2026-06-01,2026-06-02")
		if !strings.Contains(out, "Congress “Assises” created in "+shown) {
			t.Errorf("%q", out)
		}
		for lang, want := range map[string]string{"en": shown + " holds a congress already.", "fr": shown + " contient déjà un congrès."} {
			if _, stderr := run(t, lang, 1, "new", target, "--name", "Encore", "--days", "2026-07-01"); !strings.Contains(stderr, want) {
				t.Errorf("%s: %q", lang, stderr)
			}
		}
	})

	// Two people, written through the store.
	ctx := context.Background()
	s, err := stores.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	cats, err := s.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var people []data.Participant
	for _, first := range []string{"Anne", "Bruno"} {
		p := data.Participant{FirstName: first, LastName: "Martin", CategoryID: cats[0].ID, Status: data.StatusConfirmed,
			Days: []data.Day{"2026-06-01", "2026-06-02"}}
		if err := s.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	s.Close()
	code := people[0].Code

	t.Run("Stats", func(t *testing.T) {
		if out, _ := run(t, "en", 0, "stats", target); !strings.HasPrefix(out, "Assises\n") || !strings.Contains(out, "Registered") {
			t.Errorf("%q", out)
		}
	})
	t.Run("Checkin", func(t *testing.T) {
		out, _ := run(t, "en", 0, "checkin", target, code, "--day", "2026-06-01", "--desk", "Accueil 1")
		if !strings.Contains(out, "Checked in on 2026-06-01") {
			t.Errorf("%q", out)
		}
		run(t, "en", 0, "undo", target, code, "--desk", "Accueil 1")
		run(t, "en", 0, "checkin", target, people[1].Code, "--day", "2026-06-01")
	})
	for _, args := range [][]string{
		{"export", target, "--out", "presence.xlsx"},
		{"badges", target, "--out", "badges.pdf"},
		{"signin", target, "--out", "signin.pdf", "--day", "2026-06-01"},
		{"certificates", target, "--out", "certificates.pdf"},
	} {
		t.Run("Exports/"+args[slices.Index(args, "--out")+1], func(t *testing.T) {
			out := args[slices.Index(args, "--out")+1]
			run(t, "en", 0, args...)
			if st, err := os.Stat(out); err != nil || st.Size() == 0 {
				t.Errorf("%s: %v", out, err)
			}
		})
	}
	t.Run("Presets", func(t *testing.T) {
		run(t, "en", 0, "export", target, "--list-presets")
	})
	t.Run("Unlock", func(t *testing.T) {
		if out, _ := run(t, "en", 0, "unlock", target); !strings.Contains(out, "The desk of "+shown+" is not locked") {
			t.Errorf("%q", out)
		}
	})
	t.Run("Window", func(t *testing.T) {
		for _, c := range []struct {
			args []string
			want Window
		}{
			{[]string{"desk", target}, Window{File: target, Desk: true}},
			{[]string{target}, Window{File: target}},
		} {
			var opened []Window
			if code := Main(c.args, Config{Lang: "en", Window: func(w Window) { opened = append(opened, w) }}); code != 0 ||
				len(opened) != 1 || opened[0] != c.want {
				t.Errorf("congres %s: exit %d, opened %+v", c.args[0], code, opened)
			}
		}
	})
	t.Run("FileOnly", func(t *testing.T) {
		for _, args := range [][]string{{"demo", target}, {"restore", target}, {"restore", target, "1"}} {
			for lang, want := range map[string]string{
				"en": args[0] + " works on a congress file, and " + shown + " is a congress on a server: nothing was done.",
				"fr": args[0] + " travaille sur un fichier de congrès, et " + shown + " est un congrès sur un serveur : rien n'a été fait.",
			} {
				if _, stderr := run(t, lang, 1, args...); stderr != "congres: "+want+"\n" {
					t.Errorf("%s %v: %q", lang, args, stderr)
				}
			}
		}
	})
	t.Run("Refused", func(t *testing.T) {
		wrong := *u
		wrong.User = url.UserPassword(u.User.Username(), password+"x")
		if _, stderr := run(t, "en", 1, "stats", wrong.String()); !strings.Contains(stderr, "refused this user name or password") {
			t.Errorf("%q", stderr)
		}
		missing := *u
		missing.Path = "/congres_absent"
		if _, stderr := run(t, "fr", 1, "stats", missing.String()); !strings.Contains(stderr, "Il n'y a pas de base de données") {
			t.Errorf("%q", stderr)
		}
	})
	t.Run("Import", func(t *testing.T) {
		csv := filepath.Join(dir, "inscrits.csv")
		if err := os.WriteFile(csv, []byte("Prénom,Nom,Email,Statut\nChloé,Petit,chloe@example.org,confirmé\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if out, _ := run(t, "en", 0, "import", target, csv); !strings.Contains(out, "1 new") {
			t.Errorf("%q", out)
		}
	})
	for _, p := range append(printed, logged.String()) {
		if strings.Contains(p, password) {
			t.Errorf("the password printed: %q", p)
		}
	}
}
