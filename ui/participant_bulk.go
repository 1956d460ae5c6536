package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// participantBulkStore is what the bulk actions write.
type participantBulkStore interface {
	SetCategoryMany(ctx context.Context, ids []int64, categoryID int64, by string) (data.BulkChange, error)
	SetStatusMany(ctx context.Context, ids []int64, st data.Status, by string) (data.BulkChange, error)
	EnrolManyMoving(ctx context.Context, ids []int64, sessionID int64, by string, move bool) (data.BulkChange, []data.EnrolResult, error)
	WaitingAtTheSameTime(ctx context.Context, sessionID int64) ([]int64, error) // whom to ask: move there? (participant_bulk_move.go)
	ExpectedByDay(ctx context.Context) (map[data.Day]int, error)                // a plenary's people expected, in the list of sessions
	UndoBulkChange(ctx context.Context, id int64, by string) error
	Sessions(ctx context.Context) ([]data.Session, error)
}

// participantBulk is the selection of the participant table, and what can
// be done to it at once. It is the one place that says who is selected:
// the ticked rows, the person the detail panel shows (current, always one
// of them) and whom a bulk action changes all come from it. UI thread only.
type participantBulk struct {
	s       *participantsScreen
	picked  map[int64]bool
	current int64 // the one the detail shows: picked, or 0 when none is
	anchor  int   // the row a Shift-click extends from
	all     bool  // every row shown is picked

	last *data.BulkChange // the change Undo (Ctrl+Z) undoes; nil: none
	// undoing: an undo is under way; last stays until it succeeds or
	// cannot be done at all.
	undoing bool

	results                 *textTable // the last enrolment results shown
	resultsDialog           dialog.Dialog
	waitingAsked            int     // how many the last "move there?" was about, for tests
	resultIDs               []int64 // whose they are
	label                   *widget.Label
	category, status, enrol *widget.Button
	clear                   *widget.Button
	feedback                *widget.Label  // what the last change did
	undo                    *widget.Button // undoes it
	bar                     *fyne.Container
}

func newParticipantBulk(s *participantsScreen) *participantBulk {
	return &participantBulk{s: s, picked: map[int64]bool{}, anchor: -1}
}

func (b *participantBulk) build() fyne.CanvasObject {
	b.label = widget.NewLabel("")
	b.category = widget.NewButtonWithIcon(lang.L("Change category…"), theme.ColorPaletteIcon(), b.onCategoryTapped)
	b.status = widget.NewButtonWithIcon(lang.L("Change status…"), theme.DocumentCreateIcon(), b.onStatusTapped)
	b.enrol = widget.NewButtonWithIcon(lang.L("Enrol in a session…"), theme.CalendarIcon(), b.onEnrolTapped)
	// The box in the table's header picks all the rows shown.
	b.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { b.onPickAll(false) })
	b.clear.Importance = widget.LowImportance
	b.feedback = widget.NewLabel("")
	b.feedback.Importance = widget.SuccessImportance
	// On a line of its own, whole: beside the buttons, in a window of
	// ordinary width, it was cut to "S…".
	b.feedback.Wrapping = fyne.TextWrapWord
	b.feedback.Hide()
	b.undo = widget.NewButtonWithIcon(lang.L("Undo (Ctrl+Z)"), theme.ContentUndoIcon(), b.onUndoTapped)
	b.undo.Hide()
	b.refresh()
	b.bar = container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(b.label, b.clear, b.category, b.status, b.enrol), b.undo),
		b.feedback)
	return b.bar
}

// ids returns the picked participants in the order of the table, then
// the one shown if the list does not show them (just created, or no longer
// matching the search): whom a bulk action changes.
func (b *participantBulk) ids() []int64 {
	var ids []int64
	listed := false
	for _, id := range b.s.table.rows.ids {
		if b.picked[id] {
			ids = append(ids, id)
			listed = listed || id == b.current
		}
	}
	if b.current != 0 && !listed {
		ids = append(ids, b.current)
	}
	return ids
}

// hidden returns those of ids() whom the list does not show: the search or
// the filters hide them (the one the detail shows, kept when the list
// changed). A bulk change names them before it changes them.
func (b *participantBulk) hidden() []int64 {
	if b.current != 0 && b.picked[b.current] && !slices.Contains(b.s.table.rows.ids, b.current) {
		return []int64{b.current}
	}
	return nil
}

// isPicked reports whether this participant is picked.
func (b *participantBulk) isPicked(id int64) bool { return b.picked[id] }

// allPicked reports whether every row shown is picked.
func (b *participantBulk) allPicked() bool { return b.all }

// refresh makes the detail and the count follow the selection, and the
// table show it.
func (b *participantBulk) refresh() {
	b.sync()
	if b.s.table.table != nil {
		b.s.table.table.Refresh()
	}
}

// sync keeps the person shown one of those picked (the first of them in
// the table when the one shown no longer is), then makes the detail show
// them and the count say how many are picked.
func (b *participantBulk) sync() {
	if !b.picked[b.current] {
		b.current = 0
		for _, id := range b.s.table.rows.ids {
			if b.picked[id] {
				b.current = id
				break
			}
		}
		if b.current == 0 {
			for id := range b.picked { // picked but not listed yet
				if b.current == 0 || id < b.current {
					b.current = id
				}
			}
		}
	}
	if d := b.s.detail; d != nil && d.content != nil {
		if b.current == 0 {
			if d.id != 0 {
				d.clear()
			}
		} else {
			d.showAsync(b.current)
		}
	}
	if b.label != nil {
		b.count()
	}
}

// pickOnly makes one participant the selection, and the one shown.
func (b *participantBulk) pickOnly(id int64) {
	b.picked = map[int64]bool{id: true}
	b.current = id
	b.anchor = slices.Index(b.s.table.rows.ids, id)
	b.refresh()
}

// show makes a participant the one shown: among those picked if they are,
// else alone (a participant just created or edited elsewhere).
func (b *participantBulk) show(id int64) {
	if !b.picked[id] {
		b.pickOnly(id)
		return
	}
	b.current = id
	b.refresh()
}

// forget takes a participant out of the selection (deleted, merged away).
func (b *participantBulk) forget(id int64) {
	delete(b.picked, id)
	b.refresh()
}

// count shows how many are picked.
func (b *participantBulk) count() {
	rows := b.s.table.rows.ids
	b.all = len(rows) > 0 && len(b.picked) >= len(rows)
	if b.all {
		for _, id := range rows {
			if !b.picked[id] {
				b.all = false
				break
			}
		}
	}
	n := len(b.picked)
	text := lang.N("{{.Count}} selected", n, map[string]any{"Count": formatCount(n)})
	b.label.Importance = widget.MediumImportance
	// Only once the list is whole: until then a ticked row further down
	// is not hidden, only not read yet.
	if h := len(b.hidden()); h > 0 && b.s.table.complete {
		text = lang.L("{{.Selected}} ({{.Hidden}})", map[string]any{"Selected": text,
			"Hidden": lang.N("{{.Count}} hidden", h, map[string]any{"Count": formatCount(h)})})
		b.label.Importance = widget.WarningImportance
	}
	b.label.SetText(text)
	for _, btn := range []*widget.Button{b.category, b.status, b.enrol, b.clear} {
		if n == 0 {
			btn.Disable()
		} else {
			btn.Enable()
		}
	}
}

// keepShown drops from the selection those no longer in the list, but for
// the one the detail shows; the table is refreshed by the caller.
func (b *participantBulk) keepShown(ids []int64) {
	if len(b.picked) > 0 {
		shown := make(map[int64]bool, len(b.picked))
		if b.picked[b.current] {
			shown[b.current] = true
		}
		for _, id := range ids {
			if b.picked[id] {
				shown[id] = true
			}
		}
		b.picked = shown
	}
	b.sync()
}

// onRowPicked picks a row: alone, or with Ctrl added to (or taken from) the
// selection, or with Shift all the rows from the last one picked. The
// detail panel shows its participant.
func (b *participantBulk) onRowPicked(row int, mods fyne.KeyModifier) {
	rows := b.s.table.rows.ids
	if row < 0 || row >= len(rows) {
		return
	}
	id := rows[row]
	switch {
	case mods&fyne.KeyModifierShift != 0 && b.anchor >= 0 && b.anchor < len(rows):
		if mods&fyne.KeyModifierShortcutDefault == 0 {
			b.picked = map[int64]bool{}
		}
		for i := min(b.anchor, row); i <= max(b.anchor, row); i++ {
			b.picked[rows[i]] = true
		}
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		b.toggle(id)
		b.anchor = row
	default:
		b.picked = map[int64]bool{id: true}
		b.anchor = row
	}
	if b.picked[id] {
		b.current = id
	}
	b.refresh()
}

// onRowToggled adds a row to the selection or takes it out (Space).
func (b *participantBulk) onRowToggled(row int) {
	if row >= 0 && row < len(b.s.table.rows.ids) {
		b.toggle(b.s.table.rows.ids[row])
		b.anchor = row
		b.refresh()
	}
}

// onRowChecked follows the tick box of a row.
func (b *participantBulk) onRowChecked(row int, on bool) {
	if row < 0 || row >= len(b.s.table.rows.ids) {
		return
	}
	id := b.s.table.rows.ids[row]
	if on {
		b.picked[id] = true
		b.current = id
	} else {
		delete(b.picked, id)
	}
	b.anchor = row
	b.refresh()
}

func (b *participantBulk) toggle(id int64) {
	if b.picked[id] {
		delete(b.picked, id)
	} else {
		b.picked[id] = true
		b.current = id
	}
}

// onPickAll picks every row shown, or none.
func (b *participantBulk) onPickAll(on bool) {
	b.picked = map[int64]bool{}
	if on {
		for _, id := range b.s.table.rows.ids {
			b.picked[id] = true
		}
	}
	b.refresh()
}

// onCategoryTapped puts the selection in a category.
func (b *participantBulk) onCategoryTapped() {
	ids := b.ids()
	cats := b.s.categories
	if len(ids) == 0 || len(cats) == 0 {
		return
	}
	names := make([]string, len(cats))
	for i, c := range cats {
		names[i] = c.Name
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	b.ask(lang.L("Change category"), lang.N("Put {{.Count}} participants in the category:", len(ids), map[string]any{"Count": formatCount(len(ids))}),
		sel, func() {
			cat := cats[max(sel.SelectedIndex(), 0)].ID
			b.changeAsync(func(ctx context.Context, by string) (data.BulkChange, error) {
				return b.s.store.SetCategoryMany(ctx, ids, cat, by)
			})
		})
}

// onStatusTapped changes the status of the selection.
func (b *participantBulk) onStatusTapped() {
	ids := b.ids()
	if len(ids) == 0 {
		return
	}
	names := make([]string, len(data.Statuses))
	for i, st := range data.Statuses {
		names[i] = statusLabel(st)
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(1)
	note := widget.NewLabel(lang.L("Cancelling frees their places in sessions for the people waiting."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	b.ask(lang.L("Change status"), lang.N("Give {{.Count}} participants the status:", len(ids), map[string]any{"Count": formatCount(len(ids))}),
		container.NewVBox(sel, note), func() {
			st := data.Statuses[max(sel.SelectedIndex(), 0)]
			b.changeAsync(func(ctx context.Context, by string) (data.BulkChange, error) {
				return b.s.store.SetStatusMany(ctx, ids, st, by)
			})
		})
}

// onEnrolTapped enrols the selection in a session, then says what it gave
// for each person.
func (b *participantBulk) onEnrolTapped() {
	ids := b.ids()
	if len(ids) == 0 {
		return
	}
	b.s.env.tasks.runAsync(b.s.env.ctx, func(ctx context.Context) func() {
		sessions, err := b.s.store.Sessions(ctx)
		var expected map[data.Day]int
		if err == nil {
			expected, err = b.s.store.ExpectedByDay(ctx)
		}
		var rows []data.ParticipantRow
		if err == nil {
			rows, err = b.s.store.ParticipantRows(ctx, ids[:min(len(ids), maxDaysSample)])
		}
		return func() {
			if err != nil {
				showError(b.s.env.win, err)
				return
			}
			b.chooseSession(ids, sessions, expected, sessionForDays(sessions, rows))
		}
	})
}

// maxDaysSample is how many of the people picked are read to choose the
// session offered first: enough to know the days they come.
const maxDaysSample = 1000

// sessionForDays is the session offered first to enrol people in: the
// first on the day most of them come, -1 when none comes on a day with a
// session. The first session of all was offered, a plenary of 25/11 for
// a person who comes on 26/11 only.
func sessionForDays(sessions []data.Session, people []data.ParticipantRow) int {
	comes := map[data.Day]int{}
	for _, p := range people {
		for _, d := range p.Days {
			comes[d]++
		}
	}
	best := -1
	for i, se := range sessions {
		if comes[se.Day] == 0 {
			continue
		}
		if best < 0 || comes[se.Day] > comes[sessions[best].Day] ||
			comes[se.Day] == comes[sessions[best].Day] && sessionBefore(se, sessions[best]) {
			best = i
		}
	}
	return best
}

// sessionBefore tells whether a starts before b.
func sessionBefore(a, b data.Session) bool {
	if a.Day != b.Day {
		return a.Day < b.Day
	}
	return a.Start < b.Start
}

func (b *participantBulk) chooseSession(ids []int64, sessions []data.Session, expected map[data.Day]int, first int) {
	if len(sessions) == 0 {
		showNotice(b.s.env.win, lang.L("Enrol in a session"), lang.L("No session yet."))
		return
	}
	names := make([]string, len(sessions))
	for i, se := range sessions {
		names[i] = b.sessionText(se, expected)
	}
	sel := widget.NewSelect(names, nil)
	if first >= 0 {
		sel.SetSelectedIndex(first)
	}
	b.ask(lang.L("Enrol in a session"), lang.N("Enrol {{.Count}} participants in:", len(ids), map[string]any{"Count": formatCount(len(ids))}),
		sel, func() {
			if i := sel.SelectedIndex(); i >= 0 {
				b.onSessionChosen(ids, sessions[i]) // participant_bulk_move.go
			}
		})
}

// sessionText names a session in a list to choose from, with how full it
// is as the timetable writes it (a plenary: the people expected).
func (b *participantBulk) sessionText(se data.Session, expected map[data.Day]int) string {
	places := ""
	if n, ok := plenaryExpected(se, expected); ok {
		places = " (" + plenaryFillText(se, n) + ")"
	} else if se.EffectiveCapacity > 0 {
		places = " (" + formatCount(se.Enrolled) + "/" + formatCount(se.EffectiveCapacity) + ")"
	}
	return fmt.Sprintf("%s %s–%s · %s%s", dayShort(se.Day), se.Start, se.End, se.Title, places)
}

// maxHiddenNamed is how many of those the search hides a bulk change names.
const maxHiddenNamed = 5

// ask shows a choice to confirm, then runs apply. When the search or the
// filters hide some of those it changes, it names them first: the count
// says "2 selected" while one row is ticked, and nobody is changed out of
// view without being told.
func (b *participantBulk) ask(title, message string, choice fyne.CanvasObject, apply func()) {
	hidden := b.hidden()
	if len(hidden) == 0 {
		b.askNoting(title, message, "", choice, apply)
		return
	}
	b.s.env.tasks.runAsync(b.s.env.ctx, func(ctx context.Context) func() {
		rows, err := b.s.store.ParticipantRows(ctx, hidden[:min(len(hidden), maxHiddenNamed)])
		return func() {
			if err != nil {
				showError(b.s.env.win, err)
				return
			}
			b.askNoting(title, message, hiddenText(len(hidden), rows), choice, apply)
		}
	})
}

// hiddenText names the people a bulk change acts on whom the list does not
// show: "Including 1 hidden by the search: Ana Pérez."
func hiddenText(n int, rows []data.ParticipantRow) string {
	names := make([]string, 0, len(rows)+1)
	for _, r := range rows {
		names = append(names, r.FirstName+" "+r.LastName)
	}
	if n > len(rows) {
		names = append(names, "…")
	}
	return lang.N("Including {{.Count}} hidden by the search: {{.Names}}.", n,
		map[string]any{"Count": formatCount(n), "Names": strings.Join(names, ", ")})
}

// askNoting shows the choice, with a note in warning colour ("" for none).
func (b *participantBulk) askNoting(title, message, note string, choice fyne.CanvasObject, apply func()) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(text)
	if note != "" {
		warn := widget.NewLabel(note)
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.WarningImportance
		box.Add(warn)
	}
	box.Add(choice)
	d := dialog.NewCustomConfirm(title, lang.L("Apply"), lang.L("Cancel"), box,
		func(ok bool) {
			if ok {
				apply()
			}
		}, b.s.env.win)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}

// writeAsync runs a bulk change behind a progress dialog, then lists again.
func (b *participantBulk) writeAsync(write func(ctx context.Context) error) {
	done := b.busy()
	b.s.env.tasks.runAsync(b.s.env.ctx, func(ctx context.Context) func() {
		err := write(ctx)
		return func() {
			done()
			if err != nil {
				showError(b.s.env.win, err)
			}
			b.s.loadAsync()
		}
	})
}

// changeAsync makes a bulk change behind a progress dialog, offers to undo
// it, then lists again.
func (b *participantBulk) changeAsync(change func(ctx context.Context, by string) (data.BulkChange, error)) {
	done := b.busy()
	by := b.by()
	b.s.env.tasks.runAsync(b.s.env.ctx, func(ctx context.Context) func() {
		ch, err := change(ctx, by)
		return func() {
			done()
			if err != nil {
				showError(b.s.env.win, err)
			} else {
				b.changed(ch)
			}
			b.s.loadAsync()
		}
	})
}

// by names this laptop in the log of bulk changes.
func (b *participantBulk) by() string {
	return deskName(fyne.CurrentApp().Preferences())
}

// changed says what a bulk change did, and offers to undo it.
func (b *participantBulk) changed(ch data.BulkChange) {
	b.last = &ch
	n := map[string]any{"Count": formatCount(ch.People), "Value": ch.Value}
	var text string
	switch ch.Kind {
	case data.BulkCategory:
		text = lang.N("{{.Count}} participants put in the category “{{.Value}}”.", ch.People, n)
	case data.BulkStatus:
		n["Value"] = statusLabel(data.Status(ch.Value))
		text = lang.N("{{.Count}} participants given the status “{{.Value}}”.", ch.People, n)
	default:
		text = lang.N("{{.Count}} participants enrolled in “{{.Value}}”.", ch.People, n)
	}
	b.say(text, true)
}

// say shows what the last change did, with Undo when it can be undone.
func (b *participantBulk) say(text string, undoable bool) {
	b.feedback.SetText(text)
	showIf(b.feedback, text != "")
	showIf(b.undo, undoable)
	b.bar.Refresh() // Undo or the feedback shown or hidden: lay the bar out again
}

// onUndoTapped undoes the last bulk change (Undo, Ctrl+Z), once.
func (b *participantBulk) onUndoTapped() {
	if b.last == nil {
		return
	}
	if b.undoing {
		return // once at a time
	}
	ch, said := b.last, b.feedback.Text
	b.undoing = true
	b.say("", false)
	done := b.busy()
	by := b.by()
	b.s.env.tasks.runAsync(b.s.env.ctx, func(ctx context.Context) func() {
		err := b.s.store.UndoBulkChange(ctx, ch.ID, by)
		return func() {
			done()
			b.undoing = false
			switch {
			case err == nil:
				b.dropUndo(ch) // once
				b.say(lang.L("The change was undone: everyone has their previous values back."), false)
			case errors.Is(err, data.ErrBulkUndone) || errors.Is(err, data.ErrBulkChangedSince):
				b.dropUndo(ch) // it can no longer be undone
				showError(b.s.env.win, err)
			default:
				// A passing failure (the file busy, the disk full): Undo
				// is offered again.
				if b.last == ch {
					b.say(said, true)
				}
				showError(b.s.env.win, err)
			}
			b.s.loadAsync()
		}
	})
}

// dropUndo takes ch out of Undo, unless a later change took its place.
func (b *participantBulk) dropUndo(ch *data.BulkChange) {
	if b.last == ch {
		b.last = nil
	}
}

// busy shows that a change is under way, until the returned func is called.
func (b *participantBulk) busy() (done func()) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(lang.L("Saving…"), bar, b.s.env.win)
	d.Resize(fyne.NewSize(360, 0))
	d.Show()
	unmark := markSticky(b.s.env.win.Canvas()) // Esc does not hide it
	return func() {
		unmark()
		bar.Stop() // else it redraws the window 60 times a second from now on (app.go's progressDialog)
		d.Hide()
	}
}

// enrolAsync enrols the people in a session and shows each one's result;
// move takes them off the waiting lists of sessions at that time.
func (b *participantBulk) enrolAsync(ids []int64, se data.Session, move bool) {
	done := b.busy()
	by := b.by()
	b.s.env.tasks.runAsync(b.s.env.ctx, func(ctx context.Context) func() {
		ch, results, err := b.s.store.EnrolManyMoving(ctx, ids, se.ID, by, move)
		var rows []data.ParticipantRow
		if err == nil {
			rows, err = b.s.store.ParticipantRows(ctx, ids)
		}
		return func() {
			done()
			if err != nil {
				showError(b.s.env.win, err)
				return
			}
			b.changed(ch)
			b.showEnrolled(se, results, rows, move)
			b.s.loadAsync()
		}
	})
}

// showEnrolled says, for each person, what enrolling gave: those who could
// not be enrolled first, then those on the waiting list, then the others.
func (b *participantBulk) showEnrolled(se data.Session, results []data.EnrolResult, rows []data.ParticipantRow, move bool) {
	names := make(map[int64]string, len(rows))
	for _, r := range rows {
		names[r.ID] = r.FirstName + " " + r.LastName
	}
	type line struct {
		id         int64
		rank       int
		name, what string
	}
	lines := make([]line, len(results))
	var count [3]int // not enrolled, waiting, enrolled
	left := 0        // people who left a waiting list at that time
	for i, r := range results {
		l := line{id: r.ParticipantID, name: names[r.ParticipantID]}
		switch {
		case r.Err != nil:
			l.rank, l.what = 0, data.Message(r.Err, uiLanguage())
		case r.Status == data.Waitlisted:
			l.rank, l.what = 1, lang.L("On the waiting list")
		default:
			l.rank, l.what = 2, lang.L("Enrolled")
		}
		if len(r.Left) > 0 {
			left++
			l.what += " — " + leftWaitlistsText(r.Left)
		}
		count[l.rank]++
		lines[i] = l
	}
	slices.SortStableFunc(lines, func(a, b line) int { return a.rank - b.rank })
	b.resultIDs = make([]int64, len(lines))
	cells := make([][]string, len(lines))
	for i, l := range lines {
		b.resultIDs[i], cells[i] = l.id, []string{l.name, l.what}
	}
	summary := widget.NewLabel(enrolSummaryText(se.Title, count[2], count[1], count[0]) + b.movedText(move, left))
	summary.Wrapping = fyne.TextWrapWord
	table := newTextTable([]string{lang.L("Name"), lang.L("Result")}, []float32{200, 660})
	table.setRows(cells)
	b.results = table
	var d dialog.Dialog
	keys := newDialogKeys(b.s.env.win, func() { d.Hide() }, func() { d.Hide() }) // Enter closes it too (dialog_keys.go)
	d = dialog.NewCustom(lang.L("Enrol in a session"), lang.L("Close"),
		keys.over(container.NewBorder(summary, nil, nil, nil, table.table)), b.s.env.win)
	d.Resize(fyne.NewSize(920, 520))
	d.Show()
	keys.take()
	b.resultsDialog = d
}

// onUndo undoes the last bulk change (Ctrl+Z) when the participants page is
// shown, or the last move of a stand on the stands page, and no dialog is
// open.
func (u *ui) onUndo() {
	if u.view == nil || u.view.current < 0 || u.view.current >= len(u.view.pages) || u.win.Canvas().Overlays().Top() != nil {
		return
	}
	switch p := u.view.pages[u.view.current].screen.(type) {
	case *participantsScreen:
		p.bulk.onUndoTapped()
	case *standsScreen:
		p.moves.onUndoTapped() // stands_move.go
	case *programmeScreen:
		p.onUndoMoveTapped() // programme_move.go
	}
}

// enrolSummaryText heads the results of enrolling a selection: how many
// were enrolled, put on the waiting list and refused, each in the plural
// its count takes ("1 inscrit·e", "0 en liste d'attente").
func enrolSummaryText(title string, enrolled, waiting, refused int) string {
	count := func(n int) map[string]any { return map[string]any{"Count": formatCount(n)} }
	return lang.L("“{{.Title}}”: {{.Enrolled}}, {{.Waiting}}, {{.Refused}}.", map[string]any{
		"Title":    title,
		"Enrolled": lang.N("{{.Count}} enrolled", enrolled, count(enrolled)),
		"Waiting":  lang.N("{{.Count}} on the waiting list", waiting, count(waiting)),
		"Refused":  lang.N("{{.Count}} not enrolled", refused, count(refused)),
	})
}
