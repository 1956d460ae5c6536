package ui

import (
	"context"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// dashboardStore is what the dashboard reads.
type dashboardStore interface {
	Congress(ctx context.Context) (data.Congress, error)
	Counts(ctx context.Context) (data.Stats, error)
	Stats(ctx context.Context) (data.Stats, error) // with the arrivals per quarter
}

// dashboardScreen shows the congress and its numbers at a glance.
type dashboardScreen struct {
	env   *env
	store dashboardStore

	name       *widget.Label
	details    *widget.Label
	days       *widget.Label
	cards      [4]*statTile // registered, confirmed, pending, cancelled
	byDay      *barChart    // checked in against expected
	byCategory *barChart
	workshops  *barChart // fill rates
	noWorkshop *widget.Label
	arrivals   *fyne.Container // per day: a title and a chart
	scroll     *container.Scroll
	progress   *widget.Activity // while the numbers beyond the counts are read
	loads      uint64           // loadAsync's calls: an older read's counts are not shown
	review     *reviewLine      // "3 entries to review" (review.go); nil when the store keeps no such list
}

func newDashboardScreen(e *env, st dashboardStore) *dashboardScreen {
	s := &dashboardScreen{env: e, store: st}
	if rs, ok := st.(reviewStore); ok {
		s.review = newReviewLine(e, rs)
	}
	return s
}

func (s *dashboardScreen) build() fyne.CanvasObject {
	s.name = widget.NewLabel("")
	s.name.SizeName = theme.SizeNameHeadingText
	s.name.TextStyle.Bold = true
	s.name.Wrapping = fyne.TextWrapWord
	s.details = widget.NewLabel("")
	s.days = widget.NewLabel("")
	s.days.Wrapping = fyne.TextWrapWord
	captions := []string{lang.X("count.registered", "Registered"), lang.X("count.confirmed", "Confirmed"),
		lang.X("count.pending", "Pending"), lang.X("count.cancelled", "Cancelled")}
	colours := []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameSuccess,
		theme.ColorNameWarning, theme.ColorNameError}
	tiles := container.NewGridWithColumns(len(s.cards))
	for i := range s.cards {
		s.cards[i] = newStatTile(captions[i], colours[i])
		tiles.Add(s.cards[i].box)
	}
	s.byDay = newBarChart(false)
	s.byCategory = newBarChart(false)
	s.workshops = newBarChart(true)
	s.noWorkshop = widget.NewLabel(lang.L("No workshop yet."))
	s.noWorkshop.Hide()
	s.arrivals = container.NewVBox()
	s.progress = widget.NewActivity()
	s.progress.Stop()
	s.progress.Hide()
	s.scroll = container.NewVScroll(container.NewVBox(
		s.name, s.details, s.days, s.review.build(), inset(tiles),
		// The spinner beside the first title that waits for the rest.
		container.NewHBox(sectionTitle(lang.L("Checked in per day, against the people expected")), s.progress), inset(s.byDay),
		sectionTitle(lang.L("By category")), inset(s.byCategory),
		sectionTitle(lang.L("Workshop fill rates")), s.noWorkshop, inset(s.workshops),
		sectionTitle(lang.L("Arrivals per quarter of an hour")), s.arrivals,
	))
	return s.scroll
}

// inset lines o up with the text of labels, which sits inside their padding.
func inset(o fyne.CanvasObject) fyne.CanvasObject {
	pad := theme.InnerPadding()
	return container.New(layout.NewCustomPaddedLayout(0, 0, pad, pad), o)
}

// sectionTitle heads a part of a screen.
func sectionTitle(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameSubHeadingText
	l.TextStyle.Bold = true
	return l
}

// dashboardData is what the dashboard shows, formatted off the UI thread.
type dashboardData struct {
	name, details, days string
	counts              [4]int
	byDay, byCategory   []bar
	workshops           []bar
	arrivals            []dayArrivals
}

// dayArrivals are the arrivals of one day, quarter by quarter.
type dayArrivals struct {
	title   string
	total   int
	columns []column
}

// loadAsync reads the congress and its numbers and shows them: the
// congress and the counts by status at once, then, with a progress bar
// meanwhile, the rest (by day, by category, workshops, arrivals), which
// reads every participant and check-in.
func (s *dashboardScreen) loadAsync() {
	s.review.loadAsync()
	s.loads++
	n := s.loads
	s.progress.Show()
	s.progress.Start()
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		c, err := s.store.Congress(ctx)
		var st data.Stats
		if err == nil {
			st, err = s.store.Counts(ctx)
		}
		if err != nil {
			return nil // the whole read below says it
		}
		d := formatHeading(c, st)
		return func() {
			if n == s.loads && s.progress.Visible() {
				s.showHeading(d)
				s.env.tasks.timedStage("counts")
			}
		}
	})
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		c, err := s.store.Congress(ctx)
		var st data.Stats
		if err == nil {
			st, err = s.store.Stats(ctx)
		}
		if err != nil {
			return func() {
				s.stopProgress(n)
				showError(s.env.win, err)
			}
		}
		// Formatted on the UI thread: the bars take the theme's colours.
		return func() {
			if n != s.loads {
				return // a newer read is on its way
			}
			s.stopProgress(n)
			s.show(formatDashboard(c, st))
		}
	})
}

// stopProgress hides the progress bar once read n is shown.
func (s *dashboardScreen) stopProgress(n uint64) {
	if n == s.loads {
		s.progress.Stop()
		s.progress.Hide()
	}
}

// showHeading shows the congress and its counts by status. UI thread.
func (s *dashboardScreen) showHeading(d dashboardData) {
	s.name.SetText(d.name)
	s.details.SetText(d.details)
	showIf(s.details, d.details != "")
	s.days.SetText(d.days)
	for i, n := range d.counts {
		s.cards[i].setValue(n)
	}
}

// show puts what was read on screen. UI thread.
func (s *dashboardScreen) show(d dashboardData) {
	s.showHeading(d)
	s.byDay.setBars(d.byDay)
	s.byCategory.setBars(d.byCategory)
	s.workshops.setBars(d.workshops)
	showIf(s.noWorkshop, len(d.workshops) == 0)
	s.arrivals.RemoveAll()
	for _, a := range d.arrivals {
		title := widget.NewLabel(a.title)
		title.TextStyle.Bold = true
		s.arrivals.Add(title)
		if a.total == 0 {
			none := widget.NewLabel(lang.L("No arrival yet."))
			none.Importance = widget.LowImportance
			s.arrivals.Add(none)
			continue
		}
		chart := newColumnChart(nil)
		chart.setColumns(a.columns)
		s.arrivals.Add(inset(chart))
	}
	s.scroll.Refresh() // the charts grew
}

// formatHeading writes the congress and its counts by status.
func formatHeading(c data.Congress, st data.Stats) dashboardData {
	d := dashboardData{
		name:    c.Name,
		details: joinNonEmpty(" · ", c.Edition, joinNonEmpty(", ", c.Venue, c.City)),
		counts:  [4]int{st.Registered, st.Confirmed, st.Pending, st.Cancelled},
	}
	days := make([]string, len(c.Days))
	for i, day := range c.Days {
		days[i] = dayLong(day)
	}
	d.days = lang.N("{{.Count}} days: {{.Days}}", len(days), map[string]any{"Count": len(days), "Days": strings.Join(days, ", ")})
	return d
}

func formatDashboard(c data.Congress, st data.Stats) dashboardData {
	d := formatHeading(c, st)
	for _, dc := range st.ByDay {
		d.byDay = append(d.byDay, bar{Label: dayLong(dc.Day), Value: float64(dc.CheckedIn), Of: float64(dc.Expected),
			Colour: theme.Color(theme.ColorNameSuccess),
			Text: lang.L("{{.Arrived}} of {{.Expected}} ({{.Percent}})", map[string]any{
				"Arrived": formatCount(dc.CheckedIn), "Expected": formatCount(dc.Expected), "Percent": percent(dc.CheckedIn, dc.Expected)})})
	}
	for _, cc := range st.ByCategory {
		d.byCategory = append(d.byCategory, bar{Label: cc.Category.Name, Value: float64(cc.Registered),
			Colour: parseColour(cc.Category.Colour),
			Text: lang.L("{{.Registered}} · {{.Confirmed}} confirmed · {{.CheckedIn}} checked in", map[string]any{
				"Registered": formatCount(cc.Registered), "Confirmed": formatCount(cc.Confirmed), "CheckedIn": formatCount(cc.CheckedIn)})})
	}
	for _, f := range st.Sessions {
		if se := f.Session; se.Kind == data.KindWorkshop {
			d.workshops = append(d.workshops, workshopBar(se))
		}
	}
	d.arrivals = arrivalsByDay(c.Days, st.Arrivals)
	return d
}

// workshopBar shows how full a workshop is: green, orange from 80 %, red
// when full.
func workshopBar(se data.Session) bar {
	b := bar{Label: dayShort(se.Day) + " " + se.Start.String() + " · " + se.Title,
		Value: float64(se.Enrolled), Of: float64(se.EffectiveCapacity)}
	vars := map[string]any{"Enrolled": formatCount(se.Enrolled), "Capacity": formatCount(se.EffectiveCapacity), "Waiting": formatCount(se.Waitlisted)}
	switch {
	case se.EffectiveCapacity == 0:
		b.Text = lang.L("{{.Enrolled}} enrolled, no limit", vars)
	case se.Waitlisted > 0:
		b.Text = lang.L("{{.Enrolled}} / {{.Capacity}} · {{.Waiting}} waiting", vars)
	default:
		b.Text = lang.L("{{.Enrolled}} / {{.Capacity}}", vars)
	}
	rate := float64(0)
	if se.EffectiveCapacity > 0 {
		rate = float64(se.Enrolled) / float64(se.EffectiveCapacity)
	}
	switch {
	case rate >= 1:
		b.Colour = theme.Color(theme.ColorNameError)
	case rate >= 0.8:
		b.Colour = theme.Color(theme.ColorNameWarning)
	default:
		b.Colour = theme.Color(theme.ColorNameSuccess)
	}
	return b
}

// arrivalsByDay lays the arrivals of each day out quarter by quarter, from
// the first quarter with arrivals to the last, empty quarters included.
func arrivalsByDay(days []data.Day, buckets []data.ArrivalBucket) []dayArrivals {
	byDay := map[data.Day][]data.ArrivalBucket{}
	for _, b := range buckets {
		byDay[b.Day] = append(byDay[b.Day], b)
	}
	all := append([]data.Day(nil), days...)
	for d := range byDay { // arrivals on a day no longer in the congress
		if !containsDay(all, d) {
			all = append(all, d)
		}
	}
	var out []dayArrivals
	for _, d := range all {
		list := byDay[d] // in time order
		a := dayArrivals{}
		if len(list) > 0 {
			first, last := list[0].Start, list[len(list)-1].Start
			counts := map[data.Clock]int{}
			for _, b := range list {
				counts[b.Start] = b.Count
				a.total += b.Count
			}
			for q := first; q <= last; q += 15 {
				a.columns = append(a.columns, column{Label: q.String(), Value: float64(counts[q])})
			}
		}
		a.title = lang.N("{{.Day}}: {{.Count}} arrivals", a.total, map[string]any{"Day": dayLong(d), "Count": formatCount(a.total)})
		out = append(out, a)
	}
	return out
}

func containsDay(days []data.Day, d data.Day) bool {
	for _, x := range days {
		if x == d {
			return true
		}
	}
	return false
}

// percent writes part over whole as a whole percentage.
func percent(part, whole int) string {
	p := 0
	if whole > 0 {
		p = int(math.Round(100 * float64(part) / float64(whole)))
	}
	return lang.L("{{.N}}%", map[string]any{"N": p})
}

// statTile is a big number with its caption.
type statTile struct {
	Title  string // the number shown
	number *canvas.Text
	box    fyne.CanvasObject
}

func newStatTile(caption string, colour fyne.ThemeColorName) *statTile {
	c := theme.Color(colour)
	r, g, b, _ := c.RGBA()
	bg := canvas.NewRectangle(color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x26})
	bg.CornerRadius = theme.InputRadiusSize() * 2
	number := canvas.NewText("–", c)
	number.TextSize = theme.TextHeadingSize() * 1.8
	number.TextStyle.Bold = true
	label := widget.NewLabel(caption)
	return &statTile{number: number, box: container.NewStack(bg,
		container.NewPadded(container.NewVBox(inset(number), label)))}
}

func (t *statTile) setValue(n int) {
	t.Title = formatCount(n)
	t.number.Text = t.Title
	t.number.Refresh()
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
