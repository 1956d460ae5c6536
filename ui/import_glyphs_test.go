package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestImportDialogWarnsOfMissingGlyphs: the import dialog's report warns
// of a name in a script no embedded font prints (Tifinagh), on its line,
// naming the person and the characters, in the window's language; names
// the fonts cover raise nothing.
func TestImportDialogWarnsOfMissingGlyphs(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "inscriptions.csv")
	lines := []string{
		"Prénom,Nom,E-mail",
		"प्रिया,शर्मा,priya@example.org",
		"ⵎⴰⵙⵉⵏ,Aït Ali,masin@example.org",
		"𠮷田,太郎,yoshida@example.org",
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, want string }{
		{"en", "ⵎⴰⵙⵉⵏ Aït Ali: no font prints U+2D4E “ⵎ”"},
		{"fr", "ⵎⴰⵙⵉⵏ Aït Ali : aucune police n'imprime U+2D4E «ⵎ»"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			if err := loadTranslations(c.lang); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = loadTranslations("en") })
			st := mustOpen(t, demoFile(t, 5))
			e := newTestEnv(t)
			d := openImportTest(t, e, st, path, func() {})
			if len(d.issues) != 1 || !d.issues[0].Warning || d.issues[0].Line != 3 {
				t.Fatalf("issues %v: want one warning, on line 3", d.issues)
			}
			if got := issueText(d.issues[0]); !strings.Contains(got, c.want) {
				t.Errorf("the dialog shows %q, want %q", got, c.want)
			}
		})
	}
}
