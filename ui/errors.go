package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"

	"congres/data"
)

// showError tells the user what went wrong, in their language: the
// sentence data gives for its own errors, "internal error" (and a log line)
// for any other. It may be called from any goroutine. Work cancelled because
// its file was closed is not an error to show.
func showError(win fyne.Window, err error) {
	if err == nil || errors.Is(err, context.Canceled) {
		return
	}
	msg := data.Message(err, uiLanguage())
	fyne.Do(func() { showProblem(win, msg) }) // Enter or Esc closes it
}
