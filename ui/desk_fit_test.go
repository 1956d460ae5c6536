package ui

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// The desk as a volunteer's laptop shows it (issue 15): in the app's
// window, beside the sidebar, with the lock button, under the menu bar.

// deskMenuBar is the height of the window's menu bar, which fyne's test
// window does not draw (27 px under Xvfb, measured on a screenshot).
const deskMenuBar = 27

// newDeskFixtureInApp opens the desk as the app does: a mainView whose
// sidebar has chosen the welcome desk.
func newDeskFixtureInApp(t *testing.T) *deskFixture {
	t.Helper()
	f := newDeskFixture(t)
	m := newMainView(f.e, f.st, f.prefs, func(string) {})
	desk := m.pages[deskPage].screen.(*deskScreen)
	desk.now = f.s.now
	f.s = desk
	f.e.win.SetContent(m.build())
	waitIdle(t, f.e.tasks)
	m.show(deskPage)
	waitIdle(t, f.e.tasks)
	return f
}

// resizeApp gives the window size, of which the menu bar takes its part.
func (f *deskFixture) resizeApp(size fyne.Size) {
	f.e.win.Resize(fyne.NewSize(size.Width, size.Height-deskMenuBar))
	f.e.win.Content().Refresh()
}

// deskFactsAligned fails unless the card's values line up: at most two
// columns of values, each starting at one x, and the programme's in line
// with the first.
func deskFactsAligned(t *testing.T, s *deskScreen) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	xs := map[float32][]string{}
	for _, i := range []int{cardFee, cardCode, cardArrived, cardStatus, cardBadge, cardDiet, cardProgramme} {
		x := d.AbsolutePositionForObject(s.card.values[i]).X
		xs[x] = append(xs[x], s.card.values[i].Text)
	}
	first := d.AbsolutePositionForObject(s.card.values[cardFee]).X
	if len(xs) > 2 || d.AbsolutePositionForObject(s.card.values[cardProgramme]).X != first {
		t.Errorf("the card's values start at %d places: %v", len(xs), xs)
	}
	if len(xs) == 2 { // side by side: the second column's rows in line with the first's
		for k := range deskFactsSide {
			a, b := d.AbsolutePositionForObject(s.card.values[[]int{cardFee, cardCode, cardArrived}[k]]),
				d.AbsolutePositionForObject(s.card.values[[]int{cardStatus, cardBadge, cardDiet}[k]])
			if a.Y != b.Y {
				t.Errorf("row %d: values at y=%v and y=%v", k, a.Y, b.Y)
			}
		}
	}
}

// A name search says one thing, the count of its matches; the match
// chosen with ↓ is scrolled into the list's view (issue 15).
func TestDeskSearchOneHint(t *testing.T) {
	f := newDeskFixtureInApp(t)
	s := f.s
	f.resizeApp(fyne.NewSize(1024, 600))
	test.Type(s.entry, "ma")
	waitIdle(t, f.e.tasks)
	if len(s.matches) < 6 || !s.status.Visible() || !strings.Contains(s.status.Text, "people match") {
		t.Fatalf("%d matches, status %q", len(s.matches), s.status.Text)
	}
	t.Run("OneHint", func(t *testing.T) {
		if lines, _ := bannerLines(s.card.result); strings.Join(lines, "") != "" {
			t.Errorf("the banner says %q during a search", lines)
		}
		if s.card.empty.Visible() {
			t.Errorf("the card says %q during a search", s.card.empty.Text)
		}
	})
	t.Run("ChosenInView", func(t *testing.T) {
		for range len(s.matches) { // from none chosen to the last
			s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
			waitIdle(t, f.e.tasks)
		}
		f.e.win.Content().Refresh()
		captureDesk(t, f.e.win, "search-last-1024x600")
		if s.selected != len(s.matches)-1 {
			t.Fatalf("match %d chosen of %d", s.selected, len(s.matches))
		}
		last := s.matches[s.selected]
		d := fyne.CurrentApp().Driver()
		top, bottom := d.AbsolutePositionForObject(s.list).Y, d.AbsolutePositionForObject(s.list).Y+s.list.Size().Height
		var seen []float32
		for _, o := range shownObjects(s.list) {
			if l, ok := o.(*widget.Label); ok && l.Text == last.FirstName+" "+last.LastName {
				y := d.AbsolutePositionForObject(l).Y
				if y >= top && y+l.Size().Height <= bottom+1 {
					return
				}
				seen = append(seen, y)
			}
		}
		t.Errorf("the last match, chosen, is not in the list's view %v..%v (at y=%v)", top, bottom, seen)
	})
	t.Run("ReadyAgain", func(t *testing.T) {
		s.entry.SetText("")
		waitIdle(t, f.e.tasks)
		if lines, _ := bannerLines(s.card.result); strings.Join(lines, " ") != "Ready: scan a badge, or type a name" {
			t.Errorf("the field emptied, the banner says %q", lines)
		}
	})
}

// Each category's dot on the counters has a ring that stands out from the
// background in the light and the dark theme, so that a black or a white
// category is seen.
func TestDeskCounterDots(t *testing.T) {
	f := newDeskFixture(t)
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		bg := theme.DefaultTheme().Color(theme.ColorNameBackground, v)
		if ring := deskDotRing(theme.DefaultTheme(), v); contrast(ring, bg) < 3 {
			t.Errorf("variant %v: the ring %v on %v has a contrast of %.1f", v, ring, bg, contrast(ring, bg))
		}
	}
	f.s.counts.show([]data.DeskCount{{Category: "Presse", Colour: "#111111", Expected: 5}})
	dot := f.s.counts.cats.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Rectangle)
	v := fyne.CurrentApp().Settings().ThemeVariant()
	if dot.StrokeWidth < 1 || dot.StrokeColor != deskDotRing(fyne.CurrentApp().Settings().Theme(), v) {
		t.Errorf("the dot's ring: %v wide, %v", dot.StrokeWidth, dot.StrokeColor)
	}
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		f := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*f(r) + 0.7152*f(g) + 0.0722*f(b)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The rehearsal's day line, its note and its buttons fit a small screen
// beside the choosers, in both languages.
func TestDeskFitsRehearsal(t *testing.T) {
	t.Cleanup(func() {
		if err := loadTranslations("en"); err != nil {
			t.Fatal(err)
		}
	})
	for _, language := range []string{"en", "fr"} {
		if err := loadTranslations(language); err != nil {
			t.Fatal(err)
		}
		t.Run(language, func(t *testing.T) {
			f := newDeskFixtureInApp(t)
			s := f.s
			s.setRehearsal(true)
			s.selectDay(0)
			c := typicalCard(t, f)
			s.showCard(&c, true)
			size := fyne.NewSize(1024, 600)
			f.resizeApp(size)
			captureDesk(t, f.e.win, "rehearsal-"+language+"-1024x600")
			if !s.dayView.clear.Visible() {
				t.Fatal("no Clear the rehearsal button")
			}
			if min := f.e.win.Content().MinSize(); min.Width > size.Width || min.Height > size.Height-deskMenuBar {
				t.Errorf("the desk needs %v", min)
			}
			checkNothingCut(t, f.e.win, size)
			if desk := s.root.Size().Width; s.entry.Size().Width < 0.9*desk {
				t.Errorf("the scan field is %v wide, on a desk %v wide", s.entry.Size().Width, desk)
			}
		})
	}
}

// deskSmallWindow is the app's window on a 1024×600 screen, as it opens
// there: 1024×563, the menu bar included (the panels take the rest).
var deskSmallWindow = fyne.NewSize(1024, 563)

// deskFitsFrench opens the desk in French, in the rehearsal, in the
// app's window on a 1024×600 screen.
func deskFitsFrench(t *testing.T) *deskFixture {
	t.Helper()
	return deskFitsIn(t, "fr")
}

// deskFitsIn is deskFitsFrench in language.
func deskFitsIn(t *testing.T, language string) *deskFixture {
	t.Helper()
	if err := loadTranslations(language); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := loadTranslations("en"); err != nil {
			t.Fatal(err)
		}
	})
	f := newDeskFixtureInApp(t)
	f.s.setRehearsal(true)
	f.s.selectDay(0)
	f.resizeApp(deskSmallWindow)
	waitIdle(t, f.e.tasks)
	return f
}

// deskBottom fails unless o ends within the window's content: the page
// does not scroll to show it.
func deskBottom(t *testing.T, f *deskFixture, o fyne.CanvasObject, what string) {
	t.Helper()
	bottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y + o.Size().Height
	if room := deskSmallWindow.Height - deskMenuBar; bottom > room+1 {
		t.Errorf("%s ends at y=%v, below the window's %v: the page scrolls", what, bottom, room)
	}
}

// A warning card at 1024×563: the card, its warning, the actions and both
// rows of counters show without the page scrolling (the tester saw the
// second row of counters below the fold).
func TestDeskFitsWarningCardSmall(t *testing.T) {
	f := deskFitsFrench(t)
	s := f.s
	p := f.person(t, data.WarnNotToday)
	f.scan(t, p.Code)
	f.e.win.Content().Refresh()
	captureDesk(t, f.e.win, "warning-fr-1024x563")
	if !s.pending || !s.buttons.confirm.Visible() {
		t.Fatalf("the scan of %s awaits no confirmation", p.Code)
	}
	if n := len(s.counts.cats.Objects); n < 8 {
		t.Fatalf("%d counters", n)
	}
	deskBottom(t, f, s.counts.box, "the counters")
	deskBottom(t, f, s.buttons.walkIn, "the walk-in button")
	deskBottom(t, f, s.card.warnings, "the card's warning")
	if s.buttons.checkIn.Visible() && s.buttons.confirm.Visible() {
		t.Error("Check in and Let in anyway both take a row")
	}
}

// A name search at 1024×563: the matches take the desk's width while
// nobody is on the card, under no empty banner, and show more than the
// tester's 4 names of 10.
func TestDeskFitsMatchesSmall(t *testing.T) {
	f := deskFitsFrench(t)
	s := f.s
	test.Type(s.entry, "ma")
	waitIdle(t, f.e.tasks)
	f.e.win.Content().Refresh()
	captureDesk(t, f.e.win, "matches-fr-1024x563")
	if len(s.matches) < 8 || !s.matchesShown() {
		t.Fatalf("%d matches", len(s.matches))
	}
	if s.card.result.Visible() && s.card.result.Size().Height > 0 {
		lines, _ := bannerLines(s.card.result)
		t.Errorf("a banner %v high during the search, saying %q", s.card.result.Size().Height, lines)
	}
	if w, desk := s.list.Size().Width, s.root.Size().Width; w < 0.5*desk {
		t.Errorf("the matches are %v wide on a desk %v wide", w, desk)
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(s.list).Y
	bottom := top + s.list.Size().Height
	names := 0
	for _, o := range shownObjects(s.list) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold && l.Text != "" {
			if y := d.AbsolutePositionForObject(l).Y; y >= top && y+l.Size().Height <= bottom+1 {
				names++
			}
		}
	}
	if want := min(len(s.matches), 5); names < want {
		t.Errorf("%d names of %d shown whole, want %d", names, len(s.matches), want)
	}
	deskBottom(t, f, s.counts.box, "the counters")

	// A match chosen: its card takes the width beside the list.
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	waitIdle(t, f.e.tasks)
	f.e.win.Content().Refresh()
	captureDesk(t, f.e.win, "match-chosen-fr-1024x563")
	if s.shown == nil || s.list.Size().Width > 0.4*s.root.Size().Width {
		t.Errorf("a match chosen: card %v, the list %v wide of %v", s.shown != nil, s.list.Size().Width, s.root.Size().Width)
	}
}
