package export

import (
	"archive/zip"
	"compress/flate"
	"congres/data"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// This file holds what every workbook shares: styles, typed cells, sheets
// streamed with excelize's StreamWriter, with their widths, frozen header,
// filter and print set-up. The workbooks themselves are in
// workbook_attendance.go and workbook_list.go.

// wbSampleRows is how many rows a sheet measures before it fixes its column
// widths. The StreamWriter writes <cols> before the first row, so widths
// must be known then: a sheet keeps its first rows in memory, measures them,
// and only then starts writing. Sheets of at most wbSampleRows rows (summary,
// sessions, stands, catering, most lists) fit their content exactly; on a
// longer sheet a value wider than the first wbSampleRows may be cut off on
// screen (the cell keeps it whole). Reading the people twice would give
// exact widths at the cost of a second pass over the database.
const wbSampleRows = 1000

// Column widths, in Excel's unit (the width of a digit in the default
// font): never narrower than wbMinWidth, never wider than wbMaxWidth
// (long notes stay in their cell; the line height does not grow).
const (
	wbMinWidth = 6
	wbMaxWidth = 60
)

// wbCheckEvery is how often (in rows) a long sheet checks for cancellation.
const wbCheckEvery = 256

// Number formats. Dates follow the language: 25/11/2021 in French,
// 2021-11-25 in English (unambiguous everywhere).
var wbFormats = map[string]map[string]string{
	"fr": {
		"date":     "dd/mm/yyyy",
		"day":      "[$-40C]ddd dd/mm/yyyy",
		"datetime": "dd/mm/yyyy hh:mm",
		"clock":    "hh:mm",
		"percent":  "0%",
		"money":    `#,##0.00 "€"`,
		"decimal":  "#,##0.00",
	},
	"en": {
		"date":     "yyyy-mm-dd",
		"day":      "[$-809]ddd yyyy-mm-dd",
		"datetime": "yyyy-mm-dd hh:mm",
		"clock":    "hh:mm",
		"percent":  "0%",
		"money":    `#,##0.00 "€"`,
		"decimal":  "#,##0.00",
	},
}

// wbFormatWidth is how wide a value of each format shows.
var wbFormatWidth = map[string]float64{
	"date": 10, "day": 15, "datetime": 16, "clock": 5, "percent": 5, "money": 12, "decimal": 10,
}

// xlsx is a workbook being written.
type xlsx struct {
	f       *excelize.File
	lang    string
	title   string // printed at the top of every page
	names   *sheetNames
	sheets  int // sheets created
	creator string
	created time.Time
	dims    map[string]string // a sheet's placeholder dimension: its true one

	// Styles.
	header1, big, total   int
	date, day, datetime   int
	clock, percent, money int
	decimal               int
	boxed, boxedClock     int // bordered cells of a sign-in sheet
	boxedWrap             int // a bordered cell whose text wraps
	boxedTop              int // a bordered box to sign in, its label at the top
	bigWrap, wrap         int // a title and a line across a table, wrapped
	quote                 map[int]int
	widthOf               map[int]float64 // display width of styled values
}

// newXLSX starts a workbook whose pages are headed with title (the
// congress's name), which is also the document's title.
func newXLSX(title string, opts WorkbookOptions) (*xlsx, error) {
	lang := opts.Lang
	if lang != "fr" {
		lang = "en"
	}
	x := &xlsx{
		f:       excelize.NewFile(),
		lang:    lang,
		title:   title,
		names:   newSheetNames(),
		quote:   map[int]int{},
		widthOf: map[int]float64{},
		creator: "Congrès",
		created: opts.Created,
		dims:    map[string]string{},
	}
	if v := strings.TrimSpace(opts.Version); v != "" {
		x.creator += " " + v
	}
	if x.created.IsZero() {
		x.created = time.Now()
	}
	if err := x.newStyles(); err != nil {
		x.f.Close()
		return nil, err
	}
	return x, nil
}

func (x *xlsx) close() error { return x.f.Close() }

// write writes the workbook out. The first sheet is the active one, as in
// a new file (SetActiveSheet would read every streamed sheet back).
//
// The zip is compressed at flate's best speed: on 50,000 people the
// default level spent 0.9 s of 2.2 s compressing, for a file of 5.4 MiB
// instead of 7.0 MiB.
//
// The document's properties name the congress and the app, and the time it
// was written; each streamed sheet gets its true dimension (see
// wbDimensionWriter).
func (x *xlsx) write(w io.Writer) error {
	when := x.created.UTC().Format(time.RFC3339)
	err := x.f.SetDocProps(&excelize.DocProperties{
		Title: x.title, Creator: x.creator, LastModifiedBy: x.creator,
		Created: when, Modified: when, Language: map[string]string{"fr": "fr-FR", "en": "en-GB"}[x.lang],
	})
	if err != nil {
		return err
	}
	if err := x.f.SetAppProps(&excelize.AppProperties{Application: "Congrès"}); err != nil {
		return err
	}
	x.f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		return &wbZip{ZipWriter: zw, dims: x.dims}
	})
	_, err = x.f.WriteTo(w)
	return err
}

var wbThin = []excelize.Border{
	{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
	{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
}

func (x *xlsx) newStyles() error {
	var err error
	style := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = x.f.NewStyle(s)
		return id
	}
	format := func(key string, s excelize.Style) int {
		f := wbFormats[x.lang][key]
		s.CustomNumFmt = &f
		id := style(&s)
		x.widthOf[id] = wbFormatWidth[key]
		return id
	}
	// A font with no family renders in a serif face in LibreOffice: every
	// font names the workbook's default one.
	family, ferr := x.f.GetDefaultFont()
	if ferr != nil {
		return ferr
	}
	font := func(size float64) *excelize.Font {
		return &excelize.Font{Bold: true, Family: family, Size: size}
	}
	x.header1 = style(&excelize.Style{
		Font:      font(11),
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border:    wbThin,
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	x.big = style(&excelize.Style{Font: font(14)})
	x.bigWrap = style(&excelize.Style{Font: font(14), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	x.wrap = style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	x.total = style(&excelize.Style{
		Font:   font(11),
		Border: []excelize.Border{{Type: "top", Color: "000000", Style: 1}},
	})
	x.date = format("date", excelize.Style{})
	x.day = format("day", excelize.Style{})
	x.datetime = format("datetime", excelize.Style{})
	x.clock = format("clock", excelize.Style{})
	x.percent = format("percent", excelize.Style{})
	x.money = format("money", excelize.Style{})
	x.decimal = format("decimal", excelize.Style{})
	box := &excelize.Alignment{Vertical: "center"}
	x.boxed = style(&excelize.Style{Border: wbThin, Alignment: box})
	x.boxedClock = format("clock", excelize.Style{Border: wbThin, Alignment: box})
	// Text that a spreadsheet would read as a formula if typed gets a style
	// that differs only by quotePrefix (made distinct with an explicit left
	// alignment, which text has anyway), so that excelize does not merge it
	// with another style.
	x.quote[0] = style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left"}})
	x.quote[x.boxed] = style(&excelize.Style{Border: wbThin, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	x.boxedWrap = style(&excelize.Style{Border: wbThin, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	x.boxedTop = style(&excelize.Style{Border: wbThin, Font: &excelize.Font{Family: family, Color: "595959"},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	x.quote[x.bigWrap] = style(&excelize.Style{Font: font(14), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}})
	x.quote[x.wrap] = style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}})
	x.quote[x.boxedWrap] = style(&excelize.Style{Border: wbThin, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	yes := true
	for _, id := range x.quote {
		x.f.Styles.CellXfs.Xf[id].QuotePrefix = &yes
	}
	return nil
}

// Cells. Each returns what StreamWriter.SetRow takes: nil for an empty
// cell, a plain value, or an excelize.Cell with its style.

// text is a string cell. A string is always written as an inline string,
// never as a formula: excelize writes <c t="inlineStr"><is><t>…</t></is></c>
// whatever the text, and Excel and LibreOffice show it as text. Text that
// looks like a formula also gets quotePrefix, Excel's stored form of a
// leading apostrophe, so that editing the cell (F2, Enter) keeps it text
// instead of evaluating it.
func (x *xlsx) text(s string) any { return x.styledText(s, 0) }

func (x *xlsx) styledText(s string, style int) any {
	if s == "" {
		if style == 0 {
			return nil
		}
		return excelize.Cell{StyleID: style}
	}
	if data.FormulaLike(s) {
		if q, ok := x.quote[style]; ok {
			style = q
		}
	}
	if style == 0 {
		return s
	}
	return excelize.Cell{StyleID: style, Value: s}
}

// numberOrText is a number typed as text (a stand's "12"): a number when it
// is a whole number as a spreadsheet would write it (no sign, no leading
// zero, at most 15 digits, which a double holds exactly), else text: "B4",
// "007" and "3278E8" stay as typed.
func (x *xlsx) numberOrText(s string) any {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 && len(s) <= 15 && strconv.FormatInt(n, 10) == s {
		return n
	}
	return x.text(s)
}

// styled gives a value a style.
func wbStyled(v any, style int) any { return excelize.Cell{StyleID: style, Value: v} }

// yesNo is "Oui"/"Non" or "Yes"/"No".
func (x *xlsx) yesNo(b bool) string {
	if b {
		return x.l("yes")
	}
	return x.l("no")
}

// dayCell is a congress day as a date with its weekday.
func (x *xlsx) dayCell(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return wbStyled(t, x.day)
}

// timeCell is a moment as a date and time, or only the time of day with
// style x.clock; the value is the full date and time either way. The zero
// time is an empty cell.
//
// A spreadsheet has no time zones: a cell holds the wall clock, and
// excelize writes a time's wall clock in its own location. The store reads
// times back in UTC, so they are moved to local time first, as the window
// shows them.
func (x *xlsx) timeCell(t time.Time, style int) any {
	if t.IsZero() {
		return nil
	}
	return wbStyled(t.Local(), style)
}

// clockCell is a time of day (minutes since midnight) as Excel stores
// times: a fraction of a day.
func (x *xlsx) clockCell(minutes int) any {
	return wbStyled(float64(minutes)/(24*60), x.clock)
}

// ratio is a/b as a percentage, or an empty cell when b is 0.
func (x *xlsx) ratio(a, b int) any {
	if b <= 0 {
		return nil
	}
	return wbStyled(float64(a)/float64(b), x.percent)
}

// value writes one of data.ColumnValue's values with its type: text, a
// number, Oui/Non, a date (midnight) or a date and time.
func (x *xlsx) value(v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		return x.text(v)
	case bool:
		return x.yesNo(v)
	case time.Time:
		if wbMidnight(v.Local()) {
			return x.timeCell(v, x.date)
		}
		return x.timeCell(v, x.datetime)
	case float64:
		return wbStyled(v, x.decimal)
	case int, int64:
		return v
	case []byte:
		return x.text(string(v))
	case listText:
		return x.text(string(v))
	}
	return x.text(wbString(v))
}

func wbMidnight(t time.Time) bool {
	h, m, s := t.Clock()
	return h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0
}

// sheet is a worksheet being streamed.
type wbSheet struct {
	x      *xlsx
	name   string
	index  int                    // 1 for the first sheet
	sw     *excelize.StreamWriter // from start on
	widths []float64              // measured, in characters
	fixed  map[int]float64
	// maxWidth caps some columns' measured widths.
	maxWidth map[int]float64
	merges   [][2]string // ranges merged, from start on
	freeze   int         // rows frozen at the top, repeated on every printed page
	// keyCols are the first columns that say whose row it is (code and
	// names): repeated on every page when the sheet is too wide to print on
	// one page width.
	keyCols int
	print   wbPrint // decided by start

	hfLeft string // the printed page's header, left of the title

	pending []wbRow // rows kept until the widths are known
	started bool
	row     int // the last row written or kept
	lastCol int // the rightmost column written
	table   int // the header row of the table the filter applies to
	// tableEnd is that table's last row when rows follow it (a session's
	// closing boxes); 0: the sheet's last row.
	tableEnd int
	cols     int // that table's columns
}

type wbRow struct {
	row   int
	cells []any
	opts  []excelize.RowOpts
}

// newSheet adds a worksheet named after want (made valid and unique), with
// its first freeze rows frozen and repeated on each printed page.
func (x *xlsx) newSheet(want, fallback string, freeze int) (*wbSheet, error) {
	name := x.names.unique(want, fallback)
	if x.sheets == 0 {
		if err := x.f.SetSheetName(x.f.GetSheetName(0), name); err != nil {
			return nil, err
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return nil, err
	}
	x.sheets++
	return &wbSheet{x: x, name: name, index: x.sheets, freeze: freeze, keyCols: 1, fixed: map[int]float64{}}, nil
}

// setWidth fixes a column's width (1-based), whatever its content.
func (s *wbSheet) setWidth(col int, w float64) { s.fixed[col] = w }

// setMaxWidth caps a column's measured width (1-based): its text wraps.
func (s *wbSheet) setMaxWidth(col int, w float64) {
	if s.maxWidth == nil {
		s.maxWidth = map[int]float64{}
	}
	s.maxWidth[col] = w
}

// header writes a table's header row; the filter applies to the last
// table of the sheet.
func (s *wbSheet) header(labels ...string) error {
	cells := make([]any, len(labels))
	for i, l := range labels {
		cells[i] = excelize.Cell{StyleID: s.x.header1, Value: l}
	}
	s.measure(cells, 3) // room for the filter's button
	s.table, s.cols = s.row+1, len(labels)
	return s.put(cells, excelize.RowOpts{Height: 20})
}

// add writes a row of cells (see text, styled…). The slice may be reused
// by the caller once add returns.
func (s *wbSheet) add(cells []any, opts ...excelize.RowOpts) error {
	s.measure(cells, 0)
	return s.put(cells, opts...)
}

// title writes a row that does not count for the column widths.
func (s *wbSheet) title(cells []any, opts ...excelize.RowOpts) error { return s.put(cells, opts...) }

// merge merges the cells of a row from column 1 to cols (1-based), when
// the sheet ends.
func (s *wbSheet) merge(row, cols int) {
	last, _ := excelize.CoordinatesToCellName(cols, row)
	s.merges = append(s.merges, [2]string{wbCell(row), last})
}

// skip leaves a row empty.
func (s *wbSheet) skip() { s.row++ }

func (s *wbSheet) put(cells []any, opts ...excelize.RowOpts) error {
	s.row++
	for i := len(cells) - 1; i >= s.lastCol; i-- {
		if cells[i] != nil {
			s.lastCol = i + 1
			break
		}
	}
	if !s.started {
		if len(s.pending) < wbSampleRows {
			s.pending = append(s.pending, wbRow{s.row, append([]any(nil), cells...), opts})
			return nil
		}
		if err := s.start(); err != nil {
			return err
		}
	}
	return s.sw.SetRow(wbCell(s.row), cells, opts...)
}

func wbCell(row int) string { return "A" + strconv.Itoa(row) }

// measure widens the columns to the cells' content.
func (s *wbSheet) measure(cells []any, extra float64) {
	for len(s.widths) < len(cells) {
		s.widths = append(s.widths, 0)
	}
	for i, c := range cells {
		if w := s.x.cellWidth(c) + extra; w > s.widths[i] {
			s.widths[i] = w
		}
	}
}

func (x *xlsx) cellWidth(v any) float64 {
	switch v := v.(type) {
	case nil:
		return 0
	case string:
		return wbTextWidth(v)
	case excelize.Cell:
		if w, ok := x.widthOf[v.StyleID]; ok {
			return w
		}
		w := x.cellWidth(v.Value)
		if v.StyleID == x.header1 || v.StyleID == x.total || v.StyleID == x.big || v.StyleID == x.bigWrap {
			w *= 1.1 // bold
		}
		return w
	case int:
		return float64(len(strconv.Itoa(v)))
	case int64:
		return float64(len(strconv.FormatInt(v, 10)))
	case float64:
		return float64(min(len(strconv.FormatFloat(v, 'g', 10, 64)), 11))
	case time.Time:
		return 16
	}
	return 10
}

// wbTextWidth estimates how many digit widths s takes in the default font:
// the longest of its lines, wide (CJK) characters counting double,
// combining marks nothing, and a little more for capitals.
func wbTextWidth(s string) float64 {
	var best, cur float64
	for _, r := range s {
		switch {
		case r == '\n':
			best, cur = max(best, cur), 0
		case r < 0x80:
			if 'A' <= r && r <= 'Z' || r == 'm' || r == 'w' || r == 'M' || r == 'W' {
				cur += 1.2
			} else {
				cur++
			}
		case unicode.Is(unicode.Mn, r):
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				cur += 2
			default:
				cur++
			}
		}
	}
	return max(best, cur)
}

// start fixes the column widths and how the sheet prints, starts the
// stream, freezes the top rows and writes the rows kept so far.
//
// The stream starts here, not in newSheet: it writes the sheet's
// properties (fit to page or not) first, and that depends on the widths.
func (s *wbSheet) start() error {
	if s.started {
		return nil
	}
	s.started = true
	f := s.x.f
	widths := s.columnWidths()
	s.print = s.planPrint(widths)
	if err := f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &s.print.fit}); err != nil {
		return err
	}
	// The stream writes the dimension at its start, before the rows are
	// known: a placeholder, replaced when the file is written.
	if err := f.SetSheetDimension(s.name, s.dimensionPlaceholder()); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	s.sw = sw
	for i, w := range widths {
		if w > 0 {
			if err := s.sw.SetColWidth(i+1, i+1, w); err != nil {
				return err
			}
		}
	}
	if s.freeze > 0 {
		top := wbCell(s.freeze + 1)
		err := s.sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: s.freeze, TopLeftCell: top, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
		})
		if err != nil {
			return err
		}
	}
	for _, p := range s.pending {
		if err := s.sw.SetRow(wbCell(p.row), p.cells, p.opts...); err != nil {
			return err
		}
	}
	s.pending = nil
	return nil
}

// columnWidths are the columns' widths, measured or fixed, in Excel's
// unit; 0 for a column left at the default width.
func (s *wbSheet) columnWidths() []float64 {
	n := len(s.widths)
	for col := range s.fixed {
		n = max(n, col)
	}
	widths := make([]float64, n)
	for i, w := range s.widths {
		widths[i] = min(max(w+2, wbMinWidth), wbMaxWidth)
		if m, ok := s.maxWidth[i+1]; ok {
			widths[i] = min(widths[i], m)
		}
	}
	for col, w := range s.fixed {
		widths[col-1] = w
	}
	return widths
}

// finish writes what is kept, adds the filter and the print set-up (see
// printSetUp), and ends the stream.
func (s *wbSheet) finish() error {
	if err := s.start(); err != nil {
		return err
	}
	f := s.x.f
	if s.table > 0 && s.cols > 0 {
		end := s.row
		if s.tableEnd > 0 {
			end = s.tableEnd
		}
		last, _ := excelize.CoordinatesToCellName(s.cols, max(end, s.table))
		if err := f.AutoFilter(s.name, wbCell(s.table)+":"+last, nil); err != nil {
			return err
		}
	}
	for _, m := range s.merges {
		if err := s.sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	if err := s.printSetUp(); err != nil {
		return err
	}
	s.x.dims[s.dimensionPlaceholder()] = s.dimension()
	return s.sw.Flush()
}
