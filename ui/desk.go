package ui

import (
	"context"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// deskMatches is how many people a name search at the desk offers.
const deskMatches = 20

// deskStore is what the welcome desk reads.
type deskStore interface {
	ParticipantByCode(ctx context.Context, code string) (data.Participant, error)
	ListParticipants(ctx context.Context, q data.ParticipantQuery) ([]data.ParticipantRow, error)
}

// deskScreen finds a person at the welcome desk, by badge code or name.
type deskScreen struct {
	env    *env
	store  deskStore
	badges *badgePrinter

	entry   *widgets.Entry
	status  *widget.Label
	list    *widget.List
	name    *widget.Label
	values  []*widget.Label // code, organisation, category, status, days, arrived, badge
	card    *fyne.Container
	print   *widget.Button
	printed *widget.Label         // what printing the badge did
	matches []data.ParticipantRow // UI thread only
	shown   int                   // the match on the card
	latest  atomic.Uint64         // numbers the lookups; older results are dropped
}

func newDeskScreen(e *env, st deskStore, badges *badgePrinter) *deskScreen {
	return &deskScreen{env: e, store: st, badges: badges}
}

func (s *deskScreen) build() fyne.CanvasObject {
	s.entry = widgets.NewEntry()
	s.entry.SetPlaceHolder(lang.L("Scan a badge, or type a code or a name, then Enter"))
	s.entry.OnSubmitted = s.onLookup
	find := widget.NewButtonWithIcon(lang.L("Find"), theme.SearchIcon(), func() { s.onLookup(s.entry.Text) })
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.matches) }, newCellLabel, s.updateMatch)
	s.list.OnSelected = s.onMatchSelected

	s.name = widget.NewLabel("")
	s.name.SizeName = theme.SizeNameHeadingText
	s.name.TextStyle.Bold = true
	form := container.New(layout.NewFormLayout())
	for _, k := range []string{lang.L("Code"), lang.L("Organisation"), lang.L("Category"),
		lang.L("Status"), lang.L("Days"), lang.L("Checked in"), lang.L("Badge")} {
		key := widget.NewLabel(k)
		key.TextStyle.Bold = true
		v := widget.NewLabel("")
		v.Wrapping = fyne.TextWrapWord
		s.values = append(s.values, v)
		form.Add(key)
		form.Add(v)
	}
	later := widget.NewLabel(lang.L("Checking people in will come in a later version."))
	later.Importance = widget.LowImportance
	s.print = widget.NewButtonWithIcon(lang.L("Print badge"), theme.DocumentPrintIcon(), s.onPrintBadgeTapped)
	s.print.Importance = widget.HighImportance
	showIf(s.print, s.badges != nil)
	s.printed = widget.NewLabel("")
	s.printed.Importance = widget.SuccessImportance
	s.printed.Wrapping = fyne.TextWrapWord
	s.printed.Hide()
	s.card = container.NewVBox(s.name, form, container.NewHBox(s.print), s.printed)
	s.card.Hide()

	top := container.NewVBox(container.NewBorder(nil, nil, nil, find, s.entry), s.status)
	return container.NewBorder(top, later, nil, nil,
		container.NewHSplit(s.list, container.NewVScroll(s.card)))
}

// loadAsync has nothing to read before someone is looked up.
func (s *deskScreen) loadAsync() {}

// onLookup finds who was scanned or typed.
func (s *deskScreen) onLookup(text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	s.lookupAsync(text)
}

// lookupAsync tries text as a badge code, then as a search.
func (s *deskScreen) lookupAsync(text string) {
	latestAsync(s.env, &s.latest, s.latest.Add(1), func(ctx context.Context) ([]data.ParticipantRow, error) {
		return s.find(ctx, text)
	}, func(rows []data.ParticipantRow) { s.showMatches(text, rows) })
}

// find returns the person whose code is text, or else those whose name,
// organisation or email match it.
func (s *deskScreen) find(ctx context.Context, text string) ([]data.ParticipantRow, error) {
	if code := data.NormaliseCode(text); data.ValidCode(code) {
		p, err := s.store.ParticipantByCode(ctx, code)
		switch {
		case err == nil:
			rows, err := s.store.ListParticipants(ctx, data.ParticipantQuery{Search: p.Code})
			for _, r := range rows {
				if r.ID == p.ID {
					return []data.ParticipantRow{r}, nil
				}
			}
			if err != nil {
				return nil, err
			}
		case data.KindOf(err) != data.KindNotFound:
			return nil, err
		}
	}
	return s.store.ListParticipants(ctx, data.ParticipantQuery{Search: text, Limit: deskMatches})
}

func (s *deskScreen) showMatches(text string, rows []data.ParticipantRow) {
	s.matches = rows
	s.list.UnselectAll()
	s.list.Refresh()
	s.card.Hide()
	switch len(rows) {
	case 0:
		s.status.SetText(lang.L("Nobody matches “{{.Text}}”.", map[string]any{"Text": text}))
	case 1:
		s.status.SetText("")
		s.list.Select(0)
	default:
		s.status.SetText(lang.N("{{.Count}} people match: choose one.", len(rows), map[string]any{"Count": len(rows)}))
	}
}

func (s *deskScreen) updateMatch(id widget.ListItemID, o fyne.CanvasObject) {
	if id < len(s.matches) {
		m := s.matches[id]
		o.(*widget.Label).SetText(joinNonEmpty(" — ", m.FirstName+" "+m.LastName, m.Organisation))
	}
}

// onMatchSelected shows the person chosen in the list.
func (s *deskScreen) onMatchSelected(id widget.ListItemID) {
	if id >= len(s.matches) {
		return
	}
	s.shown = id
	s.printed.SetText("")
	s.printed.Hide()
	s.showCard()
}

// showCard shows the person chosen in the list on the card.
func (s *deskScreen) showCard() {
	p := s.matches[s.shown]
	s.name.SetText(p.FirstName + " " + p.LastName)
	arrived := daysShort(p.CheckedInDays)
	if arrived == "" {
		arrived = lang.L("Not yet")
	}
	badge := lang.L("Not yet")
	if p.BadgePrinted {
		badge = lang.L("Printed")
	}
	for i, v := range []string{p.Code, p.Organisation, p.Category, statusLabel(p.Status), daysShort(p.Days), arrived, badge} {
		s.values[i].SetText(v)
	}
	s.card.Show()
}

// onPrintBadgeTapped prints the badge of the person on the card, in the
// layout for one badge at a time.
func (s *deskScreen) onPrintBadgeTapped() {
	if s.badges == nil || !s.card.Visible() || s.shown >= len(s.matches) {
		return
	}
	id := s.matches[s.shown].ID
	s.printed.Hide()
	s.badges.printOneAsync(id, func(res badgeResult) {
		if s.shown < len(s.matches) && s.matches[s.shown].ID == id {
			s.matches[s.shown].BadgePrinted = true
			s.showCard()
			s.printed.SetText(res.message)
			s.printed.Show()
			s.card.Refresh()
		}
	})
}
