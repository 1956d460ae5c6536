package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// walkInForm registers someone who comes without registration, in a few
// fields, then checks them in and prints their badge in one go.
type walkInForm struct {
	s    *deskScreen
	cats []data.Category
	fees map[int64]int64 // each category's usual fee (data.CategoryFees)
	d    dialog.Dialog

	firstName, lastName, organisation, email *widgets.Entry
	category                                 *widget.Select
	message                                  *widget.Label
	// The fee, and whether (and how) it is paid now, at the desk.
	fee     *widgets.Entry
	paidNow *widget.Check
	method  *widget.Select
	submit  *widget.Button
	// dups warns of people already registered with the same email, or
	// name and organisation, before the walk-in is: a volunteer opens
	// their card and checks them in instead, or saves anyway.
	dups *duplicateWarning
	// Each field's message, under it, and the room it keeps once shown
	// (desk_walkin_check.go); the message of no field is message.
	errs    map[string]*widget.Label
	errRoom map[string]*fyne.Container
	// shownCode is data's code of the message shown under each field: the
	// same fault typed on keeps its words.
	shownCode map[string]string
	fields    map[string]fyne.Focusable
	closed    bool           // the form was closed (registered, cancelled, a scan handed to the desk)
	lastField *widgets.Entry // the text field that had the keyboard last
	// leaving: the form is being closed by the desk (registered, a scan
	// handed over, a duplicate opened), not by Cancel or Esc, which ask
	// before losing what was typed (asking).
	leaving bool
	asking  *dialog.ConfirmDialog
}

// onWalkInTapped opens the walk-in form.
func (s *deskScreen) onWalkInTapped() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		cats, err := s.store.Categories(ctx)
		var fees map[int64]int64
		if err == nil {
			fees, err = s.store.CategoryFees(ctx)
		}
		return func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.walkIn = &walkInForm{s: s, cats: cats, fees: fees}
			s.walkIn.show()
		}
	})
}

func (f *walkInForm) show() {
	f.errs, f.errRoom, f.fields = map[string]*widget.Label{}, map[string]*fyne.Container{}, map[string]fyne.Focusable{}
	f.shownCode = map[string]string{}
	f.firstName, f.lastName = widgets.NewEntry(), widgets.NewEntry()
	f.organisation, f.email = widgets.NewEntry(), widgets.NewEntry()
	var names []string
	for _, c := range f.cats {
		names = append(names, c.Name)
	}
	f.fee = widgets.NewEntry()
	f.fee.SetPlaceHolder(lang.L("e.g. 180 or 180,50"))
	for _, e := range []*widgets.Entry{f.firstName, f.lastName, f.organisation, f.email, f.fee} {
		e.OnFocused = func() { f.lastField = e } // where Keep editing brings the keyboard back
	}
	f.paidNow = widget.NewCheck(lang.L("Paid now"), func(bool) { f.onFieldChanged("fee") })
	f.method = widget.NewSelect(paymentMethodNames(), nil)
	f.method.SetSelectedIndex(slices.Index(data.PaymentMethods, f.s.payment.method))
	f.category = widget.NewSelect(names, func(string) {
		f.onCategoryChanged()
		f.onFieldChanged("category")
	})
	if len(names) > 0 {
		f.category.SetSelectedIndex(0)
	}
	f.message = widget.NewLabel("")
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Hide()
	f.watchFields()     // desk_walkin_check.go
	f.handScansToDesk() // desk_keys.go
	form := widget.NewForm(
		f.item("first_name", lang.L("First name"), f.firstName),
		f.item("last_name", lang.L("Last name"), f.lastName),
		f.item("organisation", lang.L("Organisation"), f.organisation),
		f.item("category", lang.L("Category"), f.category),
		f.item("fee", lang.L("Fee (euros)"), f.fee),
		widget.NewFormItem("", container.NewHBox(f.paidNow, f.method)),
		f.item("email", lang.L("Email"), f.email),
	)
	f.submit = widget.NewButton(lang.L("Check in and print badge"), f.onSubmit)
	f.submit.Importance = widget.HighImportance
	if f.s.badges == nil {
		f.submit.SetText(lang.L("Check in"))
	}
	f.dups = newDuplicateWarning(f.onOpenDuplicate)
	cancel := widget.NewButton(lang.L("Cancel"), func() { f.d.Hide() })
	content := container.NewVBox(f.dups.box, form, f.message, container.NewHBox(cancel, f.submit))
	f.d = dialog.NewCustomWithoutButtons(lang.L("New walk-in"), content, f.s.env.win)
	f.d.SetOnClosed(func() {
		if !f.leaving && f.typed() {
			f.askDiscard()
			return
		}
		f.closed = true
		f.s.focus()
	})
	f.d.Resize(fyne.NewSize(480, 0))
	f.d.Show()
	f.s.env.win.Canvas().Focus(f.firstName)
}

// participant is the walk-in as typed: confirmed, for the day of the desk.
func (f *walkInForm) participant() data.Participant {
	p := data.Participant{FirstName: f.firstName.Text, LastName: f.lastName.Text,
		Organisation: f.organisation.Text, Email: f.email.Text,
		Status: data.StatusConfirmed, Days: []data.Day{f.s.today()}}
	if i := f.category.SelectedIndex(); i >= 0 {
		p.CategoryID = f.cats[i].ID
	}
	return p
}

// onCategoryChanged offers the category's usual fee.
func (f *walkInForm) onCategoryChanged() {
	if i := f.category.SelectedIndex(); i >= 0 && f.fee != nil {
		f.fee.SetText(feeCentsText(f.fees[f.cats[i].ID]))
	}
}

// payment is what the walk-in pays now, if anything: their fee, in full,
// by the method chosen.
func (f *walkInForm) payment() (data.PaymentRequest, bool) {
	i := f.method.SelectedIndex()
	if !f.paidNow.Checked || i < 0 {
		return data.PaymentRequest{}, false
	}
	return data.PaymentRequest{Method: data.PaymentMethods[i], Desk: deskName(f.s.prefs)}, true
}

// onSubmit registers the walk-in, checks them in and prints their badge;
// fields at fault keep the form open, each with its reason under it, and
// someone already registered with their email, or name and organisation,
// whom the form has not shown yet, is shown instead, and nobody is
// registered.
func (f *walkInForm) onSubmit() {
	p, found := f.problems() // desk_walkin_check.go
	if len(found) > 0 {
		f.showProblems(found)
		return
	}
	f.clearProblems()
	pay, paying := f.payment()
	s := f.s
	if s.rehearsal { // practised, not saved: a rehearsal registers nobody (desk_day.go)
		f.leave()
		s.card.setResult(lang.L("Rehearsal: {{.Name}} was not registered — a rehearsal records nobody.",
			map[string]any{"Name": p.FullName()}), widget.WarningImportance)
		s.focus()
		return
	}
	// A walk-in has just been registered for today: only a warning about
	// fees could remain, and the desk takes it.
	w := data.WalkIn{Participant: p, Admit: data.AdmitRequest{Day: s.today(), Desk: deskName(s.prefs),
		Accept: data.DeskWarningKinds}}
	if paying {
		w.Payment = &pay // the whole fee
	}
	seen := f.dups.seenIDs()
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		var r data.AdmitResult
		dups, err := s.store.DuplicatesBeforeSave(ctx, p)
		if err == nil && len(unseenDuplicates(dups, seen)) > 0 {
			return func() { f.showDuplicates(dups) }
		}
		if err == nil { // one transaction: registered, paid and in, or nothing
			r, err = s.store.RegisterWalkIn(ctx, &w)
		}
		return func() {
			if err != nil {
				f.showError(err)
				return
			}
			f.leave()
			s.onAdmitted(r)
			if s.badges != nil {
				s.onPrintBadgeTapped()
			}
		}
	})
}

// showDuplicates lists the people the walk-in may be; the form's button
// becomes "Save anyway".
func (f *walkInForm) showDuplicates(dups []data.Duplicate) {
	f.message.Hide()
	f.dups.show(dups)
	f.submit.SetText(lang.L("Save anyway"))
	f.d.Resize(fyne.NewSize(480, 0)) // laid out again, taller
}

// onOpenDuplicate closes the form without registering anyone and shows the
// person already registered on the desk's card, to check them in.
func (f *walkInForm) onOpenDuplicate(id int64) {
	f.leave()
	f.s.cardAsync(id)
}

// showError shows data's message under the field at fault, or under the
// form when it is no field's.
func (f *walkInForm) showError(err error) {
	f.showProblems(map[string]error{fieldOf(err): err})
}

// leave closes the form for the desk: registered, a scan handed over, a
// duplicate opened. Whatever was typed is not asked about.
func (f *walkInForm) leave() {
	f.leaving = true
	if f.asking != nil {
		f.asking.Hide()
	}
	f.d.Hide()
	f.closed = true
}

// typed reports whether anything was typed into the form's fields.
func (f *walkInForm) typed() bool {
	for _, e := range []*widgets.Entry{f.firstName, f.lastName, f.organisation, f.email} {
		if strings.TrimSpace(e.Text) != "" {
			return true
		}
	}
	return false
}

// askDiscard asks, when Cancel or Esc closed the form after something was
// typed in it, whether to lose it: Keep editing (Enter, Esc) shows the
// form again as it was; Discard closes it. A badge scanned meanwhile
// closes the question and the form (leave), as in the Edit form.
func (f *walkInForm) askDiscard() {
	win := f.s.env.win
	f.asking = askDiscardChanges(win, func() {
		if f.leaving {
			return
		}
		f.asking = nil
		f.d.Show()
		field := fyne.Focusable(f.firstName)
		if f.lastField != nil {
			field = f.lastField
		}
		win.Canvas().Focus(field)
	}, func() {
		if f.leaving {
			return
		}
		f.asking = nil
		f.closed = true
		f.s.focus()
	})
}
