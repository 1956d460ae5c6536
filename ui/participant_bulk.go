package ui

import (
	"context"
	"fmt"
	"slices"

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
	SetCategoryMany(ctx context.Context, ids []int64, categoryID int64) error
	SetStatusMany(ctx context.Context, ids []int64, st data.Status) error
	EnrolMany(ctx context.Context, ids []int64, sessionID int64) ([]data.EnrolResult, error)
	Sessions(ctx context.Context) ([]data.Session, error)
}

// participantBulk is the multi-selection of the participant table and what
// can be done to it at once. UI thread only.
type participantBulk struct {
	s      *participantsScreen
	picked map[int64]bool
	anchor int  // the row a Shift-click extends from
	all    bool // every row shown is picked

	results                 *textTable // the last enrolment results shown
	resultIDs               []int64    // whose they are
	label                   *widget.Label
	category, status, enrol *widget.Button
	clear                   *widget.Button
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
	b.refresh()
	return container.NewHBox(b.label, b.clear, b.category, b.status, b.enrol)
}

// ids returns the picked participants in the order of the table.
func (b *participantBulk) ids() []int64 {
	var ids []int64
	for _, id := range b.s.table.rows.ids {
		if b.picked[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

// isPicked reports whether this participant is picked.
func (b *participantBulk) isPicked(id int64) bool { return b.picked[id] }

// allPicked reports whether every row shown is picked.
func (b *participantBulk) allPicked() bool { return b.all }

// refresh shows how many are picked, and the table their rows.
func (b *participantBulk) refresh() {
	b.count()
	if b.s.table.table != nil {
		b.s.table.table.Refresh()
	}
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
	b.label.SetText(lang.N("{{.Count}} selected", n, map[string]any{"Count": n}))
	for _, btn := range []*widget.Button{b.category, b.status, b.enrol, b.clear} {
		if n == 0 {
			btn.Disable()
		} else {
			btn.Enable()
		}
	}
}

// keepShown drops from the selection those no longer in the list; the
// table is refreshed by the caller.
func (b *participantBulk) keepShown(ids []int64) {
	if len(b.picked) > 0 {
		shown := make(map[int64]bool, len(b.picked))
		for _, id := range ids {
			if b.picked[id] {
				shown[id] = true
			}
		}
		b.picked = shown
	}
	b.count()
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
	b.refresh()
	b.s.detail.showAsync(id)
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
	b.ask(lang.L("Change category"), lang.N("Put {{.Count}} participants in the category:", len(ids), map[string]any{"Count": len(ids)}),
		sel, func() {
			cat := cats[max(sel.SelectedIndex(), 0)].ID
			b.writeAsync(func(ctx context.Context) error { return b.s.store.SetCategoryMany(ctx, ids, cat) })
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
	b.ask(lang.L("Change status"), lang.N("Give {{.Count}} participants the status:", len(ids), map[string]any{"Count": len(ids)}),
		container.NewVBox(sel, note), func() {
			st := data.Statuses[max(sel.SelectedIndex(), 0)]
			b.writeAsync(func(ctx context.Context) error { return b.s.store.SetStatusMany(ctx, ids, st) })
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
		return func() {
			if err != nil {
				showError(b.s.env.win, err)
				return
			}
			b.chooseSession(ids, sessions)
		}
	})
}

func (b *participantBulk) chooseSession(ids []int64, sessions []data.Session) {
	if len(sessions) == 0 {
		dialog.ShowInformation(lang.L("Enrol in a session"), lang.L("No session yet."), b.s.env.win)
		return
	}
	names := make([]string, len(sessions))
	for i, se := range sessions {
		names[i] = b.sessionText(se)
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	b.ask(lang.L("Enrol in a session"), lang.N("Enrol {{.Count}} participants in:", len(ids), map[string]any{"Count": len(ids)}),
		sel, func() {
			se := sessions[max(sel.SelectedIndex(), 0)]
			b.enrolAsync(ids, se)
		})
}

// sessionText names a session in a list to choose from.
func (b *participantBulk) sessionText(se data.Session) string {
	places := ""
	if se.EffectiveCapacity > 0 {
		places = fmt.Sprintf(" (%d/%d)", se.Enrolled, se.EffectiveCapacity)
	}
	return fmt.Sprintf("%s %s–%s · %s%s", dayShort(se.Day), se.Start, se.End, se.Title, places)
}

// ask shows a choice to confirm, then runs apply.
func (b *participantBulk) ask(title, message string, choice fyne.CanvasObject, apply func()) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, lang.L("Apply"), lang.L("Cancel"), container.NewVBox(text, choice),
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

// busy shows that a change is under way, until the returned func is called.
func (b *participantBulk) busy() (done func()) {
	d := dialog.NewCustomWithoutButtons(lang.L("Saving…"), widget.NewProgressBarInfinite(), b.s.env.win)
	d.Resize(fyne.NewSize(360, 0))
	d.Show()
	unmark := markSticky(b.s.env.win.Canvas()) // Esc does not hide it
	return func() {
		unmark()
		d.Hide()
	}
}

// enrolAsync enrols the people in a session and shows each one's result.
func (b *participantBulk) enrolAsync(ids []int64, se data.Session) {
	done := b.busy()
	b.s.env.tasks.runAsync(b.s.env.ctx, func(ctx context.Context) func() {
		results, err := b.s.store.EnrolMany(ctx, ids, se.ID)
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
			b.showEnrolled(se, results, rows)
			b.s.loadAsync()
		}
	})
}

// showEnrolled says, for each person, what enrolling gave: those who could
// not be enrolled first, then those on the waiting list, then the others.
func (b *participantBulk) showEnrolled(se data.Session, results []data.EnrolResult, rows []data.ParticipantRow) {
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
		count[l.rank]++
		lines[i] = l
	}
	slices.SortStableFunc(lines, func(a, b line) int { return a.rank - b.rank })
	b.resultIDs = make([]int64, len(lines))
	cells := make([][]string, len(lines))
	for i, l := range lines {
		b.resultIDs[i], cells[i] = l.id, []string{l.name, l.what}
	}
	summary := widget.NewLabel(lang.L("“{{.Title}}”: {{.Enrolled}} enrolled, {{.Waiting}} on the waiting list, {{.Refused}} not enrolled.",
		map[string]any{"Title": se.Title, "Enrolled": count[2], "Waiting": count[1], "Refused": count[0]}))
	summary.Wrapping = fyne.TextWrapWord
	table := newTextTable([]string{lang.L("Name"), lang.L("Result")}, []float32{200, 660})
	table.setRows(cells)
	b.results = table
	d := dialog.NewCustom(lang.L("Enrol in a session"), lang.L("Close"),
		container.NewBorder(summary, nil, nil, nil, table.table), b.s.env.win)
	d.Resize(fyne.NewSize(920, 520))
	d.Show()
}
