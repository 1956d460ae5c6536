package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// participantFormFields are the form's fields in the order they are laid
// out: messages are shown together, and the first one gets the focus.
var participantFormFields = []string{"first_name", "last_name", "email", "phone", "organisation", "job_title",
	"category", "status", "region", "code", "fee", "days", "diet", "accessibility", "notes"}

// fieldOf is the form field of data's error ("" when it is no field's).
func fieldOf(err error) string {
	var e *data.Error
	if !errors.As(err, &e) {
		return ""
	}
	if e.Field == "day" {
		return "days"
	}
	return e.Field
}

// formProblems lists what is wrong with p, one message per field: data's
// Validate stops at the first, so each field at fault is set to a valid
// value in turn and p checked again. feeErr says why the fee could not be
// read, if it could not.
func formProblems(p data.Participant, feeErr error) map[string]error {
	found := map[string]error{}
	if feeErr != nil {
		found["fee"] = feeErr
		p.FeeCents = 0
	}
	for range participantFormFields {
		q := p // Validate cleans what it checks
		err := q.Validate()
		if err == nil {
			break
		}
		field := fieldOf(err)
		if _, seen := found[field]; seen || field == "" || !blankField(&p, field) {
			found[field] = err // no field's, or one it cannot set right: stop there
			break
		}
		found[field] = err
	}
	return found
}

// blankField sets a field to a value Validate accepts; false for a field
// it does not know.
func blankField(p *data.Participant, field string) bool {
	switch field {
	case "first_name":
		p.FirstName = "x"
	case "last_name":
		p.LastName = "x"
	case "email":
		p.Email = ""
	case "phone":
		p.Phone = ""
	case "organisation":
		p.Organisation = ""
	case "job_title":
		p.JobTitle = ""
	case "region":
		p.Region = ""
	case "code":
		p.Code = ""
	case "diet":
		p.Diet = ""
	case "accessibility":
		p.Accessibility = ""
	case "notes":
		p.Notes = ""
	case "category":
		p.CategoryID = 1
	case "status":
		p.Status = data.StatusPending
	case "fee":
		p.FeeCents = 0
	case "days":
		p.Days = nil
	default:
		return false
	}
	return true
}

// showProblems shows each message under its field, the others' hidden,
// and gives the first field at fault the focus.
func (f *participantForm) showProblems(found map[string]error) {
	f.clearErrors()
	var first fyne.Focusable
	for _, name := range participantFormFields {
		if err, ok := found[name]; ok {
			f.setMessage(name, err)
			if first == nil {
				first = f.focus[name]
			}
		}
	}
	if err, ok := found[""]; ok {
		f.setMessage("", err)
	}
	f.reopen(first)
}

func (f *participantForm) setMessage(field string, err error) {
	f.putMessage(field, formMessage(err))
	f.shownCode[field] = errorCode(err)
}

// putMessage shows msg under field (at the top when the form has no such
// field), with the room kept for it.
func (f *participantForm) putMessage(field, msg string) {
	label := f.errs[field]
	if label == nil {
		label = f.general
	}
	label.SetText(msg)
	label.Show()
	if room := f.errRoom[field]; room != nil {
		room.Show()
	}
}

// formMessage is err's message under its field. The faults a field is
// typed into say what is wrong without quoting the value: the field shows
// it, and a quote would go stale as the value is corrected.
func formMessage(err error) string {
	switch errorCode(err) {
	case "email_invalid":
		return lang.L("This is not a valid email address: write it as name@example.org.")
	case "code_invalid":
		return lang.L("This is not a valid code: 6 to 8 letters and digits, without O, 0, I, 1 or L.")
	case "code_taken":
		return lang.L("This code is already used by someone else.")
	case "euros_invalid":
		return lang.L("This is not an amount in euros: write for instance 40 or 40.50.")
	case "euros_ambiguous":
		return lang.L("Three digits after the decimal point: write the amount without a separator (12345) or with two decimals (12.35).")
	}
	return data.Message(err, uiLanguage())
}

// errorCode is data's code for err ("" for another error).
func errorCode(err error) string {
	var e *data.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// keptHeight lays out a field's message, as tall as the tallest it has
// been: the message hidden (its field corrected) or shorter, the fields
// under it stay where they are while the form is corrected.
type keptHeight struct{ h float32 }

func (k *keptHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
	}
}

func (k *keptHeight) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		if o.Visible() {
			m = m.Max(o.MinSize())
		}
	}
	k.h = max(k.h, m.Height)
	return fyne.NewSize(m.Width, k.h)
}

// onFieldChanged clears the message under a field once it is corrected,
// or updates it; other fields' messages stay as they are.
func (f *participantForm) onFieldChanged(field string) {
	l := f.errs[field]
	if l == nil || !l.Visible() {
		return
	}
	p, feeErr := f.collect()
	if err, still := formProblems(p, feeErr)[field]; still {
		// The same fault keeps its message as shown: rewritten at each key,
		// a message quoting the value would grow as the value does and push
		// the fields below under the pointer.
		if code := errorCode(err); code != f.shownCode[field] || code == "" {
			l.SetText(formMessage(err))
			f.shownCode[field] = code
		}
	} else {
		l.Hide()
	}
}

// watchFields clears messages as fields are corrected, and saves on Enter
// (Ctrl+Enter in the notes).
func (f *participantForm) watchFields() {
	names := []string{"first_name", "last_name", "email", "phone", "organisation", "job_title",
		"region", "code", "fee", "diet", "accessibility", "notes"}
	for i, e := range f.entries() {
		name := names[i]
		e.OnChanged = func(string) { f.onFieldChanged(name) }
		e.OnSubmitted = f.onSubmitted
	}
	f.category.OnChanged = func(string) { f.onFieldChanged("category") }
	f.status.OnChanged = func(string) { f.onFieldChanged("status") }
	f.dayChecks.OnChanged = func([]string) { f.onFieldChanged("days") }
}

// entries are the form's text fields.
func (f *participantForm) entries() []*widgets.Entry {
	return []*widgets.Entry{f.firstName, f.lastName, f.email, f.phone, f.organisation, f.jobTitle,
		f.region, f.code, f.fee, f.diet, f.accessibility, f.notes}
}

// onSubmitted saves, as the Save button does (Enter in a field).
func (f *participantForm) onSubmitted(string) {
	if f.d != nil {
		f.d.Confirm()
	}
}

// wheelToForm sends the mouse wheel to the form's scroll even over a text
// field (which would keep it): it lies over the form, and only scrolls.
type wheelToForm struct {
	widget.BaseWidget
	scroll fyne.Scrollable
}

func newWheelToForm(scroll fyne.Scrollable) *wheelToForm {
	w := &wheelToForm{scroll: scroll}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelToForm) Scrolled(ev *fyne.ScrollEvent) { w.scroll.Scrolled(ev) }

func (w *wheelToForm) MinSize() fyne.Size { return fyne.Size{} }

func (w *wheelToForm) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
