package ui

import (
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// The floor plan draws the exhibition hall as a grid: each stand a tile at
// its position (Stand.X, Stand.Y), coloured by zone; free cells can be
// tapped to place a new stand there. A stand is moved by dragging its tile
// (floorplan_drag.go) or by the arrow keys.

const (
	floorTileMinWidth = 120
	floorTileMaxWidth = 200
	floorTileHeight   = 72
	floorGap          = 8
	floorMinColumns   = 7 // the hall's usual width, even when it is still empty
)

// zonePalette colours the zones in the order they come on the plan: easy to
// tell apart, and dark enough to read the tiles' text on their tint.
var zonePalette = []color.NRGBA{
	{R: 0x1F, G: 0x77, B: 0xB4, A: 0xFF}, // blue
	{R: 0xE0, G: 0x7B, B: 0x10, A: 0xFF}, // orange
	{R: 0x2C, G: 0xA0, B: 0x2C, A: 0xFF}, // green
	{R: 0xC6, G: 0x28, B: 0x28, A: 0xFF}, // red
	{R: 0x94, G: 0x67, B: 0xBD, A: 0xFF}, // purple
	{R: 0x8C, G: 0x56, B: 0x4B, A: 0xFF}, // brown
	{R: 0xD6, G: 0x4F, B: 0xA8, A: 0xFF}, // pink
	{R: 0x17, G: 0xA2, B: 0xB8, A: 0xFF}, // teal
}

// noZoneColour is that of stands without a zone.
var noZoneColour = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xFF}

// zone is a zone of the hall as the plan and its legend show it.
type zone struct {
	name   string
	colour color.NRGBA
	count  int
}

// zonesOf lists the zones of the stands (in the order of the list: by
// number) in the order they come on the plan (top to bottom, then by name;
// no zone last), each with its colour: the same stands give the same
// colours every time, wherever they are.
func zonesOf(stands []data.Stand) []zone {
	top := map[string]int{}
	count := map[string]int{}
	for _, s := range stands {
		if y, ok := top[s.Zone]; !ok || s.Y < y {
			top[s.Zone] = s.Y
		}
		count[s.Zone]++
	}
	names := make([]string, 0, len(top))
	for n := range top {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "") != (names[j] == "") {
			return names[j] == "" // stands without a zone come last
		}
		if top[names[i]] != top[names[j]] {
			return top[names[i]] < top[names[j]]
		}
		return names[i] < names[j]
	})
	// A zone's colour follows the order of its first stand by number, not
	// its place: a stand moved on the plan recolours nothing.
	rank := map[string]int{}
	for _, s := range stands {
		if _, ok := rank[s.Zone]; !ok && s.Zone != "" {
			rank[s.Zone] = len(rank)
		}
	}
	zones := make([]zone, 0, len(names))
	for _, n := range names {
		z := zone{name: n, colour: noZoneColour, count: count[n]}
		if n != "" {
			z.colour = zonePalette[rank[n]%len(zonePalette)]
		}
		zones = append(zones, z)
	}
	return zones
}

// floorPlan shows the stands on the grid of the hall, under a legend of
// the zones.
type floorPlan struct {
	onStand func(data.Stand) // a stand's tile was tapped
	onFree  func(x, y int)   // a free cell was tapped
	// onMove: a stand was dropped on another cell of the plan, or moved
	// there by an arrow key; that cell may hold another stand.
	onMove func(st data.Stand, x, y int)

	root   *fyne.Container
	legend *fyne.Container
	grid   *fyne.Container
	scroll *container.Scroll
	status *widget.Label // under the plan: a hint, or the stand under the pointer whole (floorplan_hover.go)
	layout *floorLayout
	tiles  []*standTile // UI thread only
	drag   floorDrag    // the drag under way; UI thread only
	// focusID is the stand whose tile has the keyboard's focus: it keeps
	// it when the plan is shown again after a move.
	focusID int64
}

func newFloorPlan(onStand func(data.Stand), onFree func(x, y int), onMove func(data.Stand, int, int)) *floorPlan {
	p := &floorPlan{onStand: onStand, onFree: onFree, onMove: onMove, layout: &floorLayout{cols: floorMinColumns, rows: 1}}
	p.legend = container.New(layout.NewRowWrapLayout())
	p.grid = container.New(p.layout)
	p.drag.target = newDropTarget()
	return p
}

func (p *floorPlan) build() fyne.CanvasObject {
	p.scroll = container.NewScroll(container.NewPadded(p.grid))
	p.status = newPlanStatus()
	p.root = container.NewBorder(p.legend, p.status, nil, nil, p.scroll)
	return p.root
}

// setStands shows these stands. UI thread only.
func (p *floorPlan) setStands(stands []data.Stand) {
	zones := zonesOf(stands)
	colours := map[string]color.NRGBA{}
	p.legend.RemoveAll()
	for _, z := range zones {
		colours[z.name] = z.colour
		name := z.name
		if name == "" {
			name = lang.L("No zone")
		}
		swatch := canvas.NewRectangle(z.colour)
		swatch.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize()))
		swatch.CornerRadius = 3
		ringSwatch(swatch)
		p.legend.Add(container.NewHBox(container.NewCenter(swatch),
			widget.NewLabel(lang.L("{{.Zone}} ({{.Count}})", map[string]any{"Zone": name, "Count": formatCount(z.count)}))))
	}

	cols, rows := floorMinColumns, 1
	taken := map[[2]int]bool{}
	for _, s := range stands {
		cols, rows = max(cols, s.X+1), max(rows, s.Y+1)
		taken[[2]int{s.X, s.Y}] = true
	}
	p.layout.cols, p.layout.rows = cols, rows
	objects := make([]fyne.CanvasObject, 0, cols*rows)
	for y := range rows {
		for x := range cols {
			if !taken[[2]int{x, y}] {
				objects = append(objects, newFreeCell(x, y, p.onFree))
			}
		}
	}
	p.tiles = p.tiles[:0]
	var focus *standTile
	for _, s := range stands {
		t := newStandTile(s, colours[s.Zone], p)
		p.tiles = append(p.tiles, t)
		objects = append(objects, t)
		if s.ID == p.focusID && p.focusID != 0 {
			focus = t
		}
	}
	p.drag.reset()
	p.layout.held = nil
	p.drag.target.Hide()
	p.grid.Objects = append(objects, p.drag.target) // over the cells, under a tile dragged
	p.root.Refresh()
	if focus != nil { // the stand just moved by the keys keeps the focus
		if c := fyne.CurrentApp().Driver().CanvasForObject(p.grid); c != nil {
			c.Focus(focus)
		}
	}
}

// firstFree is the first free cell of the plan, row by row, where a new
// stand goes unless told otherwise.
func firstFree(stands []data.Stand) (x, y int) {
	cols := floorMinColumns
	taken := map[[2]int]bool{}
	for _, s := range stands {
		cols = max(cols, s.X+1)
		taken[[2]int{s.X, s.Y}] = true
	}
	for y := 0; ; y++ {
		for x := range cols {
			if !taken[[2]int{x, y}] {
				return x, y
			}
		}
	}
}

// gridCell is an object placed on a cell of the floor plan.
type gridCell interface {
	cell() (x, y int)
}

// floorLayout places the cells of the plan: tiles as wide as the width
// allows, within bounds, so that the hall fits the window when it can.
type floorLayout struct {
	cols, rows int
	held       fyne.CanvasObject // the tile being dragged: left where it is
}

func (l *floorLayout) tileWidth(width float32) float32 {
	w := (width - floorGap*float32(l.cols-1)) / float32(l.cols)
	return min(max(w, floorTileMinWidth), floorTileMaxWidth)
}

// cellPos is where cell (x, y) goes in a plan of this width.
func (l *floorLayout) cellPos(x, y int, width float32) fyne.Position {
	w := l.tileWidth(width)
	return fyne.NewPos(float32(x)*(w+floorGap), float32(y)*(floorTileHeight+floorGap))
}

func (l *floorLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := l.tileWidth(size.Width)
	for _, o := range objects {
		if c, ok := o.(gridCell); ok && o != l.held {
			x, y := c.cell()
			o.Move(l.cellPos(x, y, size.Width))
			o.Resize(fyne.NewSize(w, floorTileHeight))
		}
	}
}

func (l *floorLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(float32(l.cols)*(floorTileMinWidth+floorGap)-floorGap,
		float32(l.rows)*(floorTileHeight+floorGap)-floorGap)
}

// standTile is a stand on the plan: its number and its name, on its zone's
// colour.
type standTile struct {
	widget.BaseWidget
	stand   data.Stand
	colour  color.NRGBA
	plan    *floorPlan
	focused bool
}

func newStandTile(s data.Stand, colour color.NRGBA, plan *floorPlan) *standTile {
	t := &standTile{stand: s, colour: colour, plan: plan}
	t.ExtendBaseWidget(t)
	return t
}

func (t *standTile) cell() (int, int) { return t.stand.X, t.stand.Y }

// tint is the tile's fill: a quarter of its zone's colour on the
// background, opaque so that a tile dragged hides those it passes over.
func (t *standTile) tint() color.NRGBA {
	r, g, b, _ := theme.Color(theme.ColorNameBackground).RGBA()
	mix := func(c uint8, bg uint32) uint8 { return uint8((uint32(c)*0x40 + (bg>>8)*(0xFF-0x40)) / 0xFF) }
	return color.NRGBA{R: mix(t.colour.R, r), G: mix(t.colour.G, g), B: mix(t.colour.B, b), A: 0xFF}
}

func (t *standTile) Tapped(*fyne.PointEvent) {
	if t.plan != nil && t.plan.onStand != nil {
		t.plan.onStand(t.stand)
	}
}

func (t *standTile) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (t *standTile) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(t.tint())
	bg.StrokeColor = t.colour
	bg.StrokeWidth = 2
	bg.CornerRadius = 6
	number := canvas.NewText(t.stand.Number, theme.Color(theme.ColorNameForeground))
	number.TextStyle.Bold = true
	dot := canvas.NewRectangle(t.colour) // the zone's colour, ringed: it shows on any theme
	dot.CornerRadius = 3
	ringSwatch(dot)
	r := &standTileRenderer{tile: t, bg: bg, number: number, dot: dot}
	for range 2 {
		line := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		line.TextSize = theme.TextSize() - 1
		r.lines = append(r.lines, line)
	}
	return r
}

type standTileRenderer struct {
	tile   *standTile
	bg     *canvas.Rectangle
	number *canvas.Text
	dot    *canvas.Rectangle // the zone's colour, top right
	lines  []*canvas.Text    // the name, on up to two lines
}

func (r *standTileRenderer) Layout(size fyne.Size) {
	pad := theme.Padding() * 1.5
	r.bg.Resize(size)
	r.number.Move(fyne.NewPos(pad, pad))
	dot := theme.IconInlineSize() * 0.6
	r.dot.Resize(fyne.NewSquareSize(dot))
	r.dot.Move(fyne.NewPos(size.Width-pad-dot, pad+(r.number.MinSize().Height-dot)/2))
	y := pad + r.number.MinSize().Height
	wrapped := wrapText(r.tile.stand.Name, r.lines[0].TextSize, fyne.TextStyle{}, size.Width-2*pad, len(r.lines))
	for i, l := range r.lines {
		text := ""
		if i < len(wrapped) {
			text = wrapped[i]
		}
		if l.Text != text {
			l.Text = text
			l.Refresh()
		}
		l.Move(fyne.NewPos(pad, y))
		y += l.MinSize().Height
	}
}

func (r *standTileRenderer) MinSize() fyne.Size {
	return fyne.NewSize(floorTileMinWidth, floorTileHeight)
}

func (r *standTileRenderer) Refresh() {
	// The focus: a thick ring in the text's colour, unlike any zone's.
	r.bg.StrokeColor, r.bg.StrokeWidth = r.tile.colour, 2
	if r.tile.focused {
		r.bg.StrokeColor, r.bg.StrokeWidth = theme.Color(theme.ColorNameForeground), 3
	}
	r.bg.FillColor = r.tile.tint()
	r.bg.Refresh()
	ringSwatch(r.dot)
	r.dot.Refresh()
	r.number.Color = theme.Color(theme.ColorNameForeground)
	for _, l := range r.lines {
		l.Color = r.number.Color
	}
	r.Layout(r.tile.Size())
	canvas.Refresh(r.tile)
}

func (r *standTileRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.dot, r.number, r.lines[0], r.lines[1]}
}

func (r *standTileRenderer) Destroy() {}

// freeCell is a free place on the plan.
type freeCell struct {
	widget.BaseWidget
	x, y     int
	onTapped func(x, y int)
}

func newFreeCell(x, y int, onTapped func(x, y int)) *freeCell {
	c := &freeCell{x: x, y: y, onTapped: onTapped}
	c.ExtendBaseWidget(c)
	return c
}

func (c *freeCell) cell() (int, int) { return c.x, c.y }

func (c *freeCell) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped(c.x, c.y)
	}
}

func (c *freeCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (c *freeCell) CreateRenderer() fyne.WidgetRenderer {
	outline := canvas.NewRectangle(color.Transparent)
	outline.StrokeColor = trackColour()
	outline.StrokeWidth = 1
	outline.CornerRadius = 6
	return widget.NewSimpleRenderer(outline)
}

// wrapText cuts s into at most n lines of the width given, word by word;
// what does not fit ends the last line with an ellipsis.
func wrapText(s string, size float32, style fyne.TextStyle, width float32, n int) []string {
	words := strings.Fields(s)
	var lines []string
	for len(words) > 0 && len(lines) < n {
		if len(lines) == n-1 { // the last line takes the rest
			lines = append(lines, fitText(strings.Join(words, " "), size, style, width))
			break
		}
		line := words[0]
		used := 1
		for used < len(words) && fyne.MeasureText(line+" "+words[used], size, style).Width <= width {
			line += " " + words[used]
			used++
		}
		lines = append(lines, fitText(line, size, style, width))
		words = words[used:]
	}
	return lines
}
