package ui

import "fyne.io/fyne/v2/widget"

// clearStatus takes away the line under the search field once what it
// said is old news: the next scan's result is in the banner, or the desk
// now records something else (another day, the rehearsal, a door). A
// search's hint stays while its text is in the field.
func (s *deskScreen) clearStatus() {
	if s.status == nil || s.status.Text == "" || s.entry.Text != "" {
		return
	}
	s.setStatus("", widget.MediumImportance)
}
