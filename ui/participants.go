package ui

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// searchDelay is how long typing must pause before the list is searched.
const searchDelay = 150 * time.Millisecond

// participantsStore is what the participants screen reads.
type participantsStore interface {
	ListParticipants(ctx context.Context, q data.ParticipantQuery) ([]data.ParticipantRow, error)
}

// participantsScreen lists the participants, narrowed by a search box.
type participantsScreen struct {
	env   *env
	store participantsStore

	search *widget.Entry
	count  *widget.Label
	table  *textTable

	query string      // the text searched for; UI thread only
	timer *time.Timer // pending debounced search; UI thread only
	// latest numbers the searches: a result older than the latest search
	// is dropped.
	latest atomic.Uint64
}

func newParticipantsScreen(e *env, st participantsStore) *participantsScreen {
	return &participantsScreen{env: e, store: st}
}

func (s *participantsScreen) build() fyne.CanvasObject {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("Search by name, organisation, email or code"))
	s.search.OnChanged = s.onSearchChanged
	s.count = widget.NewLabel("")
	s.table = newTextTable(
		[]string{lang.L("Name"), lang.L("Organisation"), lang.L("Category"), lang.L("Status"),
			lang.L("Days"), lang.L("Checked in"), lang.L("Badge")},
		[]float32{200, 230, 150, 110, 130, 110, 80})
	top := container.NewBorder(nil, nil, nil, s.count, s.search)
	return container.NewBorder(top, nil, nil, nil, s.table.table)
}

// loadAsync lists the participants again for the current search.
func (s *participantsScreen) loadAsync() { s.searchAsync(s.query) }

// onSearchChanged searches once typing pauses.
func (s *participantsScreen) onSearchChanged(text string) {
	s.query = text
	if s.timer != nil && s.timer.Stop() {
		s.env.tasks.release() // that search will not run
	}
	s.env.tasks.hold()
	s.timer = time.AfterFunc(searchDelay, func() {
		s.searchAsync(text)
		s.env.tasks.release()
	})
}

// searchAsync lists the participants matching text and shows them, unless
// a newer search was issued meanwhile. It may be called from any goroutine.
func (s *participantsScreen) searchAsync(text string) {
	n := s.latest.Add(1)
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		list, err := s.store.ListParticipants(ctx, data.ParticipantQuery{Search: text, Limit: 0})
		rows := formatParticipants(list)
		return func() {
			if n != s.latest.Load() {
				return
			}
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.table.setRows(rows)
			s.count.SetText(lang.N("{{.Count}} participants", len(rows), map[string]any{"Count": len(rows)}))
		}
	})
}

// formatParticipants writes the participants as table rows.
func formatParticipants(list []data.ParticipantRow) [][]string {
	rows := make([][]string, len(list))
	for i, p := range list {
		badge := ""
		if p.BadgePrinted {
			badge = lang.L("Printed")
		}
		rows[i] = []string{
			p.FirstName + " " + p.LastName,
			p.Organisation,
			p.Category,
			statusLabel(p.Status),
			daysShort(p.Days),
			daysShort(p.CheckedInDays),
			badge,
		}
	}
	return rows
}
