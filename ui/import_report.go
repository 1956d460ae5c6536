package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// reportText says in one sentence what an import did or would do. Each
// count agrees with its own noun ("1 nouvelle, 2 rejetées"), so each is a
// plural of its own.
func reportText(r data.ImportReport) string {
	return lang.L("{{.Rows}}: {{.New}}, {{.Updated}}, {{.Unchanged}}, {{.Skipped}}, {{.Rejected}}; {{.Places}}.",
		map[string]any{
			"Rows":      lang.N("{{.Count}} rows", r.Rows, countArgs(r.Rows)),
			"New":       lang.N("{{.Count}} new", r.New, countArgs(r.New)),
			"Updated":   lang.N("{{.Count}} updated", r.Updated, countArgs(r.Updated)),
			"Unchanged": unchangedText(r),
			"Skipped":   lang.N("{{.Count}} skipped", r.Skipped, countArgs(r.Skipped)),
			"Rejected":  lang.N("{{.Count}} rejected", r.Rejected, countArgs(r.Rejected)),
			"Places":    lang.N("{{.Count}} workshop places", r.Enrolments, countArgs(r.Enrolments)),
		}) + importTicketsText(r) + importRemarksText(r)
}

// unchangedText counts the rows left as they are, and after them those
// whose other values the mode kept (filling only empty fields), if any.
func unchangedText(r data.ImportReport) string {
	s := lang.N("{{.Count}} unchanged", r.Unchanged, countArgs(r.Unchanged))
	if r.Kept > 0 {
		s += ", " + lang.N("{{.Count}} kept as they were", r.Kept, countArgs(r.Kept))
	}
	return s
}

// countArgs are the arguments of a plural message of n: n written with
// the language's thousands separator.
func countArgs(n int) map[string]any { return map[string]any{"Count": formatCount(n)} }

// importRemarksText says, after a space, how many rows replace values
// the congress holds (an import that overwrites), how many keep values the
// organiser edited since the last import (one that fills), how many may be someone
// already registered and which columns are not imported; "" when none.
func importRemarksText(r data.ImportReport) string {
	s := ""
	if n := r.Overwritten; n > 0 {
		s += " " + lang.N("{{.Count}} rows replace values the congress holds (see the warnings).", n, countArgs(n))
	}
	if n := r.EditsKept; n > 0 {
		s += " " + lang.N("{{.Count}} rows keep your edits (see the warnings).", n, countArgs(n))
	}
	if n := r.PossibleDuplicates; n > 0 {
		s += " " + lang.N("{{.Count}} possible duplicates (see the warnings).", n, countArgs(n))
	}
	if len(r.IgnoredColumns) > 0 {
		s += " " + lang.L("Columns not imported: {{.Columns}}.", map[string]any{"Columns": strings.Join(r.IgnoredColumns, ", ")})
	}
	return s
}

// importTicketsText says how many e-tickets the import keeps for the desk, after
// a space; "" when it keeps none.
func importTicketsText(r data.ImportReport) string {
	if r.Tickets == 0 {
		return ""
	}
	return " " + lang.N("{{.Count}} e-tickets kept for the desk.", r.Tickets, countArgs(r.Tickets))
}

// reportLabel is a label of wrapped text that keeps a count with the word
// after it ("12 rows", "12 lignes"), French punctuation with the word
// before it ("lignes :") and the last two words together: a line never
// ends with a count alone, and the last never holds one word alone. fyne
// breaks a line at any space, a no-break one too, so the lines are broken
// here, for the label's width, and the label shows them as they are.
type reportLabel struct {
	widget.BaseWidget
	Text  string
	label *widget.Label
	width float32 // the width the lines are broken for; 0: not yet
}

func newReportLabel(style fyne.TextStyle) *reportLabel {
	k := &reportLabel{label: widget.NewLabel("")}
	k.label.TextStyle = style
	k.label.Wrapping = fyne.TextWrapWord // a group wider than a line still wraps
	k.ExtendBaseWidget(k)
	return k
}

// SetText shows text, its lines broken for the label's width.
func (k *reportLabel) SetText(text string) {
	k.Text = text
	k.breakLines(k.Size().Width)
}

func (k *reportLabel) breakLines(width float32) {
	text := k.Text
	if width > 0 {
		text = keptLines(k.Text, width-2*theme.InnerPadding(), k.label.TextStyle)
	}
	k.width = width
	if k.label.Text != text {
		k.label.SetText(text)
	}
}

func (k *reportLabel) CreateRenderer() fyne.WidgetRenderer { return &reportLabelRenderer{k} }

type reportLabelRenderer struct{ k *reportLabel }

func (r *reportLabelRenderer) Layout(size fyne.Size) {
	if size.Width != r.k.width {
		r.k.breakLines(size.Width)
	}
	r.k.label.Resize(size)
}

func (r *reportLabelRenderer) MinSize() fyne.Size { return r.k.label.MinSize() }

func (r *reportLabelRenderer) Refresh() { // the theme's text size may have changed
	r.k.breakLines(r.k.Size().Width)
	r.k.label.Refresh()
}

func (r *reportLabelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.k.label} }
func (r *reportLabelRenderer) Destroy()                     {}

// keptLines breaks text into lines of width at most (but for a group
// wider than a line), at the spaces keptGroups leaves.
func keptLines(text string, width float32, style fyne.TextStyle) string {
	size := theme.TextSize()
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for i, g := range keptGroups(para) {
			switch {
			case i == 0:
				line = g
			case fyne.MeasureText(line+" "+g, size, style).Width <= width:
				line += " " + g
			default:
				lines = append(lines, line)
				line = g
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// keptGroups splits a paragraph at its spaces, but for those a line must
// not break at: after a number, before French punctuation, and before the
// paragraph's last word when it would stand alone on its line.
func keptGroups(para string) []string {
	var groups []string
	for i, w := range strings.Split(para, " ") {
		if i > 0 && keptTogether(groups[len(groups)-1], w) {
			groups[len(groups)-1] += " " + w
			continue
		}
		groups = append(groups, w)
	}
	// Two groups stay two: one wider than a line would be cut by fyne.
	if n := len(groups); n > 2 && !strings.Contains(groups[n-1], " ") {
		groups[n-2] += " " + groups[n-1]
		groups = groups[:n-1]
	}
	return groups
}

// keptTogether: no line break between before and after.
func keptTogether(before, after string) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	return unicode.IsDigit(last) || strings.ContainsRune(":;!?»", first) || last == '«'
}
