package data

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A bulk import writes the values all its new participants share (their
// dates, and here their status, fee, payment, consent and notes) into the
// statement rather than binding them row by row (sharedLiterals): the rows
// read back are the file's, with a quote in the shared notes, and the full
// check finds the row sums the import computed right.
func TestImportInBulkSharedValues(t *testing.T) {
	s := mustOpen(t)
	lines := []string{"Prénom,Nom,Statut,Montant,Payé,Droit à l'image,Remarque,Jours"}
	const n = 1200
	for i := range n {
		lines = append(lines, fmt.Sprintf(`Élo%d,Bëasse%d,oui,"120,00",oui,oui,L'atelier « vélo » d'abord,2021-11-25`, i, i))
	}
	opts := ImportOptions{Mapping: []ImportField{FieldFirstName, FieldLastName, FieldStatus, FieldFee, FieldPaid,
		FieldImageConsent, FieldNotes, FieldDays}}
	wantCounts(t, importLines(t, s, opts, lines...), n, n, 0, 0, 0, 0)
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatalf("full check after a bulk import with shared values (row sums): %v", err)
	}
	list := people(t, s)
	if len(list) != n {
		t.Fatalf("%d people, want %d", len(list), n)
	}
	for _, p := range list {
		if p.Status != StatusConfirmed || p.FeeCents != 12000 || !p.Paid || !p.ImageConsent ||
			!strings.Contains(p.Notes, "L'atelier « vélo » d'abord") || !slices.Equal(p.Days, []Day{"2021-11-25"}) {
			t.Fatalf("%s %s: status %s, fee %d, paid %v, consent %v, notes %q, days %v", p.FirstName, p.LastName,
				p.Status, p.FeeCents, p.Paid, p.ImageConsent, p.Notes, p.Days)
		}
	}
	var types string
	if err := s.w.QueryRowContext(ctx, `SELECT group_concat(DISTINCT typeof(fee_cents) || typeof(paid) || typeof(notes) || typeof(created_at))
		FROM participant`).Scan(&types); err != nil || types != "integerintegertexttext" {
		t.Fatalf("the shared values' types: %q, %v", types, err)
	}
}

// sharedLiterals gives the literal of each value every row shares, as the
// driver would bind it, and none for a value that differs in any row, even
// the last, nor for one a literal would not give exactly.
func TestSharedLiterals(t *testing.T) {
	rows := [][]any{
		{int64(1), "a'b", nil, true, sql.NullInt64{}, Status("pending"), 7, "x\x00y", "\xff", 1.5, "same"},
		{int64(2), "a'b", nil, true, sql.NullInt64{}, Status("pending"), 7, "x\x00y", "\xff", 1.5, "same"},
		{int64(3), "a'b", nil, true, sql.NullInt64{}, Status("pending"), 7, "x\x00y", "\xff", 1.5, "other"},
	}
	row := func(args []any, i int) []any { return append(args, rows[i]...) }
	got := sharedLiterals(len(rows[0]), len(rows), row)
	want := []string{"", "'a''b'", "NULL", "1", "NULL", "'pending'", "7", "", "", "", ""}
	if !slices.Equal(got, want) {
		t.Fatalf("shared literals %q, want %q", got, want)
	}
	if got := sharedLiterals(2, 2, func(args []any, i int) []any { return append(args, int64(i), "z") }); !slices.Equal(got, []string{"", "'z'"}) {
		t.Fatalf("shared literals %q", got)
	}
	if got := sharedLiterals(1, 2, func(args []any, i int) []any { return append(args, int64(i)) }); got != nil {
		t.Fatalf("nothing shared: %q, want nil", got)
	}
	// keepBound drops the shared values from a row.
	args := keepBound([]any{"before", int64(1), "a'b", nil}, 1, []string{"", "'a''b'", "NULL"})
	if !slices.Equal(args, []any{"before", int64(1)}) {
		t.Fatalf("keepBound: %v", args)
	}
}
