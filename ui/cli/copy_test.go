package cli

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLICopy: `congres copy` takes the demo onto a server and back into a
// new file; stats reads the same congress in all three; a copy never goes
// over a congress, a file or a server's.
func TestCLICopy(t *testing.T) {
	dbURL, _ := serverDatabase(t)
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.congres")
	if _, err := runCLI(t, "demo", demo, "--participants", "120"); err != nil {
		t.Fatal(err)
	}
	out, err := runCLI(t, "copy", demo, dbURL)
	if err != nil {
		t.Fatalf("copy to the server: %v", err)
	}
	redacted := strings.Replace(dbURL, ":"+password(t, dbURL)+"@", "@", 1)
	if !strings.Contains(out, redacted) || strings.Contains(out, password(t, dbURL)) {
		t.Errorf("the output shows the server without its password: %q", out)
	}
	back := filepath.Join(dir, "back.congres")
	if _, err := runCLI(t, "copy", dbURL, back); err != nil {
		t.Fatalf("copy back to a file: %v", err)
	}
	want, err := runCLI(t, "stats", demo)
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{dbURL, back} {
		got, err := runCLI(t, "stats", target)
		if err != nil {
			t.Fatal(err)
		}
		// stats names the congress's place; the rest is the same.
		if strip(got, target) != strip(want, demo) {
			t.Errorf("stats of %s:\n%s\nwant (as the demo's):\n%s", filepath.Base(target), got, want)
		}
	}

	// Never over a congress.
	if _, err := runCLI(t, "copy", demo, dbURL); err == nil || !strings.Contains(message(err), "holds a congress already") {
		t.Errorf("a copy onto a server's congress: %v", err)
	}
	before, _ := os.ReadFile(back)
	if _, err := runCLI(t, "copy", dbURL, back); err == nil {
		t.Error("a copy over an existing file succeeded")
	}
	if after, _ := os.ReadFile(back); string(after) != string(before) {
		t.Error("a refused copy changed the file")
	}
	if _, err := runCLI(t, "copy", demo, demo); err == nil {
		t.Error("a copy of a file onto itself succeeded")
	}
	fr, err := runIn(t, "fr", "copy", demo, dbURL)
	if err == nil || !strings.Contains(messageIn("fr", err), "contient déjà un congrès") {
		t.Errorf("in French: %q, %v", fr, err)
	}
}

// strip removes every mention of target (and of its folder) from out.
func strip(out, target string) string {
	out = strings.ReplaceAll(out, target, "")
	return strings.ReplaceAll(out, filepath.Dir(target), "")
}

// password is the password in the URL u.
func password(t *testing.T, u string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := p.User.Password()
	if pw == "" {
		t.Fatalf("the test server's URL has no password: the test would prove nothing")
	}
	return pw
}
