package data

import "strings"

// A category as a file writes it is found by its meaning: "Adhérent",
// "adhérents" or "ADHÉRENT(E)" are the category "Adhérent·e", "élue" and
// "Elus" are "Élu·e". Case, accents, the endings of inclusive writing
// ("·e", ".e", "(e)", "-e", "·le") and the plural do not matter; the words
// do: "Non adhérent" is not "Adhérent·e".

// inclusiveEndings are the endings inclusive writing puts after a word,
// folded (the "·" or "(e)" made a space).
var inclusiveEndings = map[string]bool{"e": true, "es": true, "s": true, "le": true, "les": true,
	"ne": true, "nes": true, "se": true, "ses": true, "euse": true, "euses": true, "rice": true,
	"rices": true, "trice": true, "trices": true, "te": true, "tes": true}

// categoryMeaning is the key a category text is matched by: its words
// folded, inclusive endings dropped, each word without its plural and
// feminine ending ("adherentes" and "adherent" are "adherent",
// "institutionnelle" is "institutionnel").
func categoryMeaning(s string) string {
	words := strings.Fields(Fold(s))
	out := words[:0]
	for i, w := range words {
		if i > 0 && inclusiveEndings[w] {
			continue
		}
		out = append(out, stemWord(w))
	}
	return strings.Join(out, " ")
}

// stemWord takes a word's plural and feminine endings away.
func stemWord(w string) string {
	if len(w) > 3 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) {
		w = w[:len(w)-1]
	}
	switch {
	case len(w) > 4 && (strings.HasSuffix(w, "lle") || strings.HasSuffix(w, "nne") || strings.HasSuffix(w, "tte")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "e"):
		return w[:len(w)-1]
	}
	return w
}
