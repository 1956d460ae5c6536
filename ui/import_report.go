package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"congres/data"
)

// reportText says in one sentence what an import did or would do. Each
// count agrees with its own noun ("1 nouvelle, 2 rejetées"), so each is a
// plural of its own.
func reportText(r data.ImportReport) string {
	return lang.L("{{.Rows}}: {{.New}}, {{.Updated}}, {{.Unchanged}}, {{.Skipped}}, {{.Rejected}}; {{.Places}}.",
		map[string]any{
			"Rows":      lang.N("{{.Count}} rows", r.Rows, countArgs(r.Rows)),
			"New":       lang.N("{{.Count}} new", r.New, countArgs(r.New)),
			"Updated":   lang.N("{{.Count}} updated", r.Updated, countArgs(r.Updated)),
			"Unchanged": unchangedText(r),
			"Skipped":   lang.N("{{.Count}} skipped", r.Skipped, countArgs(r.Skipped)),
			"Rejected":  lang.N("{{.Count}} rejected", r.Rejected, countArgs(r.Rejected)),
			"Places":    lang.N("{{.Count}} workshop places", r.Enrolments, countArgs(r.Enrolments)),
		}) + importTicketsText(r) + importRemarksText(r)
}

// unchangedText counts the rows left as they are, and after them those
// whose other values the mode kept (filling only empty fields), if any.
func unchangedText(r data.ImportReport) string {
	s := lang.N("{{.Count}} unchanged", r.Unchanged, countArgs(r.Unchanged))
	if r.Kept > 0 {
		s += ", " + lang.N("{{.Count}} kept as they were", r.Kept, countArgs(r.Kept))
	}
	return s
}

// countArgs are the arguments of a plural message of n: n written with
// the language's thousands separator.
func countArgs(n int) map[string]any { return map[string]any{"Count": formatCount(n)} }

// importRemarksText says, after a space, how many rows replace values
// the congress holds (an import that overwrites), how many keep values the
// organiser edited since the last import (one that fills), how many may be someone
// already registered and which columns are not imported; "" when none.
func importRemarksText(r data.ImportReport) string {
	s := ""
	if n := r.Overwritten; n > 0 {
		s += " " + lang.N("{{.Count}} rows replace values the congress holds (see the warnings).", n, countArgs(n))
	}
	if n := r.EditsKept; n > 0 {
		s += " " + lang.N("{{.Count}} rows keep your edits (see the warnings).", n, countArgs(n))
	}
	if n := r.PossibleDuplicates; n > 0 {
		s += " " + lang.N("{{.Count}} possible duplicates (see the warnings).", n, countArgs(n))
	}
	if len(r.IgnoredColumns) > 0 {
		s += " " + lang.L("Columns not imported: {{.Columns}}.", map[string]any{"Columns": strings.Join(r.IgnoredColumns, ", ")})
	}
	return s
}

// importTicketsText says how many e-tickets the import keeps for the desk, after
// a space; "" when it keeps none.
func importTicketsText(r data.ImportReport) string {
	if r.Tickets == 0 {
		return ""
	}
	return " " + lang.N("{{.Count}} e-tickets kept for the desk.", r.Tickets, countArgs(r.Tickets))
}
