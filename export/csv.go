package export

import (
	"congres/data"
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// CSVOptions say how a list is written as CSV.
type CSVOptions struct {
	Lang string // "fr" or "en": column labels, Oui/Non, date order
	// Separator is ',' (the default when zero), ';' for French Excel, whose
	// list separator is the semicolon (numbers then get a decimal comma),
	// or '\t'.
	Separator rune
	// Progress, when set, is told how many people are written out of total
	// (total is 0 when unknown), every few hundred and at the end.
	Progress func(done, total int)
}

// ErrCSVSeparator refuses a separator Excel would not split on.
var ErrCSVSeparator = &Error{Code: "csv_separator",
	EN: "“%s” cannot separate the columns of a CSV file: use a comma, a semicolon or a tab.",
	FR: "«%s» ne peut pas séparer les colonnes d'un fichier CSV : utilisez une virgule, un point-virgule ou une tabulation."}

// WriteListCSV writes a list preset as CSV that Excel opens as it is:
// UTF-8 with a byte order mark (without it Excel reads ANSI and breaks the
// accents), CRLF line ends, fields quoted when they hold the separator, a
// quote or a line break. Values: Oui/Non or Yes/No; dates in full, as
// ISO 8601 (2026-11-25, 2026-11-25 09:12) in every language: the one form
// that Excel and LibreOffice read as the right date whatever their
// language (LibreOffice in English reads 25/11/2026 as text, and a date
// without its year as this year's); numbers with a decimal comma when the
// separator is a semicolon.
//
// CSV has no types: a spreadsheet evaluates any field that looks like a
// formula, and turns any field that looks like a number or a date into
// one (the code 3278E8 becomes 3.278E+11, 00123 becomes 123). Quoting the
// field does not help, and ="00123" would be a formula: a person's data
// never becomes one. So a text field that a spreadsheet would evaluate
// (starting with = + - @, a tab or a carriage return, maybe after spaces:
// OWASP's advice on CSV injection) or read as a number, a date or a truth
// value is written with a leading apostrophe, which Excel and LibreOffice
// keep as text; the apostrophe shows (there is no invisible way: an
// invisible character would change the value as silently). The workbook
// (XLSX) keeps every value as it is, typed. Numbers and dates are ours,
// never escaped.
func WriteListCSV(ctx context.Context, w io.Writer, in ListInput, opts CSVOptions) error {
	sep := opts.Separator
	if sep == 0 {
		sep = ','
	}
	if sep != ',' && sep != ';' && sep != '\t' {
		return ErrCSVSeparator.with(string(sep))
	}
	cols, err := in.listColumns()
	if err != nil {
		return err
	}
	lang := opts.Lang
	if lang != "fr" {
		lang = "en"
	}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = sep
	cw.UseCRLF = true
	record := make([]string, len(cols))
	for i, c := range cols {
		record[i] = columnLabel(c, lang)
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	f := csvFormat{lang: lang, comma: sep == ';'}
	err = eachListRow(ctx, &in, cols, lang, opts.Progress, func(vals []any) error {
		for i, v := range vals {
			record[i] = f.field(v)
		}
		return cw.Write(record)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvFormat writes values as CSV fields.
type csvFormat struct {
	lang  string
	comma bool // decimal comma
}

func (f csvFormat) field(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return data.CSVText(v)
	case listText:
		return string(v)
	case bool:
		if v {
			return wbLabel(f.lang, "yes")
		}
		return wbLabel(f.lang, "no")
	case time.Time:
		if v.IsZero() {
			return ""
		}
		layout := "2006-01-02 15:04"
		v = v.Local() // the store reads times in UTC
		if wbMidnight(v) {
			layout = layout[:len(layout)-6]
		}
		return v.Format(layout)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if f.comma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	case []byte:
		return data.CSVText(string(v))
	}
	return data.CSVText(wbString(v))
}
