package ui

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/export"
)

// attendanceExport is the Attendance tab of the exports screen: the
// workbook that proves who came, for funders and training bodies, and
// tells the caterer how many meals of each kind.
type attendanceExport struct {
	env   *env
	store export.AttendanceStore
	saver *exportSaver
	*exportPage
}

func newAttendanceExport(e *env, st export.AttendanceStore, saver *exportSaver) *attendanceExport {
	return &attendanceExport{env: e, store: st, saver: saver}
}

func (a *attendanceExport) build() fyne.CanvasObject {
	about := widget.NewLabel(lang.L("One workbook (XLSX) for Excel or LibreOffice, with these sheets:"))
	about.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{sectionTitle(lang.L("Attendance workbook")), keepLastWords(about)}
	for _, it := range []string{
		lang.L("Summary: by category registered, confirmed, checked in and no-shows; by day; by session enrolled, attended and fill rate"),
		lang.L("Participants: every field, and the arrival time on each day of the congress"),
		lang.L("One sheet per session: enrolled and walk-in participants, attended or not, and an empty Signature column"),
		lang.L("Stands: zone, exhibitor, contact, staff and needs"),
		lang.L("Catering: for each day, the people expected and checked in, by dietary requirement"),
		lang.L("Payments (when fees were paid at the desk): person, amount, method, desk and time, undone ones marked, with the totals by method"),
	} {
		l := widget.NewLabel("• " + it)
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, keepLastWords(l))
	}
	a.exportPage = newExportPage(a.env.tasks, lang.L("Save the workbook…"), a.onSaveTapped, objs...)
	return a.scroll
}

// loadAsync has nothing to read: the workbook is read as it is written.
func (a *attendanceExport) loadAsync() {}

// onSaveTapped asks where to save the workbook, then saves it.
func (a *attendanceExport) onSaveTapped() {
	opts := export.WorkbookOptions{Version: appVersion()}
	a.saver.save("attendance", lang.L("Save the attendance workbook"), lang.L("Saving the workbook…"), lang.L("file.attendance"), ".xlsx",
		func(ctx context.Context, w io.Writer, progress func(done, total int)) error {
			in, err := export.LoadAttendance(ctx, a.store)
			if err != nil {
				return err
			}
			opts.Lang, opts.Progress = in.Congress.OutputLanguage(), progress
			return export.WriteAttendance(ctx, w, in, opts)
		}, a.status.saved)
}
