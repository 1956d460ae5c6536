package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// exportsScreen makes the congress's documents: badges for now, and says
// which come later.
type exportsScreen struct {
	badges *badgeExport
}

func newExportsScreen(badges *badgeExport) *exportsScreen {
	return &exportsScreen{badges: badges}
}

func (s *exportsScreen) build() fyne.CanvasObject {
	later := widget.NewLabel(lang.L("Coming in a later version:"))
	later.TextStyle.Bold = true
	box := container.NewVBox(widget.NewSeparator(), later)
	for _, it := range []string{
		lang.L("Sign-in sheets for each day and session (PDF)"),
		lang.L("Certificates of attendance (PDF)"),
		lang.L("The participant list as a workbook (XLSX) or CSV"),
		lang.L("The programme with its enrolments (XLSX)"),
	} {
		l := widget.NewLabel("• " + it)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return s.badges.build(box)
}

// loadAsync shows the badges as they now are.
func (s *exportsScreen) loadAsync() { s.badges.refreshAsync() }
