package export

// MissingGlyphs returns, once each and in order of appearance, the
// characters of text that no embedded font draws: printed, each shows as
// "�". White space, control and format characters are not reported
// (printing drops them quietly).
func MissingGlyphs(text string) []rune { return missingRunes(text) }
