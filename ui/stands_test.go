package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// newTestStands shows the stands screen of a demo congress of n people in
// a window of a laptop's size.
func newTestStands(t *testing.T, n int) (*standsScreen, *data.Store, *env) {
	t.Helper()
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, n))
	e := newTestEnv(t)
	s := newStandsScreen(e, st)
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1000, 700))
	s.loadAsync()
	waitIdle(t, e.tasks)
	return s, st, e
}

func TestStandsScreen(t *testing.T) {
	s, st, _ := newTestStands(t, 60)
	stands, err := st.Stands(context.Background())
	if err != nil || len(stands) == 0 {
		t.Fatalf("the demo has %d stands (%v)", len(stands), err)
	}
	if rows, _ := s.table.table.Length(); rows != len(stands) {
		t.Errorf("list: %d rows, want %d", rows, len(stands))
	}
	if got, want := s.count.Text, "39 stands"; got != want {
		t.Errorf("count = %q, want %q", got, want)
	}
	first := s.table.rows[0]
	if first[0] != stands[0].Number || first[1] != stands[0].Name || first[2] != stands[0].Zone {
		t.Errorf("first row = %q, want stand %s %q in %q", first, stands[0].Number, stands[0].Name, stands[0].Zone)
	}
	if stands[0].ContactID != 0 && first[4] == "" {
		t.Error("the first stand's contact is not named")
	}
}

func TestFloorPlan(t *testing.T) {
	s, st, e := newTestStands(t, 60)
	s.views.SelectIndex(1)
	stands, _ := st.Stands(context.Background())

	t.Run("OneTilePerStandAtItsPlace", func(t *testing.T) {
		if len(s.plan.tiles) != len(stands) {
			t.Fatalf("%d tiles for %d stands", len(s.plan.tiles), len(stands))
		}
		width := s.plan.grid.Size().Width
		for i, tile := range s.plan.tiles {
			want := stands[i]
			if tile.stand.ID != want.ID {
				t.Fatalf("tile %d shows stand %d, want %d", i, tile.stand.ID, want.ID)
			}
			if got, at := tile.Position(), s.plan.layout.cellPos(want.X, want.Y, width); got != at {
				t.Errorf("stand %s at %v, want %v (cell %d,%d)", want.Number, got, at, want.X, want.Y)
			}
		}
		// Neighbours on the plan are neighbours on screen.
		a, b := s.plan.tiles[0], s.plan.tiles[1] // stands 1 and 2: cells (0,0) and (1,0)
		if !(a.Position().X < b.Position().X && a.Position().Y == b.Position().Y) {
			t.Errorf("stand 2 (%v) is not right of stand 1 (%v)", b.Position(), a.Position())
		}
		if a.Size().Width < floorTileMinWidth || a.Size().Height != floorTileHeight {
			t.Errorf("a tile is %v", a.Size())
		}
	})

	t.Run("ZonesColoured", func(t *testing.T) {
		zones := zonesOf(stands)
		if len(zones) != 3 || len(s.plan.legend.Objects) != 3 {
			t.Fatalf("%d zones, %d in the legend; want 3", len(zones), len(s.plan.legend.Objects))
		}
		colours := map[string]bool{}
		for _, tile := range s.plan.tiles {
			if tile.colour != zones[slices.IndexFunc(zones, func(z zone) bool { return z.name == tile.stand.Zone })].colour {
				t.Errorf("stand %s is not in its zone's colour", tile.stand.Number)
			}
			colours[string([]byte{tile.colour.R, tile.colour.G, tile.colour.B})] = true
		}
		if len(colours) != 3 {
			t.Errorf("%d colours for 3 zones", len(colours))
		}
	})

	t.Run("NamesNeverOverflow", func(t *testing.T) {
		for _, tile := range s.plan.tiles {
			r := test.WidgetRenderer(tile).(*standTileRenderer)
			for _, l := range r.lines {
				if right := l.Position().X + l.MinSize().Width; right > tile.Size().Width {
					t.Errorf("stand %s: %q overflows its tile (%v > %v)", tile.stand.Number, l.Text, right, tile.Size().Width)
				}
			}
		}
	})

	t.Run("TapOpensTheForm", func(t *testing.T) {
		test.Tap(s.plan.tiles[4])
		if s.form == nil || s.form.stand.ID != stands[4].ID {
			t.Fatal("tapping stand 5 does not open its form")
		}
		s.form.dialog.dialog.Hide()
	})

	t.Run("Renders", func(t *testing.T) {
		test.AssertRendersToMarkup(t, "stands_plan.xml", e.win.Canvas())
	})
}

func TestStandsListRenders(t *testing.T) {
	_, _, e := newTestStands(t, 60)
	test.AssertRendersToMarkup(t, "stands_list.xml", e.win.Canvas())
}

func TestWrapText(t *testing.T) {
	test.NewTempApp(t)
	size := float32(13)
	lines := wrapText("Fédération des entreprises d'insertion — Territoires", size, fyne.TextStyle{}, 110, 2)
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Fatalf("lines = %q, want two, the last cut", lines)
	}
	for _, l := range lines {
		if w := fyne.MeasureText(l, size, fyne.TextStyle{}).Width; w > 110 {
			t.Errorf("%q is %v wide", l, w)
		}
	}
	if got := wrapText("Court", size, fyne.TextStyle{}, 110, 2); len(got) != 1 || got[0] != "Court" {
		t.Errorf("a short name gives %q", got)
	}
}
