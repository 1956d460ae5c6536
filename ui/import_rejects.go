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

// saveRejects asks where to save the rows rep rejects from src, proposing
// "<file>-rejected.csv" beside the imported file, writes them there, then
// says where they are.
func (d *importDialog) saveRejects(rep data.ImportReport, src data.ImportSource) {
	name := lang.L("{{.Name}}-rejected", map[string]any{"Name": strings.TrimSuffix(filepath.Base(d.path), filepath.Ext(d.path))})
	language := uiLanguage()
	write := func(ctx context.Context, w io.Writer, _ func(done, total int)) error {
		return data.WriteRejectedRows(ctx, w, src, rep, language)
	}
	saver := newExportSaver(d.env, fyne.CurrentApp().Preferences(), d.store.Path())
	saver.at = filepath.Dir(d.path)
	saver.save("rejected "+filepath.Base(d.path), lang.L("Save the rejected rows"), lang.L("Writing the rejected rows…"), name, ".csv", write,
		func(path string) {
			if abs, err := filepath.Abs(path); err == nil {
				path = abs
			}
			showNotice(d.env.win, lang.L("Rejected rows saved"),
				lang.L("The rejected rows were saved in {{.Path}}.", map[string]any{"Path": path}))
		})
}
