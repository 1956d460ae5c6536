// Package spreadsheet reads the spreadsheets an import takes (CSV, TSV,
// Excel's "Unicode text" and XLSX workbooks, exported by ticketing
// platforms and forms): it finds their format, encoding, delimiter, sheet
// and header row, streams their rows as text, and proposes a field for each
// header name. It reads files and nothing else: what a row means for the
// congress (matching, merging, statuses, days) is data's, which reads a
// table through data.ImportSource and data.ImportTable.
package spreadsheet

import (
	"bufio"
	"bytes"
	"congres/data"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Reading a source: the format decided by the content (a zip archive is a
// workbook, text is CSV), then the header row looked for under any title
// rows, then the data rows one at a time. csv.go and xlsx.go read the two
// formats.

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

// Source names a spreadsheet to import. It is a data.ImportSource: an
// import opens it (with Open) each time it reads it.
type Source struct {
	Path  string // a .csv, .tsv, .txt or .xlsx file; the content decides, not the name
	Sheet string // XLSX: the sheet to read; "" reads the first sheet that has data
}

// Open opens the spreadsheet (see the package's Open).
func (src Source) Open() (data.ImportTable, error) {
	t, err := Open(src)
	if err != nil {
		return nil, err // not a nil *Table in an interface
	}
	return t, nil
}

// Table is an open spreadsheet: its header found, its rows read one at a
// time. Its data.ImportLayout describes the source as detected. It is a
// data.ImportTable.
type Table struct {
	data.ImportLayout

	name string // the file's base name, for messages
	r    rowReader
	// ahead holds the rows read while looking for the header, to be
	// returned first.
	ahead []data.ImportRow
	// headerEnd is the last line of the header row: its cells may run over
	// several lines (Google Forms).
	headerEnd int
	// keepExtra keeps non-empty cells beyond the header (CSV, where they
	// mean a shifted row); a workbook's cells outside the header are
	// dropped.
	keepExtra bool
	// warnings, when set, returns the remarks made while reading (a
	// quote not closed, mixed encodings).
	warnings func() []data.ImportIssue
	// cutAt, when set, tells whether the row starting on a line is where
	// the file ends without a line end, and whether a quote is still
	// open there (CSV: see csvParser.cutAt).
	cutAt func(line int) (unended, openQuote bool)
	// short are the warnings of rows with fewer cells than the header.
	short []data.ImportIssue
}

// Open opens a spreadsheet and finds its format, encoding, delimiter and
// header row. Bad input gets a *data.Error saying what is wrong with the file.
//
// The header is the first of the first 20 non-blank rows that names at
// least two known columns (see AutoMapping), so title rows above it are
// skipped. Rows shorter than the header are padded with empty cells. Cells
// beyond the header are dropped when empty; a CSV row's non-empty extra
// cells are kept (the row is then longer than the header, and
// data.RecordParser rejects it: a value probably holds an unquoted delimiter),
// a workbook's are dropped (they are outside the table).
func Open(src Source) (*Table, error) {
	name := filepath.Base(src.Path)
	f, err := os.Open(src.Path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, data.ErrFileNotFound.With(src.Path)
		}
		return nil, data.ErrImportUnreadable.With(name)
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		f.Close()
		return nil, data.ErrImportUnreadable.With(name)
	}
	cf := &countingReader{r: f}
	br := bufio.NewReaderSize(cf, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		f.Close()
		return nil, data.ErrImportUnreadable.With(name)
	}
	if st.Size() == 0 {
		f.Close()
		return nil, data.ErrImportEmpty.With(name)
	}
	imp := &Table{name: name}
	ext := strings.ToLower(filepath.Ext(src.Path))
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		f.Close()
		if bytes.Contains(head[:min(len(head), 200)], []byte("opendocument")) {
			return nil, data.ErrImportODS.With(name)
		}
		imp.Format = "xlsx"
		imp.r, err = openXLSX(imp, src)
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		f.Close()
		if ext == ".xlsx" || ext == ".xlsm" {
			// An encrypted workbook is an OLE container too.
			return nil, data.ErrImportBadXLSX.With(name)
		}
		return nil, data.ErrImportOldExcel.With(name)
	case ext == ".xlsx" || ext == ".xlsm" || ext == ".xltx":
		f.Close()
		return nil, data.ErrImportNotXLSX.With(name)
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
func (imp *Table) findHeader() error {
	rows, err := scanHeaderRows(imp.r, headerScanRows)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return data.ErrImportEmpty.With(imp.name)
	}
	at := pickHeader(rows)
	if at < 0 {
		return data.ImportNoHeader(imp.name, len(rows))
	}
	header := rows[at].Cells
	cells := slices.Clone(header)
	for i := range header {
		header[i] = headerName(header[i])
	}
	n := len(header)
	for n > 0 && header[n-1] == "" {
		n--
	}
	imp.Header, imp.HeaderLine = header[:n], rows[at].Line
	imp.HeaderCells = cells[:n]
	imp.headerEnd = imp.HeaderLine
	for _, c := range cells {
		imp.headerEnd += strings.Count(c, "\n")
	}
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
			return data.ErrImportNoRows.With(imp.name, imp.HeaderLine)
		}
		if err != nil {
			return err
		}
		imp.ahead = append(imp.ahead, row)
	}
	return nil
}

// scanHeaderRows reads up to n non-blank rows.
func scanHeaderRows(r rowReader, n int) ([]data.ImportRow, error) {
	var rows []data.ImportRow
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
		rows = append(rows, data.ImportRow{Line: line, Cells: cells})
	}
	return rows, nil
}

// pickHeader returns the index of the header among the first rows: the
// first naming two fields exactly, else the first naming two by keywords;
// -1 for none.
func pickHeader(rows []data.ImportRow) int {
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

// checkDuplicateHeader rejects two columns with the same name (ignoring
// case, accents and spaces): their mapping would be ambiguous.
func checkDuplicateHeader(header []string) error {
	seen := make(map[string]int, len(header))
	for i, h := range header {
		k := data.Fold(h)
		if k == "" {
			continue
		}
		if j, ok := seen[k]; ok {
			return data.ErrImportDuplicateHeader.With(h, columnName(j), columnName(i))
		}
		seen[k] = i
	}
	return nil
}

// columnName is a column's letters as a spreadsheet shows them: A, B… AA.
// headerName is a header cell as the import names its column: its
// spaces, non-breaking spaces and line breaks (a long question of Google
// Forms) made single spaces, and trimmed.
func headerName(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) &&
		!strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

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
//
// A CSV row with fewer cells than the header (a workbook's rows leave out
// their empty cells) is rejected where the file seems cut off: the row
// the file ends in without a line end, or a quote still open there. Any
// other short row is read with its missing cells empty, with a warning:
// a file written by hand, or by an old Excel (which leaves out the
// separators of empty cells at a row's end), has such rows, and a row cut
// in two by an unquoted line break shows as one.
func (imp *Table) shape(r data.ImportRow) data.ImportRow {
	n := len(imp.Header)
	end := len(r.Cells)
	if imp.cutAt != nil {
		unended, openQuote := imp.cutAt(r.Line)
		switch {
		case openQuote:
			r.Err = data.ErrImportCutInQuote
		case end < n && unended:
			r.Err = data.ErrImportRowCut.With(end, n)
		case end < n && len(imp.short) < maxSourceWarnings:
			imp.short = append(imp.short, data.ImportIssue{Line: r.Line,
				Err: data.ErrImportShortRow.With(end, n), Warning: true})
		}
	}
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
func (imp *Table) Next() (data.ImportRow, error) {
	if len(imp.ahead) > 0 {
		r := imp.ahead[0]
		imp.ahead = imp.ahead[1:]
		return r, nil
	}
	for {
		line, cells, err := imp.r.next()
		if err != nil {
			return data.ImportRow{}, err
		}
		if blank(cells) {
			continue
		}
		return imp.shape(data.ImportRow{Line: line, Cells: cells}), nil
	}
}

// Progress returns how far the reading is: bytes of the file read and its
// size for CSV, rows read and the sheet's rows for XLSX (0 when the
// workbook does not say).
func (imp *Table) Progress() (done, total int64) { return imp.r.progress() }

// Warnings returns the remarks made on the rows read so far: a quote that
// was not closed, a line in another encoding than the others. The rows
// were read; the remarks say how.
//
// A header cell running over several lines is no remark: Google Forms
// writes a question's hint under it.
func (imp *Table) Warnings() []data.ImportIssue {
	if imp.warnings == nil {
		return imp.short
	}
	all := imp.warnings()
	if len(imp.short) > 0 {
		all = append(slices.Clip(all), imp.short...)
	}
	var out []data.ImportIssue
	for i, w := range all {
		if w.Line >= imp.HeaderLine && w.Line <= imp.headerEnd && errors.Is(w.Err, data.ErrImportMultiLine) {
			if out == nil {
				out = append(make([]data.ImportIssue, 0, len(all)), all[:i]...)
			}
			continue
		}
		if out != nil {
			out = append(out, w)
		}
	}
	if out == nil {
		return all
	}
	return out
}

// Layout is the source as detected.
func (imp *Table) Layout() data.ImportLayout { return imp.ImportLayout }

// Close releases the file.
func (imp *Table) Close() error {
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
