package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// wbSessionTable reads a session sheet's table: its header row (the last
// frozen row) and the people's rows, down to the first empty row.
func wbSessionTable(t testing.TB, f *excelize.File, sheet string) (header []string, rows [][]string) {
	t.Helper()
	p, err := f.GetPanes(sheet)
	if err != nil || p.YSplit < 3 {
		t.Fatalf("%s: panes %+v, %v", sheet, p, err)
	}
	rr := wbRows(t, f, sheet)
	header = rr[p.YSplit-1]
	for _, r := range rr[p.YSplit:] {
		if len(r) == 0 || strings.Join(r, "") == "" {
			break
		}
		rows = append(rows, r)
	}
	return header, rows
}

// wbSpeakersInput is a congress whose first session has a speaker and a
// facilitator.
func wbSpeakersInput() AttendanceInput {
	in := wbInput(10, 9, 4)
	in.Sessions[1].Speakers = []SignInSpeaker{
		{FirstName: "Chloé", LastName: "Haddad", Organisation: "Coopérative Oxalis"},
		{FirstName: "Léa", LastName: "Dupont", Organisation: "Les Fourmis Vertes", Facilitator: true},
	}
	return in
}

// TestWorkbookSessionSheetAsSignIn: a session's sheet says what the PDF
// sign-in sheet says: the date and time slot, the place, the speakers and
// facilitators (named at the top, each with a box to sign below the
// table), the number of people listed and present, and a box for the
// person in charge; the filter covers the people only. In both languages,
// read back by excelize.
func TestWorkbookSessionSheetAsSignIn(t *testing.T) {
	for _, c := range []struct {
		lang                                      string
		details, speakers, closing, role, present []string
	}{
		{"fr", []string{"Atelier — vendredi 26 novembre 2021 — 9 h 30 – 11 h 00 — Salle Pasteur, Lille — 4 personnes sur la liste — 2 présent·es"},
			[]string{"Intervenant·es et animateur·rices : Chloé Haddad (Intervenant·e, Coopérative Oxalis) ; Léa Dupont (Animateur·rice, Les Fourmis Vertes)"},
			[]string{"Personnes sur la liste", "Présent·es", "Nom et signature du ou de la responsable"}, []string{"Intervenant·e", "Animateur·rice"}, []string{"4", "2"}},
		{"en", []string{"Workshop — Friday 26 November 2021 — 09:30–11:00 — Salle Pasteur, Lille — 4 people listed — 2 present"},
			[]string{"Speakers and facilitators: Chloé Haddad (Speaker, Coopérative Oxalis); Léa Dupont (Facilitator, Les Fourmis Vertes)"},
			[]string{"People listed", "Present", "Name and signature of the person in charge"}, []string{"Speaker", "Facilitator"}, []string{"4", "2"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			f, file := wbWrite(t, wbSpeakersInput(), WorkbookOptions{Lang: c.lang})
			sh := f.GetSheetList()[3]
			rr := wbRows(t, f, sh)
			if rr[1][0] != c.details[0] {
				t.Errorf("details %q,\nwant %q", rr[1][0], c.details[0])
			}
			if rr[2][0] != c.speakers[0] {
				t.Errorf("speakers %q,\nwant %q", rr[2][0], c.speakers[0])
			}
			header, people := wbSessionTable(t, f, sh)
			if len(people) != 4 || header[0] != map[string]string{"fr": "Nom", "en": "Last name"}[c.lang] {
				t.Fatalf("table %q: %d rows", header, len(people))
			}
			// The speakers' boxes, then the closing rows, under the table.
			rest := rr[3+1+len(people):]
			var lines []string
			for _, r := range rest {
				lines = append(lines, strings.Join(r, "|"))
			}
			all := strings.Join(lines, "\n")
			for _, want := range []string{"Haddad|Chloé|Coopérative Oxalis|" + c.role[0], "Dupont|Léa|Les Fourmis Vertes|" + c.role[1],
				c.closing[0] + "|" + c.present[0], c.closing[1] + "|" + c.present[1], c.closing[2]} {
				if !strings.Contains(all, want) {
					t.Errorf("below the table, no %q:\n%s", want, all)
				}
			}
			// Each speaker's signature box is bordered, and tall enough.
			for i, r := range rest {
				if len(r) > 0 && r[0] == "Haddad" {
					cell := "E" + strconv.Itoa(4+len(people)+i+1)
					id, _ := f.GetCellStyle(sh, cell)
					st, _ := f.GetStyle(id)
					if len(st.Border) != 4 {
						t.Errorf("speaker's signature %s: borders %+v", cell, st.Border)
					}
					if h, _ := f.GetRowHeight(sh, 4+len(people)+i+1); h < 25 {
						t.Errorf("speaker's row %v pt high", h)
					}
				}
			}
			// The counts are numbers, on the closing row, whose box for the
			// person in charge spans E to H, as each speaker's box does.
			merged := map[string]bool{}
			if cells, err := f.GetMergeCells(sh); err == nil {
				for _, m := range cells {
					merged[m.GetStartAxis()+":"+m.GetEndAxis()] = true
				}
			}
			for i, r := range rest {
				row := strconv.Itoa(4 + len(people) + i + 1)
				if len(r) > 2 && r[2] == c.closing[1] {
					for _, cell := range []string{"B" + row, "D" + row} {
						if ty, _ := f.GetCellType(sh, cell); ty != excelize.CellTypeUnset && ty != excelize.CellTypeNumber {
							t.Errorf("count %s typed %v", cell, ty)
						}
					}
				}
				if len(r) > 0 && (r[0] == "Haddad" || r[0] == c.closing[0]) && !merged["E"+row+":H"+row] {
					t.Errorf("row %s %q: E:H not merged (%v)", row, r, merged)
				}
			}
			// Four rows repeat on every page and stay in view; the filter
			// covers the header and the people only.
			if p, _ := f.GetPanes(sh); p.YSplit != 4 {
				t.Errorf("panes %+v", p)
			}
			x := wbSheetXML(t, file, 3)
			if want := `<autoFilter ref="$A$4:$H$8"`; !strings.Contains(x, want) {
				t.Errorf("no %s in the sheet: %s", want, regexp.MustCompile(`<autoFilter[^>]*>`).FindString(x))
			}
		})
	}
}

// TestWorkbookSessionSheetOpenpyxl: openpyxl in read-only mode sees the
// whole session sheet, speakers and closing rows included.
func TestWorkbookSessionSheetOpenpyxl(t *testing.T) {
	py := wbPython(t)
	_, file := wbWrite(t, wbSpeakersInput(), WorkbookOptions{Lang: "fr"})
	path := filepath.Join(t.TempDir(), "w.xlsx")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	script := `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
ws = wb.worksheets[3]
for row in ws.iter_rows(values_only=True):
    print("|".join("" if v is None else str(v) for v in row).rstrip("|"))
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := string(out)
	for _, want := range []string{
		"Atelier — vendredi 26 novembre 2021 — 9 h 30 – 11 h 00 — Salle Pasteur, Lille — 4 personnes sur la liste — 2 présent·es\n",
		"Intervenant·es et animateur·rices : Chloé Haddad (Intervenant·e, Coopérative Oxalis) ; Léa Dupont (Animateur·rice, Les Fourmis Vertes)\n",
		"Haddad|Chloé|Coopérative Oxalis|Intervenant·e\n", "Dupont|Léa|Les Fourmis Vertes|Animateur·rice\n",
		"Personnes sur la liste|4|Présent·es|2|Nom et signature du ou de la responsable\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("openpyxl does not read %q:\n%s", want, got)
		}
	}
}
