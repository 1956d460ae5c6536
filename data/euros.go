package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrEurosInvalid is an amount typed that is no amount in euros.
var ErrEurosInvalid = newErr(KindInvalid, "euros_invalid", "fee",
	"“%s” is not an amount in euros: write for instance 40 or 40.50.",
	"« %s » n'est pas un montant en euros : écrivez par exemple 40 ou 40,50.")

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
// "1 234,50 €", "1,234.50", "EUR 45", "gratuit". A separator followed by
// exactly three digits is a thousands separator ("1.234", "1,234"), unless
// the number starts with 0.
func parseCents(s string) (int64, bool) {
	if !strings.ContainsAny(s, "0123456789") {
		return 0, freeWords[Fold(s)]
	}
	var buf [32]byte
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
		case r == '+' || r == ' ' || r == '\'' || r == '’' || r == '€' || r == '$' ||
			unicode.IsSpace(r) || r == '\u202F':
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
	num := buf[:n]
	lastDot, lastComma := strings.LastIndexByte(string(num), '.'), strings.LastIndexByte(string(num), ',')
	dec := -1 // index of the decimal separator
	switch {
	case lastDot >= 0 && lastComma >= 0:
		// "1.234,50", "1,234.50": one decimal separator, after the others
		dec = max(lastDot, lastComma)
		if strings.IndexByte(string(num), num[dec]) != dec {
			return 0, false
		}
	case lastDot >= 0 || lastComma >= 0:
		i := max(lastDot, lastComma)
		sep := num[i]
		if strings.Count(string(num), string(sep)) == 1 {
			intPart := num[:i]
			if !(len(num)-i-1 == 3 && len(intPart) > 0 && string(intPart) != "0") {
				dec = i
			}
		}
	}
	var units, cents int64
	digits := 0
	for i, b := range num {
		if i == dec {
			break
		}
		if b == '.' || b == ',' {
			continue
		}
		if digits++; digits > 13 {
			return 0, false
		}
		units = units*10 + int64(b-'0')
	}
	if dec >= 0 {
		frac := num[dec+1:]
		for i, b := range frac {
			if b < '0' || b > '9' {
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
	}
	v := units*100 + cents
	if neg {
		v = -v
	}
	return v, true
}

// freeWords are the amounts that are not numbers.
var freeWords = map[string]bool{"gratuit": true, "gratuite": true, "free": true, "offert": true,
	"offerte": true, "exonere": true, "exoneree": true, "invite": true, "invitee": true}
