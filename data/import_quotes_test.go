package data_test

import (
	"errors"
	"fmt"
	"testing"

	. "congres/data"
)

// quotesLines is a 2,000-row registration file with a stray quote in row
// 500 (`"Jo" Martin` as a last name), an opening quote never closed in row
// 1,200 and a properly quoted value over two lines in row 1,500, as Google
// Forms writes them.
func quotesLines() []string {
	lines := []string{"Prénom,Nom,E-mail,Organisation,Remarque"}
	for i := 1; i <= 2000; i++ {
		last := fmt.Sprintf("Nom%d", i)
		note := ""
		switch i {
		case 500:
			last = `"Jo" Martin`
		case 1200:
			last = `"Martin`
		case 1500:
			note = "\"Arrive tard,\nrepart tôt\""
		}
		lines = append(lines, fmt.Sprintf("Jean%d,%s,p%d@example.org,Asso,%s", i, last, i, note))
	}
	return lines
}

// A quote inside a field is a character, and an opening quote never closed
// does not swallow the rows after it: the 2,000 rows are 2,000 people.
func TestImportQuotesSwallowNoRows(t *testing.T) {
	s := mustOpen(t)
	lines := quotesLines()
	r := importLines(t, s, ImportOptions{}, lines...)
	wantCounts(t, r, 2000, 2000, 0, 0, 0, 0)
	byFirst := map[string]Participant{}
	for _, first := range []string{"Jean500", "Jean1200", "Jean1201", "Jean1500", "Jean2000"} {
		ids, err := s.ParticipantIDs(ctx, ParticipantQuery{Search: first})
		if err != nil || len(ids) != 1 {
			t.Fatalf("%s: %v, %v", first, ids, err)
		}
		if byFirst[first], err = s.Participant(ctx, ids[0]); err != nil {
			t.Fatal(err)
		}
	}
	for first, want := range map[string]string{"Jean500": `"Jo" Martin`, "Jean1200": `"Martin`, "Jean1201": "Nom1201", "Jean2000": "Nom2000"} {
		if got := byFirst[first].LastName; got != want {
			t.Errorf("%s: last name %q, want %q", first, got, want)
		}
	}
	if got := byFirst["Jean1500"].Notes; got != "Remarque: Arrive tard,\nrepart tôt" {
		t.Errorf("multi-line note %q", got)
	}
	// The unclosed quote is named by a warning on its line (the header is
	// line 1, row 1,200 is line 1,201).
	found := false
	for _, is := range r.Issues {
		if is.Warning && is.Line == 1201 && errors.Is(is.Err, ErrImportUnclosedQuote) {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning for the unclosed quote of line 1201 in %v", r.Issues)
	}
}
