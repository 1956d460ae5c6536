package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// serverEvents is what a congress on a server tells the window: the other
// laptops' changes, and the server lost and back (data.Store's watcher). A
// file tells nothing.
type serverEvents interface {
	Subscribe(fn func(data.ServerEvent)) (cancel func())
	ServerLostNow() bool
}

// serverLostBanner is the banner shown across the window while the
// congress's server does not answer.
func serverLostBanner() fyne.CanvasObject {
	text := widget.NewRichText(&widget.TextSegment{
		Text: lang.L("The server does not answer. Congrès reconnects by itself. The welcome desk's check-ins are kept on this laptop and sent when it is back; other changes wait for it."),
		Style: widget.RichTextStyle{ColorName: theme.ColorNameForegroundOnError,
			TextStyle: fyne.TextStyle{Bold: true}}})
	text.Wrapping = fyne.TextWrapWord
	return container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameError)),
		container.NewPadded(container.New(atLeastWide(480), text)))
}

// watchServer shows the banner while the server of st is lost, for as long
// as the session s lasts. UI thread.
func (u *ui) watchServer(s *session, st openStore) {
	ev, ok := st.(serverEvents)
	if !ok {
		return
	}
	cancel := ev.Subscribe(func(e data.ServerEvent) {
		if e == data.ServerChanged {
			return
		}
		fyne.Do(func() {
			if u.session() == s {
				u.showBanner(st)
			}
		})
	})
	go func() {
		<-s.ctx.Done()
		cancel()
	}()
}

// serverLost says the server of st was last found out of reach.
func serverLost(st openCongress) bool {
	ev, ok := st.(serverEvents)
	return ok && ev.ServerLostNow()
}
