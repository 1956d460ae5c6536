package data

import (
	"regexp"
	"strings"
)

// Text in a CSV file that a spreadsheet opens: a field that looks like a
// formula is evaluated when the file is opened (CSV injection), and one
// that looks like a number, a date or a truth value is turned into one
// (the code 3278E8 becomes 3.278E+11, the ticket 00123 becomes 123).
// Quoting the field does not help. So a text written to CSV for people to
// open (a saved list, the rejected rows of an import) that would be
// either gets a leading apostrophe (CSVText), which Excel and LibreOffice
// keep as text, and an import reads that apostrophe away again
// (CSVTextValue), so that a file written so imports as it was.

// CSVText is s as a CSV field a spreadsheet keeps as text: with a leading
// apostrophe when it looks like a formula (FormulaLike) or like a number,
// a date or a truth value (CSVConverted); else s itself.
func CSVText(s string) string {
	if FormulaLike(s) || CSVConverted(s) {
		return "'" + s
	}
	return s
}

// CSVTextValue is the value a CSV field written by CSVText stands for:
// v without its leading apostrophe when CSVText puts it there, else v
// itself ("'t Hooft" keeps its apostrophe, "'=1+1" is "=1+1").
func CSVTextValue(v string) string {
	if len(v) > 1 && v[0] == '\'' && CSVText(v[1:]) == v {
		return v[1:]
	}
	return v
}

// FormulaLike reports whether a spreadsheet could take s for a formula: it
// starts, maybe after spaces, with = + - @, or with a tab, a carriage
// return or a NUL (OWASP's list for CSV injection, with NUL from ASVS
// 1.2.10).
func FormulaLike(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '\t', '\r', 0:
		return true
	}
	t := strings.TrimLeft(s, " ")
	return t != "" && strings.IndexByte("=+-@\t\r", t[0]) >= 0
}

// What Excel and LibreOffice turn into a number, a date, a time or a truth
// value when they open a CSV file, in English or French: 00123, 3278E8,
// 1,5, 12%, (12), 1 234, 25/11, 2026-11-25, 9:12, TRUE, VRAI.
var (
	csvNumber   = regexp.MustCompile(`^ *[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)? *%? *$`)
	csvGrouped  = regexp.MustCompile(`^ *\d{1,3}([ ,.\x{a0}\x{202f}]\d{3})+([.,]\d+)? *$`)
	csvNegative = regexp.MustCompile(`^ *\(\d+([.,]\d+)?\) *$`)
	csvDate     = regexp.MustCompile(`^ *\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?([ T]\d{1,2}:\d{2}(:\d{2})?)? *$`)
	csvTime     = regexp.MustCompile(`^ *\d{1,2}:\d{2}(:\d{2})?( ?[AaPp][Mm])? *$`)
)

// CSVConverted reports whether a spreadsheet opening a CSV file turns s
// into a number, a date, a time or a truth value.
func CSVConverted(s string) bool {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "TRUE", "FALSE", "VRAI", "FAUX":
		return true
	}
	return csvNumber.MatchString(s) || csvGrouped.MatchString(s) || csvNegative.MatchString(s) ||
		csvDate.MatchString(s) || csvTime.MatchString(s)
}
