package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// The walk-in form checks itself as the participant form does
// (participant_form_check.go): Enter in any field, or its button, shows
// every field at fault at once, each message under its field, and gives
// the first of them the keyboard; a message goes as soon as its field is
// corrected.

// walkInFields are the form's fields, in the order they are laid out.
var walkInFields = []string{"first_name", "last_name", "organisation", "category", "fee", "email"}

// item is a field of the form, with room for its message under it.
func (f *walkInForm) item(name, title string, o fyne.CanvasObject) *widget.FormItem {
	msg, room := fieldMessage()
	f.errs[name], f.errRoom[name] = msg, room
	if fo, ok := o.(fyne.Focusable); ok {
		f.fields[name] = fo
	}
	// The message closer to its field than a label is: with every field
	// at fault, the form's button stays within a 1024×600 screen.
	return widget.NewFormItem(title, container.NewVBox(o, container.NewThemeOverride(room, deskCompactTheme{})))
}

// entries are the form's text fields, by name.
func (f *walkInForm) entries() map[string]*widgets.Entry {
	return map[string]*widgets.Entry{"first_name": f.firstName, "last_name": f.lastName,
		"organisation": f.organisation, "fee": f.fee, "email": f.email}
}

// watchFields clears a field's message once it is corrected, and makes
// Enter in any field what the form's button does.
func (f *walkInForm) watchFields() {
	for name, e := range f.entries() {
		e.OnChanged = func(string) { f.onFieldChanged(name) }
		e.OnSubmitted = func(string) { f.onSubmit() }
	}
}

// problems is the walk-in as typed, and what is wrong with it: data's
// error per field at fault ("" for none's).
func (f *walkInForm) problems() (data.Participant, map[string]error) {
	p := f.participant()
	var feeErr error
	p.FeeCents, feeErr = data.ParseEurosTyped(f.fee.Text, uiLanguage())
	found := formProblems(p, feeErr)
	if _, paying := f.payment(); paying && feeErr == nil && p.FeeCents == 0 {
		if _, ok := found["fee"]; !ok {
			found["fee"] = data.ErrWalkInPaidNoFee
		}
	}
	return p, found
}

// formNotice is a form's message of no field, in the user's language
// already: it has no code of data's.
type formNotice string

func (n formNotice) Error() string         { return string(n) }
func (n formNotice) Message(string) string { return string(n) }

// showProblems shows each message under its field, the others' hidden,
// and gives the first field at fault the keyboard.
func (f *walkInForm) showProblems(found map[string]error) {
	f.clearProblems()
	var first fyne.Focusable
	for _, name := range walkInFields {
		err, ok := found[name]
		if !ok {
			continue
		}
		f.setMessage(name, err)
		if first == nil {
			first = f.fields[name]
		}
	}
	for name, err := range found {
		if f.errs[name] == nil { // no field's, or one the form has not
			f.message.SetText(formMessage(err))
			f.message.Show()
		}
	}
	if f.closed {
		return
	}
	f.d.Resize(fyne.NewSize(480, 0)) // laid out again, with the messages
	if first != nil {
		f.s.env.win.Canvas().Focus(first)
	}
}

// setMessage shows err under its field, and remembers its code.
func (f *walkInForm) setMessage(field string, err error) {
	f.errs[field].SetText(formMessage(err))
	f.errs[field].Show()
	f.errRoom[field].Show()
	f.shownCode[field] = errorCode(err)
}

// clearProblems hides every message.
func (f *walkInForm) clearProblems() {
	f.message.Hide()
	for _, l := range f.errs {
		l.Hide()
	}
}

// onFieldChanged clears the message under a field once it is corrected,
// or updates it when its fault changed; the other fields' messages stay as
// they are.
func (f *walkInForm) onFieldChanged(field string) {
	l := f.errs[field]
	if l == nil || !l.Visible() {
		return
	}
	_, found := f.problems()
	err, still := found[field]
	if !still {
		l.Hide()
		return
	}
	// The same fault keeps its message as shown, as in the participant
	// form (participant_form_check.go): it quotes the value checked, and
	// rewritten at each key a long bad email made it grow to two lines and
	// push the fields below it down.
	if code := errorCode(err); code != f.shownCode[field] || code == "" {
		f.setMessage(field, err)
	}
}

// onScannedIn is a burst of keys ended by Enter in one of the form's
// fields, that reads as a code or a ticket (watchScans): when it is
// someone's badge or ticket, the person was registered after all, and the
// form closes for the desk to check them in; what a person typed before
// the scan stays in the field. Anything else was typed by a person (a name
// typed fast, "Jeanne", reads as a code too): it stays in its field, and
// the Enter is the form's. A name typed in the form never reaches the
// desk. The scan may have a person's keys before it (formScan.codes):
// the longest end of the burst that the store knows is the scan.
func (f *walkInForm) onScannedIn(sc formScan) {
	s := f.s
	codes := sc.codes()
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		code, err := s.firstScanned(ctx, codes)
		return func() {
			switch {
			case err == nil: // someone's: the desk's
				sc.untype(code)
				if !f.closed {
					f.leave()
				}
				s.onScanned(code)
			case f.closed:
			case data.KindOf(err) != data.KindNotFound:
				f.showError(err)
			default:
				f.onTypedEnter(code)
			}
		}
	})
}

// onTypedEnter is Enter after text that read as a code but is nobody's:
// the form's fields at fault are shown; a form without fault is not
// registered on this Enter, which may have been a scanner's (an unknown
// code scanned into a name would register it): the form says so, and the
// next Enter registers.
func (f *walkInForm) onTypedEnter(text string) {
	if _, found := f.problems(); len(found) > 0 {
		f.showProblems(found)
		return
	}
	f.showProblems(map[string]error{"": formNotice(lang.L("“{{.Text}}” is nobody's badge or ticket. Press Enter again to register the walk-in.",
		map[string]any{"Text": text}))})
}
