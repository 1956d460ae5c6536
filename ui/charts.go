package ui

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The charts of the dashboard are drawn with canvas rectangles and texts:
// a barChart lays horizontal bars one under the other, a columnChart puts
// columns side by side over a time axis. Both write their numbers beside
// the bars, so that they read at a glance.

const (
	chartRowHeight = 30 // one bar of a barChart
	chartBarHeight = 18
	chartMaxLabel  = 280 // the widest a barChart's labels may take
	columnsHeight  = 220 // a columnChart
)

// bar is one bar of a barChart.
type bar struct {
	Label  string
	Value  float64
	Of     float64     // the whole the value is part of (expected, capacity); 0: none
	Colour color.Color // nil: the theme's primary colour
	Text   string      // written after the bar
}

// barChart draws horizontal bars, with their label on the left and their
// text on the right. A bar with a whole (Of) is drawn over a track of the
// whole's length.
type barChart struct {
	widget.BaseWidget
	// perBar measures each bar against its own whole (a fill rate);
	// otherwise all bars share one scale, that of the largest.
	perBar bool
	bars   []bar // UI thread only
	hover  int   // the row under the pointer, -1 for none
	drawn  *barChartRenderer
}

func newBarChart(perBar bool) *barChart {
	c := &barChart{perBar: perBar, hover: -1}
	c.ExtendBaseWidget(c)
	return c
}

// A label cut to fit its column shows whole over its bar while the pointer
// is on its row (a workshop's title in a narrow window).
func (c *barChart) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

func (c *barChart) MouseMoved(e *desktop.MouseEvent) {
	row := int(e.Position.Y / chartRowHeight)
	if row < 0 || row >= len(c.bars) {
		row = -1
	}
	c.setHover(row)
}

func (c *barChart) MouseOut() { c.setHover(-1) }

func (c *barChart) setHover(row int) {
	if row == c.hover {
		return
	}
	c.hover = row
	if c.drawn != nil {
		c.drawn.showWhole()
	}
}

// setBars shows new bars. UI thread only.
func (c *barChart) setBars(bars []bar) {
	c.bars = bars
	c.Refresh()
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{chart: c}
	r.rebuild()
	c.drawn = r
	return r
}

type barChartRenderer struct {
	chart   *barChart
	objects []fyne.CanvasObject
	labels  []*canvas.Text
	tracks  []*canvas.Rectangle
	fills   []*canvas.Rectangle
	texts   []*canvas.Text
	whole   *canvas.Text      // the hovered row's label, whole, over its bar
	wholeBg *canvas.Rectangle // under it
}

func (r *barChartRenderer) rebuild() {
	n := len(r.chart.bars)
	r.labels, r.texts = make([]*canvas.Text, n), make([]*canvas.Text, n)
	r.tracks, r.fills = make([]*canvas.Rectangle, n), make([]*canvas.Rectangle, n)
	r.objects = r.objects[:0]
	fg := theme.Color(theme.ColorNameForeground)
	for i, b := range r.chart.bars {
		r.labels[i] = canvas.NewText(b.Label, fg)
		r.tracks[i] = canvas.NewRectangle(trackColour())
		r.tracks[i].CornerRadius = 3
		fill := b.Colour
		if fill == nil {
			fill = theme.Color(theme.ColorNamePrimary)
		}
		r.fills[i] = canvas.NewRectangle(fill)
		r.fills[i].CornerRadius = 3
		if b.Colour != nil { // the colour of a category, which may be close to the background
			ringSwatch(r.fills[i])
		}
		r.texts[i] = canvas.NewText(b.Text, fg)
		r.texts[i].TextStyle.Bold = true
		r.objects = append(r.objects, r.labels[i], r.tracks[i], r.fills[i], r.texts[i])
	}
	r.wholeBg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	r.wholeBg.CornerRadius = 3
	r.wholeBg.StrokeColor = outlineColour()
	r.wholeBg.StrokeWidth = 1
	r.whole = canvas.NewText("", fg)
	r.objects = append(r.objects, r.wholeBg, r.whole)
	r.showWhole()
}

// showWhole draws the hovered row's label whole when it is cut, else
// nothing.
func (r *barChartRenderer) showWhole() {
	i := r.chart.hover
	if i < 0 || i >= len(r.labels) || i >= len(r.chart.bars) || r.labels[i].Text == r.chart.bars[i].Label {
		if r.whole.Visible() {
			r.whole.Hide()
			r.wholeBg.Hide()
			canvas.Refresh(r.chart)
		}
		return
	}
	pad := theme.Padding()
	r.whole.Text = r.chart.bars[i].Label
	r.whole.Move(r.labels[i].Position())
	r.whole.Resize(r.whole.MinSize())
	r.wholeBg.Move(r.labels[i].Position().SubtractXY(pad, pad))
	r.wholeBg.Resize(r.whole.MinSize().AddWidthHeight(2*pad, 2*pad))
	r.whole.Show()
	r.wholeBg.Show()
	// Through the chart: the canvas does not know objects it never drew.
	canvas.Refresh(r.chart)
}

// trackColour is the faint background of a bar's whole.
func trackColour() color.Color { return foregroundAlpha(0x22) }

// outlineColour edges a patch of colour, so that one close to the
// background (black on a dark theme) still shows.
func outlineColour() color.Color { return foregroundAlpha(0x50) }

func foregroundAlpha(a uint8) color.Color {
	r, g, b, _ := theme.Color(theme.ColorNameForeground).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// widths are those of the label and text columns.
func (r *barChartRenderer) widths(width float32) (label, text float32) {
	size := theme.TextSize()
	for _, b := range r.chart.bars {
		label = max(label, fyne.MeasureText(b.Label, size, fyne.TextStyle{}).Width)
		text = max(text, fyne.MeasureText(b.Text, size, fyne.TextStyle{Bold: true}).Width)
	}
	label = min(label, chartMaxLabel, max(width*0.4, 80))
	return label, text
}

func (r *barChartRenderer) Layout(size fyne.Size) {
	pad := theme.Padding() * 2
	labelW, textW := r.widths(size.Width)
	area := max(size.Width-labelW-textW-2*pad, 1)
	scale := float64(0)
	for _, b := range r.chart.bars {
		scale = math.Max(scale, math.Max(b.Of, b.Value))
	}
	textSize := theme.TextSize()
	for i, b := range r.chart.bars {
		y := float32(i) * chartRowHeight
		textH := fyne.MeasureText("0", textSize, fyne.TextStyle{}).Height
		textY := y + (chartRowHeight-textH)/2

		if text := fitText(b.Label, textSize, fyne.TextStyle{}, labelW); text != r.labels[i].Text {
			r.labels[i].Text = text
			r.labels[i].Refresh()
		}
		r.labels[i].Move(fyne.NewPos(0, textY))
		r.labels[i].Resize(fyne.NewSize(labelW, textH))

		track, fill := float32(0), float32(0)
		switch {
		case r.chart.perBar && b.Of > 0:
			track, fill = area, area*float32(math.Min(b.Value/b.Of, 1))
		case !r.chart.perBar && scale > 0:
			track, fill = area*float32(b.Of/scale), area*float32(b.Value/scale)
		}
		if b.Value > 0 {
			fill = max(fill, 2) // a little is not nothing
		}
		x := labelW + pad
		barY := y + (chartRowHeight-chartBarHeight)/2
		r.tracks[i].Move(fyne.NewPos(x, barY))
		r.tracks[i].Resize(fyne.NewSize(track, chartBarHeight))
		showIf(r.tracks[i], track > 0)
		r.fills[i].Move(fyne.NewPos(x, barY))
		r.fills[i].Resize(fyne.NewSize(fill, chartBarHeight))
		showIf(r.fills[i], fill > 0)
		r.texts[i].Move(fyne.NewPos(x+max(track, fill)+pad, textY))
	}
	r.showWhole()
}

func (r *barChartRenderer) MinSize() fyne.Size {
	labelW, textW := r.widths(0)
	return fyne.NewSize(min(labelW, 80)+textW+120, float32(len(r.chart.bars))*chartRowHeight)
}

func (r *barChartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *barChartRenderer) Destroy()                     {}

// column is one column of a columnChart.
type column struct {
	Label string // under the axis, e.g. "09:15"
	Value float64
}

// columnChart draws columns side by side, their value on top, with a
// vertical scale on the left and the columns' labels underneath where they
// fit.
type columnChart struct {
	widget.BaseWidget
	colour  color.Color
	columns []column // UI thread only
}

func newColumnChart(colour color.Color) *columnChart {
	c := &columnChart{colour: colour}
	c.ExtendBaseWidget(c)
	return c
}

// setColumns shows new columns. UI thread only.
func (c *columnChart) setColumns(cols []column) {
	c.columns = cols
	c.Refresh()
}

func (c *columnChart) CreateRenderer() fyne.WidgetRenderer {
	r := &columnChartRenderer{chart: c}
	r.rebuild()
	return r
}

type columnChartRenderer struct {
	chart   *columnChart
	objects []fyne.CanvasObject
	ticks   []float64
	grid    []*canvas.Line
	scale   []*canvas.Text // the ticks' labels
	bars    []*canvas.Rectangle
	values  []*canvas.Text
	labels  []*canvas.Text
	axis    *canvas.Line
}

func (r *columnChartRenderer) rebuild() {
	top := 0.0
	for _, c := range r.chart.columns {
		top = math.Max(top, c.Value)
	}
	r.ticks = niceTicks(top)
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	small := theme.CaptionTextSize()
	r.objects = r.objects[:0]
	r.grid, r.scale = make([]*canvas.Line, len(r.ticks)), make([]*canvas.Text, len(r.ticks))
	for i, t := range r.ticks {
		r.grid[i] = canvas.NewLine(trackColour())
		r.scale[i] = canvas.NewText(strconv.FormatFloat(t, 'f', -1, 64), muted)
		r.scale[i].TextSize = small
		r.scale[i].Alignment = fyne.TextAlignTrailing
		r.objects = append(r.objects, r.grid[i], r.scale[i])
	}
	n := len(r.chart.columns)
	r.bars, r.values, r.labels = make([]*canvas.Rectangle, n), make([]*canvas.Text, n), make([]*canvas.Text, n)
	colour := r.chart.colour
	if colour == nil {
		colour = theme.Color(theme.ColorNamePrimary)
	}
	for i, c := range r.chart.columns {
		r.bars[i] = canvas.NewRectangle(colour)
		r.bars[i].CornerRadius = 2
		value := ""
		if c.Value > 0 {
			value = strconv.FormatFloat(c.Value, 'f', -1, 64)
		}
		r.values[i] = canvas.NewText(value, fg)
		r.values[i].TextSize = small
		r.values[i].TextStyle.Bold = true
		r.values[i].Alignment = fyne.TextAlignCenter
		r.labels[i] = canvas.NewText(c.Label, muted)
		r.labels[i].TextSize = small
		r.labels[i].Alignment = fyne.TextAlignCenter
		r.objects = append(r.objects, r.bars[i], r.values[i], r.labels[i])
	}
	r.axis = canvas.NewLine(muted)
	r.objects = append(r.objects, r.axis)
}

func (r *columnChartRenderer) Layout(size fyne.Size) {
	small := theme.CaptionTextSize()
	pad := theme.Padding()
	lineH := fyne.MeasureText("0", small, fyne.TextStyle{}).Height
	scaleW := float32(0)
	for _, t := range r.scale {
		scaleW = max(scaleW, fyne.MeasureText(t.Text, small, fyne.TextStyle{}).Width)
	}
	left := scaleW + 2*pad
	plotTop := lineH + pad
	plotBottom := size.Height - lineH - 2*pad
	plotH := max(plotBottom-plotTop, 1)
	topValue := 1.0
	if len(r.ticks) > 0 {
		topValue = math.Max(r.ticks[len(r.ticks)-1], 1)
	}
	yOf := func(v float64) float32 { return plotBottom - plotH*float32(v/topValue) }
	for i, t := range r.ticks {
		y := yOf(t)
		r.grid[i].Position1 = fyne.NewPos(left, y)
		r.grid[i].Position2 = fyne.NewPos(size.Width, y)
		r.scale[i].Move(fyne.NewPos(0, y-lineH/2))
		r.scale[i].Resize(fyne.NewSize(scaleW, lineH))
	}
	r.axis.Position1 = fyne.NewPos(left, plotBottom)
	r.axis.Position2 = fyne.NewPos(size.Width, plotBottom)

	n := len(r.chart.columns)
	if n == 0 {
		return
	}
	slot := (size.Width - left) / float32(n)
	every := labelStep(r.labels, slot, small)
	for i, c := range r.chart.columns {
		x := left + slot*float32(i)
		y := yOf(c.Value)
		w := max(slot*0.7, 1)
		r.bars[i].Move(fyne.NewPos(x+(slot-w)/2, y))
		r.bars[i].Resize(fyne.NewSize(w, plotBottom-y))
		fits := fyne.MeasureText(r.values[i].Text, small, r.values[i].TextStyle).Width <= slot
		showIf(r.values[i], fits)
		r.values[i].Move(fyne.NewPos(x, y-lineH))
		r.values[i].Resize(fyne.NewSize(slot, lineH))
		showIf(r.labels[i], i%every == 0)
		r.labels[i].Move(fyne.NewPos(x-slot, plotBottom+pad))
		r.labels[i].Resize(fyne.NewSize(3*slot, lineH))
	}
}

// labelStep is how many columns apart the labels must be not to overlap:
// 1, 2, or a multiple of 4 (the hours of quarter-hour columns).
func labelStep(labels []*canvas.Text, slot, size float32) int {
	widest := float32(0)
	for _, l := range labels {
		widest = max(widest, fyne.MeasureText(l.Text, size, fyne.TextStyle{}).Width)
	}
	widest += theme.Padding() * 2
	if slot <= 0 {
		return max(len(labels), 1) // not laid out yet
	}
	for _, step := range []int{1, 2} {
		if slot*float32(step) >= widest {
			return step
		}
	}
	step := 4
	for slot*float32(step) < widest {
		step += 4
	}
	return step
}

func (r *columnChartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(float32(len(r.chart.columns))*16+40, columnsHeight)
}

func (r *columnChartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *columnChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *columnChartRenderer) Destroy()                     {}

// niceTicks are the values of a scale from 0 to at least top, in steps of
// 1, 2 or 5 times a power of ten, about four of them.
func niceTicks(top float64) []float64 {
	if top <= 0 {
		return []float64{0, 1}
	}
	raw := top / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	step = math.Max(step, 1) // people come whole
	var ticks []float64
	for v := 0.0; ; v += step {
		ticks = append(ticks, v)
		if v >= top {
			return ticks
		}
	}
}

// fitText shortens s with an ellipsis so that it takes at most width.
func fitText(s string, size float32, style fyne.TextStyle, width float32) string {
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // the longest prefix that fits is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}
