package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"congres/data"

	"github.com/xuri/excelize/v2"
)

// csvTypesList is a list whose codes look like numbers and whose dates
// are a person's days, arrivals and registration, through data's own
// columns.
func csvTypesList() ListInput {
	days := []data.Day{"2026-11-25", "2026-11-26"}
	people := []*data.Attendee{
		{Participant: data.Participant{ID: 1, Code: "3278E8", LastName: "Martin", FirstName: "Camille", Phone: "0612345678",
			Days: days[:1], CreatedAt: time.Date(2026, 9, 1, 10, 30, 0, 0, time.Local).UTC()}},
		{Participant: data.Participant{ID: 2, Code: "00123", LastName: "=HYPERLINK(\"http://evil.example\",\"x\")", FirstName: "+1",
			Days: days, CreatedAt: time.Date(2026, 9, 2, 0, 0, 0, 0, time.Local).UTC()}},
	}
	people[0].Arrivals = []time.Time{time.Date(2026, 11, 25, 9, 12, 0, 0, time.Local).UTC(), {}}
	return ListInput{
		Preset:   data.ListPreset{Name: "Codes", Columns: []string{"code", "last_name", "first_name", "phone", "days", "arrivals", "created_at"}},
		Congress: "Congrès",
		Days:     days,
		Attendees: func(fn func(*data.Attendee) error) error {
			for _, a := range people {
				if err := fn(a); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

// TestCSVDatesAndCodes: dates have their year, in ISO form whatever the
// language; codes and numbers typed as text keep their apostrophe, as
// formulas do.
func TestCSVDatesAndCodes(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		b := csvWrite(t, csvTypesList(), CSVOptions{Lang: lang, Separator: ';'})
		recs := csvRead(t, b, ';')
		want := [][]string{
			{"'3278E8", "Martin", "Camille", "'0612345678", "2026-11-25", "2026-11-25 09:12", "2026-09-01 10:30"},
			{"'00123", `'=HYPERLINK("http://evil.example","x")`, "'+1", "", "2026-11-25, 2026-11-26", "", "2026-09-02"},
		}
		for i, w := range want {
			if got := recs[i+1]; strings.Join(got, "|") != strings.Join(w, "|") {
				t.Errorf("%s row %d: %q,\nwant %q", lang, i+1, got, w)
			}
		}
	}
	for s, want := range map[string]bool{
		"00123": true, "3278E8": true, "1,5": true, "12 %": true, "(12)": true, "1 234": true, "25/11": true,
		"2026-11-25": true, "9:12": true, "VRAI": true, "true": true, ".5": true,
		"K000123": false, "B4": false, "06 12 34 56 78": false, "Dupont": false, "": false, "12 rue Nationale": false,
	} {
		if got := data.CSVConverted(s); got != want {
			t.Errorf("csvConverted(%q) = %v", s, got)
		}
	}
}

// TestCSVLibreOfficeTypes opens the list with LibreOffice in French and
// in English: the dates are those dates, with their year; the codes and
// the formula-like names are text.
func TestCSVLibreOfficeTypes(t *testing.T) {
	lo := libreOffice(t)
	if testing.Short() {
		t.Skip("LibreOffice takes seconds to start")
	}
	dir := t.TempDir()
	for _, tc := range []struct{ lang, locale string }{{"fr", "1036"}, {"en", "1033"}} {
		t.Run(tc.lang, func(t *testing.T) {
			path := filepath.Join(dir, tc.lang+".csv")
			if err := os.WriteFile(path, csvWrite(t, csvTypesList(), CSVOptions{Lang: tc.lang, Separator: ';'}), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			// Semicolon, double quote, UTF-8, from line 1, the language's
			// conventions (1036 French, 1033 US English).
			cmd := exec.Command(lo, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless",
				"--infilter=CSV:59,34,76,1,,"+tc.locale, "--convert-to", "xlsx", "--outdir", out, path)
			cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%v\n%s", err, b)
			}
			b, err := os.ReadFile(filepath.Join(out, tc.lang+".xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sh := f.GetSheetList()[0]
			for cell, want := range map[string]time.Time{
				"E2": time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), "F2": time.Date(2026, 11, 25, 9, 12, 0, 0, time.UTC),
				"G2": time.Date(2026, 9, 1, 10, 30, 0, 0, time.UTC), "G3": time.Date(2026, 9, 2, 0, 0, 0, 0, time.UTC),
			} {
				if got := wbCellTime(t, f, sh, cell); !got.Equal(want) {
					t.Errorf("%s = %v, want %v", cell, got, want)
				}
			}
			for cell, want := range map[string]string{"A2": "3278E8", "A3": "00123", "D2": "0612345678",
				"B3": `=HYPERLINK("http://evil.example","x")`, "C3": "+1"} {
				typ, _ := f.GetCellType(sh, cell)
				v, _ := f.GetCellValue(sh, cell)
				formula, _ := f.GetCellFormula(sh, cell)
				if formula != "" || typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset || !strings.HasSuffix(v, want) {
					t.Errorf("%s = %q (type %v, formula %q), want the text %q", cell, v, typ, formula, want)
				}
			}
		})
	}
}
