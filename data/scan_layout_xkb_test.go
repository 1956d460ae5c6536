package data

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestScanLayoutsMatchXKB compares the layouts MisreadScans works with to
// X11's own (xkbcomp compiles the keymaps of xkeyboard-config): each key,
// unshifted and shifted. Skipped where xkbcomp is not installed.
func TestScanLayoutsMatchXKB(t *testing.T) {
	if _, err := exec.LookPath("xkbcomp"); err != nil {
		t.Skip("xkbcomp is not installed")
	}
	keys := []string{"TLDE"}
	for _, row := range []struct {
		name string
		n    int
	}{{"AE", 12}, {"AD", 12}, {"AC", 11}, {"AB", 10}} {
		for i := 1; i <= row.n; i++ {
			keys = append(keys, row.name+string(rune('0'+i/10))+string(rune('0'+i%10)))
		}
	}
	keys = append(keys, "BKSL", "SPCE")
	names := map[string]rune{"ampersand": '&', "eacute": 'é', "quotedbl": '"', "apostrophe": '\'',
		"parenleft": '(', "minus": '-', "egrave": 'è', "underscore": '_', "ccedilla": 'ç', "agrave": 'à',
		"parenright": ')', "equal": '=', "plus": '+', "degree": '°', "dollar": '$', "sterling": '£',
		"ugrave": 'ù', "percent": '%', "asterisk": '*', "mu": 'µ', "comma": ',', "question": '?',
		"semicolon": ';', "period": '.', "colon": ':', "slash": '/', "exclam": '!', "section": '§',
		"twosuperior": '²', "asciitilde": '~', "grave": '`', "at": '@', "numbersign": '#',
		"asciicircum": '^', "bracketleft": '[', "bracketright": ']', "braceleft": '{', "braceright": '}',
		"backslash": '\\', "bar": '|', "less": '<', "greater": '>', "ssharp": 'ß', "udiaeresis": 'ü', "Udiaeresis": 'Ü',
		"odiaeresis": 'ö', "Odiaeresis": 'Ö', "adiaeresis": 'ä', "Adiaeresis": 'Ä', "space": ' '}
	sym := func(s string) rune {
		if strings.HasPrefix(s, "dead_") {
			return 0
		}
		if r, n := utf8.DecodeRuneInString(s); n == len(s) {
			return r
		}
		if r, ok := names[s]; ok {
			return r
		}
		t.Fatalf("keysym %q", s)
		return 0
	}
	for _, c := range []struct {
		xkb    string
		layout keyboardLayout
	}{{"us", layoutUS}, {"fr", layoutFrench}, {"de", layoutGerman}} {
		keymap := `xkb_keymap { xkb_keycodes { include "evdev+aliases(qwerty)" }; xkb_types { include "complete" };
			xkb_compat { include "complete" }; xkb_symbols { include "pc+` + c.xkb + `+inet(evdev)" }; };`
		cmd := exec.Command("xkbcomp", "-xkb", "-", "-")
		cmd.Stdin = strings.NewReader(keymap)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: xkbcomp: %v", c.xkb, err)
		}
		for i, k := range keys {
			m := regexp.MustCompile(`key <` + k + `> \{[^}]*?symbols\[Group1\]=\s*\[([^\]]*)\]`).FindSubmatch(out)
			if m == nil {
				m = regexp.MustCompile(`key <` + k + `> \{\s*\[([^\]]*)\]`).FindSubmatch(out)
			}
			if m == nil {
				t.Fatalf("%s: no key %s", c.xkb, k)
			}
			syms := strings.Split(string(m[1]), ",")
			plain := sym(strings.TrimSpace(syms[0]))
			shifted := plain
			if len(syms) > 1 {
				shifted = sym(strings.TrimSpace(syms[1]))
			}
			if plain != c.layout.plain[i] || shifted != c.layout.shifted[i] {
				t.Errorf("%s %s: X11 types %q %q, the table %q %q", c.xkb, k, plain, shifted, c.layout.plain[i], c.layout.shifted[i])
			}
		}
	}
}
