package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// newParticipantsTest shows the participants screen of a demo of n people,
// loaded.
func newParticipantsTest(t *testing.T, n int) (*data.Store, *env, *participantsScreen) {
	t.Helper()
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, n))
	e := newTestEnv(t)
	s := newParticipantsScreen(e, st, newBadgePrinter(e, st, a.Preferences()))
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1100, 800))
	s.loadAsync()
	waitIdle(t, e.tasks)
	return st, e, s
}

// ptStoreIDs is the store's own answer to a query.
func ptStoreIDs(t *testing.T, st *data.Store, q data.ParticipantQuery) []int64 {
	t.Helper()
	ids, err := st.ParticipantIDs(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// ptFind returns the visible objects of type T in o, front to back.
func ptFind[T any](o fyne.CanvasObject) []T {
	var out []T
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if v, ok := o.(T); ok {
			out = append(out, v)
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// ptTopDialog waits for a dialog whose content shows text, and returns it.
func ptTopDialog(t *testing.T, e *env, text string) fyne.CanvasObject {
	t.Helper()
	var top fyne.CanvasObject
	waitFor(t, "a dialog saying "+text, e.tasks, func() bool {
		top = e.win.Canvas().Overlays().Top()
		if top == nil {
			return false
		}
		for _, l := range ptFind[*widget.Label](top) {
			if strings.Contains(l.Text, text) {
				return true
			}
		}
		return false
	})
	return top
}

// ptTap taps the button of that text in o.
func ptTap(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, b := range ptFind[*widget.Button](o) {
		if b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", text)
}

// ptHeader returns the header of a column of the table.
func ptHeader(t *testing.T, s *participantsScreen, col int) *sortHeader {
	t.Helper()
	for _, h := range ptFind[*sortHeader](s.table.table) {
		if h.col == col && h.label.Visible() {
			return h
		}
	}
	t.Fatalf("no header for column %d", col)
	return nil
}

// ptShownLines are the lines of the table's first rows (at most a page).
func ptShownLines(t *testing.T, s *participantsScreen, n int) []participantLine {
	t.Helper()
	var lines []participantLine
	for i := 0; i < min(n, rowsPerPage) && i < len(s.table.rows.ids); i++ {
		line, ok := s.table.rows.row(i)
		if !ok {
			t.Fatalf("row %d is not read", i)
		}
		lines = append(lines, line)
	}
	return lines
}

func TestParticipantsList(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	if rows, _ := s.table.table.Length(); rows != 60 {
		t.Fatalf("table has %d rows, want 60", rows)
	}
	if got := s.count.Text; got != "60 participants" {
		t.Errorf("count = %q, want %q", got, "60 participants")
	}
	want, err := st.ListParticipants(context.Background(), data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range ptShownLines(t, s, 60) {
		w := formatParticipant(&want[i])
		if line.id != w.id || line.cells != w.cells {
			t.Fatalf("row %d shows %q, want %q", i, line.cells, w.cells)
		}
	}

	t.Run("SearchNarrows", func(t *testing.T) {
		line, _ := s.table.rows.row(0)
		last := line.cells[pcolName][strings.LastIndex(line.cells[pcolName], " ")+1:]
		test.Type(s.search, last)
		waitIdle(t, e.tasks)
		want := ptStoreIDs(t, st, data.ParticipantQuery{Search: last})
		if !slices.Equal(s.table.rows.ids, want) || len(want) == 0 || len(want) >= 60 {
			t.Fatalf("searching %q shows %d rows, want %d (fewer than 60)", last, len(s.table.rows.ids), len(want))
		}
		for _, l := range ptShownLines(t, s, len(want)) {
			if !strings.Contains(strings.Join(l.cells[:], " "), last) {
				t.Errorf("row %q does not match %q", l.cells, last)
			}
		}
		if !strings.HasPrefix(s.count.Text, strings.TrimSpace(strings.Fields(s.count.Text)[0])) {
			t.Errorf("count = %q", s.count.Text)
		}
	})

	t.Run("ClearingShowsAll", func(t *testing.T) {
		s.search.SetText("")
		waitIdle(t, e.tasks)
		if rows, _ := s.table.table.Length(); rows != 60 {
			t.Fatalf("table has %d rows, want 60", rows)
		}
	})

	t.Run("NoMatch", func(t *testing.T) {
		s.search.SetText("zzzzqqq")
		waitIdle(t, e.tasks)
		if rows, _ := s.table.table.Length(); rows != 0 {
			t.Fatalf("table has %d rows, want 0", rows)
		}
		if got := s.count.Text; got != "0 participants" {
			t.Errorf("count = %q", got)
		}
		s.search.SetText("")
		waitIdle(t, e.tasks)
	})
}

func TestParticipantsSortByHeader(t *testing.T) {
	st, e, s := newParticipantsTest(t, 80)
	org := ptHeader(t, s, pcolOrganisation)
	test.Tap(org)
	waitIdle(t, e.tasks)
	if want := ptStoreIDs(t, st, data.ParticipantQuery{Sort: data.SortOrganisation}); !slices.Equal(s.table.rows.ids, want) {
		t.Fatalf("sorted by organisation: %v, want %v", s.table.rows.ids[:5], want[:5])
	}
	if !org.arrow.Visible() || org.arrow.Resource != theme.MenuDropUpIcon() {
		t.Errorf("the organisation header shows no rising arrow")
	}
	lines := ptShownLines(t, s, 80)
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1].cells[pcolOrganisation], lines[i].cells[pcolOrganisation]
		// accents and case ignored, as people's names (data.Fold)
		if a != "" && b != "" && data.Fold(a) > data.Fold(b) {
			t.Fatalf("row %d: %q before %q", i, a, b)
		}
	}

	t.Run("AgainDescending", func(t *testing.T) {
		test.Tap(org)
		waitIdle(t, e.tasks)
		want := ptStoreIDs(t, st, data.ParticipantQuery{Sort: data.SortOrganisation, Desc: true})
		if !slices.Equal(s.table.rows.ids, want) {
			t.Fatalf("sorted by organisation, descending: %v, want %v", s.table.rows.ids[:5], want[:5])
		}
		if org.arrow.Resource != theme.MenuDropDownIcon() {
			t.Errorf("the organisation header shows no falling arrow")
		}
	})

	t.Run("ThirdClickUsualOrder", func(t *testing.T) {
		test.Tap(org)
		waitIdle(t, e.tasks)
		if want := ptStoreIDs(t, st, data.ParticipantQuery{}); !slices.Equal(s.table.rows.ids, want) {
			t.Fatalf("after three clicks: %v, want %v", s.table.rows.ids[:5], want[:5])
		}
		if org.arrow.Visible() {
			t.Errorf("the organisation header still shows an arrow")
		}
	})

	t.Run("OtherColumn", func(t *testing.T) {
		test.Tap(ptHeader(t, s, pcolStatus))
		waitIdle(t, e.tasks)
		if want := ptStoreIDs(t, st, data.ParticipantQuery{Sort: data.SortStatus}); !slices.Equal(s.table.rows.ids, want) {
			t.Fatalf("sorted by status: %v, want %v", s.table.rows.ids[:5], want[:5])
		}
		if ptHeader(t, s, pcolOrganisation).arrow.Visible() {
			t.Errorf("the organisation header still shows an arrow")
		}
	})

	t.Run("WhileSearching", func(t *testing.T) {
		test.Type(s.search, "a")
		waitIdle(t, e.tasks)
		want := ptStoreIDs(t, st, data.ParticipantQuery{Search: "a", Sort: data.SortStatus})
		if !slices.Equal(s.table.rows.ids, want) || len(want) == 0 {
			t.Fatalf("searching, sorted by status: %d rows, want %d", len(s.table.rows.ids), len(want))
		}
	})
}

func TestParticipantsFilters(t *testing.T) {
	st, e, s := newParticipantsTest(t, 300)
	cats, err := st.Categories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.filters.category.SetSelectedIndex(1) // the first category
	s.filters.checkedIn.SetSelected("Checked in")
	waitIdle(t, e.tasks)
	want := ptStoreIDs(t, st, data.ParticipantQuery{CategoryID: cats[0].ID, CheckedIn: data.Yes})
	if len(want) == 0 || len(want) >= 300 {
		t.Fatalf("the store finds %d checked-in people in %s: choose another filter", len(want), cats[0].Name)
	}
	if !slices.Equal(s.table.rows.ids, want) {
		t.Fatalf("category + checked in: %d rows, want %d", len(s.table.rows.ids), len(want))
	}
	for _, l := range ptShownLines(t, s, len(want)) {
		if l.cells[pcolCategory] != cats[0].Name || l.cells[pcolCheckedIn] == "" {
			t.Errorf("row %q is not a checked-in %s", l.cells, cats[0].Name)
		}
	}

	t.Run("AllFilters", func(t *testing.T) {
		s.filters.status.SetSelected("Confirmed")
		s.filters.day.SetSelectedIndex(1)
		s.filters.region.SetSelectedIndex(1)
		s.filters.badge.SetSelected("Badge printed")
		waitIdle(t, e.tasks)
		q := data.ParticipantQuery{CategoryID: cats[0].ID, CheckedIn: data.Yes, Status: data.StatusConfirmed,
			Day: s.filters.days[0], Region: s.filters.regions[0], BadgePrinted: data.Yes}
		if want := ptStoreIDs(t, st, q); !slices.Equal(s.table.rows.ids, want) {
			t.Fatalf("all filters: %d rows, want %d", len(s.table.rows.ids), len(want))
		}
	})

	t.Run("NotCheckedIn", func(t *testing.T) {
		for _, sel := range s.filters.selects() {
			sel.SetSelectedIndex(0)
		}
		s.filters.checkedIn.SetSelected("Not checked in")
		s.filters.badge.SetSelected("No badge yet")
		waitIdle(t, e.tasks)
		want := ptStoreIDs(t, st, data.ParticipantQuery{CheckedIn: data.No, BadgePrinted: data.No})
		if !slices.Equal(s.table.rows.ids, want) || len(want) == 0 {
			t.Fatalf("not checked in, no badge: %d rows, want %d", len(s.table.rows.ids), len(want))
		}
	})
}

// gatedStore holds back the queries for one search until released.
type gatedStore struct {
	*data.Store
	text string
	gate chan struct{}
}

func (g *gatedStore) ParticipantIDs(ctx context.Context, q data.ParticipantQuery) ([]int64, error) {
	if q.Search == g.text {
		<-g.gate
	}
	return g.Store.ParticipantIDs(ctx, q)
}

func TestParticipantsStaleResultDropped(t *testing.T) {
	test.NewTempApp(t)
	st := &gatedStore{Store: mustOpen(t, demoFile(t, 30)), text: "zzzzqqq", gate: make(chan struct{})}
	e := newTestEnv(t)
	s := newParticipantsScreen(e, st, nil)
	e.win.SetContent(s.build())

	s.search.SetText("zzzzqqq")
	s.stopTimer()
	s.queryAsync(true) // slow, and overtaken by the next one
	s.search.SetText("")
	s.stopTimer()
	s.queryAsync(true)
	waitFor(t, "the newer search", e.tasks, func() bool { return e.tasks.pending.Load() == 1 })
	if rows, _ := s.table.table.Length(); rows != 30 {
		t.Fatalf("table has %d rows, want 30", rows)
	}
	close(st.gate)
	waitIdle(t, e.tasks)
	if rows, _ := s.table.table.Length(); rows != 30 {
		t.Fatalf("the older search's result replaced the newer: %d rows, want 30", rows)
	}
}

func TestParticipantsPagesReadLazily(t *testing.T) {
	st, e, s := newParticipantsTest(t, 450)
	if _, ok := s.table.rows.row(300); ok {
		t.Fatal("row 300 was read before it was shown")
	}
	s.table.table.ScrollTo(widget.TableCellID{Row: 320, Col: pcolName})
	waitIdle(t, e.tasks)
	line, ok := s.table.rows.row(320)
	if !ok {
		t.Fatal("row 320 was not read once shown")
	}
	rows, err := st.ParticipantRows(context.Background(), []int64{s.table.rows.ids[320]})
	if err != nil || len(rows) != 1 {
		t.Fatal(err)
	}
	if want := formatParticipant(&rows[0]); line.cells != want.cells {
		t.Errorf("row 320 shows %q, want %q", line.cells, want.cells)
	}
}

func TestParticipantsKeyboard(t *testing.T) {
	_, e, s := newParticipantsTest(t, 40)
	s.table.table.Select(widget.TableCellID{Row: 2, Col: pcolName})
	waitIdle(t, e.tasks)
	if s.detail.id != s.table.rows.ids[2] || s.detail.name.Text == "" {
		t.Fatalf("picking row 2 shows participant %d", s.detail.id)
	}
	s.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	waitIdle(t, e.tasks)
	if s.detail.id != s.table.rows.ids[3] || !s.bulk.isPicked(s.table.rows.ids[3]) || s.bulk.isPicked(s.table.rows.ids[2]) {
		t.Fatalf("Down did not move to row 3")
	}
	s.table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	top := ptTopDialog(t, e, "First name")
	if s.form == nil || s.form.p.ID != s.table.rows.ids[3] {
		t.Fatalf("Enter did not open row 3's form")
	}
	ptTap(t, top, "Cancel")

	t.Run("DoubleClickOpens", func(t *testing.T) {
		s.table.table.Select(widget.TableCellID{Row: 6, Col: pcolOrganisation})
		s.table.table.Select(widget.TableCellID{Row: 6, Col: pcolOrganisation})
		top := ptTopDialog(t, e, "First name")
		if s.form.p.ID != s.table.rows.ids[6] {
			t.Fatalf("a double click on row 6 opened %d's form", s.form.p.ID)
		}
		ptTap(t, top, "Cancel")
	})

	t.Run("Shortcuts", func(t *testing.T) {
		s.newParticipant()
		top := ptTopDialog(t, e, "First name")
		if s.form.p.ID != 0 || e.win.Canvas().Focused() != s.form.firstName {
			t.Errorf("newParticipant opened the form of %d", s.form.p.ID)
		}
		ptTap(t, top, "Cancel")
		s.focusSearch()
		if e.win.Canvas().Focused() != s.search {
			t.Errorf("focusSearch did not focus the search box")
		}
	})
}

func TestParticipantsRendering(t *testing.T) {
	_, e, s := newParticipantsTest(t, 60)
	s.table.table.Select(widget.TableCellID{Row: 1, Col: pcolName})
	waitIdle(t, e.tasks)
	test.AssertRendersToMarkup(t, "participants/list.xml", e.win.Canvas())
}
