package ui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"congres/assets"
)

// prefLanguage is the preference holding the interface language: "" for the
// system's, "fr" or "en".
const prefLanguage = "language"

// languages are those the interface is translated into.
var languages = []string{"fr", "en"}

// loadTranslations adds the interface's translations. fyne's lang picks the
// closest to the system language (English when none is close). A choice of
// "fr" or "en" wins over the system: that file is also registered under the
// other language, so whichever the system asks for, it is the one shown.
// Where the system's language is read from the environment (Linux, BSD),
// the choice is also put there while fyne reads it, so that counts follow
// the chosen language's plural rules: French says "0 mise à jour", where
// French words under English rules said "0 mises à jour".
func loadTranslations(choice string) error {
	recallDateOrder() // the computer's own locale, before localeEnvAs
	if choice == "fr" || choice == "en" {
		defer localeEnvAs(choice)()
	}
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		return err
	}
	if choice != "fr" && choice != "en" {
		return nil
	}
	b, err := assets.Translations.ReadFile("translations/" + choice + ".json")
	if err != nil {
		return err
	}
	for _, l := range languages {
		if l != choice {
			if err := lang.AddTranslationsForLocale(b, fyne.Locale(l)); err != nil {
				return err
			}
		}
	}
	return nil
}

// uiLanguage is the language the interface is shown in, "fr" or "en", as
// the translations resolved it.
func uiLanguage() string {
	if lang.X("language.code", "en") == "fr" {
		return "fr"
	}
	return "en"
}

// localeEnvAs sets the locale variables fyne reads the system's language
// from to language, and returns what puts them back as they were.
func localeEnvAs(language string) (restore func()) {
	names := []string{"LC_ALL", "LANGUAGE"}
	was := make([]*string, len(names))
	for i, n := range names {
		if v, ok := os.LookupEnv(n); ok {
			was[i] = &v
		}
	}
	os.Setenv("LC_ALL", language)
	os.Setenv("LANGUAGE", language)
	return func() {
		for i, n := range names {
			if was[i] != nil {
				os.Setenv(n, *was[i])
			} else {
				os.Unsetenv(n)
			}
		}
	}
}
