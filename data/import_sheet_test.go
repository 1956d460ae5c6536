package data

// data's own tests import real spreadsheets, but cannot import
// congres/data/spreadsheet: it imports data, and a test of data that
// imported it would be a cycle. import_sheet_link_test.go, a file of the
// external tests (package data_test, linked into the same test binary),
// hands the reader to them before any test runs.

// testSheet is the spreadsheet reader, for data's own tests.
var testSheet struct {
	open        func(path string) ImportSource
	autoMapping func(header []string) []ImportField
}

// SetTestSheet gives data's own tests the spreadsheet reader: open names a
// file to import, autoMapping proposes a field for each header name.
func SetTestSheet(open func(path string) ImportSource, autoMapping func(header []string) []ImportField) {
	testSheet.open, testSheet.autoMapping = open, autoMapping
}

// sheetFile is the spreadsheet at path, as an import reads it.
func sheetFile(path string) ImportSource { return testSheet.open(path) }

// autoMapping is spreadsheet.AutoMapping.
func autoMapping(header []string) []ImportField { return testSheet.autoMapping(header) }
