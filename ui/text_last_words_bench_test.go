package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// BenchmarkLastWordsWidth: the width of the longest hint (the sign-in
// sheets', in French) at every width from 300 to 1000 px, as while the
// window is resized, its words measured once; the result per width.
func BenchmarkLastWordsWidth(b *testing.B) {
	test.NewTempApp(b)
	if err := loadTranslations("fr"); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { loadTranslations("en") })
	l := widget.NewLabel(lang.L("Each sheet has the congress, its title, date, time slot and place, the speakers and facilitators with a box each to sign, the names in alphabetical order with their organisation and a box to sign in, then blank lines for walk-ins; the last page has the number expected and boxes for the number present and the signature of the person in charge; its pages are numbered. A day's sheet is signed per half-day."))
	l.Wrapping = fyne.TextWrapWord
	k := &lastWordsLayout{label: l} // as keepLastWords lays it out
	b.ResetTimer()
	n := 0
	for b.Loop() {
		k.words = nil // measured anew, as at a page's first visit
		for w := float32(300); w <= 1000; w++ {
			k.widthFor(w)
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n), "µs/width")
}
