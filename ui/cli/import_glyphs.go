package cli

import "congres/export"

// importGlyphCheck is the import's check of the characters no embedded
// font prints: a row with some is imported with a warning that names the
// person and the characters (data.ErrImportGlyphs), as the prints warn.
var importGlyphCheck = export.MissingGlyphs
