package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores"
	"congres/export"
)

// pdfPageCount is pdfinfo's page count; the test skips without poppler
// unless CONGRES_REQUIRE_TOOLS is set.
func pdfPageCount(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		if os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
			t.Fatal("pdfinfo:", err)
		}
		t.Skip("pdfinfo:", err)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(out)
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// TestCLIBadgesSheet: congres badges places the badges on a partly used
// sheet with its own margins and gaps (--start, --margin-top, --margin-left,
// --gap-x, --gap-y), read back from the PDF; it says on stderr, in the
// command line's language, when cut marks cannot be drawn and when a label
// roll drops the duplex saved for it; and it refuses values out of range
// or not numbers with a sentence, writing nothing.
func TestCLIBadgesSheet(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "c.congres")
	if _, err := runCLI(t, "demo", file, "--participants", "30"); err != nil {
		t.Fatal(err)
	}
	s, err := stores.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	ids, _ := s.ParticipantIDs(ctx, data.ParticipantQuery{SkipCancelled: true})
	saved := data.DefaultBadgeSettings()
	saved.CutMarks, saved.Duplex = true, true
	for _, l := range []string{"a4-a6", "label-62x100"} {
		if err := s.SaveBadgeSettings(ctx, l, saved); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	n := len(ids)

	t.Run("StartMarginsGaps", func(t *testing.T) {
		pdf := filepath.Join(dir, "start.pdf")
		out, err := runCLI(t, "badges", file, "--out", pdf, "--reprint", "--start", "4",
			"--margin-top", "15", "--margin-left", "12,5", "--gap-x", "4", "--gap-y", "3")
		if err != nil {
			t.Fatalf("%q: %v", out, message(err))
		}
		if got, want := pdfPageCount(t, pdf), (n+3+9)/10; got != want {
			t.Errorf("%d pages for %d badges from label 4, want %d", got, n, want)
		}
		// Where the layout puts labels 1–4 with those margins and gaps.
		l, _ := export.LayoutByName("a4-85x54")
		st := data.DefaultBadgeSettings()
		st.MarginTop, st.MarginLeft, st.GapX, st.GapY = 15, 12.5, 4, 3
		lo := export.BadgeOptions{Layout: l, Settings: st}.PrintLayout()
		if s := lo.Slot(3); s.X != 12.5+85+4 || s.Y != 15+54+3 {
			t.Fatalf("label 4 at %+v", s)
		}
		words, err := exec.Command("pdftotext", "-f", "1", "-l", "1", "-bbox", pdf, "-").Output()
		if err != nil {
			t.Skip("pdftotext:", err)
		}
		re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)"`)
		var onLabel4 int
		for _, m := range re.FindAllSubmatch(words, -1) {
			x, _ := strconv.ParseFloat(string(m[1]), 64)
			y, _ := strconv.ParseFloat(string(m[2]), 64)
			x, y = x*25.4/72, y*25.4/72
			for k := range 4 {
				b := lo.Slot(k)
				if x >= b.X && x < b.Right() && y >= b.Y && y < b.Bottom() {
					if k < 3 {
						t.Errorf("a word at %.1f, %.1f mm on label %d, already used", x, y, k+1)
					} else {
						onLabel4++
					}
				}
			}
		}
		if onLabel4 == 0 {
			t.Error("nothing on label 4")
		}
	})

	t.Run("Warnings", func(t *testing.T) {
		for _, c := range []struct{ lang, layout, want string }{
			{"en", "a4-a6", "Warning: Cut marks cannot be drawn around the badges"},
			{"fr", "a4-a6", "Attention : Les traits de coupe ne peuvent pas être tracés autour des badges"},
			{"en", "label-62x100", "Warning: A roll of labels prints on one side only"},
		} {
			var out, errOut bytes.Buffer
			pdf := filepath.Join(dir, c.layout+".pdf")
			err := newRunner(Config{Out: &out, Err: &errOut, Lang: c.lang}).run([]string{"badges", file, "--out", pdf, "--reprint", "--layout", c.layout})
			if err != nil {
				t.Fatalf("%s: %v", c.layout, err)
			}
			if !strings.Contains(errOut.String(), c.want) {
				t.Errorf("%s %s: stderr %q, want %q", c.lang, c.layout, errOut.String(), c.want)
			}
			if c.layout == "label-62x100" {
				if got := pdfPageCount(t, pdf); got != n {
					t.Errorf("%d pages for %d labels: backs were printed", got, n)
				}
			}
		}
	})

	t.Run("Refused", func(t *testing.T) {
		pdf := filepath.Join(dir, "refused.pdf")
		for _, c := range []struct {
			lang string
			args []string
			want string
		}{
			{"en", []string{"--gap-y", "60"}, "The gap between rows must be between 0 and 50 mm."},
			{"fr", []string{"--margin-left", "-3"}, "La marge de gauche doit se situer entre 0 et 100 mm."},
			{"en", []string{"--margin-top", "quinze"}, `--margin-top is a number of millimetres, such as 12.5, not "quinze".`},
			{"en", []string{"--start", "11"}, "A sheet of this layout has 10 labels: the first badge goes on label 1 to 10, not 11."},
			{"fr", []string{"--start", "0"}, "Une feuille de cette disposition a 10 étiquettes : le premier badge va sur l'étiquette 1 à 10, pas 0."},
		} {
			args := append([]string{"badges", file, "--out", pdf, "--reprint"}, c.args...)
			_, err := runIn(t, c.lang, args...)
			if err == nil || !strings.HasPrefix(messageIn(c.lang, err), c.want) {
				t.Errorf("%v: %q, want %q", c.args, messageIn(c.lang, err), c.want)
			}
			if _, err := os.Stat(pdf); err == nil {
				t.Fatalf("%v: a refused print wrote the PDF", c.args)
			}
		}
	})
}
