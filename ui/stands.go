package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// standsStore is what the stands screen reads.
type standsStore interface {
	Stands(ctx context.Context) ([]data.Stand, error)
}

// standsScreen lists the exhibitors' stands.
type standsScreen struct {
	env   *env
	store standsStore

	count *widget.Label
	empty *widget.Label
	table *textTable
}

func newStandsScreen(e *env, st standsStore) *standsScreen {
	return &standsScreen{env: e, store: st}
}

func (s *standsScreen) build() fyne.CanvasObject {
	s.count = widget.NewLabel("")
	s.empty = widget.NewLabel(lang.L("No stand yet."))
	s.empty.Hide()
	s.table = newTextTable(
		[]string{lang.L("Number"), lang.L("Name"), lang.L("Zone"), lang.L("Organisation")},
		[]float32{90, 300, 240, 300})
	return container.NewBorder(s.count, nil, nil, nil, container.NewStack(s.table.table, s.empty))
}

// loadAsync reads the stands and shows them.
func (s *standsScreen) loadAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		list, err := s.store.Stands(ctx)
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		rows := make([][]string, len(list))
		for i, st := range list {
			rows[i] = []string{st.Number, st.Name, st.Zone, st.Organisation}
		}
		return func() {
			s.table.setRows(rows)
			s.count.SetText(lang.N("{{.Count}} stands", len(rows), map[string]any{"Count": len(rows)}))
			showIf(s.empty, len(rows) == 0)
		}
	})
}
