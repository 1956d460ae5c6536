package ui

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// sessionPersonSearcher finds participants for the pickers.
type sessionPersonSearcher interface {
	SearchParticipants(ctx context.Context, text string, limit int) ([]data.ParticipantRow, error)
}

// sessionPeopleField is a list of people chosen among the participants:
// each a chip that can be removed, and a button to add one.
type sessionPeopleField struct {
	env       *env
	store     sessionPersonSearcher
	title     string // the chooser's
	people    []data.ParticipantRow
	onChanged func() // someone was added or removed
	chips     *fyne.Container
	box       fyne.CanvasObject
	chooser   *sessionPersonChooser // the last opened, for tests
}

func newSessionPeopleField(e *env, st sessionPersonSearcher, title string, people []data.ParticipantRow) *sessionPeopleField {
	p := &sessionPeopleField{env: e, store: st, title: title, people: people}
	p.chips = container.New(layout.NewRowWrapLayout())
	p.box = p.chips
	p.refresh()
	return p
}

// ids are the people chosen, in order.
func (p *sessionPeopleField) ids() []int64 {
	ids := make([]int64, len(p.people))
	for i, r := range p.people {
		ids[i] = r.ID
	}
	return ids
}

// add chooses someone, once.
func (p *sessionPeopleField) add(r data.ParticipantRow) {
	for _, q := range p.people {
		if q.ID == r.ID {
			return
		}
	}
	p.people = append(p.people, r)
	p.refresh()
	if p.onChanged != nil {
		p.onChanged()
	}
}

// remove takes someone off the list.
func (p *sessionPeopleField) remove(id int64) {
	for i, q := range p.people {
		if q.ID == id {
			p.people = append(p.people[:i:i], p.people[i+1:]...)
			break
		}
	}
	p.refresh()
	if p.onChanged != nil {
		p.onChanged()
	}
}

func (p *sessionPeopleField) refresh() {
	p.chips.Objects = nil
	for _, r := range p.people {
		p.chips.Add(newPersonChip(r, func() { p.remove(r.ID) }))
	}
	add := widget.NewButtonWithIcon(lang.L("Add…"), theme.ContentAddIcon(), p.onAddTapped)
	add.Importance = widget.LowImportance
	p.chips.Add(add)
	p.chips.Refresh()
}

// onAddTapped lets the user search for someone to add.
func (p *sessionPeopleField) onAddTapped() {
	p.chooser = showSessionPersonChooser(p.env, p.store, p.title, nil, p.add)
}

// newPersonChip shows a chosen person, with a button to remove them.
func newPersonChip(r data.ParticipantRow, onRemove func()) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize() * 2
	name := widget.NewLabel(joinNonEmpty(" — ", r.FirstName+" "+r.LastName, r.Organisation))
	remove := widget.NewButtonWithIcon("", theme.CancelIcon(), onRemove)
	remove.Importance = widget.LowImportance
	return container.NewStack(bg, container.NewBorder(nil, nil, nil, remove, name))
}

// chooserMatches is how many people a search in the chooser offers.
const chooserMatches = 50

// chooserDelay is how long typing must pause before the chooser searches.
const chooserDelay = 150 * time.Millisecond

// sessionPersonChooser is a dialog to find a participant by name,
// organisation or code, and pick them.
type sessionPersonChooser struct {
	env    *env
	store  sessionPersonSearcher
	onPick func(data.ParticipantRow)
	// already are the people already in the session, with their status
	// ("Enrolled"): shown, greyed, not choosable.
	already map[int64]string

	entry   *widgets.Entry
	list    *widgets.List
	hint    *widget.Label
	dlg     *dialog.CustomDialog
	matches []data.ParticipantRow // UI thread only
	timer   *time.Timer           // pending search; UI thread only
	latest  atomic.Uint64         // numbers the searches; older results are dropped
}

// showSessionPersonChooser opens a chooser; onPick gets the person picked.
// The people already in the session (already: their status) are shown
// with it, and cannot be picked.
func showSessionPersonChooser(e *env, st sessionPersonSearcher, title string, already map[int64]string, onPick func(data.ParticipantRow)) *sessionPersonChooser {
	c := &sessionPersonChooser{env: e, store: st, onPick: onPick, already: already}
	c.entry = widgets.NewEntry()
	c.entry.SetPlaceHolder(lang.L("Search by name, organisation, email or code"))
	c.entry.OnChanged = c.onSearchChanged
	c.entry.OnSubmitted = func(string) { c.pick(c.firstChoosable()) }
	c.hint = widget.NewLabel("")
	c.hint.Importance = widget.LowImportance
	c.list = widgets.NewList(func() int { return len(c.matches) }, newCellLabel, c.updateMatch)
	c.list.OnSelected = func(id widget.ListItemID) { c.pick(id) }
	content := container.NewBorder(container.NewVBox(c.entry, c.hint), nil, nil, nil, c.list)
	c.dlg = dialog.NewCustom(title, lang.L("Cancel"), content, e.win)
	c.dlg.Resize(fyne.NewSize(520, 460))
	c.dlg.Show()
	e.win.Canvas().Focus(c.entry)
	c.searchAsync("")
	return c
}

func (c *sessionPersonChooser) updateMatch(id widget.ListItemID, o fyne.CanvasObject) {
	if id < len(c.matches) {
		m := c.matches[id]
		l := o.(*widget.Label)
		status, in := c.already[m.ID]
		l.Importance = widget.MediumImportance
		if in {
			l.Importance = widget.LowImportance
		}
		l.SetText(joinNonEmpty(" — ", m.FirstName+" "+m.LastName, m.Organisation, m.Code, status))
	}
}

// firstChoosable is the first person found not already in the session,
// -1 for none.
func (c *sessionPersonChooser) firstChoosable() widget.ListItemID {
	for i, m := range c.matches {
		if _, in := c.already[m.ID]; !in {
			return i
		}
	}
	return -1
}

// onSearchChanged searches once typing pauses.
func (c *sessionPersonChooser) onSearchChanged(text string) {
	if c.timer != nil && c.timer.Stop() {
		c.env.tasks.release() // that search will not run
	}
	c.env.tasks.hold()
	c.timer = time.AfterFunc(chooserDelay, func() {
		c.searchAsync(text)
		c.env.tasks.release()
	})
}

// searchAsync shows the people matching text, unless a newer search was
// issued meanwhile. Any goroutine.
func (c *sessionPersonChooser) searchAsync(text string) {
	n := c.latest.Add(1)
	c.env.tasks.runAsync(c.env.ctx, func(ctx context.Context) func() {
		rows, err := c.store.SearchParticipants(ctx, text, chooserMatches)
		return func() {
			if n != c.latest.Load() {
				return
			}
			if err != nil {
				showError(c.env.win, err)
				return
			}
			c.matches = rows
			c.list.UnselectAll()
			c.list.Refresh()
			switch {
			case len(rows) == 0 && strings.TrimSpace(text) != "":
				c.hint.SetText(lang.L("Nobody matches “{{.Text}}”.", map[string]any{"Text": text}))
			case len(rows) == 0:
				c.hint.SetText(lang.L("No participant yet."))
			case c.firstChoosable() < 0:
				c.hint.SetText(lang.L("Everyone found is already in this session."))
			default:
				c.hint.SetText(lang.L("Choose a person, or press Enter for the first."))
			}
		}
	})
}

// pick closes the chooser with the person at id.
func (c *sessionPersonChooser) pick(id widget.ListItemID) {
	if id < 0 || id >= len(c.matches) {
		return
	}
	p := c.matches[id]
	if _, in := c.already[p.ID]; in {
		c.list.UnselectAll()
		return
	}
	c.dlg.Hide()
	c.onPick(p)
}
