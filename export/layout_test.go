package export

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// tolerance is how exact positions must be: well under the 0.1 mm asked of
// printed badges.
const tolerance = 0.01

func near(a, b float64) bool { return math.Abs(a-b) < tolerance }

func boxNear(a, b Box) bool {
	return near(a.X, b.X) && near(a.Y, b.Y) && near(a.W, b.W) && near(a.H, b.H)
}

func mustPreset(tb testing.TB, name string) Layout {
	tb.Helper()
	l, err := LayoutByName(name)
	if err != nil {
		tb.Fatalf("LayoutByName(%q): %v", name, err)
	}
	return l
}

// gapped is a custom layout with fixed margins and gaps, worked out by hand:
// 2 columns (12 + 90 + 6 + 90 = 198 ≤ 210) and 4 rows (10 + 4×55 + 3×4 = 242,
// a fifth would end at 301 > 297).
func gapped() Layout {
	return Layout{Name: "custom", PageW: 210, PageH: 297, BadgeW: 90, BadgeH: 55,
		MarginTop: 10, MarginLeft: 12, GapX: 6, GapY: 4}
}

// everyLayout is every preset, the gapped layout, and each of them printed
// duplex when it can be.
func everyLayout() []Layout {
	base := append(Presets(), gapped())
	all := append([]Layout(nil), base...)
	for _, l := range base {
		if l.Mode == FoldOver || l.Roll {
			continue
		}
		for _, flip := range []Flip{LongEdge, ShortEdge} {
			d := l
			d.Name += fmt.Sprintf("/duplex-%d", flip)
			d.Duplex, d.Flip = true, flip
			all = append(all, d)
		}
	}
	return all
}

func TestPresetsValidate(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range Presets() {
		t.Run(l.Name, func(t *testing.T) {
			if err := l.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			if seen[l.Name] {
				t.Errorf("name %q used twice", l.Name)
			}
			seen[l.Name] = true
			if l.LabelEN == "" || l.LabelFR == "" {
				t.Errorf("labels: EN %q, FR %q; want both", l.LabelEN, l.LabelFR)
			}
			if l.Label("fr") != l.LabelFR || l.Label("en") != l.LabelEN || l.Label("de") != l.LabelEN {
				t.Errorf("Label does not pick the language")
			}
			got, err := LayoutByName(l.Name)
			if err != nil || got != l {
				t.Errorf("LayoutByName(%q) = %+v, %v; want the preset", l.Name, got, err)
			}
		})
	}
}

func TestPresetsGrid(t *testing.T) {
	tests := []struct {
		name             string
		cols, rows, each int
	}{
		{"a4-85x54", 2, 5, 10},
		{"a4-90x54", 2, 5, 10},
		{"a4-90x60", 2, 4, 8},
		{"a4-a6", 2, 2, 4},
		{"a4-a7", 2, 4, 8},
		{"letter-4x3in", 2, 3, 6},
		{"card-85.6x54", 1, 1, 1},
		{"label-62x100", 1, 1, 1},
		{"label-4x3in", 1, 1, 1},
		{"fold-a4-a6", 1, 2, 2},
	}
	if len(tests) != len(Presets()) {
		t.Errorf("%d presets, %d in this table: add the new ones", len(Presets()), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := mustPreset(t, tt.name)
			cols, rows := l.Grid()
			if cols != tt.cols || rows != tt.rows || l.PerPage() != tt.each {
				t.Errorf("grid %d×%d, %d per page; want %d×%d, %d", cols, rows, l.PerPage(), tt.cols, tt.rows, tt.each)
			}
		})
	}
	t.Run("OnePerPageOnA4", func(t *testing.T) {
		l := Layout{PageW: 210, PageH: 297, BadgeW: 85, BadgeH: 54, Centred: true, Mode: OnePerPage}
		if l.PerPage() != 1 {
			t.Fatalf("PerPage = %d, want 1", l.PerPage())
		}
		if want := (Box{62.5, 121.5, 85, 54}); !boxNear(l.Slot(4), want) {
			t.Errorf("Slot(4) = %+v, want %+v (centred)", l.Slot(4), want)
		}
	})
}

func TestSlotPositions(t *testing.T) {
	tests := []struct {
		layout Layout
		i      int
		page   int
		want   Box
	}{
		// 2×85 = 170 of 210 wide: 20 mm each side; 5×54 = 270 of 297 high: 13.5.
		{mustPreset(t, "a4-85x54"), 0, 0, Box{20, 13.5, 85, 54}},
		{mustPreset(t, "a4-85x54"), 1, 0, Box{105, 13.5, 85, 54}},
		{mustPreset(t, "a4-85x54"), 2, 0, Box{20, 67.5, 85, 54}},
		{mustPreset(t, "a4-85x54"), 9, 0, Box{105, 229.5, 85, 54}},
		{mustPreset(t, "a4-85x54"), 10, 1, Box{20, 13.5, 85, 54}},
		{mustPreset(t, "a4-85x54"), 23, 2, Box{105, 67.5, 85, 54}},
		// 2×90 = 180: 15 mm each side.
		{mustPreset(t, "a4-90x54"), 9, 0, Box{105, 229.5, 90, 54}},
		// 2×4 in = 8 of 8.5 in: ¼ in (6.35 mm) each side; 3×3 in = 9 of 11 in: 1 in.
		{mustPreset(t, "letter-4x3in"), 0, 0, Box{6.35, 25.4, 101.6, 76.2}},
		{mustPreset(t, "letter-4x3in"), 5, 0, Box{107.95, 177.8, 101.6, 76.2}},
		// 4×74 = 296 of 297: half a millimetre above and below.
		{mustPreset(t, "a4-a7"), 7, 0, Box{105, 222.5, 105, 74}},
		{mustPreset(t, "card-85.6x54"), 3, 3, Box{0, 0, 85.6, 54}},
		{gapped(), 0, 0, Box{12, 10, 90, 55}},
		{gapped(), 3, 0, Box{108, 69, 90, 55}},
		{gapped(), 7, 0, Box{108, 187, 90, 55}},
		{gapped(), 8, 1, Box{12, 10, 90, 55}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.layout.Name, tt.i), func(t *testing.T) {
			if got := tt.layout.Slot(tt.i); !boxNear(got, tt.want) {
				t.Errorf("Slot(%d) = %+v, want %+v", tt.i, got, tt.want)
			}
			if got := tt.layout.FrontBox(tt.i); !boxNear(got, tt.want) {
				t.Errorf("FrontBox(%d) = %+v, want %+v", tt.i, got, tt.want)
			}
			if got := tt.layout.Page(tt.i); got != tt.page {
				t.Errorf("Page(%d) = %d, want %d", tt.i, got, tt.page)
			}
		})
	}
}

func TestSlotsInsidePageAndApart(t *testing.T) {
	for _, l := range everyLayout() {
		t.Run(l.Name, func(t *testing.T) {
			if err := l.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			sides := map[string]func(int) Box{"front": l.Slot}
			if l.Duplex {
				sides["back"] = l.BackSlot
			}
			for side, slot := range sides {
				for a := range l.PerPage() {
					if !slot(a).Within(l.PageW, l.PageH) {
						t.Errorf("%s %d = %+v leaves the %g×%g page", side, a, slot(a), l.PageW, l.PageH)
					}
					for b := range a {
						if slot(a).Overlaps(slot(b)) {
							t.Errorf("%s %d %+v overlaps %d %+v", side, a, slot(a), b, slot(b))
						}
					}
				}
			}
		})
	}
}

func TestCentred(t *testing.T) {
	tests := []struct {
		name   string
		layout Layout
	}{
		{"NoMargins", Layout{PageW: 210, PageH: 297, BadgeW: 85, BadgeH: 54, Centred: true}},
		{"EqualMargins", Layout{PageW: 210, PageH: 297, BadgeW: 60, BadgeH: 40, GapX: 5, GapY: 3,
			MarginTop: 10, MarginLeft: 10, MarginRight: 10, MarginBottom: 10, Centred: true}},
		{"Letter", mustPreset(t, "letter-4x3in")},
		{"FoldOver", mustPreset(t, "fold-a4-a6")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := tt.layout
			cols, _ := l.Grid()
			first, lastInRow, last := l.Slot(0), l.Slot(cols-1), l.Slot(l.PerPage()-1)
			left, right := first.X, l.PageW-lastInRow.Right()
			top, bottom := first.Y, l.PageH-last.Bottom()
			if !near(left, right) || !near(top, bottom) {
				t.Errorf("space left %g, right %g, top %g, bottom %g; want left = right and top = bottom", left, right, top, bottom)
			}
		})
	}
	t.Run("UnequalMarginsCentreInside", func(t *testing.T) {
		l := Layout{PageW: 210, PageH: 297, BadgeW: 85, BadgeH: 54, MarginLeft: 30, MarginTop: 40, Centred: true}
		// Inside the margins: 180 × 257 mm; 2×85 leaves 10 mm, 4×54 leaves 41.
		if want := (Box{35, 60.5, 85, 54}); !boxNear(l.Slot(0), want) {
			t.Errorf("Slot(0) = %+v, want %+v", l.Slot(0), want)
		}
	})
	t.Run("NotCentredStartsAtMargins", func(t *testing.T) {
		l := Layout{PageW: 210, PageH: 297, BadgeW: 85, BadgeH: 54, MarginLeft: 7, MarginTop: 9}
		if want := (Box{7, 9, 85, 54}); !boxNear(l.Slot(0), want) {
			t.Errorf("Slot(0) = %+v, want %+v", l.Slot(0), want)
		}
	})
}

func TestBackSlotMirrorsFront(t *testing.T) {
	for _, l := range Presets() {
		if l.Mode == FoldOver {
			continue
		}
		l.Duplex = true
		t.Run(l.Name+"/LongEdge", func(t *testing.T) {
			l.Flip = LongEdge
			for i := range l.PerPage() {
				fx, fy := l.Slot(i).Centre()
				bx, by := l.BackSlot(i).Centre()
				if l.PageH >= l.PageW { // portrait: turned around a vertical axis
					if !near(fx+bx, l.PageW) || !near(fy, by) {
						t.Errorf("badge %d: front centre (%g, %g), back (%g, %g); want x mirrored", i, fx, fy, bx, by)
					}
				} else if !near(fy+by, l.PageH) || !near(fx, bx) {
					t.Errorf("badge %d: front centre (%g, %g), back (%g, %g); want y mirrored", i, fx, fy, bx, by)
				}
			}
		})
		t.Run(l.Name+"/ShortEdge", func(t *testing.T) {
			l.Flip = ShortEdge
			for i := range l.PerPage() {
				fx, fy := l.Slot(i).Centre()
				bx, by := l.BackSlot(i).Centre()
				if l.PageH >= l.PageW {
					if !near(fy+by, l.PageH) || !near(fx, bx) {
						t.Errorf("badge %d: front centre (%g, %g), back (%g, %g); want y mirrored", i, fx, fy, bx, by)
					}
				} else if !near(fx+bx, l.PageW) || !near(fy, by) {
					t.Errorf("badge %d: front centre (%g, %g), back (%g, %g); want x mirrored", i, fx, fy, bx, by)
				}
			}
		})
	}
	t.Run("LeftBadgeBackIsOnTheRight", func(t *testing.T) {
		l := mustPreset(t, "a4-85x54")
		l.Duplex = true
		if want := (Box{105, 13.5, 85, 54}); !boxNear(l.BackSlot(0), want) {
			t.Errorf("BackSlot(0) = %+v, want %+v", l.BackSlot(0), want)
		}
		if want := (Box{20, 229.5, 85, 54}); !boxNear(l.BackSlot(19), want) {
			t.Errorf("BackSlot(19) = %+v, want %+v", l.BackSlot(19), want)
		}
		if l.BackRotated() {
			t.Errorf("BackRotated on a long-edge flip of a portrait sheet")
		}
	})
	t.Run("ShortEdgeTurnsTheBackUpsideDown", func(t *testing.T) {
		l := mustPreset(t, "a4-85x54")
		l.Duplex, l.Flip = true, ShortEdge
		if want := (Box{20, 229.5, 85, 54}); !boxNear(l.BackSlot(0), want) {
			t.Errorf("BackSlot(0) = %+v, want %+v", l.BackSlot(0), want)
		}
		if !l.BackRotated() {
			t.Errorf("BackRotated = false on a short-edge flip of a portrait sheet")
		}
	})
	t.Run("LandscapeLongEdge", func(t *testing.T) {
		// A4 landscape: 3×85 = 255 of 297 (21 each side), 3×54 = 162 of 210 (24).
		l := Layout{PageW: 297, PageH: 210, BadgeW: 85, BadgeH: 54, Centred: true, Duplex: true}
		if want := (Box{21, 132, 85, 54}); !boxNear(l.BackSlot(0), want) {
			t.Errorf("BackSlot(0) = %+v, want %+v (rows mirrored)", l.BackSlot(0), want)
		}
		if !l.BackRotated() {
			t.Errorf("BackRotated = false on a long-edge flip of a landscape sheet")
		}
	})
	t.Run("SimplexHasNoRotatedBack", func(t *testing.T) {
		l := mustPreset(t, "a4-85x54")
		l.Flip = ShortEdge
		if l.BackRotated() {
			t.Errorf("BackRotated on a single-sided layout")
		}
	})
}

func TestFoldOver(t *testing.T) {
	l := mustPreset(t, "fold-a4-a6")
	// One 210 × 148 pair per row, two rows: 296 of 297, half a millimetre above.
	for _, tt := range []struct {
		name string
		got  Box
		want Box
	}{
		{"Slot", l.Slot(1), Box{0, 148.5, 210, 148}},
		{"FrontBox", l.FrontBox(1), Box{0, 148.5, 105, 148}},
		{"BackBox", l.BackBox(1), Box{105, 148.5, 105, 148}},
		{"NextPage", l.FrontBox(2), Box{0, 0.5, 105, 148}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !boxNear(tt.got, tt.want) {
				t.Errorf("got %+v, want %+v", tt.got, tt.want)
			}
		})
	}
	t.Run("FoldLine", func(t *testing.T) {
		if got, want := l.FoldLine(1), (Line{105, 148.5, 105, 296.5}); got != want {
			t.Errorf("FoldLine(1) = %+v, want %+v", got, want)
		}
	})
	t.Run("Pages", func(t *testing.T) {
		if l.Page(1) != 0 || l.Page(2) != 1 {
			t.Errorf("Page(1) = %d, Page(2) = %d; want 0, 1", l.Page(1), l.Page(2))
		}
	})
	t.Run("OtherModesHaveNoFold", func(t *testing.T) {
		s := mustPreset(t, "a4-85x54")
		if s.BackBox(0) != (Box{}) || s.FoldLine(0) != (Line{}) {
			t.Errorf("BackBox %+v, FoldLine %+v; want zero values", s.BackBox(0), s.FoldLine(0))
		}
	})
}

func TestPrinterOffset(t *testing.T) {
	const dx, dy = 1.5, -2.0
	a7 := mustPreset(t, "a4-a7")
	a7.Name += "/within-half-mm"
	a7.OffsetY = 0.4
	for _, base := range []Layout{
		mustPreset(t, "a4-85x54"), mustPreset(t, "a4-90x54"), mustPreset(t, "a4-90x60"),
		mustPreset(t, "letter-4x3in"), gapped(),
	} {
		base.Duplex, base.CutMarks = true, true
		t.Run(base.Name, func(t *testing.T) {
			l := base
			l.OffsetX, l.OffsetY = dx, dy
			if err := l.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			for i := range l.PerPage() {
				if got, want := l.Slot(i), base.Slot(i).shift(dx, dy); !boxNear(got, want) {
					t.Errorf("Slot(%d) = %+v, want %+v", i, got, want)
				}
				if got, want := l.BackSlot(i), base.BackSlot(i).shift(dx, dy); !boxNear(got, want) {
					t.Errorf("BackSlot(%d) = %+v, want %+v", i, got, want)
				}
			}
			marks, baseMarks := l.CutMarkLines(), base.CutMarkLines()
			if len(marks) != len(baseMarks) {
				t.Fatalf("%d cut marks with the offset, %d without", len(marks), len(baseMarks))
			}
			// A mark starts next to the grid and moves with it; its far end
			// may be cut shorter by the page's edge.
			for i, m := range marks {
				b := baseMarks[i]
				if !near(m.X1, b.X1+dx) || !near(m.Y1, b.Y1+dy) || (m.X1 == m.X2) != (b.X1 == b.X2) {
					t.Errorf("cut mark %d = %+v, want %+v moved by (%g, %g)", i, m, b, dx, dy)
				}
			}
		})
	}
	t.Run(a7.Name, func(t *testing.T) {
		if err := a7.Validate(); err != nil {
			t.Fatalf("Validate: %v", err)
		}
		if want := (Box{105, 222.9, 105, 74}); !boxNear(a7.Slot(7), want) {
			t.Errorf("Slot(7) = %+v, want %+v", a7.Slot(7), want)
		}
	})
}

func TestValidateRefuses(t *testing.T) {
	a4 := func(bw, bh float64) Layout { return Layout{PageW: 210, PageH: 297, BadgeW: bw, BadgeH: bh} }
	with := func(l Layout, change func(*Layout)) Layout { change(&l); return l }
	tests := []struct {
		name   string
		layout Layout
		want   *Error
		en, fr string // fragments of each message
	}{
		{"BadgeTooBig", a4(212.5, 54), ErrBadgeTooBig,
			"A badge of 212.5 × 54 mm does not fit on a page of 210 × 297 mm",
			"Un badge de 212,5 × 54 mm ne tient pas sur une page de 210 × 297 mm"},
		{"BadgeTallerThanPage", a4(85, 300), ErrBadgeTooBig, "85 × 300 mm", "85 × 300 mm"},
		{"FoldOverTooWide", with(a4(106, 148), func(l *Layout) { l.Mode = FoldOver }), ErrBadgeTooBig,
			"212 × 148 mm", "212 × 148 mm"},
		{"ZeroColumns", with(a4(85, 54), func(l *Layout) { l.MarginLeft, l.MarginRight = 70.5, 60 }), ErrNoRoom,
			"No badge of 85 × 54 mm fits inside the margins (79.5 × 297 mm left",
			"Aucun badge de 85 × 54 mm ne tient entre les marges (il reste 79,5 × 297 mm"},
		{"ZeroRows", with(a4(85, 54), func(l *Layout) { l.MarginTop = 250 }), ErrNoRoom,
			"210 × 47 mm left", "il reste 210 × 47 mm"},
		{"MarginsWiderThanPage", with(a4(85, 54), func(l *Layout) { l.MarginLeft = 300 }), ErrNoRoom,
			"0 × 297 mm left", "il reste 0 × 297 mm"},
		{"NegativeBadge", a4(-85, 54), ErrSizeNotPositive, "-85 × 54 mm", "-85 × 54 mm"},
		{"ZeroPage", Layout{BadgeW: 85, BadgeH: 54}, ErrSizeNotPositive, "page (0 × 0 mm)", "page (0 × 0 mm)"},
		{"NegativeMargin", with(a4(85, 54), func(l *Layout) { l.MarginTop = -1 }), ErrMarginNegative,
			"cannot be negative", "ne peuvent pas être négatifs"},
		{"NegativeGap", with(a4(85, 54), func(l *Layout) { l.GapY = -0.5 }), ErrMarginNegative,
			"cannot be negative", "ne peuvent pas être négatifs"},
		{"UnknownMode", with(a4(85, 54), func(l *Layout) { l.Mode = 7 }), ErrLayoutMode,
			"Unknown", "inconnu"},
		{"FoldOverDuplex", with(mustPreset(t, "fold-a4-a6"), func(l *Layout) { l.Duplex = true }), ErrFoldDuplex,
			"single-sided", "recto seul"},
		{"OffsetOffPage", with(mustPreset(t, "a4-a6"), func(l *Layout) { l.OffsetX = 1 }), ErrOffsetOffPage,
			"printer offset of 1 mm across and 0 mm down", "décalage d'impression de 1 mm en largeur et 0 mm en hauteur"},
		{"OffsetOffBackPage", with(a4(100, 54), func(l *Layout) {
			// The grid spans 8…208 mm: shifted by -3 it fits (5…205), but its
			// mirror on the back (2…202) would start at -1.
			l.MarginLeft, l.OffsetX, l.Duplex = 8, -3, true
		}), ErrOffsetOffPage, "-3 mm across", "-3 mm en largeur"},
		{"OffsetOfACardPrinter", with(mustPreset(t, "card-85.6x54"), func(l *Layout) { l.OffsetY = -0.25 }),
			ErrOffsetOffPage, "-0.25 mm down", "-0,25 mm en hauteur"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.layout.Validate()
			if !errors.Is(err, tt.want) {
				t.Fatalf("Validate() = %v, want %s", err, tt.want.Code)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%T is not an *Error", err)
			}
			en, fr := e.Message("en"), e.Message("fr")
			if !strings.Contains(en, tt.en) {
				t.Errorf("English %q lacks %q", en, tt.en)
			}
			if !strings.Contains(fr, tt.fr) {
				t.Errorf("French %q lacks %q", fr, tt.fr)
			}
			if en == fr || strings.Contains(en+fr, "%!") {
				t.Errorf("messages not translated or badly filled: %q / %q", en, fr)
			}
			if err.Error() != en || e.Message("de") != en {
				t.Errorf("Error() = %q, Message(de) = %q; want English", err.Error(), e.Message("de"))
			}
		})
	}
}

func TestLayoutByNameUnknown(t *testing.T) {
	_, err := LayoutByName("a4-99x99")
	if !errors.Is(err, ErrUnknownLayout) {
		t.Fatalf("err = %v, want %s", err, ErrUnknownLayout.Code)
	}
	var e *Error
	errors.As(err, &e)
	for _, lang := range []string{"en", "fr"} {
		msg := e.Message(lang)
		if !strings.Contains(msg, "a4-99x99") || !strings.Contains(msg, "a4-85x54, a4-90x54") {
			t.Errorf("%s: %q should name the layout asked for and those that exist", lang, msg)
		}
	}
}

// enters reports whether the axis-aligned line m runs through the inside of b
// (running along its edge does not count).
func enters(m Line, b Box) bool {
	x1, x2 := math.Min(m.X1, m.X2), math.Max(m.X1, m.X2)
	y1, y2 := math.Min(m.Y1, m.Y2), math.Max(m.Y1, m.Y2)
	return x1 < b.Right()-eps && x2 > b.X+eps && y1 < b.Bottom()-eps && y2 > b.Y+eps
}

func TestCutMarks(t *testing.T) {
	t.Run("NeverEnterABadge", func(t *testing.T) {
		for _, l := range everyLayout() {
			for _, offset := range [][2]float64{{0, 0}, {1.5, -2}} {
				l := l
				l.CutMarks = true
				l.OffsetX, l.OffsetY = offset[0], offset[1]
				if l.Validate() != nil {
					continue // full-bleed layouts take no offset
				}
				for _, m := range l.CutMarkLines() {
					if !(Box{m.X1, m.Y1, 0, 0}).Within(l.PageW, l.PageH) || !(Box{m.X2, m.Y2, 0, 0}).Within(l.PageW, l.PageH) {
						t.Errorf("%s: cut mark %+v leaves the page", l.Name, m)
					}
					if m.X1 != m.X2 && m.Y1 != m.Y2 {
						t.Errorf("%s: cut mark %+v is neither vertical nor horizontal", l.Name, m)
					}
					for i := range l.PerPage() {
						for _, b := range []Box{l.Slot(i), l.BackSlot(i)} {
							if enters(m, b) {
								t.Errorf("%s offset %v: cut mark %+v enters badge %d %+v", l.Name, offset, m, i, b)
							}
						}
					}
				}
			}
		}
	})
	t.Run("EveryGridLine", func(t *testing.T) {
		l := mustPreset(t, "a4-85x54")
		l.CutMarks = true
		marks := l.CutMarkLines()
		// 3 column edges (20, 105, 190) above and below, 6 row edges left and right.
		if len(marks) != 3*2+6*2 {
			t.Errorf("%d cut marks, want 18: %+v", len(marks), marks)
		}
		for _, want := range []Line{
			{105, 11.5, 105, 6.5},    // above the middle line: 2 mm from the grid, 5 mm long
			{105, 285.5, 105, 290.5}, // below it
			{18, 67.5, 13, 67.5},     // left of the second row's top
			{192, 283.5, 197, 283.5}, // right of the last row's bottom
		} {
			if !hasLine(marks, want) {
				t.Errorf("no cut mark %+v among %+v", want, marks)
			}
		}
	})
	t.Run("GapsGetAMarkOnEachSide", func(t *testing.T) {
		l := gapped()
		l.CutMarks = true
		// Columns at 12…102 and 108…198: 4 edges, marked above (10 mm of
		// margin) and below (55 mm); rows at 10…65, 69…124, 128…183 and
		// 187…242: 8 edges, marked left and right (12 mm each).
		if n := len(l.CutMarkLines()); n != 4*2+8*2 {
			t.Errorf("%d cut marks, want 24", n)
		}
		if !hasLine(l.CutMarkLines(), Line{108, 8, 108, 3}) {
			t.Errorf("no mark above the second column's left edge: %+v", l.CutMarkLines())
		}
	})
	t.Run("NoMarkOnTheFold", func(t *testing.T) {
		l := Layout{PageW: 210, PageH: 297, BadgeW: 90, BadgeH: 130, Centred: true, Mode: FoldOver, CutMarks: true}
		// One 180 × 130 pair per row at x = 15…195, fold at 105.
		marks := l.CutMarkLines()
		if len(marks) == 0 {
			t.Fatal("no cut marks")
		}
		for _, m := range marks {
			if m.X1 == m.X2 && near(m.X1, 105) {
				t.Errorf("cut mark %+v on the fold", m)
			}
		}
	})
	t.Run("NoRoomNoMarks", func(t *testing.T) {
		l := mustPreset(t, "a4-a6") // the grid reaches the paper's edges
		l.CutMarks = true
		if marks := l.CutMarkLines(); len(marks) != 0 {
			t.Errorf("cut marks %+v in margins of half a millimetre", marks)
		}
	})
	t.Run("Off", func(t *testing.T) {
		if marks := mustPreset(t, "a4-85x54").CutMarkLines(); marks != nil {
			t.Errorf("cut marks %+v on a layout without them", marks)
		}
	})
}

func hasLine(lines []Line, want Line) bool {
	for _, l := range lines {
		if near(l.X1, want.X1) && near(l.Y1, want.Y1) && near(l.X2, want.X2) && near(l.Y2, want.Y2) {
			return true
		}
	}
	return false
}
