package data

import "slices"

// What an import gives new rows the file says nothing of (the options'
// category, status, fee and days), and how its report names the columns
// it leaves out.

// defaulted says what defaults gave a new participant.
type defaulted struct{ category, status, fee, days bool }

// defaults gives a new participant what the row does not say: the
// options' category, status, fee and days. A registration that does not
// say which days is for the congress: every day, as the participant form
// proposes, unless the options choose others. The report says them once
// the row is imported (noteDefaults): a row rejected after is no new
// person who got them.
func (im *importer) defaults(p *Participant, rec *ImportRecord) defaulted {
	var d defaulted
	if p.CategoryID == 0 {
		p.CategoryID, d.category = im.categories.defaultID, true
	}
	if p.Status == "" {
		p.Status, d.status = im.opts.DefaultStatus, true
		if p.Status == "" {
			p.Status = StatusPending
		}
	}
	if !rec.Has[FieldFee] && im.opts.DefaultFeeCents > 0 {
		p.FeeCents, d.fee = im.opts.DefaultFeeCents, true
	}
	if !rec.Has[FieldDays] {
		p.Days, d.days = slices.Clone(im.allDays), true
		if len(im.opts.DefaultDays) > 0 {
			p.Days = sortDays(slices.Clone(im.opts.DefaultDays))
		}
	}
	return d
}

// noteDefaults puts in the report what defaults gave p, imported.
func (im *importer) noteDefaults(p *Participant, d defaulted) {
	if d.category {
		if im.report.DefaultCategory == "" {
			im.report.DefaultCategory = im.categories.names[p.CategoryID]
		}
		im.report.DefaultCategoryRows++
	}
	if d.status {
		im.report.DefaultStatus = p.Status
	}
	if d.fee {
		im.report.DefaultFeeCents = p.FeeCents
	}
	if d.days && im.report.DefaultDays == nil {
		im.report.DefaultDays = slices.Clone(p.Days)
	}
}

// checkDefaults checks the options' status and days for new rows.
func (im *importer) checkDefaults() error {
	if st := im.opts.DefaultStatus; st != "" && !slices.Contains(Statuses, st) {
		return withField(ErrStatusInvalid.With(st), "status")
	}
	for _, d := range im.opts.DefaultDays {
		if !im.days[d] {
			return withDay(ErrNotCongressDay, d)
		}
	}
	return nil
}

// ignoredColumn is how the report names a column no field takes: its
// header, or for an unnamed one its letter in both languages.
func ignoredColumn(h string, i int) string {
	if h != "" {
		return h
	}
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return "(" + string(b) + ")"
}
