package data

import (
	"slices"
	"strings"
	"testing"
)

func TestScanMisread(t *testing.T) {
	for _, c := range []struct {
		name, typed string
		want        []ScanReading
	}{
		// A US scanner on a French computer: the digits unshifted are
		// &é"'(-è_çà, A and Q, W and Z trade places, M is ? (shifted).
		{"USOnFrench", "BXRéR'", []ScanReading{{"BXR2R4", USOnFrench}}},
		{"USOnFrenchLetters", "QéAZW?", []ScanReading{{"A2QWZM", USOnFrench}}},
		{"USOnFrenchDigits", `&é"'(-è_çà`, []ScanReading{{"1234567890", USOnFrench}}},
		{"USOnFrenchLowerCase", "qwerty)&é", []ScanReading{{"azerty-12", USOnFrench}}},
		{"USOnFrenchLowerM", "bx,", []ScanReading{{"bxm", USOnFrench}}},
		// Some texts read as a scan through two mismatches.
		{"USOnFrenchOrFrenchOnUS", "AB::", []ScanReading{{"QB..", USOnFrench}, {"QBMM", FrenchOnUS}}},
		// Caps Lock on the French computer: letters in the other case,
		// capital accented letters.
		{"USOnFrenchCapsLock", "bxrÉr'", []ScanReading{{"bxr2r4", USOnFrench}}},
		{"USOnFrenchCapsLockLetters", "qÉazw?", []ScanReading{{"a2qwzM", USOnFrench}}},
		{"USOnFrenchCapsLockDigits", "q2azw?", []ScanReading{{"q2ayw_", USOnGerman}, {"a2qwzM", USOnFrench}}},
		{"Digits", "2345", nil},
		// A French scanner on a US computer: the digits come shifted.
		{"FrenchOnUS", "BXR@R$", []ScanReading{{"BXR2R4", FrenchOnUS}}},
		{"FrenchOnUSLetters", "Q@AZW:", []ScanReading{{"A2QWZM", FrenchOnUS}}},
		{"FrenchOnUSDigits", "!@#$%^&*()", []ScanReading{{"1234567890", FrenchOnUS}}},
		{"FrenchOnUSLowerCase", "qwerty6!@", []ScanReading{{"azerty-12", FrenchOnUS}}},
		// German QWERTZ: Y and Z trade places; the digits are where they are.
		// Last, Caps Lock on a French computer (Windows): digits right.
		{"USOnGerman", "BZY2", []ScanReading{{"BYZ2", USOnGerman}, {"BWY2", USOnFrench}}},
		{"USOnGermanDash", "Zß12", []ScanReading{{"Y-12", USOnGerman}}},
		{"GermanOnUS", "Y/12", []ScanReading{{"Z-12", GermanOnUS}}},
		// The same text from two mismatches is given once, for the first.
		{"USOnFrenchOrGerman", "AB?", []ScanReading{{"QBM", USOnFrench}, {"AB_", USOnGerman}}},
		// Texts that read the same on every layout, or read as nothing
		// scannable.
		{"SameEverywhere", "BCDEFGHJ", nil},
		{"Name", "Dupont", nil},
		{"NameWithM", "Martin", nil},
		{"Empty", "", nil},
		{"Spaces", "  ", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := MisreadScans(c.typed); !slices.Equal(got, c.want) {
				t.Errorf("MisreadScans(%q) = %v, want %v", c.typed, got, c.want)
			}
		})
	}
}

// TestScanMisreadRoundTrip types every scannable text through each
// mismatch, key by key, and reads it back.
func TestScanMisreadRoundTrip(t *testing.T) {
	const text = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
	for m := USOnFrench; m < keyboardMismatches; m++ {
		scanner, computer := m.layouts()
		var typed strings.Builder
		for _, r := range text {
			if k := slices.Index(scanner.plain, r); k >= 0 {
				typed.WriteRune(computer.plain[k])
			} else if k := slices.Index(scanner.shifted, r); k >= 0 {
				typed.WriteRune(computer.shifted[k])
			} else {
				t.Fatalf("%v: the scanner cannot type %q", m, r)
			}
		}
		got, ok := misread(misreadTables[m], typed.String(), false)
		if !ok || got != text {
			t.Errorf("%v: %q reads back as %q (%v), want %q", m, typed.String(), got, ok, text)
		}
	}
}

func TestScanMismatchNames(t *testing.T) {
	for m := USOnFrench; m < keyboardMismatches; m++ {
		for _, l := range []string{"en", "fr"} {
			if m.Name(l) == "" || m.ComputerLayout(l) == "" {
				t.Errorf("%d has no name in %s", m, l)
			}
		}
		if m.Name("en") == m.Name("fr") {
			t.Errorf("%d: the same name in both languages", m)
		}
	}
}
