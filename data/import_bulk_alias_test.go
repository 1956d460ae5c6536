package data

import (
	"fmt"
	"strings"
	"testing"
)

// TestImportInBulkKeepsAliasCodes: a bulk import drops, with the indexes,
// the trigger that refuses a participant the code of a merged record, and
// checks every new participant's code against the aliases in one
// statement after (checkAliasCodes). An alias made after the rows were
// decided, with the code a new participant is to get, fails the import as
// the trigger would, and nothing is written; a bulk import that succeeds
// leaves the trigger in place.
func TestImportInBulkKeepsAliasCodes(t *testing.T) {
	s := mustOpen(t)
	anne := addPerson(t, s, "Anne", "Ader")
	lines := []string{"Code,Prénom,Nom"}
	const n = 1200
	for i := range n {
		lines = append(lines, fmt.Sprintf("%s,Élo%d,Bëasse%d", aliasTestCode(i), i, i))
	}
	opts := ImportOptions{Mapping: []ImportField{FieldCode, FieldFirstName, FieldLastName}}
	// An alias made between the decisions and the write: what the rows
	// were decided against (the fingerprint) does not name the aliases.
	made := false
	SetImportPlannedHook(t, func(underLock bool) {
		if made || underLock {
			return
		}
		made = true
		if _, err := s.w.ExecContext(ctx, "INSERT INTO code_alias (code, participant_id, at) VALUES (?, ?, '2021-11-01T10:00:00Z')", aliasTestCode(700), anne.ID); err != nil {
			t.Fatal(err)
		}
	})
	before := fileState(t, s)
	_, err := s.Import(ctx, sheetFile(csvFile(t, lines...)), opts)
	if KindOf(err) != KindOf(ErrCodeTaken) || !strings.Contains(err.Error(), aliasTestCode(700)) {
		t.Fatalf("a new participant given an alias's code: %v, want %v", err, ErrCodeTaken.With(aliasTestCode(700)))
	}
	if after := fileState(t, s); after != before {
		t.Fatalf("the failed import wrote:\n%s\nwas\n%s", after, before)
	}
	// Without that alias, the import writes them all, and the trigger is
	// back: a participant inserted with an alias's code is refused.
	if _, err := s.w.ExecContext(ctx, "DELETE FROM code_alias"); err != nil {
		t.Fatal(err)
	}
	wantCounts(t, importLines(t, s, opts, lines...), n, n, 0, 0, 0, 0)
	if _, err := s.w.ExecContext(ctx, "INSERT INTO code_alias (code, participant_id, at) VALUES ('ZZ9998', ?, '2021-11-01T10:00:00Z')", anne.ID); err != nil {
		t.Fatal(err)
	}
	zoe := newPerson(t, s, "Zoé", "Zola")
	if _, err := s.w.ExecContext(ctx, `INSERT INTO participant (code, first_name, last_name, category_id, status, sort_key, name_key, created_at, updated_at)
		VALUES ('ZZ9998', 'Zoé', 'Zola', ?, 'confirmed', 'zola', 'zoe zola', '', '')`, zoe.CategoryID); err == nil ||
		!strings.Contains(err.Error(), "merged record") {
		t.Fatalf("a participant inserted with an alias's code after a bulk import: %v", err)
	}
}

// aliasTestCode is a valid code for each i: letters and digits without O,
// 0, I, 1 or L.
func aliasTestCode(i int) string {
	const digits = "ABCDEFGHJKMNPQRSTUVWXYZ2345678"
	code := []byte("BQ")
	for range 4 {
		code = append(code, digits[i%len(digits)])
		i /= len(digits)
	}
	return string(code)
}
