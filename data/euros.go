package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrEurosInvalid is an amount typed that is no amount in euros.
var ErrEurosInvalid = newErr(KindInvalid, "euros_invalid", "fee",
	"“%s” is not an amount in euros: write for instance 40 or 40.50.",
	"«%s» n'est pas un montant en euros : écrivez par exemple 40 ou 40,50.")

// ErrEurosAmbiguous is an amount typed with the language's decimal mark
// followed by three digits: "12,345" in French is as often 12,35 € mistyped
// as twelve thousand.
var ErrEurosAmbiguous = newErr(KindInvalid, "euros_ambiguous", "fee",
	"“%s” has three digits after the decimal point: write the amount without a separator (12345) or with two decimals (12.35).",
	"«%s» a trois chiffres après la virgule : écrivez le montant sans séparateur (12345) ou avec deux décimales (12,35).")

// ParseEurosTyped reads an amount a person typed in a form of the
// interface's language ("fr" or "en"), as ParseEuros does, but refuses
// (ErrEurosAmbiguous) a lone decimal mark of that language followed by
// three digits: "12,345" in French, "12.345" in English, which ParseEuros
// reads as a thousands separator, as a spreadsheet of the other language
// writes it, and "0,500", which it reads as cents.
func ParseEurosTyped(s, lang string) (int64, error) {
	cents, err := ParseEuros(s)
	if err != nil {
		return 0, err
	}
	mark := byte('.')
	if lang == "fr" {
		mark = ','
	}
	var num []byte
	for i := 0; i < len(s); i++ {
		if b := s[i]; isDigit(b) || b == '.' || b == ',' {
			num = append(num, b)
		}
	}
	if i := strings.IndexByte(string(num), mark); i >= 0 && strings.Count(string(num), ".")+strings.Count(string(num), ",") == 1 &&
		len(num)-i-1 == 3 {
		return 0, ErrEurosAmbiguous.With(clean(s))
	}
	return cents, nil
}

// ParseEuros reads an amount in euros as cents, as people type it and as
// spreadsheets write it: "40", "40,5", "40,50", "40.50", "40 €",
// "1 234,50 €", "EUR 45", "gratuit" (0); empty is 0. Anything else is
// ErrEurosInvalid. It is the one reading of an amount: the participant
// form, the desk's payment and walk-in, and the import.
func ParseEuros(s string) (int64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	cents, ok := parseCents(s)
	if !ok {
		return 0, ErrEurosInvalid.With(clean(s))
	}
	return cents, nil
}

// parseCents reads an amount in euros: "45", "45,5", "45,00 €", "€45.50",
// "1 234,50 €", "1,234.50", "1.234,50", "EUR 45", "gratuit". A thousands
// separator (a space, an apostrophe, or the one of "." and "," that is not
// the decimal separator) stands only between groups of three digits:
// "1,5,0", "12,3,4" and "12.05.2022" are no amounts. A lone separator
// followed by exactly three digits is a thousands separator ("1.234",
// "1,234"), unless the number starts with 0 or has more than three digits
// before it.
func parseCents(s string) (int64, bool) {
	if !strings.ContainsAny(s, "0123456789") {
		return 0, freeWords[Fold(s)]
	}
	var buf [48]byte
	var letters [8]byte
	n, nl, neg := 0, 0, false
	lettersAt := -1 // where the letters after a digit begin
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',':
			if n == len(buf) || lettersAt >= 0 {
				return 0, false // "1e3": a number, a word, then more number
			}
			buf[n] = byte(r)
			n++
		case r == '-' && n == 0:
			neg = true
		case r == ' ' || r == '\'' || r == '’' || unicode.IsSpace(r) || r == '\u202F':
			if n > 0 && n < len(buf) && lettersAt < 0 && buf[n-1] != ' ' {
				buf[n] = ' ' // a group's separator when between digits
				n++
			}
		case r == '+' || r == '€' || r == '$':
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			if nl == len(letters) {
				return 0, false
			}
			if n > 0 && lettersAt < 0 {
				lettersAt = nl // the first letter after the number
			}
			letters[nl] = byte(unicode.ToLower(r))
			nl++
		default:
			return 0, false
		}
	}
	switch string(letters[:nl]) {
	case "", "eur", "euro", "euros", "e", "ttc", "eurttc", "eurosttc":
	default:
		return 0, false
	}
	num := strings.TrimRight(string(buf[:n]), " ")
	// A space not between two digits ("45 ,50") separates nothing.
	for i := 0; i < len(num); i++ {
		if num[i] == ' ' && (i == 0 || !isDigit(num[i-1]) || !isDigit(num[i+1])) {
			return 0, false
		}
	}
	dec := decimalSeparator(num)
	intPart, frac := num, ""
	if dec >= 0 {
		intPart, frac = num[:dec], num[dec+1:]
	}
	if !digitGroups(intPart) {
		return 0, false
	}
	var units, cents int64
	digits := 0
	for i := 0; i < len(intPart); i++ {
		b := intPart[i]
		if !isDigit(b) {
			continue
		}
		if digits++; digits > 13 {
			return 0, false
		}
		units = units*10 + int64(b-'0')
	}
	for i := 0; i < len(frac); i++ {
		b := frac[i]
		if !isDigit(b) {
			return 0, false
		}
		switch {
		case i < 2:
			cents = cents*10 + int64(b-'0')
		case i == 2 && b >= '5':
			cents++
		}
	}
	if len(frac) == 1 {
		cents *= 10
	}
	v := units*100 + cents
	if neg {
		v = -v
	}
	return v, true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// decimalSeparator is the index of num's decimal separator, -1 for none:
// of "." and "," the last when both are there; a lone one unless three
// digits follow it after one to three digits that are not "0" ("1.234" is
// 1234, "0.500" and "1234.567" are decimals); one that comes more than
// once is no decimal separator.
func decimalSeparator(num string) int {
	lastDot, lastComma := strings.LastIndexByte(num, '.'), strings.LastIndexByte(num, ',')
	if lastDot >= 0 && lastComma >= 0 {
		return max(lastDot, lastComma)
	}
	i := max(lastDot, lastComma)
	if i < 0 || strings.Count(num, num[i:i+1]) > 1 {
		return -1
	}
	intPart := strings.ReplaceAll(num[:i], " ", "")
	if len(num)-i-1 == 3 && len(intPart) >= 1 && len(intPart) <= 3 && intPart != "0" && !strings.Contains(num[:i], " ") {
		return -1
	}
	return i
}

// digitGroups reports whether the integer part of an amount is digits,
// or groups of digits split by one kind of separator, the first of one to
// three digits, each other of exactly three.
func digitGroups(s string) bool {
	var sep byte
	group := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		if isDigit(b) {
			group++
			continue
		}
		if sep == 0 {
			if group == 0 || group > 3 {
				return false
			}
			sep = b
		} else if b != sep || group != 3 {
			return false
		}
		group = 0
	}
	return sep == 0 || group == 3
}

// freeWords are the amounts that are not numbers.
var freeWords = map[string]bool{"gratuit": true, "gratuite": true, "free": true, "offert": true,
	"offerte": true, "exonere": true, "exoneree": true, "invite": true, "invitee": true}
