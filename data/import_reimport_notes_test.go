package data

import "testing"

// A row's notes, written "Column: value" by the import, are no value kept
// when the stored notes already hold the value (typed in the form, without
// the column's name); they are when they say something else.
func TestNotesDiffer(t *testing.T) {
	for _, tc := range []struct {
		stored, file string
		want         bool
	}{
		{"Allergie aux noix", "Remarque: Allergie aux noix", false},
		{"Remarque: Allergie aux noix", "Remarque: Allergie aux noix", false},
		{"Allergie aux noix\nArrive tard", "Remarque: Allergie aux noix\nHoraire: Arrive tard", false},
		{"", "", false},
		{"Allergie aux noix", "Remarque: Végétarien", true},
		{"Allergie aux noix", "Remarque: Allergie aux noix\nHoraire: Arrive tard", true},
	} {
		if got := notesDiffer(tc.stored, tc.file); got != tc.want {
			t.Errorf("notesDiffer(%q, %q) = %v, want %v", tc.stored, tc.file, got, tc.want)
		}
	}
}
