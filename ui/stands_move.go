package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// A stand dropped on a free cell of the plan moves there, saved as the
// form saves it (same checks); dropped on another stand, the two swap
// places, as an organiser rearranging the hall expects. Either is said
// in the bar, with Undo (also Ctrl+Z), which puts the stands back.

// standMove is a move that Undo can take back.
type standMove struct {
	stand        int64 // the stand moved
	other        int64 // the stand it swapped places with; 0: none
	fromX, fromY int   // where the stand was
}

// standMoves says what the last move did and undoes it.
type standMoves struct {
	s        *standsScreen
	feedback *widget.Label
	undo     *widget.Button
	last     *standMove // nil: nothing to undo; UI thread only
}

func newStandMoves(s *standsScreen) *standMoves {
	m := &standMoves{s: s, feedback: widget.NewLabel("")}
	m.feedback.Importance = widget.SuccessImportance
	m.feedback.Hide()
	m.undo = widget.NewButtonWithIcon(lang.L("Undo (Ctrl+Z)"), theme.ContentUndoIcon(), m.onUndoTapped)
	m.undo.Hide()
	return m
}

// onStandMoved moves st to cell (x, y), or swaps it with the stand there.
func (s *standsScreen) onStandMoved(st data.Stand, x, y int) {
	for _, o := range s.stands {
		if o.X == x && o.Y == y && o.ID != st.ID {
			s.moves.swapAsync(st, o, false)
			return
		}
	}
	s.moves.moveAsync(st, x, y, false)
}

// moveAsync saves st at cell (x, y). undoing: it takes a move back.
func (m *standMoves) moveAsync(st data.Stand, x, y int, undoing bool) {
	move := standMove{stand: st.ID, fromX: st.X, fromY: st.Y}
	st.X, st.Y = x, y
	m.s.env.tasks.runAsync(m.s.env.ctx, func(ctx context.Context) func() {
		err := m.s.store.SaveStand(ctx, &st)
		taken := ""
		if errors.Is(err, data.ErrPositionTaken) { // since the plan was shown: say by whom, as the form does
			if all, lerr := m.s.store.Stands(ctx); lerr == nil {
				for _, o := range all {
					if o.X == x && o.Y == y && o.ID != st.ID {
						taken = lang.L("Column {{.X}}, row {{.Y}} is already taken by stand {{.Number}} “{{.Name}}”.",
							map[string]any{"X": x + 1, "Y": y + 1, "Number": o.Number, "Name": o.Name})
					}
				}
			}
		}
		return func() {
			if taken != "" {
				showProblem(m.s.env.win, taken)
				m.s.readAsync(false)
				return
			}
			m.done(err, undoing, &move, lang.L("Stand {{.Number}} moved to column {{.X}}, row {{.Y}}.",
				map[string]any{"Number": st.Number, "X": x + 1, "Y": y + 1}))
		}
	})
}

// swapAsync swaps the places of a and b.
func (m *standMoves) swapAsync(a, b data.Stand, undoing bool) {
	move := standMove{stand: a.ID, other: b.ID, fromX: a.X, fromY: a.Y}
	m.s.env.tasks.runAsync(m.s.env.ctx, func(ctx context.Context) func() {
		err := m.s.store.SwapStands(ctx, a.ID, b.ID)
		return func() {
			m.done(err, undoing, &move, lang.L("Stands {{.A}} and {{.B}} swapped places.",
				map[string]any{"A": a.Number, "B": b.Number}))
		}
	})
}

// done says how a move went, and shows the plan again (a refused stand
// goes back to its place).
func (m *standMoves) done(err error, undoing bool, move *standMove, said string) {
	switch {
	case err != nil:
		showError(m.s.env.win, err)
	case undoing:
		m.last = nil
		m.say(lang.L("The move was undone."), false)
	default:
		m.last = move
		m.say(said, true)
	}
	m.s.readAsync(false)
}

// say shows what the last move did, with Undo when it can be undone.
func (m *standMoves) say(text string, undoable bool) {
	m.feedback.SetText(text)
	showIf(m.feedback, text != "")
	showIf(m.undo, undoable)
	m.s.top.Refresh() // lay the bar out again
}

// onUndoTapped puts the stands of the last move back (Undo, Ctrl+Z).
func (m *standMoves) onUndoTapped() {
	last := m.last
	if last == nil {
		return
	}
	m.last = nil // once
	m.say("", false)
	var st, other data.Stand
	for _, o := range m.s.stands { // as they are now
		switch o.ID {
		case last.stand:
			st = o
		case last.other:
			other = o
		}
	}
	switch {
	case st.ID == 0 || (last.other != 0 && other.ID == 0):
		m.s.readAsync(false) // deleted since: nothing to put back
	case last.other != 0:
		m.swapAsync(st, other, true)
	default:
		m.moveAsync(st, last.fromX, last.fromY, true)
	}
}
