package ui

import (
	"errors"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// serverUnreachable says err is the congress's server not answering.
func serverUnreachable(err error) bool { return errors.Is(err, data.ErrServerUnreachable) }

// deskError shows what went wrong with a scan, a search, a card or an undo.
// When the server does not answer, the desk says so on its result line and
// not in a dialog, which would take the next scans' keystrokes; action says
// something was to be recorded (a scan, an undo): the line then says that
// it was not, and the card empties, so that nobody reads the previous
// person's card as this scan's. UI thread only.
func (s *deskScreen) deskError(err error, action bool) {
	if !serverUnreachable(err) {
		showError(s.env.win, err)
		return
	}
	msg := data.Message(err, uiLanguage())
	if action {
		s.showCard(nil, false)
		msg = notRecorded(err)
	}
	s.card.setResult(msg, widget.DangerImportance)
	s.focus()
}

// notRecorded is why an action was not recorded: err's sentence, and, when
// the server does not answer, that it is to be done again.
func notRecorded(err error) string {
	msg := data.Message(err, uiLanguage())
	if serverUnreachable(err) {
		msg += " " + lang.L("This was not recorded: do it again when the server answers.")
	}
	return msg
}
