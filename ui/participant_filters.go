package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// participantFilters are the choices that narrow the list. Each first
// option is "all". UI thread only.
type participantFilters struct {
	category, status, day, region, checkedIn, badge *widget.Select
	reset                                           *widget.Button // ✕: all filters and the search cleared

	catIDs  []int64 // by option, 0 for all
	days    []data.Day
	regions []string
	setting bool // the options are being replaced, not chosen
}

// participantTri are the options of a yes/no filter, in order.
var participantTri = []data.Tri{data.Any, data.Yes, data.No}

// build lays the filters out with a ✕ that sets them all back to "all",
// then calls onCleared (which clears the search too).
func (f *participantFilters) build(onChanged, onCleared func()) fyne.CanvasObject {
	f.init(onChanged)
	reset := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() {
		f.setting = true
		for _, sel := range f.selects() {
			sel.SetSelectedIndex(0)
		}
		f.setting = false
		onCleared()
	})
	f.reset = reset
	grid := container.NewGridWithColumns(6)
	for _, sel := range f.selects() {
		grid.Add(sel)
	}
	return container.NewBorder(nil, nil, nil, reset, grid)
}

// init makes the selects, each on its first option ("all"); onChanged,
// when not nil, is told when one is chosen.
func (f *participantFilters) init(onChanged func()) {
	changed := func(string) {
		if !f.setting && onChanged != nil {
			onChanged()
		}
	}
	newSelect := func(options ...string) *widget.Select {
		sel := widget.NewSelect(options, nil)
		// A filter always shows a choice, never the placeholder, whose
		// width fyne makes each filter's least: six of them were wider
		// than a 1024-pixel screen's page. A choice too long is cut with
		// an ellipsis.
		sel.PlaceHolder = "…"
		sel.SetSelectedIndex(0)
		sel.OnChanged = changed
		return sel
	}
	f.category = newSelect(lang.L("All categories"))
	f.status = newSelect(lang.L("All statuses"), statusLabel(data.StatusPending),
		statusLabel(data.StatusConfirmed), statusLabel(data.StatusCancelled))
	f.day = newSelect(lang.L("All days"))
	f.region = newSelect(lang.L("All regions"))
	f.checkedIn = newSelect(lang.L("Any arrival"), lang.L("Checked in"), lang.L("Not checked in"))
	f.badge = newSelect(lang.L("Any badge"), lang.L("Badge printed"), lang.L("No badge yet"))
}

func (f *participantFilters) selects() []*widget.Select {
	return []*widget.Select{f.category, f.status, f.day, f.region, f.checkedIn, f.badge}
}

// setChoices offers the file's categories, days and regions, keeping what
// was chosen when it still exists.
func (f *participantFilters) setChoices(cats []data.Category, days []data.Day, regions []string) {
	f.setting = true
	defer func() { f.setting = false }()
	cat := f.catIDs[max(f.category.SelectedIndex(), 0):]
	f.catIDs = []int64{0}
	options := []string{lang.L("All categories")}
	chosen := 0
	for _, c := range cats {
		if len(cat) > 0 && cat[0] == c.ID {
			chosen = len(f.catIDs)
		}
		f.catIDs = append(f.catIDs, c.ID)
		options = append(options, c.Name)
	}
	f.category.SetOptions(options)
	f.category.SetSelectedIndex(chosen)

	day := f.chosenDay()
	f.days = days
	options, chosen = []string{lang.L("All days")}, 0
	for i, d := range days {
		if d == day {
			chosen = i + 1
		}
		options = append(options, dayLong(d))
	}
	f.day.SetOptions(options)
	f.day.SetSelectedIndex(chosen)

	region := f.chosenRegion()
	f.regions = regions
	options, chosen = []string{lang.L("All regions")}, 0
	for i, r := range regions {
		if r == region {
			chosen = i + 1
		}
		options = append(options, r)
	}
	f.region.SetOptions(options)
	f.region.SetSelectedIndex(chosen)
}

func (f *participantFilters) chosenDay() data.Day {
	if i := f.day.SelectedIndex(); i > 0 && i <= len(f.days) {
		return f.days[i-1]
	}
	return ""
}

func (f *participantFilters) chosenRegion() string {
	if i := f.region.SelectedIndex(); i > 0 && i <= len(f.regions) {
		return f.regions[i-1]
	}
	return ""
}

// query is the filters as a query.
func (f *participantFilters) query() data.ParticipantQuery {
	var q data.ParticipantQuery
	if f.category == nil {
		return q
	}
	if i := f.category.SelectedIndex(); i > 0 && i < len(f.catIDs) {
		q.CategoryID = f.catIDs[i]
	}
	if i := f.status.SelectedIndex(); i > 0 {
		q.Status = data.Statuses[i-1]
	}
	q.Day, q.Region = f.chosenDay(), f.chosenRegion()
	if i := f.checkedIn.SelectedIndex(); i > 0 {
		q.CheckedIn = participantTri[i]
	}
	if i := f.badge.SelectedIndex(); i > 0 {
		q.BadgePrinted = participantTri[i]
	}
	return q
}

// setQuery chooses q's filters (a list preset's, say), once setChoices has
// offered the file's choices. A category, day or region the file no longer
// has is left at "all".
func (f *participantFilters) setQuery(q data.ParticipantQuery) {
	f.setting = true
	defer func() { f.setting = false }()
	for _, sel := range f.selects() {
		sel.SetSelectedIndex(0)
	}
	if i := slices.Index(f.catIDs, q.CategoryID); i > 0 {
		f.category.SetSelectedIndex(i)
	}
	if i := slices.Index(data.Statuses, q.Status); i >= 0 && q.Status != "" {
		f.status.SetSelectedIndex(i + 1)
	}
	if i := slices.Index(f.days, q.Day); i >= 0 {
		f.day.SetSelectedIndex(i + 1)
	}
	if i := slices.Index(f.regions, q.Region); i >= 0 {
		f.region.SetSelectedIndex(i + 1)
	}
	if i := slices.Index(participantTri, q.CheckedIn); i > 0 {
		f.checkedIn.SetSelectedIndex(i)
	}
	if i := slices.Index(participantTri, q.BadgePrinted); i > 0 {
		f.badge.SetSelectedIndex(i)
	}
}
