package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The window of a 1366×768 laptop, less its title bar; the menu bar
// (deskMenuBar) is part of the window's canvas but not of fyne's test
// window.
var (
	laptopWindow = fyne.NewSize(1366, 720-deskMenuBar)
	deskWindow   = fyne.NewSize(1024, 600-deskMenuBar)
)

// pageFits fails unless p shows whole in its frame, with no need to
// scroll: its least size is within the room the window gives it.
func pageFits(t *testing.T, m *mainView, p *page, what string) {
	t.Helper()
	need, room := p.view.MinSize(), m.frame.Size()
	t.Logf("%s: needs %v, has %v", what, need, room)
	if need.Width > room.Width+0.5 || need.Height > room.Height+0.5 {
		t.Errorf("%s needs %v, more than the %v the window has", what, need, room)
	}
}

// Every page of the navigation fits the window without scrolling (issue
// 19): in English and French, at 1366×768 (less the title and menu bars),
// and the welcome desk at 1024×600, in the states that grow them (a card
// on the desk, each badge layout, a person to choose, a session's sheet).
// A page that did not fit would scroll, not enlarge the window
// (TestABigPageScrollsInTheWindow).
func TestEveryPageFitsTheWindow(t *testing.T) {
	// The window opens within a 1366×768 screen, less a title bar (37 px)
	// and a desktop's top bar (27 px).
	if firstWindowSize.Width > 1366 || firstWindowSize.Height > 768-37-27 {
		t.Errorf("the window opens at %v", firstWindowSize)
	}
	path := demoFile(t, 200)
	addScreenshotLists(t, path)
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			if err := loadTranslations(language); err != nil {
				t.Fatal(err)
			}
			defer loadTranslations("en")
			u := newTestUI(t)
			u.app.Settings().SetTheme(theme.DefaultTheme())
			if min := u.win.Content().MinSize(); min.Width > deskWindow.Width || min.Height > deskWindow.Height {
				t.Errorf("the welcome screen needs %v", min)
			}
			u.openAsync(path)
			waitIdle(t, &u.tasks)
			if u.view == nil {
				t.Fatal("the demo did not open")
			}
			for i, p := range u.view.pages {
				limit := laptopWindow
				if i == deskPage {
					limit = deskWindow
				}
				u.win.Resize(limit)
				u.view.show(i)
				waitIdle(t, &u.tasks)
				pageFits(t, u.view, p, p.title)
				switch i {
				case participantsPage: // the detail of someone enrolled in sessions
					ps := p.screen.(*participantsScreen)
					ps.bulk.show(ps.table.rows.ids[1])
					waitIdle(t, &u.tasks)
					pageFits(t, u.view, p, p.title+", a person")
				case programmePage: // a workshop's page
					ps := p.screen.(*programmeScreen)
					ps.openSession(ps.sessions[len(ps.sessions)-1].ID)
					waitIdle(t, &u.tasks)
					pageFits(t, u.view, p, p.title+", a session")
					ps.closePage()
					waitIdle(t, &u.tasks)
				case deskPage:
					showDeskScreenshot(t, u)
					pageFits(t, u.view, p, p.title+", a card")
				case exportsPage:
					s := p.screen.(*exportsScreen)
					s.signIn.session.SetSelectedIndex(3)
					s.badges.who.SetSelected(s.badges.who.Options[3])
					waitIdle(t, &u.tasks)
					for _, o := range s.badges.layout.Options {
						s.badges.layout.SetSelected(o)
						waitIdle(t, &u.tasks)
						pageFits(t, u.view, p, p.title+", "+o)
					}
				}
				if size := u.win.Canvas().Size(); size.Width > limit.Width || size.Height > limit.Height {
					t.Errorf("%s enlarged the window to %v", p.title, size)
				}
				// A 1024×600 screen shows the other pages whole too.
				if i != deskPage {
					u.win.Resize(deskWindow)
					waitIdle(t, &u.tasks)
					pageFits(t, u.view, p, p.title+" at 1024×600")
				}
			}
		})
	}
}

// bigScreen is a page that needs more room than any laptop has.
type bigScreen struct{}

func (bigScreen) build() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Gray{Y: 0x80})
	r.SetMinSize(fyne.NewSize(2000, 1500))
	return r
}

func (bigScreen) loadAsync() {}

// A page bigger than the window scrolls in it: the window keeps its size
// and its least size does not grow (issue 19).
func TestABigPageScrollsInTheWindow(t *testing.T) {
	u := newTestUI(t)
	u.openAsync(demoFile(t, 20))
	waitIdle(t, &u.tasks)
	if u.view == nil {
		t.Fatal("the demo did not open")
	}
	u.win.Resize(fyne.NewSize(1024, 500))
	u.view.pages[standsPage] = &page{title: "big", screen: bigScreen{}}
	u.view.show(standsPage)
	waitIdle(t, &u.tasks)
	if min := u.win.Content().MinSize(); min.Width > deskWindow.Width || min.Height > deskWindow.Height {
		t.Errorf("the window needs %v for a page of 2000×1500", min)
	}
	if size := u.win.Canvas().Size(); size.Width > 1024 || size.Height > 500 {
		t.Errorf("the window grew to %v", size)
	}
	var scroll *container.Scroll
	for _, c := range test.LaidOutObjects(u.win.Content()) {
		if s, ok := c.(*container.Scroll); ok && s == u.view.frame && s.Content == u.view.content &&
			u.view.content.Objects[0] == u.view.pages[standsPage].view {
			scroll = s
		}
	}
	if scroll == nil || scroll.Size().Width > 1024 {
		t.Fatalf("the page is not in a scroll that fits the window: %v", scroll)
	}
}

// The dialogs a page opens fit the window too: a laptop's for the forms of
// the organiser, 1024×600 for the desk's walk-in (issue 19).
func TestDialogsFitTheWindow(t *testing.T) {
	path := demoFile(t, 60)
	addScreenshotLists(t, path)
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			if err := loadTranslations(language); err != nil {
				t.Fatal(err)
			}
			defer loadTranslations("en")
			u := newTestUI(t)
			u.openAsync(path)
			waitIdle(t, &u.tasks)
			if u.view == nil {
				t.Fatal("the demo did not open")
			}
			for _, c := range []struct {
				name  string
				limit fyne.Size
				open  func()
			}{
				{"participant form", laptopWindow, func() {
					u.view.show(participantsPage).(*participantsScreen).newParticipant()
				}},
				{"session form", laptopWindow, func() { u.view.show(programmePage).(*programmeScreen).onNewTapped() }},
				{"stand form", laptopWindow, func() { u.view.show(standsPage).(*standsScreen).onNewTapped() }},
				{"list form", laptopWindow, func() {
					s := u.view.show(exportsPage).(*exportsScreen)
					waitIdle(t, &u.tasks)
					s.tabs.SelectIndex(listsTab)
					s.lists.onEditTapped()
				}},
				{"walk-in", deskWindow, func() { u.view.show(deskPage).(*deskScreen).onWalkInTapped() }},
			} {
				u.win.Resize(c.limit)
				c.open()
				waitIdle(t, &u.tasks)
				top := u.win.Canvas().Overlays().Top()
				if top == nil {
					t.Errorf("%s: no dialog", c.name)
					continue
				}
				min := top.MinSize()
				t.Logf("%s: %v", c.name, min)
				if min.Width > c.limit.Width || min.Height > c.limit.Height {
					t.Errorf("%s needs %v, more than %v", c.name, min, c.limit)
				}
				for u.win.Canvas().Overlays().Top() != nil {
					u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
				}
			}
		})
	}
}
