package ui

import (
	"context"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"congres/data"
)

// planTile is the tile of the stand of that number on the plan.
func planTile(t *testing.T, s *standsScreen, number string) *standTile {
	t.Helper()
	for _, tile := range s.plan.tiles {
		if tile.stand.Number == number {
			return tile
		}
	}
	t.Fatalf("no tile for stand %s", number)
	return nil
}

// dragTileTo drags a tile with the mouse, as the window does, so that its
// centre lands in the middle of cell (x, y) (which may be off the plan),
// and drops it.
func dragTileTo(t *testing.T, s *standsScreen, c fyne.Canvas, tile *standTile, x, y int) {
	t.Helper()
	to := s.plan.layout.cellPos(x, y, s.plan.grid.Size().Width)
	from := tile.Position()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(tile).Add(fyne.NewPos(10, 10))
	test.Drag(c, at, to.X-from.X, to.Y-from.Y)
}

// standPlace is where the file puts the stand of that number.
func standPlace(t *testing.T, st *data.Store, number string) [2]int {
	t.Helper()
	got, ok := standByNumber(t, st, number)
	if !ok {
		t.Fatalf("no stand %s in the file", number)
	}
	return [2]int{got.X, got.Y}
}

func newTestPlan(t *testing.T) (*standsScreen, *data.Store, *env) {
	s, st, e := newTestStands(t, 60)
	s.views.SelectIndex(1)
	return s, st, e
}

// A stand dragged to a free cell is saved there; Undo puts it back.
func TestFloorPlanDragToFreeCell(t *testing.T) {
	s, st, e := newTestPlan(t)
	x, y := firstFree(s.stands) // column 7, row 2
	dragTileTo(t, s, e.win.Canvas(), planTile(t, s, "1"), x, y)
	waitIdle(t, e.tasks)
	if got := standPlace(t, st, "1"); got != [2]int{x, y} {
		t.Fatalf("stand 1 dropped on %d,%d is at %v in the file", x, y, got)
	}
	if got, want := s.moves.feedback.Text, "Stand 1 moved to column 7, row 2."; got != want {
		t.Errorf("the bar says %q, want %q", got, want)
	}
	if tile := planTile(t, s, "1"); tile.Position() != s.plan.layout.cellPos(x, y, s.plan.grid.Size().Width) {
		t.Errorf("the tile of stand 1 is at %v, not on its new cell", tile.Position())
	}
	if !s.moves.undo.Visible() {
		t.Fatal("no Undo after a move")
	}
	test.Tap(s.moves.undo)
	waitIdle(t, e.tasks)
	if got := standPlace(t, st, "1"); got != [2]int{0, 0} {
		t.Errorf("after Undo stand 1 is at %v, want 0,0", got)
	}
	if s.moves.undo.Visible() || s.moves.feedback.Text != "The move was undone." {
		t.Errorf("after Undo: Undo shown %v, the bar says %q", s.moves.undo.Visible(), s.moves.feedback.Text)
	}
}

// While a stand is dragged, its tile follows the pointer over the others
// and the cell under it is outlined; Esc puts it back and the rest of the
// drag does nothing.
func TestFloorPlanDragEscCancels(t *testing.T) {
	s, st, e := newTestPlan(t)
	tile := planTile(t, s, "1")
	from := tile.Position()
	width := s.plan.grid.Size().Width
	to := s.plan.layout.cellPos(3, 1, width)
	tile.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(to.X-from.X+5, to.Y-from.Y+5)})
	if tile.Position() != to.Add(fyne.NewPos(5, 5)) {
		t.Errorf("the tile dragged is at %v, want %v", tile.Position(), to.Add(fyne.NewPos(5, 5)))
	}
	s.plan.grid.Refresh() // the window lays the plan out again, as it does while the mouse moves
	if tile.Position() != to.Add(fyne.NewPos(5, 5)) {
		t.Errorf("the plan laid out again put the tile dragged at %v, away from the pointer", tile.Position())
	}
	target := s.plan.drag.target
	if !target.Visible() || target.Position() != to {
		t.Errorf("the cell under the tile is not outlined: shown %v at %v, want %v", target.Visible(), target.Position(), to)
	}
	if objs := s.plan.grid.Objects; objs[len(objs)-1] != tile {
		t.Error("the tile dragged is not drawn over the others")
	}
	if e.win.Canvas().Focused() != tile {
		t.Fatal("the tile dragged has not the focus: Esc would not reach it")
	}
	e.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // as the window hands a key
	if tile.Position() != from || target.Visible() {
		t.Errorf("after Esc the tile is at %v (want %v), the outline shown: %v", tile.Position(), from, target.Visible())
	}
	tile.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(10, 10)}) // the mouse moves on, then is let go
	tile.DragEnd()
	waitIdle(t, e.tasks)
	if tile.Position() != from {
		t.Errorf("the drag went on after Esc: the tile is at %v", tile.Position())
	}
	if got := standPlace(t, st, "1"); got != [2]int{0, 0} {
		t.Errorf("a cancelled drag moved stand 1 to %v", got)
	}
	if s.moves.feedback.Text != "" {
		t.Errorf("a cancelled drag says %q", s.moves.feedback.Text)
	}
}

// Dropped outside the plan, or on its own cell, a stand goes back.
func TestFloorPlanDropOutsideGoesBack(t *testing.T) {
	s, st, e := newTestPlan(t)
	tile := planTile(t, s, "2")
	from := tile.Position()
	dragTileTo(t, s, e.win.Canvas(), tile, -3, 0)
	waitIdle(t, e.tasks)
	if tile.Position() != from {
		t.Errorf("dropped left of the plan, the tile is at %v, want %v", tile.Position(), from)
	}
	dragTileTo(t, s, e.win.Canvas(), tile, 0, s.plan.layout.rows+2)
	waitIdle(t, e.tasks)
	if got := standPlace(t, st, "2"); got != [2]int{1, 0} {
		t.Errorf("stand 2 dropped outside the plan is at %v in the file", got)
	}
	if tile.Position() != from || s.plan.drag.target.Visible() {
		t.Errorf("dropped below the plan, the tile is at %v, want %v", tile.Position(), from)
	}
}

// A stand dropped on another swaps places with it, in the file; Undo
// (Ctrl+Z on the stands page) swaps them back.
func TestFloorPlanDropOnAStandSwaps(t *testing.T) {
	s, st, e := newTestPlan(t)
	five := standPlace(t, st, "5")
	s.plan.dragged(planTile(t, s, "1"), fyne.NewDelta(0, 0)) // the outline on a stand warns of a swap
	dragTileTo(t, s, e.win.Canvas(), planTile(t, s, "1"), five[0], five[1])
	waitIdle(t, e.tasks)
	if a, b := standPlace(t, st, "1"), standPlace(t, st, "5"); a != five || b != [2]int{0, 0} {
		t.Fatalf("after dropping stand 1 on stand 5: 1 at %v, 5 at %v", a, b)
	}
	if got, want := s.moves.feedback.Text, "Stands 1 and 5 swapped places."; got != want {
		t.Errorf("the bar says %q, want %q", got, want)
	}
	s.moves.onUndoTapped()
	waitIdle(t, e.tasks)
	if a, b := standPlace(t, st, "1"), standPlace(t, st, "5"); a != [2]int{0, 0} || b != five {
		t.Errorf("after Undo: 1 at %v, 5 at %v", a, b)
	}
}

// A cell taken since the plan was shown (by another laptop) refuses the
// stand, with a sentence that says by whom; the stand stays.
func TestFloorPlanDropRefused(t *testing.T) {
	s, st, e := newTestPlan(t)
	x, y := firstFree(s.stands)
	other := data.Stand{Number: "B1", Name: "Bibliothèque", X: x, Y: y}
	if err := st.SaveStand(context.Background(), &other); err != nil {
		t.Fatal(err)
	}
	dragTileTo(t, s, e.win.Canvas(), planTile(t, s, "1"), x, y)
	waitIdle(t, e.tasks)
	if got := standPlace(t, st, "1"); got != [2]int{0, 0} {
		t.Errorf("stand 1 went to %v, on stand B1", got)
	}
	want := "Column 7, row 2 is already taken by stand B1 “Bibliothèque”."
	if got := progDialogText(e.win.Canvas()); !strings.Contains(got, want) {
		t.Errorf("the refusal says %q, want %q", got, want)
	}
	if planTile(t, s, "1").Position() != s.plan.layout.cellPos(0, 0, s.plan.grid.Size().Width) || s.moves.undo.Visible() {
		t.Error("the refused stand is not back in its place, or Undo is offered")
	}
}

// A tile with the focus moves by the arrow keys, within the plan, and
// keeps the focus; Enter opens its form.
func TestFloorPlanArrowKeys(t *testing.T) {
	s, st, e := newTestPlan(t)
	c := e.win.Canvas()
	x, y := firstFree(s.stands) // column 7, row 2; column 7, row 1 holds stand 7
	tile := planTile(t, s, "7")
	c.Focus(tile)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	waitIdle(t, e.tasks)
	if got := standPlace(t, st, "7"); got != [2]int{x, y} {
		t.Fatalf("↓ put stand 7 at %v, want %d,%d", got, x, y)
	}
	moved, ok := c.Focused().(*standTile)
	if !ok || moved.stand.Number != "7" || !moved.focused {
		t.Fatalf("after the move the focus is on %v", c.Focused())
	}
	moved.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // off the plan: nothing
	waitIdle(t, e.tasks)
	if got := standPlace(t, st, "7"); got != [2]int{x, y} {
		t.Errorf("→ at the plan's edge moved stand 7 to %v", got)
	}
	moved.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.form == nil || s.form.stand.Number != "7" {
		t.Error("Enter does not open the stand's form")
	}
}

// A tile dragged to the edge of the plan's view scrolls it, and stays
// under the pointer: a stand goes to a row below the window's edge.
func TestFloorPlanDragScrolls(t *testing.T) {
	s, st, e := newTestPlan(t)
	sc := s.plan.scroll
	if sc.Content.Size().Height <= sc.Size().Height {
		t.Skipf("the plan fits its view (%v in %v)", sc.Content.Size(), sc.Size())
	}
	tile := planTile(t, s, "1")
	bottom := sc.Size().Height - tile.Size().Height/2 // the pointer near the view's bottom edge
	tile.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, bottom-tile.Size().Height/2)})
	for range 40 { // the mouse wiggles at the edge
		tile.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, 0)})
	}
	if sc.Offset.Y <= 0 {
		t.Fatal("the plan did not scroll")
	}
	if inView := tile.Position().Y + theme.Padding() - sc.Offset.Y; inView < sc.Size().Height-2*tile.Size().Height {
		t.Errorf("the tile is %v from the view's top (%v high): not under the pointer", inView, sc.Size().Height)
	}
	x, y, ok := s.plan.cellUnder(tile)
	tile.DragEnd()
	waitIdle(t, e.tasks)
	if !ok || y < 5 {
		t.Fatalf("dropped at %d,%d (%v)", x, y, ok)
	}
	if got := standPlace(t, st, "1"); got != [2]int{x, y} {
		t.Errorf("stand 1 is at %v, want %d,%d (moved there, or swapped)", got, x, y)
	}
}

// A zone keeps its colour when its stands move: stand 1 swapped with
// stand 34, of the last zone, at the bottom, recolours no zone.
func TestFloorPlanZoneColoursStay(t *testing.T) {
	s, _, e := newTestPlan(t)
	before := map[string]color.NRGBA{}
	for _, z := range zonesOf(s.stands) {
		before[z.name] = z.colour
	}
	far := planTile(t, s, "34").stand
	s.onStandMoved(planTile(t, s, "1").stand, far.X, far.Y)
	waitIdle(t, e.tasks)
	if s.moves.feedback.Text != "Stands 1 and 34 swapped places." {
		t.Fatalf("the bar says %q", s.moves.feedback.Text)
	}
	for _, z := range zonesOf(s.stands) {
		if z.colour != before[z.name] {
			t.Errorf("zone %q went from %v to %v", z.name, before[z.name], z.colour)
		}
	}
}

// Ctrl+Z in the window, on the stands page, undoes the last move.
func TestFloorPlanCtrlZUndoesAMove(t *testing.T) {
	u := newTestUI(t)
	u.openAsync(demoFile(t, 60))
	waitIdle(t, &u.tasks)
	s := u.view.show(standsPage).(*standsScreen)
	waitIdle(t, &u.tasks)
	x, y := firstFree(s.stands)
	s.onStandMoved(planTile(t, s, "3").stand, x, y)
	waitIdle(t, &u.tasks)
	place := func() [2]int {
		list, err := u.session().store.Stands(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range list {
			if st.Number == "3" {
				return [2]int{st.X, st.Y}
			}
		}
		t.Fatal("no stand 3")
		return [2]int{}
	}
	if got := place(); got != [2]int{x, y} {
		t.Fatalf("stand 3 is at %v, want %d,%d", got, x, y)
	}
	u.onUndo() // what Ctrl+Z does in the window (addShortcuts)
	waitIdle(t, &u.tasks)
	if got := place(); got != [2]int{2, 0} {
		t.Errorf("after Ctrl+Z stand 3 is at %v, want 2,0", got)
	}
}
