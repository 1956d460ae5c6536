package data

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// The rejected rows of an import, written to a file for whoever corrects
// them: each row as the file gave it, in its own columns, after its line
// and the reason it was left out, so that once corrected it can be
// imported again (the two first columns are then left out). Its cells are
// written as a saved list's are (CSVText): a value that a spreadsheet
// would evaluate (=HYPERLINK(…), +1+2, @A) or turn into a number or a
// date (a ticket 00123) gets a leading apostrophe, which the import reads
// away again.

// WriteRejectedRows writes the rows rep rejected, read again from src, as
// CSV in UTF-8 with a BOM (so that spreadsheets read the accents): a
// header ("Line", "Reason", in lang, "fr" or "en", then the file's header
// cells as it writes them), then one row per rejected row in line order. The delimiter is the
// source's when it is a CSV, a semicolon otherwise.
func WriteRejectedRows(ctx context.Context, w io.Writer, src ImportSource, rep ImportReport, lang string) error {
	reasons := map[int]string{}
	for _, is := range rep.Issues {
		if is.Warning {
			continue
		}
		msg := Message(is.Err, lang)
		if is.Column != "" {
			sep := ": "
			if lang == "fr" {
				sep = " : " // French puts a space before a colon
			}
			msg = is.Column + sep + msg
		}
		if r, ok := reasons[is.Line]; ok {
			msg = r + "\n" + msg
		}
		reasons[is.Line] = msg
	}
	f, err := src.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	layout := f.Layout()
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	out := csv.NewWriter(w)
	out.UseCRLF = true
	out.Comma = ';'
	if layout.Format == "csv" && layout.Delimiter != 0 {
		out.Comma = layout.Delimiter
	}
	line, reason := "Line", "Reason"
	if lang == "fr" {
		line, reason = "Ligne", "Motif"
	}
	header := layout.HeaderCells // the file's own cells, a trailing space kept
	if len(header) != len(layout.Header) {
		header = layout.Header
	}
	cells := make([]string, 0, len(header)+2)
	cells = append(cells, line, reason)
	for _, h := range header {
		cells = append(cells, CSVText(h))
	}
	if err := out.Write(cells); err != nil {
		return err
	}
	for len(reasons) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		row, err := f.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		msg, ok := reasons[row.Line]
		if !ok {
			continue
		}
		delete(reasons, row.Line)
		cells = append(cells[:0], strconv.Itoa(row.Line), CSVText(msg))
		for _, c := range row.Cells {
			cells = append(cells, CSVText(strings.TrimRight(c, "\r")))
		}
		if err := out.Write(cells); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}
