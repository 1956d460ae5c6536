// Package assets embeds what Congrès ships inside its binary: the
// translations of the interface and the application icon.
package assets

import "embed"

// Translations holds translations/fr.json and translations/en.json, in the
// format fyne's lang package reads (lang.AddTranslationsFS).
//
//go:embed translations/*.json
var Translations embed.FS

// Icon is the application icon, a 256×256 PNG.
//
//go:embed icon.png
var Icon []byte
