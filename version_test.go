package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestVersion checks that congres --version prints FyneApp.toml's version
// and build number, read here apart from the program's TOML decoder.
func TestVersion(t *testing.T) {
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?ms)^Version *= *"([^"]+)"$.*^Build *= *(\d+)$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("FyneApp.toml: no Version and Build")
	}
	want := "Congrès " + string(m[1]) + " (build " + string(m[2]) + ")\n"
	for _, arg := range []string{"--version", "-version"} {
		out, err := runCLI(t, arg)
		if err != nil || out != want {
			t.Errorf("congres %s: %q, %v; want %q", arg, out, err, want)
		}
	}
	if help, _ := runCLI(t, "help"); !strings.Contains(help, "congres --version") {
		t.Error("help does not list --version")
	}
}
