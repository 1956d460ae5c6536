package export

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"congres/data"

	"github.com/xuri/excelize/v2"
)

// wbCheckPrint checks that a sheet prints legibly on A4 landscape: either
// fitted to one page width when, by Excel's measure of its columns (7 px a
// character, 5 px of padding, on 10.69" of printable width at 96 dpi), that
// shrinks it to no less than 95 %; or at a fixed scale that keeps 11 pt text
// at 8 pt or more, its header rows repeated.
func wbCheckPrint(t *testing.T, f *excelize.File, sh string) {
	t.Helper()
	pl, err := f.GetPageLayout(sh)
	if err != nil || *pl.Orientation != "landscape" || *pl.Size != 9 {
		t.Errorf("%s: page layout %v %v, %v", sh, *pl.Orientation, *pl.Size, err)
	}
	props, _ := f.GetSheetProps(sh)
	fit := props.FitToPage != nil && *props.FitToPage
	if fit {
		cols, _ := f.GetCols(sh)
		px := 0.0
		for i := range cols {
			name, _ := excelize.ColumnNumberToName(i + 1)
			w, _ := f.GetColWidth(sh, name)
			px += 7*w + 5
		}
		if scale := 10.69 * 96 / px; scale < 0.95 || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
			t.Errorf("%s: fitted to %d page(s) wide, which shrinks it to %.0f %%: %.1f pt", sh, *pl.FitToWidth, scale*100, 11*scale)
		}
		return
	}
	if pl.AdjustTo == nil || float64(*pl.AdjustTo)*11/100 < 8 {
		t.Errorf("%s: not fitted, scale %v", sh, pl.AdjustTo)
	}
}

// TestWorkbookPrintLegible checks every sheet's print set-up: the 22
// columns of participants and the summary's 13 print at ≥ 8 pt, over
// several pages with their key columns repeated.
func TestWorkbookPrintLegible(t *testing.T) {
	in := wbInput(30, 8, 5)
	people := in.Attendees
	in.Attendees = func(fn func(*data.Attendee) error) error { // without the long formula-like names
		return people(func(a *data.Attendee) error {
			if a.ID <= 6 {
				return nil
			}
			return fn(a)
		})
	}
	f, _ := wbWrite(t, in, WorkbookOptions{Lang: "fr"})
	for _, sh := range f.GetSheetList() {
		wbCheckPrint(t, f, sh)
	}
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+" "+dn.Name] = dn.RefersTo
	}
	if got := names["Participants _xlnm.Print_Titles"]; got != "'Participants'!$A:$C,'Participants'!$1:$1" {
		t.Errorf("participants' print titles %q: code and names on every page", got)
	}
	if props, _ := f.GetSheetProps("Participants"); props.FitToPage != nil && *props.FitToPage {
		t.Errorf("22 columns fitted to one page width")
	}
}

// TestWorkbookSessionTitle: a session's title is in the sheet's first row,
// whole, with its day, time and room under it, repeated on every printed
// page; the page header holds only the congress, never cut mid-word.
func TestWorkbookSessionTitle(t *testing.T) {
	in := wbInput(10, 4, 4, 4, 6)
	long := "[Atelier] 2/3 — Les coopératives d'habitants et la ville de demain"
	f, _ := wbWrite(t, in, WorkbookOptions{Lang: "fr"})
	var sh string
	for _, s := range f.GetSheetList() {
		if v, _ := f.GetCellValue(s, "A1"); v == long {
			sh = s
		}
	}
	if sh == "" {
		t.Fatalf("no sheet has %q in A1: %q", long, f.GetSheetList())
	}
	if v, _ := f.GetCellValue(sh, "A2"); !strings.Contains(v, "Atelier — vendredi 26 novembre 2021 — 10 h 30 – 12 h 00 — Salle Pasteur") {
		t.Errorf("A2 %q", v)
	}
	if v, _ := f.GetCellValue(sh, "A3"); v != "Nom" {
		t.Errorf("header row: A3 %q", v)
	}
	hf, _ := f.GetHeaderFooter(sh)
	if hf.OddHeader != `&C&"-,Bold"Congrès R&&D de la fédération — 19e` {
		t.Errorf("page header %q", hf.OddHeader)
	}
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == sh && dn.Name == "_xlnm.Print_Titles" && !strings.HasSuffix(dn.RefersTo, "!$1:$3") {
			t.Errorf("print titles %q", dn.RefersTo)
		}
	}
	if p, _ := f.GetPanes(sh); p.YSplit != 3 {
		t.Errorf("panes %+v", p)
	}
	if got := wbCutAtWord("Liste des participant·es du jeudi matin inscrit·es aux ateliers", 40); got != "Liste des participant·es du jeudi matin…" {
		t.Errorf("cut %q", got)
	}
}

// TestWorkbookExpectedAtPlenary: a plenary sheet marked Expected says so
// in its header and its count.
func TestWorkbookExpectedAtPlenary(t *testing.T) {
	in := wbInput(10, 5)
	in.Sessions[0].Expected = true
	f, _ := wbWrite(t, in, WorkbookOptions{Lang: "en"})
	sh := f.GetSheetList()[2]
	if v, _ := f.GetCellValue(sh, "E3"); v != "Expected" {
		t.Errorf("E3 %q", v)
	}
	if v, _ := f.GetCellValue(sh, "A2"); !strings.Contains(v, "5 people expected that day") {
		t.Errorf("A2 %q", v)
	}
}

// TestWorkbookFontsAndProperties: every bold style names the sans of the
// regular cells; the file says who wrote it, about what, and when.
func TestWorkbookFontsAndProperties(t *testing.T) {
	created := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	_, file := wbWrite(t, wbInput(5, 3), WorkbookOptions{Lang: "fr", Version: "1.4.0", Created: created})
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	def, _ := f.GetDefaultFont()
	for _, sh := range f.GetSheetList() {
		rows, _ := f.Rows(sh)
		r := 0
		for rows.Next() && r < 5 {
			r++
			cols, _ := rows.Columns()
			for c := range cols {
				cell, _ := excelize.CoordinatesToCellName(c+1, r)
				id, _ := f.GetCellStyle(sh, cell)
				st, _ := f.GetStyle(id)
				if st.Font != nil && st.Font.Family != def {
					t.Errorf("%s!%s: font %+v, want family %q", sh, cell, st.Font, def)
				}
			}
		}
		rows.Close()
	}
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Creator != "Congrès 1.4.0" || p.Title != "Congrès R&D de la fédération — 19e" || p.Created != "2026-11-20T09:30:00Z" {
		t.Errorf("properties %+v", p)
	}
}

// TestWorkbookNumbers: a stand numbered 1 is the number 1; B4 and 007
// stay as typed, and so do codes.
func TestWorkbookNumbers(t *testing.T) {
	in := wbInput(3)
	in.Stands = append(in.Stands, in.Stands[1])
	in.Stands[2].Number = "007"
	f, _ := wbWrite(t, in, WorkbookOptions{Lang: "en"})
	for cell, want := range map[string]excelize.CellType{"A2": excelize.CellTypeNumber, "A3": excelize.CellTypeInlineString, "A4": excelize.CellTypeInlineString} {
		if typ, _ := f.GetCellType("Stands", cell); typ != want && !(want == excelize.CellTypeNumber && typ == excelize.CellTypeUnset) {
			v, _ := f.GetCellValue("Stands", cell)
			t.Errorf("Stands!%s = %q is of type %v, want %v", cell, v, typ, want)
		}
	}
	if typ, _ := f.GetCellType("Participants", "A2"); typ != excelize.CellTypeInlineString {
		t.Errorf("code of type %v", typ)
	}
}

// wbPython is a python3 with openpyxl, which `make test` installs
// (python3-openpyxl); without it the test skips, unless
// CONGRES_REQUIRE_TOOLS is set.
func wbPython(tb testing.TB) string {
	tb.Helper()
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import openpyxl").Run() == nil {
			return path
		}
	}
	if os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
		tb.Fatal("python3 with openpyxl is needed to read the workbook back (apt-get install python3-openpyxl)")
	}
	tb.Skip("python3 with openpyxl not installed")
	return ""
}

// TestWorkbookDimension: every sheet tells its true range, and openpyxl in
// read-only mode, which trusts it, sees every cell; the text that looks
// like a formula is text there.
func TestWorkbookDimension(t *testing.T) {
	const n = 1200 // more than the rows a sheet keeps before it streams
	in := wbInput(n, 8)
	_, file := wbWrite(t, in, WorkbookOptions{Lang: "en"})
	want := map[int]string{0: "A1:M18", 1: "A1:V1201", 2: "A1:H13", 3: "A1:L3", 4: "A1:D7"}
	for i, ref := range want {
		if x := wbSheetXML(t, file, i); !strings.Contains(x, `<dimension ref="`+ref+`"`) {
			t.Errorf("sheet %d: %s, want %s", i+1, regexp.MustCompile(`<dimension[^>]*>`).FindString(x), ref)
		}
	}
	py := wbPython(t)
	path := filepath.Join(t.TempDir(), "w.xlsx")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	script := `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
for ws in wb.worksheets:
    print(ws.title, ws.max_row, ws.max_column)
ws = wb["Participants"]
rows = list(ws.iter_rows(min_row=2, max_row=2, values_only=False))
print("B2", rows[0][1].data_type, rows[0][1].value)
print("rows", sum(1 for _ in ws.iter_rows(values_only=True)))
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := string(out)
	for _, line := range []string{"Summary 18 13", "Participants 1201 22", "Stands 3 12", "Catering 7 4",
		"B2 s " + wbInjections[0], "rows " + strconv.Itoa(n+1)} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("openpyxl lacks %q:\n%s", line, got)
		}
	}
}

// TestWorkbookPrintLibreOffice prints the workbook with LibreOffice and
// measures the text of every page: nothing under 8 pt.
func TestWorkbookPrintLibreOffice(t *testing.T) {
	lo := libreOffice(t)
	if testing.Short() {
		t.Skip("LibreOffice takes seconds to start")
	}
	gs := needTool(t, "gs")
	dir := t.TempDir()
	path := filepath.Join(dir, "attendance.xlsx")
	in := wbInput(60, 30, 12)
	err := WriteFile(path, func(w io.Writer) error {
		return WriteAttendance(context.Background(), w, in, WorkbookOptions{Lang: "fr"})
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, lo, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless",
		"--convert-to", "pdf", "--outdir", dir, path)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// Ghostscript's txtwrite gives every span of text with its size.
	out, err := exec.CommandContext(ctx, gs, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=txtwrite", "-dTextFormat=0",
		"-sOutputFile=-", filepath.Join(dir, "attendance.pdf")).Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "<page>")[1:]
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	size := regexp.MustCompile(`size="([0-9.]+)"`)
	for i, p := range pages {
		smallest := 100.0
		for _, m := range size.FindAllStringSubmatch(p, -1) {
			v, _ := strconv.ParseFloat(m[1], 64)
			smallest = min(smallest, v)
		}
		if smallest < 8 {
			t.Errorf("page %d: text at %.1f pt", i+1, smallest)
		}
	}
}

// TestWorkbookDimensionWriter: the placeholder is replaced however the
// sheet's XML arrives, byte by byte or whole, and a sheet without one
// passes unchanged.
func TestWorkbookDimensionWriter(t *testing.T) {
	dims := map[string]string{"A1:XFD2": "A1:H470"}
	for _, tc := range []struct{ in, want string }{
		{`<worksheet><sheetPr/><dimension ref="A1:XFD2"></dimension><sheetData>`, `<worksheet><sheetPr/><dimension ref="A1:H470"></dimension><sheetData>`},
		{`<worksheet><dimension ref="A1"></dimension></worksheet>`, `<worksheet><dimension ref="A1"></dimension></worksheet>`},
		{`<worksheet></worksheet>`, `<worksheet></worksheet>`},
	} {
		for _, chunk := range []int{1, 7, 1 << 20} {
			var buf bytes.Buffer
			z := &wbZip{dims: dims}
			d := &wbDimensionWriter{w: &buf, dims: dims}
			z.open = d
			for s := tc.in; s != ""; {
				n := min(chunk, len(s))
				if _, err := d.Write([]byte(s[:n])); err != nil {
					t.Fatal(err)
				}
				s = s[n:]
			}
			if err := z.flush(); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tc.want {
				t.Errorf("chunks of %d: %q, want %q", chunk, buf.String(), tc.want)
			}
		}
	}
}
