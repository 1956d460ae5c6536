package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// enter presses Enter in e, as the keyboard does.
func enter(e fyne.Focusable) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

// TestSmallFormsSaveOnEnter: Enter in a field of New room and of New list
// saves, as Save does; a room's capacity of 1,500 reads "1,500" in the
// rooms' table ("1 500" in French).
func TestSmallFormsSaveOnEnter(t *testing.T) {
	for _, c := range []struct{ language, want string }{{"en", "1,500"}, {"fr", "1\u00a0500"}} {
		t.Run("Room/"+c.language, func(t *testing.T) {
			if c.language == "fr" {
				inFrench(t)
			}
			s, st, e, _ := newTestSettings(t)
			rs := s.rooms
			rs.onAddTapped()
			test.Type(rs.form.name, "Salle Lille")
			test.Type(rs.form.capacity, "1500")
			enter(rs.form.capacity)
			waitIdle(t, e.tasks)
			rooms, _ := st.Rooms(context.Background())
			i := slices.IndexFunc(rooms, func(r data.Room) bool { return r.Name == "Salle Lille" })
			if i < 0 || rooms[i].Capacity != 1500 {
				t.Fatalf("Enter did not save the room: %+v", rooms)
			}
			if top := e.win.Canvas().Overlays().Top(); top != nil {
				t.Errorf("the form is still open")
			}
			rs.loadAsync()
			waitIdle(t, e.tasks)
			var row []string
			for _, r := range rs.table.rows {
				if r[0] == "Salle Lille" {
					row = r
				}
			}
			if row == nil || row[1] != c.want {
				t.Errorf("the rooms' table shows %q, want the capacity %q", row, c.want)
			}
		})
	}
	t.Run("List", func(t *testing.T) {
		st, e, s, _ := newExportsTest(t, 10)
		s.lists.onNewTapped()
		f := s.lists.form
		test.Type(f.name, "Traiteur")
		enter(f.name)
		waitIdle(t, e.tasks)
		if p, err := st.ListPreset(context.Background(), "Traiteur"); err != nil || len(p.Columns) == 0 {
			t.Fatalf("Enter did not save the list: %+v, %v", p, err)
		}
		if top := e.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("the form is still open")
		}
	})
}
