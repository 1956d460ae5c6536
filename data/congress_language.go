package data

// The language of what a congress prints and exports (badges, sign-in
// sheets, certificates, the attendance workbook, lists) is the congress's,
// not the laptop's: a French congress prints "25–26 novembre 2021" on an
// English laptop too.

// Output languages.
const (
	LanguageFrench  = "fr"
	LanguageEnglish = "en"
)

// DefaultOutputLanguage is the output language of a congress that has not
// chosen one (every congress made before the choice existed).
const DefaultOutputLanguage = LanguageFrench

// OutputLanguages are the languages a congress prints in.
func OutputLanguages() []string { return []string{LanguageFrench, LanguageEnglish} }

// ErrLanguageInvalid refuses a language the prints are not written in.
var ErrLanguageInvalid = newErr(KindInvalid, "language_invalid", "language",
	"“%s” is not a language of the prints (French “fr” or English “en”).",
	"«%s» n'est pas une langue des impressions (français «fr» ou anglais «en»).")

// OutputLanguage is the language the congress prints and exports in:
// "fr" or "en".
func (c Congress) OutputLanguage() string {
	if c.Language == LanguageEnglish {
		return LanguageEnglish
	}
	return LanguageFrench
}

// validLanguage checks a congress's language, an empty one taking the
// default.
func validLanguage(l string) (string, error) {
	switch l {
	case "":
		return DefaultOutputLanguage, nil
	case LanguageFrench, LanguageEnglish:
		return l, nil
	}
	return l, ErrLanguageInvalid.With(l)
}
