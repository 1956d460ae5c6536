package stores

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congres/data"
)

func TestIsServer(t *testing.T) {
	dir := t.TempDir()
	odd := filepath.Join(dir, "host=x")
	if err := os.WriteFile(odd, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		target string
		want   bool
	}{
		{"postgres://desk@db.local/congres", true},
		{"PostgreSQL://desk:secret@db.local:5433/congres?sslmode=require", true},
		{"host=db.local dbname=congres user=desk", true},
		{"dbname=congres", true},
		{" host = db.local", true},
		{"congres.congres", false},
		{"/home/me/Congres/2026.congres", false},
		{`C:\Users\me\congres=2026.congres`, false},
		{"a=b.congres", false},
		{odd, false}, // a file that exists is a file
		{"", false},
	} {
		if got := IsServer(c.target); got != c.want {
			t.Errorf("IsServer(%q) = %v, want %v", c.target, got, c.want)
		}
	}
}

func TestRedact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"postgres://desk:s3cret@db.local/congres", "postgres://desk@db.local/congres"},
		{"host=db.local password=s3cret dbname=congres", "host=db.local dbname=congres"},
		{"/tmp/password=s3cret.congres", "/tmp/password=s3cret.congres"}, // a file's path is a path
	} {
		if got := Redact(c.in); got != c.want {
			t.Errorf("Redact(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestFile: a path opens, creates and views a file, as data does.
func TestFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c"+data.Extension)
	s, err := Create(ctx, path, data.Congress{Name: "Assises", Days: []data.Day{"2026-06-01"}})
	if err != nil {
		t.Fatal(err)
	}
	if s.OnServer() || s.Location() != path {
		t.Errorf("Create(%s): on server %v, location %q", path, s.OnServer(), s.Location())
	}
	s.Close()
	for _, open := range []func(context.Context, string) (*data.Store, error){Open, OpenOrView} {
		s, err := open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.Congress(ctx)
		s.Close()
		if err != nil || c.Name != "Assises" {
			t.Errorf("congress %+v, %v", c, err)
		}
	}
	if _, err := Open(ctx, filepath.Join(t.TempDir(), "none"+data.Extension)); data.KindOf(err) != data.KindNotFound {
		t.Errorf("a missing file: %v", err)
	}
	if _, err := Create(ctx, path, data.Congress{Name: "Again", Days: []data.Day{"2026-06-01"}}); err == nil ||
		!strings.Contains(data.Message(err, "en"), path) {
		t.Errorf("Create over a file: %v", err)
	}
}

// TestFileOnly: a server's URL is refused by what works on a file only,
// named without its password, in both languages.
func TestFileOnly(t *testing.T) {
	ctx := context.Background()
	target := "postgres://desk:s3cret@db.local/congres"
	_, backupsErr := Backups(target)
	for _, err := range []error{WriteDemo(ctx, target, data.DemoOptions{}), backupsErr, Restore(ctx, target, "/tmp/b.congres")} {
		if !errors.Is(err, ErrFileOnly) {
			t.Errorf("%v", err)
		}
		for lang, want := range map[string]string{"en": "postgres://desk@db.local/congres is a congress on a server",
			"fr": "postgres://desk@db.local/congres est un congrès sur un serveur"} {
			if m := data.Message(err, lang); !strings.HasPrefix(m, want) || strings.Contains(m, "s3cret") {
				t.Errorf("%s: %q", lang, m)
			}
		}
	}
}

// TestServerURLMalformed: a URL that cannot be read is refused in a
// sentence (not an internal error) that does not show its password.
func TestServerURLMalformed(t *testing.T) {
	for _, target := range []string{
		"postgres://desk:s3cret@db.local:notaport/congres",
		"postgres://desk:s3cret@db.local/congres?sslmode=sometimes",
		"host=db.local password=s3cret port=notaport",
	} {
		_, err := Open(context.Background(), target)
		if !errors.Is(err, ErrBadURL) {
			t.Errorf("%s: %v", Redact(target), err)
			continue
		}
		for _, m := range []string{err.Error(), data.Message(err, "en"), data.Message(err, "fr")} {
			if strings.Contains(m, "s3cret") {
				t.Errorf("the password in %q", m)
			}
		}
	}
}
