package assets

import "embed"

// Guide holds the short illustrated guide of Help → Guide, one markdown
// file per language (guide/en.md, guide/fr.md) and the small screenshots
// they show (guide/*.png).
//
//go:embed guide/*.md guide/*.png
var Guide embed.FS
