package data_test

import (
	"errors"
	"strings"
	"testing"

	. "congres/data"
)

// The participant form refuses notes longer than an import takes, so that
// notes saved in the window are not rejected when the list is imported
// again; notes at the limit are kept, in the form and in the import.
func TestParticipantNotesLimit(t *testing.T) {
	s := mustOpen(t)
	p := newPerson(t, s, "Nina", "Nollet")
	p.Notes = strings.Repeat("é", maxNotes/2) + "x" // one byte too many
	err := s.CreateParticipant(ctx, &p)
	wantErr(t, err, ErrNotesTooLong)
	var e *Error
	if errors.As(err, &e); e.Field != "notes" || !strings.Contains(e.Message("fr"), "remarques") {
		t.Errorf("field %q, French %q", e.Field, e.Message("fr"))
	}
	p.Notes = strings.Repeat("é", maxNotes/2) // at the limit
	if err := s.CreateParticipant(ctx, &p); err != nil {
		t.Fatalf("notes at the limit: %v", err)
	}
	// Her row again: matched, her notes kept.
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,Remarque", "Nina,Nollet,"+p.Notes)
	wantCounts(t, r, 1, 0, 0, 1, 0, 0)
	// Put under the column's name, the same notes pass the limit.
	r = importLines(t, s, ImportOptions{OnMatch: MatchOverwrite}, "Prénom,Nom,Remarque", "Nina,Nollet,"+p.Notes)
	wantCounts(t, r, 1, 0, 0, 0, 0, 1)
	if is := r.Issues[0]; !errors.Is(is.Err, ErrNotesTooLong) || is.Column != "Remarque" {
		t.Errorf("%+v", is)
	}
	r = importLines(t, s, ImportOptions{}, "Prénom,Nom,Remarque", "Noé,Nollet,"+p.Notes+"x")
	wantCounts(t, r, 1, 0, 0, 0, 0, 1)
	if is := r.Issues[0]; !errors.Is(is.Err, ErrImportNotesTooLong) {
		t.Errorf("%+v", is)
	}
}
