package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// The timetable's measures.
const (
	ttHourHeight = 64  // one hour down the grid
	ttMinColumn  = 120 // a room's column, at least
	ttAxisWidth  = 56  // the times down the left side
	ttPad        = 10  // above the first hour line and below the last
	ttDayStart   = 8   // the hours shown on a day without sessions
	ttDayEnd     = 19
)

// kindColour is the colour of a kind of session in the timetable and lists.
func kindColour(k data.SessionKind) color.NRGBA {
	switch k {
	case data.KindPlenary:
		return color.NRGBA{R: 0x3b, G: 0x6f, B: 0xd4, A: 0xff}
	case data.KindWorkshop:
		return color.NRGBA{R: 0x2a, G: 0x9d, B: 0x6b, A: 0xff}
	}
	return color.NRGBA{R: 0xc9, G: 0x84, B: 0x16, A: 0xff}
}

// sessionKinds are the kinds of session, in the order they are offered.
var sessionKinds = []data.SessionKind{data.KindPlenary, data.KindWorkshop, data.KindOther}

// sessionFillText writes how full a session is: "45/45 +24" (enrolled / places,
// and people waiting); "12/∞" when places are unlimited.
func sessionFillText(se data.Session) string {
	s := formatCount(se.Enrolled) + "/"
	if se.EffectiveCapacity > 0 {
		s += formatCount(se.EffectiveCapacity)
	} else {
		s += "∞"
	}
	if se.Waitlisted > 0 {
		s += " +" + formatCount(se.Waitlisted)
	}
	return s
}

// plenaryFillText writes the people expected at a plenary (everyone
// expected that day: nobody enrols in a plenary), against its places:
// "≈ 43 591 / 1 500".
func plenaryFillText(se data.Session, expected int) string {
	s := "≈ " + formatCount(expected)
	if se.EffectiveCapacity > 0 {
		s += " / " + formatCount(se.EffectiveCapacity)
	}
	return s
}

// blockFill is what a block writes of its session's fill, and whether in
// red: a workshop's enrolments, a plenary's people expected that day.
func blockFill(se data.Session, expected map[data.Day]int) (string, bool) {
	if plenaryPending(se, expected) {
		return "", false // never "0/1 500" while the people expected are counted
	}
	if n, ok := plenaryExpected(se, expected); ok {
		return plenaryFillText(se, n), se.EffectiveCapacity > 0 && n > se.EffectiveCapacity
	}
	return sessionFillText(se), sessionFull(se)
}

// plenaryExpected is the number of people expected at a plenary nobody
// enrolled in, once counted; false for other sessions.
func plenaryExpected(se data.Session, expected map[data.Day]int) (int, bool) {
	return expected[se.Day], expected != nil && se.Kind == data.KindPlenary && se.Enrolled == 0
}

// plenaryPending tells a plenary nobody enrolled in whose people expected
// are not counted yet (expected is nil): it shows no figure until then.
func plenaryPending(se data.Session, expected map[data.Day]int) bool {
	return expected == nil && se.Kind == data.KindPlenary && se.Enrolled == 0
}

// sessionFull reports whether a session has no place left.
func sessionFull(se data.Session) bool {
	return se.EffectiveCapacity > 0 && se.Enrolled >= se.EffectiveCapacity
}

// sessionTimes writes a session's times: "09:30 – 11:00".
func sessionTimes(se data.Session) string { return se.Start.String() + " – " + se.End.String() }

// timetable draws one day of the programme: rooms as columns, hours down the
// side, a block per session. The room names stay on top and the hours on
// the left while the grid scrolls.
type timetable struct {
	onOpen  func(id int64)                         // a block was tapped
	onHover func(text string)                      // the pointer is over a title ("" when it left)
	onNew   func(room data.Room, start data.Clock) // an empty slot was clicked
	onMove  func(se data.Session)                  // a block was dropped: the session with its new room and times
	shown   string                                 // what show drew last, to skip drawing it again

	header, axis, grid       *fyne.Container
	headerScroll, axisScroll *container.Scroll
	body                     *container.Scroll
	empty                    *widget.Label
	blocks                   []*sessionBlock // the day's blocks, for tests
	view                     fyne.CanvasObject
}

func newTimetable(onOpen func(id int64)) *timetable {
	t := &timetable{onOpen: onOpen}
	t.header = container.NewWithoutLayout()
	t.axis = container.NewWithoutLayout()
	t.grid = container.NewWithoutLayout()
	t.headerScroll = container.NewHScroll(t.header)
	t.axisScroll = container.NewVScroll(t.axis)
	t.body = container.NewScroll(t.grid)
	t.body.OnScrolled = t.onBodyScrolled
	t.headerScroll.OnScrolled = func(p fyne.Position) { t.body.ScrollToOffset(fyne.NewPos(p.X, t.body.Offset.Y)) }
	t.axisScroll.OnScrolled = func(p fyne.Position) { t.body.ScrollToOffset(fyne.NewPos(t.body.Offset.X, p.Y)) }
	t.empty = widget.NewLabel(lang.L("No session on this day."))
	t.empty.Importance = widget.LowImportance
	t.empty.Hide()

	corner := canvas.NewRectangle(color.Transparent)
	corner.SetMinSize(fyne.NewSize(ttAxisWidth, 0))
	top := container.NewBorder(nil, nil, corner, nil, container.NewThemeOverride(t.headerScroll, ttBarlessTheme{}))
	t.view = container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil,
		container.NewThemeOverride(t.axisScroll, ttBarlessTheme{}), nil,
		container.NewStack(t.body, container.NewCenter(t.empty)))
	return t
}

// reveal scrolls the grid, if need be, so that b (which got the keyboard)
// is in view: Tab goes from block to block, room after room.
func (t *timetable) reveal(b *sessionBlock) {
	p, sz, view := b.Position(), b.Size(), t.body.Size()
	off := t.body.Offset
	clamp := func(o, at, size, room float32) float32 {
		switch {
		case at < o:
			return at
		case at+size > o+room:
			return min(at, at+size-room)
		}
		return o
	}
	// The scroll bars are drawn over the grid's edges: a block is in view
	// only clear of them.
	content, bar := t.grid.MinSize(), ttBar()
	if content.Height > view.Height {
		view.Width -= bar
	}
	if content.Width > view.Width {
		view.Height -= bar
	}
	off = fyne.NewPos(clamp(off.X, p.X, sz.Width, view.Width), clamp(off.Y, p.Y, sz.Height, view.Height))
	if off == t.body.Offset {
		return
	}
	t.body.ScrollToOffset(off)
	t.onBodyScrolled(t.body.Offset)
}

// onBodyScrolled keeps the room names and the hours in step with the grid.
func (t *timetable) onBodyScrolled(p fyne.Position) {
	t.headerScroll.ScrollToOffset(fyne.NewPos(p.X, 0))
	t.axisScroll.ScrollToOffset(fyne.NewPos(0, p.Y))
}

// ttColumn is a column of the grid: a room, or the sessions without one.
type ttColumn struct {
	room     data.Room // ID 0: the "No room" column
	sessions []data.Session
}

// timetableColumns sorts a day's sessions into the rooms' columns, and a
// last column for those without a room when there are any.
func timetableColumns(rooms []data.Room, sessions []data.Session) []ttColumn {
	cols := make([]ttColumn, len(rooms))
	index := map[int64]int{}
	for i, r := range rooms {
		cols[i].room = r
		index[r.ID] = i
	}
	var noRoom []data.Session
	for _, se := range sessions {
		if i, ok := index[se.RoomID]; ok && se.RoomID != 0 {
			cols[i].sessions = append(cols[i].sessions, se)
		} else {
			noRoom = append(noRoom, se)
		}
	}
	if len(noRoom) > 0 {
		cols = append(cols, ttColumn{sessions: noRoom})
	}
	return cols
}

// timetableHours are the first and last hour lines of a day: from the
// earliest start to the latest end, whole hours.
func timetableHours(sessions []data.Session) (first, last int) {
	if len(sessions) == 0 {
		return ttDayStart, ttDayEnd
	}
	first, last = 24, 0
	for _, se := range sessions {
		first = min(first, int(se.Start)/60)
		last = max(last, (int(se.End)+59)/60)
	}
	return first, max(last, first+1)
}

// ttPlace is where a block goes: its column, and its lane among sessions
// of the same column that overlap (a room booked twice, sessions without a
// room at the same time).
type ttPlace struct {
	col, lane, lanes int
	start, end       data.Clock
}

// timetableLanes places the sessions of one column side by side where
// they overlap. The sessions are in time order.
func timetableLanes(col int, sessions []data.Session) []ttPlace {
	places := make([]ttPlace, len(sessions))
	var laneEnds []data.Clock // end of the last session in each lane of the cluster
	cluster := 0              // first session of the current cluster of overlaps
	var clusterEnd data.Clock
	closeCluster := func(upto int) {
		for i := cluster; i < upto; i++ {
			places[i].lanes = len(laneEnds)
		}
	}
	for i, se := range sessions {
		if i > 0 && se.Start >= clusterEnd {
			closeCluster(i)
			laneEnds, cluster = nil, i
		}
		lane := len(laneEnds)
		for l, end := range laneEnds {
			if end <= se.Start {
				lane = l
				break
			}
		}
		if lane == len(laneEnds) {
			laneEnds = append(laneEnds, se.End)
		} else {
			laneEnds[lane] = se.End
		}
		clusterEnd = max(clusterEnd, se.End)
		places[i] = ttPlace{col: col, lane: lane, start: se.Start, end: se.End}
	}
	closeCluster(len(sessions))
	return places
}

// show draws a day: the rooms and the day's sessions, in time order, with
// the people expected each day (for the plenaries). What is on screen
// already is not drawn again.
func (t *timetable) show(rooms []data.Room, sessions []data.Session, expected map[data.Day]int) {
	if key := fmt.Sprint(rooms, sessions, expected); key == t.shown {
		return
	} else {
		t.shown = key
	}
	cols := timetableColumns(rooms, sessions)
	first, last := timetableHours(sessions)
	fg := theme.Color(theme.ColorNameForeground)
	sep := theme.Color(theme.ColorNameSeparator)

	headers := make([]fyne.CanvasObject, len(cols))
	for i, c := range cols {
		name := widget.NewLabel(c.room.Name)
		name.TextStyle.Bold = true
		name.Truncation = fyne.TextTruncateEllipsis
		places := widget.NewLabel("")
		places.Importance = widget.LowImportance
		places.SizeName = theme.SizeNameCaptionText
		places.Truncation = fyne.TextTruncateEllipsis
		switch {
		case c.room.ID == 0:
			name.SetText(lang.L("No room"))
			name.TextStyle.Italic = true
		case c.room.Capacity > 0:
			places.SetText(lang.N("{{.Count}} places", c.room.Capacity, map[string]any{"Count": formatCount(c.room.Capacity)}))
		}
		full := name.Text
		if c.room.ID != 0 && c.room.Capacity > 0 {
			full += " · " + places.Text
		}
		headers[i] = newHoverArea(container.New(ttVBox{}, name, places), full, t.hover)
	}
	t.header.Layout = &ttHeaderLayout{cols: len(cols)}
	t.header.Objects = headers

	gl := &ttGridLayout{cols: len(cols), first: first, slots: newTTSlots()}
	gl.slots.layout, gl.slots.cols, gl.slots.onNew = gl, cols, t.newAt
	var axis []fyne.CanvasObject
	for h := first; h <= last; h++ {
		line := canvas.NewRectangle(sep)
		gl.hours = append(gl.hours, line)
		label := canvas.NewText(data.Clock(h*60).String(), fg)
		label.TextSize = theme.CaptionTextSize()
		label.Alignment = fyne.TextAlignTrailing
		axis = append(axis, label)
		if h < last {
			half := canvas.NewRectangle(ttAlpha(sep, 0x50))
			gl.halves = append(gl.halves, half)
		}
	}
	for range cols {
		gl.columns = append(gl.columns, canvas.NewRectangle(sep))
	}
	t.blocks = t.blocks[:0]
	for i, c := range cols {
		for j, p := range timetableLanes(i, c.sessions) {
			fill, full := blockFill(c.sessions[j], expected)
			b := newSessionBlock(c.sessions[j], fill, full, t.onOpen, t.hoverSession)
			b.onMove = t.moveBlock
			b.onDrag = t.dragTimes
			b.onFocus = t.reveal
			b.onCancel = func() { gl.Layout(nil, t.grid.Size()) } // back in place
			t.blocks = append(t.blocks, b)
			gl.blocks = append(gl.blocks, b)
			gl.places = append(gl.places, p)
		}
	}
	t.grid.Layout = gl
	t.grid.Objects = gl.objects()
	t.axis.Layout = &ttAxisLayout{first: first, last: last}
	t.axis.Objects = axis
	showIf(t.empty, len(sessions) == 0)

	t.header.Refresh()
	t.axis.Refresh()
	t.grid.Refresh()
	t.headerScroll.Refresh()
	t.axisScroll.Refresh()
	t.body.Refresh()
}

// newAt tells that an empty slot was clicked.
func (t *timetable) newAt(room data.Room, start data.Clock) {
	if t.onNew != nil {
		t.onNew(room, start)
	}
}

// hover tells what the pointer is over.
func (t *timetable) hover(text string) {
	if t.onHover != nil {
		t.onHover(text)
	}
}

// hoverSession tells the whole title of the session under the pointer,
// with its times and room.
func (t *timetable) hoverSession(se *data.Session) {
	if se == nil {
		t.hover("")
		return
	}
	t.hover(joinNonEmpty(" · ", sessionTimes(*se), se.Title, se.RoomName))
}

func ttAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 0xff)
	return n
}

// ttColumnWidth is the width of each of n columns across width w: they
// share the width, and the grid scrolls when they would be too narrow.
// The last scroll bar's width stays free at the right, so that the bar,
// drawn over the grid, never covers the last column's sessions.
func ttColumnWidth(w float32, n int) float32 {
	if n == 0 {
		return 0
	}
	return max(ttMinColumn, (w-ttBar())/float32(n))
}

// ttBar is the room left at the right and the bottom of the grid for the
// scroll bars.
func ttBar() float32 { return theme.Size(theme.SizeNameScrollBar) }

// ttY is where a time falls down the grid.
func ttY(first int, c data.Clock) float32 {
	return ttPad + float32(int(c)-first*60)*ttHourHeight/60
}

// ttHeaderLayout sets the room names above their columns.
type ttHeaderLayout struct{ cols int }

func (l *ttHeaderLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(l.cols)*ttMinColumn+ttBar(), h)
}

func (l *ttHeaderLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := ttColumnWidth(size.Width, l.cols)
	for i, o := range objects {
		o.Move(fyne.NewPos(float32(i)*w, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// ttAxisLayout sets the hours beside their lines.
type ttAxisLayout struct{ first, last int }

func (l *ttAxisLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(ttAxisWidth, 2*ttPad+float32(l.last-l.first)*ttHourHeight+ttBar())
}

func (l *ttAxisLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for i, o := range objects {
		h := o.MinSize().Height
		y := ttY(l.first, data.Clock((l.first+i)*60)) - h/2
		o.Move(fyne.NewPos(0, max(y, 0)))
		o.Resize(fyne.NewSize(size.Width-theme.Padding()*2, h))
	}
}

// ttGridLayout draws the hour lines, the column lines and the blocks.
type ttGridLayout struct {
	cols, first int
	hours       []*canvas.Rectangle // a line per hour
	halves      []*canvas.Rectangle // a fainter line per half hour
	columns     []*canvas.Rectangle // a line at the right of each column
	blocks      []*sessionBlock
	places      []ttPlace // where each block goes
	slots       *ttSlots  // under everything: a click on an empty slot
}

// objects are the grid's objects, lines below blocks.
func (l *ttGridLayout) objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{l.slots}
	for _, r := range l.halves {
		objs = append(objs, r)
	}
	for _, r := range l.hours {
		objs = append(objs, r)
	}
	for _, r := range l.columns {
		objs = append(objs, r)
	}
	for _, b := range l.blocks {
		objs = append(objs, b)
	}
	return objs
}

func (l *ttGridLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(float32(l.cols)*ttMinColumn+ttBar(), 2*ttPad+float32(len(l.hours)-1)*ttHourHeight+ttBar())
}

func (l *ttGridLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	w := ttColumnWidth(size.Width, l.cols)
	width := w * float32(l.cols)
	l.slots.Resize(size)
	for i, r := range l.hours {
		r.Move(fyne.NewPos(0, ttY(l.first, data.Clock((l.first+i)*60))))
		r.Resize(fyne.NewSize(width, 1))
	}
	for i, r := range l.halves {
		r.Move(fyne.NewPos(0, ttY(l.first, data.Clock((l.first+i)*60+30))))
		r.Resize(fyne.NewSize(width, 1))
	}
	top, bottom := ttY(l.first, data.Clock(l.first*60)), ttY(l.first, data.Clock((l.first+len(l.hours)-1)*60))
	for i, r := range l.columns {
		r.Move(fyne.NewPos(float32(i+1)*w-1, top))
		r.Resize(fyne.NewSize(1, bottom-top))
	}
	const gap = 3
	for i, b := range l.blocks {
		p := l.places[i]
		lane := (w - gap) / float32(max(p.lanes, 1))
		y0, y1 := ttY(l.first, p.start), ttY(l.first, p.end)
		b.Move(fyne.NewPos(float32(p.col)*w+gap+float32(p.lane)*lane, y0+1))
		b.Resize(fyne.NewSize(lane-gap, max(y1-y0-2, 4)))
	}
}

// ttVBox stacks labels closer than a VBox does: their paddings overlap.
type ttVBox struct{}

func (ttVBox) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		m := o.MinSize()
		s = fyne.NewSize(max(s.Width, m.Width), s.Height+m.Height-theme.InnerPadding())
	}
	return s.AddWidthHeight(0, theme.InnerPadding())
}

func (ttVBox) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - theme.InnerPadding()
	}
}

// ttBarlessTheme hides the scroll bars of the room names and the hours:
// they follow the grid's, which has its own.
type ttBarlessTheme struct{ blockTheme }

func (t ttBarlessTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameScrollBar, theme.SizeNameScrollBarSmall:
		return 0
	}
	return t.base().Size(n)
}

// newKindLegend shows which colour is which kind of session.
func newKindLegend() fyne.CanvasObject {
	box := container.NewHBox()
	for _, k := range sessionKinds {
		swatch := canvas.NewRectangle(kindColour(k))
		swatch.CornerRadius = 3
		swatch.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize() * 0.8))
		ringSwatch(swatch) // colour_ring.go
		box.Add(container.NewCenter(swatch))
		box.Add(widget.NewLabel(kindLabel(k)))
	}
	return box
}
