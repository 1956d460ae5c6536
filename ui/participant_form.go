package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// participantFormStore is what the participant form reads and writes.
type participantFormStore interface {
	Participant(ctx context.Context, id int64) (data.Participant, error)
	CreateParticipant(ctx context.Context, p *data.Participant) error
	UpdateParticipant(ctx context.Context, p *data.Participant) error
	DuplicatesBeforeSave(ctx context.Context, p data.Participant) ([]data.Duplicate, error)
}

// participantForm adds or edits a participant in a dialog, with the
// message of a field at fault under it. UI thread only.
type participantForm struct {
	s    *participantsScreen
	p    data.Participant // as read; ID 0 for a new participant
	cats []data.Category
	days []data.Day
	d    *dialog.ConfirmDialog
	// saved is told the participant's ID once saved.
	saved func(id int64)
	// scans, when the welcome desk opened the form, is the desk: told a
	// badge scanned into it, and able to close it (participant_form_scan.go);
	// nil elsewhere.
	scans formFromDesk

	firstName, lastName, email, phone, organisation, jobTitle *widgets.Entry
	region, code, fee, diet, accessibility, notes             *widgets.Entry
	category, status                                          *widgets.Select // Esc closes the form on them too
	dayChecks                                                 *widget.CheckGroup
	paid, consent                                             *widgets.Check

	errs    map[string]*widget.Label   // the message under each field, by data's field name
	errRoom map[string]*fyne.Container // each message's room, kept once shown (see keptHeight)
	focus   map[string]fyne.Focusable  // the widget to go back to, by field name
	general *widget.Label              // a message that is no field's

	scroll    *container.Scroll     // the fields, which follow the keyboard (followFocus)
	lastFocus fyne.Focusable        // the field that had the keyboard last
	initial   string                // the fields as opened (snapshot): Cancel asks before it loses an edit
	leaving   bool                  // closed for good (someone else opened, a scan): nothing to ask
	asking    *dialog.ConfirmDialog // "Discard the changes?", once asked (askDiscard)

	shownCode map[string]string // the code of the message shown under each field

	// dups warns, above the fields, of people already registered with the
	// same email or name and organisation; Save (then "Save anyway") no
	// longer stops at those it showed.
	dups *duplicateWarning
}

// openFormAsync reads what the form offers, then opens it on the
// participant id, or on a new one when id is 0.
func (s *participantsScreen) openFormAsync(id int64) {
	s.openFormThenAsync(id, s.onParticipantSaved, nil)
}

// editAsync opens the form on the participant id from another screen (the
// welcome desk); saved is called once they are saved.
func (s *participantsScreen) editAsync(id int64, saved func()) {
	s.openFormThenAsync(id, func(id int64) {
		s.onParticipantSaved(id)
		saved()
	}, nil)
}

// openFormThenAsync opens the form on id (0: a new participant) and tells
// saved once the participant is saved; scans, if not nil, is told what
// may be a badge scanned into it (the desk's).
func (s *participantsScreen) openFormThenAsync(id int64, saved func(id int64), scans formFromDesk) {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		var p data.Participant
		var c data.Congress
		cats, err := s.store.Categories(ctx)
		if err == nil {
			c, err = s.store.Congress(ctx)
		}
		if err == nil && id != 0 {
			p, err = s.store.Participant(ctx, id)
		}
		return func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.form = newParticipantForm(s, p, cats, c.Days)
			s.form.saved, s.form.scans = saved, scans
			s.form.show()
		}
	})
}

func newParticipantForm(s *participantsScreen, p data.Participant, cats []data.Category, days []data.Day) *participantForm {
	f := &participantForm{s: s, p: p, cats: cats, days: days,
		errs: map[string]*widget.Label{}, errRoom: map[string]*fyne.Container{}, focus: map[string]fyne.Focusable{},
		shownCode: map[string]string{}}
	entry := func(text string) *widgets.Entry {
		e := widgets.NewEntry()
		e.SetText(text)
		return e
	}
	f.firstName, f.lastName, f.email, f.phone = entry(p.FirstName), entry(p.LastName), entry(p.Email), entry(p.Phone)
	f.organisation, f.jobTitle, f.region = entry(p.Organisation), entry(p.JobTitle), entry(p.Region)
	f.code, f.diet, f.accessibility = entry(p.Code), entry(p.Diet), entry(p.Accessibility)
	f.fee = entry(feeCentsText(p.FeeCents))
	f.code.SetPlaceHolder(lang.L("Given when saved"))
	f.fee.SetPlaceHolder(lang.L("e.g. 180 or 180,50"))
	f.notes = widgets.NewMultiLineEntry()
	f.notes.SetText(p.Notes)
	f.notes.SetMinRowsVisible(3)

	names := make([]string, len(cats))
	cat := -1
	for i, c := range cats {
		names[i] = c.Name
		if c.ID == p.CategoryID || (p.ID == 0 && i == 0) {
			cat = i
		}
	}
	f.category = widgets.NewSelect(names, nil)
	if cat >= 0 {
		f.category.SetSelectedIndex(cat)
	}
	statuses := make([]string, len(data.Statuses))
	for i, st := range data.Statuses {
		statuses[i] = statusLabel(st)
	}
	f.status = widgets.NewSelect(statuses, nil)
	f.status.SetSelectedIndex(0)
	for i, st := range data.Statuses {
		if st == p.Status {
			f.status.SetSelectedIndex(i)
		}
	}
	var options, chosen []string
	for _, d := range days {
		options = append(options, dayLong(d))
		if p.ID == 0 || slices.Contains(p.Days, d) {
			chosen = append(chosen, dayLong(d))
		}
	}
	f.dayChecks = widget.NewCheckGroup(options, nil)
	f.dayChecks.Horizontal = true
	f.dayChecks.SetSelected(chosen)
	f.paid = widgets.NewCheck(lang.L("Paid"), nil)
	f.paid.SetChecked(p.Paid)
	f.consent = widgets.NewCheck(lang.L("Agrees to be photographed and filmed"), nil)
	f.consent.SetChecked(p.ImageConsent)
	f.watchFields()
	return f
}

// fieldMessage is a field's message, hidden, and its room under the field:
// once a message has been shown, its room stays until the form closes, so
// that a field corrected does not move the others under the pointer.
func fieldMessage() (*widget.Label, *fyne.Container) {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	room := &fyne.Container{Layout: &keptHeight{}, Objects: []fyne.CanvasObject{msg}}
	room.Hide()
	return msg, room
}

// field is a labelled widget with room for its message below.
func (f *participantForm) field(name, title string, o fyne.CanvasObject) fyne.CanvasObject {
	msg, room := fieldMessage()
	f.errs[name], f.errRoom[name] = msg, room
	if fo, ok := o.(fyne.Focusable); ok {
		f.focus[name] = fo
	}
	label := widget.NewLabel(title)
	label.TextStyle.Bold = true
	return container.NewVBox(label, o, room)
}

func (f *participantForm) build() fyne.CanvasObject {
	f.general = widget.NewLabel("")
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	f.general.Hide()
	f.dups = newDuplicateWarning(f.onOpenDuplicate)
	pair := func(a, b fyne.CanvasObject) fyne.CanvasObject { return container.NewGridWithColumns(2, a, b) }
	fields := container.NewVBox(f.dups.box, f.general,
		pair(f.field("first_name", lang.L("First name"), f.firstName), f.field("last_name", lang.L("Last name"), f.lastName)),
		pair(f.field("email", lang.L("Email"), f.email), f.field("phone", lang.L("Phone"), f.phone)),
		pair(f.field("organisation", lang.L("Organisation"), f.organisation), f.field("job_title", lang.L("Job title"), f.jobTitle)),
		pair(f.field("category", lang.L("Category"), f.category), f.field("status", lang.L("Status"), f.status)),
		pair(f.field("region", lang.L("Region"), f.region), f.field("code", lang.L("Badge code"), f.code)),
		pair(f.field("fee", lang.L("Fee (euros)"), container.NewBorder(nil, nil, nil, f.paid, f.fee)),
			f.field("days", lang.L("Days"), f.dayChecks)),
		pair(f.field("diet", lang.L("Diet"), f.diet), f.field("accessibility", lang.L("Accessibility"), f.accessibility)),
		f.consent,
		f.field("notes", lang.L("Notes"), f.notes),
	)
	f.focus["fee"] = f.fee // inside its row, with Paid
	// Room on the right for the scroll bar.
	return container.New(layout.NewCustomPaddedLayout(0, 0, 0, 2*theme.Padding()), fields)
}

// show opens the form's dialog.
func (f *participantForm) show() {
	title := lang.L("New participant")
	if f.p.ID != 0 {
		title = lang.L("Edit {{.Name}}", map[string]any{"Name": f.p.FullName()})
	}
	f.scroll = container.NewVScroll(f.build())
	f.followFocus()
	f.handScansToDesk() // participant_form_scan.go
	f.initial = f.snapshot()
	content := &fyne.Container{Layout: stackLayout{}, Objects: []fyne.CanvasObject{f.scroll, newWheelToForm(f.scroll)}}
	f.d = dialog.NewCustomConfirm(title, lang.L("Save"), lang.L("Cancel"), content, f.onClosed, f.s.env.win)
	// As large as it can be, within the window (1366×768 and smaller): the
	// fields scroll, the buttons stay in sight.
	room := f.s.env.win.Canvas().Size().SubtractWidthHeight(2*theme.Padding(), 2*theme.Padding())
	f.d.Resize(fyne.NewSize(min(780, room.Width), min(660, room.Height)))
	f.d.Show()
	f.s.env.win.Canvas().Focus(f.firstName)
}

// onClosed saves when Save was pressed. The dialog comes back when the
// participant cannot be saved, with the message under the field at fault.
func (f *participantForm) onClosed(save bool) {
	if !save {
		if !f.leaving && f.snapshot() != f.initial {
			f.askDiscard()
		}
		return
	}
	f.clearErrors()
	p, feeErr := f.collect() // the fee may be no amount: data.ErrEurosInvalid, under the fee
	if found := formProblems(p, feeErr); len(found) > 0 {
		f.showProblems(found) // all at once, the first field at fault focused
		return
	}
	if err := p.Validate(); err != nil { // cleans p
		f.showError(err)
		return
	}
	f.checkDuplicatesAsync(p)
}

// checkDuplicatesAsync saves the participant unless someone else has their
// email, or their name and organisation, whom the organiser was not shown
// yet: then the form comes back with them above the fields.
func (f *participantForm) checkDuplicatesAsync(p data.Participant) {
	f.s.env.tasks.runAsync(f.s.env.ctx, func(ctx context.Context) func() {
		dups, err := f.s.store.DuplicatesBeforeSave(ctx, p)
		return func() {
			if err != nil {
				f.showError(err)
				return
			}
			if len(unseenDuplicates(dups, f.dups.seen)) == 0 {
				f.saveAsync(p)
				return
			}
			f.showDuplicates(dups)
		}
	})
}

// showDuplicates opens the form again with the people it may duplicate,
// each with a button to open them instead; Save becomes "Save anyway".
func (f *participantForm) showDuplicates(dups []data.Duplicate) {
	f.dups.show(dups)
	f.d.SetConfirmText(lang.L("Save anyway"))
	f.reopen(nil)
}

// onOpenDuplicate closes the form without saving and shows the person
// already registered.
func (f *participantForm) onOpenDuplicate(id int64) {
	f.leaving = true
	f.d.Hide()
	f.s.onParticipantSaved(id)
}

// saveAsync writes the participant, then shows them.
func (f *participantForm) saveAsync(p data.Participant) {
	f.s.env.tasks.runAsync(f.s.env.ctx, func(ctx context.Context) func() {
		var err error
		if p.ID == 0 {
			err = f.s.store.CreateParticipant(ctx, &p)
		} else {
			err = f.s.store.UpdateParticipant(ctx, &p)
		}
		return func() {
			if err != nil {
				f.showError(err)
				return
			}
			f.saved(p.ID)
		}
	})
}

// collect reads the form; the error says why the fee cannot be read.
func (f *participantForm) collect() (p data.Participant, err error) {
	p = f.p
	p.FirstName, p.LastName, p.Email, p.Phone = f.firstName.Text, f.lastName.Text, f.email.Text, f.phone.Text
	p.Organisation, p.JobTitle, p.Region, p.Code = f.organisation.Text, f.jobTitle.Text, f.region.Text, f.code.Text
	p.Diet, p.Accessibility, p.Notes = f.diet.Text, f.accessibility.Text, f.notes.Text
	p.Paid, p.ImageConsent = f.paid.Checked, f.consent.Checked
	p.CategoryID = 0
	if i := f.category.SelectedIndex(); i >= 0 && i < len(f.cats) {
		p.CategoryID = f.cats[i].ID
	}
	if i := f.status.SelectedIndex(); i >= 0 {
		p.Status = data.Statuses[i]
	}
	p.Days = nil
	for _, d := range f.days {
		if slices.Contains(f.dayChecks.Selected, dayLong(d)) {
			p.Days = append(p.Days, d)
		}
	}
	p.FeeCents, err = data.ParseEurosTyped(f.fee.Text, uiLanguage())
	return p, err
}

// showError shows data's message under the field at fault, or above the
// form when it is no field's, and opens the dialog again.
func (f *participantForm) showError(err error) {
	var e *data.Error
	field := ""
	if errors.As(err, &e) {
		field = e.Field
	}
	if field == "day" {
		field = "days"
	}
	f.shownCode[field] = errorCode(err)
	f.showFieldError(field, formMessage(err))
}

func (f *participantForm) showFieldError(field, msg string) {
	f.putMessage(field, msg)
	f.reopen(f.focus[field])
}

// reopen shows the dialog again, with the focus on fo if not nil; a form
// closed for good (leaving) stays closed.
func (f *participantForm) reopen(fo fyne.Focusable) {
	if f.leaving {
		return
	}
	f.d.Show()
	// The dialog was closed with the focus in a field, which was not told.
	for _, e := range f.entries() {
		e.FocusLost()
	}
	if fo != nil {
		f.s.env.win.Canvas().Focus(fo)
	}
}

func (f *participantForm) clearErrors() {
	f.general.Hide()
	for _, l := range f.errs {
		l.Hide()
	}
}

// feeCentsText writes cents as euros for the fee field: "180", "180,50";
// nothing to pay is left empty.
func feeCentsText(cents int64) string {
	if cents == 0 {
		return ""
	}
	if cents%100 == 0 {
		return strconv.FormatInt(cents/100, 10)
	}
	return fmt.Sprintf("%d%s%02d", cents/100, lang.X("number.decimal", "."), cents%100)
}
