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

// No page of the navigation enlarges the window (issue 19): in English
// and French, each page's least size, with the sidebar, fits a 1366×768
// screen, and the welcome desk fits 1024×600. Before, the French exports
// asked for 853 px of height.
func TestNoPageEnlargesTheWindow(t *testing.T) {
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
			u.win.Resize(fyne.NewSize(1024, 500))
			u.openAsync(path)
			waitIdle(t, &u.tasks)
			if u.view == nil {
				t.Fatal("the demo did not open")
			}
			for i, p := range u.view.pages {
				u.view.show(i)
				waitIdle(t, &u.tasks)
				if i == deskPage {
					showDeskScreenshot(t, u)
				}
				if i == exportsPage {
					s := p.screen.(*exportsScreen)
					s.signIn.session.SetSelectedIndex(3)
					s.badges.who.SetSelected(s.badges.who.Options[3])
					waitIdle(t, &u.tasks)
				}
				limit := laptopWindow
				if i == deskPage {
					limit = deskWindow
				}
				page := p.view.MinSize()
				whole := u.win.Content().MinSize()
				t.Logf("%s: page %v, window %v", p.title, page, whole)
				if whole.Width > limit.Width || whole.Height > limit.Height {
					t.Errorf("%s needs a window of %v, more than %v", p.title, whole, limit)
				}
				if size := u.win.Canvas().Size(); size.Width > 1024 || size.Height > 500 {
					t.Errorf("%s enlarged the window to %v", p.title, size)
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
		if s, ok := c.(*container.Scroll); ok && s.Content == u.view.pages[standsPage].view {
			scroll = s
		}
	}
	if scroll == nil || scroll.Size().Width > 1024 {
		t.Fatalf("the page is not in a scroll that fits the window: %v", scroll)
	}
}
