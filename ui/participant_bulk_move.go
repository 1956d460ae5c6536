package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// Enrolling a selection in a session asks, when some of them wait for a
// place in another session at that time, whether they move there (leaving
// those waiting lists) or keep their places on the lists too, as the
// session page asks for one person (session_enrol_move.go).

// onSessionChosen enrols the selection in se, once asked about those who
// wait elsewhere at that time.
func (b *participantBulk) onSessionChosen(ids []int64, se data.Session) {
	b.s.env.tasks.runAsync(b.s.env.ctx, func(ctx context.Context) func() {
		waiting, err := b.s.store.WaitingAtTheSameTime(ctx, se.ID)
		return func() {
			if err != nil {
				showError(b.s.env.win, err)
				return
			}
			chosen := make(map[int64]bool, len(ids))
			for _, id := range ids {
				chosen[id] = true
			}
			n := 0
			for _, id := range waiting {
				if chosen[id] {
					n++
				}
			}
			b.waitingAsked = n
			if n == 0 {
				b.enrolAsync(ids, se, false)
				return
			}
			b.askMoveThere(n, se, func(move bool) { b.enrolAsync(ids, se, move) })
		}
	})
}

// askMoveThere asks whether the n people who wait elsewhere at se's time
// move to se or keep their places on those lists; Enter moves, Esc does
// nothing.
func (b *participantBulk) askMoveThere(n int, se data.Session, decided func(move bool)) {
	win := b.s.env.win
	args := map[string]any{"Count": formatCount(n), "Title": se.Title, "Start": se.Start.String(), "End": se.End.String()}
	msg := widget.NewLabel(lang.N("{{.Count}} of them is on the waiting list of another session at the same time ({{.Start}} – {{.End}}). Taking a seat in “{{.Title}}” is no clash.", n, args))
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	answer := func(move bool) func() {
		return func() {
			d.Hide()
			decided(move)
		}
	}
	move := widget.NewButton(lang.N("Move the {{.Count}} people there (leave the waiting lists)", n, args), answer(true))
	move.Importance = widget.HighImportance
	keep := widget.NewButton(lang.N("Enrol and keep their places on the lists", n, args), answer(false))
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	keys := newDialogKeys(win, answer(true), func() { d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, keep, move, layout.NewSpacer())
	d = dialog.NewCustomWithoutButtons(lang.L("Enrol in a session"), container.NewVBox(keys.over(msg), buttons), win)
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
	keys.take()
}

// movedText ends the results' summary: how many left a waiting list, or
// kept their place on one.
func (b *participantBulk) movedText(move bool, left int) string {
	switch {
	case move && left > 0:
		return " " + lang.N("{{.Count}} left a waiting list at that time.", left, map[string]any{"Count": formatCount(left)})
	case !move && b.waitingAsked > 0:
		return " " + lang.N("{{.Count}} kept their place on a waiting list at that time.", b.waitingAsked, map[string]any{"Count": formatCount(b.waitingAsked)})
	}
	return ""
}

// leftWaitlistsText says which waiting lists someone left.
func leftWaitlistsText(left []data.Enrolment) string {
	titles := make([]string, len(left))
	for i, e := range left {
		titles[i] = e.SessionTitle
	}
	return lang.L("left the waiting list of “{{.Titles}}”", map[string]any{"Titles": strings.Join(titles, "”, “")})
}
