package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/spreadsheet"
	"congres/ui/widgets"
)

// importStore is what the import dialog reads and writes.
type importStore interface {
	PreviewImport(ctx context.Context, src data.ImportSource) (data.ImportPreview, error)
	Import(ctx context.Context, src data.ImportSource, opts data.ImportOptions) (data.ImportReport, error)
	Categories(ctx context.Context) ([]data.Category, error)
	Congress(ctx context.Context) (data.Congress, error)
	Path() string // the congress file, which no file saved may replace
}

// importExtensions are the files the chooser offers.
var importExtensions = []string{".csv", ".tsv", ".txt", ".xlsx"}

// chooseImportFile asks for a spreadsheet to import, starting in folder,
// and calls open with its path.
func chooseImportFile(win fyne.Window, folder string, open func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(win, err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		open(path)
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter(importExtensions))
	if folder != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
			d.SetLocation(l)
		}
	}
	showFileDialog(d, win, lang.L("Open a file"))
}

// importDialog previews a file, lets the user choose how its columns and
// categories are read, shows what a dry run of the import would do, and
// imports it. Its fields are touched on the UI thread only.
type importDialog struct {
	env    *env
	store  importStore
	path   string
	onDone func() // after an import, on the UI thread

	preview    data.ImportPreview
	categories []data.Category
	days       []data.Day     // the congress's
	defaults   importDefaults // for new rows that do not say
	dates      importDates    // how ambiguous dates are written
	onMatch    data.OnMatch
	createCats bool
	catMap     map[string]int64  // folded category text → category id
	catTexts   map[string]string // folded category text → the text as found
	report     *data.ImportReport
	checking   bool // a dry run is under way
	latest     atomic.Uint64

	dlg        *dialog.CustomDialog
	detected   *widget.Label
	sheets     *widget.Select
	sheetRow   *fyne.Container  // the sheets, shown for a workbook of several
	fields     []*widget.Select // one per column of the file
	columns    *fyne.Container
	unknown    *fyne.Container
	unknownBox *fyne.Container // the "Unknown categories" part, hidden when none
	catSelects []*widget.Select
	summary    *reportLabel // a count never ends a line alone
	issues     []data.ImportIssue
	issueList  *widgets.List
	// issueArea holds the list, at least a few lines tall; issueScroll
	// scrolls the options and it as a whole when they do not fit.
	issueArea   *fyne.Container
	issueScroll *container.Scroll
	// issueHeights are the heights given to the issues' rows, each shown
	// whole.
	issueHeights map[widget.ListItemID]float32
	importBtn    *widget.Button
	rejectsBtn   *widget.Button // "Save the rejected rows…"
}

func newImportDialog(e *env, st importStore, path string, onDone func()) *importDialog {
	return &importDialog{env: e, store: st, path: path, onDone: onDone,
		catMap: map[string]int64{}, catTexts: map[string]string{}}
}

// openAsync previews the file and, when it can be read, shows the dialog
// and starts a dry run; otherwise it only says why.
func (d *importDialog) openAsync() {
	work, cancel := context.WithCancel(d.env.ctx)
	progress := showProgress(d.env.win, lang.L("Reading {{.Name}}…", map[string]any{"Name": filepath.Base(d.path)}), cancel)
	d.env.tasks.runAsync(d.env.ctx, func(context.Context) func() {
		pv, err := d.store.PreviewImport(work, spreadsheet.Source{Path: d.path})
		var cats []data.Category
		var c data.Congress
		if err == nil {
			cats, err = d.store.Categories(work)
		}
		if err == nil {
			c, err = d.store.Congress(work)
		}
		return func() {
			progress.Hide()
			if err != nil {
				showError(d.env.win, err)
				return
			}
			d.categories, d.days = cats, c.Days
			d.show(pv)
		}
	})
}

// show builds and shows the dialog for a first preview.
func (d *importDialog) show(pv data.ImportPreview) {
	d.detected = widget.NewLabel("")
	d.detected.Wrapping = fyne.TextWrapWord
	d.sheets = widget.NewSelect(nil, d.onSheetChanged)
	d.columns = container.NewVBox()
	match := widget.NewSelect([]string{lang.L("Fill their empty fields"), lang.L("Overwrite with the file's values"),
		lang.L("Leave them as they are"), lang.L("Create a new record anyway")}, nil)
	match.SetSelectedIndex(int(d.onMatch))
	match.OnChanged = func(string) { d.onMatchChanged(match.SelectedIndex()) }
	create := widget.NewCheck(lang.L("Create them"), d.onCreateChanged)
	d.unknown = container.NewVBox()
	d.unknownBox = container.NewVBox(widget.NewLabelWithStyle(lang.L("Unknown categories"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true}), create, d.unknown)
	d.unknownBox.Hide()
	d.summary = newReportLabel(fyne.TextStyle{Bold: true})

	d.sheetRow = container.NewBorder(nil, nil, widget.NewLabel(lang.L("Sheet")), nil, d.sheets)
	// What the columns do not say (defaults, the order of dates) goes
	// under them, so that the issues keep their room on the right.
	left := container.NewBorder(widget.NewLabelWithStyle(lang.L("Columns of the file"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true}), container.NewVBox(d.defaults.build(d.categories, d.days, d.dryRunAsync),
		d.dates.build(d.dryRunAsync)), nil, nil, container.NewVScroll(d.columns))
	options := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("When someone is already registered"), fyne.TextAlignLeading,
			fyne.TextStyle{Bold: true}), match, d.unknownBox, widget.NewSeparator(), d.summary)
	right := d.buildIssues(options)
	split := container.NewHSplit(left, right)
	split.Offset = 0.5
	content := container.NewBorder(container.NewVBox(d.detected, d.sheetRow), nil, nil, nil, split)

	d.importBtn = widget.NewButtonWithIcon(lang.L("Import"), theme.DownloadIcon(), d.onImportTapped)
	d.importBtn.Importance = widget.HighImportance
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("Import registrations"), content, d.env.win)
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Close"), d.dlg.Hide), d.importBtn})
	// As large as the window allows (1366×768, 1180×700 and smaller), so
	// that the reasons have room.
	room := d.env.win.Canvas().Size().SubtractWidthHeight(2*theme.Padding(), 2*theme.Padding())
	d.dlg.Resize(fyne.NewSize(min(1100, room.Width), min(760, room.Height)))
	d.showPreview(pv)
	d.dlg.Show()
	declareCancel(d.env.win.Canvas(), d.dlg.Hide) // Esc, as Close
}

// showPreview shows what was detected and the columns, then checks the
// file with a dry run.
func (d *importDialog) showPreview(pv data.ImportPreview) {
	d.preview = pv
	d.detected.SetText(detectedText(pv))
	if len(pv.Sheets) > 1 {
		d.sheets.OnChanged = nil
		d.sheets.SetOptions(pv.Sheets)
		d.sheets.SetSelected(pv.Sheet)
		d.sheets.OnChanged = d.onSheetChanged
		d.sheetRow.Show()
	} else {
		d.sheetRow.Hide()
	}
	options := []string{data.FieldIgnore.Label(uiLanguage())}
	for _, f := range data.ImportFields() {
		options = append(options, f.Label(uiLanguage()))
	}
	d.fields = make([]*widget.Select, len(pv.Header))
	rows := make([]fyne.CanvasObject, len(pv.Header))
	for i, h := range pv.Header {
		sel := widget.NewSelect(options, nil)
		if i < len(pv.Mapping) {
			sel.SetSelectedIndex(fieldIndex(pv.Mapping[i]))
		} else {
			sel.SetSelectedIndex(0)
		}
		sel.OnChanged = func(string) { d.dryRunAsync() }
		d.fields[i] = sel
		name := widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		sample := widget.NewLabelWithStyle(sampleText(pv.Sample, i), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		sample.Truncation = fyne.TextTruncateEllipsis
		sample.Importance = widget.LowImportance
		rows[i] = container.NewGridWithColumns(2, container.NewVBox(name, sample), sel)
	}
	d.columns.Objects = rows
	d.columns.Refresh()
	d.dryRunAsync()
}

// fieldIndex is the place of f among the choices of a column.
func fieldIndex(f data.ImportField) int {
	for i, g := range data.ImportFields() {
		if g == f {
			return i + 1
		}
	}
	return 0
}

// detectedText says how the file was read.
func detectedText(pv data.ImportPreview) string {
	var s string
	if pv.Format == "xlsx" {
		s = lang.L("Excel workbook, sheet “{{.Sheet}}”, header on row {{.Line}}.",
			map[string]any{"Sheet": pv.Sheet, "Line": pv.HeaderLine})
	} else {
		var delim string
		switch pv.Delimiter {
		case ';':
			delim = lang.L("semicolons")
		case '\t':
			delim = lang.L("tabs")
		default:
			delim = lang.L("commas")
		}
		s = lang.L("Text file ({{.Encoding}}), values separated by {{.Delimiter}}, header on line {{.Line}}.",
			map[string]any{"Encoding": pv.Encoding, "Delimiter": delim, "Line": pv.HeaderLine})
	}
	if pv.Remembered {
		s += " " + lang.L("Mapping remembered from a previous import.")
	}
	return s
}

// sampleText is the first values of column col, at most three.
func sampleText(rows []data.ImportRow, col int) string {
	var vals []string
	for _, r := range rows {
		if col < len(r.Cells) && strings.TrimSpace(r.Cells[col]) != "" {
			vals = append(vals, strings.TrimSpace(r.Cells[col]))
			if len(vals) == 3 {
				break
			}
		}
	}
	return strings.Join(vals, " · ")
}

// onSheetChanged previews the sheet chosen.
func (d *importDialog) onSheetChanged(sheet string) {
	if sheet == "" || sheet == d.preview.Sheet {
		return
	}
	n := d.latest.Add(1)
	d.checking = true
	d.showChecking()
	d.env.tasks.runAsync(d.env.ctx, func(ctx context.Context) func() {
		pv, err := d.store.PreviewImport(ctx, spreadsheet.Source{Path: d.path, Sheet: sheet})
		return func() {
			switch {
			case n != d.latest.Load():
				return // a newer choice was made
			case err != nil:
				d.checking = false
				d.summary.SetText(data.Message(err, uiLanguage()))
			default:
				d.showPreview(pv)
			}
		}
	})
}

func (d *importDialog) onMatchChanged(i int) {
	if i >= 0 {
		d.onMatch = data.OnMatch(i)
		d.dryRunAsync()
	}
}

func (d *importDialog) onCreateChanged(on bool) {
	d.createCats = on
	for _, sel := range d.catSelects {
		first := sel.SelectedIndex() == 0
		sel.Options[0] = d.unmappedChoice()
		if first {
			sel.SetSelectedIndex(0)
		}
		sel.Refresh()
	}
	d.dryRunAsync()
}

// unmappedChoice is the first choice of an unknown category: what happens
// to it when it is mapped to no category.
func (d *importDialog) unmappedChoice() string {
	if d.createCats {
		return lang.L("Create it")
	}
	return lang.L("Leave its rows out")
}

// options are the choices made in the dialog.
func (d *importDialog) options() data.ImportOptions {
	opts := data.ImportOptions{OnMatch: d.onMatch, CreateCategories: d.createCats,
		CategoryMap: make(map[string]int64, len(d.catMap)), CheckText: importGlyphCheck}
	fields := data.ImportFields()
	for _, sel := range d.fields {
		f := data.FieldIgnore
		if i := sel.SelectedIndex(); i > 0 {
			f = fields[i-1]
		}
		opts.Mapping = append(opts.Mapping, f)
	}
	for k, id := range d.catMap {
		opts.CategoryMap[k] = id
	}
	d.defaults.apply(&opts)
	d.dates.apply(&opts)
	return opts
}

func (d *importDialog) source() data.ImportSource {
	return spreadsheet.Source{Path: d.path, Sheet: d.preview.Sheet}
}

// dryRunAsync checks the file with the choices made; the latest check
// alone is shown.
func (d *importDialog) dryRunAsync() {
	src, opts := d.source(), d.options()
	opts.DryRun = true
	d.defaults.showFor(opts.Mapping)
	n := d.latest.Add(1)
	d.checking = true
	d.showChecking()
	d.env.tasks.runAsync(d.env.ctx, func(ctx context.Context) func() {
		r, err := d.store.Import(ctx, src, opts)
		return func() {
			if n != d.latest.Load() {
				return // a newer check was started
			}
			if err != nil {
				d.checking = false
				d.summary.SetText(data.Message(err, uiLanguage()))
				return
			}
			d.showReport(r)
		}
	})
}

func (d *importDialog) showChecking() {
	d.summary.SetText(lang.L("Checking the file…"))
	d.importBtn.Disable()
}

// showReport shows what the import would do.
func (d *importDialog) showReport(r data.ImportReport) {
	d.checking = false
	d.report = &r
	summary := reportText(r) + d.defaults.remarkText(r)
	if !d.dates.answered(r) {
		summary += " " + lang.L("Say how the dates are written to import the file.")
	}
	d.summary.SetText(summary)
	d.defaults.showReport(r)
	d.showIssues(r.Issues)
	d.showRejectsButton(r)
	d.dates.show(r)
	d.showUnknown(r.UnknownCategories)
	if r.New+r.Updated > 0 && d.dates.answered(r) {
		d.importBtn.Enable()
	} else {
		d.importBtn.Disable()
	}
}

// showUnknown lists the categories the file names that are not known: those
// of the last dry run, and those already mapped to a category.
func (d *importDialog) showUnknown(texts []string) {
	for _, t := range texts {
		d.catTexts[data.Fold(t)] = t
	}
	var keys []string
	for _, t := range texts {
		keys = append(keys, data.Fold(t))
	}
	for k := range d.catMap {
		if !containsString(keys, k) {
			keys = append(keys, k)
		}
	}
	names := []string{d.unmappedChoice()}
	for _, c := range d.categories {
		names = append(names, c.Name)
	}
	d.catSelects = d.catSelects[:0]
	var rows []fyne.CanvasObject
	for _, k := range keys {
		sel := widget.NewSelect(append([]string(nil), names...), nil)
		sel.SetSelectedIndex(0)
		for i, c := range d.categories {
			if id, ok := d.catMap[k]; ok && id == c.ID {
				sel.SetSelectedIndex(i + 1)
			}
		}
		sel.OnChanged = func(string) { d.onCategoryChosen(k, sel.SelectedIndex()) }
		d.catSelects = append(d.catSelects, sel)
		label := widget.NewLabel(d.catTexts[k])
		label.Truncation = fyne.TextTruncateEllipsis
		rows = append(rows, container.NewGridWithColumns(2, label, sel))
	}
	d.unknown.Objects = rows
	d.unknown.Refresh()
	if len(rows) > 0 {
		d.unknownBox.Show()
	} else if !d.createCats {
		d.unknownBox.Hide()
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// onCategoryChosen maps an unknown category to the category chosen (i-1),
// or to none (0).
func (d *importDialog) onCategoryChosen(key string, i int) {
	if i > 0 && i <= len(d.categories) {
		d.catMap[key] = d.categories[i-1].ID
	} else {
		delete(d.catMap, key)
	}
	d.dryRunAsync()
}

// onImportTapped imports, after asking whether to leave out the rows that
// cannot be imported.
func (d *importDialog) onImportTapped() {
	if d.checking || d.report == nil || !d.dates.answered(*d.report) {
		return
	}
	if n := d.report.Rejected; n > 0 {
		// Enter imports, Esc goes back to the preview (dialog_keys.go).
		showConfirm(d.env.win, lang.L("Leave rows out?"),
			lang.N("{{.Count}} rows will be left out (listed in the preview). Import the others?", n, countArgs(n)),
			lang.L("Import"), d.importAsync)
		return
	}
	d.importAsync()
}

// importAsync imports the file with the choices made, behind a progress
// bar that can cancel it (nothing is written then).
func (d *importDialog) importAsync() {
	src, opts := d.source(), d.options()
	work, cancel := context.WithCancel(d.env.ctx)
	// The bar is updated through the tasks' queue, as every other update,
	// rather than with showProgressBar's fyne.Do: the same on screen, and
	// tests run it on their own goroutine.
	bar := widget.NewProgressBar()
	progress := progressDialog(d.env.win, lang.L("Importing…"), cancel, bar)
	opts.Progress = func(done, total int64) {
		if total > 0 {
			d.env.tasks.onUI(func() { bar.SetValue(float64(done) / float64(total)) })
		}
	}
	d.env.tasks.runAsync(d.env.ctx, func(context.Context) func() {
		r, err := d.store.Import(work, src, opts)
		return func() {
			progress.Hide()
			switch {
			case errors.Is(err, context.Canceled):
				showNotice(d.env.win, lang.L("Import cancelled"), lang.L("Import cancelled: nothing was changed."))
			case err != nil:
				showError(d.env.win, err)
			default:
				d.dlg.Hide()
				d.showDone(r)
				if d.onDone != nil {
					d.onDone()
				}
			}
		}
	})
}

// showDone says what the import did, with its warnings and rejected rows,
// each whole. Enter and Esc close it; the keys lie over the text only, not
// over "Save the rejected rows…" (they would take its clicks).
func (d *importDialog) showDone(r data.ImportReport) {
	const width = 640
	text := newReportLabel(fyne.TextStyle{})
	text.SetText(reportText(r) + d.defaults.remarkText(r))
	body := container.NewVBox(text)
	if issues := doneIssues(r.Issues, width, d.env.win.Canvas().Size().Height/3); issues != nil {
		body.Add(issues)
	}
	var dlg dialog.Dialog
	keys := newDialogKeys(d.env.win, func() { dlg.Hide() }, func() { dlg.Hide() })
	content := container.NewVBox(keys.over(body))
	if r.Rejected > 0 {
		src := d.source()
		content.Add(widget.NewButtonWithIcon(lang.L("Save the rejected rows…"), theme.DocumentSaveIcon(),
			func() { d.saveRejects(r, src) }))
	}
	dlg = dialog.NewCustom(lang.L("Import finished"), lang.L("Close"), content, d.env.win)
	dlg.Resize(fyne.NewSize(width, 0))
	dlg.Show()
	keys.take()
}
