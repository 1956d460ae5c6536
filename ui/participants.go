package ui

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// searchDelay is how long typing must pause before the list is searched.
const searchDelay = 150 * time.Millisecond

// participantsStore is what the participants screen reads and writes.
type participantsStore interface {
	ParticipantIDs(ctx context.Context, q data.ParticipantQuery) ([]int64, error)
	ParticipantRows(ctx context.Context, ids []int64) ([]data.ParticipantRow, error)
	Categories(ctx context.Context) ([]data.Category, error)
	Regions(ctx context.Context) ([]string, error)
	Congress(ctx context.Context) (data.Congress, error)
	participantFormStore
	participantDetailStore
	participantBulkStore
	importStore
}

// The columns of the participant table.
const (
	pcolPick = iota
	pcolName
	pcolOrganisation
	pcolCategory
	pcolStatus
	pcolDays
	pcolCheckedIn
	pcolBadge
	participantCols
)

// participantSorts is the order each column sorts by; the others do not sort.
var participantSorts = map[int]data.SortBy{
	pcolName: data.SortName, pcolOrganisation: data.SortOrganisation,
	pcolCategory: data.SortCategory, pcolStatus: data.SortStatus,
}

// participantLine is one row of the table, formatted.
type participantLine struct {
	id     int64
	cells  [participantCols]string
	colour color.Color // the category's
	status data.Status
}

// participantResult is what a query read: the first IDs it selected, or
// all of them, and the lines of some of their pages.
type participantResult struct {
	ids      []int64
	pages    map[int][]participantLine
	complete bool // ids has all those the query selects
}

// participantsScreen lists the participants, narrowed by a search box and
// filters, and shows the one picked in a detail panel.
type participantsScreen struct {
	env   *env
	store participantsStore

	search *participantSearch
	count  *widget.Label
	// searchBar holds the search box, the count and "New participant".
	searchBar *fyne.Container
	filters   participantFilters
	table     *participantTable
	detail    *participantDetail
	// splitBox shares the height between the table and the detail
	// (detailSplitLayout).
	splitBox *fyne.Container
	// empty says what to do first when the congress has nobody yet
	// (participants_empty.go).
	empty  *fyne.Container
	bulk   *participantBulk
	badges *badgePrinter    // prints the badge of the participant shown
	form   *participantForm // the form opened last

	headers []string
	sortBy  data.SortBy // data.SortRelevance: by name, or by rank when searching
	sortCol int         // the column sorted by, 0 for none
	desc    bool

	categories []data.Category // for the bulk change; UI thread only
	timer      *time.Timer     // pending debounced search; UI thread only
	// revealID is someone just saved, whose row the list scrolls to once it
	// is listed (0: none); UI thread only.
	revealID int64
	// afterListed waits for the latest search to be listed (a key typed
	// in the search box meanwhile); UI thread only.
	afterListed func()
	// latest numbers the queries: a result older than the latest query is
	// dropped.
	latest atomic.Uint64
}

// participantTable is the table and the rows it shows. UI thread only.
type participantTable struct {
	table   *rowTable
	rows    pagedRows[participantLine]
	lastRow int // the row drawn last, near the bottom of the screen
	// complete: ids holds every ID the query selects, not its first ones
	// only (participantResult.complete)
	complete bool
}

func newParticipantsScreen(e *env, st participantsStore, badges *badgePrinter) *participantsScreen {
	s := &participantsScreen{env: e, store: st, table: &participantTable{}, badges: badges}
	s.detail = newParticipantDetail(s)
	s.bulk = newParticipantBulk(s)
	return s
}

func (s *participantsScreen) build() fyne.CanvasObject {
	s.search = newParticipantSearch()
	s.search.SetPlaceHolder(lang.L("Search by name, organisation, email or code"))
	s.search.OnChanged = s.onSearchChanged
	s.search.OnSubmitted = s.onSearchSubmitted
	s.search.onDown = s.onSearchDown
	s.count = widget.NewLabel("")
	s.count.TextStyle.Bold = true
	add := widget.NewButtonWithIcon(lang.L("New participant…"), theme.ContentAddIcon(), s.newParticipant)
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(lang.L("Import…"), theme.DownloadIcon(), func() { s.importFile("") })

	s.headers = []string{"", lang.L("Name"), lang.L("Organisation"), lang.L("Category"), lang.L("Status"),
		lang.L("Days"), lang.L("Checked in"), lang.L("Badge")}
	t := newRowTable(s.tableSize, s.newCell, s.updateCell)
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return newSortHeader(s.onHeaderTapped, s.bulk.onPickAll) }
	t.UpdateHeader = s.updateHeader
	t.OnPicked = s.bulk.onRowPicked
	t.OnOpened = s.onRowOpened
	t.OnToggled = s.bulk.onRowToggled
	t.setWidths([]float32{36, 160, 165, 140, 95, 125, 115, 75}, pcolName, pcolOrganisation)
	s.table.table = t

	s.searchBar = container.NewBorder(nil, nil, nil, container.NewHBox(s.count, imp, add), s.search)
	top := container.NewVBox(
		s.searchBar,
		s.filters.build(s.onFilterChosen, s.onFiltersCleared),
		s.bulk.build(),
	)
	split := container.NewVSplit(s.withFocusRing(), s.detail.build())
	s.splitBox = container.New(&detailSplitLayout{s: s, split: split}, split)
	return container.NewBorder(top, nil, nil, nil, container.NewStack(s.splitBox, s.buildEmpty()))
}

// loadAsync reads the filters' choices, the list for the current search
// and filters (keeping the place in it), and the participant shown.
func (s *participantsScreen) loadAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		cats, err := s.store.Categories(ctx)
		var regions []string
		var c data.Congress
		if err == nil {
			regions, err = s.store.Regions(ctx)
		}
		if err == nil {
			c, err = s.store.Congress(ctx)
		}
		return func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.categories = cats
			s.filters.setChoices(cats, c.Days, regions)
		}
	})
	s.queryAsync(false)
	s.detail.reloadAsync()
}

// focusSearch puts the cursor in the search box (Ctrl+F).
func (s *participantsScreen) focusSearch() {
	if s.search != nil {
		s.env.win.Canvas().Focus(s.search)
	}
}

// newParticipant opens the form for a new participant (Ctrl+N).
func (s *participantsScreen) newParticipant() {
	s.openFormAsync(0)
}

// importFile asks for a spreadsheet of registrations, starting in folder
// ("": the congress file's folder, as the menu's Import does; the usual
// place for a congress on a server), and opens the import dialog on it;
// the list is read again after an import.
func (s *participantsScreen) importFile(folder string) {
	if folder == "" {
		folder = congressFolder(s.store)
	}
	chooseImportFile(s.env.win, folder, s.openImport)
}

// openImport opens the import dialog on the file at path.
func (s *participantsScreen) openImport(path string) {
	newImportDialog(s.env, s.store, path, s.loadAsync).openAsync()
}

// onSearchChanged searches once typing pauses.
func (s *participantsScreen) onSearchChanged(text string) {
	s.env.tasks.timeAction("search " + text)
	s.stopTimer()
	s.env.tasks.hold()
	var timer *time.Timer
	timer = time.AfterFunc(searchDelay, func() {
		// The query is read on the UI thread, in the order of what was
		// typed and chosen.
		s.env.tasks.onUI(func() {
			defer s.env.tasks.release()
			if s.timer == timer {
				s.timer = nil
			}
			s.queryAsync(true)
		})
	})
	s.timer = timer
}

// stopTimer gives up the pending search, if any.
func (s *participantsScreen) stopTimer() {
	if s.timer != nil && s.timer.Stop() {
		s.env.tasks.release() // that search will not run
	}
	s.timer = nil
}

// onFilterChosen lists again for the filter chosen.
func (s *participantsScreen) onFilterChosen() {
	s.env.tasks.timeAction("filter")
	s.onFilterChanged()
}

// onFilterChanged lists again at once.
func (s *participantsScreen) onFilterChanged() {
	s.stopTimer()
	s.queryAsync(true)
}

// onFiltersCleared lists everyone again: the ✕ clears the search with the
// filters.
func (s *participantsScreen) onFiltersCleared() {
	s.env.tasks.timeAction("filters cleared")
	// The person chosen stays in view in the whole list (issue 19: it
	// went back to the top, with them out of view).
	s.revealID = s.bulk.current
	s.search.SetText("") // schedules a search…
	s.onFilterChanged()  // …which this one replaces at once
}

// onHeaderTapped sorts by the column; a second click sorts the other way,
// a third goes back to the usual order (by name, or by relevance when
// searching).
func (s *participantsScreen) onHeaderTapped(col int) {
	by, ok := participantSorts[col]
	switch {
	case !ok:
		return
	case s.sortCol != col:
		s.sortCol, s.sortBy, s.desc = col, by, false
	case !s.desc:
		s.desc = true
	default:
		s.sortCol, s.sortBy, s.desc = 0, data.SortRelevance, false
	}
	s.env.tasks.timeAction(fmt.Sprintf("sort %s %d %t", s.headers[col], s.sortCol, s.desc))
	s.table.table.Refresh()
	s.onFilterChanged()
}

// query is what the search box, the filters and the sort select.
func (s *participantsScreen) query() data.ParticipantQuery {
	q := s.filters.query()
	if s.search != nil {
		q.Search = s.search.Text
	}
	q.Sort, q.Desc = s.sortBy, s.desc
	return q
}

// filteredQuery is the list as the search box and the filters select it,
// whole (the exports screen prints its badges). UI thread.
func (s *participantsScreen) filteredQuery() data.ParticipantQuery {
	q := s.query()
	q.Limit, q.Offset = 0, 0
	return q
}

// queryAsync lists the participants for the current query and shows them,
// unless a newer query was issued meanwhile. A fresh list starts at its
// top; otherwise the rows on screen are read again in place.
//
// The rows on screen come first: ranking every match of a short search
// takes longer than ranking the first ones. All the IDs (the count, the
// rows further down) follow, unless the first read had them all.
func (s *participantsScreen) queryAsync(fresh bool) {
	q := s.query()
	pages := []int{0}
	if !fresh {
		pages = s.shownPages()
	}
	n := s.latest.Add(1)
	latestAsync(s.env, &s.latest, n, func(ctx context.Context) (participantResult, error) {
		return s.fetch(ctx, q, pages)
	}, func(res participantResult) {
		s.show(n, res, fresh)
		if !res.complete {
			s.completeAsync(n, q)
		}
	})
}

// completeAsync reads all the IDs of query number n, and shows them unless
// a newer query was issued meanwhile.
func (s *participantsScreen) completeAsync(n uint64, q data.ParticipantQuery) {
	latestAsync(s.env, &s.latest, n, func(ctx context.Context) ([]int64, error) {
		return s.store.ParticipantIDs(ctx, q)
	}, s.showAll)
}

// shownPages are the pages of the rows on screen.
func (s *participantsScreen) shownPages() []int {
	last := s.table.lastRow / rowsPerPage
	if first := max(s.table.lastRow-40, 0) / rowsPerPage; first != last {
		return []int{first, last}
	}
	return []int{last}
}

// fetch reads the first IDs of a query, down to the last of the given
// pages, and the lines of these pages. Any goroutine.
func (s *participantsScreen) fetch(ctx context.Context, q data.ParticipantQuery, pages []int) (participantResult, error) {
	q.Limit = (slices.Max(pages) + 1) * rowsPerPage
	ids, err := s.store.ParticipantIDs(ctx, q)
	if err != nil {
		return participantResult{}, err
	}
	res := participantResult{ids: ids, pages: map[int][]participantLine{}, complete: len(ids) < q.Limit}
	for _, n := range pages {
		page := pageIDs(ids, n)
		if len(page) == 0 {
			continue
		}
		if res.pages[n], err = s.fetchPage(ctx, page); err != nil {
			return res, err
		}
	}
	return res, nil
}

// fetchPage reads the lines of a page of IDs, in order; a participant
// deleted meanwhile gets an empty line.
func (s *participantsScreen) fetchPage(ctx context.Context, ids []int64) ([]participantLine, error) {
	rows, err := s.store.ParticipantRows(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*data.ParticipantRow, len(rows))
	for i := range rows {
		byID[rows[i].ID] = &rows[i]
	}
	lines := make([]participantLine, len(ids))
	for i, id := range ids {
		if r := byID[id]; r != nil {
			lines[i] = formatParticipant(r)
		}
	}
	return lines, nil
}

// show puts the result of query number n on screen. UI thread.
func (s *participantsScreen) show(n uint64, res participantResult, fresh bool) {
	s.table.rows.reset(n, res.ids, res.pages)
	s.table.complete = res.complete
	if res.complete {
		s.showCount()
	}
	if fresh {
		s.bulk.anchor = -1
		s.table.table.ScrollToTop()
	}
	s.table.table.Refresh()
	s.reveal(res.complete)
	s.env.tasks.timedStage("rows")
	s.runAfterListed()
}

// showAll shows all the IDs of the query whose first rows are shown, and
// how many they are. UI thread.
func (s *participantsScreen) showAll(ids []int64) {
	rows := &s.table.rows
	for n, page := range rows.pages {
		if !samePage(page, pageIDs(ids, n)) {
			delete(rows.pages, n) // changed meanwhile: read again
		}
	}
	rows.ids = ids
	s.table.complete = true
	s.showCount()
	s.table.table.Refresh()
	s.reveal(true)
}

func samePage(lines []participantLine, ids []int64) bool {
	if len(lines) != len(ids) {
		return false
	}
	for i, l := range lines {
		if l.id != ids[i] {
			return false
		}
	}
	return true
}

// showCount says how many are listed, and keeps the selection to them.
func (s *participantsScreen) showCount() {
	n := len(s.table.rows.ids)
	s.count.SetText(lang.N("{{.Count}} participants", n, map[string]any{"Count": formatCount(n)}))
	s.searchBar.Refresh() // the count's width changed: lay the bar out again
	s.bulk.keepShown(s.table.rows.ids)
	s.showEmpty(n == 0 && s.everyone())
}

// loadPageAsync reads a page that scrolled into view.
func (s *participantsScreen) loadPageAsync(page int) {
	rows := &s.table.rows
	if !rows.want(page) {
		return
	}
	gen, ids := rows.gen, pageIDs(rows.ids, page)
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		lines, err := s.fetchPage(ctx, ids)
		return func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			if rows.store(gen, page, lines) {
				s.table.table.Refresh()
			}
		}
	})
}

func (s *participantsScreen) tableSize() (int, int) {
	return len(s.table.rows.ids), participantCols
}

func (s *participantsScreen) newCell() fyne.CanvasObject { return newRowCell(s.bulk.onRowChecked) }

func (s *participantsScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell := o.(*rowCell)
	cell.row = id.Row
	s.table.lastRow = id.Row
	rows := &s.table.rows
	if id.Row < 0 || id.Row >= len(rows.ids) {
		return
	}
	picked := s.bulk.isPicked(rows.ids[id.Row])
	if id.Col == pcolPick {
		cell.setCheck(picked, picked)
		return
	}
	line, ok := rows.row(id.Row)
	if !ok {
		cell.setText("", nil, widget.MediumImportance, picked)
		s.loadPageAsync(id.Row / rowsPerPage)
		return
	}
	var colour color.Color
	imp := widget.MediumImportance
	switch {
	case id.Col == pcolCategory && line.id != 0:
		colour = line.colour
	case line.status == data.StatusCancelled:
		imp = widget.LowImportance
	}
	cell.setText(line.cells[id.Col], colour, imp, picked)
}

func (s *participantsScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*sortHeader)
	if id.Col == pcolPick {
		h.setCheck(id.Col, s.bulk.allPicked())
		return
	}
	sort := 0
	if id.Col == s.sortCol {
		sort = 1
		if s.desc {
			sort = -1
		}
	}
	title := ""
	if id.Col >= 0 && id.Col < len(s.headers) {
		title = s.headers[id.Col]
	}
	h.setTitle(id.Col, title, sort)
}

// onParticipantSaved shows a participant just saved, and the list again.
func (s *participantsScreen) onParticipantSaved(id int64) {
	if s.detail == nil || s.detail.content == nil {
		return // not shown yet: it reads everything when it is
	}
	s.bulk.show(id) // the selection, the detail and the bulk actions agree
	s.revealID = id // chosen, so acted on: in view once listed
	s.loadAsync()
}

// reveal scrolls the list to the row of someone just saved, once the list
// has it; a complete list without them (a filter hides them) ends the wait.
func (s *participantsScreen) reveal(complete bool) {
	if s.revealID == 0 {
		return
	}
	if row := slices.Index(s.table.rows.ids, s.revealID); row >= 0 {
		s.table.table.ScrollTo(widget.TableCellID{Row: row, Col: s.table.table.cursor.Col})
		s.revealID = 0
	} else if complete {
		s.revealID = 0
	}
}

// onRowOpened edits the participant of the row (double click, Enter).
func (s *participantsScreen) onRowOpened(row int) {
	if row >= 0 && row < len(s.table.rows.ids) {
		s.openFormAsync(s.table.rows.ids[row])
	}
}

// formatParticipant writes a participant as a table line.
func formatParticipant(p *data.ParticipantRow) participantLine {
	badge := ""
	if p.BadgePrinted {
		badge = lang.L("Printed")
	}
	return participantLine{
		id:     p.ID,
		colour: parseColour(p.CategoryColour),
		status: p.Status,
		cells: [participantCols]string{
			pcolName:         p.FirstName + " " + p.LastName,
			pcolOrganisation: p.Organisation,
			pcolCategory:     p.Category,
			pcolStatus:       statusLabel(p.Status),
			pcolDays:         daysShort(p.Days),
			pcolCheckedIn:    daysShort(p.CheckedInDays),
			pcolBadge:        badge,
		},
	}
}

// detailSplitLayout shares the height between the list and the person's
// detail. While nobody is chosen the list has it all, but for the
// detail's one line that says to choose someone. Once someone is chosen,
// until the organiser drags the divider, the detail gets what it needs for
// its head and the rows of the tab shown, four at most (a person's
// enrolments, say), the list the rest but at least its header and three
// rows, and never more than 56 % on a tall window; the chosen row stays
// in view as the list shrinks. A divider dragged with someone chosen
// stays where it was put.
type detailSplitLayout struct {
	s       *participantsScreen
	split   *container.Split
	set     float64 // the offset last given; another one was dragged
	dragged float64 // where the divider was dragged to, 0 if it was not
	chosen  bool    // someone was chosen at the last layout
}

const (
	detailWant  = 340 // the detail's head, summary, tabs, header and four rows
	listAtLeast = 160 // the list's header and three rows
)

func (l *detailSplitLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	chosen := l.s.detail.content.Visible()
	if l.chosen && l.set != 0 && l.split.Offset != l.set {
		l.dragged = l.split.Offset
	}
	offset := 1.0 // the split leaves the detail its least: the line that says to choose
	if chosen {
		offset = l.dragged
		if offset == 0 {
			offset = 0.56
			// The split shares what its divider leaves (fyne's: two paddings).
			if h := float64(size.Height - 2*theme.Padding()); h > 0 {
				offset = min(max((h-l.s.detail.want())/h, listAtLeast/h), 0.56)
			}
		}
	}
	shrinks := chosen && (!l.chosen || offset < l.set)
	moved := l.split.Offset != offset
	l.split.Offset, l.set = offset, offset
	if moved && l.split.Size() == size {
		l.split.Refresh() // Resize to the same size lays nothing out
	}
	l.split.Resize(size)
	l.split.Move(fyne.NewPos(0, 0))
	if shrinks {
		l.s.scrollToChosen()
	}
	l.chosen = chosen
}

func (l *detailSplitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return l.split.MinSize() }

// scrollToChosen brings the row of the person shown into the list's view.
func (s *participantsScreen) scrollToChosen() {
	t := s.table.table
	if row := slices.Index(s.table.rows.ids, s.detail.id); row >= 0 {
		t.ScrollTo(widget.TableCellID{Row: row, Col: t.cursor.Col})
	}
}

// detailShownOrHidden lays the list and the detail out again, as someone
// is chosen or nobody is.
func (s *participantsScreen) detailShownOrHidden() {
	if s.splitBox != nil {
		s.splitBox.Refresh()
	}
}
