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

// Fonts holds the fonts of printed text (fonts/*.ttf, fonts/*.otf): Noto
// Sans (Latin, Greek, Cyrillic), Noto Sans Arabic, Hebrew, Armenian,
// Georgian, Ethiopic, Devanagari, Bengali, Tamil and Thai, each regular and
// bold, a CJK subset of WenQuanYi Micro Hei, and the Han characters beyond
// the BMP of Noto Sans CJK JP. fonts/README.md says where each comes from
// and under which licence.
//
//go:embed fonts/*.ttf fonts/*.otf
var Fonts embed.FS
