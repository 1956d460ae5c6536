package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// In a narrow window a workshop's title is cut in the fill rates; the
// pointer on its row shows it whole over its bar, and nothing is drawn
// over a title that is whole already (the tester could not read them).
func TestBarChartShowsACutLabelWholeUnderThePointer(t *testing.T) {
	test.NewTempApp(t)
	long := "Nov 25 14:00 · Égalité femmes-hommes dans nos structures d'insertion"
	c := newBarChart(true)
	c.setBars([]bar{{Label: long, Value: 40, Of: 40, Text: "40 / 40 · 11 waiting"}, {Label: "Nov 25 16:00 · AFEST", Value: 7, Of: 80, Text: "7 / 80"}})
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(420, 100))
	r := c.drawn
	if r == nil || r.labels[0].Text == long {
		t.Fatalf("the long title is not cut at 420 px: %q", r.labels[0].Text)
	}
	at := func(row int) fyne.Position {
		return fyne.NewPos(20, float32(row)*chartRowHeight+chartRowHeight/2).Add(c.Position())
	}
	test.MoveMouse(w.Canvas(), at(0))
	if !r.whole.Visible() || r.whole.Text != long || !r.wholeBg.Visible() {
		t.Errorf("the pointer on the cut title: shown %v, %q", r.whole.Visible(), r.whole.Text)
	}
	if r.whole.Position() != r.labels[0].Position() {
		t.Errorf("the whole title is at %v, its row's at %v", r.whole.Position(), r.labels[0].Position())
	}
	test.MoveMouse(w.Canvas(), at(1))
	if r.whole.Visible() {
		t.Errorf("a whole title under the pointer gets %q drawn over it", r.whole.Text)
	}
	test.MoveMouse(w.Canvas(), at(0))
	test.MoveMouse(w.Canvas(), fyne.NewPos(1000, 1000))
	if r.whole.Visible() {
		t.Error("the whole title stays once the pointer left the chart")
	}
}
