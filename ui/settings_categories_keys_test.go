package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// TestCategoriesTabStopsOnceOnTheList (issue 19): on Settings →
// Categories, Tab stopped on every row's ↑ ↓ 🗑 (27 stops for the demo's
// 9 categories). Now it stops on the list once; there ↑ ↓ go from row to
// row, Alt+↓ and Alt+↑ move the category the keyboard is on (and the
// keyboard stays on it), Delete asks to delete it and Enter edits it.
func TestCategoriesTabStopsOnceOnTheList(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	ctx := context.Background()
	e.win.Content().(*container.AppTabs).SelectIndex(1)
	c := e.win.Canvas()
	cs := s.categorySettings

	var stops []fyne.Focusable
	for range 200 {
		c.FocusNext()
		f := c.Focused()
		if f == nil || slices.Contains(stops, f) {
			break
		}
		stops = append(stops, f)
	}
	buttons := 0
	for _, f := range stops {
		if _, ok := f.(*widget.Button); ok {
			buttons++
		}
	}
	if !slices.Contains(stops, fyne.Focusable(cs.list)) || buttons > 1 { // "New category"
		t.Fatalf("Tab stops %d times (%d buttons), on the list: %v", len(stops), buttons, slices.Contains(stops, fyne.Focusable(cs.list)))
	}

	before, _ := st.Categories(ctx)
	c.Focus(cs.list)
	cs.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	cs.list.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	waitIdle(t, e.tasks)
	got, _ := st.Categories(ctx)
	if got[2].ID != before[1].ID || got[1].ID != before[2].ID {
		t.Fatalf("Alt+↓ on the second row: %q, %q, %q", got[0].Name, got[1].Name, got[2].Name)
	}
	cs.list.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt})
	waitIdle(t, e.tasks)
	if got, _ := st.Categories(ctx); got[1].ID != before[1].ID {
		t.Fatalf("Alt+↑ did not bring it back: %q, %q, %q", got[0].Name, got[1].Name, got[2].Name)
	}

	cs.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if texts := labelTexts(c.Overlays().Top()); !slices.Contains(texts, "The category “"+before[1].Name+"” will be deleted.") {
		t.Fatalf("Delete asks: %q", texts)
	}
	dismissTop(c)
	cs.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if cs.form == nil || cs.form.category.ID != before[1].ID {
		t.Fatal("Enter did not edit the category the keyboard is on")
	}
}
