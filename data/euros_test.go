package data

import (
	"errors"
	"testing"
)

// ParseEuros reads amounts as the form, the desk and the import take them,
// and says in both languages what is no amount.
func TestParseEuros(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"", 0, true}, {"40", 4000, true}, {"40,5", 4050, true}, {"40,50", 4050, true}, {"40.50", 4050, true},
		{"40 €", 4000, true}, {" 1 200 € ", 120000, true}, {"1 234,50 €", 123450, true}, {"1,234.50", 123450, true},
		{"EUR 45", 4500, true}, {"12 euros", 1200, true}, {"gratuit", 0, true}, {"-5", -500, true},
		{"1e3", 0, false}, {"quarante", 0, false}, {"40 dollars", 0, false}, {"12e5", 0, false},
		// Thousands separators only between groups of three digits.
		{"1 200,50", 120050, true}, {"1,200.00", 120000, true}, {"50 000,00", 5000000, true}, {"1.200,50", 120050, true},
		{"1.234.567,89", 123456789, true}, {"1,234,567", 123456700, true}, {"1'200", 120000, true}, {"0.500", 50, true},
		{"12,3,4", 0, false}, {"1,5,0", 0, false}, {"12.05.2022", 0, false}, {"1 2 3", 0, false},
		{"1.2345,00", 0, false}, {"12,34.5,6", 0, false}, {"40, 50", 0, false}, {"1,200 300", 0, false},
	} {
		got, err := ParseEuros(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseEuros(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrEurosInvalid) {
			t.Errorf("ParseEuros(%q): %v is not ErrEurosInvalid", tc.in, err)
		}
	}
	_, err := ParseEuros("quarante")
	if en, fr := Message(err, "en"), Message(err, "fr"); en != "“quarante” is not an amount in euros: write for instance 40 or 40.50." ||
		fr != "«quarante» n'est pas un montant en euros : écrivez par exemple 40 ou 40,50." {
		t.Errorf("%q / %q", en, fr)
	}
}

// A person typing "12,345" in a French form meant 12,35 € as often as
// twelve thousand: the forms refuse it, in each language for its own
// decimal mark, and read the rest as ParseEuros does (a tester saw 12 345 €
// saved without a word).
func TestParseEurosTyped(t *testing.T) {
	for _, c := range []struct {
		typed, lang string
		cents       int64
		ambiguous   bool
	}{
		{"12,345", "fr", 0, true},
		{"12,345 €", "fr", 0, true},
		{"0,500", "fr", 0, true},
		{"1 234,567", "fr", 0, true},
		{"12,35", "fr", 1235, false},
		{"12 345", "fr", 1234500, false},
		{"12.345", "fr", 1234500, false}, // the other language's thousands
		{"1 234,50", "fr", 123450, false},
		{"12.345", "en", 0, true},
		{"12,345", "en", 1234500, false},
		{"12,345.50", "en", 1234550, false},
		{"40", "en", 4000, false},
	} {
		cents, err := ParseEurosTyped(c.typed, c.lang)
		if c.ambiguous {
			if !errors.Is(err, ErrEurosAmbiguous) || Message(err, "fr") == "" {
				t.Errorf("%q in %s: %d, %v; want refused as ambiguous", c.typed, c.lang, cents, err)
			}
			continue
		}
		if err != nil || cents != c.cents {
			t.Errorf("%q in %s: %d, %v; want %d", c.typed, c.lang, cents, err, c.cents)
		}
	}
	if _, err := ParseEurosTyped("quarante", "fr"); !errors.Is(err, ErrEurosInvalid) {
		t.Errorf("quarante: %v", err)
	}
}
