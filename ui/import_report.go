package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"congres/data"
)

// reportText says in one sentence what an import did or would do.
func reportText(r data.ImportReport) string {
	return lang.N("{{.Count}} rows: {{.New}} new, {{.Updated}} updated, {{.Unchanged}} unchanged, {{.Skipped}} skipped, {{.Rejected}} rejected; {{.Places}} workshop places.",
		r.Rows, map[string]any{"Count": r.Rows, "New": r.New, "Updated": r.Updated, "Unchanged": r.Unchanged,
			"Skipped": r.Skipped, "Rejected": r.Rejected, "Places": r.Enrolments}) + importTicketsText(r) +
		importRemarksText(r)
}

// importRemarksText says, after a space, how many rows may be someone
// already registered and which columns are not imported; "" when none.
func importRemarksText(r data.ImportReport) string {
	s := ""
	if n := r.PossibleDuplicates; n > 0 {
		s += " " + lang.N("{{.Count}} possible duplicates (see the warnings).", n, map[string]any{"Count": n})
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
	return " " + lang.N("{{.Count}} e-tickets kept for the desk.", r.Tickets, map[string]any{"Count": r.Tickets})
}
