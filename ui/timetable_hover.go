package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// hoverArea holds content and tells text while the pointer is over it
// (and "" when it leaves): the timetable shows a room's or a session's
// whole name under the grid, where it may be cut.
type hoverArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	text    string
	onHover func(text string)
}

func newHoverArea(content fyne.CanvasObject, text string, onHover func(string)) *hoverArea {
	h := &hoverArea{content: content, text: text, onHover: onHover}
	h.ExtendBaseWidget(h)
	return h
}

func (h *hoverArea) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(h.content) }

func (h *hoverArea) MouseIn(*desktop.MouseEvent) { h.onHover(h.text) }

func (h *hoverArea) MouseMoved(*desktop.MouseEvent) {}

func (h *hoverArea) MouseOut() { h.onHover("") }
