package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// standsStore is what the stands screen reads and writes.
type standsStore interface {
	Stands(ctx context.Context) ([]data.Stand, error)
	ParticipantRows(ctx context.Context, ids []int64) ([]data.ParticipantRow, error)
	SwapStands(ctx context.Context, a, b int64) error
	ReadsKey(ctx context.Context) (string, error)
	standFormStore
}

// standsScreen shows the exhibitors' stands as a list or on the floor plan,
// and edits them.
type standsScreen struct {
	env   *env
	store standsStore

	count *widget.Label
	empty *widget.Label
	line  *widget.Label // under the list: a stand whole (stands_line.go)
	// pointedRow and keyRow are the rows the pointer and the keyboard are
	// on in the list, -1 when none. UI thread.
	pointedRow, keyRow int
	table              *textTable
	plan               *floorPlan
	views              *container.AppTabs
	stands             []data.Stand     // as listed; UI thread only
	names              map[int64]string // contacts' and staff's names; UI thread only
	form               *standForm       // the form open last, for tests
	moves              *standMoves      // what a drag did, and its undo (stands_move.go)
	top                *fyne.Container  // the count, what a move did, Undo and New stand
	// shown is the state of the file the stands shown were read in: a
	// visit with the file unchanged reads and draws them again no more
	// (issue 19). UI thread.
	shown string
}

func newStandsScreen(e *env, st standsStore) *standsScreen {
	return &standsScreen{env: e, store: st, pointedRow: -1, keyRow: -1}
}

func (s *standsScreen) build() fyne.CanvasObject {
	s.count = widget.NewLabel("")
	s.empty = widget.NewLabel(lang.L("No stand yet."))
	s.empty.Hide()
	widths := []float32{50, 140, 170, 140, 140, 80, 195} // "Équipe" whole (TestStandsHeadersWhole)
	s.table = newTextTable(
		[]string{lang.X("column.number", "No."), lang.L("Name"), lang.L("Zone"), lang.L("Organisation"), lang.L("Contact"),
			lang.X("column.staff", "Staff"), lang.L("Equipment")}, widths)
	// A wider window widens the names, organisations and contacts.
	s.table.table.stretch(widths, 1, 3, 4)
	s.table.table.OnSelected = s.onRowSelected
	s.table.table.CreateCell = func() fyne.CanvasObject { return newStandCell(s) }
	s.table.table.UpdateCell = s.updateStandCell
	s.table.table.OnKeyRow = s.onKeyRow
	s.line = newStandsLine()
	s.showStandLine()
	s.plan = newFloorPlan(s.onStandTapped, s.onFreeCellTapped, s.onStandMoved)
	s.moves = newStandMoves(s)
	s.views = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("List"), theme.ListIcon(), container.NewBorder(nil, s.line, nil, nil, container.NewStack(s.table.table, s.empty))),
		container.NewTabItemWithIcon(lang.L("Floor plan"), theme.GridIcon(), s.plan.build()),
	)
	add := widget.NewButtonWithIcon(lang.L("New stand"), theme.ContentAddIcon(), s.onNewTapped)
	add.Importance = widget.HighImportance
	s.top = container.NewBorder(nil, nil, nil, container.NewHBox(s.moves.undo, add), container.NewHBox(s.count, s.moves.feedback))
	return container.NewBorder(s.top, nil, nil, nil, s.views)
}

// loadAsync shows the stands as the file now is: read again only once it
// changed since they were shown.
func (s *standsScreen) loadAsync() { s.readAsync(true) }

// readAsync reads the stands and the names of their people, and shows
// them; unless visit, even when the file is unchanged (a move refused:
// the plan shows it moved).
func (s *standsScreen) readAsync(visit bool) {
	shown := s.shown
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		key, err := s.store.ReadsKey(ctx)
		if err != nil {
			key = "" // read each time
		} else if visit && key != "" && key == shown {
			return nil // as shown
		}
		if visit && shown != "" { // changed since: no count of the file as it was, meanwhile
			s.env.tasks.onUI(func() { s.count.SetText("…") })
		}
		list, err := s.store.Stands(ctx)
		var people []data.ParticipantRow
		if err == nil {
			var ids []int64
			for _, st := range list {
				if st.ContactID != 0 {
					ids = append(ids, st.ContactID)
				}
				ids = append(ids, st.Staff...)
			}
			people, err = s.store.ParticipantRows(ctx, ids)
		}
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		names := make(map[int64]string, len(people))
		for _, p := range people {
			names[p.ID] = p.FirstName + " " + p.LastName
		}
		rows := make([][]string, len(list))
		for i, st := range list {
			rows[i] = []string{st.Number, st.Name, st.Zone, st.Organisation, names[st.ContactID],
				formatCount(len(st.Staff)), equipmentText(st)}
		}
		return func() {
			s.shown = key
			s.stands, s.names = list, names
			s.table.setRows(rows)
			s.plan.setStands(list)
			s.showStandLine() // the stand pointed at, as it now is
			s.count.SetText(lang.N("{{.Count}} stands", len(rows), map[string]any{"Count": formatCount(len(rows))}))
			s.top.Refresh() // the count's width
			showIf(s.empty, len(rows) == 0)
		}
	})
}

func (s *standsScreen) onRowSelected(id widget.TableCellID) {
	s.table.table.setKeyRow(id.Row)
	s.table.table.UnselectAll()
	if id.Row >= 0 && id.Row < len(s.stands) {
		s.openForm(s.stands[id.Row])
	}
}

func (s *standsScreen) onStandTapped(st data.Stand) { s.openForm(st) }

// onNewTapped opens the form of a new stand, with the next number and the
// first free place of the plan.
func (s *standsScreen) onNewTapped() {
	x, y := firstFree(s.stands)
	s.onFreeCellTapped(x, y)
}

// onFreeCellTapped opens the form of a new stand at that place.
func (s *standsScreen) onFreeCellTapped(x, y int) {
	s.openForm(data.Stand{Number: nextStandNumber(s.stands), X: x, Y: y, Tables: 1, Chairs: 2})
}

func (s *standsScreen) openForm(st data.Stand) {
	names := make(map[int64]string, len(s.names))
	for id, n := range s.names {
		names[id] = n
	}
	s.form = newStandForm(s.env, s.store, st, s.stands, names, func() { s.readAsync(false) })
	s.form.show()
}

// nextStandNumber follows the highest number when stands are numbered
// 1, 2, 3…; it is left to the organiser otherwise.
func nextStandNumber(stands []data.Stand) string {
	top := 0
	for _, st := range stands {
		n, err := strconv.Atoi(st.Number)
		if err != nil {
			return ""
		}
		top = max(top, n)
	}
	return strconv.Itoa(top + 1)
}

// equipmentText sums up what a stand needs: "power · 2 tables · 4 chairs".
func equipmentText(st data.Stand) string {
	var parts []string
	if st.Power {
		parts = append(parts, lang.L("power"))
	}
	parts = append(parts, lang.N("{{.Count}} tables", st.Tables, map[string]any{"Count": formatCount(st.Tables)}),
		lang.N("{{.Count}} chairs", st.Chairs, map[string]any{"Count": formatCount(st.Chairs)}))
	return strings.Join(parts, " · ")
}
