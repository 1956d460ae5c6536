package cli

import (
	"os"
	"strings"
	"testing"
)

// TestREADMECommandList: the README's list of commands is what `congres
// help` prints in English, line for line, so that the README never promises
// a command, an option or an exit code the program does not have.
func TestREADMECommandList(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const heading = "## Command line\n\n```\n"
	start := strings.Index(string(readme), heading)
	if start < 0 {
		t.Fatal("README.md has no command list under '## Command line'")
	}
	block := string(readme)[start+len(heading):]
	block = block[:strings.Index(block, "```")]

	out, err := runCLI(t, "help")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "  "); ok {
			want = append(want, rest)
		}
	}
	got := strings.Split(strings.TrimSuffix(block, "\n"), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		for i := range max(len(got), len(want)) {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Fatalf("README line %d of the command list:\n  README: %q\n  help:   %q", i+1, g, w)
			}
		}
	}
}
