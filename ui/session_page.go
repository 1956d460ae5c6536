package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// sessionPageStore is what a session's page reads and changes.
type sessionPageStore interface {
	Session(ctx context.Context, id int64) (data.Session, error)
	SessionEnrolments(ctx context.Context, sessionID int64) ([]data.Enrolment, error)
	ParticipantRows(ctx context.Context, ids []int64) ([]data.ParticipantRow, error)
	Enrol(ctx context.Context, participantID, sessionID int64) (data.EnrolmentStatus, error)
	sessionEnrolMoveStore // a waiting list elsewhere at that time: move there?
	CancelEnrolment(ctx context.Context, participantID, sessionID int64) error
	PromoteFromWaitlist(ctx context.Context, participantID, sessionID int64) error
	PromotionClash(ctx context.Context, participantID, sessionID int64) error          // checked before asking about capacity
	NextOnWaitlist(ctx context.Context, sessionID int64) (data.Enrolment, bool, error) // who gets a freed seat
	DeleteSession(ctx context.Context, id int64) error
	ExpectedByDay(ctx context.Context) (map[data.Day]int, error) // a plenary's people expected
	sessionPersonSearcher
}

// sessionPage shows one session: what, when, where, how full, who is
// enrolled and who waits; people are added, removed and promoted here.
type sessionPage struct {
	env   *env
	store sessionPageStore
	id    int64
	// onBack returns to the programme; onEdit opens the form for the
	// session (and its people as rows); onDeleted follows a deletion.
	onBack    func()
	onEdit    func(se data.Session, people []data.ParticipantRow)
	onDeleted func()

	se       data.Session          // UI thread only, like what follows
	people   []data.ParticipantRow // speakers and facilitators
	enrolled []data.Enrolment
	waiting  []data.Enrolment // in order

	title        *widget.Label
	swatch       *canvas.Rectangle
	details      []*widget.Label // kind, day, time, room, speakers, facilitators
	description  *widget.Label
	gauge        *widget.ProgressBar
	gaugeTheme   *container.ThemeOverride // red when the session is full (timetable_gauge.go)
	gaugeText    *widget.Label
	status       *widget.Label // what the last action did
	enrolledHead *widget.Label
	waitingHead  *widget.Label
	enrolledList *widgets.List
	waitingList  *widgets.List
	waitingKept  *keepRowLayout // the row just added stays in view
	noneEnrolled *widget.Label
	noneWaiting  *widget.Label
	chooser      *sessionPersonChooser // the last opened, for tests
	hoverLine    *widget.Label         // under the lists: the whole name under the pointer
}

func newSessionPage(e *env, st sessionPageStore, id int64) *sessionPage {
	return &sessionPage{env: e, store: st, id: id}
}

func (p *sessionPage) build() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("Programme"), theme.NavigateBackIcon(), func() { p.onBack() })
	back.Importance = widget.LowImportance
	edit := widget.NewButtonWithIcon(lang.L("Edit…"), theme.DocumentCreateIcon(), p.onEditTapped)
	del := widget.NewButtonWithIcon(lang.L("Delete…"), theme.DeleteIcon(), p.onDeleteTapped)
	del.Importance = widget.DangerImportance
	bar := container.NewBorder(nil, nil, back, container.NewHBox(edit, del))

	p.title = widget.NewLabel("")
	p.title.SizeName = theme.SizeNameHeadingText
	p.title.TextStyle.Bold = true
	p.title.Wrapping = fyne.TextWrapWord
	p.swatch = canvas.NewRectangle(kindColour(data.KindOther))
	p.swatch.SetMinSize(fyne.NewSize(6, 0))
	p.swatch.CornerRadius = 3

	when, who := container.New(layout.NewFormLayout()), container.New(layout.NewFormLayout())
	for i, k := range []string{lang.L("Kind"), lang.L("Day"), lang.L("Time"), lang.L("Room"), lang.L("Speakers"), lang.L("Facilitators")} {
		v := widget.NewLabel("")
		v.Wrapping = fyne.TextWrapWord
		p.details = append(p.details, v)
		form := when
		if i >= 4 {
			form = who
		}
		form.Add(sessionFieldLabel(k))
		form.Add(v)
	}
	form := container.NewGridWithColumns(2, when, container.NewVBox(who))
	p.description = widget.NewLabel("")
	p.description.Wrapping = fyne.TextWrapWord

	p.gauge = widget.NewProgressBar()
	p.gauge.TextFormatter = func() string { return "" }
	p.gaugeText = widget.NewLabel("")
	p.gaugeText.TextStyle.Bold = true
	p.gaugeTheme = container.NewThemeOverride(p.gauge, appTheme{})
	gauge := container.NewBorder(nil, nil, p.gaugeText, nil, p.gaugeTheme)

	add := widget.NewButtonWithIcon(lang.L("Add a person…"), theme.ContentAddIcon(), p.onAddTapped)
	add.Importance = widget.HighImportance
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord

	p.enrolledHead = widget.NewLabel("")
	p.enrolledHead.TextStyle.Bold = true
	p.waitingHead = widget.NewLabel("")
	p.waitingHead.TextStyle.Bold = true
	p.enrolledList = widgets.NewList(func() int { return len(p.enrolled) }, p.newEnrolledItem, p.updateEnrolled)
	p.waitingList = widgets.NewList(func() int { return len(p.waiting) }, p.newWaitingItem, p.updateWaiting)
	p.waitingKept = &keepRowLayout{list: p.waitingList, row: -1}
	p.noneEnrolled = widget.NewLabel(lang.L("Nobody is enrolled yet."))
	p.noneEnrolled.Importance = widget.LowImportance
	p.noneWaiting = widget.NewLabel(lang.L("Nobody is waiting."))
	p.noneWaiting.Importance = widget.LowImportance
	lists := container.NewHSplit(
		container.NewBorder(p.enrolledHead, nil, nil, nil, container.NewStack(p.enrolledList, container.NewCenter(p.noneEnrolled))),
		container.NewBorder(p.waitingHead, nil, nil, nil, container.New(p.waitingKept, p.waitingList, container.NewCenter(p.noneWaiting))))

	top := container.NewVBox(bar,
		container.NewBorder(nil, nil, p.swatch, nil, p.title),
		form, p.description, widget.NewSeparator(),
		gauge,
		container.NewBorder(nil, nil, container.NewVBox(add), nil, p.status))
	p.hoverLine = newProgrammeListStatus()
	p.hoverLine.SetText("")
	return container.NewBorder(top, p.hoverLine, nil, nil, lists)
}

// loadAsync reads the session and its people again.
func (p *sessionPage) loadAsync() { p.runAsync(nil) }

// runAsync does act (when not nil), reads the session again and shows it;
// then report, on the UI thread, tells what act did from the enrolments
// before and after, or its error.
func (p *sessionPage) runAsync(act func(ctx context.Context) error, report ...func(before, after []data.Enrolment, err error)) {
	before := append(append([]data.Enrolment(nil), p.enrolled...), p.waiting...)
	p.waitingKept.keep(-1) // another action: the list scrolls as the organiser leaves it
	p.env.tasks.runAsync(p.env.ctx, func(ctx context.Context) func() {
		var actErr error
		if act != nil {
			actErr = act(ctx)
		}
		se, list, people, err := p.read(ctx)
		var expected map[data.Day]int
		if err == nil && plenaryPending(se, nil) {
			expected, err = p.store.ExpectedByDay(ctx)
		}
		return func() {
			if err != nil {
				if data.KindOf(err) == data.KindNotFound {
					p.onBack() // deleted meanwhile
				}
				showError(p.env.win, err)
				return
			}
			p.show(se, list, people)
			p.showExpected(se, expected) // session_page_expected.go
			for _, r := range report {
				r(before, list, actErr)
			}
		}
	})
}

func (p *sessionPage) read(ctx context.Context) (data.Session, []data.Enrolment, []data.ParticipantRow, error) {
	se, err := p.store.Session(ctx, p.id)
	if err != nil {
		return se, nil, nil, err
	}
	list, err := p.store.SessionEnrolments(ctx, p.id)
	if err != nil {
		return se, nil, nil, err
	}
	var people []data.ParticipantRow
	if ids := append(append([]int64(nil), se.Speakers...), se.Facilitators...); len(ids) > 0 {
		people, err = p.store.ParticipantRows(ctx, ids)
	}
	return se, list, people, err
}

// show puts a session on the page. UI thread.
func (p *sessionPage) show(se data.Session, list []data.Enrolment, people []data.ParticipantRow) {
	p.se, p.people = se, people
	p.enrolled, p.waiting = nil, nil
	for _, e := range list {
		if e.Status == data.Waitlisted {
			p.waiting = append(p.waiting, e)
		} else {
			p.enrolled = append(p.enrolled, e)
		}
	}
	p.title.SetText(se.Title)
	p.swatch.FillColor = kindColour(se.Kind)
	p.swatch.Refresh()
	room := se.RoomName
	if room == "" {
		room = lang.L("No room yet")
	}
	names := map[int64]string{}
	for _, r := range people {
		names[r.ID] = joinNonEmpty(" — ", r.FirstName+" "+r.LastName, r.Organisation)
	}
	nameList := func(ids []int64) string {
		var out []string
		for _, id := range ids {
			out = append(out, names[id])
		}
		if len(out) == 0 {
			return "—"
		}
		return strings.Join(out, "\n")
	}
	for i, v := range []string{kindLabel(se.Kind), dayLong(se.Day), sessionTimes(se), room,
		nameList(se.Speakers), nameList(se.Facilitators)} {
		p.details[i].SetText(v)
	}
	p.description.SetText(se.Description)
	showIf(p.description, se.Description != "")

	if se.EffectiveCapacity > 0 {
		p.gauge.Max = float64(se.EffectiveCapacity)
		p.gauge.SetValue(float64(min(len(p.enrolled), se.EffectiveCapacity)))
		setGaugeFull(p.gaugeTheme, len(p.enrolled) >= se.EffectiveCapacity)
		p.gauge.Show()
	} else {
		p.gauge.Hide()
	}
	p.gaugeText.SetText(sessionGaugeText(se, len(p.enrolled)))
	p.enrolledHead.SetText(lang.L("Enrolled ({{.Count}})", map[string]any{"Count": formatCount(len(p.enrolled))}))
	p.waitingHead.SetText(lang.L("Waiting list ({{.Count}})", map[string]any{"Count": formatCount(len(p.waiting))}))
	p.enrolledList.Refresh()
	p.waitingList.Refresh()
	showIf(p.noneEnrolled, len(p.enrolled) == 0)
	showIf(p.noneWaiting, len(p.waiting) == 0)
}

// gaugeText says how full a session is, in words.
func sessionGaugeText(se data.Session, enrolled int) string {
	if se.EffectiveCapacity == 0 {
		return lang.N("{{.Count}} enrolled — unlimited places", enrolled, map[string]any{"Count": formatCount(enrolled)})
	}
	args := map[string]any{"Count": formatCount(enrolled), "Capacity": formatCount(se.EffectiveCapacity)}
	switch {
	case enrolled > se.EffectiveCapacity:
		return lang.L("{{.Count}} / {{.Capacity}} — above capacity", args)
	case enrolled == se.EffectiveCapacity:
		return lang.L("{{.Count}} / {{.Capacity}} — full", args)
	}
	return lang.L("{{.Count}} / {{.Capacity}} places taken", args)
}

func (p *sessionPage) newEnrolledItem() fyne.CanvasObject {
	remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.ContentRemoveIcon(), nil)
	remove.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, remove, newHoverArea(container.NewGridWithColumns(2, newCellLabel(), newCellLabel()), "", p.onNameHover))
}

func (p *sessionPage) updateEnrolled(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.enrolled) {
		return
	}
	e := p.enrolled[id]
	box := o.(*fyne.Container)
	hover := box.Objects[0].(*hoverArea)
	hover.text = joinNonEmpty(" — ", e.ParticipantName, e.Organisation)
	cells := hover.content.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(e.ParticipantName)
	cells[1].(*widget.Label).SetText(e.Organisation)
	box.Objects[1].(*widget.Button).OnTapped = func() { p.onRemoveTapped(e) }
}

func (p *sessionPage) newWaitingItem() fyne.CanvasObject {
	pos := widget.NewLabel("")
	pos.Alignment = fyne.TextAlignTrailing
	pos.TextStyle.Monospace = true
	// A column as wide as "9999.", numbers to its right: the names start
	// in one place from n° 1 to n° 9999 (n° 10 was one digit further).
	pos.SetText("9999.")
	column := canvas.NewRectangle(color.Transparent)
	column.SetMinSize(fyne.NewSize(pos.MinSize().Width, 0))
	pos.SetText("")
	promote := widget.NewButtonWithIcon(lang.L("Promote"), theme.MoveUpIcon(), nil)
	remove := widget.NewButtonWithIcon(lang.L("Remove"), theme.ContentRemoveIcon(), nil)
	remove.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, container.NewStack(column, pos), container.NewHBox(promote, remove), newHoverArea(newCellLabel(), "", p.onNameHover))
}

func (p *sessionPage) updateWaiting(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.waiting) {
		return
	}
	e := p.waiting[id]
	box := o.(*fyne.Container)
	hover := box.Objects[0].(*hoverArea)
	hover.text = joinNonEmpty(" — ", e.ParticipantName, e.Organisation)
	hover.content.(*widget.Label).SetText(hover.text)
	box.Objects[1].(*fyne.Container).Objects[1].(*widget.Label).SetText(fmt.Sprintf("%d.", e.Position))
	buttons := box.Objects[2].(*fyne.Container).Objects
	buttons[0].(*widget.Button).OnTapped = func() { p.onPromoteTapped(e) }
	buttons[1].(*widget.Button).OnTapped = func() { p.onRemoveTapped(e) }
}

// setStatus tells what the last action did; a refusal or a place on the
// waiting list stands out.
func (p *sessionPage) setStatus(text string, importance widget.Importance) {
	p.status.Importance = importance
	p.status.SetText(text)
}

// onAddTapped lets the user find someone to enrol.
func (p *sessionPage) onAddTapped() {
	already := map[int64]string{}
	for _, e := range append(append([]data.Enrolment(nil), p.enrolled...), p.waiting...) {
		already[e.ParticipantID] = enrolmentStatusText(e.Status)
	}
	p.chooser = showSessionPersonChooser(p.env, p.store, lang.L("Enrol in “{{.Title}}”", map[string]any{"Title": p.se.Title}), already, p.enrolAsync)
}

// enrolNowAsync enrols someone, or puts them on the waiting list, and says
// which; a clash says with what. move takes them off the waiting lists of
// sessions at that time (see enrolAsync).
func (p *sessionPage) enrolNowAsync(who data.ParticipantRow, move bool) {
	name := who.FirstName + " " + who.LastName
	for _, e := range append(append([]data.Enrolment(nil), p.enrolled...), p.waiting...) {
		if e.ParticipantID == who.ID {
			p.setStatus(sessionEnrolmentSentence(name, p.se, e), widget.MediumImportance)
			return
		}
	}
	p.runAsync(func(ctx context.Context) error {
		var err error
		if move {
			_, err = p.store.EnrolLeavingWaitlists(ctx, who.ID, p.id)
		} else {
			_, err = p.store.Enrol(ctx, who.ID, p.id)
		}
		return err
	}, func(_, after []data.Enrolment, err error) {
		if err != nil {
			p.setStatus(data.Message(err, uiLanguage()), widget.DangerImportance)
			return
		}
		for _, e := range after {
			if e.ParticipantID != who.ID {
				continue
			}
			if e.Status == data.Waitlisted {
				p.setStatus(sessionEnrolmentSentence(name, p.se, e), widget.WarningImportance)
				p.waitingKept.keep(e.Position - 1)
			} else {
				p.setStatus(sessionEnrolmentSentence(name, p.se, e), widget.SuccessImportance)
			}
		}
	})
}

// sessionEnrolmentSentence says where someone stands for a session.
func sessionEnrolmentSentence(name string, se data.Session, e data.Enrolment) string {
	if e.Status == data.Waitlisted {
		return lang.L("“{{.Title}}” is full: {{.Name}} is on the waiting list, position {{.Position}}.",
			map[string]any{"Title": se.Title, "Name": name, "Position": e.Position})
	}
	return lang.L("{{.Name}} is enrolled in “{{.Title}}”.", map[string]any{"Name": name, "Title": se.Title})
}

// onRemoveTapped asks before taking someone out of the session or its
// waiting list.
func (p *sessionPage) onRemoveTapped(e data.Enrolment) {
	if e.Status == data.Waitlisted {
		p.confirmRemove(e, lang.L("{{.Name}} will leave the waiting list of “{{.Title}}”.", map[string]any{"Name": e.ParticipantName, "Title": p.se.Title}))
		return
	}
	msg := lang.L("{{.Name}} will no longer be enrolled in “{{.Title}}”.", map[string]any{"Name": e.ParticipantName, "Title": p.se.Title})
	if len(p.waiting) == 0 || p.se.EffectiveCapacity == 0 || len(p.enrolled) > p.se.EffectiveCapacity {
		p.confirmRemove(e, msg)
		return
	}
	// A seat is freed: the data layer says who gets it (those seated
	// elsewhere at that time are passed over).
	p.env.tasks.runAsync(p.env.ctx, func(ctx context.Context) func() {
		next, found, err := p.store.NextOnWaitlist(ctx, p.id)
		return func() {
			if err != nil {
				showError(p.env.win, err)
				return
			}
			p.confirmRemove(e, msg+"\n"+sessionNextSentence(next, found))
		}
	})
}

// sessionNextSentence says who gets a freed seat.
func sessionNextSentence(next data.Enrolment, found bool) string {
	switch {
	case !found:
		return lang.L("Nobody on the waiting list can take the place: they all have a seat elsewhere at that time.")
	case next.Position == 1:
		return lang.L("The first person on the waiting list, {{.Name}}, will get the place.", map[string]any{"Name": next.ParticipantName})
	}
	return lang.L("{{.Name}}, number {{.Position}} on the waiting list, will get the place (those before have a seat elsewhere at that time).",
		map[string]any{"Name": next.ParticipantName, "Position": next.Position})
}

// confirmRemove asks before removeAsync.
func (p *sessionPage) confirmRemove(e data.Enrolment, msg string) {
	askConfirm(p.env.win, lang.L("Remove {{.Name}}?", map[string]any{"Name": e.ParticipantName}), msg,
		func(ok bool) {
			if ok {
				p.removeAsync(e)
			}
		})
}

// removeAsync takes someone out, and says who got their place.
func (p *sessionPage) removeAsync(e data.Enrolment) {
	p.runAsync(func(ctx context.Context) error {
		return p.store.CancelEnrolment(ctx, e.ParticipantID, p.id)
	}, func(before, after []data.Enrolment, err error) {
		if err != nil {
			p.setStatus(data.Message(err, uiLanguage()), widget.DangerImportance)
			return
		}
		var promoted []string
		for _, a := range after {
			if a.Status == data.Enrolled && sessionWasWaiting(before, a.ParticipantID) {
				promoted = append(promoted, a.ParticipantName)
			}
		}
		text := lang.L("{{.Name}} was removed.", map[string]any{"Name": e.ParticipantName})
		if len(promoted) > 0 {
			text += " " + lang.L("{{.Names}} got the place from the waiting list.", map[string]any{"Names": strings.Join(promoted, ", ")})
		}
		p.setStatus(text, widget.SuccessImportance)
	})
}

func sessionWasWaiting(list []data.Enrolment, participantID int64) bool {
	for _, e := range list {
		if e.ParticipantID == participantID {
			return e.Status == data.Waitlisted
		}
	}
	return false
}

// onPromoteTapped gives someone waiting a place; above capacity only when
// the organiser confirms it.
func (p *sessionPage) onPromoteTapped(e data.Enrolment) {
	// A seat elsewhere at that time refuses it: said before any question.
	p.env.tasks.runAsync(p.env.ctx, func(ctx context.Context) func() {
		err := p.store.PromotionClash(ctx, e.ParticipantID, p.id)
		return func() {
			if err != nil {
				p.setStatus(data.Message(err, uiLanguage()), widget.DangerImportance)
				return
			}
			p.promoteOrAsk(e)
		}
	})
}

// promoteOrAsk promotes someone, asking first when the session is full.
func (p *sessionPage) promoteOrAsk(e data.Enrolment) {
	if p.se.EffectiveCapacity == 0 || len(p.enrolled) < p.se.EffectiveCapacity {
		p.promoteAsync(e)
		return
	}
	askConfirm(p.env.win, lang.L("Above capacity?"),
		lang.L("“{{.Title}}” is full ({{.Capacity}} places). Give {{.Name}} a place anyway, above capacity?",
			map[string]any{"Title": p.se.Title, "Capacity": p.se.EffectiveCapacity, "Name": e.ParticipantName}),
		func(ok bool) {
			if ok {
				p.promoteAsync(e)
			}
		})
}

func (p *sessionPage) promoteAsync(e data.Enrolment) {
	p.runAsync(func(ctx context.Context) error {
		return p.store.PromoteFromWaitlist(ctx, e.ParticipantID, p.id)
	}, func(_, _ []data.Enrolment, err error) {
		if err != nil {
			p.setStatus(data.Message(err, uiLanguage()), widget.DangerImportance)
			return
		}
		p.setStatus(lang.L("{{.Name}} got a place in “{{.Title}}”.", map[string]any{"Name": e.ParticipantName, "Title": p.se.Title}), widget.SuccessImportance)
	})
}

// onEditTapped opens the session's form.
func (p *sessionPage) onEditTapped() {
	if p.se.ID != 0 {
		p.onEdit(p.se, p.people)
	}
}

// onDeleteTapped asks before deleting the session; a session people have
// entered stays, and the message says why.
func (p *sessionPage) onDeleteTapped() {
	if p.se.ID == 0 {
		return
	}
	n := len(p.enrolled) + len(p.waiting)
	msg := lang.L("The session will be removed from the programme.")
	if n > 0 {
		msg += "\n" + lang.N("Its {{.Count}} enrolments will be deleted too.", n, map[string]any{"Count": n})
	}
	askConfirm(p.env.win, lang.L("Delete “{{.Title}}”?", map[string]any{"Title": p.se.Title}), msg, func(ok bool) {
		if ok {
			p.deleteAsync()
		}
	})
}

func (p *sessionPage) deleteAsync() {
	p.env.tasks.runAsync(p.env.ctx, func(ctx context.Context) func() {
		err := p.store.DeleteSession(ctx, p.id)
		return func() {
			if err != nil {
				showError(p.env.win, err)
				return
			}
			p.onDeleted()
		}
	})
}

// onNameHover shows the whole name (and organisation) under the pointer
// under the lists, where a list may cut it.
func (p *sessionPage) onNameHover(text string) {
	p.hoverLine.Importance = widget.MediumImportance
	p.hoverLine.SetText(text)
}

// keepRowLayout stacks a list and what stands over it (its "nobody"
// message), and keeps one row of the list in view: the person just put on
// the waiting list stays shown whole when the sentence above, wrapping to
// a second line, makes the list shorter after it scrolled to them.
type keepRowLayout struct {
	list *widgets.List
	row  int // -1 for none
}

// keep scrolls to row and keeps it in view through layouts; -1 lets go.
func (l *keepRowLayout) keep(row int) {
	l.row = row
	if row >= 0 {
		l.list.ScrollTo(row)
	}
}

func (l *keepRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
	if l.row >= 0 {
		l.list.ScrollTo(l.row)
	}
}

func (l *keepRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}
