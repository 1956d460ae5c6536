package export

import (
	"strconv"
	"strings"
	"unicode"
)

// maxSheetName is the longest worksheet name Excel accepts, in UTF-16 code
// units (what Excel counts): 31 letters of the Latin alphabet, fewer emoji.
const maxSheetName = 31

// sheetNames hands out worksheet names Excel and LibreOffice accept, each
// different from the others regardless of case.
type sheetNames struct {
	used map[string]bool // lower-cased
}

// newSheetNames starts with "History" taken: Excel keeps that name for its
// change history and refuses a worksheet called so.
func newSheetNames() *sheetNames {
	return &sheetNames{used: map[string]bool{"history": true}}
}

// unique returns a valid name for want, made unique with " (2)", " (3)"…
// within the length limit. When nothing is left of want, fallback is used
// instead (itself made valid).
func (n *sheetNames) unique(want, fallback string) string {
	base := cleanSheetName(want)
	if base == "" {
		base = cleanSheetName(fallback)
	}
	if base == "" {
		base = "Sheet"
	}
	name := base
	for i := 2; n.used[strings.ToLower(name)]; i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		name = shortenSheetName(base, maxSheetName-len(suffix)) + suffix
	}
	n.used[strings.ToLower(name)] = true
	return name
}

// cleanSheetName makes s a valid worksheet name, or "" if nothing is left:
//   - the characters Excel forbids change to look-alikes it accepts:
//     [ ] become ( ), : / \ become - ("Workshop: funding" becomes
//     "Workshop - funding"), ? and * go;
//   - the straight apostrophe becomes the typographic one (’): a name may
//     neither start nor end with ', and one inside would have to be doubled
//     in every reference to the sheet (print titles, filters), which
//     excelize does not do;
//   - control characters and runs of spaces become one space; spaces at
//     either end go;
//   - a name longer than 31 UTF-16 code units is shortened to a word's end
//     when one is near, and ends with "…".
func cleanSheetName(s string) string {
	var b strings.Builder
	space := false
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '[':
			r = '('
		case r == ']':
			r = ')'
		case r == ':' && i > 0 && !unicode.IsSpace(rs[i-1]) && (i+1 == len(rs) || unicode.IsSpace(rs[i+1])):
			// "Workshop: funding" reads "Workshop - funding".
			if !space {
				b.WriteByte(' ')
			}
			r = '-'
		case r == ':' || r == '/' || r == '\\':
			r = '-'
		case r == '?' || r == '*':
			continue
		case r == '\'':
			r = '’'
		case unicode.IsSpace(r) || unicode.IsControl(r):
			r = ' '
		}
		if r == ' ' {
			if space || b.Len() == 0 {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(r)
	}
	return shortenSheetName(strings.TrimRight(b.String(), " "), maxSheetName)
}

// shortenSheetName cuts s to at most n UTF-16 code units: at the end of a
// word if that keeps two thirds of the room, else inside one, without
// splitting a character; "…" marks the cut.
func shortenSheetName(s string, n int) string {
	if utf16Len(s) <= n {
		return s
	}
	t := cutUTF16(s, n-1)
	if i := strings.LastIndexByte(t, ' '); i > 0 && utf16Len(t[:i]) >= n*2/3 {
		t = t[:i]
	}
	return strings.TrimRight(t, " -–—,;:.…") + "…"
}

// cutUTF16 cuts s to at most n UTF-16 code units, on a character boundary.
func cutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if units+w > n {
			return s[:i]
		}
		units += w
	}
	return s
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// sheetRef quotes a sheet name for a reference: 'Ateliers du matin'!$1:$1.
// Names from cleanSheetName have no apostrophe; one would be doubled.
func sheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
