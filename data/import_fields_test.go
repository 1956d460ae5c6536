package data

import (
	"testing"
)

func TestImportFieldsLabels(t *testing.T) {
	fields := ImportFields()
	if len(fields) != 21 {
		t.Errorf("%d fields", len(fields))
	}
	seen := map[string]bool{}
	for _, f := range append(fields, FieldIgnore) {
		for _, lang := range []string{"fr", "en"} {
			l := f.Label(lang)
			if l == "" || l == string(f) || seen[lang+l] {
				t.Errorf("%q: label %q in %s", f, l, lang)
			}
			seen[lang+l] = true
		}
	}
	if FieldFirstName.Label("fr") != "Prénom" || FieldFirstName.Label("en") != "First name" {
		t.Error(FieldFirstName.Label("fr"), FieldFirstName.Label("en"))
	}
}
