package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congres/data"
)

func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(args, &out)
	return out.String(), err
}

func TestCLI(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.congres")
	t.Run("Demo", func(t *testing.T) {
		out, err := runCLI(t, "demo", demo, "--participants", "120")
		if err != nil || !strings.Contains(out, "120") {
			t.Fatalf("%q, %v", out, err)
		}
		_, err = runCLI(t, "demo", demo)
		if err == nil || !strings.Contains(message(err), demo) {
			t.Fatalf("a second demo over the first: %v", err)
		}
	})
	t.Run("DemoBadCount", func(t *testing.T) {
		_, err := runCLI(t, "demo", filepath.Join(dir, "x.congres"), "--participants", "0")
		if err == nil || !strings.Contains(message(err), "--participants") {
			t.Fatalf("%v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "x.congres")); err == nil {
			t.Fatal("a refused demo left a file")
		}
	})
	t.Run("Stats", func(t *testing.T) {
		out, err := runCLI(t, "stats", demo)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Lille", "Adhérent·e", "2021-11-25", "120", "Numérique et inclusion"} {
			if !strings.Contains(out, want) {
				t.Errorf("stats lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("StatsNotACongress", func(t *testing.T) {
		text := filepath.Join(dir, "notes.txt")
		os.WriteFile(text, []byte("hello"), 0o600)
		_, err := runCLI(t, "stats", text)
		if err == nil || !strings.Contains(message(err), "not a congress file") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("Restore", func(t *testing.T) {
		if _, err := runCLI(t, "restore", demo); err == nil {
			t.Fatal("listed backups of a file that has none")
		}
		s, err := data.Open(context.Background(), demo)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Backup(context.Background()); err != nil {
			t.Fatal(err)
		}
		s.Close()
		out, err := runCLI(t, "restore", demo)
		if err != nil || !strings.Contains(out, "  1  ") {
			t.Fatalf("%q, %v", out, err)
		}
		if _, err := runCLI(t, "restore", demo, "7"); err == nil {
			t.Fatal("restored a backup that does not exist")
		}
		out, err = runCLI(t, "restore", demo, "1")
		if err != nil || !strings.Contains(out, demo) {
			t.Fatalf("%q, %v", out, err)
		}
	})
	t.Run("Usage", func(t *testing.T) {
		for _, args := range [][]string{{"frobnicate", "x"}, {"stats"}, {"demo"}, {"restore"}} {
			if _, err := runCLI(t, args...); err == nil || !strings.Contains(message(err), "congres help") {
				t.Errorf("%v: %v", args, err)
			}
		}
		if _, err := runCLI(t, filepath.Join(dir, "missing.congres")); err == nil {
			t.Error("opened a missing file")
		}
		out, err := runCLI(t, "help")
		if err != nil || !strings.Contains(out, "congres restore") {
			t.Errorf("help: %q %v", out, err)
		}
	})
}

func TestCLIFrench(t *testing.T) {
	old := lang
	lang = "fr"
	defer func() { lang = old }()
	_, err := runCLI(t, "stats", filepath.Join(t.TempDir(), "absent.congres"))
	if err == nil || !strings.Contains(message(err), "n'existe pas") {
		t.Fatalf("%v", err)
	}
	out, _ := runCLI(t, "help")
	if !strings.Contains(out, "Utilisation") {
		t.Fatalf("help in French: %q", out)
	}
}
