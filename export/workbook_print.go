package export

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// How a sheet prints: on A4 landscape, its text never under 8 pt.
//
// Excel and LibreOffice shrink a sheet "fitted to one page wide" as much
// as it takes: 22 columns of participants came out at 3.4 pt. A sheet is
// fitted to the page width only when, by Excel's measure (Calibri), that
// keeps at least wbMinFit of its size: LibreOffice without Calibri's
// metric twin (Carlito) draws the same columns up to ~20 % wider, and
// still prints at ≥ 8 pt. A wider sheet prints at wbSpreadScale (9.4 pt)
// over as many pages as it needs, its header rows and its key columns
// (code and names) repeated on every page, so that each page says whose
// row it is.

const (
	wbMinFit      = 0.95
	wbSpreadScale = 85 // percent

	// The printable width of A4 landscape with 0.5" margins (11.69" −
	// 1"), in pixels at 96 dpi, Excel's unit for column widths.
	wbPageWidthPx = (11.69 - 2*wbMarginIn) * 96
	wbMarginIn    = 0.5
	// wbKeyColsShare is the largest share of the page that repeated key
	// columns may take.
	wbKeyColsShare = 0.4
)

// wbPrint is how a sheet prints.
type wbPrint struct {
	fit        bool // one page wide
	scale      int  // percent, when not fitted
	repeatCols int  // first columns repeated on every page
}

// wbColumnPx is how many pixels a column of width w takes (Excel's rule
// for Calibri 11, whose digits are 7 px wide: 7w + 5 px of padding).
func wbColumnPx(w float64) float64 {
	if w <= 0 {
		w = 8.43 // the default width
	}
	return 7*w + 5
}

// planPrint decides how a sheet of these column widths prints.
func (s *wbSheet) planPrint(widths []float64) wbPrint {
	total := 0.0
	for _, w := range widths {
		total += wbColumnPx(w)
	}
	if total == 0 || wbPageWidthPx/total >= wbMinFit {
		return wbPrint{fit: true}
	}
	p := wbPrint{scale: wbSpreadScale}
	key := 0.0
	for i := 0; i < s.keyCols && i < len(widths); i++ {
		key += wbColumnPx(widths[i])
	}
	if key*wbSpreadScale/100 <= wbKeyColsShare*wbPageWidthPx {
		p.repeatCols = min(s.keyCols, len(widths))
	}
	return p
}

// printSetUp sets how the sheet prints (see planPrint): A4 landscape,
// frozen rows (and key columns when spread) repeated, the workbook's title
// in the header and "Page 1 / 3" in the footer.
func (s *wbSheet) printSetUp() error {
	f := s.x.f
	a4, landscape := 9, "landscape"
	layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape}
	if s.print.fit {
		one, zero := 1, 0
		layout.FitToWidth, layout.FitToHeight = &one, &zero
	} else {
		scale := uint(s.print.scale)
		layout.AdjustTo = &scale
	}
	if err := f.SetPageLayout(s.name, layout); err != nil {
		return err
	}
	margin, edge := wbMarginIn, 0.3 // inches
	err := f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{
		Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge,
	})
	if err != nil {
		return err
	}
	err = f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: s.pageHeader(),
		OddFooter: "&C" + s.x.l("page") + " &P / &N",
	})
	if err != nil {
		return err
	}
	var titles []string
	if s.print.repeatCols > 0 {
		last, _ := excelize.ColumnNumberToName(s.print.repeatCols)
		titles = append(titles, sheetRef(s.name)+"!$A:$"+last)
	}
	if s.freeze > 0 {
		titles = append(titles, sheetRef(s.name)+"!$1:$"+strconv.Itoa(s.freeze))
	}
	if len(titles) == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: strings.Join(titles, ","), Scope: s.name,
	})
}

// pageHeader is the printed page's header: the workbook's title in bold,
// centred, and the sheet's own part on the left, both cut at a word with
// "…" so that they stay short (the left part at 40 characters, the title
// at 100) and apart. A literal & is written &&.
func (s *wbSheet) pageHeader() string {
	part := func(code, t string, n int) string {
		t = strings.TrimSpace(t)
		if t == "" {
			return ""
		}
		t = wbCutAtWord(t, n)
		return code + strings.ReplaceAll(t, "&", "&&")
	}
	return part("&L", s.hfLeft, 40) + part(`&C&"-,Bold"`, s.x.title, 100)
}

// wbCutAtWord cuts s to at most n UTF-16 units, at a space when there is
// one in its second half, and ends it with "…" when it cut.
func wbCutAtWord(s string, n int) string {
	if utf16Len(s) <= n {
		return s
	}
	var b strings.Builder
	used, lastSpace := 0, -1
	for _, r := range s {
		if used += utf16Len(string(r)); used > n-1 {
			if r == ' ' { // the cut falls between two words
				lastSpace = b.Len()
			}
			break
		}
		if r == ' ' {
			lastSpace = b.Len()
		}
		b.WriteRune(r)
	}
	out := b.String()
	if lastSpace > len(out)/2 {
		out = out[:lastSpace]
	}
	return strings.TrimRight(out, " ,;:–—-") + "…"
}
