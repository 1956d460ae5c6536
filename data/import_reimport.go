package data

import (
	"slices"
	"strings"
)

// Importing next week's export again: a row a ticket (or form response)
// finds is the same person, whatever its email or the case of its name.
// An import that fills empty fields keeps every value the organiser
// edited by hand (reported, import_memory.go) and takes the platform's
// new values of those nobody touched since the ticket's last import (the
// payer's email corrected, names recased); a ticket imported before the
// memory existed fills empty fields only. It takes what the platform
// decides about the ticket: a refund or cancellation (statusMoves), an
// order validated since, a payment. An import that overwrites takes every
// value of the file, and its report names each value it replaces
// (import_overwrites.go). The days of a file with
// a days column are the file's. A row whose values differ from the
// congress's but that the mode leaves as they are is counted as kept,
// never as unchanged.

// takePlatform gives dst what a platform decides about the ticket of a
// row its ticket found: an order validated since confirms a pending
// registration. A payment is taken, never undone (mergeRecord): a ticket
// the platform no longer calls paid keeps what the desk recorded.
func takePlatform(dst *Participant, rec *ImportRecord) {
	if rec.Has[FieldStatus] && rec.P.Status == StatusConfirmed && dst.Status == StatusPending {
		dst.Status = StatusConfirmed
	}
}

// reimport applies to merged what a row matched to t changes beyond
// mergeRecord's: filling empty fields, the file's values of the fields
// nobody edited since the ticket's last import (import_memory.go), and
// what the platform decides about the ticket that found them; the file's
// days.
func (im *importer) reimport(t *importTarget, merged *Participant, rec *ImportRecord) error {
	t.recalled, t.editKept = nil, false
	if im.opts.OnMatch == MatchFill && !im.latestAnswer && !t.isNew && len(rec.Tickets) > 0 {
		if err := im.takeUnedited(t, merged, rec); err != nil {
			return err
		}
	}
	if im.opts.OnMatch != MatchOverwrite && len(rec.Tickets) > 0 && im.matchTicket(rec) == t {
		takePlatform(merged, rec)
	}
	if rec.Has[FieldDays] && len(rec.P.Days) > 0 {
		if t.fileDays && !im.answering {
			// An earlier row of the file gave days: this one adds its own
			// (one person's two tickets, a day each); a later answer to
			// the form replaces them (import_answers.go).
			merged.Days = sortDays(append(slices.Clone(t.p.Days), rec.P.Days...))
		} else {
			merged.Days = slices.Clone(rec.P.Days)
		}
	}
	return nil
}

// keptValues reports whether a row gives values that differ from p's,
// the participant it matched, as stored or as the file made them: the mode
// kept p's (an import that fills only empty fields). Names and
// organisations are compared ignoring case and accents ("Zoe MARTIN" is
// how a form writes "Zoé Martin"), emails ignoring case. A cancellation
// that another ticket of theirs in the file outweighs is no value kept.
func (im *importer) keptValues(t *importTarget, rec *ImportRecord, catID int64) bool {
	p, src := t.p, &rec.P
	if t.editKept {
		return true // an edit made by hand, even a name recased (warnKeptEdits)
	}
	differs := func(f ImportField, stored, file string) bool {
		return rec.Has[f] && file != "" && file != stored
	}
	switch {
	case differs(FieldFirstName, im.fold(p.FirstName), im.fold(src.FirstName)),
		differs(FieldLastName, im.fold(p.LastName), im.fold(src.LastName)),
		differs(FieldEmail, strings.ToLower(p.Email), strings.ToLower(src.Email)), differs(FieldPhone, p.Phone, src.Phone),
		differs(FieldJobTitle, p.JobTitle, src.JobTitle), differs(FieldRegion, p.Region, src.Region),
		differs(FieldDiet, p.Diet, src.Diet), differs(FieldAccessibility, p.Accessibility, src.Accessibility),
		rec.Has[FieldNotes] && notesDiffer(p.Notes, src.Notes),
		differs(FieldOrganisation, im.fold(p.Organisation), im.fold(src.Organisation)):
		return true
	case rec.Has[FieldStatus] && src.Status != p.Status && !(src.Status == StatusCancelled && t.active):
		return true
	case rec.Has[FieldFee] && src.FeeCents != p.FeeCents,
		rec.Has[FieldPaid] && src.Paid && !p.Paid,
		rec.Has[FieldImageConsent] && src.ImageConsent != p.ImageConsent,
		catID != 0 && catID != p.CategoryID:
		return true
	}
	return false
}

// notesDiffer reports whether a row's notes, each line written "Column:
// value" by the import, say something the stored notes do not: notes typed
// in the form hold the value without its column's name.
func notesDiffer(stored, file string) bool {
	if file == "" || strings.Contains(stored, file) {
		return false
	}
	for _, line := range strings.Split(file, "\n") {
		if _, v, ok := strings.Cut(line, ": "); ok && strings.Contains(stored, v) {
			continue
		}
		if !strings.Contains(stored, line) {
			return true
		}
	}
	return false
}
