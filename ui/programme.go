package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// programmeStore is what the programme screen reads.
type programmeStore interface {
	Sessions(ctx context.Context) ([]data.Session, error)
}

// programmeRow is one line of the programme: a day's heading, or a session.
type programmeRow struct {
	heading string // the day, on a heading line; empty on a session line
	cells   [5]string
}

// programmeScreen lists the sessions day by day.
type programmeScreen struct {
	env   *env
	store programmeStore

	count *widget.Label
	empty *widget.Label
	list  *widget.List
	rows  []programmeRow // UI thread only
}

// programmeColumns are the widths of time, title, kind, room and places;
// the title takes what is left.
var programmeColumns = &columns{widths: []float32{120, 0, 110, 180, 200}, flex: 1}

func newProgrammeScreen(e *env, st programmeStore) *programmeScreen {
	return &programmeScreen{env: e, store: st}
}

func (s *programmeScreen) build() fyne.CanvasObject {
	s.count = widget.NewLabel("")
	s.empty = widget.NewLabel(lang.L("No session yet."))
	s.empty.Hide()
	s.list = widget.NewList(func() int { return len(s.rows) }, s.createItem, s.updateItem)
	s.list.HideSeparators = true
	return container.NewBorder(s.count, nil, nil, nil, container.NewStack(s.list, s.empty))
}

func (s *programmeScreen) createItem() fyne.CanvasObject {
	heading := widget.NewLabel("")
	heading.TextStyle.Bold = true
	cells := make([]fyne.CanvasObject, 5)
	for i := range cells {
		cells[i] = newCellLabel()
	}
	return container.NewStack(heading, container.New(programmeColumns, cells...))
}

func (s *programmeScreen) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	r := s.rows[id]
	stack := o.(*fyne.Container)
	heading, line := stack.Objects[0].(*widget.Label), stack.Objects[1].(*fyne.Container)
	heading.SetText(r.heading)
	showIf(heading, r.heading != "")
	showIf(line, r.heading == "")
	for i, c := range line.Objects {
		c.(*widget.Label).SetText(r.cells[i])
	}
}

// loadAsync reads the programme and shows it.
func (s *programmeScreen) loadAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		sessions, err := s.store.Sessions(ctx)
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		rows := formatProgramme(sessions)
		return func() {
			s.rows = rows
			s.list.Refresh()
			s.count.SetText(lang.N("{{.Count}} sessions", len(sessions), map[string]any{"Count": len(sessions)}))
			showIf(s.empty, len(sessions) == 0)
		}
	})
}

// formatProgramme writes the sessions, in time order, under their day.
func formatProgramme(sessions []data.Session) []programmeRow {
	var rows []programmeRow
	var day data.Day
	for _, se := range sessions {
		if se.Day != day || len(rows) == 0 {
			day = se.Day
			rows = append(rows, programmeRow{heading: dayLong(day)})
		}
		places := fmt.Sprint(se.Enrolled)
		if se.EffectiveCapacity > 0 {
			places += " / " + fmt.Sprint(se.EffectiveCapacity)
		}
		if se.Waitlisted > 0 {
			places += " " + lang.L("(+{{.N}} waiting)", map[string]any{"N": se.Waitlisted})
		}
		room := se.RoomName
		if room == "" {
			room = lang.L("No room yet")
		}
		rows = append(rows, programmeRow{cells: [5]string{
			se.Start.String() + " – " + se.End.String(), se.Title, kindLabel(se.Kind), room, places,
		}})
	}
	return rows
}
