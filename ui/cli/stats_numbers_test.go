package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestStatsNumbersHaveSeparators: stats writes its counts as the language
// does, "1,154" in English and "1 154" (a no-break space) in French; they
// read "1154" before, where the window showed "1 154".
func TestStatsNumbersHaveSeparators(t *testing.T) {
	demo := filepath.Join(t.TempDir(), "demo.congres")
	out, err := runCLI(t, "demo", demo, "--participants", "1200")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "(1,200 participants)") {
		t.Errorf("demo says %q", out)
	}
	for _, c := range []struct{ lang, label, sep string }{{"en", "Registered", ","}, {"fr", "Inscrit·es", "\u00a0"}} {
		out, err := runIn(t, c.lang, "stats", demo)
		if err != nil {
			t.Fatal(err)
		}
		line := regexp.MustCompile(`(?m)^\s*` + c.label + `\s+(\S+)\s*$`).FindStringSubmatch(out)
		if line == nil {
			t.Fatalf("%s: no %s line in\n%s", c.lang, c.label, out)
		}
		if !regexp.MustCompile(`^1` + c.sep + `\d{3}$`).MatchString(line[1]) {
			t.Errorf("%s: %s %q, want 1%s…", c.lang, c.label, line[1], c.sep)
		}
	}
}
