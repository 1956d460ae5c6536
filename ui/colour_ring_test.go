package ui

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// variantTheme is the default theme in one variant, whatever the system's.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// inBothVariants runs f under the dark theme and under the light, with
// the window's background colour.
func inBothVariants(t *testing.T, f func(t *testing.T, bg color.Color)) {
	t.Helper()
	test.NewTempApp(t)
	for _, v := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"Dark", theme.VariantDark}, {"Light", theme.VariantLight}} {
		t.Run(v.name, func(t *testing.T) {
			fyne.CurrentApp().Settings().SetTheme(variantTheme{theme.DefaultTheme(), v.variant})
			f(t, theme.Color(theme.ColorNameBackground))
		})
	}
}

// blackAndWhite are the categories hardest to see: one on the dark theme,
// the other on the light.
var blackAndWhite = []data.Category{{ID: 1, Name: "Presse", Colour: "#000000"}, {ID: 2, Name: "Bénévole", Colour: "#FFFFFF"}}

// assertRinged checks that a swatch of colour fill shows on bg: it has
// that fill, and a ring that contrasts 3:1 with bg.
func assertRinged(t *testing.T, where string, r *canvas.Rectangle, fill, bg color.Color) {
	t.Helper()
	if fill != nil && !sameColour(r.FillColor, fill) {
		t.Errorf("%s: the swatch is %v, want %v", where, r.FillColor, fill)
	}
	if r.StrokeWidth < 1 || r.StrokeColor == nil {
		t.Errorf("%s: no ring (%v wide)", where, r.StrokeWidth)
		return
	}
	if c := contrast(r.StrokeColor, bg); c < 3 {
		t.Errorf("%s: the ring %v on %v has a contrast of %.2f, under 3", where, r.StrokeColor, bg, c)
	}
}

func sameColour(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// The participants list's category swatch (rowCell).
func TestColourRingParticipantsList(t *testing.T) {
	inBothVariants(t, func(t *testing.T, bg color.Color) {
		for _, c := range blackAndWhite {
			cell := newRowCell(nil)
			cell.setText(c.Name, parseColour(c.Colour), widget.MediumImportance, false)
			assertRinged(t, c.Colour, cell.swatch, parseColour(c.Colour), bg)
		}
	})
}

// Settings → Categories: the list's swatches and the form's.
func TestColourRingSettingsCategories(t *testing.T) {
	inBothVariants(t, func(t *testing.T, bg color.Color) {
		s := &categorySettings{categories: blackAndWhite}
		for i, c := range blackAndWhite {
			item := newCategoryItem()
			s.updateCategory(i, item)
			swatch := item.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			assertRinged(t, "list "+c.Colour, swatch, parseColour(c.Colour), bg)
			f := newCategoryForm(nil, nil, c, nil)
			assertRinged(t, "form "+c.Colour, f.swatch, parseColour(c.Colour), bg)
		}
	})
}

// The desk's counters of arrivals by category.
func TestColourRingDeskCounters(t *testing.T) {
	inBothVariants(t, func(t *testing.T, bg color.Color) {
		c := newDeskCounters()
		c.show([]data.DeskCount{{Category: "Presse", Colour: "#000000", Expected: 5}, {Category: "Bénévole", Colour: "#FFFFFF", Expected: 3}})
		for i, colour := range []string{"#000000", "#FFFFFF"} {
			assertRinged(t, colour, c.rows[i].dot, parseColour(colour), bg)
		}
	})
}

// The floor plan: the zones' legend and each tile's zone dot.
func TestColourRingFloorPlanZones(t *testing.T) {
	inBothVariants(t, func(t *testing.T, bg color.Color) {
		p := newFloorPlan(nil, nil, nil)
		w := test.NewTempWindow(t, p.build())
		w.Resize(fyne.NewSize(900, 400))
		p.setStands([]data.Stand{{ID: 1, Number: "1", Name: "Un", Zone: "Emploi"}, {ID: 2, Number: "2", Name: "Deux", X: 1}})
		for i, o := range p.legend.Objects {
			swatch := o.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			assertRinged(t, fmt.Sprintf("legend %d", i), swatch, nil, bg)
		}
		for _, tile := range p.tiles {
			r := test.WidgetRenderer(tile).(*standTileRenderer)
			r.Refresh()
			assertRinged(t, "stand "+tile.stand.Number, r.dot, tile.colour, bg)
		}
	})
}

// The programme: the list's kind swatches, the timetable's legend and a
// session's page.
func TestColourRingProgrammeKinds(t *testing.T) {
	inBothVariants(t, func(t *testing.T, bg color.Color) {
		s := &programmeScreen{}
		for _, k := range sessionKinds {
			s.rows = []programmeRow{{kind: k}}
			item := s.createItem()
			s.updateItem(0, item)
			line := item.(*fyne.Container).Objects[1].(*fyne.Container)
			swatch := line.Objects[2].(*fyne.Container).Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			assertRinged(t, "list "+string(k), swatch, kindColour(k), bg)
		}
		legend := newKindLegend().(*fyne.Container)
		for i, k := range sessionKinds {
			swatch := legend.Objects[2*i].(*fyne.Container).Objects[0].(*canvas.Rectangle)
			assertRinged(t, "legend "+string(k), swatch, kindColour(k), bg)
		}
		// A session's page marks its title with a thin bar of its kind's
		// colour, too thin for a ring: the colour itself contrasts
		// (TestColourRingTimetableKinds).
		p := newSessionPage(newTestEnv(t), nil, 1)
		p.build()
		p.show(data.Session{Kind: data.KindWorkshop, Title: "Atelier"}, nil, nil)
		if c := contrast(p.swatch.FillColor, bg); !sameColour(p.swatch.FillColor, kindColour(data.KindWorkshop)) || c < 3 {
			t.Errorf("session page: the bar %v has a contrast of %.2f", p.swatch.FillColor, c)
		}
	})
}

// The desk's card: the band in the person's category colour.
func TestColourRingDeskCard(t *testing.T) {
	inBothVariants(t, func(t *testing.T, bg color.Color) {
		v := newDeskCardView()
		for _, c := range blackAndWhite {
			card := data.DeskCard{Category: c}
			card.Participant.FirstName, card.Participant.LastName = "Inès", "Haddad"
			v.show(&card, false)
			assertRinged(t, c.Colour, v.band, parseColour(c.Colour), bg)
		}
	})
}

// The timetable's blocks are outlined in their kind's colour, with no
// ring of their own: the app's three colours contrast 3:1 with the
// background of either variant.
func TestColourRingTimetableKinds(t *testing.T) {
	inBothVariants(t, func(t *testing.T, bg color.Color) {
		for _, k := range sessionKinds {
			if c := contrast(kindColour(k), bg); c < 3 {
				t.Errorf("%s: %v on %v has a contrast of %.2f", k, kindColour(k), bg, c)
			}
		}
	})
}

// The dashboard's bars of categories, each in its category's colour.
func TestColourRingDashboardBars(t *testing.T) {
	inBothVariants(t, func(t *testing.T, bg color.Color) {
		c := newBarChart(false)
		var bars []bar
		for _, cat := range blackAndWhite {
			bars = append(bars, bar{Label: cat.Name, Value: 3, Colour: parseColour(cat.Colour)})
		}
		c.setBars(bars)
		r := test.TempWidgetRenderer(t, c).(*barChartRenderer)
		for i, cat := range blackAndWhite {
			assertRinged(t, cat.Colour, r.fills[i], parseColour(cat.Colour), bg)
		}
	})
}
