package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIBadgesWarnOfMissingGlyphs: printing badges names, on stderr, the
// person whose name has a character no font prints, and the character;
// names in scripts the fonts cover raise nothing.
func TestCLIBadgesWarnOfMissingGlyphs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "5"); err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(dir, "people.csv")
	rows := "First name,Last name,Email\nप्रिया,शर्मा,priya@example.org\nAna 😀,López,ana@example.org\n𠮷田,太郎,yoshida@example.org\n"
	if err := os.WriteFile(csv, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := runCLI(t, "import", file, csv); err != nil {
		t.Fatalf("import: %q, %v", msg, err)
	}
	for _, lang := range []string{"en", "fr"} {
		var out, errOut bytes.Buffer
		args := []string{"badges", file, "--out", filepath.Join(dir, lang+".pdf"), "--reprint"}
		if err := newRunner(Config{Out: &out, Err: &errOut, Lang: lang}).run(args); err != nil {
			t.Fatalf("%s: badges: %v\n%s", lang, err, errOut.String())
		}
		warn := errOut.String()
		want := map[string][]string{"en": {"Warning: Ana 😀 López", `U+1F600 "😀"`}, "fr": {"Attention : Ana 😀 López", "U+1F600 «😀»"}}[lang]
		for _, w := range want {
			if !strings.Contains(warn, w) {
				t.Errorf("%s: stderr %q lacks %q", lang, warn, w)
			}
		}
		if strings.Contains(warn, "शर्मा") || strings.Contains(warn, "𠮷") || strings.Count(warn, "\n") != 1 {
			t.Errorf("%s: stderr %q: want one warning, for Ana only", lang, warn)
		}
	}
}
