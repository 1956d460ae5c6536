package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func progBlock(t *testing.T, s *programmeScreen, title string) *sessionBlock {
	t.Helper()
	for _, b := range s.timetable.blocks {
		if b.session.Title == title {
			return b
		}
	}
	t.Fatalf("no block %q", title)
	return nil
}

// A plenary nobody enrols in shows the people expected that day, not 0.
func TestProgrammePlenaryShowsExpected(t *testing.T) {
	f := newProgFixture(t)
	s, _ := newProgScreen(t, f.st)
	title := "Ouverture du congrès : l'insertion, une force pour les territoires"
	if got := progBlock(t, s, title).fillText; got != "≈ 4 / 500" {
		t.Errorf("the plenary's block reads %q, want ≈ 4 / 500 (the 4 people expected that day)", got)
	}
	test.Tap(s.viewTabs.buttons[1])
	for _, r := range s.rows {
		if r.cells[1] == title && r.cells[4] != "≈ 4 / 500" {
			t.Errorf("the plenary's line reads %q", r.cells[4])
		}
	}
	if got := progBlock(t, s, "Atelier A").fillText; got != "0/60" {
		t.Errorf("a workshop's block reads %q, want its enrolments 0/60", got)
	}
}

// A title cut in its block, or a room's name in its column, shows whole
// under the grid while the pointer is over it.
func TestProgrammeHoverShowsWholeTitle(t *testing.T) {
	f := newProgFixture(t)
	s, e := newProgScreen(t, f.st)
	e.win.Resize(fyne.NewSize(700, 600)) // narrow columns: the titles are cut
	title := "Ouverture du congrès : l'insertion, une force pour les territoires"
	b := progBlock(t, s, title)
	b.MouseIn(nil)
	if !strings.Contains(s.status.Text, title) || !strings.Contains(s.status.Text, "Grand Auditorium") {
		t.Errorf("pointer over the plenary: the status line reads %q", s.status.Text)
	}
	b.MouseOut()
	if s.status.Text != "Click a session to open it, an empty slot to add one." {
		t.Errorf("pointer gone: the status line reads %q", s.status.Text)
	}
	head := s.timetable.header.Objects[0].(*hoverArea)
	head.MouseIn(nil)
	if s.status.Text != "Grand Auditorium · 500 places" {
		t.Errorf("pointer over the first room: %q", s.status.Text)
	}
	head.MouseOut()
}

// The list shows every day under its heading: no day buttons.
func TestProgrammeListHidesDayButtons(t *testing.T) {
	f := newProgFixture(t)
	s, _ := newProgScreen(t, f.st)
	if !s.dayTabs.box.Visible() {
		t.Fatal("the timetable has no day buttons")
	}
	test.Tap(s.viewTabs.buttons[1])
	if s.dayTabs.box.Visible() {
		t.Error("the list shows the day buttons it does not use")
	}
	test.Tap(s.viewTabs.buttons[0])
	if !s.dayTabs.box.Visible() {
		t.Error("back on the timetable, the day buttons are gone")
	}
}

// A block's title wraps at spaces within its width, and ends in "…"
// when it has more lines than room.
func TestTimetableWrap(t *testing.T) {
	test.NewTempApp(t)
	style := fyne.TextStyle{Bold: true}
	text := "Ouverture du congrès : l'insertion, une force pour les territoires"
	lines := ttWrap(text, 120, 12, style, 2)
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Fatalf("two lines of 120: %q", lines)
	}
	for _, l := range lines {
		if w := ttMeasure(l, 12, style); w > 120 {
			t.Errorf("%q is %.0f wide, more than 120", l, w)
		}
	}
	all := ttWrap(text, 120, 12, style, 20)
	if got := strings.Join(all, " "); got != text {
		t.Errorf("with room enough, the lines read %q", got)
	}
	if got := ttWrap("Anticonstitutionnellement", 40, 12, style, 3); len(got) < 2 {
		t.Errorf("a long word is not cut: %q", got)
	}
}

// Counts are written with the language's thousands separator.
func TestFormatCount(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1500: "1,500", 50000: "50,000", 1234567: "1,234,567", -1500: "-1,500"} {
		if got := formatCount(n); got != want {
			t.Errorf("formatCount(%d) = %q, want %q", n, got, want)
		}
	}
	if err := loadTranslations("fr"); err != nil {
		t.Fatal(err)
	}
	defer loadTranslations("en")
	if got := formatCount(50000); got != "50\u00a0000" {
		t.Errorf("in French, 50000 is %q, want 50 000", got)
	}
}
