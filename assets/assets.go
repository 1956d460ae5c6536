// Package assets embeds what Congrès ships inside its binary: the
// translations of the interface, the application icon and the fonts badges
// are printed with.
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

// Fonts holds the TrueType fonts of printed text (fonts/*.ttf): Noto Sans
// (Latin, Greek, Cyrillic), Noto Sans Arabic and Noto Sans Hebrew, each
// regular and bold, and a CJK subset of WenQuanYi Micro Hei. fonts/README.md
// says where each comes from and under which licence.
//
//go:embed fonts/*.ttf
var Fonts embed.FS
