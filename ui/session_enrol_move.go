package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// sessionEnrolMoveStore is what enrolling someone who waits elsewhere at
// that time needs.
type sessionEnrolMoveStore interface {
	WaitsAtTheSameTime(ctx context.Context, participantID, sessionID int64) ([]data.Enrolment, error)
	EnrolLeavingWaitlists(ctx context.Context, participantID, sessionID int64) (data.EnrolmentStatus, error)
}

// enrolAsync enrols someone. When they wait for a place in another
// session at the same time, which is no clash, the organiser is asked
// whether they move there (leaving that waiting list) or keep both.
func (p *sessionPage) enrolAsync(who data.ParticipantRow) {
	name := who.FirstName + " " + who.LastName
	for _, e := range append(append([]data.Enrolment(nil), p.enrolled...), p.waiting...) {
		if e.ParticipantID == who.ID {
			p.setStatus(sessionEnrolmentSentence(name, p.se, e), widget.MediumImportance)
			return
		}
	}
	id := p.id
	p.env.tasks.runAsync(p.env.ctx, func(ctx context.Context) func() {
		waits, err := p.store.WaitsAtTheSameTime(ctx, who.ID, id)
		return func() {
			switch {
			case err != nil:
				p.setStatus(data.Message(err, uiLanguage()), widget.DangerImportance)
			case len(waits) == 0:
				p.enrolNowAsync(who, false)
			default:
				askMoveThere(p.env.win, name, p.se.Title, waits[0], func(move bool) { p.enrolNowAsync(who, move) })
			}
		}
	})
}

// askMoveThere asks whether someone waiting for a place in w's session
// moves to title (leaving that waiting list) or keeps both; Enter moves,
// Esc does nothing.
func askMoveThere(win fyne.Window, name, title string, w data.Enrolment, decided func(move bool)) {
	msg := widget.NewLabel(lang.L("{{.Name}} is on the waiting list of “{{.Other}}” at the same time ({{.Start}} – {{.End}}). Taking a seat in “{{.Title}}” is no clash.",
		map[string]any{"Name": name, "Other": w.SessionTitle, "Start": w.Start.String(), "End": w.End.String(), "Title": title}))
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	answer := func(move bool) func() {
		return func() {
			d.Hide()
			decided(move)
		}
	}
	move := widget.NewButton(lang.L("Move there (leave the waiting list)"), answer(true))
	move.Importance = widget.HighImportance
	keep := widget.NewButton(lang.L("Enrol and stay on the waiting list"), answer(false))
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	keys := newDialogKeys(win, answer(true), func() { d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, keep, move, layout.NewSpacer())
	d = dialog.NewCustomWithoutButtons(lang.L("Enrol {{.Name}}?", map[string]any{"Name": name}),
		container.NewVBox(keys.over(msg), buttons), win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
	keys.take()
}
