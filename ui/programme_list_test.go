package ui

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"congres/data"
)

// The list's places column is as wide as its widest value, and a cut
// title shows whole under the list while the pointer is over it; on a
// session's page, a cut name shows whole under the lists (issue 19).
func TestProgrammeListShowsWholeValues(t *testing.T) {
	f := newProgFixture(t)
	s, _ := newProgScreen(t, f.st)
	test.Tap(s.viewTabs.buttons[1])
	s.expected = map[data.Day]int{progDay1: 43591}
	s.rows = formatProgramme(s.sessions, s.expected)
	s.fitPlacesColumn()
	widest := fyne.MeasureText("≈ 43,591 / 500", theme.TextSize(), fyne.TextStyle{}).Width
	if got := s.columns.widths[programmePlacesColumn]; got < widest+2*theme.InnerPadding() {
		t.Errorf("the places column is %v wide, narrower than ≈ 43,591 / 500 (%v)", got, widest)
	}
	s.list.Refresh()
	title := "Ouverture du congrès : l'insertion, une force pour les territoires"
	var hovered bool
	for _, h := range ptFind[*hoverArea](s.list) {
		if strings.HasPrefix(h.text, title) {
			h.MouseIn(nil)
			hovered = true
			break
		}
	}
	if !hovered || !strings.Contains(s.listStatus.Text, title) {
		t.Errorf("pointer over the plenary's title: the line under the list reads %q", s.listStatus.Text)
	}

	_, p, e2 := openProgPage(t, f, "Atelier A")
	f.enrol(t, "Atelier A", "Turing")
	p.loadAsync()
	waitIdle(t, e2.tasks)
	p.enrolledList.Refresh()
	areas := ptFind[*hoverArea](p.enrolledList)
	if len(areas) == 0 {
		t.Fatal("the enrolled names have no hover")
	}
	areas[0].MouseIn(nil)
	if p.hoverLine.Text != "Alan Turing — Société Turing" {
		t.Errorf("pointer over a name: the line under the lists reads %q", p.hoverLine.Text)
	}
}

// TestProgrammeDayHeadingsOneStyle (issue 19): a day's heading in the
// list and its button start with a capital and name the day alike, in
// both languages; "jeudi 25/11/2021" stood under a "Jeudi 25/11" button.
func TestProgrammeDayHeadingsOneStyle(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			if language == "fr" {
				inFrench(t)
			}
			f := newProgFixture(t)
			s, _ := newProgScreen(t, f.st)
			test.Tap(s.viewTabs.buttons[1])
			var headings []string
			for _, r := range s.rows {
				if r.heading != "" {
					headings = append(headings, r.heading)
				}
			}
			if len(headings) != 2 || len(s.dayTabs.buttons) != 2 {
				t.Fatalf("headings %q, %d day buttons", headings, len(s.dayTabs.buttons))
			}
			for i, h := range headings {
				button := s.dayTabs.buttons[i].Text
				if first := []rune(h)[0]; first != unicode.ToUpper(first) {
					t.Errorf("heading %q starts with a small letter", h)
				}
				if word, _, _ := strings.Cut(button, " "); !strings.HasPrefix(h, word+" ") {
					t.Errorf("heading %q under the button %q", h, button)
				}
			}
		})
	}
}
