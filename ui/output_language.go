package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// A congress prints in its own language (data.Congress.OutputLanguage),
// whatever the window's: badges, sign-in sheets, certificates, the
// attendance workbook and lists. The congress tab of the settings chooses
// it.

// outputLanguageNames are the choices, in the order of
// data.OutputLanguages, each named in its own language.
func outputLanguageNames() []string { return []string{lang.L("Français"), lang.L("English")} }

func newOutputLanguageSelect() *widget.Select {
	sel := widget.NewSelect(outputLanguageNames(), nil)
	sel.SetSelectedIndex(0)
	return sel
}

// setOutputLanguage shows l ("fr", "en") in sel.
func setOutputLanguage(sel *widget.Select, l string) {
	for i, code := range data.OutputLanguages() {
		if code == l {
			sel.SetSelectedIndex(i)
			return
		}
	}
	sel.SetSelectedIndex(0)
}

// chosenOutputLanguage is the language chosen in sel.
func chosenOutputLanguage(sel *widget.Select) string {
	if i := sel.SelectedIndex(); i >= 0 && i < len(data.OutputLanguages()) {
		return data.OutputLanguages()[i]
	}
	return data.DefaultOutputLanguage
}

// appVersion is this app's version, as the files it writes name it
// ("1.4.0"): FyneApp.toml's, which Run gives the app. A variable, so that
// a test, whose app has no version, can give one.
var appVersion = func() string {
	a := fyne.CurrentApp()
	if a == nil {
		return ""
	}
	return a.Metadata().Version
}
