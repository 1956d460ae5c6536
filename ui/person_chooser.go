package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// personFinder is what a personChooser reads.
type personFinder interface {
	participantSearcher
	ParticipantByCode(ctx context.Context, code string) (data.Participant, error)
	ParticipantRows(ctx context.Context, ids []int64) ([]data.ParticipantRow, error)
}

// personChooser chooses one person for an export (whose badge, whose
// certificate): a code typed then Enter (a badge scanner types it), or a
// name that finds one person, chooses them; a name that finds several
// offers them in the participant picker, as Choose… does.
type personChooser struct {
	env   *env
	store personFinder
	title string // the picker's: "Whose badge?"
	// onChosen is told of the person chosen, on the UI thread.
	onChosen func(data.ParticipantRow)

	entry  *widgets.Entry
	name   *widget.Label
	row    *fyne.Container // the entry, Choose… and the name
	chosen data.ParticipantRow
}

func newPersonChooser(e *env, st personFinder, title string, onChosen func(data.ParticipantRow)) *personChooser {
	c := &personChooser{env: e, store: st, title: title, onChosen: onChosen}
	c.entry = widgets.NewEntry()
	c.entry.SetPlaceHolder(lang.L("Code or name, then Enter"))
	c.entry.OnSubmitted = c.onSubmitted
	choose := widget.NewButtonWithIcon(lang.L("Choose…"), theme.SearchIcon(), func() { c.pick(c.entry.Text) })
	c.name = widget.NewLabel(lang.L("Nobody chosen yet."))
	c.name.Importance = widget.LowImportance
	c.name.Wrapping = fyne.TextWrapWord
	c.row = container.NewVBox(container.NewBorder(nil, nil, nil, choose, c.entry), c.name)
	return c
}

// id is the person chosen, 0 for none.
func (c *personChooser) id() int64 { return c.chosen.ID }

// onSubmitted chooses the person whose code was typed, or the only one
// whose name matches; for several, it offers them.
func (c *personChooser) onSubmitted(text string) {
	if text = strings.TrimSpace(text); text != "" {
		c.findAsync(text)
	}
}

// findAsync looks text up as a code, then as a name.
func (c *personChooser) findAsync(text string) {
	c.env.tasks.runAsync(c.env.ctx, func(ctx context.Context) func() {
		rows, err := c.find(ctx, text)
		return func() {
			switch {
			case err != nil:
				showError(c.env.win, err)
			case len(rows) == 1:
				c.choose(rows[0])
			default:
				c.pick(text)
			}
		}
	})
}

// find returns the person whose code is text, or the first two whose name,
// organisation or email match it. Any goroutine.
func (c *personChooser) find(ctx context.Context, text string) ([]data.ParticipantRow, error) {
	if code := data.NormaliseCode(text); data.ValidCode(code) {
		p, err := c.store.ParticipantByCode(ctx, code)
		switch {
		case err == nil:
			return c.store.ParticipantRows(ctx, []int64{p.ID})
		case data.KindOf(err) != data.KindNotFound:
			return nil, err
		}
	}
	return c.store.SearchParticipants(ctx, text, 2)
}

// pick offers the people that text finds.
func (c *personChooser) pick(text string) {
	showParticipantPickerFor(c.env, c.store, c.title, strings.TrimSpace(text), c.choose)
}

// choose makes p the person chosen.
func (c *personChooser) choose(p data.ParticipantRow) {
	c.chosen = p
	c.entry.SetText(p.Code)
	c.name.Importance = widget.MediumImportance
	c.name.SetText(joinNonEmpty(" — ", p.FirstName+" "+p.LastName, p.Organisation, statusLabel(p.Status)))
	if c.onChosen != nil {
		c.onChosen(p)
	}
}
