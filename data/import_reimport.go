package data

import (
	"slices"
	"strings"
)

// Importing next week's export again: a row a ticket (or form response)
// finds is the platform's word on what the platform owns (the ticket's
// status, payment, amount and type, the holder's email and the case of
// their name), which replaces the congress's even when the import only
// fills empty fields; the days of a file with a days column are the
// file's. A row whose values differ from the congress's but that the mode
// leaves as they are is counted as kept, never as unchanged.

// takePlatform gives dst what a platform owns of a row its ticket found
// (see above). A payment is taken, never undone: a ticket the platform no
// longer calls paid keeps what the desk recorded.
func takePlatform(dst *Participant, rec *ImportRecord, catID int64) {
	src := &rec.P
	set := func(f ImportField, d *string, v string) {
		if rec.Has[f] && v != "" {
			*d = v
		}
	}
	set(FieldFirstName, &dst.FirstName, src.FirstName)
	set(FieldLastName, &dst.LastName, src.LastName)
	set(FieldEmail, &dst.Email, src.Email)
	if rec.Has[FieldStatus] && src.Status != "" {
		dst.Status = src.Status
	}
	if rec.Has[FieldFee] {
		dst.FeeCents = src.FeeCents
	}
	if rec.Has[FieldPaid] && src.Paid {
		dst.Paid = true
	}
	if catID != 0 {
		dst.CategoryID = catID
	}
}

// reimport applies to merged what a row matched to t changes beyond
// mergeRecord's: what the platform owns when its ticket found them, and
// the file's days. An import that fills empty fields keeps the rest.
func (im *importer) reimport(t *importTarget, merged *Participant, rec *ImportRecord, catID int64) {
	if im.opts.OnMatch != MatchOverwrite && len(rec.Tickets) > 0 && im.matchTicket(rec) == t {
		takePlatform(merged, rec, catID)
	}
	if rec.Has[FieldDays] && len(rec.P.Days) > 0 {
		if t.fileDays {
			// An earlier row of the file gave days: this one adds its own
			// (one person's two tickets, a day each).
			merged.Days = sortDays(append(slices.Clone(t.p.Days), rec.P.Days...))
		} else {
			merged.Days = slices.Clone(rec.P.Days)
		}
	}
}

// keptValues reports whether a row gives values that differ from p's,
// the participant it matched, as stored or as the file made them: the mode
// kept p's (an import that fills only empty fields). Names and
// organisations are compared ignoring case and accents ("Zoe MARTIN" is
// how a form writes "Zoé Martin"), emails ignoring case. A cancellation
// that another ticket of theirs in the file outweighs is no value kept.
func (im *importer) keptValues(t *importTarget, rec *ImportRecord, catID int64) bool {
	p, src := t.p, &rec.P
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
