package export

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A sheet's <dimension ref="A1:V31"/> tells readers which cells it holds;
// readers that stream a sheet (openpyxl in read-only mode, csvkit, Qt's
// QXlsx) trust it and, with excelize's StreamWriter's "A1", saw one cell
// per sheet. The StreamWriter writes the dimension first, before any row:
// each sheet starts with a placeholder naming it (A1:XFD<sheet's index>),
// and the zip writer puts the sheet's true range in its place as the sheet
// goes into the file.

// dimensionPlaceholder is the dimension the sheet's stream starts with.
func (s *wbSheet) dimensionPlaceholder() string {
	return "A1:XFD" + strconv.Itoa(s.index)
}

// dimension is the range the sheet's cells span: "A1" when it has none.
func (s *wbSheet) dimension() string {
	if s.row == 0 || s.lastCol == 0 {
		return "A1"
	}
	last, _ := excelize.CoordinatesToCellName(s.lastCol, s.row)
	return "A1:" + last
}

// wbZip is the workbook's zip writer, which fixes the sheets' dimensions.
type wbZip struct {
	excelize.ZipWriter
	dims map[string]string // placeholder: true range
	open *wbDimensionWriter
}

func (z *wbZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	w, err := z.ZipWriter.Create(name)
	if err != nil || !strings.HasPrefix(name, "xl/worksheets/sheet") {
		return w, err
	}
	z.open = &wbDimensionWriter{w: w, dims: z.dims}
	return z.open, nil
}

func (z *wbZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.ZipWriter.Close()
}

// flush writes out what the last sheet's writer still holds.
func (z *wbZip) flush() error {
	d := z.open
	z.open = nil
	if d == nil || d.done {
		return nil
	}
	d.done = true
	_, err := d.w.Write(d.head)
	return err
}

// wbDimensionWriter passes a sheet's XML through, its placeholder
// dimension replaced. It holds back the sheet's first bytes until it has
// seen the dimension element (it comes within the first few hundred
// bytes), or wbDimensionWindow bytes without one.
type wbDimensionWriter struct {
	w    io.Writer
	dims map[string]string
	head []byte
	done bool
}

const wbDimensionWindow = 8 << 10

var wbDimensionOpen = []byte(`<dimension ref="`)

func (d *wbDimensionWriter) Write(p []byte) (int, error) {
	if d.done {
		return d.w.Write(p)
	}
	d.head = append(d.head, p...)
	i := bytes.Index(d.head, wbDimensionOpen)
	if i < 0 && len(d.head) < wbDimensionWindow {
		return len(p), nil
	}
	if i >= 0 {
		start := i + len(wbDimensionOpen)
		end := bytes.IndexByte(d.head[start:], '"')
		if end < 0 && len(d.head) < wbDimensionWindow {
			return len(p), nil
		}
		if end >= 0 {
			if ref, ok := d.dims[string(d.head[start:start+end])]; ok {
				d.head = append(d.head[:start], append([]byte(ref), d.head[start+end:]...)...)
			}
		}
	}
	d.done = true
	if _, err := d.w.Write(d.head); err != nil {
		return 0, err
	}
	d.head = nil
	return len(p), nil
}
