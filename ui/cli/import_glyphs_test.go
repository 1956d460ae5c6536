package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIImportWarnsOfMissingGlyphs: importing a name in a script no
// embedded font prints (Tifinagh) warns on its line, naming the person and
// the characters, in the command line's language; names in scripts the
// fonts cover (Devanagari, CJK beyond the BMP) raise nothing.
func TestCLIImportWarnsOfMissingGlyphs(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "people.csv")
	rows := "First name,Last name,Email\nप्रिया,शर्मा,priya@example.org\nⵎⴰⵙⵉⵏ,Aït Ali,masin@example.org\n𠮷田,太郎,yoshida@example.org\n"
	if err := os.WriteFile(csv, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, want string }{
		{"en", "line 3 [First name], warning: ⵎⴰⵙⵉⵏ Aït Ali: no font prints U+2D4E “ⵎ”"},
		{"fr", "ligne 3 [First name], attention : ⵎⴰⵙⵉⵏ Aït Ali : aucune police n'imprime U+2D4E «ⵎ»"},
	} {
		file := filepath.Join(dir, c.lang+".congres")
		if _, err := runCLI(t, "demo", file, "--participants", "5"); err != nil {
			t.Fatal(err)
		}
		msg, err := runIn(t, c.lang, "import", file, csv)
		if err != nil {
			t.Fatalf("%s: import: %q, %v", c.lang, msg, err)
		}
		if !strings.Contains(msg, c.want) {
			t.Errorf("%s: no %q in:\n%s", c.lang, c.want, msg)
		}
		if strings.Contains(msg, "शर्मा") || strings.Contains(msg, "𠮷") {
			t.Errorf("%s: a warning for a name the fonts print:\n%s", c.lang, msg)
		}
	}
}
