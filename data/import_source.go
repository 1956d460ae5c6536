package data

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Reading a source: the format decided by the content (a zip archive is a
// workbook, text is CSV), then the header row looked for under any title
// rows, then the data rows one at a time. import_source_csv.go and
// import_source_xlsx.go read the two formats.

// The errors of reading a source.
var (
	ErrImportUnreadable = newErr(KindInvalid, "import_unreadable", "",
		"“%s” could not be read: check that it is not open in another program and that you may read it.",
		"« %s » n'a pas pu être lu : vérifiez qu'il n'est pas ouvert dans un autre programme et que vous avez le droit de le lire.")
	ErrImportEmpty = newErr(KindInvalid, "import_empty", "",
		"The file “%s” is empty.",
		"Le fichier « %s » est vide.")
	ErrImportNoRows = newErr(KindInvalid, "import_no_rows", "",
		"“%s” has a header (line %d) but no rows under the header.",
		"« %s » a une ligne d'en-tête (ligne %d) mais aucune ligne sous l'en-tête.")
	ErrImportBinary = newErr(KindInvalid, "import_binary", "",
		"“%s” is not a spreadsheet: it is neither text (CSV) nor an Excel workbook (XLSX). Export the registrations as CSV or XLSX and choose that file.",
		"« %s » n'est pas un tableau : ce n'est ni du texte (CSV) ni un classeur Excel (XLSX). Exportez les inscriptions en CSV ou XLSX et choisissez ce fichier.")
	ErrImportHTML = newErr(KindInvalid, "import_html", "",
		"“%s” is a web page (HTML), not a spreadsheet: open it in Excel or LibreOffice and save it as XLSX or CSV.",
		"« %s » est une page web (HTML), pas un tableau : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en XLSX ou CSV.")
	ErrImportOldExcel = newErr(KindInvalid, "import_old_excel", "",
		"“%s” is an Excel 97–2003 workbook (.xls), which cannot be read: open it in Excel or LibreOffice and save it as XLSX or CSV.",
		"« %s » est un classeur Excel 97–2003 (.xls), qui ne peut pas être lu : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en XLSX ou CSV.")
	ErrImportODS = newErr(KindInvalid, "import_ods", "",
		"“%s” is an OpenDocument spreadsheet (.ods), which cannot be read: save it as XLSX or CSV.",
		"« %s » est un classeur OpenDocument (.ods), qui ne peut pas être lu : enregistrez-le en XLSX ou CSV.")
	ErrImportNotXLSX = newErr(KindInvalid, "import_not_xlsx", "",
		"“%s” is named like an Excel workbook but is not one (an .xlsx file is a zip archive). If it is a CSV file, rename it .csv.",
		"« %s » porte le nom d'un classeur Excel mais n'en est pas un (un fichier .xlsx est une archive zip). S'il s'agit d'un fichier CSV, renommez-le en .csv.")
	ErrImportBadXLSX = newErr(KindInvalid, "import_bad_xlsx", "",
		"“%s” could not be read as an Excel workbook: it may be damaged or protected by a password.",
		"« %s » n'a pas pu être lu comme un classeur Excel : il est peut-être endommagé ou protégé par un mot de passe.")
	ErrImportNoSheet = newErr(KindNotFound, "import_no_sheet", "",
		"There is no sheet “%s” in “%s”; its sheets are: %s.",
		"Il n'y a pas de feuille « %s » dans « %s » ; ses feuilles sont : %s.")
	ErrImportNoHeader = newErr(KindInvalid, "import_no_header", "",
		"No recognisable header in “%s”: none of its first %d rows names two known columns. Expected column names such as %s.",
		"Aucun en-tête reconnaissable dans « %s » : aucune de ses %d premières lignes ne nomme deux colonnes connues. Noms de colonnes attendus, par exemple : %s.")
	ErrImportDuplicateHeader = newErr(KindInvalid, "import_duplicate_header", "",
		"The column “%s” appears twice in the header (columns %s and %s): rename one of them.",
		"La colonne « %s » figure deux fois dans l'en-tête (colonnes %s et %s) : renommez l'une d'elles.")
	ErrImportCSV = newErr(KindInvalid, "import_csv", "",
		"Line %d of “%s” cannot be read as CSV.",
		"La ligne %d de « %s » ne peut pas être lue comme du CSV.")
)

// headerScanRows is how many non-blank rows are looked at for the header.
const headerScanRows = 20

// sniffSize is how much of a file is looked at to decide its format,
// encoding and delimiter.
const sniffSize = 64 << 10

// rowReader is one format's stream of rows.
type rowReader interface {
	// next returns the next row (blank or not) and its line, in a new
	// slice. io.EOF at the end.
	next() (line int, cells []string, err error)
	progress() (done, total int64)
	close() error
}

// ImportFile is an open source: its header found, its rows read one at a
// time. The exported fields describe the source as detected.
type ImportFile struct {
	Format     string   // "csv" or "xlsx"
	Encoding   string   // CSV: "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252"
	Delimiter  rune     // CSV: ',', ';' or '\t'
	Sheets     []string // XLSX: every sheet of the workbook
	Sheet      string   // XLSX: the sheet read
	HeaderLine int      // the header's line (CSV) or row (XLSX), 1-based
	Header     []string // the column names, trimmed; trailing unnamed columns dropped

	name string // the file's base name, for messages
	r    rowReader
	// ahead holds the rows read while looking for the header, to be
	// returned first.
	ahead []ImportRow
	// keepExtra keeps non-empty cells beyond the header (CSV, where they
	// mean a shifted row); a workbook's cells outside the header are
	// dropped.
	keepExtra bool
	// warnings, when set, returns the remarks made while reading (a
	// quote not closed, mixed encodings).
	warnings func() []ImportIssue
}

// OpenImport opens a source and finds its format, encoding, delimiter and
// header row. Bad input gets a *Error saying what is wrong with the file.
//
// The header is the first of the first 20 non-blank rows that names at
// least two known columns (see AutoMapping), so title rows above it are
// skipped. Rows shorter than the header are padded with empty cells. Cells
// beyond the header are dropped when empty; a CSV row's non-empty extra
// cells are kept (the row is then longer than the header, and
// RecordParser rejects it: a value probably holds an unquoted delimiter),
// a workbook's are dropped (they are outside the table).
func OpenImport(src ImportSource) (*ImportFile, error) {
	name := filepath.Base(src.Path)
	f, err := os.Open(src.Path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, ErrFileNotFound.With(src.Path)
		}
		return nil, ErrImportUnreadable.With(name)
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		f.Close()
		return nil, ErrImportUnreadable.With(name)
	}
	cf := &countingReader{r: f}
	br := bufio.NewReaderSize(cf, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		f.Close()
		return nil, ErrImportUnreadable.With(name)
	}
	if st.Size() == 0 {
		f.Close()
		return nil, ErrImportEmpty.With(name)
	}
	imp := &ImportFile{name: name}
	ext := strings.ToLower(filepath.Ext(src.Path))
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		f.Close()
		if bytes.Contains(head[:min(len(head), 200)], []byte("opendocument")) {
			return nil, ErrImportODS.With(name)
		}
		imp.Format = "xlsx"
		imp.r, err = openXLSX(imp, src)
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		f.Close()
		if ext == ".xlsx" || ext == ".xlsm" {
			// An encrypted workbook is an OLE container too.
			return nil, ErrImportBadXLSX.With(name)
		}
		return nil, ErrImportOldExcel.With(name)
	case ext == ".xlsx" || ext == ".xlsm" || ext == ".xltx":
		f.Close()
		return nil, ErrImportNotXLSX.With(name)
	default:
		imp.Format = "csv"
		imp.keepExtra = true
		imp.r, err = openCSV(imp, f, cf, br, head, st.Size())
		if err != nil {
			f.Close()
		}
	}
	if err != nil {
		return nil, err
	}
	if err := imp.findHeader(); err != nil {
		imp.r.close()
		return nil, err
	}
	return imp, nil
}

// findHeader reads rows until the header, keeping the rows after it (up to
// the scan limit) to be returned by Next.
func (imp *ImportFile) findHeader() error {
	rows, err := scanHeaderRows(imp.r, headerScanRows)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return ErrImportEmpty.With(imp.name)
	}
	at := pickHeader(rows)
	if at < 0 {
		return noHeader(imp.name, len(rows))
	}
	header := rows[at].Cells
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	n := len(header)
	for n > 0 && header[n-1] == "" {
		n--
	}
	imp.Header, imp.HeaderLine = header[:n], rows[at].Line
	if err := checkDuplicateHeader(imp.Header); err != nil {
		return err
	}
	for _, r := range rows[at+1:] {
		imp.ahead = append(imp.ahead, imp.shape(r))
	}
	if len(imp.ahead) == 0 {
		// Make sure there is a row under the header.
		row, err := imp.Next()
		if err == io.EOF {
			return ErrImportNoRows.With(imp.name, imp.HeaderLine)
		}
		if err != nil {
			return err
		}
		imp.ahead = append(imp.ahead, row)
	}
	return nil
}

// scanHeaderRows reads up to n non-blank rows.
func scanHeaderRows(r rowReader, n int) ([]ImportRow, error) {
	var rows []ImportRow
	for len(rows) < n {
		line, cells, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if blank(cells) {
			continue
		}
		rows = append(rows, ImportRow{Line: line, Cells: cells})
	}
	return rows, nil
}

// pickHeader returns the index of the header among the first rows: the
// first naming two fields exactly, else the first naming two by keywords;
// -1 for none.
func pickHeader(rows []ImportRow) int {
	fuzzy := -1
	for i, r := range rows {
		exact, any := headerScore(r.Cells)
		if exact >= 2 {
			return i
		}
		if any >= 2 && fuzzy < 0 {
			fuzzy = i
		}
	}
	return fuzzy
}

func noHeader(name string, rows int) *Error {
	e := ErrImportNoHeader.With(name, rows,
		"“First name”, “Last name” (or “Full name”), “Email”, “Organisation”, “Category”, “Days”")
	e.frArgs = []any{name, rows,
		"« Prénom », « Nom » (ou « Nom complet »), « E-mail », « Structure », « Catégorie », « Jours »"}
	return e
}

// checkDuplicateHeader rejects two columns with the same name (ignoring
// case, accents and spaces): their mapping would be ambiguous.
func checkDuplicateHeader(header []string) error {
	seen := make(map[string]int, len(header))
	for i, h := range header {
		k := Fold(h)
		if k == "" {
			continue
		}
		if j, ok := seen[k]; ok {
			return ErrImportDuplicateHeader.With(h, columnName(j), columnName(i))
		}
		seen[k] = i
	}
	return nil
}

// columnName is a column's letters as a spreadsheet shows them: A, B… AA.
func columnName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// shape pads a row to the header's length and drops the cells beyond it
// that are empty (or all of them, for a workbook). The row is reshaped in
// place when it has room.
func (imp *ImportFile) shape(r ImportRow) ImportRow {
	n := len(imp.Header)
	end := len(r.Cells)
	for end > n && (!imp.keepExtra || strings.TrimSpace(r.Cells[end-1]) == "") {
		end--
	}
	if end >= n {
		r.Cells = r.Cells[:end]
		return r
	}
	if cap(r.Cells) >= n {
		r.Cells = r.Cells[:n]
		clear(r.Cells[end:])
		return r
	}
	cells := make([]string, n)
	copy(cells, r.Cells[:end])
	r.Cells = cells
	return r
}

// Next returns the next data row, skipping blank ones; io.EOF at the end.
// The row's cells are the caller's to keep.
func (imp *ImportFile) Next() (ImportRow, error) {
	if len(imp.ahead) > 0 {
		r := imp.ahead[0]
		imp.ahead = imp.ahead[1:]
		return r, nil
	}
	for {
		line, cells, err := imp.r.next()
		if err != nil {
			return ImportRow{}, err
		}
		if blank(cells) {
			continue
		}
		return imp.shape(ImportRow{Line: line, Cells: cells}), nil
	}
}

// Progress returns how far the reading is: bytes of the file read and its
// size for CSV, rows read and the sheet's rows for XLSX (0 when the
// workbook does not say).
func (imp *ImportFile) Progress() (done, total int64) { return imp.r.progress() }

// Warnings returns the remarks made on the rows read so far: a quote that
// was not closed, a line in another encoding than the others. The rows
// were read; the remarks say how.
func (imp *ImportFile) Warnings() []ImportIssue {
	if imp.warnings == nil {
		return nil
	}
	return imp.warnings()
}

// Close releases the file.
func (imp *ImportFile) Close() error {
	if imp.r == nil {
		return nil
	}
	return imp.r.close()
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
