package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// fakeOpener makes the opener a shell script of the test's, whose body is
// body, and the grace period grace. The script writes its process ID where
// the returned function reads it.
func fakeOpener(t *testing.T, body string, grace time.Duration) (pid func() int) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake opener is a shell script")
	}
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	script := filepath.Join(dir, "opener")
	text := fmt.Sprintf("#!/bin/sh\necho $$ > %q\n%s\n", pidFile, body)
	if err := os.WriteFile(script, []byte(text), 0o755); err != nil {
		t.Fatal(err)
	}
	useOpener(t, []string{script}, grace)
	return func() int {
		t.Helper()
		b, err := os.ReadFile(pidFile)
		if err != nil {
			t.Fatalf("the opener did not run: %v", err)
		}
		n, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
}

// useOpener makes the opener cmd, the grace period grace, and openURL the
// real one, for the length of the test.
func useOpener(t *testing.T, cmd []string, grace time.Duration) {
	t.Helper()
	oldOpener, oldGrace, oldOpen := opener, openGrace, openURL
	t.Cleanup(func() { opener, openGrace, openURL = oldOpener, oldGrace, oldOpen })
	opener, openGrace, openURL = cmd, grace, openWithSystem
}

// assertReaped waits until process pid has ended, and fails when it stays a
// zombie: ended, but never waited for by Congrès, its parent.
func assertReaped(t *testing.T, pid int) {
	t.Helper()
	if runtime.GOOS != "linux" {
		return // /proc tells a zombie on Linux only
	}
	stat := fmt.Sprintf("/proc/%d/stat", pid)
	deadline := time.Now().Add(5 * time.Second)
	for {
		b, err := os.ReadFile(stat)
		if errors.Is(err, os.ErrNotExist) {
			return // ended and reaped
		}
		if time.Now().After(deadline) {
			// The state follows the command's name, in parentheses.
			state := "?"
			if i := strings.LastIndexByte(string(b), ')'); i >= 0 && i+2 < len(b) {
				state = string(b[i+2])
			}
			t.Fatalf("the opener (process %d) is still there, state %s (Z: a zombie never waited for)", pid, state)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestOpenWithSystem: the opener that is missing, or ends with an error
// within the grace period, is "no viewer answered"; one that ends well, or
// still runs after it (the viewer shows the file), opened it; in every
// case the process is waited for, so none is left a zombie.
func TestOpenWithSystem(t *testing.T) {
	u := fileURL(filepath.Join(t.TempDir(), "badges.pdf"))
	t.Run("Missing", func(t *testing.T) {
		useOpener(t, []string{filepath.Join(t.TempDir(), "no-such-opener")}, time.Second)
		if err := openURL(u); !errors.Is(err, errNoViewer) {
			t.Fatalf("a missing opener: %v", err)
		}
	})
	t.Run("NotInPath", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		useOpener(t, []string{"xdg-open"}, time.Second)
		if err := openURL(u); !errors.Is(err, errNoViewer) {
			t.Fatalf("no xdg-open in PATH: %v", err)
		}
	})
	t.Run("FailsAtOnce", func(t *testing.T) {
		// What xdg-open does without a PDF viewer: it ends with code 3.
		pid := fakeOpener(t, "exit 3", 5*time.Second)
		if err := openURL(u); !errors.Is(err, errNoViewer) {
			t.Fatalf("an opener that fails: %v", err)
		}
		assertReaped(t, pid())
	})
	t.Run("EndsWell", func(t *testing.T) {
		pid := fakeOpener(t, "exit 0", 5*time.Second)
		if err := openURL(u); err != nil {
			t.Fatalf("an opener that ends well: %v", err)
		}
		assertReaped(t, pid())
	})
	t.Run("StillRunning", func(t *testing.T) {
		// A viewer run in the foreground: still there after the grace
		// period, it has opened the file; it is reaped when it ends.
		pid := fakeOpener(t, "sleep 0.4; exit 1", 50*time.Millisecond)
		if err := openURL(u); err != nil {
			t.Fatalf("an opener still running: %v", err)
		}
		assertReaped(t, pid())
	})
	t.Run("GetsTheURL", func(t *testing.T) {
		dir := t.TempDir()
		got := filepath.Join(dir, "args")
		script := filepath.Join(dir, "opener")
		if err := os.WriteFile(script, []byte(fmt.Sprintf("#!/bin/sh\necho \"$@\" > %q\n", got)), 0o755); err != nil {
			t.Fatal(err)
		}
		useOpener(t, []string{script, "--first"}, 5*time.Second)
		if err := openURL(u); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(got); strings.TrimSpace(string(b)) != "--first "+u.String() {
			t.Errorf("the opener was given %q", b)
		}
	})
}

// TestPrintWithoutViewerSaysSo prints a badge on a computer without lp,
// whose opener fails (no PDF viewer): the person is told where the badge
// was saved, in their language, and not that it opened.
func TestPrintWithoutViewerSaysSo(t *testing.T) {
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 5))
	e := newTestEnv(t)
	b := newBadgePrinter(e, st, a.Preferences())
	ids := storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true})
	saved := filepath.Join(filepath.Dir(st.Path()), "demo badges", "badges.pdf")

	print := func(t *testing.T) badgeResult {
		t.Helper()
		var res badgeResult
		b.printOneAsync(ids[0], func(r badgeResult) { res = r })
		waitIdle(t, e.tasks)
		if top := e.win.Canvas().Overlays().Top(); top != nil &&
			strings.Contains(test.RenderObjectToMarkup(top), lang.L("Already printed")) { // printed before
			tapDialogButton(t, e.win.Canvas(), lang.L("Print another"))
			waitIdle(t, e.tasks)
		}
		return res
	}

	t.Run("NoViewer", func(t *testing.T) {
		newFakePrinting(t, false)
		pid := fakeOpener(t, "echo 'xdg-open: no method available for opening' >&2; exit 3", 5*time.Second)
		res := print(t)
		want := "No PDF viewer answered: the badge was saved as " + saved + "; open it by hand to print it. The badge is not counted as printed."
		if res.message != want || !res.noViewer {
			t.Errorf("message %q (no viewer %v), want %q", res.message, res.noViewer, want)
		}
		assertDialogLabel(t, e.win.Canvas(), want)
		tapDialogButton(t, e.win.Canvas(), "OK")
		if _, err := os.Stat(saved); err != nil {
			t.Errorf("the badge was not saved: %v", err)
		}
		assertReaped(t, pid())
	})
	t.Run("NoViewerInFrench", func(t *testing.T) {
		newFakePrinting(t, false)
		useOpener(t, []string{filepath.Join(t.TempDir(), "absent")}, time.Second)
		if err := loadTranslations("fr"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { loadTranslations("en") })
		res := print(t)
		want := "Aucune visionneuse PDF n'a répondu : le badge a été enregistré dans " + saved + " ; ouvrez-le vous-même pour l'imprimer. Le badge n'est pas compté comme imprimé."
		if res.message != want {
			t.Errorf("message %q, want %q", res.message, want)
		}
		if top := e.win.Canvas().Overlays().Top(); top != nil {
			top.Hide()
		}
	})
	t.Run("ViewerAnswers", func(t *testing.T) {
		newFakePrinting(t, false)
		pid := fakeOpener(t, "sleep 0.3", 50*time.Millisecond)
		if res := print(t); res.message != "1 badge opened in the PDF viewer: print it from there." || res.noViewer {
			t.Errorf("message %q (no viewer %v)", res.message, res.noViewer)
		}
		assertReaped(t, pid())
	})
}

// assertDialogLabel checks that the dialog on top shows a label reading
// want (in a window too narrow, its markup cuts the words).
func assertDialogLabel(t *testing.T, c fyne.Canvas, want string) {
	t.Helper()
	top := c.Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			if l.Text == want {
				return
			}
			texts = append(texts, l.Text)
		}
	}
	t.Errorf("the dialog does not say %q but %q", want, texts)
}
