package ui

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// The rejected rows of the import dialog: each reason shown whole in the
// list, and saved to a file (the rows in the file's own columns, after
// their line and reason) for whoever corrects them.

// newRejectsButton is the dialog's "Save the rejected rows…", hidden
// while no row is rejected.
func (d *importDialog) newRejectsButton() *widget.Button {
	b := widget.NewButtonWithIcon(lang.L("Save the rejected rows…"), theme.DocumentSaveIcon(), d.onSaveRejectsTapped)
	b.Hide()
	return b
}

// showRejectsButton shows the button when the report rejects rows.
func (d *importDialog) showRejectsButton(r data.ImportReport) {
	if r.Rejected > 0 {
		d.rejectsBtn.Show()
	} else {
		d.rejectsBtn.Hide()
	}
}

// onSaveRejectsTapped asks where to save the rows the last check rejects,
// and writes them.
func (d *importDialog) onSaveRejectsTapped() {
	if d.report == nil || d.report.Rejected == 0 {
		return
	}
	d.saveRejects(*d.report, d.source())
}

// saveRejects asks where to save the rows rep rejects from src, and
// writes them there.
func (d *importDialog) saveRejects(rep data.ImportReport, src data.ImportSource) {
	name := strings.TrimSuffix(filepath.Base(d.path), filepath.Ext(d.path)) + " - " + lang.L("rejected rows")
	language := uiLanguage()
	write := func(ctx context.Context, w io.Writer, _ func(done, total int)) error {
		return data.WriteRejectedRows(ctx, w, src, rep, language)
	}
	saver := newExportSaver(d.env, fyne.CurrentApp().Preferences(), "")
	saver.save(lang.L("Save the rejected rows"), lang.L("Writing the rejected rows…"), name, ".csv", write, nil)
}

// issueRowHeight is the height of an issue of the list shown whole: its
// text wrapped at the list's width.
func (d *importDialog) issueRowHeight(text string) float32 {
	size := theme.TextSize()
	width := d.issueList.Size().Width - theme.IconInlineSize() - 6*theme.Padding()
	if width < 100 {
		width = 100
	}
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		w := fyne.MeasureText(para, size, fyne.TextStyle{}).Width
		lines += int(w/width) + 1
	}
	line := fyne.MeasureText("Ag", size, fyne.TextStyle{}).Height + theme.LineSpacing()
	return float32(lines)*line + 2*theme.InnerPadding()
}
