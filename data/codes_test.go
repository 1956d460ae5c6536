package data_test

import (
	"strings"
	"testing"

	. "congres/data"
)

// TestCodeLetters checks that the letters of new codes type the same on
// every keyboard a scanner may be set to, and are codes to ValidCode.
func TestCodeLetters(t *testing.T) {
	for _, r := range CodeLetters {
		if strings.ContainsRune("AQWZYMIOL0123456789", r) {
			t.Errorf("%q is in CodeLetters", r)
		}
		if !strings.ContainsRune(CodeAlphabet, r) {
			t.Errorf("%q is not in CodeAlphabet: old codes' checks would refuse it", r)
		}
		for _, lower := range []rune{r, r + 'a' - 'A'} {
			for m := USOnFrench; m < keyboardMismatches; m++ {
				if got := misreadTables[m][lower]; got != lower {
					t.Errorf("%v types %q as %q", m, lower, got)
				}
			}
		}
	}
}

func TestCodeGenerated(t *testing.T) {
	src := newCodeSource(42)
	seen := map[string]bool{}
	for range 2000 {
		code := src.next()
		if len(code) != codeLength || !ValidCode(code) || strings.Trim(code, CodeLetters) != "" {
			t.Fatalf("code %q", code)
		}
		if r := MisreadScans(code); r != nil {
			t.Fatalf("%q reads as %v through a mismatched layout", code, r)
		}
		seen[code] = true
	}
	if len(seen) < 1999 {
		t.Fatalf("%d distinct codes of 2000", len(seen))
	}
	t.Run("NewParticipant", func(t *testing.T) {
		s := mustOpen(t)
		p := addPerson(t, s, "Nadia", "Neuve")
		if len(p.Code) != codeLength || strings.Trim(p.Code, CodeLetters) != "" {
			t.Fatalf("new participant's code %q", p.Code)
		}
	})
}

func TestCodeValid(t *testing.T) {
	for _, c := range []struct {
		code string
		ok   bool
	}{
		{"BXR2R4", true},     // an old code, with digits
		{"23456789", true},   // old codes may be all digits
		{"BCDEFGH", true},    // a new code
		{"AQWZYM", true},     // the form takes any letter a code ever had
		{"O0I1L2", false},    // look-alikes
		{"BCDEF", false},     // too short
		{"BCDEFGHJK", false}, // too long
		{"BCD-EF", false},
	} {
		if got := ValidCode(c.code); got != c.ok {
			t.Errorf("ValidCode(%q) = %v", c.code, got)
		}
	}
	t.Run("OldCodesKeepWorking", func(t *testing.T) {
		s := mustOpen(t)
		p := newPerson(t, s, "Ancien", "Badge")
		p.Code = "bxr2r4" // typed in the form
		if err := s.CreateParticipant(ctx, &p); err != nil || p.Code != "BXR2R4" {
			t.Fatal(p.Code, err)
		}
		// Scanned by a US scanner on a French computer.
		readings := MisreadScans("BXRéR'")
		if len(readings) != 1 {
			t.Fatal(readings)
		}
		if id, err := s.ParticipantIDByScan(ctx, readings[0].Text); err != nil || id != p.ID {
			t.Fatal(id, err)
		}
	})
	t.Run("ErrCodeInvalid", func(t *testing.T) {
		s := mustOpen(t)
		p := newPerson(t, s, "Mauvais", "Code")
		p.Code = "O0I1L2"
		err := s.CreateParticipant(ctx, &p)
		wantErr(t, err, ErrCodeInvalid)
		if msg := Message(err, "fr"); msg != "Le code «O0I1L2» n'est pas valide : de 6 à 8 lettres et chiffres, sans O, 0, I, 1 ni L." {
			t.Fatal(msg)
		}
		if msg := Message(err, "en"); strings.Contains(msg, "%!") {
			t.Fatal(msg)
		}
	})
}
