package export

import (
	"fmt"
	"slices"
	"strings"
)

// MissingGlyphs returns, once each and in order of appearance, the
// characters of text that no embedded font draws: printed, each shows as
// "�". White space, control and format characters are not reported
// (printing drops them quietly).
func MissingGlyphs(text string) []rune { return missingRunes(text) }

// A GlyphWarning says that a person's printed fields (name, organisation,
// job title) hold characters that no embedded font draws: each prints as
// "�". Printing goes on; the warning tells whom to look at.
type GlyphWarning struct {
	Name  string // the person, first name then last name, as typed
	Runes []rune // the characters, once each, in order of appearance
}

// Message is the warning in lang ("fr" or "en"), naming the person and
// each character by its code point and itself, for instance
// `Ana 😀 López: no font prints U+1F600 "😀"; it prints as "�".`
func (w GlyphWarning) Message(lang string) string {
	chars := make([]string, len(w.Runes))
	for i, r := range w.Runes {
		if lang == "fr" {
			chars[i] = fmt.Sprintf("U+%04X «%c»", r, r)
		} else {
			chars[i] = fmt.Sprintf("U+%04X \"%c\"", r, r)
		}
	}
	list := strings.Join(chars, ", ")
	if lang == "fr" {
		if len(w.Runes) > 1 {
			return fmt.Sprintf("%s : aucune police n'imprime %s ; ils s'impriment «\uFFFD».", w.Name, list)
		}
		return fmt.Sprintf("%s : aucune police n'imprime %s ; il s'imprime «\uFFFD».", w.Name, list)
	}
	if len(w.Runes) > 1 {
		return fmt.Sprintf("%s: no font prints %s; they print as \"\uFFFD\".", w.Name, list)
	}
	return fmt.Sprintf("%s: no font prints %s; it prints as \"\uFFFD\".", w.Name, list)
}

// glyphWarnings collects the warnings of people: each person's name and
// the fields of theirs that are printed.
type glyphWarnings []GlyphWarning

func (ws *glyphWarnings) check(first, last string, fields ...string) {
	var miss []rune
	for _, f := range append([]string{first, last}, fields...) {
		for _, r := range missingRunes(f) {
			if !slices.Contains(miss, r) {
				miss = append(miss, r)
			}
		}
	}
	if len(miss) > 0 {
		*ws = append(*ws, GlyphWarning{Name: strings.TrimSpace(first + " " + last), Runes: miss})
	}
}

// GlyphWarnings lists the people whose badge prints a character as "�":
// in their name, organisation or job title. Nil when every character has
// a glyph.
func (in BadgeInput) GlyphWarnings() []GlyphWarning {
	var ws glyphWarnings
	for i := range in.Badges {
		r := &in.Badges[i]
		ws.check(r.FirstName, r.LastName, r.Organisation, r.JobTitle)
	}
	return ws
}

// GlyphWarnings lists the people of the sign-in sheets whose name or
// organisation prints a character as "�", once each even when they are on
// several sheets.
func (in SignInInput) GlyphWarnings() []GlyphWarning {
	var ws glyphWarnings
	seen := map[int64]bool{}
	for _, sh := range in.Sheets {
		for _, p := range sh.People {
			if p.ParticipantID != 0 && seen[p.ParticipantID] {
				continue
			}
			seen[p.ParticipantID] = true
			ws.check(p.FirstName, p.LastName, p.Organisation)
		}
	}
	return ws
}

// GlyphWarnings lists the people whose certificate prints a character as
// "�": in their name or organisation.
func (in CertificateInput) GlyphWarnings() []GlyphWarning {
	var ws glyphWarnings
	for i := range in.People {
		r := &in.People[i]
		ws.check(r.FirstName, r.LastName, r.Organisation)
	}
	return ws
}
