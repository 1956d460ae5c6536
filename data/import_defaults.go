package data

import "slices"

// What an import gives new rows the file says nothing of (the options'
// category, status, fee and days), and how its report names the columns
// it leaves out.

// defaults gives a new participant what the row does not say: the
// options' category, status, fee and days. A registration that does not
// say which days is for the congress: every day, as the participant form
// proposes, unless the options choose others.
func (im *importer) defaults(p *Participant, rec *ImportRecord) {
	if p.CategoryID == 0 {
		p.CategoryID = im.categories.defaultID
		if im.report.DefaultCategory == "" {
			im.report.DefaultCategory = im.categories.names[p.CategoryID]
		}
		im.report.DefaultCategoryRows++
	}
	if p.Status == "" {
		p.Status = im.opts.DefaultStatus
		if p.Status == "" {
			p.Status = StatusPending
		}
		im.report.DefaultStatus = p.Status
	}
	if !rec.Has[FieldFee] && im.opts.DefaultFeeCents > 0 {
		p.FeeCents = im.opts.DefaultFeeCents
		im.report.DefaultFeeCents = p.FeeCents
	}
	if !rec.Has[FieldDays] {
		p.Days = slices.Clone(im.allDays)
		if len(im.opts.DefaultDays) > 0 {
			p.Days = sortDays(slices.Clone(im.opts.DefaultDays))
		}
		if im.report.DefaultDays == nil {
			im.report.DefaultDays = slices.Clone(p.Days)
		}
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
