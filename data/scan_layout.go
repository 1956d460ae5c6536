package data

import (
	"slices"
	"strings"
	"unicode"
)

// A barcode scanner is a keyboard: for each character of the barcode it
// sends the key that types it on the layout it is set to (most ship set to
// a US layout), and the computer reads that key on its own layout. When the
// two differ, the text typed is not the barcode: a US scanner reading
// BXR2R4 on a French AZERTY computer types BXRéR'. MisreadScans works back
// from what was typed to what the scanner read.

// KeyboardMismatch is a scanner set to one keyboard layout typing on a
// computer set to another.
type KeyboardMismatch int

const (
	NoMismatch         KeyboardMismatch = iota
	USOnFrench                          // a scanner set to US typing on a French AZERTY computer
	FrenchOnUS                          // a scanner set to French AZERTY typing on a US computer
	USOnGerman                          // a scanner set to US typing on a German QWERTZ computer
	GermanOnUS                          // a scanner set to German QWERTZ typing on a US computer
	keyboardMismatches                  // how many there are
)

// Name says the mismatch in words, in "en" or "fr" (anything else gets
// English).
func (m KeyboardMismatch) Name(lang string) string {
	names := map[KeyboardMismatch][2]string{
		NoMismatch: {"scanner and computer on the same keyboard", "lecteur et ordinateur sur le même clavier"},
		USOnFrench: {"a scanner set to a US keyboard, on a French (AZERTY) computer",
			"un lecteur réglé en clavier américain (QWERTY), sur un ordinateur en clavier français (AZERTY)"},
		FrenchOnUS: {"a scanner set to a French (AZERTY) keyboard, on a US computer",
			"un lecteur réglé en clavier français (AZERTY), sur un ordinateur en clavier américain (QWERTY)"},
		USOnGerman: {"a scanner set to a US keyboard, on a German (QWERTZ) computer",
			"un lecteur réglé en clavier américain (QWERTY), sur un ordinateur en clavier allemand (QWERTZ)"},
		GermanOnUS: {"a scanner set to a German (QWERTZ) keyboard, on a US computer",
			"un lecteur réglé en clavier allemand (QWERTZ), sur un ordinateur en clavier américain (QWERTY)"},
	}
	n, ok := names[m]
	if !ok {
		return ""
	}
	if lang == "fr" {
		return n[1]
	}
	return n[0]
}

// ComputerLayout names the computer's keyboard in the mismatch, in "en" or
// "fr": the layout the scanner should be set to.
func (m KeyboardMismatch) ComputerLayout(lang string) string {
	var en, fr string
	switch m {
	case USOnFrench:
		en, fr = "French (AZERTY)", "français (AZERTY)"
	case USOnGerman:
		en, fr = "German (QWERTZ)", "allemand (QWERTZ)"
	case FrenchOnUS, GermanOnUS:
		en, fr = "US (QWERTY)", "américain (QWERTY)"
	}
	if lang == "fr" {
		return fr
	}
	return en
}

// ScanReading is what a scanner read, worked back from what it typed
// through a mismatched layout.
type ScanReading struct {
	Text   string
	Layout KeyboardMismatch
}

// keyboardLayout is what each key types, unshifted and shifted, keys in
// the order of layoutKeys. 0 is a key that types nothing by itself (a dead
// key, such as the French ^, or a key the layout lacks).
type keyboardLayout struct{ plain, shifted []rune }

// The keys, by their ISO names: the row of digits from the key left of 1
// (TLDE, AE01…AE12), the rows of letters (AD01…AD12, AC01…AC11, AB01…AB10),
// the key right of the letters (BKSL) and the space bar.
const layoutKeys = 13 + 12 + 11 + 10 + 1 + 1

// newLayout builds a layout from its rows, unshifted then shifted, in
// layoutKeys order; '\x00' marks a key that types nothing by itself.
func newLayout(plain, shifted string) keyboardLayout {
	l := keyboardLayout{[]rune(plain), []rune(shifted)}
	if len(l.plain) != layoutKeys || len(l.shifted) != layoutKeys {
		panic("keyboard layout: wrong number of keys")
	}
	return l
}

// The layouts as X11's xkb (symbols/us, fr, de) and Windows define them;
// the keys a scanner types, with neither AltGr nor dead keys.
var (
	layoutUS = newLayout(
		"`1234567890-="+"qwertyuiop[]"+"asdfghjkl;'"+"zxcvbnm,./"+`\`+" ",
		"~!@#$%^&*()_+"+"QWERTYUIOP{}"+`ASDFGHJKL:"`+"ZXCVBNM<>?"+"|"+" ")
	layoutFrench = newLayout(
		"²&é\"'(-è_çà)="+"azertyuiop\x00$"+"qsdfghjklmù"+"wxcvbn,;:!"+"*"+" ",
		"~1234567890°+"+"AZERTYUIOP\x00£"+"QSDFGHJKLM%"+"WXCVBN?./§"+"µ"+" ")
	layoutGerman = newLayout(
		"\x001234567890ß\x00"+"qwertzuiopü+"+"asdfghjklöä"+"yxcvbnm,.-"+"#"+" ",
		"°!\"§$%&/()=?\x00"+"QWERTZUIOPÜ*"+"ASDFGHJKLÖÄ"+"YXCVBNM;:_"+"'"+" ")
)

// layouts gives, for a mismatch, the scanner's layout and the computer's.
func (m KeyboardMismatch) layouts() (scanner, computer keyboardLayout) {
	switch m {
	case USOnFrench:
		return layoutUS, layoutFrench
	case FrenchOnUS:
		return layoutFrench, layoutUS
	case USOnGerman:
		return layoutUS, layoutGerman
	default: // GermanOnUS
		return layoutGerman, layoutUS
	}
}

// misreadTables maps, for each mismatch, a character the computer typed to
// the one the scanner meant, through the key that types it.
var misreadTables = func() [keyboardMismatches]map[rune]rune {
	var t [keyboardMismatches]map[rune]rune
	for m := USOnFrench; m < keyboardMismatches; m++ {
		scanner, computer := m.layouts()
		t[m] = make(map[rune]rune, 2*layoutKeys)
		for _, level := range [][2][]rune{{computer.plain, scanner.plain}, {computer.shifted, scanner.shifted}} {
			for k, typed := range level[0] {
				if meant := level[1][k]; typed != 0 && meant != 0 {
					t[m][typed] = meant
				}
			}
		}
	}
	return t
}()

// MisreadScans returns what a scanner may have read when it typed typed
// through a mismatched layout: for each mismatch (most likely first: a US
// scanner on a French computer) whose computer can type every character of
// typed, and that changes it, the text the scanner meant; then the reading
// of Caps Lock on a French computer under Windows. Only texts that may be
// a code or a ticket are returned (letters and digits of ASCII, '-', '_'
// and '.'); a text two mismatches give is returned once, for the first.
// Nothing when typed reads the same on every layout.
func MisreadScans(typed string) []ScanReading {
	typed = strings.TrimSpace(typed)
	var out []ScanReading
	add := func(meant string, ok bool, m KeyboardMismatch) {
		if ok && meant != typed && !slices.ContainsFunc(out, func(r ScanReading) bool { return r.Text == meant }) {
			out = append(out, ScanReading{Text: meant, Layout: m})
		}
	}
	for m := USOnFrench; m < keyboardMismatches; m++ {
		meant, ok := misread(misreadTables[m], typed, false)
		add(meant, ok, m)
	}
	// Last, the least likely: a US scanner on a French computer under
	// Windows with Caps Lock on, which types the digits right.
	meant, ok := misread(misreadTables[USOnFrench], typed, true)
	add(meant, ok, USOnFrench)
	return out
}

// misread maps each character of typed through table; false when one has
// no key there, or when the text meant cannot be a code or a ticket. With
// Caps Lock on, letters come in the other case, which a code or a ticket
// does not mind (NormaliseCode, NormaliseTicket), and accented capitals
// (É for é: Linux); with capsDigits, a digit is itself (Caps Lock on a
// French computer under Windows types the digits).
func misread(table map[rune]rune, typed string, capsDigits bool) (string, bool) {
	var b strings.Builder
	for _, r := range typed {
		meant, ok := table[r]
		if !ok {
			// Caps Lock on: É for é on a French computer (Linux).
			meant, ok = table[unicode.SimpleFold(r)]
		}
		if (!ok || !scannable(meant)) && capsDigits && r >= '0' && r <= '9' {
			meant, ok = r, true
		}
		if !ok || !scannable(meant) {
			return "", false
		}
		b.WriteRune(meant)
	}
	return b.String(), b.Len() > 0
}

// scannable reports whether r may be part of a code or a ticket.
func scannable(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
}
