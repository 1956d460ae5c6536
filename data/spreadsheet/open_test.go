package spreadsheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"congres/data"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The congress of the reading tests: Thursday 15 and Friday 16 October
// 2026, as in data's import tests.
var importDays = []data.Day{"2026-10-15", "2026-10-16"}

// readAll opens a source and reads every row.
func readAll(t *testing.T, src Source) (*Table, []data.ImportRow) {
	t.Helper()
	f, err := Open(src)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer f.Close()
	var rows []data.ImportRow
	for {
		r, err := f.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		rows = append(rows, r)
	}
	if done, total := f.Progress(); f.Format == "csv" && done != total {
		t.Errorf("progress %d of %d at the end", done, total)
	}
	return f, rows
}

// parseAll reads every row of a source under the automatic mapping and
// fails on any rejected row.
func parseAll(t *testing.T, src Source) (*Table, []data.ImportRecord) {
	t.Helper()
	f, rows := readAll(t, src)
	rp := &data.RecordParser{Header: f.Header, Mapping: AutoMapping(f.Header), Days: importDays}
	var recs []data.ImportRecord
	for _, r := range rows {
		rec := rp.Parse(r)
		if rec.Err != nil {
			t.Errorf("line %d, column %q: %v", rec.Line, rec.Column, rec.Err)
		}
		recs = append(recs, rec)
	}
	return f, recs
}

func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func fixture(name string) Source {
	return Source{Path: filepath.Join("testdata", "import", name)}
}

func TestOpenFixtures(t *testing.T) {
	for _, c := range []struct {
		file       string
		encoding   string
		delimiter  rune
		headerLine int
		lines      []int
		check      func(t *testing.T, recs []data.ImportRecord)
	}{
		{"helloasso.csv", "UTF-8", ';', 3, []int{4, 5, 6}, func(t *testing.T, recs []data.ImportRecord) {
			p := recs[0].P
			if p.FirstName != "Hélène" || p.LastName != "Lefèvre" || p.FeeCents != 4500 ||
				p.Status != data.StatusConfirmed || !reflect.DeepEqual(p.Days, importDays) || recs[0].Category != "Adhérent·e" {
				t.Errorf("row 1: %+v %q", p, recs[0].Category)
			}
			if recs[1].P.FeeCents != 123450 || !reflect.DeepEqual(recs[1].P.Days, importDays[:1]) {
				t.Errorf("row 2: %+v", recs[1].P)
			}
			if recs[2].P.Status != data.StatusCancelled || recs[2].P.FirstName != "Thị Lan" {
				t.Errorf("row 3: %+v", recs[2].P)
			}
		}},
		{"weezevent.csv", "UTF-8", ';', 1, []int{2, 3}, func(t *testing.T, recs []data.ImportRecord) {
			if p := recs[0].P; p.Code != "" || p.Organisation != "Ville de Lyon" || p.Phone != "0612345678" {
				t.Errorf("row 1: %+v", p)
			}
		}},
		{"eventbrite.csv", "UTF-8", ',', 1, []int{2, 3}, func(t *testing.T, recs []data.ImportRecord) {
			p := recs[0].P
			if p.JobTitle != "Head of Research, Europe" || p.Organisation != "Acme, Inc." || p.FeeCents != 4500 ||
				p.Status != data.StatusConfirmed || recs[0].Category != "Early bird" {
				t.Errorf("row 1: %+v", p)
			}
			if recs[1].P.Status != data.StatusCancelled {
				t.Errorf("row 2: %+v", recs[1].P)
			}
		}},
		{"google_forms.csv", "UTF-8", ',', 1, []int{2, 3}, func(t *testing.T, recs []data.ImportRecord) {
			r := recs[0]
			if !reflect.DeepEqual(r.P.Days, importDays) || !reflect.DeepEqual(r.Workshops, []string{"Eau", "Climat"}) ||
				!r.P.ImageConsent || r.P.Email != "camille.roux@example.org" {
				t.Errorf("row 1: %+v %q", r.P, r.Workshops)
			}
			if recs[1].P.ImageConsent || !recs[1].Has[data.FieldImageConsent] {
				t.Errorf("row 2: %+v", recs[1].P)
			}
		}},
		{"microsoft_forms.csv", "UTF-8", ',', 1, []int{2, 3}, func(t *testing.T, recs []data.ImportRecord) {
			if p := recs[0].P; p.FirstName != "Alice" || p.LastName != "Moreau" || !reflect.DeepEqual(p.Days, importDays[:1]) {
				t.Errorf("row 1: %+v", p)
			}
			if p := recs[1].P; p.FirstName != "Bob" || p.LastName != "LAMBERT" || !reflect.DeepEqual(p.Days, importDays) {
				t.Errorf("row 2: %+v", p)
			}
		}},
		{"excel_windows1252.csv", "Windows-1252", ';', 1, []int{2, 3}, func(t *testing.T, recs []data.ImportRecord) {
			if p := recs[0].P; p.FirstName != "Hélène" || p.LastName != "Lefèvre" || p.FeeCents != 4500 {
				t.Errorf("row 1: %+v", p)
			}
			if p := recs[1].P; p.LastName != "Cœur" || p.Organisation != "Crèche « Les Pâquerettes »" || p.FeeCents != 1250 {
				t.Errorf("row 2: %+v", p)
			}
		}},
		{"excel_unicode.txt", "UTF-16LE", '\t', 1, []int{2, 3}, func(t *testing.T, recs []data.ImportRecord) {
			if p := recs[1].P; p.FirstName != "Zoë" || p.LastName != "Østergård" || !reflect.DeepEqual(p.Days, importDays[1:]) {
				t.Errorf("row 2: %+v", p)
			}
		}},
		{"cr_only.csv", "UTF-8", ',', 1, []int{2, 3}, func(t *testing.T, recs []data.ImportRecord) {
			if p := recs[1].P; p.FirstName != "Marie" || p.Email != "marie@example.org" {
				t.Errorf("row 2: %+v", p)
			}
		}},
		{"quoted_newlines.csv", "UTF-8", ';', 1, []int{2, 4}, func(t *testing.T, recs []data.ImportRecord) {
			if n := recs[0].P.Notes; n != "Commentaire: Arrive jeudi\nrepart vendredi" {
				t.Errorf("notes %q", n)
			}
			if n := recs[1].P.Notes; n != `Commentaire: Dit "bonjour"` {
				t.Errorf("notes %q", n)
			}
		}},
	} {
		t.Run(c.file, func(t *testing.T) {
			f, recs := parseAll(t, fixture(c.file))
			if f.Format != "csv" || f.Encoding != c.encoding || f.Delimiter != c.delimiter || f.HeaderLine != c.headerLine {
				t.Errorf("format %s, encoding %s, delimiter %q, header line %d", f.Format, f.Encoding, f.Delimiter, f.HeaderLine)
			}
			var lines []int
			for _, r := range recs {
				lines = append(lines, r.Line)
			}
			if !reflect.DeepEqual(lines, c.lines) {
				t.Fatalf("lines %v, want %v", lines, c.lines)
			}
			c.check(t, recs)
		})
	}
}

func TestOpenRagged(t *testing.T) {
	f, rows := readAll(t, fixture("ragged.csv"))
	want := [][]string{
		{"Jean", "Dupont", "", ""},                                 // short: padded
		{"Marie", "Curie", "marie@example.org", "CNRS"},            // empty extra cells dropped
		{"Paul", "Petit", "paul@example.org", "INSERM", "en trop"}, // a value beyond the header kept
	}
	for i, r := range rows {
		if !reflect.DeepEqual(r.Cells, want[i]) {
			t.Errorf("row %d: %q, want %q", i, r.Cells, want[i])
		}
	}
	rp := &data.RecordParser{Header: f.Header, Mapping: AutoMapping(f.Header)}
	if rec := rp.Parse(rows[2]); !errors.Is(rec.Err, data.ErrImportExtraCells) {
		t.Errorf("extra cells: %v", rec.Err)
	}
	if rec := rp.Parse(rows[0]); rec.Err != nil || rec.P.LastName != "Dupont" {
		t.Errorf("short row: %v", rec.Err)
	}
}

// sampleCSV is a small registration list with accents and a euro sign,
// every character of which Windows-1252 has.
const sampleCSV = "Prénom;Nom;Structure;Montant;Jours\r\n" +
	"Hélène;Lefèvre;Société d'études;45,00 €;15/10/2026\r\n" +
	"François;Cœur;Crèche « Les Pâquerettes »;12,50 €;Les deux jours\r\n"

func TestOpenEncodings(t *testing.T) {
	utf16 := func(e unicode.Endianness) func(string) []byte {
		return func(s string) []byte {
			b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	tab := strings.ReplaceAll(sampleCSV, ";", "\t")
	for _, c := range []struct {
		name, encoding string
		delimiter      rune
		bytes          []byte
	}{
		{"UTF-8", "UTF-8", ';', []byte(sampleCSV)},
		{"UTF-8BOM", "UTF-8", ';', append([]byte("\xEF\xBB\xBF"), sampleCSV...)},
		{"UTF-16LE", "UTF-16LE", '\t', utf16(unicode.LittleEndian)(tab)},
		{"UTF-16BE", "UTF-16BE", '\t', utf16(unicode.BigEndian)(tab)},
		{"UTF-16LENoBOM", "UTF-16LE", '\t', utf16(unicode.LittleEndian)(tab)[2:]},
		{"Windows-1252", "Windows-1252", ';', func() []byte {
			b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(sampleCSV))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}()},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, recs := parseAll(t, Source{Path: writeFile(t, "inscriptions.csv", c.bytes)})
			if f.Encoding != c.encoding || f.Delimiter != c.delimiter {
				t.Errorf("encoding %s, delimiter %q", f.Encoding, f.Delimiter)
			}
			if len(recs) != 2 {
				t.Fatalf("%d rows", len(recs))
			}
			if p := recs[0].P; p.FirstName != "Hélène" || p.LastName != "Lefèvre" || p.Organisation != "Société d'études" ||
				p.FeeCents != 4500 || !reflect.DeepEqual(p.Days, importDays[:1]) {
				t.Errorf("row 1: %+v", p)
			}
			if p := recs[1].P; p.LastName != "Cœur" || p.Organisation != "Crèche « Les Pâquerettes »" || len(p.Days) != 2 {
				t.Errorf("row 2: %+v", p)
			}
			if recs[1].Line != 3 {
				t.Errorf("line %d", recs[1].Line)
			}
		})
	}
	t.Run("MixedUTF8AndWindows1252", func(t *testing.T) {
		// A UTF-8 file with one line added by a program writing Windows-1252,
		// beyond the part looked at to guess the encoding.
		var b bytes.Buffer
		b.WriteString("Prénom;Nom\n")
		for b.Len() < sniffSize+100 {
			b.WriteString("Zoé;Martin\n")
		}
		b.WriteString("H\xe9l\xe8ne;Lef\xe8vre\n")
		_, rows := readAll(t, Source{Path: writeFile(t, "mixed.csv", b.Bytes())})
		if last := rows[len(rows)-1].Cells; last[0] != "Hélène" || last[1] != "Lefèvre" {
			t.Errorf("last row %q", last)
		}
	})
}

func TestOpenDelimiters(t *testing.T) {
	rows := [][]string{{"Prénom", "Nom", "Email", "Montant", "Commentaire"},
		{"Jean", "Dupont", "jean@example.org", "45,50", "Dit: \"a, b; c\tok\""},
		{"Marie", "Curie", "marie@example.org", "10", ""}}
	for _, c := range []struct {
		name string
		d    rune
	}{{"Comma", ','}, {"Semicolon", ';'}, {"Tab", '\t'}} {
		for _, nl := range []struct{ name, s string }{{"LF", "\n"}, {"CRLF", "\r\n"}, {"CR", "\r"}} {
			t.Run(c.name+"/"+nl.name, func(t *testing.T) {
				var b strings.Builder
				for _, r := range rows {
					for i, cell := range r {
						if i > 0 {
							b.WriteRune(c.d)
						}
						if strings.ContainsAny(cell, ",;\t\"") {
							cell = `"` + strings.ReplaceAll(cell, `"`, `""`) + `"`
						}
						b.WriteString(cell)
					}
					b.WriteString(nl.s)
				}
				f, got := readAll(t, Source{Path: writeFile(t, "x.txt", []byte(b.String()))})
				if f.Delimiter != c.d {
					t.Errorf("delimiter %q", f.Delimiter)
				}
				if len(got) != 2 || !reflect.DeepEqual(got[0].Cells, rows[1]) || got[1].Line != 3 {
					t.Errorf("rows %v", got)
				}
			})
		}
	}
}

// pngBytes is a real (tiny) PNG image.
func pngBytes(t *testing.T) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zipBytes(t *testing.T, name, content string) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, _ := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	w.Write([]byte(content))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestOpenBadInput(t *testing.T) {
	random := make([]byte, 4096)
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rnd.UintN(256))
	}
	for _, c := range []struct {
		name, file string
		content    []byte
		want       *data.Error
		en, fr     string
	}{
		{"ErrImportEmpty", "vide.csv", nil, data.ErrImportEmpty,
			"The file “vide.csv” is empty.", "Le fichier «vide.csv» est vide."},
		{"ErrImportEmpty/BlankLines", "vide.csv", []byte("\xEF\xBB\xBF\r\n;;;\r\n\r\n"), data.ErrImportEmpty, "", ""},
		{"ErrImportNoRows", "entete.csv", []byte("Export du 12/09/2026\n\nPrénom;Nom;Email\n;;\n"), data.ErrImportNoRows,
			"“entete.csv” has a header (line 3) but no rows under the header.",
			"«entete.csv» a une ligne d'en-tête (ligne 3) mais aucune ligne sous l'en-tête."},
		{"ErrImportBinary/PNG", "image.csv", pngBytes(t), data.ErrImportBinary,
			"“image.csv” is not a spreadsheet", "«image.csv» n'est pas un tableau"},
		{"ErrImportBinary/Random", "bruit.csv", random, data.ErrImportBinary, "", ""},
		{"ErrImportNoHeader", "liste.csv", []byte("Jean;Dupont;jean@example.org\nMarie;Curie;marie@example.org\n"),
			data.ErrImportNoHeader,
			"No recognisable header in “liste.csv”: none of its first 2 rows names two known columns. Expected column names such as “First name”, “Last name” (or “Full name”)",
			"Aucun en-tête reconnaissable dans «liste.csv» : aucune de ses 2 premières lignes ne nomme deux colonnes connues. Noms de colonnes attendus, par exemple : «Prénom», «Nom» (ou «Nom complet»)"},
		{"ErrImportDuplicateHeader", "doublon.csv", []byte("Prénom;Nom;Email;NOM \nJean;Dupont;j@example.org;x\n"),
			data.ErrImportDuplicateHeader,
			"The column “NOM” appears twice in the header (columns B and D): rename one of them.",
			"La colonne «NOM» figure deux fois dans l'en-tête (colonnes B et D) : renommez l'une d'elles."},
		{"ErrImportDuplicateHeader/Accents", "doublon.csv", []byte("Prénom,Nom,prenom\nJean,Dupont,Jean\n"),
			data.ErrImportDuplicateHeader, "“prenom”", "«prenom»"},
		{"ErrImportNotXLSX/CSV", "inscrits.xlsx", []byte(sampleCSV), data.ErrImportNotXLSX,
			"“inscrits.xlsx” is named like an Excel workbook but is not one", "«inscrits.xlsx» porte le nom d'un classeur Excel"},
		{"ErrImportNotXLSX/Random", "inscrits.xlsx", random, data.ErrImportNotXLSX, "", ""},
		{"ErrImportBadXLSX", "inscrits.xlsx", zipBytes(t, "readme.txt", "hello"), data.ErrImportBadXLSX,
			"“inscrits.xlsx” could not be read as an Excel workbook", "«inscrits.xlsx» n'a pas pu être lu comme un classeur Excel"},
		{"ErrImportOldExcel", "vieux.xls", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 512)...),
			data.ErrImportOldExcel, "Excel 97–2003", "Excel 97–2003"},
		{"ErrImportODS", "calc.ods", zipBytes(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
			data.ErrImportODS, "", ""},
		{"ErrImportHTML", "export.xls", []byte("<html><body><table><tr><td>Nom</td></tr></table></body></html>"),
			data.ErrImportHTML, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Open(Source{Path: writeFile(t, c.file, c.content)})
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want.Code)
			}
			if data.KindOf(err) != data.KindInvalid {
				t.Errorf("kind %v", data.KindOf(err))
			}
			if en := data.Message(err, "en"); !strings.Contains(en, c.en) {
				t.Errorf("en: %s", en)
			}
			if fr := data.Message(err, "fr"); !strings.Contains(fr, c.fr) {
				t.Errorf("fr: %s", fr)
			}
		})
	}
	t.Run("ErrFileNotFound", func(t *testing.T) {
		_, err := Open(Source{Path: filepath.Join(t.TempDir(), "absent.csv")})
		if !errors.Is(err, data.ErrFileNotFound) {
			t.Fatalf("err = %v", err)
		}
	})
}

// writeWorkbook builds a workbook as a colleague would: a first sheet of
// explanations, then the registrations under a title, with dates typed as
// dates in three number formats.
func writeWorkbook(t *testing.T) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	x.SetSheetName("Sheet1", "Lisez-moi")
	x.SetCellValue("Lisez-moi", "A1", "Inscriptions au congrès : voir la feuille suivante.")
	const s = "Inscriptions"
	x.NewSheet(s)
	short, _ := x.NewStyle(&excelize.Style{NumFmt: 14}) // the system's short date
	frDate := "dd/mm/yyyy"
	french, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &frDate})
	usDate := "mm/dd/yyyy"
	us, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &usDate})
	longDate := `dddd d mmmm yyyy;@`
	long, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &longDate})
	euro := `#,##0.00\ "€"`
	money, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &euro})
	rows := [][]any{
		{"Export du 12/09/2026"},
		nil,
		{"Prénom", "Nom", "Email", "Téléphone", "Montant", "Payé", "Jours", "Ateliers"},
		{"Hélène", "Lefèvre", "helene@example.org", 612345678, 45, true, 46310.0, "Eau; Climat"},
		{"Jean", "Dupont", "jean@example.org", "06 11 22 33 44", 1234.5, false, 46311.0, nil},
		nil,
		{"Marie", "Curie", "marie@example.org", nil, 0, "oui", 46311.0, nil},
		{"Paul", "Petit", "paul@example.org", nil, 0, "non", time.Date(2026, 10, 15, 0, 0, 0, 0, time.UTC), nil, "hors tableau"},
		{"Zoé", "Martin", "zoe@example.org", nil, 0, "non", "Les deux jours", nil},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if r != nil {
			if err := x.SetSheetRow(s, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	x.SetCellStyle(s, "G4", "G4", short)
	x.SetCellStyle(s, "G5", "G5", french)
	x.SetCellStyle(s, "G7", "G7", us)
	x.SetCellStyle(s, "E4", "E5", money)
	x.SetCellValue(s, "G9", "Les deux jours")
	x.SetCellStyle(s, "G9", "G9", long) // a text in a date-formatted cell stays text
	x.SetCellFloat(s, "G10", 46310, -1, 64)
	x.SetSheetRow(s, "A10", &[]any{"Léa", "Roux", "lea@example.org"})
	x.SetCellStyle(s, "G10", "G10", long)
	p := filepath.Join(t.TempDir(), "inscriptions.xlsx")
	if err := x.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOpenXLSX(t *testing.T) {
	path := writeWorkbook(t)
	t.Run("FirstSheetWithHeader", func(t *testing.T) {
		f, recs := parseAll(t, Source{Path: path})
		if f.Format != "xlsx" || f.Sheet != "Inscriptions" || f.HeaderLine != 3 ||
			!reflect.DeepEqual(f.Sheets, []string{"Lisez-moi", "Inscriptions"}) {
			t.Errorf("format %s sheet %q of %q, header line %d", f.Format, f.Sheet, f.Sheets, f.HeaderLine)
		}
		var lines []int
		for _, r := range recs {
			lines = append(lines, r.Line)
		}
		if !reflect.DeepEqual(lines, []int{4, 5, 7, 8, 9, 10}) {
			t.Fatalf("lines %v", lines)
		}
		thu, fri := importDays[:1], importDays[1:]
		for i, want := range [][]data.Day{thu, fri, fri, thu, importDays, thu} {
			if !reflect.DeepEqual(recs[i].P.Days, want) {
				t.Errorf("line %d: days %v, want %v", recs[i].Line, recs[i].P.Days, want)
			}
		}
		if p := recs[0].P; p.Phone != "0612345678" || p.FeeCents != 4500 || !p.Paid {
			t.Errorf("line 4: %+v", p)
		}
		if p := recs[1].P; p.FeeCents != 123450 || p.Paid || !recs[1].Has[data.FieldPaid] {
			t.Errorf("line 5: %+v", p)
		}
		// excelize leaves the dimension of a new sheet at "A1": the total is
		// then unknown.
		if done, total := f.Progress(); total != 0 || done != 10 {
			t.Errorf("progress %d of %d", done, total)
		}
	})
	t.Run("NamedSheet", func(t *testing.T) {
		f, err := Open(Source{Path: path, Sheet: "inscriptions"})
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if f.Sheet != "Inscriptions" {
			t.Errorf("sheet %q", f.Sheet)
		}
	})
	t.Run("ErrImportNoHeader", func(t *testing.T) {
		_, err := Open(Source{Path: path, Sheet: "Lisez-moi"})
		if !errors.Is(err, data.ErrImportNoHeader) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrImportNoSheet", func(t *testing.T) {
		_, err := Open(Source{Path: path, Sheet: "Feuil9"})
		if !errors.Is(err, data.ErrImportNoSheet) || data.KindOf(err) != data.KindNotFound {
			t.Fatalf("err = %v", err)
		}
		if en := data.Message(err, "en"); en != "There is no sheet “Feuil9” in “inscriptions.xlsx”; its sheets are: “Lisez-moi”, “Inscriptions”." {
			t.Errorf("en: %s", en)
		}
		if fr := data.Message(err, "fr"); fr != "Il n'y a pas de feuille «Feuil9» dans «inscriptions.xlsx» ; ses feuilles sont : «Lisez-moi», «Inscriptions»." {
			t.Errorf("fr: %s", fr)
		}
	})
	t.Run("ContentNotName", func(t *testing.T) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, _ := readAll(t, Source{Path: writeFile(t, "inscriptions.csv", b)})
		if f.Format != "xlsx" {
			t.Errorf("format %s", f.Format)
		}
	})
	t.Run("ErrImportEmpty", func(t *testing.T) {
		x := excelize.NewFile()
		p := filepath.Join(t.TempDir(), "vide.xlsx")
		if err := x.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(Source{Path: p}); !errors.Is(err, data.ErrImportEmpty) {
			t.Fatalf("err = %v", err)
		}
	})
}

// Words of the registration rows of writeImportCSV: a few of the demo
// congress's (data/demo_words.go), accents and all.
var (
	csvFirstNames = []string{"Éric", "Hélène", "Jean-Pierre", "Anne-Sophie", "Françoise", "Gaëlle", "Noël", "Zoé",
		"Maëlys", "Loïc", "Céline", "Jérôme", "Marie", "Nathalie", "Sébastien", "Théo"}
	csvLastNames = []string{"Béasse", "Dupont", "Lefèvre", "Le Goff", "de La Fontaine", "d'Arcy", "N'Diaye",
		"Da Silva", "Ben Salah", "Nguyễn", "Martin", "Bernard", "Guérin", "Lemaître", "Hébert", "Brûlé"}
	csvOrgs = []string{"Les Jardins de Cocagne", "Recyclerie du Pays de Bray", "Envie", "La Table de Cana",
		"Tri'Cycle", "Atelier Vélo Solidaire", "Id'ées Intérim", "Ressourcerie de l'Estuaire"}
	csvJobs = []string{"Directeur·rice", "Chargé·e d'insertion professionnelle", "Encadrant·e technique",
		"Président·e", "Responsable des partenariats", "Coordinateur·rice"}
	csvWorkshops = []string{"Financer l'insertion : les nouveaux leviers", "Mobilité des salarié·es en parcours",
		"Numérique et inclusion", "Transition écologique et emplois locaux"}
	csvDiets = []string{"", "", "", "", "Végétarien", "Sans porc", "Vegan", "Halal"}
)

// writeImportCSV writes n realistic registration rows, HelloAsso style, with
// a long comment on each (so that the file outweighs the memory cap of the
// streaming test).
func writeImportCSV(tb testing.TB, w io.Writer, n int, comment string) {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("\xEF\xBB\xBFRéférence commande;Date de la commande;Statut de la commande;Nom;Prénom;Email;" +
		"Structure;Fonction;Tarif;Montant tarif;Jours de présence;Ateliers;Régime alimentaire;Téléphone;Commentaire\r\n")
	rnd := rand.New(rand.NewPCG(7, 11))
	pick := func(l []string) string { return l[rnd.IntN(len(l))] }
	days := []string{"Les deux jours", "jeudi 15 octobre 2026", "vendredi 16 octobre 2026", `"15/10/2026;16/10/2026"`}
	statuses := []string{"Validé", "Validé", "Validé", "En attente", "Remboursé"}
	fees := []string{"45,00 €", "60,00 €", "10,00 €", "1 234,50 €", "0"}
	tarifs := []string{"Adhérent·e", "Non adhérent·e", "Étudiant·e", "Intervenant·e"}
	for i := range n {
		first, last := pick(csvFirstNames), pick(csvLastNames)
		fmt.Fprintf(bw, "%d;%02d/09/2026 10:%02d;%s;%s;%s;%s.%d@example.org;%s;%s;%s;%s;%s;%s;%s;06%08d;%s\r\n",
			100000+i, 1+i%28, i%60, pick(statuses), last, first, strings.ToLower(first[:1]), i, pick(csvOrgs),
			pick(csvJobs), pick(tarifs), pick(fees), pick(days), pick(csvWorkshops), pick(csvDiets), i, comment)
	}
	if err := bw.Flush(); err != nil {
		tb.Fatal(err)
	}
}

func TestOpenBoundedMemory(t *testing.T) {
	n := 200_000
	if testing.Short() {
		n = 20_000
	}
	path := filepath.Join(t.TempDir(), "grand.csv")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	writeImportCSV(t, out, n, strings.Repeat("Une remarque assez longue sur l'inscription. ", 6))
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	f, err := Open(Source{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rp := &data.RecordParser{Header: f.Header, Mapping: AutoMapping(f.Header), Days: importDays}
	const limit = 64 << 20
	runtime.GC()
	var ms runtime.MemStats
	var peak uint64
	rows, rejected := 0, 0
	for {
		r, err := f.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if rec := rp.Parse(r); rec.Err != nil {
			rejected++
		}
		if rows++; rows%20_000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	if rows != n || rejected != 0 {
		t.Errorf("%d rows read, %d rejected, want %d and 0", rows, rejected, n)
	}
	if peak > limit {
		t.Errorf("heap in use reached %d MiB reading a %d MiB file (cap %d MiB)", peak>>20, st.Size()>>20, limit>>20)
	}
	if done, total := f.Progress(); done != st.Size() || total != st.Size() {
		t.Errorf("progress %d of %d, file %d", done, total, st.Size())
	}
	t.Logf("%d rows, file %d MiB, heap in use at most %d MiB", rows, st.Size()>>20, peak>>20)
}

// A workbook whose sheet says its dimension (as Excel and LibreOffice
// write it) gives the row count for Progress.
func TestOpenXLSXDimension(t *testing.T) {
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"First Name", "Last Name", "Email"})
	const n = 5000
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		x.SetSheetRow("Sheet1", cell, &[]any{"Emma", fmt.Sprintf("Smith %d", i), fmt.Sprintf("e%d@example.com", i)})
	}
	if err := x.SetSheetDimension("Sheet1", fmt.Sprintf("A1:C%d", n+1)); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "attendees.xlsx")
	if err := x.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	f, err := Open(Source{Path: p})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := 0
	for {
		r, err := f.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if rows++; rows == n/2 {
			if done, total := f.Progress(); total != n+1 || done != int64(r.Line) {
				t.Errorf("progress %d of %d at line %d", done, total, r.Line)
			}
		}
	}
	if done, total := f.Progress(); rows != n || done != n+1 || total != n+1 {
		t.Errorf("%d rows, progress %d of %d", rows, done, total)
	}
}
