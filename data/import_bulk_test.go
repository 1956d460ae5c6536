package data_test

import (
	"fmt"
	"testing"

	. "congres/data"
)

// TestImportInBulkIsWhole: an import that brings at least as many people
// as the congress has (and 1,000 or more) writes them in bulk into a file:
// its indexes, its search trigger and its row-sum triggers are dropped, the
// rows written with the sums computed by the import, then all made again
// in the same transaction. The rows carry the sums the triggers would
// have given (the full check recomputes them), the search index is the one
// the rows make, and search finds every person imported, on every store.
func TestImportInBulkIsWhole(t *testing.T) {
	s := mustOpen(t)
	before := addPerson(t, s, "Anne", "Ader")
	lines := []string{"Prénom,Nom,E-mail,Téléphone,Organisation,Jours,Régime,Remarque"}
	const n = 1200
	for i := range n {
		email := fmt.Sprintf("p%d@coop%d.fr", i, i%7)
		if i%10 == 0 {
			email = "" // no email: an empty text, as the triggers see it
		}
		days := []string{"2021-11-25", "2021-11-26", `"2021-11-25; 2021-11-26"`, ""}[i%4]
		phone := []string{"0612345678", "+33 6 12 34 56 78", "", "42"}[i%4] // text that reads as a number
		lines = append(lines, fmt.Sprintf(`Élo%d,Bëasse%c%d,%s,%s,Coop %d,%s,%s,"Dit ""%d"", arrive tard"`,
			i, 'a'+rune(i%26), i, email, phone, i%13, days, []string{"", "Vegan", "Halal"}[i%3], i))
	}
	r := importLines(t, s, ImportOptions{}, lines...)
	wantCounts(t, r, n, n, 0, 0, 0, 0)
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatalf("full check after a bulk import (row sums): %v", err)
	}
	if rebuilt, err := s.CheckSearchIndex(ctx); err != nil || rebuilt {
		t.Fatalf("search index after a bulk import: rebuilt %v, %v", rebuilt, err)
	}
	for _, q := range []string{"Anne Ader", "Élo0 Bëassea0", "elo777", "beasse", "Coop 12", "p1199@coop2.fr"} {
		rows, err := s.SearchParticipants(ctx, q, n+10)
		if err != nil || len(rows) == 0 {
			t.Fatalf("search %q: %d found, %v", q, len(rows), err)
		}
	}
	if rows, err := s.SearchParticipants(ctx, "beasse", n+10); err != nil || len(rows) != n {
		t.Fatalf("search beasse: %d found, want %d, %v", len(rows), n, err)
	}
	list := people(t, s)
	if len(list) != n+1 || list[0].ID != before.ID {
		t.Fatalf("%d people, first %+v", len(list), list[0])
	}
	// The indexes and triggers are back: a person added after is written
	// and found as before, with a code of their own.
	after := addPerson(t, s, "Zoé", "Zola")
	if rows, err := s.SearchParticipants(ctx, "zola", 5); err != nil || len(rows) != 1 || rows[0].ID != after.ID {
		t.Fatalf("search zola: %v, %v", rows, err)
	}
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatalf("full check after a person added: %v", err)
	}
}
