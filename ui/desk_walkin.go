package ui

import (
	"context"

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
	d    dialog.Dialog

	firstName, lastName, organisation, email *widgets.Entry
	category                                 *widget.Select
	message                                  *widget.Label
}

// onWalkInTapped opens the walk-in form.
func (s *deskScreen) onWalkInTapped() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		cats, err := s.store.Categories(ctx)
		return func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.walkIn = &walkInForm{s: s, cats: cats}
			s.walkIn.show()
		}
	})
}

func (f *walkInForm) show() {
	f.firstName, f.lastName = widgets.NewEntry(), widgets.NewEntry()
	f.organisation, f.email = widgets.NewEntry(), widgets.NewEntry()
	var names []string
	for _, c := range f.cats {
		names = append(names, c.Name)
	}
	f.category = widget.NewSelect(names, nil)
	if len(names) > 0 {
		f.category.SetSelectedIndex(0)
	}
	f.message = widget.NewLabel("")
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.message.Hide()
	f.lastName.OnSubmitted = func(string) { f.onSubmit() }
	f.email.OnSubmitted = func(string) { f.onSubmit() }
	form := widget.NewForm(
		widget.NewFormItem(lang.L("First name"), f.firstName),
		widget.NewFormItem(lang.L("Last name"), f.lastName),
		widget.NewFormItem(lang.L("Organisation"), f.organisation),
		widget.NewFormItem(lang.L("Category"), f.category),
		widget.NewFormItem(lang.L("Email"), f.email),
	)
	submit := widget.NewButton(lang.L("Check in and print badge"), f.onSubmit)
	submit.Importance = widget.HighImportance
	if f.s.badges == nil {
		submit.SetText(lang.L("Check in"))
	}
	cancel := widget.NewButton(lang.L("Cancel"), func() { f.d.Hide() })
	content := container.NewVBox(form, f.message, container.NewHBox(cancel, submit))
	f.d = dialog.NewCustomWithoutButtons(lang.L("New walk-in"), content, f.s.env.win)
	f.d.SetOnClosed(f.s.focus)
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

// onSubmit registers the walk-in, checks them in and prints their badge;
// a field at fault keeps the form open with the reason.
func (f *walkInForm) onSubmit() {
	p := f.participant()
	if err := p.Validate(); err != nil {
		f.showError(err)
		return
	}
	s := f.s
	req := data.AdmitRequest{Day: s.today(), Desk: deskName(s.prefs)}
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		var r data.AdmitResult
		err := s.store.CreateParticipant(ctx, &p)
		if err == nil {
			req.ParticipantID = p.ID
			// A walk-in has just been registered for today: only a
			// warning about fees could remain, and the desk takes it.
			req.Accept = data.DeskWarningKinds
			r, err = s.store.Admit(ctx, req)
		}
		return func() {
			if err != nil {
				f.showError(err)
				return
			}
			f.d.Hide()
			s.onAdmitted(r)
			if s.badges != nil {
				s.onPrintBadgeTapped()
			}
		}
	})
}

func (f *walkInForm) showError(err error) {
	f.message.SetText(data.Message(err, uiLanguage()))
	f.message.Show()
}
