package export

import (
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
	FR: "« %s » ne peut pas séparer les colonnes d'un fichier CSV : utilisez une virgule, un point-virgule ou une tabulation."}

// WriteListCSV writes a list preset as CSV that Excel opens as it is:
// UTF-8 with a byte order mark (without it Excel reads ANSI and breaks the
// accents), CRLF line ends, fields quoted when they hold the separator, a
// quote or a line break. Values: Oui/Non or Yes/No; dates dd/mm/yyyy HH:MM
// in French, yyyy-mm-dd HH:MM in English (the date alone at midnight);
// numbers with a decimal comma when the separator is a semicolon.
//
// CSV has no types: a spreadsheet evaluates any field that looks like a
// formula. Following OWASP's advice on CSV injection, a text field starting
// with = + - @, a tab or a carriage return (or spaces then one of these) is
// written with a leading apostrophe, which makes Excel and LibreOffice read
// it as text; the apostrophe shows. Numbers and dates are ours, never
// escaped.
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
		return csvText(v)
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
		if f.lang == "fr" {
			layout = "02/01/2006 15:04"
		}
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
		return csvText(string(v))
	}
	return csvText(wbString(v))
}

// csvText neutralises a text that a spreadsheet would evaluate.
func csvText(s string) string {
	if formulaLike(s) {
		return "'" + s
	}
	return s
}
