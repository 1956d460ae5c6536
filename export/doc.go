// Package export turns a congress into things to print and hand out: badges,
// sign-in sheets and certificates as PDF, workbooks and CSV files.
//
// It depends on data and on the standard library and PDF/XLSX libraries, never
// on Fyne: the window and the command line call it alike. Lengths on paper are
// in millimetres, measured from the top-left corner of the page, y downwards
// (gofpdf's default with the unit "mm").
package export
