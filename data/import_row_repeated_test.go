package data

import (
	"strings"
	"testing"
)

// TestImportRowRepeatedIsNamed: a row that is again someone an earlier row
// of the file registers, and changes nothing, is named with the line it
// repeats: it was a silent "1 unchanged" (a second row of Gina in a
// platform's export). A row that adds something (a workshop) is not.
func TestImportRowRepeatedIsNamed(t *testing.T) {
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,Email",
		"Gina,Rossi,gina@example.org",
		"Paul,Baud,paul@example.org",
		"Gina,Rossi,gina@example.org")
	wantCounts(t, r, 3, 2, 0, 1, 0, 0)
	if len(r.Issues) != 1 || r.Issues[0].Line != 4 || !r.Issues[0].Warning {
		t.Fatalf("issues %+v", r.Issues)
	}
	for lang, want := range map[string]string{
		"en": "The same person as line 2 (Gina Rossi): this row changed nothing.",
		"fr": "La même personne que ligne 2 (Gina Rossi) : cette ligne n'a rien changé.",
	} {
		if got := Message(r.Issues[0].Err, lang); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

// TestImportDefaultCategoryCountsImportedRows: a row with an empty
// category cell that is then rejected is no new person who got the
// default category: the report counted it.
func TestImportDefaultCategoryCountsImportedRows(t *testing.T) {
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,E-mail,Catégorie",
		"Un,A,u1@ex.example,Élu·e",
		"Trois,"+strings.Repeat("y", 600)+",u3@ex.example,")
	if r.New != 1 || r.Rejected != 1 || r.DefaultCategoryRows != 0 || r.DefaultCategory != "" {
		t.Fatalf("new %d, rejected %d, default category %q for %d rows; want 1, 1, none",
			r.New, r.Rejected, r.DefaultCategory, r.DefaultCategoryRows)
	}
}
