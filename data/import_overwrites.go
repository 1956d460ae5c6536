package data

import (
	"fmt"
	"strings"
)

// An import that overwrites (MatchOverwrite) replaces what the congress
// holds with the file's values: a name or an email the organiser corrected
// by hand is lost. Its report says so, row by row, naming the person and
// each value replaced, so that a dry run (the dialog's preview) shows it
// before anything is written. Filling empty values is never reported: it
// loses nothing.

// ErrImportOverwrites is the warning of a row whose values replace what the
// congress holds: the person, then each field with its value and the
// file's.
var ErrImportOverwrites = newErr(KindConflict, "import_overwrites", "",
	"The file's values replace those of %s: %s.",
	"Les valeurs du fichier remplacent celles de %s : %s.")

// overwriteFields are the text fields an overwrite reports, with their
// names in each language.
var overwriteFields = []struct {
	en, fr string
	get    func(*Participant) string
}{
	{"first name", "prénom", func(p *Participant) string { return p.FirstName }},
	{"last name", "nom", func(p *Participant) string { return p.LastName }},
	{"email", "e-mail", func(p *Participant) string { return p.Email }},
	{"phone", "téléphone", func(p *Participant) string { return p.Phone }},
	{"organisation", "organisation", func(p *Participant) string { return p.Organisation }},
	{"job title", "fonction", func(p *Participant) string { return p.JobTitle }},
	{"region", "région", func(p *Participant) string { return p.Region }},
	{"diet", "régime alimentaire", func(p *Participant) string { return p.Diet }},
	{"accessibility", "accessibilité", func(p *Participant) string { return p.Accessibility }},
	{"notes", "notes", func(p *Participant) string { return p.Notes }},
}

// statusWordsShown are the statuses as the report names them.
var statusWordsShown = map[Status][2]string{
	StatusPending:   {"pending", "en attente"},
	StatusConfirmed: {"confirmed", "confirmé·e"},
	StatusCancelled: {"cancelled", "annulé·e"},
}

// warnOverwrites reports the values of old, a participant already
// registered, that merged replaces: values that were not empty and differ
// (a name recased counts: the organiser may have recased it).
func (im *importer) warnOverwrites(line int, old, merged *Participant) {
	var en, fr []string
	add := func(fieldEN, fieldFR, was, is string) {
		en = append(en, fmt.Sprintf("%s “%s” → “%s”", fieldEN, shown(was), shown(is)))
		fr = append(fr, fmt.Sprintf("%s «%s» → «%s»", fieldFR, shown(was), shown(is)))
	}
	for _, f := range overwriteFields {
		if was, is := f.get(old), f.get(merged); was != "" && was != is {
			add(f.en, f.fr, was, is)
		}
	}
	if old.CategoryID != merged.CategoryID {
		add("category", "catégorie", im.categoryName(old.CategoryID), im.categoryName(merged.CategoryID))
	}
	if old.Status != merged.Status {
		was, is := statusWordsShown[old.Status], statusWordsShown[merged.Status]
		en = append(en, fmt.Sprintf("status %s → %s", was[0], is[0]))
		fr = append(fr, fmt.Sprintf("statut %s → %s", was[1], is[1]))
	}
	if old.FeeCents != 0 && old.FeeCents != merged.FeeCents {
		en = append(en, fmt.Sprintf("fee %s → %s", FormatEuros(old.FeeCents, "en"), FormatEuros(merged.FeeCents, "en")))
		fr = append(fr, fmt.Sprintf("tarif %s → %s", FormatEuros(old.FeeCents, "fr"), FormatEuros(merged.FeeCents, "fr")))
	}
	if len(en) == 0 {
		return
	}
	name := old.FullName()
	im.report.Overwritten++
	im.warn(line, "", ErrImportOverwrites.WithWords(
		[]any{name, strings.Join(en, "; ")}, []any{name, strings.Join(fr, " ; ")}))
}

// categoryName is the name of a category the import knows, or creates
// (a negative ID).
func (im *importer) categoryName(id int64) string {
	if id < 0 && int(-id) <= len(im.newCats) {
		return im.newCats[-id-1].Name
	}
	return im.categories.names[id]
}
