package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// exportsScreen will make the congress's documents; for now it says which.
type exportsScreen struct{}

func newExportsScreen() *exportsScreen { return &exportsScreen{} }

func (s *exportsScreen) build() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("Exports will come in a later version:"))
	intro.TextStyle.Bold = true
	items := []string{
		lang.L("Badges, ready to print (PDF)"),
		lang.L("Sign-in sheets for each day and session (PDF)"),
		lang.L("Certificates of attendance (PDF)"),
		lang.L("The participant list as a workbook (XLSX) or CSV"),
		lang.L("The programme with its enrolments (XLSX)"),
	}
	box := container.NewVBox(intro)
	for _, it := range items {
		l := widget.NewLabel("• " + it)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return container.NewVScroll(box)
}

// loadAsync has nothing to read yet.
func (s *exportsScreen) loadAsync() {}
