package spreadsheet

import (
	"slices"
	"strings"

	"congres/data"
)

// Mapping proposes a field for each column: AutoMapping of the header,
// corrected by the sample rows (see refineTicketColumns). With no sample,
// the first rows read with the header are the sample (as many as a
// preview shows), so that an import without a preview (congres import)
// maps the file as the dialog does.
func (imp *Table) Mapping(sample []data.ImportRow) []data.ImportField {
	if sample == nil {
		sample = imp.ahead[:min(len(imp.ahead), sampleRows)]
	}
	return refineTicketColumns(imp.Header, autoMapping(imp.Header, imp.HeaderCells, emptyColumns(len(imp.Header), sample)), sample)
}

// emptyColumns says which of n columns have no value in the sample (none
// when the sample has no rows: then nothing can be told).
func emptyColumns(n int, sample []data.ImportRow) []bool {
	if len(sample) == 0 {
		return nil
	}
	empty := make([]bool, n)
	for i := range empty {
		empty[i] = true
	}
	for _, row := range sample {
		for i, c := range row.Cells {
			if i < n && empty[i] && strings.TrimSpace(c) != "" {
				empty[i] = false
			}
		}
	}
	return empty
}

// sampleRows is how many rows read ahead correct a mapping (the preview's
// sample).
const sampleRows = 10

// refineTicketColumns corrects what a header name alone cannot tell, from
// the first rows: a column named "Billet" (the ticket type, mostly) that
// holds ticket numbers gives tickets, and a ticket column whose values
// have no digit ("Ticket": "Early bird") is the ticket type, the category
// when no other column gives it.
func refineTicketColumns(header []string, mapping []data.ImportField, sample []data.ImportRow) []data.ImportField {
	hasCategory := slices.Contains(mapping, data.FieldCategory)
	for i, f := range mapping {
		if i >= len(header) {
			break
		}
		switch {
		case f == data.FieldCategory && data.Fold(header[i]) == "billet" && ticketValues(sample, i) == 1:
			mapping[i], hasCategory = data.FieldTicket, false
		case f == data.FieldIgnore && data.Fold(header[i]) == "billet" && ticketValues(sample, i) == 1:
			mapping[i] = data.FieldTicket // Billetweb's: "Tarif" took the category
		case f == data.FieldTicket && ticketValues(sample, i) == -1 && !hasCategory:
			mapping[i], hasCategory = data.FieldCategory, true
		}
	}
	return mapping
}

// ticketValues says whether the column's values in the sample are ticket
// numbers (1: each has a digit and no space, and no two are the same), or
// none is (-1: no digit anywhere); 0 when the sample cannot tell.
func ticketValues(sample []data.ImportRow, col int) int {
	n, tickets, digits := 0, 0, 0
	seen := map[string]bool{}
	for _, row := range sample {
		if col >= len(row.Cells) {
			continue
		}
		v := strings.TrimSpace(row.Cells[col])
		if v == "" {
			continue
		}
		n++
		has := strings.ContainsAny(v, "0123456789")
		if has {
			digits++
		}
		if has && !strings.ContainsAny(v, " \t") && len(v) <= data.MaxTicket && !seen[v] {
			tickets++
		}
		seen[v] = true
	}
	switch {
	case n == 0:
		return 0
	case tickets == n:
		return 1
	case digits == 0:
		return -1
	}
	return 0
}
