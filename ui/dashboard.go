package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// dashboardStore is what the dashboard reads.
type dashboardStore interface {
	Congress(ctx context.Context) (data.Congress, error)
	Stats(ctx context.Context) (data.Stats, error)
}

// dashboardScreen shows the congress and its numbers at a glance.
type dashboardScreen struct {
	env   *env
	store dashboardStore

	name    *widget.Label
	details *widget.Label
	days    *widget.Label
	cards   [4]*widget.Card // registered, confirmed, pending, cancelled
	table   *textTable      // by category
}

func newDashboardScreen(e *env, st dashboardStore) *dashboardScreen {
	return &dashboardScreen{env: e, store: st}
}

func (s *dashboardScreen) build() fyne.CanvasObject {
	s.name = widget.NewLabel("")
	s.name.SizeName = theme.SizeNameHeadingText
	s.name.TextStyle.Bold = true
	s.name.Wrapping = fyne.TextWrapWord
	s.details = widget.NewLabel("")
	s.days = widget.NewLabel("")
	captions := []string{lang.X("count.registered", "Registered"), lang.X("count.confirmed", "Confirmed"),
		lang.X("count.pending", "Pending"), lang.X("count.cancelled", "Cancelled")}
	grid := container.NewGridWithColumns(len(s.cards))
	for i := range s.cards {
		s.cards[i] = widget.NewCard("–", captions[i], nil)
		grid.Add(s.cards[i])
	}
	s.table = newTextTable(
		[]string{lang.L("Category"), lang.X("count.registered", "Registered"), lang.X("count.confirmed", "Confirmed"),
			lang.X("count.cancelled", "Cancelled"), lang.X("count.checkedin", "Checked in")},
		[]float32{260, 130, 130, 130, 130})
	byCategory := widget.NewLabel(lang.L("By category"))
	byCategory.TextStyle.Bold = true
	top := container.NewVBox(s.name, s.details, s.days, grid, byCategory)
	return container.NewBorder(top, nil, nil, nil, s.table.table)
}

// loadAsync reads the congress and its numbers and shows them.
func (s *dashboardScreen) loadAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		c, err := s.store.Congress(ctx)
		var st data.Stats
		if err == nil {
			st, err = s.store.Stats(ctx)
		}
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		details := joinNonEmpty(" · ", c.Edition, joinNonEmpty(", ", c.Venue, c.City))
		days := make([]string, len(c.Days))
		for i, d := range c.Days {
			days[i] = dayLong(d)
		}
		rows := make([][]string, len(st.ByCategory))
		for i, cc := range st.ByCategory {
			rows[i] = []string{cc.Category.Name, fmt.Sprint(cc.Registered), fmt.Sprint(cc.Confirmed),
				fmt.Sprint(cc.Cancelled), fmt.Sprint(cc.CheckedIn)}
		}
		counts := [4]int{st.Registered, st.Confirmed, st.Pending, st.Cancelled}
		return func() {
			s.name.SetText(c.Name)
			s.details.SetText(details)
			showIf(s.details, details != "")
			s.days.SetText(lang.N("{{.Count}} days: {{.Days}}", len(days),
				map[string]any{"Count": len(days), "Days": strings.Join(days, ", ")}))
			for i, n := range counts {
				s.cards[i].SetTitle(fmt.Sprint(n))
			}
			s.table.setRows(rows)
		}
	})
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
