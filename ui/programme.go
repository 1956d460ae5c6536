package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// programmeStore is what the programme screen reads and changes.
type programmeStore interface {
	Congress(ctx context.Context) (data.Congress, error)
	Rooms(ctx context.Context) ([]data.Room, error)
	Sessions(ctx context.Context) ([]data.Session, error)
	Conflicts(ctx context.Context) ([]data.Conflict, error)
	ExpectedByDay(ctx context.Context) (map[data.Day]int, error)
	SaveSession(ctx context.Context, se *data.Session) error
	CheckSession(ctx context.Context, se data.Session) error // before asking about capacity
	sessionPageStore
}

// programmeRow is one line of the list view: a day's heading, or a session.
type programmeRow struct {
	heading string // the day, on a heading line; empty on a session line
	id      int64
	kind    data.SessionKind
	full    bool
	cells   [6]string // time, title, kind, room, enrolled/places, waiting
}

// programmeConflictLines is how many conflicts the banner lists.
const programmeConflictLines = 5

// programmeScreen shows the programme day by day as a timetable, or as a
// list, with its conflicts on top; a session opens on its own page.
type programmeScreen struct {
	env   *env
	store programmeStore

	// What was read last; UI thread only, like the rest.
	days      []data.Day
	rooms     []data.Room
	sessions  []data.Session
	conflicts []data.Conflict
	expected  map[data.Day]int // people expected each day, for the plenaries; nil until read
	day       data.Day         // the day shown
	listMode  bool

	dayTabs     *programmeTabs
	viewTabs    *programmeTabs
	newButton   *widget.Button
	count       *widget.Label
	status      *widget.Label // under the grid: a hint, or the whole title under the pointer
	banner      fyne.CanvasObject
	bannerTitle *widget.Label
	bannerText  *widget.Label
	timetable   *timetable
	gridView    fyne.CanvasObject
	list        *widgets.List
	rows        []programmeRow
	listView    fyne.CanvasObject
	empty       *widget.Label
	schedule    fyne.CanvasObject // all of the above
	root        *fyne.Container   // the schedule, or a session's page

	columns    *columns       // the list's, the places' fitted to their widest (programme_list.go)
	listStatus *widget.Label  // under the list: the whole title under the pointer
	lastMove   *programmeMove // the last drag, which Undo takes back (programme_move.go)
	undoMove   *widget.Button

	page *sessionPage // the session open, nil when none
	form *sessionForm // the form open last, for tests
}

// programmeColumns are the widths of the list's time, title, kind, room,
// places and waiting columns; the title takes what is left.
var programmeColumns = &columns{widths: []float32{120, 0, 120, 180, 100, 90}, flex: 1}

func newProgrammeScreen(e *env, st programmeStore) *programmeScreen {
	return &programmeScreen{env: e, store: st, columns: &columns{widths: slices.Clone(programmeColumns.widths), flex: programmeColumns.flex}}
}

func (s *programmeScreen) build() fyne.CanvasObject {
	s.dayTabs = newProgrammeTabs(s.env.tasks.timedChoice("programme-day", s.onDayChosen)) // screen_timing.go
	s.viewTabs = newProgrammeTabs(s.env.tasks.timedChoice("programme-view", s.onViewChosen))
	s.viewTabs.setOptions([]string{lang.L("Timetable"), lang.L("List")}, []fyne.Resource{theme.GridIcon(), theme.ListIcon()})
	s.newButton = widget.NewButtonWithIcon(lang.L("New session…"), theme.ContentAddIcon(), s.onNewTapped)
	s.newButton.Importance = widget.HighImportance
	s.newButton.Disable() // until the days and rooms are read
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	toolbar := container.NewBorder(nil, nil, s.dayTabs.box, container.NewHBox(s.count, s.viewTabs.box, s.newButton))

	s.bannerTitle = widget.NewLabel("")
	s.bannerTitle.TextStyle.Bold = true
	s.bannerText = widget.NewLabel("")
	s.bannerText.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(ttAlpha(theme.Color(theme.ColorNameWarning), 0x30))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.StrokeColor = theme.Color(theme.ColorNameWarning)
	bg.StrokeWidth = 1
	s.banner = container.NewStack(bg, container.NewBorder(nil, nil,
		container.NewPadded(widget.NewIcon(theme.WarningIcon())), nil, container.NewVBox(s.bannerTitle, s.bannerText)))
	s.banner.Hide()

	s.timetable = newTimetable(s.openSession)
	s.timetable.onHover = s.onHover
	s.timetable.onNew = s.onSlotTapped
	s.timetable.onMove = s.onSessionMovedAsync
	s.status = widget.NewLabel(lang.L("Click a session to open it, an empty slot to add one."))
	s.status.Importance = widget.LowImportance
	s.status.Alignment = fyne.TextAlignTrailing
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.gridView = container.NewBorder(nil, container.NewBorder(nil, nil, newKindLegend(), s.newUndoMoveButton(), s.status), nil, nil, s.timetable.view)

	s.list = widgets.NewList(s.listLength, s.createItem, s.updateItem)
	s.list.HideSeparators = true
	s.list.OnSelected = s.onRowSelected
	header := make([]fyne.CanvasObject, 6)
	for i, h := range []string{lang.L("Time"), lang.L("Title"), lang.L("Kind"), lang.L("Room"), lang.L("Places"), lang.L("Waiting")} {
		header[i] = newHeaderLabel()
		header[i].(*widget.Label).SetText(h)
	}
	s.empty = widget.NewLabel(lang.L("No session yet."))
	s.empty.Hide()
	s.listStatus = newProgrammeListStatus()
	s.listView = container.NewBorder(container.New(s.columns, header...), s.listStatus, nil, nil,
		container.NewStack(s.list, container.NewCenter(s.empty)))
	s.listView.Hide()

	s.schedule = container.NewBorder(container.NewVBox(toolbar, s.banner), nil, nil, nil,
		container.NewStack(s.gridView, s.listView))
	s.root = container.NewStack(s.schedule)
	return s.root
}

// loadAsync reads the programme and shows it, and the open session's page.
func (s *programmeScreen) loadAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		c, err := s.store.Congress(ctx)
		var rooms []data.Room
		var sessions []data.Session
		var conflicts []data.Conflict
		if err == nil {
			rooms, err = s.store.Rooms(ctx)
		}
		if err == nil {
			sessions, err = s.store.Sessions(ctx)
		}
		if err == nil {
			conflicts, err = s.store.Conflicts(ctx)
		}
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		rows := formatProgramme(sessions, nil)
		return func() {
			s.show(c.Days, rooms, sessions, conflicts, rows)
			s.loadExpectedAsync()
		}
	})
	if s.page != nil {
		s.page.loadAsync()
	}
}

// loadExpectedAsync reads how many people are expected each day, which the
// plenaries show, once the timetable is on screen: it counts everyone.
func (s *programmeScreen) loadExpectedAsync() {
	sessions := s.sessions
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		expected, err := s.store.ExpectedByDay(ctx)
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		rows := formatProgramme(sessions, expected)
		return func() {
			s.expected, s.rows = expected, rows
			s.fitPlacesColumn() // programme_list.go
			if s.listMode {
				s.list.Refresh()
			} else {
				s.timetable.show(s.rooms, s.daySessions(), s.expected)
			}
		}
	})
}

// onHover shows the whole title under the pointer in the status line, or
// the hint when the pointer left.
func (s *programmeScreen) onHover(text string) {
	s.status.Importance = widget.MediumImportance
	if text == "" && s.lastMove != nil {
		s.setMoveStatus(s.lastMove.text) // the last move stays said while it can be undone
		return
	}
	if text == "" {
		text = lang.L("Click a session to open it, an empty slot to add one.")
		s.status.Importance = widget.LowImportance
	}
	s.status.SetText(text)
}

// show puts what was read on screen. UI thread.
func (s *programmeScreen) show(days []data.Day, rooms []data.Room, sessions []data.Session, conflicts []data.Conflict, rows []programmeRow) {
	s.days, s.rooms, s.sessions, s.conflicts, s.rows = days, rooms, sessions, conflicts, rows
	s.fitPlacesColumn()
	labels := make([]string, len(days))
	chosen := 0
	for i, d := range days {
		labels[i] = dayTab(d)
		if d == s.day {
			chosen = i
		}
	}
	s.dayTabs.setOptions(labels, nil)
	if len(days) > 0 {
		s.day = days[chosen]
		s.dayTabs.setSelected(chosen)
	}
	s.newButton.Enable()
	s.count.SetText(lang.N("{{.Count}} sessions", len(sessions), map[string]any{"Count": formatCount(len(sessions))}))

	if !s.listMode {
		s.timetable.show(rooms, s.daySessions(), s.expected)
	} else {
		s.list.Refresh()
	}
	showIf(s.empty, len(sessions) == 0)

	lines := formatConflicts(conflicts)
	if len(lines) > programmeConflictLines {
		more := len(lines) - programmeConflictLines
		lines = append(lines[:programmeConflictLines], lang.N("…and {{.Count}} more.", more, map[string]any{"Count": formatCount(more)}))
	}
	s.bannerTitle.SetText(lang.N("The programme has {{.Count}} conflicts:", len(conflicts), map[string]any{"Count": formatCount(len(conflicts))}))
	s.bannerText.SetText(strings.Join(lines, "\n"))
	showIf(s.banner, len(conflicts) > 0)
}

// daySessions are the sessions of the day shown, in time order.
func (s *programmeScreen) daySessions() []data.Session {
	var list []data.Session
	for _, se := range s.sessions {
		if se.Day == s.day {
			list = append(list, se)
		}
	}
	return list
}

// dayTab names a day on its button: "Tuesday 16/06".
func dayTab(d data.Day) string {
	if d.Time().IsZero() {
		return string(d)
	}
	return capitalised(weekdayName(d.Time().Weekday())) + " " + dayShort(d)
}

// onDayChosen shows another day: its timetable, or its place in the list.
func (s *programmeScreen) onDayChosen(i int) {
	if i < 0 || i >= len(s.days) {
		return
	}
	s.day = s.days[i]
	if !s.listMode {
		s.timetable.show(s.rooms, s.daySessions(), s.expected)
		return
	}
	heading := dayHeading(s.day)
	for j, r := range s.rows {
		if r.heading == heading {
			s.list.ScrollTo(j)
			break
		}
	}
}

// onViewChosen switches between the timetable (0) and the list (1).
func (s *programmeScreen) onViewChosen(i int) {
	s.listMode = i == 1
	showIf(s.gridView, !s.listMode)
	showIf(s.listView, s.listMode)
	// The list shows every day under its heading: the day buttons are the
	// timetable's.
	showIf(s.dayTabs.box, !s.listMode)
	if s.listMode {
		s.list.Refresh()
	} else {
		s.timetable.show(s.rooms, s.daySessions(), s.expected)
	}
}

// listLength is the list's number of lines: none while the timetable is
// shown, so that the hidden list does not lay out its lines at each switch
// to the programme.
func (s *programmeScreen) listLength() int {
	if !s.listMode {
		return 0
	}
	return len(s.rows)
}

func (s *programmeScreen) createItem() fyne.CanvasObject {
	heading := widget.NewLabel("")
	heading.TextStyle.Bold = true
	cells := make([]fyne.CanvasObject, 6)
	for i := range cells {
		cells[i] = newCellLabel()
	}
	swatch := canvas.NewRectangle(kindColour(data.KindOther))
	swatch.CornerRadius = 3
	swatch.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize() * 0.7))
	ringSwatch(swatch) // colour_ring.go
	cells[2] = container.NewBorder(nil, nil, container.NewCenter(swatch), nil, cells[2])
	cells[1] = newHoverArea(cells[1], "", s.onListHover) // the whole title under the list
	return container.NewStack(heading, container.New(s.columns, cells...))
}

func (s *programmeScreen) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	r := s.rows[id]
	stack := o.(*fyne.Container)
	heading, line := stack.Objects[0].(*widget.Label), stack.Objects[1].(*fyne.Container)
	heading.SetText(r.heading)
	showIf(heading, r.heading != "")
	showIf(line, r.heading == "")
	for i, c := range line.Objects {
		if box, ok := c.(*fyne.Container); ok { // the kind, after its colour
			c = box.Objects[0]
			swatch := box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			swatch.FillColor = kindColour(r.kind)
			ringSwatch(swatch)
			swatch.Refresh()
		}
		if h, ok := c.(*hoverArea); ok {
			h.text = joinNonEmpty(" · ", r.cells[1], r.cells[0], r.cells[3])
			c = h.content
		}
		l := c.(*widget.Label)
		l.Importance = widget.MediumImportance
		if i == 4 && r.full {
			l.Importance = widget.DangerImportance
		}
		l.SetText(r.cells[i])
	}
}

// onRowSelected opens the session of a line of the list.
func (s *programmeScreen) onRowSelected(id widget.ListItemID) {
	s.list.UnselectAll()
	if id < len(s.rows) && s.rows[id].heading == "" {
		s.openSession(s.rows[id].id)
	}
}

// formatProgramme writes the sessions, in time order, under their day; a
// plenary shows the people expected that day, once they are counted.
func formatProgramme(sessions []data.Session, expected map[data.Day]int) []programmeRow {
	var rows []programmeRow
	var day data.Day
	for _, se := range sessions {
		if se.Day != day || len(rows) == 0 {
			day = se.Day
			rows = append(rows, programmeRow{heading: dayHeading(day)})
		}
		room := se.RoomName
		if room == "" {
			room = lang.L("No room yet")
		}
		places := formatCount(se.Enrolled) + " / "
		if se.EffectiveCapacity > 0 {
			places += formatCount(se.EffectiveCapacity)
		} else {
			places += "∞"
		}
		waiting := ""
		if se.Waitlisted > 0 {
			waiting = formatCount(se.Waitlisted)
		}
		full := sessionFull(se)
		if n, ok := plenaryExpected(se, expected); ok {
			places, full = plenaryFillText(se, n), se.EffectiveCapacity > 0 && n > se.EffectiveCapacity
		} else if plenaryPending(se, expected) {
			places = "" // not counted yet: no wrong figure
		}
		rows = append(rows, programmeRow{id: se.ID, kind: se.Kind, full: full, cells: [6]string{
			sessionTimes(se), se.Title, kindLabel(se.Kind), room, places, waiting,
		}})
	}
	return rows
}

// formatConflicts writes each conflict as a sentence.
func formatConflicts(list []data.Conflict) []string {
	lines := make([]string, len(list))
	for i, c := range list {
		args := map[string]any{"Room": c.Room, "Person": c.Person, "Day": dayLong(c.A.Day),
			"A": c.A.Title, "ATime": sessionTimes(c.A), "B": c.B.Title, "BTime": sessionTimes(c.B)}
		if c.Room != "" {
			lines[i] = lang.L("{{.Room}} is booked twice on {{.Day}}: “{{.A}}” ({{.ATime}}) and “{{.B}}” ({{.BTime}}).", args)
		} else {
			lines[i] = lang.L("{{.Person}} is expected in two places on {{.Day}}: “{{.A}}” ({{.ATime}}) and “{{.B}}” ({{.BTime}}).", args)
		}
	}
	return lines
}

// openSession shows a session's page in place of the programme.
func (s *programmeScreen) openSession(id int64) {
	p := newSessionPage(s.env, s.store, id)
	p.onBack = s.closePage
	p.onEdit = s.openForm
	p.onDeleted = s.closePage
	s.page = p
	s.root.Objects = []fyne.CanvasObject{p.build()}
	s.root.Refresh()
	p.loadAsync()
}

// closePage goes back from a session's page to the programme.
func (s *programmeScreen) closePage() {
	s.page = nil
	s.root.Objects = []fyne.CanvasObject{s.schedule}
	s.root.Refresh()
	s.loadAsync()
}

// onNewTapped opens the form for a new session on the day shown.
func (s *programmeScreen) onNewTapped() {
	s.openForm(data.Session{Kind: data.KindWorkshop, Day: s.day}, nil)
}

// onSlotTapped opens the form for a new session in the room and at the
// half hour clicked, for an hour, on the day shown.
func (s *programmeScreen) onSlotTapped(room data.Room, start data.Clock) {
	s.openForm(data.Session{Kind: data.KindWorkshop, Day: s.day, RoomID: room.ID,
		Start: start, End: min(start+60, 24*60)}, nil)
}

// openForm opens the form for se; people are its speakers and facilitators.
func (s *programmeScreen) openForm(se data.Session, people []data.ParticipantRow) {
	s.form = newSessionForm(s.env, s.store, s.days, s.rooms, se, people, s.onSessionSaved)
	s.form.show()
}

// onSessionSaved shows the programme, on the saved session's day.
func (s *programmeScreen) onSessionSaved(se data.Session) {
	s.day = se.Day
	s.loadAsync()
}

// programmeTabs is a row of buttons of which one is chosen, like tabs.
type programmeTabs struct {
	box       *fyne.Container
	buttons   []*widget.Button
	selected  int
	onChanged func(i int)
}

func newProgrammeTabs(onChanged func(int)) *programmeTabs {
	return &programmeTabs{box: container.NewHBox(), onChanged: onChanged}
}

// setOptions puts buttons with these labels (and icons, if any); the
// choice stays when it still exists.
func (t *programmeTabs) setOptions(labels []string, icons []fyne.Resource) {
	same := len(labels) == len(t.buttons)
	for i := 0; same && i < len(labels); i++ {
		same = t.buttons[i].Text == labels[i]
	}
	if same {
		return
	}
	t.buttons = nil
	t.box.Objects = nil
	for i, l := range labels {
		b := widget.NewButton(l, func() { t.choose(i) })
		if i < len(icons) {
			b.SetIcon(icons[i])
		}
		t.buttons = append(t.buttons, b)
		t.box.Add(b)
	}
	t.setSelected(min(t.selected, max(len(labels)-1, 0)))
	t.box.Refresh()
}

// setSelected marks button i as chosen, without telling.
func (t *programmeTabs) setSelected(i int) {
	t.selected = i
	for j, b := range t.buttons {
		b.Importance = widget.LowImportance
		if j == i {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}

// choose marks button i as chosen and tells.
func (t *programmeTabs) choose(i int) {
	t.setSelected(i)
	if t.onChanged != nil {
		t.onChanged(i)
	}
}
