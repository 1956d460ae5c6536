package data

import (
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// timeLayout is fixed-width so that times sort as text.
const timeLayout = "2006-01-02T15:04:05.000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}

// Fold returns s lower-cased, without accents and with runs of spaces,
// hyphens and apostrophes made one space: the key under which "Éric
// Béasse", "eric beasse" and "ERIC  BÉASSE" are the same name.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading separators
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(foldRune(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// foldRune lower-cases r and spells out the letters that do not decompose.
func foldRune(r rune) rune {
	switch r {
	case 'ß':
		return 's'
	case 'Ø', 'ø':
		return 'o'
	case 'Ł', 'ł':
		return 'l'
	case 'Đ', 'đ':
		return 'd'
	case 'Æ', 'æ':
		return 'a'
	case 'Œ', 'œ':
		return 'o'
	}
	return unicode.ToLower(r)
}

// clean trims a text field and normalises it to NFC, so that the same name
// typed on two keyboards is stored the same way.
func clean(s string) string {
	return norm.NFC.String(strings.TrimSpace(s))
}

// field names as a person reads them, in both languages.
type label struct{ en, fr string }

var (
	lFirstName   = label{"The first name", "Le prénom"}
	lLastName    = label{"The last name", "Le nom"}
	lName        = label{"The name", "Le nom"}
	lTitle       = label{"The title", "Le titre"}
	lBadgeLabel  = label{"The badge label", "Le libellé du badge"}
	lCategory    = label{"The category", "La catégorie"}
	lNumber      = label{"The stand number", "Le numéro de stand"}
	lFee         = label{"The fee", "Le tarif"}
	lCapacity    = label{"The capacity", "La capacité"}
	lTables      = label{"The number of tables", "Le nombre de tables"}
	lChairs      = label{"The number of chairs", "Le nombre de chaises"}
	lParticipant = label{"Participant", "Participant·e"}
	lSession     = label{"Session", "Session"}
	lRoom        = label{"Room", "Salle"}
	lStand       = label{"Stand", "Stand"}
	lCheckin     = label{"Check-in", "Passage"}
	lCongress    = label{"Congress", "Congrès"}
	lSignatory   = label{"The signatory", "Le ou la signataire"}
	lACategory   = label{"The category", "La catégorie"}
	lTheCategory = label{"the category", "la catégorie"}
	lTheRoom     = label{"the room", "la salle"}
	lTheSession  = label{"the session", "la session"}
	lARoom       = label{"The room", "La salle"}
)

const maxText = 500

// checkText reports a required field left empty or any field too long.
func checkText(field string, l label, v string, required bool) error {
	if required && v == "" {
		return withField(localise(ErrRequired, l), field)
	}
	if utf8.RuneCountInString(v) > maxText {
		e := ErrTooLong.With(l.en, maxText)
		e.frArgs = []any{l.fr, maxText}
		return withField(e, field)
	}
	if strings.ContainsFunc(v, isControl) {
		return withField(localise(ErrControlChar, l), field)
	}
	return nil
}

// ErrControlChar refuses a field holding a NUL byte or another invisible
// control character (tabs and line breaks aside), which a name pasted from
// another program or a damaged file may carry and no badge can print.
var ErrControlChar = newErr(KindInvalid, "control_char", "",
	"%s holds an invisible control character (such as a NUL byte): retype it.",
	"%s contient un caractère de contrôle invisible (comme un octet NUL) : retapez-le.")

func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7F || (r >= 0x80 && r < 0xA0)
}

// localise fills a template whose only argument is a label.
func localise(tmpl *Error, l label, more ...any) *Error {
	e := tmpl.With(append([]any{l.en}, more...)...)
	e.frArgs = append([]any{l.fr}, more...)
	return e
}

func withField(e *Error, field string) *Error {
	e.Field = field
	return e
}

func notFound(l label) *Error { return localise(ErrNotFound, l) }

// validEmail accepts a plain address: one @, a dot in the domain, no name part.
func validEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.ContainsAny(s, " \t")
}

func itoa(n int) string { return strconv.Itoa(n) }
