package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// The line under the floor plan says what a click does, or, while the
// pointer is over a stand or the keyboard on it, the stand whole: a tile
// cuts a long name ("Fédération des acteurs de la solidari…").

// newPlanStatus is the line under the plan, with its hint.
func newPlanStatus() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	showPlanHint(l)
	return l
}

func showPlanHint(l *widget.Label) {
	l.Importance = widget.LowImportance
	l.SetText(lang.L("Click a stand to edit it, a free place to add one; drag a stand to move it."))
}

// standWhole is a stand as the line under the plan says it:
// "11 · Fédération des acteurs de la solidarité — FAS · Solutions de territoire".
func standWhole(s data.Stand) string {
	text := s.Number + " · " + s.Name
	if s.Organisation != "" && !strings.EqualFold(s.Organisation, s.Name) {
		text += " — " + s.Organisation
	}
	if s.Zone != "" {
		text += " · " + s.Zone
	}
	return text
}

// hover shows st whole under the plan, or the hint again when st is nil.
func (p *floorPlan) hover(st *data.Stand) {
	if p.status == nil {
		return
	}
	if st == nil {
		showPlanHint(p.status)
		return
	}
	p.status.Importance = widget.MediumImportance
	p.status.SetText(standWhole(*st))
}

// MouseIn shows the stand whole under the plan.
func (t *standTile) MouseIn(*desktop.MouseEvent) {
	if t.plan != nil {
		t.plan.hover(&t.stand)
	}
}

func (t *standTile) MouseMoved(*desktop.MouseEvent) {}

// MouseOut shows the hint again, unless the keyboard is on the tile.
func (t *standTile) MouseOut() {
	if t.plan != nil && !t.focused {
		t.plan.hover(nil)
	}
}
