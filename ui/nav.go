package ui

import (
	"context"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/ui/widgets"
)

// env is what the screens of an open file share.
type env struct {
	ctx   context.Context // cancelled when the file is closed
	win   fyne.Window     // for dialogs
	tasks *tasks          // background work
}

// screen is one page of the main window.
type screen interface {
	build() fyne.CanvasObject
	// loadAsync reads the file again and shows what it read.
	loadAsync()
}

// page is a screen in the sidebar.
type page struct {
	title  string
	icon   fyne.Resource
	screen screen
	view   fyne.CanvasObject // built the first time the page is shown
}

// mainView is the window of an open file: the sidebar and the page chosen
// in it.
type mainView struct {
	pages   []*page
	nav     *widgets.List
	content *fyne.Container
	frame   *container.Scroll // around content: see newPageFrame
	current int
	lock    *deskLock   // keeps a locked desk on the welcome desk page
	tasks   *tasks      // times each switch (screen_timing.go)
	store   warmStore   // read ahead (warm_reads.go)
	onDesk  atomic.Bool // the welcome desk is shown: nothing is read ahead
}

// mainStore is what the pages of an open file read and write: what each
// of them does.
type mainStore interface {
	badgePrintStore
	participantsStore
	lockStore
	deskStore
	dashboardStore
	programmeStore
	standsStore
	exportsStore
	settingsStore
}

// newMainView makes the pages of the open file st. restore is the settings
// screen's way to put a backup in place.
func newMainView(e *env, st mainStore, prefs fyne.Preferences, restore func(string)) *mainView {
	badges := newBadgePrinter(e, st, prefs)
	participants := newParticipantsScreen(e, st, badges)
	lock := newDeskLock(e, st)
	deskSt := deskStoreFor(e.ctx, st)
	desk := newDeskScreen(e, deskSt, prefs, deskBadgePrinter(badges, deskSt)) // prints held offline (desk_offline_actions.go)
	desk.edit = participants.editFromDeskAsync
	desk.lock = lock
	desk.watchAsync()
	dashboard := newDashboardScreen(e, st)
	dashboard.review.openWith(participants.editAsync) // "Open the person" of the list to review (review.go)
	m := &mainView{current: -1, lock: lock, tasks: e.tasks, store: st, pages: []*page{
		{title: lang.L("Dashboard"), icon: theme.HomeIcon(), screen: dashboard},
		{title: lang.L("Participants"), icon: theme.AccountIcon(), screen: participants},
		{title: lang.L("Programme"), icon: theme.CalendarIcon(), screen: newProgrammeScreen(e, st)},
		{title: lang.L("Stands"), icon: theme.GridIcon(), screen: newStandsScreen(e, st)},
		{title: lang.L("Welcome desk"), icon: theme.ConfirmIcon(), screen: desk},
		{title: lang.L("Exports"), icon: theme.DocumentPrintIcon(),
			screen: newExportsScreen(e, st, prefs, badges, participants.filteredQuery)},
		{title: lang.L("Settings"), icon: theme.SettingsIcon(), screen: newSettingsScreen(e, st, prefs, restore)},
	}}
	desk.active = func() bool { return m.current == deskPage }
	return m
}

func (m *mainView) build() fyne.CanvasObject {
	m.nav = widgets.NewList(func() int { return len(m.pages) }, newNavItem, m.updateNavItem)
	m.nav.OnSelected = m.onNavSelected
	m.content = container.NewStack()
	m.frame = newPageFrame(m.content)
	split := container.NewHSplit(m.nav, container.NewPadded(m.frame))
	split.Offset = 0.18
	// The lock is read from the file: until then, no page shows.
	m.lock.whenKnown(func() {
		if m.current >= 0 {
			return // a page was chosen meanwhile
		}
		if m.lock.locked() {
			m.nav.Select(deskPage)
		} else {
			m.nav.Select(dashboardPage)
		}
	})
	return split
}

func newNavItem() fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, widget.NewLabel(""))
}

func (m *mainView) updateNavItem(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(m.pages[id].title)
	box.Objects[1].(*widget.Icon).SetResource(m.pages[id].icon)
}

// The pages' places in the sidebar.
const (
	dashboardPage = iota
	participantsPage
	programmePage
	standsPage
	deskPage
	exportsPage
	settingsPage
)

// show selects page i in the sidebar and returns its screen.
func (m *mainView) show(i int) screen {
	if m.current != i {
		m.nav.Select(i)
	}
	return m.pages[i].screen
}

// onNavSelected shows the page chosen in the sidebar, read afresh.
func (m *mainView) onNavSelected(id widget.ListItemID) {
	if id < 0 || id >= len(m.pages) {
		return
	}
	if id != deskPage && m.lock.locked() {
		m.nav.Select(deskPage)
		m.lock.unlockThen(func() { m.nav.Select(id) })
		return
	}
	p := m.pages[id]
	if m.current >= 0 && m.current != id {
		if old, ok := m.pages[m.current].screen.(interface{ left() }); ok {
			old.left() // the desk's field gives up the keyboard (desk_keys.go)
		}
	}
	m.tasks.timeAction("switch " + p.title)
	if p.view == nil {
		p.view = p.screen.build()
		m.tasks.timedStage("built")
	}
	m.current = id
	m.onDesk.Store(id == deskPage)
	m.content.Objects = []fyne.CanvasObject{p.view}
	m.content.Refresh()
	m.frame.ScrollToOffset(fyne.Position{}) // a page opens at its top
	p.screen.loadAsync()
}

// warmAsync reads ahead, until ctx ends, what the pages read at their
// first visit after the file opened or changed (warm_reads.go).
func (m *mainView) warmAsync(ctx context.Context) {
	go warmReads(ctx, m.store, func() bool { return !m.onDesk.Load() && m.tasks.idle() })
}

// newPageFrame holds the pages in the window. A page that needs more room
// than the window has scrolls instead of enlarging the window, which fyne
// never shrinks back (issue 19: the French exports took a 1366×768
// screen's window to 853 px). A page that fits fills the frame, as before.
func newPageFrame(pages fyne.CanvasObject) *container.Scroll {
	return container.NewScroll(pages)
}
