package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// deskSearch is the name search of what is being typed: one at a time;
// keys typed while one runs make the next search, for the text as it is
// then.
type deskSearch struct {
	want     string    // the text whose matches are wanted; "" none
	inFlight bool      // a search runs
	since    time.Time // the first key typed whose matches are not shown yet
	restore  bool      // the field is being given back a text: no search
	keys     keyBurst  // desk_burst.go: the keys typed, in bursts of deskBurstGap
	waiting  bool      // a search waits for the keys of a burst to stop
}

// onSearchChanged shows who matches what is being typed. The first key of
// a new search takes the card down: Enter then acts on what is typed.
func (s *deskScreen) onSearchChanged(text string) {
	if s.search.restore {
		return
	}
	text = strings.TrimSpace(text)
	s.selected = -1
	if text != "" && s.search.want == "" && s.shown != nil {
		s.scans.down = nil
		if s.scans.shownFor != "" && s.scans.shownFor == s.scans.last && s.shown.Participant.ID == s.scans.shownID {
			s.scans.down = &deskShown{card: s.shown, pending: s.pending,
				result: s.card.result.Text, importance: s.card.result.Importance}
		}
		s.showCard(nil, false)
	}
	s.search.want = text
	s.stopCounting() // a reading of the counters waits for the typing (desk_counts.go)
	if text == "" {
		s.search.since = time.Time{}
		s.showMatches("", nil)
		return
	}
	now := time.Now()
	if s.search.since.IsZero() {
		s.search.since = now
	}
	s.search.keys.gap = deskBurstGap // not the zero value's scanGap
	burst := s.search.keys.keyAt(now, 0)
	switch {
	case s.search.inFlight || s.search.waiting:
	case burst:
		s.searchAfterBurstAsync()
	default:
		s.searchNow(text)
	}
}

// deskSearchHandover is how long a key typed after a pause waits, on the
// UI thread, for its matches: a search takes a few milliseconds, and its
// matches, shown at once, go into the frame that the window draws next
// with the key, rather than a frame of their own after it (20 ms and more
// in software GL). The keys that come meanwhile wait in the window's
// queue, in their order.
const deskSearchHandover = 8 * time.Millisecond

// searchNow searches for text, and shows its matches at once when they come
// within deskSearchHandover; else as searchAsync. UI thread.
func (s *deskScreen) searchNow(text string) {
	h := newDeskHandover()
	s.searchWith(text, h)
	s.awaitResult(h, deskSearchHandover)
}

// searchAfterBurstAsync searches names for what the field holds once no key
// came for deskBurstGap.
func (s *deskScreen) searchAfterBurstAsync() {
	s.search.waiting = true
	s.env.tasks.hold()
	time.AfterFunc(deskBurstGap, func() {
		s.env.tasks.onUI(func() {
			defer s.env.tasks.release()
			s.search.waiting = false
			switch {
			case s.search.want == "" || s.search.inFlight:
			case s.search.keys.within(time.Now()):
				s.searchAfterBurstAsync()
			default:
				s.searchAsync(s.search.want)
			}
		})
	})
}

// searchAsync lists who matches text; when the field changed meanwhile, it
// searches again for what it holds now, and shows only that.
func (s *deskScreen) searchAsync(text string) { s.searchWith(text, nil) }

// searchWith is searchAsync, handing its result to the UI thread waiting
// for it through h (nil: through fyne.Do).
func (s *deskScreen) searchWith(text string, h *deskHandover) {
	s.search.inFlight = true
	st := newDeskStages("search", s.search.since)
	if st != nil {
		st.text = text
	}
	ctx := s.env.ctx
	s.env.tasks.hold()
	go func() {
		st.mark("worker")
		rows, err := s.store.ListParticipants(ctx, data.ParticipantQuery{Search: text, Limit: deskMatches})
		st.mark("listed")
		show := func() {
			defer s.env.tasks.release()
			if ctx.Err() != nil {
				return
			}
			st.mark("ui")
			s.search.inFlight = false
			switch {
			case s.search.want != text:
				switch {
				case s.search.want == "":
				case s.search.keys.within(time.Now()):
					s.searchAfterBurstAsync()
				default:
					s.searchAsync(s.search.want)
				}
			case err != nil:
				s.deskError(err, false)
			default:
				s.showMatches(text, rows)
				logDeskTiming("keystroke-to-matches", s.search.since)
				st.mark("applied")
				if st != nil && st.start.Equal(s.search.since) {
					s.timeFrame(st, "keystroke-to-frame")
				}
				s.search.since = time.Time{}
			}
		}
		if !h.give(show) {
			s.env.tasks.onUI(show)
		}
	}()
}

func (s *deskScreen) showMatches(text string, rows []data.ParticipantRow) {
	before := len(s.matches)
	s.matches = rows
	s.list.UnselectAll()
	if len(rows) == before {
		// As many rows as shown: the cells are set anew, not the list
		// refreshed. The list's Refresh (and RefreshItem, which calls it)
		// makes a cell to measure, whose ThemeOverride is a new theme
		// scope, for which fyne parses its fonts again and empties its
		// caches of text sizes and icons: tens of ms a keystroke.
		for id, cell := range s.matchCells.cell {
			s.updateMatch(id, cell)
		}
	} else {
		s.list.Refresh()
	}
	switch {
	case text == "":
		s.setStatus("", widget.MediumImportance)
	case len(rows) == 0:
		s.setStatus(lang.L("Nobody matches “{{.Text}}”.", map[string]any{"Text": text}), widget.MediumImportance)
	case len(rows) == 1:
		s.setStatus(lang.L("Enter checks this person in."), widget.MediumImportance)
	default:
		s.setStatus(lang.N("{{.Count}} people match: choose one with ↑ ↓, then Enter.", len(rows),
			map[string]any{"Count": formatCount(len(rows))}), widget.MediumImportance)
	}
}

// deskMatchCells are the cells of the list of matches, each with the row
// it shows now (the list gives a cell another row as it scrolls, and
// makes and drops cells): a search that finds as many people as the one
// before sets the cells of the rows anew.
type deskMatchCells struct {
	cell map[widget.ListItemID]fyne.CanvasObject
	row  map[fyne.CanvasObject]widget.ListItemID
}

// shows notes that cell o shows row id.
func (m *deskMatchCells) shows(id widget.ListItemID, o fyne.CanvasObject) {
	if m.cell == nil {
		m.cell, m.row = map[widget.ListItemID]fyne.CanvasObject{}, map[fyne.CanvasObject]widget.ListItemID{}
	}
	if old, ok := m.row[o]; ok && old != id && m.cell[old] == o {
		delete(m.cell, old)
	}
	if prev, ok := m.cell[id]; ok && prev != o {
		delete(m.row, prev)
	}
	m.cell[id], m.row[o] = o, id
}
