package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"congres/ui/cli"
)

// TestPOSIXLocaleIsQuiet runs a command in a process whose locale is "C":
// its error is one line on standard error, without Fyne's complaint about
// the locale (see assets/locale.go).
func TestPOSIXLocaleIsQuiet(t *testing.T) {
	if os.Getenv("CONGRES_HELPER_PROCESS") != "" {
		cli.Main([]string{"stats", filepath.Join(os.TempDir(), "does-not-exist.congres")}, config())
		os.Exit(0)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPOSIXLocaleIsQuiet$")
	cmd.Env = append(os.Environ(), "CONGRES_HELPER_PROCESS=1", "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(stderr.String()), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "does not exist") {
		t.Errorf("standard error:\n%s", stderr.String())
	}
}

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
		var out bytes.Buffer
		cfg := config()
		cfg.Out, cfg.Lang = &out, "en"
		if code := cli.Main([]string{arg}, cfg); code != 0 || out.String() != want {
			t.Errorf("congres %s: %q, exit code %d; want %q", arg, out.String(), code, want)
		}
	}
	var help bytes.Buffer
	cfg := config()
	cfg.Out, cfg.Lang = &help, "en"
	if cli.Main([]string{"help"}, cfg); !strings.Contains(help.String(), "congres --version") {
		t.Error("help does not list --version")
	}
}
