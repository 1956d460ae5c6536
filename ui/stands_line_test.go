package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// TestStandsListShowsTheStandWhole (issue 19): at 1366 px the stands
// list cuts the longest names; the line under the list gives the stand
// under the pointer, or the one the keyboard is on, whole (number, name,
// organisation, zone, contact), and its hint once neither is on one.
func TestStandsListShowsTheStandWhole(t *testing.T) {
	s, _, e := newTestStands(t, 60)
	e.win.Resize(fyne.NewSize(1366-220, 768-60)) // beside the screens' column, under the title bar
	long := 0
	for i, st := range s.stands {
		if len(st.Name) > len(s.stands[long].Name) {
			long = i
		}
	}
	st := s.stands[long]
	nameWidth := fyne.MeasureText(st.Name, 14, fyne.TextStyle{}).Width
	s.table.table.ScrollTo(widget.TableCellID{Row: long, Col: 1})
	var cell *standCell
	for _, o := range shownObjects(s.table.table) {
		if c, ok := o.(*standCell); ok && c.Text != "" && strings.HasPrefix(st.Name, strings.TrimSuffix(c.Text, "…")) && c.row == long {
			cell = c
		}
	}
	if cell == nil {
		t.Fatalf("stand %s (%q) is not in sight", st.Number, st.Name)
	}
	if cell.Size().Width >= nameWidth {
		t.Logf("the name column (%.0f px) holds %q (%.0f px) whole", cell.Size().Width, st.Name, nameWidth)
	}
	hint := s.line.Text
	wants := []string{st.Number + " · ", st.Name, st.Organisation, st.Zone, s.names[st.ContactID]}

	cell.MouseIn(&desktop.MouseEvent{})
	for _, want := range wants {
		if !strings.Contains(s.line.Text, want) {
			t.Errorf("pointer over stand %s: the line reads %q, lacks %q", st.Number, s.line.Text, want)
		}
	}
	for _, o := range shownObjects(s.line) { // drawn whole, not cut
		if tx, ok := o.(*canvas.Text); ok && tx.Text != s.line.Text {
			t.Errorf("the line is cut: %q", tx.Text)
		}
	}
	cell.MouseOut()
	if s.line.Text != hint || s.line.Importance != widget.LowImportance {
		t.Errorf("the pointer left: %q, want the hint %q", s.line.Text, hint)
	}

	// The keyboard: into the list, ↓ twice.
	e.win.Canvas().Focus(s.table.table)
	if !strings.HasPrefix(s.line.Text, s.stands[0].Number+" · "+s.stands[0].Name) {
		t.Errorf("the keyboard on the list: %q, want the first stand", s.line.Text)
	}
	s.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if want := s.stands[2].Number + " · " + s.stands[2].Name; !strings.HasPrefix(s.line.Text, want) {
		t.Errorf("↓ ↓: %q, want %q first", s.line.Text, want)
	}
	e.win.Canvas().Unfocus()
	if s.line.Text != hint {
		t.Errorf("the keyboard left: %q", s.line.Text)
	}
}
