package data

// A form answered twice: Google Forms (and Microsoft Forms) keep every
// answer, each with its own timestamp (or ID), so a person who answers
// again appears on a later row with the same email and name. That row is
// their new answer, not a new person, and the form's response that
// already identifies them stays their one response kept (no second
// FORM-… identifier).
//
// What the later answer changes: for someone this file creates (their
// earlier answer is an earlier row of the same file), the later answer
// wins for every field it gives, whatever the mode: nobody edited the
// earlier one by hand. For someone registered before the import, the
// mode's rules apply as to any row: filling empty fields keeps what the
// congress holds (an organiser's corrections), overwriting takes the
// answer's values and names each one replaced. Either way its days, when
// it gives some, replace those of the earlier answer (a person's days are
// the file's on any import that has a days column; two tickets of one
// person add theirs, two answers do not). The report names the line
// and the person either way. The file's order is the answers' order
// (the forms export them by time).

// ErrImportAnsweredAgain is the warning of a row that is a person's new
// answer to the form; ErrImportAnsweredAgainKept when filling empty
// fields kept values the answer changes.
var (
	ErrImportAnsweredAgain = newErr(KindConflict, "import_answered_again", "",
		"%s answered the form again (same email and name): this later answer is theirs, not a new person.",
		"%s a répondu à nouveau au formulaire (même e-mail et même nom) : cette réponse plus récente est la sienne, pas une nouvelle personne.")
	ErrImportAnsweredAgainKept = newErr(KindConflict, "import_answered_again_kept", "",
		"%s answered the form again (same email and name): only their empty fields were filled from this later answer, as chosen (overwriting takes its values).",
		"%s a répondu à nouveau au formulaire (même e-mail et même nom) : seuls ses champs vides ont été complétés par cette réponse plus récente, comme choisi (remplacer prend ses valeurs).")
)

// answeredAgain reports whether a row t was matched to (by email and
// name) is t's new answer to the form: the row's only identifiers are
// form responses none of which is known, and t already has one.
func (im *importer) answeredAgain(rec *ImportRecord, t *importTarget) (bool, error) {
	if !t.answered || len(rec.Tickets) == 0 {
		return false, nil
	}
	for _, k := range rec.Tickets {
		if !IsFormResponse(k.Code) || im.tickets[k.Code] != nil {
			return false, nil
		}
	}
	holder, err := im.nameKeyOf(t)
	_, name := im.keys(&rec.P)
	return err == nil && holder == name, err
}

// answerAgain updates t with their new answer (see above), keeping no
// second response, and says so.
func (im *importer) answerAgain(t *importTarget, rec *ImportRecord, catID int64) error {
	rec.Tickets = nil
	im.latestAnswer, im.answering = t.isNew, true
	err := im.update(t, rec, catID)
	im.latestAnswer, im.answering = false, false
	if err != nil {
		return err
	}
	name, err := im.holderName(t)
	if err != nil {
		return err
	}
	warning := ErrImportAnsweredAgain
	if !t.isNew && im.opts.OnMatch != MatchOverwrite && im.keptValues(t, rec, catID) {
		warning = ErrImportAnsweredAgainKept
	}
	im.warn(rec.Line, im.columns[FieldResponse], warning.With(name))
	return nil
}
