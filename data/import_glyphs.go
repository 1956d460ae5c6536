package data

import (
	"fmt"
	"slices"
	"strings"
)

// Characters without a glyph (issue 18): a name in a script that none of
// the embedded fonts draws prints as "�" on badges, sign-in sheets and
// certificates. The import warns, naming the person and the characters,
// as every print does. data does not know the fonts: the caller gives the
// check (ImportOptions.CheckText, export.MissingGlyphs).

// ErrImportGlyphs warns of a row whose printed fields hold characters no
// font prints. Its arguments are the person and the characters.
var ErrImportGlyphs = newErr(KindInvalid, "import_glyphs", "",
	"%s: no font prints %s; badges, sign-in sheets and certificates will show “�” instead. The row was imported.",
	"%s : aucune police n'imprime %s ; badges, feuilles d'émargement et attestations afficheront «�» à la place. La ligne a été importée.")

// warnGlyphs warns when the printed fields of rec (name, organisation, job
// title) hold characters that opts.CheckText finds no glyph for.
func (im *importer) warnGlyphs(rec *ImportRecord) {
	check := im.opts.CheckText
	if check == nil {
		return
	}
	p := &rec.P
	var miss []rune
	column := ""
	for _, f := range []struct {
		field ImportField
		text  string
	}{{FieldFirstName, p.FirstName}, {FieldLastName, p.LastName}, {FieldOrganisation, p.Organisation}, {FieldJobTitle, p.JobTitle}} {
		for _, r := range check(f.text) {
			if !slices.Contains(miss, r) {
				miss = append(miss, r)
			}
			if column == "" {
				column = im.columns[f.field]
			}
		}
	}
	if len(miss) == 0 {
		return
	}
	if column == "" && im.columns[FieldFullName] != "" {
		column = im.columns[FieldFullName]
	}
	en, fr := make([]string, len(miss)), make([]string, len(miss))
	for i, r := range miss {
		en[i] = fmt.Sprintf("U+%04X “%c”", r, r)
		fr[i] = fmt.Sprintf("U+%04X «%c»", r, r)
	}
	name := strings.TrimSpace(p.FirstName + " " + p.LastName)
	im.warn(rec.Line, column, ErrImportGlyphs.WithWords([]any{name, strings.Join(en, ", ")}, []any{name, strings.Join(fr, ", ")}))
}
