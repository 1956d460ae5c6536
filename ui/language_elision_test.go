package ui

import (
	"regexp"
	"testing"
)

// TestFrenchNoElisionBeforeNames: no French sentence puts a name (a
// person's, a room's, a file's) right after "de", "le" or "que", which
// would need an elision the template cannot make ("de Inès" for
// "d'Inès"): such sentences put the name after a colon instead ("Entrée
// annulée : Inès Théodore (…)").
func TestFrenchNoElisionBeforeNames(t *testing.T) {
	before := regexp.MustCompile(`(?i)(^|[\s'’(«])(de|le|que|ce|ne|se|je|me|te|la|jusque|lorsque|puisque)\s+\{\{\.(Name|Room|First|Last|Person|Who|Organisation|File|Path)\}\}`)
	for key, v := range translations(t, "fr") {
		var forms []string
		switch x := v.(type) {
		case string:
			forms = []string{x}
		case map[string]any:
			for _, f := range x {
				if s, ok := f.(string); ok {
					forms = append(forms, s)
				}
			}
		}
		for _, f := range forms {
			if m := before.FindString(f); m != "" {
				t.Errorf("%q: %q puts a name after %q", key, f, m)
			}
		}
	}
}
