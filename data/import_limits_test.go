package data_test

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	. "congres/data"
	"congres/data/spreadsheet"
)

// writeXLSX writes a minimal workbook whose first sheet's rows are
// sheetRows (the XML inside <sheetData>), with the entries packed at level.
func writeXLSX(tb testing.TB, sheetRows func(w io.Writer)) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "inscriptions.xlsx")
	out, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	z := zip.NewWriter(out)
	put := func(name, text string) {
		w, err := z.Create(name)
		if err == nil {
			_, err = w.Write([]byte(text))
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Inscriptions" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		tb.Fatal(err)
	}
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>Prénom</t></is></c><c r="B1" t="inlineStr"><is><t>Nom</t></is></c></row>`)
	sheetRows(w)
	io.WriteString(w, `</sheetData></worksheet>`)
	if err := z.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// importRefused imports path and checks it is refused with want, the
// congress unchanged.
func importRefused(t *testing.T, path string, want *Error) {
	t.Helper()
	s := mustOpen(t)
	rev := revision(t, s)
	_, err := s.Import(ctx, spreadsheet.Source{Path: path}, ImportOptions{})
	if !errors.Is(err, want) {
		t.Fatalf("import: %v, want %s", err, want.Code)
	}
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Message("fr"), "Rien n'a été importé") && want != ErrImportXLSXTooBig {
		t.Errorf("French message: %v", e.Message("fr"))
	}
	if got := revision(t, s); got != rev {
		t.Errorf("revision %d after a refused import, was %d", got, rev)
	}
	if n := len(people(t, s)); n != 0 {
		t.Errorf("%d people after a refused import", n)
	}
}

// A 200 KB workbook whose sheet unpacks to 200 MB (a zip bomb) is refused
// from the zip's directory, before anything is unpacked.
func TestImportXLSXZipBomb(t *testing.T) {
	row := `<row><c t="inlineStr"><is><t>Anne</t></is></c><c t="inlineStr"><is><t>Ader</t></is></c></row>`
	path := writeXLSX(t, func(w io.Writer) {
		io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>`)
		chunk := strings.Repeat("A", 1<<20)
		for range 200 {
			io.WriteString(w, chunk)
		}
		io.WriteString(w, `</t></is></c></row>`)
		io.WriteString(w, row)
	})
	if st, _ := os.Stat(path); st.Size() > 1<<20 {
		t.Fatalf("the bomb is %d bytes", st.Size())
	}
	importRefused(t, path, ErrImportXLSXTooBig)
}

// A cell of 40 KB of text that does not pack well is refused with its row
// (by the reader), and so is one of 250 KB (by the scan before excelize
// decodes it).
func TestImportXLSXCellTooLong(t *testing.T) {
	for _, size := range []int{40 << 10, 250 << 10} {
		t.Run(fmt.Sprint(size>>10, "KB"), func(t *testing.T) {
			var cell strings.Builder
			for i := 0; cell.Len() < size; i++ {
				cell.WriteString(demoLastNames[(i*7919)%len(demoLastNames)] + " ")
			}
			path := writeXLSX(t, func(w io.Writer) {
				io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>Anne</t></is></c><c r="B2" t="inlineStr"><is><t>Ader</t></is></c></row>`)
				io.WriteString(w, `<row r="3"><c r="A3" t="inlineStr"><is><t>Paul</t></is></c><c r="B3" t="inlineStr"><is><t>`+cell.String()+`</t></is></c></row>`)
			})
			importRefused(t, path, ErrImportCellTooLong)
			s := mustOpen(t)
			if _, err := s.Import(ctx, spreadsheet.Source{Path: path}, ImportOptions{}); !strings.Contains(err.Error(), "Line 3 ") {
				t.Errorf("%v does not name line 3", err)
			}
		})
	}
}

// A CSV line of 2 MB is refused, naming its line, without reading it whole.
func TestImportCSVLineTooLong(t *testing.T) {
	path := csvFile(t, "Prénom,Nom", "Anne,Ader", "Paul,"+strings.Repeat("x", 2<<20), "Léa,Lune")
	importRefused(t, path, ErrImportLineTooLong)
	s := mustOpen(t)
	_, err := s.Import(ctx, spreadsheet.Source{Path: path}, ImportOptions{})
	if !strings.Contains(err.Error(), "Line 3 ") {
		t.Errorf("%v does not name line 3", err)
	}
}

// A CSV cell of 40 KB is refused, naming its line.
func TestImportCSVCellTooLong(t *testing.T) {
	path := csvFile(t, "Prénom,Nom", "Anne,Ader", "Paul,"+strings.Repeat("x", 40<<10))
	importRefused(t, path, ErrImportCellTooLong)
}

// Notes over 2 KB reject their row; the others are imported.
func TestImportNotesTooLong(t *testing.T) {
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,Remarque", "Anne,Ader,courte", "Paul,Long,"+strings.Repeat("blabla ", 400))
	wantCounts(t, r, 2, 1, 0, 0, 0, 1)
	if len(r.Issues) != 1 || !errors.Is(r.Issues[0].Err, ErrImportNotesTooLong) || r.Issues[0].Line != 3 {
		t.Errorf("issues %v", r.Issues)
	}
}

// A NUL byte in a name rejects the row with a reason; the others are
// imported, and the file is not taken for a binary one.
func TestImportNULInName(t *testing.T) {
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom", "Anne,Ader", "Ma\x00rie,Curie", "Léa,Lune")
	wantCounts(t, r, 3, 2, 0, 0, 0, 1)
	if len(r.Issues) != 1 || !errors.Is(r.Issues[0].Err, ErrControlChar) || r.Issues[0].Line != 3 || r.Issues[0].Column != "Prénom" {
		t.Errorf("issues %v", r.Issues)
	}
	for _, p := range people(t, s) {
		if strings.ContainsRune(p.FirstName, 0) {
			t.Errorf("stored %q", p.FirstName)
		}
	}
}

// A UTF-8 file with a Windows-1252 line after its first 64 KB: the line
// is read as Windows-1252 (no mojibake) and a warning names it.
func TestImportMixedEncoding(t *testing.T) {
	lines := []string{"Prénom,Nom"}
	for i := 0; len(strings.Join(lines, "\r\n")) < 80<<10; i++ {
		lines = append(lines, "Hélène,Dupré"+strings.Repeat("é", i%3)+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676%26)))
	}
	bad := len(lines) + 1
	lines = append(lines, "Ren\xe9e,Lef\xe8vre")
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{}, lines...)
	if r.Rejected != 0 || r.New != len(lines)-1 {
		t.Fatalf("%+v", r)
	}
	ids, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: "Renée Lefèvre"})
	if err != nil || len(ids) != 1 {
		t.Fatalf("Renée Lefèvre: %v %v", ids, err)
	}
	found := false
	for _, is := range r.Issues {
		if is.Warning && is.Line == bad && errors.Is(is.Err, ErrImportMixedEncoding) {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning on line %d: %v", bad, r.Issues)
	}
}

// Long wrong values are quoted short in the report, so that a file of
// 200,000 such rows cannot fill the memory with its own report.
func TestImportLongValuesQuotedShort(t *testing.T) {
	long := strings.Repeat("é", 10_000)
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,E-mail,Catégorie,Ateliers",
		"Anne,Ader,"+long+"@x,,",
		"Paul,Baud,,"+long+",",
		"Léa,Lune,,,"+long)
	wantCounts(t, r, 3, 1, 0, 0, 0, 2)
	if len(r.Issues) != 3 {
		t.Fatalf("issues %v", r.Issues)
	}
	for _, is := range r.Issues {
		if msg := is.Err.Error(); len(msg) > 1000 || !strings.Contains(msg, "…") {
			t.Errorf("line %d: a message of %d bytes: %.200s", is.Line, len(msg), msg)
		}
	}
	for _, c := range r.UnknownCategories {
		if len(c) > 1000 {
			t.Errorf("an unknown category of %d bytes", len(c))
		}
	}
}
