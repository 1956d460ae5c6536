package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// A session dragged on the timetable moves there once the store accepts it
// (room free, people free) and, when its people would not fit the new
// room, once the organiser says so, as giving a place above capacity asks.
// The line under the grid then says where it went, with an Undo (also
// Ctrl+Z) that puts it back, as the floor plan does for a stand.

// programmeMove is the last move made by a drag, which Undo takes back.
type programmeMove struct {
	before, after data.Session
	text          string // what the line under the grid says of it
}

// onSessionMovedAsync saves a session dragged to another room or time;
// the store refuses a booked room or a speaker elsewhere, and the
// timetable is read again either way (a refused block goes back).
func (s *programmeScreen) onSessionMovedAsync(se data.Session) {
	// A refusal (room taken, a speaker elsewhere…) comes before any question.
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		err := s.store.CheckSession(ctx, se)
		return func() {
			if err != nil {
				s.timetable.shown = "" // the block goes back
				showError(s.env.win, err)
				s.loadAsync()
				return
			}
			s.askAndMove(se)
		}
	})
}

// askAndMove moves se once the organiser agreed to put it over a plenary
// and to go above capacity, if it comes to that.
func (s *programmeScreen) askAndMove(se data.Session) {
	before := s.sessionByID(se.ID)
	goBack := func() {
		s.timetable.shown = "" // the block goes back
		s.timetable.show(s.rooms, s.daySessions(), s.expected)
	}
	confirmPlenaryOverlap(s.env.win, before, se, s.sessions, lang.L("Move anyway?"), func(ok bool) {
		if !ok {
			goBack()
			return
		}
		confirmRoomCapacity(s.env.win, before, se, s.roomByID(se.RoomID), lang.L("Move anyway, above capacity?"), func(ok bool) {
			if !ok {
				goBack()
				return
			}
			s.saveMoveAsync(before, se, false)
		})
	})
}

// confirmPlenaryOverlap asks, when se (before: as it was) would newly be
// at the time of a plenary of programme (data.OverlapsPlenary), whether to
// go on (question: "Move anyway?"); decided(true) goes on at once
// otherwise.
func confirmPlenaryOverlap(win fyne.Window, before, se data.Session, programme []data.Session, question string, decided func(ok bool)) {
	p, ok := data.OverlapsPlenary(before, se, programme)
	if !ok {
		decided(true)
		return
	}
	msg := lang.L("“{{.Title}}” overlaps the plenary “{{.Plenary}}” ({{.Times}}) that everyone is expected at.",
		map[string]any{"Title": se.Title, "Plenary": p.Title, "Times": sessionTimes(p)})
	askConfirm(win, lang.L("Over a plenary?"), msg+"\n"+question, decided)
}

// saveMoveAsync saves se (moved from before); undo tells that it takes a
// move back.
func (s *programmeScreen) saveMoveAsync(before, se data.Session, undo bool) {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		err := s.store.SaveSession(ctx, &se)
		return func() {
			s.timetable.shown = "" // the block dropped is drawn again, moved or back
			switch {
			case err != nil:
				showError(s.env.win, err)
			case undo:
				s.lastMove = nil
				s.setMoveStatus(lang.L("The move was undone: {{.Where}}.", map[string]any{"Where": s.sessionWhere(se)}))
			default:
				s.lastMove = &programmeMove{before: before, after: se,
					text: lang.L("Moved to {{.Where}}: “{{.Title}}”.", map[string]any{"Title": se.Title, "Where": s.sessionWhere(se)})}
				s.setMoveStatus(s.lastMove.text)
			}
			s.loadAsync()
		}
	})
}

// setMoveStatus says what a move did, in the line under the grid, and
// shows Undo while there is a move to take back.
func (s *programmeScreen) setMoveStatus(text string) {
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(text)
	showIf(s.undoMove, s.lastMove != nil)
}

// onUndoMoveTapped puts the session last dragged back where it was.
func (s *programmeScreen) onUndoMoveTapped() {
	if s.lastMove == nil {
		return
	}
	m := *s.lastMove
	back := m.before
	back.Title, back.Speakers, back.Facilitators = m.after.Title, m.after.Speakers, m.after.Facilitators
	s.saveMoveAsync(m.after, back, true)
}

// newUndoMoveButton is the Undo of the line under the grid, hidden until a
// move.
func (s *programmeScreen) newUndoMoveButton() *widget.Button {
	s.undoMove = widget.NewButtonWithIcon(lang.L("Undo (Ctrl+Z)"), theme.ContentUndoIcon(), s.onUndoMoveTapped)
	s.undoMove.Importance = widget.LowImportance
	s.undoMove.Hide()
	return s.undoMove
}

// sessionWhere says when and where a session is on its day (a drag keeps
// the day): "11:00 – 12:00, Salle Boulonnais".
func (s *programmeScreen) sessionWhere(se data.Session) string {
	where := sessionTimes(se)
	if r := s.roomByID(se.RoomID); r != nil {
		where += ", " + r.Name
	}
	return where
}

func (s *programmeScreen) sessionByID(id int64) data.Session {
	for _, se := range s.sessions {
		if se.ID == id {
			return se
		}
	}
	return data.Session{ID: id}
}

func (s *programmeScreen) roomByID(id int64) *data.Room {
	for i := range s.rooms {
		if s.rooms[i].ID == id {
			return &s.rooms[i]
		}
	}
	return nil
}

// confirmRoomCapacity asks, when the people enrolled in before would not
// fit se (moved to room r, or given fewer places), whether to go on
// (question: "Move anyway, above capacity?"); decided(true) goes on at
// once when they fit, or when they did not fit before either.
func confirmRoomCapacity(win fyne.Window, before, se data.Session, r *data.Room, question string, decided func(ok bool)) {
	capacity := se.CapacityIn(r)
	n := before.Enrolled
	if capacity == 0 || n <= capacity || (before.EffectiveCapacity > 0 && capacity >= before.EffectiveCapacity) {
		decided(true)
		return
	}
	args := map[string]any{"Count": formatCount(n), "Capacity": formatCount(capacity), "Title": se.Title}
	var msg string
	if se.Capacity == 0 && r != nil {
		// English names the room as it is ("the room “Salle Artois”");
		// French drops its leading "Salle" ("la salle Artois").
		args["Room"], args["RoomInSentence"] = r.Name, r.InSentence()
		msg = lang.L("{{.Count}} people are enrolled in “{{.Title}}”; the room “{{.Room}}” holds {{.Capacity}}.", args)
	} else {
		msg = lang.L("{{.Count}} people are enrolled in “{{.Title}}”, more than its {{.Capacity}} places.", args)
	}
	askConfirm(win, lang.L("Above capacity?"), msg+"\n"+question, decided)
}
