package data_test

import (
	"congres/data"
	"congres/data/spreadsheet"
)

// data's own tests read spreadsheets through this (see import_sheet_test.go).
func init() {
	data.SetTestSheet(func(path string) data.ImportSource { return spreadsheet.Source{Path: path} },
		spreadsheet.AutoMapping)
}
