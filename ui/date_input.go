package ui

import (
	"time"

	"fyne.io/fyne/v2/widget"
)

// dateEntryExample is a date as fyne's date entry writes it, in the
// locale's format (31/12/2026, 12/31/2026…): the placeholder that shows
// how to type one.
func dateEntryExample() string {
	probe := widget.NewDateEntry()
	d := time.Date(2026, 12, 31, 0, 0, 0, 0, time.Local) // fixed: the screen looks the same every year
	probe.SetDate(&d)
	return probe.Text
}
