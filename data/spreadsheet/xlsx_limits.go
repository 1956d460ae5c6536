package spreadsheet

import (
	"archive/zip"
	"congres/data"
	"strings"
)

// Bounds on a workbook, checked on the zip's directory before excelize
// reads anything, so that a small file that unpacks to gigabytes (a "zip
// bomb") or a part too big to hold is refused at once. archive/zip refuses
// an entry that unpacks to more than its directory says, so the sizes
// checked are the sizes read.
const (
	// The sheets and the shared strings: excelize unpacks the big ones to
	// temporary files and streams them.
	maxXLSXSheetPart = 512 << 20
	// Every other part (styles, workbook, relationships…) is held in
	// memory.
	maxXLSXOtherPart = 32 << 20
	maxXLSXTotal     = 1 << 30
	// A part of more than xlsxRatioFrom bytes that is xlsxMaxRatio times
	// smaller packed is not a spreadsheet's: real sheets pack 5 to 30
	// times.
	xlsxRatioFrom = 1 << 20
	xlsxMaxRatio  = 200
)

// checkXLSXSizes reads the zip's directory and refuses parts out of bounds.
func checkXLSXSizes(path, name string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil // excelize says what is wrong
	}
	defer z.Close()
	var total uint64
	for _, f := range z.File {
		size := f.UncompressedSize64
		total += size
		lower := strings.ToLower(f.Name)
		limit := uint64(maxXLSXOtherPart)
		if strings.HasPrefix(lower, "xl/worksheets/") || lower == "xl/sharedstrings.xml" {
			limit = maxXLSXSheetPart
		}
		tooDense := size > xlsxRatioFrom && size/max(f.CompressedSize64, 1) > xlsxMaxRatio
		if size > limit || total > maxXLSXTotal || tooDense {
			return data.ErrImportXLSXTooBig.With(name, f.Name)
		}
	}
	for _, f := range z.File {
		lower := strings.ToLower(f.Name)
		if strings.HasPrefix(lower, "xl/worksheets/") || lower == "xl/sharedstrings.xml" {
			if err := scanXLSXPart(f, name); err != nil {
				return err
			}
		}
	}
	return nil
}

// scanXLSXPart reads a sheet or the shared strings as a stream of bytes
// and refuses a text or a tag longer than a cell may be, before excelize
// decodes a cell whole into memory. A sheet's row is counted by its <row
// tags, for the message.
func scanXLSXPart(f *zip.File, name string) error {
	r, err := f.Open()
	if err != nil {
		return nil // excelize says what is wrong
	}
	defer r.Close()
	// Escaped XML may take up to 6 bytes a character (&quot;): a cell of
	// maxCellBytes is at most that many bytes of text between tags.
	const maxRun = 6 * maxCellBytes
	buf := make([]byte, 64<<10)
	run, rows := 0, 0
	var last [4]byte // the bytes before the current one, for "<row"
	for {
		n, err := r.Read(buf)
		for _, b := range buf[:n] {
			if b == '<' || b == '>' {
				run = 0
			} else if run++; run > maxRun {
				if strings.HasPrefix(strings.ToLower(f.Name), "xl/worksheets/") {
					return data.ErrImportCellTooLong.With(rows, name)
				}
				return data.ErrImportXLSXTooBig.With(name, f.Name)
			}
			if b == 'w' && last[1] == '<' && last[2] == 'r' && last[3] == 'o' {
				rows++
			}
			last[0], last[1], last[2], last[3] = last[1], last[2], last[3], b
		}
		if err != nil {
			return nil // the end, or excelize says what is wrong
		}
	}
}
