package ui

import (
	"context"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// participantMerge merges two records of one person: the organiser sees
// which record is kept (by default, data.DefaultKeeper's) and, for each
// field where the two differ, both values, and picks one. UI thread only.
type participantMerge struct {
	d       *participantDetail
	plan    data.MergePlan
	records [2]data.MergeCandidate // in the order of keeper's options
	cats    map[int64]string       // category names, by ID

	keeper  *widget.RadioGroup
	choices map[data.MergeField]*widget.RadioGroup
	sources map[data.MergeField][]data.MergeSource // what each option of choices means
	fields  *fyne.Container
	dlg     *dialog.ConfirmDialog
}

// onMergeTapped plans merging the participant shown and a duplicate, then
// asks how.
func (d *participantDetail) onMergeTapped(dup data.Participant) {
	shown := d.info.p
	if shown.ID == 0 {
		return
	}
	d.s.env.tasks.runAsync(d.s.env.ctx, func(ctx context.Context) func() {
		plan, err := d.s.store.PlanMerge(ctx, shown.ID, dup.ID)
		var cats []data.Category
		if err == nil {
			cats, err = d.s.store.Categories(ctx)
		}
		return func() {
			if err != nil {
				showError(d.s.env.win, err)
				return
			}
			d.merge = newParticipantMerge(d, plan, cats, shown.ID)
			d.merge.show()
		}
	})
}

// newParticipantMerge prepares the dialog; the record shown in the detail
// panel (shownID) is the first option.
func newParticipantMerge(d *participantDetail, plan data.MergePlan, cats []data.Category, shownID int64) *participantMerge {
	m := &participantMerge{d: d, plan: plan, cats: map[int64]string{}}
	for _, c := range cats {
		m.cats[c.ID] = c.Name
	}
	m.records = [2]data.MergeCandidate{plan.Keep, plan.Drop}
	if plan.Drop.ID == shownID {
		m.records = [2]data.MergeCandidate{plan.Drop, plan.Keep}
	}
	m.keeper = widget.NewRadioGroup([]string{m.describe(m.records[0]), m.describe(m.records[1])}, nil)
	m.keeper.Required = true
	m.keeper.SetSelected(m.keeper.Options[m.index(plan.Keep.ID)])
	m.keeper.OnChanged = m.onKeeperChanged
	m.fields = container.NewVBox()
	m.fillFields()
	return m
}

// index is the keeper option of a record.
func (m *participantMerge) index(id int64) int {
	if m.records[1].ID == id {
		return 1
	}
	return 0
}

// describe is a record as the keeper's option shows it: who, when
// registered, and what makes it the one to keep.
func (m *participantMerge) describe(c data.MergeCandidate) string {
	parts := []string{c.FullName() + " (" + c.Code + ")",
		lang.L("registered on {{.Date}}", map[string]any{"Date": dateTime(c.CreatedAt)})}
	if c.BadgePrints > 0 {
		parts = append(parts, lang.L("badge printed"))
	}
	if c.Checkins > 0 {
		parts = append(parts, lang.N("{{.Count}} check-ins", c.Checkins, map[string]any{"Count": formatCount(c.Checkins)}))
	}
	return strings.Join(parts, " · ")
}

func (m *participantMerge) show() {
	intro := widget.NewLabel(lang.L("Which record stays? Its code stays the person's; the other record's code keeps working at the desk. By default, the record whose badge is printed stays, else the one that checked in, else the older one."))
	intro.Wrapping = fyne.TextWrapWord
	keepTitle := widget.NewLabel(lang.L("Record kept"))
	keepTitle.TextStyle.Bold = true
	fieldsTitle := widget.NewLabel(lang.L("Where the two records differ, choose what the person's record says:"))
	fieldsTitle.Wrapping = fyne.TextWrapWord
	fieldsTitle.TextStyle.Bold = true
	outro := widget.NewLabel(lang.L("The other record is then deleted: its enrolments, check-ins and badge prints move onto the one kept, and the merge log keeps both records as they were. This cannot be undone."))
	outro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(intro, keepTitle, m.keeper, fieldsTitle, m.fields, outro)
	m.dlg = dialog.NewCustomConfirm(lang.L("Merge two records"), lang.L("Merge"), lang.L("Cancel"),
		container.NewVScroll(body), m.onClosed, m.d.s.env.win)
	m.dlg.SetConfirmImportance(widget.DangerImportance)
	m.dlg.Resize(fyne.NewSize(760, 620))
	m.dlg.Show()
}

// onKeeperChanged plans the other way round, with that way's defaults.
func (m *participantMerge) onKeeperChanged(selected string) {
	want := m.records[0].ID
	if selected == m.keeper.Options[1] {
		want = m.records[1].ID
	}
	if selected == "" || want == m.plan.Keep.ID {
		return
	}
	m.plan = m.plan.Swapped()
	m.fillFields()
}

// fillFields shows a choice for each field where the records differ.
func (m *participantMerge) fillFields() {
	m.choices = map[data.MergeField]*widget.RadioGroup{}
	m.sources = map[data.MergeField][]data.MergeSource{}
	m.fields.RemoveAll()
	if len(m.plan.Fields) == 0 {
		m.fields.Add(widget.NewLabel(lang.L("The two records say the same in every field.")))
	}
	keep, drop := &m.plan.Keep.Participant, &m.plan.Drop.Participant
	for _, f := range m.plan.Fields {
		options := []string{m.value(f, keep), m.value(f, drop)}
		sources := []data.MergeSource{data.FromKept, data.FromDropped}
		if f.CanCombine() {
			options = append(options, m.both(f))
			sources = append(sources, data.FromBoth)
		}
		// A radio group needs distinct options.
		if options[1] == options[0] {
			options[1] += " (2)"
		}
		radio := widget.NewRadioGroup(options, nil)
		radio.Required = true
		radio.Horizontal = utf8.RuneCountInString(strings.Join(options, "")) <= 60 // side by side when they fit
		for i, src := range sources {
			if src == m.plan.Choice[f] {
				radio.SetSelected(options[i])
			}
		}
		radio.OnChanged = func(selected string) { m.onFieldChanged(f, selected) }
		m.choices[f], m.sources[f] = radio, sources
		label := widget.NewLabel(mergeFieldLabel(f))
		label.TextStyle.Bold = true
		m.fields.Add(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, label.MinSize().Height), label), nil, radio))
	}
	m.fields.Refresh()
}

// onFieldChanged takes the field from the record chosen.
func (m *participantMerge) onFieldChanged(f data.MergeField, selected string) {
	radio := m.choices[f]
	for i, o := range radio.Options {
		if o == selected {
			m.plan.Choice[f] = m.sources[f][i]
		}
	}
}

// mergeFieldLabel names a field as the participant form does.
func mergeFieldLabel(f data.MergeField) string {
	switch f {
	case data.MergeFirstName:
		return lang.L("First name")
	case data.MergeLastName:
		return lang.L("Last name")
	case data.MergeEmail:
		return lang.L("Email")
	case data.MergePhone:
		return lang.L("Phone")
	case data.MergeOrganisation:
		return lang.L("Organisation")
	case data.MergeJobTitle:
		return lang.L("Job title")
	case data.MergeCategory:
		return lang.L("Category")
	case data.MergeStatus:
		return lang.L("Status")
	case data.MergeRegion:
		return lang.L("Region")
	case data.MergeFee:
		return lang.L("Fee")
	case data.MergeDays:
		return lang.L("Days")
	case data.MergeDiet:
		return lang.L("Diet")
	case data.MergeAccessibility:
		return lang.L("Accessibility")
	case data.MergeImageConsent:
		return lang.L("Photographs")
	}
	return lang.L("Notes")
}

// value writes what a record says for a field, on one line.
func (m *participantMerge) value(f data.MergeField, p *data.Participant) string {
	var text string
	switch f {
	case data.MergeCategory:
		text = m.cats[p.CategoryID]
	case data.MergeStatus:
		text = statusLabel(p.Status)
	case data.MergeFee:
		paid := lang.L("not paid")
		if p.Paid {
			paid = lang.L("paid")
		}
		if p.FeeCents == 0 {
			text = lang.L("no fee") + " · " + paid
		} else {
			text = feeCentsText(p.FeeCents) + " € · " + paid
		}
	case data.MergeDays:
		text = daysShort(p.Days)
	case data.MergeImageConsent:
		text = lang.L("Does not agree to be photographed")
		if p.ImageConsent {
			text = lang.L("Agrees to be photographed and filmed")
		}
	default:
		text = f.Text(p)
	}
	if text == "" {
		return lang.L("(empty)")
	}
	return oneLine(text, 70)
}

// both says what taking both records' values gives.
func (m *participantMerge) both(f data.MergeField) string {
	if f == data.MergeDays {
		merged := data.MergePlan{Keep: m.plan.Keep, Drop: m.plan.Drop,
			Choice: map[data.MergeField]data.MergeSource{f: data.FromBoth}}.Merged()
		return lang.L("Both: {{.Value}}", map[string]any{"Value": daysShort(merged.Days)})
	}
	return lang.L("Both texts, one after the other")
}

// oneLine puts a text on one line of at most n characters.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// onClosed merges as chosen when Merge was pressed.
func (m *participantMerge) onClosed(ok bool) {
	if ok {
		m.mergeAsync()
	}
}

func (m *participantMerge) mergeAsync() {
	d := m.d
	keep, drop, choice := m.plan.Keep.Participant, m.plan.Drop.Participant, m.plan.Choice
	d.s.env.tasks.runAsync(d.s.env.ctx, func(ctx context.Context) func() {
		rep, err := d.s.store.MergeParticipants(ctx, keep.ID, drop.ID, choice)
		return func() {
			if err != nil {
				showError(d.s.env.win, err)
				return
			}
			name := rep.Kept.FullName()
			msg := lang.L("The code {{.Code}} now finds {{.Name}} at the desk.", map[string]any{"Code": rep.Alias, "Name": name})
			if rep.Moved > 0 {
				msg += "\n" + lang.N("{{.Count}} enrolments moved onto {{.Name}}.", rep.Moved, map[string]any{"Count": rep.Moved, "Name": name})
			}
			if len(rep.Dropped) > 0 {
				msg += "\n" + lang.L("Given up, as {{.Name}} was already down for them or for another session at the same time: {{.Sessions}}.",
					map[string]any{"Name": name, "Sessions": strings.Join(rep.Dropped, ", ")})
			}
			showNotice(d.s.env.win, lang.L("Records merged"), msg)
			d.s.bulk.forget(drop.ID)
			d.s.bulk.show(keep.ID) // the selection, the detail and the bulk actions agree
			d.s.loadAsync()
		}
	})
}
