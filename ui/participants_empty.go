package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// A new congress's participants screen is an empty table: over it, a
// short message says how people come in, with the two ways as buttons.

// buildEmpty is the message shown over the list and the detail while the
// congress has nobody (an empty table and "Choose a participant" say
// nothing then), hidden until showEmpty.
func (s *participantsScreen) buildEmpty() fyne.CanvasObject {
	msg := widget.NewLabel(lang.L("Nobody is registered yet. Import the registrations from a ticketing platform or a form (a CSV or XLSX file), or add people one by one."))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	imp := widget.NewButtonWithIcon(lang.L("Import registrations…"), theme.DownloadIcon(), func() { s.importFile("") })
	imp.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon(lang.L("Add a person…"), theme.ContentAddIcon(), s.newParticipant)
	box := container.NewVBox(keepLastWords(msg), container.NewCenter(container.NewHBox(imp, add)))
	// As wide as a sentence reads well, on the window's background.
	s.empty = container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameBackground)),
		container.NewCenter(container.New(&maxWidthLayout{width: 560}, box)))
	s.empty.Hide()
	return s.empty
}

// showEmpty shows the message over the list, or hides it.
func (s *participantsScreen) showEmpty(show bool) {
	if s.empty == nil || s.empty.Visible() == show {
		return
	}
	if show {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
}

// everyone tells whether the list is the whole congress: no search, no
// filter.
func (s *participantsScreen) everyone() bool {
	q := s.filters.query()
	return q == (data.ParticipantQuery{}) && (s.search == nil || strings.TrimSpace(s.search.Text) == "")
}

// maxWidthLayout lays its objects out one above the other at width (less
// when the space is narrower), as tall as they need.
type maxWidthLayout struct{ width float32 }

func (l *maxWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l *maxWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}
