package ui

import (
	"fmt"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// rowInView reports whether the participants' table shows row whole in
// its scrolled view: its cells are drawn (the table draws the rows in
// view), and they sit within the view below the header, at the table's
// offset. The cells are in the table's cells widget, which
// test.LaidOutObjects does not go into.
func rowInView(table *rowTable, row int) bool {
	offset := float32(reflect.ValueOf(&table.Table).Elem().FieldByName("offset").FieldByName("Y").Float())
	header := newHeaderLabel().MinSize().Height
	for _, o := range test.LaidOutObjects(table) {
		if fmt.Sprintf("%T", o) != "*widget.tableCells" {
			continue
		}
		for _, c := range test.WidgetRenderer(o.(fyne.Widget)).Objects() {
			if c, ok := c.(*rowCell); ok && c.row == row && c.Visible() {
				y := c.Position().Y - offset
				return y >= -0.5 && y+c.Size().Height <= table.Size().Height-header+0.5
			}
		}
	}
	return false
}

// While nobody is chosen the list takes the whole height, but for the
// detail's line that says to choose someone; once someone is chosen the
// detail gets the room of its enrolment rows (four at most), the list keeps its
// header and three rows at least, and the chosen row stays in view as
// the list shrinks (issue 19: the list showed four rows at 1180×700 and
// half the height stayed empty). At the first window, a 1366×768 laptop
// and a 1024×600 one.
func TestParticipantsListTakesTheHeightUntilSomeoneIsChosen(t *testing.T) {
	for name, size := range map[string]fyne.Size{
		"1180x700": {Width: firstWindowSize.Width, Height: firstWindowSize.Height - deskMenuBar},
		"1366x768": laptopWindow,
		"1024x600": deskWindow,
	} {
		t.Run(name, func(t *testing.T) {
			u := openLaptopDemo(t)
			u.win.Resize(size)
			s := u.view.show(participantsPage).(*participantsScreen)
			waitIdle(t, &u.tasks)
			rowH := newCellLabel().MinSize().Height
			rows := func() int { return int(s.table.table.Size().Height/rowH) - 1 } // less the header
			area := s.splitBox.Size().Height

			before := rows()
			t.Logf("nobody chosen: %d rows in %.0f px", before, area)
			if room := area - 2*rowH; s.table.table.Size().Height < room {
				t.Errorf("nobody chosen, the list gets %.0f px of %.0f: less than all but the detail's line",
					s.table.table.Size().Height, area)
			}
			if before < 8 {
				t.Errorf("nobody chosen, the list shows %d rows", before)
			}

			row := before - 1 // the last row in view: out of it once the list shrinks, but for the scroll
			s.table.table.Select(widget.TableCellID{Row: row, Col: pcolName})
			waitIdle(t, &u.tasks)
			after := rows()
			t.Logf("chosen: %d rows, the detail %.0f px", after, s.detail.content.Size().Height)
			if after < 3 || after >= before {
				t.Errorf("someone chosen, the list shows %d rows (%d before)", after, before)
			}
			want := float32(s.detail.want())
			if got := s.detail.content.Size().Height; got < want-1 && area-want > 4*rowH {
				t.Errorf("the detail gets %.0f px, less than the %.0f it wants", got, want)
			}
			if !rowInView(s.table.table, row) {
				t.Errorf("the chosen row (%d) is out of the list's view", row)
			}
		})
	}
}
