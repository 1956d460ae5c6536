package ui

import (
	"context"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// The organiser's "to review" list (issue 17): what desks did that the
// congress kept, counted once, and left for an organiser to look at — a
// person checked in at two desks while one was offline, a walk-in perhaps
// registered twice, a workshop seat asked for offline. The dashboard shows
// a line "3 entries to review" while some wait; its button opens the list.

// reviewStore is what the list reads and does.
type reviewStore interface {
	ToReview(ctx context.Context) ([]data.Review, error)
	CountToReview(ctx context.Context) (int, error)
	ResolveReview(ctx context.Context, id int64, by string) error
	Enrol(ctx context.Context, participantID, sessionID int64) (data.EnrolmentStatus, error)
}

// reviewLine is the dashboard's line "N entries to review" with its
// button, hidden while nothing waits.
type reviewLine struct {
	env   *env
	store reviewStore
	open  func(id int64, saved func()) // opens a person's form; nil: no "Open the person"

	box    *fyne.Container
	text   *widget.Label
	button *widget.Button
	count  int
	shown  *reviewList // the list last opened
}

func newReviewLine(e *env, st reviewStore) *reviewLine {
	return &reviewLine{env: e, store: st}
}

func (l *reviewLine) build() fyne.CanvasObject {
	if l == nil {
		none := container.NewHBox() // no gap in the dashboard
		none.Hide()
		return none
	}
	l.text = widget.NewLabel("")
	l.text.Importance = widget.WarningImportance
	l.text.TextStyle.Bold = true
	l.button = widget.NewButtonWithIcon(lang.L("Review"), theme.WarningIcon(), l.onReviewTapped)
	l.box = container.NewHBox(l.text, l.button)
	l.box.Hide()
	return l.box
}

// loadAsync counts the entries not yet reviewed and shows the line when
// there are some. A count that cannot be read hides the line: the
// dashboard's numbers say what is wrong.
func (l *reviewLine) loadAsync() {
	if l == nil {
		return
	}
	l.env.tasks.runAsync(l.env.ctx, func(ctx context.Context) func() {
		n, err := l.store.CountToReview(ctx)
		if err != nil {
			log.Printf("the list to review cannot be counted: %v", err)
			n = 0
		}
		return func() { l.show(n) }
	})
}

// show shows n, the entries to review. UI thread.
func (l *reviewLine) show(n int) {
	l.count = n
	l.text.SetText(lang.N("{{.Count}} entries to review", n, map[string]any{"Count": formatCount(n)}))
	showIf(l.box, n > 0)
}

// openWith gives the line the way to open a person's form (the
// participants screen's).
func (l *reviewLine) openWith(open func(id int64, saved func())) {
	if l != nil {
		l.open = open
	}
}

// onReviewTapped opens the list.
func (l *reviewLine) onReviewTapped() {
	r := &reviewList{env: l.env, store: l.store, open: l.open, changed: l.loadAsync}
	l.shown = r
	r.showAsync()
}

// reviewList is the dialog that lists the entries, each in words, with
// what can be done about the one chosen.
type reviewList struct {
	env     *env
	store   reviewStore
	open    func(id int64, saved func())
	changed func() // the list changed: the dashboard counts again

	items    []data.Review
	rows     []reviewRow // items, formatted
	selected int         // -1: none

	list                      *widgets.List
	empty                     *widget.Label
	status                    *widget.Label
	resolve, person, enrolBtn *widget.Button
	buttons                   *fyne.Container
	dlg                       dialog.Dialog
}

// reviewRow is an entry of the list in words.
type reviewRow struct{ title, detail string }

// showAsync reads the list and opens the dialog on it.
func (r *reviewList) showAsync() {
	r.selected = -1
	r.env.tasks.runAsync(r.env.ctx, func(ctx context.Context) func() {
		items, err := r.store.ToReview(ctx)
		return func() {
			if err != nil {
				showError(r.env.win, err)
				return
			}
			r.dlg = dialog.NewCustom(lang.L("To review"), lang.L("Close"), r.build(), r.env.win)
			r.setItems(items)
			r.dlg.Resize(fyne.NewSize(760, 520))
			r.dlg.Show()
		}
	})
}

func (r *reviewList) build() fyne.CanvasObject {
	r.list = widgets.NewList(func() int { return len(r.rows) }, newReviewItem, r.updateItem)
	r.list.OnSelected = r.onSelected
	r.list.OnUnselected = func(widget.ListItemID) { r.onSelected(-1) }
	r.empty = widget.NewLabel(lang.L("Nothing to review."))
	r.empty.Hide()
	r.status = widget.NewLabel("")
	r.status.Wrapping = fyne.TextWrapWord
	r.resolve = widget.NewButtonWithIcon(lang.L("Mark as reviewed"), theme.ConfirmIcon(), r.onResolveTapped)
	r.person = widget.NewButtonWithIcon(lang.L("Open the person"), theme.AccountIcon(), r.onOpenTapped)
	r.enrolBtn = widget.NewButtonWithIcon(lang.L("Enrol"), theme.ContentAddIcon(), r.onEnrolTapped)
	showIf(r.person, r.open != nil)
	r.buttons = container.NewHBox(r.resolve, r.person, r.enrolBtn)
	return container.NewBorder(r.empty, container.NewVBox(r.status, r.buttons), nil, nil, r.list)
}

func newReviewItem() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(title, detail)
}

func (r *reviewList) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(r.rows) {
		return
	}
	box := o.(*fyne.Container)
	title := box.Objects[0].(*widget.Label)
	title.SetText(r.rows[id].title)
	if r.items[id].Resolved() {
		title.Importance = widget.LowImportance
	} else {
		title.Importance = widget.MediumImportance
	}
	title.Refresh()
	box.Objects[1].(*widget.Label).SetText(r.rows[id].detail)
}

// setItems shows items, the choice kept when the entry is still there.
// UI thread.
func (r *reviewList) setItems(items []data.Review) {
	var keep int64
	if r.selected >= 0 && r.selected < len(r.items) {
		keep = r.items[r.selected].ID
	}
	r.items = items
	r.rows = make([]reviewRow, len(items))
	for i, rv := range items {
		r.rows[i] = reviewWords(rv)
	}
	showIf(r.empty, len(items) == 0)
	r.list.UnselectAll()
	r.selected = -1
	r.list.Refresh()
	for i, rv := range items {
		if rv.ID == keep {
			r.list.Select(i)
		}
	}
	r.onSelected(r.selected)
}

// onSelected offers what can be done about the entry chosen.
func (r *reviewList) onSelected(id widget.ListItemID) {
	r.selected = -1
	if id >= 0 && id < len(r.items) {
		r.selected = id
	}
	rv, ok := r.current()
	enable(r.resolve, ok && !rv.Resolved())
	enable(r.person, ok)
	showIf(r.enrolBtn, ok && rv.Kind == data.ReviewSeatRequest)
	enable(r.enrolBtn, ok && !rv.Resolved())
	r.buttons.Refresh() // Enrol shown or hidden: laid out again
}

// current is the entry chosen.
func (r *reviewList) current() (data.Review, bool) {
	if r.selected < 0 || r.selected >= len(r.items) {
		return data.Review{}, false
	}
	return r.items[r.selected], true
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// onResolveTapped marks the entry chosen reviewed, in the desk's name.
func (r *reviewList) onResolveTapped() {
	rv, ok := r.current()
	if !ok {
		return
	}
	by := deskName(fyne.CurrentApp().Preferences())
	r.runAsync(func(ctx context.Context) (string, error) {
		return lang.L("Marked as reviewed."), r.store.ResolveReview(ctx, rv.ID, by)
	})
}

// onOpenTapped opens the person's form; once saved, the list is read again.
func (r *reviewList) onOpenTapped() {
	rv, ok := r.current()
	if !ok || r.open == nil {
		return
	}
	r.open(rv.ParticipantID, func() { r.runAsync(nil) })
}

// onEnrolTapped enrols the person in the session asked for, by the
// congress's rule (a full session puts them on its waiting list; a clash
// or a cancelled person is refused with its sentence), and marks the
// request reviewed once done.
func (r *reviewList) onEnrolTapped() {
	rv, ok := r.current()
	if !ok || rv.Kind != data.ReviewSeatRequest {
		return
	}
	by := deskName(fyne.CurrentApp().Preferences())
	r.runAsync(func(ctx context.Context) (string, error) {
		st, err := r.store.Enrol(ctx, rv.ParticipantID, rv.SessionID)
		if err != nil {
			return "", err
		}
		vars := map[string]any{"Name": rv.Name, "Session": rv.SessionTitle}
		text := lang.L("{{.Name}} is enrolled in “{{.Session}}”.", vars)
		if st == data.Waitlisted {
			text = lang.L("“{{.Session}}” is full: {{.Name}} is on its waiting list.", vars)
		}
		return text, r.store.ResolveReview(ctx, rv.ID, by)
	})
}

// runAsync runs do (nil: nothing), then reads the list again and shows it
// with do's sentence, or its error's.
func (r *reviewList) runAsync(do func(ctx context.Context) (string, error)) {
	r.env.tasks.runAsync(r.env.ctx, func(ctx context.Context) func() {
		var text string
		var err error
		if do != nil {
			text, err = do(ctx)
		}
		items, lerr := r.store.ToReview(ctx)
		return func() {
			if lerr == nil {
				r.setItems(items)
			}
			switch {
			case err != nil:
				r.status.Importance = widget.DangerImportance
				r.status.SetText(data.Message(err, uiLanguage()))
			case lerr != nil:
				showError(r.env.win, lerr)
			default:
				r.status.Importance = widget.SuccessImportance
				r.status.SetText(text)
			}
			if r.changed != nil {
				r.changed()
			}
		}
	})
}

// reviewWords says an entry in words: what happened to whom, then where
// and when.
func reviewWords(rv data.Review) reviewRow {
	vars := map[string]any{"Name": rv.Name, "Other": rv.OtherName, "Session": rv.SessionTitle,
		"Day": dayLong(rv.Day), "Desk": deskOrAny(rv.Desk), "Time": scanTime(rv.At),
		"KeptDesk": deskOrAny(rv.KeptDesk), "KeptTime": scanTime(rv.KeptAt)}
	var w reviewRow
	switch rv.Kind {
	case data.ReviewSecondArrival:
		w.title = lang.L("{{.Name}}: checked in twice on {{.Day}}", vars)
		w.detail = lang.L("Counted: {{.KeptDesk}}, {{.KeptTime}}. Also scanned: {{.Desk}}, {{.Time}}.", vars)
	case data.ReviewSecondEntry:
		w.title = lang.L("{{.Name}}: entered “{{.Session}}” twice", vars)
		w.detail = lang.L("Counted: {{.KeptDesk}}, {{.KeptTime}}. Also scanned: {{.Desk}}, {{.Time}}.", vars)
	case data.ReviewWalkInDuplicate:
		w.title = lang.L("{{.Name}} and {{.Other}}: perhaps one person registered at two desks", vars)
		w.detail = lang.L("Registered: {{.Desk}}, {{.Time}}, while the server did not answer.", vars)
	default: // a seat request
		w.title = lang.L("{{.Name}}: asks for a seat in “{{.Session}}”", vars)
		w.detail = lang.L("Asked: {{.Desk}}, {{.Time}}, while the server did not answer.", vars)
	}
	if rv.Note != "" {
		w.detail += " " + rv.Note
	}
	if rv.Resolved() {
		when := map[string]any{"By": rv.ResolvedBy, "When": dateTime(rv.ResolvedAt)}
		if rv.ResolvedBy == "" {
			w.detail += " " + lang.L("Reviewed on {{.When}}.", when)
		} else {
			w.detail += " " + lang.L("Reviewed by {{.By}} on {{.When}}.", when)
		}
	}
	return w
}

// deskOrAny is a desk's name, or "a desk" when it had none.
func deskOrAny(desk string) string {
	if desk == "" {
		return lang.L("a desk")
	}
	return desk
}

// scanTime writes a scan's time of day, to the second: two desks' scans
// are often a minute apart.
func scanTime(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.Local().Format("15:04:05")
}
