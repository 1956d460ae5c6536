package spreadsheet

import (
	"archive/zip"
	"congres/data"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Reading a workbook: excelize's streaming row iterator over one sheet,
// cells as displayed, except that every date format is made ISO
// (2026-10-15, or 2026-10-15 09:30 with a time) so that the record parser
// reads dates without guessing the order of day and month.

type xlsxReader struct {
	f     *excelize.File
	rows  *excelize.Rows
	name  string
	line  int
	total int64
}

func openXLSX(imp *Table, src Source) (rowReader, error) {
	if err := checkXLSXSizes(src.Path, imp.name); err != nil {
		return nil, err
	}
	f, err := excelize.OpenFile(src.Path, excelize.Options{ShortDatePattern: "yyyy-mm-dd", UnzipSizeLimit: maxXLSXTotal})
	if err != nil {
		if isODS(src.Path) {
			return nil, data.ErrImportODS.With(imp.name)
		}
		return nil, data.ErrImportBadXLSX.With(imp.name)
	}
	isoDates(f)
	imp.Sheets = f.GetSheetList()
	sheet, err := pickSheet(f, imp, src.Sheet)
	if err != nil {
		f.Close()
		return nil, err
	}
	imp.Sheet = sheet
	r, err := newXLSXReader(f, sheet, imp.name)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.total = sheetRows(src.Path, sheet)
	return r, nil
}

func newXLSXReader(f *excelize.File, sheet, name string) (*xlsxReader, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, data.ErrImportBadXLSX.With(name)
	}
	return &xlsxReader{f: f, rows: rows, name: name}, nil
}

// pickSheet finds the sheet asked for (its name as written, else ignoring
// case and accents), or the first sheet with a recognisable header, else
// the first with data, else the first.
func pickSheet(f *excelize.File, imp *Table, want string) (string, error) {
	if len(imp.Sheets) == 0 {
		return "", data.ErrImportEmpty.With(imp.name)
	}
	if want != "" {
		for _, s := range imp.Sheets {
			if s == want {
				return s, nil
			}
		}
		for _, s := range imp.Sheets {
			if data.Fold(s) == data.Fold(want) {
				return s, nil
			}
		}
		return "", data.ImportNoSheet(want, imp.name, imp.Sheets)
	}
	withData := ""
	for _, s := range imp.Sheets {
		r, err := newXLSXReader(f, s, imp.name)
		if err != nil {
			return "", err
		}
		rows, err := scanHeaderRows(r, headerScanRows)
		r.rows.Close()
		if err != nil {
			return "", err
		}
		if pickHeader(rows) >= 0 {
			return s, nil
		}
		if len(rows) > 0 && withData == "" {
			withData = s
		}
	}
	if withData != "" {
		return withData, nil
	}
	return imp.Sheets[0], nil
}

func (x *xlsxReader) next() (int, []string, error) {
	if !x.rows.Next() {
		if x.rows.Error() != nil {
			return 0, nil, data.ErrImportBadXLSX.With(x.name)
		}
		return 0, nil, io.EOF
	}
	x.line++
	cells, err := x.rows.Columns()
	if err != nil {
		return 0, nil, data.ErrImportBadXLSX.With(x.name)
	}
	for _, c := range cells {
		if len(c) > maxCellBytes {
			return 0, nil, data.ErrImportCellTooLong.With(x.line, x.name)
		}
	}
	return x.line, cells, nil
}

func (x *xlsxReader) progress() (int64, int64) {
	done := int64(x.line)
	if done > x.total {
		return done, 0 // the dimension was wrong: the total is unknown
	}
	return done, x.total
}

func (x *xlsxReader) close() error {
	x.rows.Close()
	return x.f.Close()
}

// isoDates makes every date format of the workbook ISO, in the style sheet
// excelize holds in memory (the file itself is never written): custom
// formats are rewritten, built-in date formats point to the short date,
// which excelize writes with the ShortDatePattern option.
func isoDates(f *excelize.File) {
	if _, err := f.GetStyle(0); err != nil || f.Styles == nil || f.Styles.CellXfs == nil {
		return
	}
	ss := f.Styles
	if ss.NumFmts != nil {
		for _, nf := range ss.NumFmts.NumFmt {
			code := nf.FormatCode
			if nf.FormatCode16 != "" {
				code = nf.FormatCode16
			}
			if date, clock := dateFormat(code); date {
				nf.FormatCode, nf.FormatCode16 = "yyyy-mm-dd", ""
				if clock {
					nf.FormatCode = "yyyy-mm-dd hh:mm"
				}
			}
		}
	}
	short := 14
	for i := range ss.CellXfs.Xf {
		id := ss.CellXfs.Xf[i].NumFmtID
		if id == nil {
			continue
		}
		switch n := *id; {
		case n >= 15 && n <= 17, n >= 27 && n <= 31, n == 36, n >= 50 && n <= 58:
			ss.CellXfs.Xf[i].NumFmtID = &short
		}
	}
}

// dateFormat tells whether a number format code shows a date (it has a
// day or a year outside quotes, brackets and escapes) and whether it shows
// a time of day too.
func dateFormat(code string) (date, clock bool) {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i]
	}
	if strings.EqualFold(code, "general") {
		return false, false
	}
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '[':
			if j := strings.IndexByte(code[i+1:], ']'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\', '_', '*':
			i++
		case 'y', 'Y', 'd', 'D':
			date = true
		case 'h', 'H', 's', 'S':
			clock = true
		}
	}
	return date, clock
}

// isODS tells an OpenDocument spreadsheet by its mimetype entry.
func isODS(file string) bool {
	z, err := zip.OpenReader(file)
	if err != nil {
		return false
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "mimetype" {
			r, err := f.Open()
			if err != nil {
				return false
			}
			b, _ := io.ReadAll(io.LimitReader(r, 200))
			r.Close()
			return strings.Contains(string(b), "opendocument")
		}
	}
	return false
}

// sheetRows reads how many rows a sheet has from its dimension, which
// comes first in the sheet's XML: cheap, and 0 when anything is missing.
func sheetRows(file, sheet string) int64 {
	z, err := zip.OpenReader(file)
	if err != nil {
		return 0
	}
	defer z.Close()
	open := func(name string) io.ReadCloser {
		for _, f := range z.File {
			if f.Name == name {
				r, err := f.Open()
				if err == nil {
					return r
				}
			}
		}
		return nil
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for name, v := range map[string]any{"xl/workbook.xml": &wb, "xl/_rels/workbook.xml.rels": &rels} {
		r := open(name)
		if r == nil {
			return 0
		}
		err := xml.NewDecoder(r).Decode(v)
		r.Close()
		if err != nil {
			return 0
		}
	}
	target := ""
	for _, s := range wb.Sheets {
		if s.Name == sheet {
			for _, rel := range rels.Rels {
				if rel.ID == s.ID {
					target = rel.Target
				}
			}
		}
	}
	if target == "" {
		return 0
	}
	if strings.HasPrefix(target, "/") {
		target = target[1:]
	} else {
		target = path.Join("xl", target)
	}
	r := open(target)
	if r == nil {
		return 0
	}
	defer r.Close()
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if err != nil {
			return 0
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "dimension":
			for _, a := range el.Attr {
				if a.Name.Local == "ref" {
					i := strings.LastIndexByte(a.Value, ':')
					if i < 0 {
						return 0 // "A1": some writers do not keep it up to date
					}
					ref := a.Value[i+1:]
					n, _ := strconv.ParseInt(strings.TrimLeft(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ$"), 10, 64)
					return n
				}
			}
			return 0
		case "sheetData":
			return 0
		}
	}
}
