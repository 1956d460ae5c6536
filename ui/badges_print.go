package ui

import (
	"context"
	"io"
	"net/url"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
)

// The preferences of badge printing, on this laptop.
const (
	prefPrinter        = "printer"        // the printer's name; "" for the system's default
	prefBadgeLayout    = "badgeLayout"    // the layout of batches of badges
	prefBadgeLayoutOne = "badgeLayoutOne" // the layout of one badge at a time
	defaultBadgeLayout = "a4-85x54"
)

// badgeLayout is the layout a preference names, or the default one.
func badgeLayout(prefs fyne.Preferences, key string) export.Layout {
	if l, err := export.LayoutByName(prefs.String(key)); err == nil {
		return l
	}
	l, _ := export.LayoutByName(defaultBadgeLayout)
	return l
}

// layoutLabel is a badge layout as people read it: a preset's label in the
// interface's language, or else the name recorded.
func layoutLabel(name string) string {
	if l, err := export.LayoutByName(name); err == nil {
		return l.Label(uiLanguage())
	}
	return name
}

// badgePrinter prints badges and saves them as PDF, for the exports screen,
// the participant's panel and the welcome desk alike: it asks before
// printing again those who already have a badge, writes behind a progress
// dialog, and records the prints.
type badgePrinter struct {
	env   *env
	store badgePrintStore
	prefs fyne.Preferences
}

// badgePrintStore is what printing badges reads and writes.
type badgePrintStore interface {
	export.BadgeStore
	BadgeSettings(ctx context.Context, layout string) (data.BadgeSettings, error)
	RecordBadgePrints(ctx context.Context, layout string, participantIDs ...int64) error
	Path() string // the congress file, which no PDF may replace
}

func newBadgePrinter(e *env, st badgePrintStore, prefs fyne.Preferences) *badgePrinter {
	return &badgePrinter{env: e, store: st, prefs: prefs}
}

// badgeJob is a batch of badges to print or save.
type badgeJob struct {
	sel    export.BadgeSelection
	layout export.Layout
	start  int    // the first sheet's first free label, from 1; 0 means 1
	dest   string // the PDF file to write; "" to print
	// rehearsal: a desk's rehearsal prints the badges but never records
	// them as printed (write), so that a badge printed while rehearsing
	// still counts as none and its first real print asks nothing.
	rehearsal bool
	// done is told, on the UI thread, what was done once the badges were
	// written and their prints recorded.
	done func(badgeResult)
	// glyphs are the warnings of names that print a character as "�".
	glyphs *glyphNotice
}

// badgeResult says what a job did.
type badgeResult struct {
	count   int    // badges written
	message string // for the person, in their language
	path    string // the PDF saved; "" when printed
	// noViewer: printing without lp, no PDF viewer answered; message says
	// where the badges were saved (a warning, not a success), and they are
	// not recorded as printed.
	noViewer bool
	// recorded: the badges are recorded as printed (recordPrints).
	recorded bool
}

// importance is how a screen shows the result: a success, or a warning
// when no PDF viewer answered (the badges are only saved).
func (r badgeResult) importance() widget.Importance {
	if r.noViewer {
		return widget.WarningImportance
	}
	return widget.SuccessImportance
}

// printOneAsync prints the badge of one person, in the layout for one
// badge at a time.
func (b *badgePrinter) printOneAsync(id int64, done func(badgeResult)) {
	b.startAsync(badgeJob{sel: export.BadgeSelection{IDs: []int64{id}},
		layout: badgeLayout(b.prefs, prefBadgeLayoutOne), done: done})
}

// rehearseOneAsync prints the badge of one person as printOneAsync does,
// for a desk's rehearsal: the print is not recorded.
func (b *badgePrinter) rehearseOneAsync(id int64, done func(badgeResult)) {
	b.startAsync(badgeJob{sel: export.BadgeSelection{IDs: []int64{id}},
		layout: badgeLayout(b.prefs, prefBadgeLayoutOne), rehearsal: true, done: done})
}

// startAsync finds who the job selects, asks before printing again those
// who have a badge, then writes the badges.
func (b *badgePrinter) startAsync(j badgeJob) {
	b.env.tasks.runAsync(b.env.ctx, func(ctx context.Context) func() {
		c, err := export.CheckBadges(ctx, b.store, j.sel)
		return func() {
			switch {
			case err != nil:
				showError(b.env.win, err)
			case !c.Reprint():
				b.writeAsync(j, c.IDs, false)
			default:
				b.askReprint(j, c)
			}
		}
	})
}

// askReprint asks what to do with those who already have a badge: print
// theirs again, print only the others, or nothing.
func (b *badgePrinter) askReprint(j badgeJob, c export.BadgeCheck) {
	var d *dialog.CustomDialog
	var text string
	var buttons []fyne.CanvasObject
	var main func() // what Enter does: the button in blue
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	if len(c.IDs) == 1 {
		text = lang.L("{{.Name}} already has a badge (printed on {{.Date}}). Print another?",
			map[string]any{"Name": c.Name, "Date": dateTime(c.LastPrint)})
		again := widget.NewButton(lang.L("Print another"), func() {
			d.Hide()
			b.writeAsync(j, c.IDs, false)
		})
		again.Importance = widget.HighImportance
		buttons, main = []fyne.CanvasObject{cancel, again}, again.OnTapped
	} else {
		text = lang.N("{{.Count}} of the {{.Total}} people chosen already have a badge. Print theirs again?", c.Printed,
			map[string]any{"Count": formatCount(c.Printed), "Total": formatCount(len(c.IDs))})
		again := widget.NewButton(lang.L("Print theirs again"), func() {
			d.Hide()
			b.writeAsync(j, c.IDs, false)
		})
		others := widget.NewButton(lang.L("Only the others"), func() {
			d.Hide()
			b.writeAsync(j, c.IDs, true)
		})
		others.Importance = widget.HighImportance
		buttons, main = []fyne.CanvasObject{cancel, again}, again.OnTapped
		if c.Printed < len(c.IDs) {
			buttons, main = append(buttons, others), others.OnTapped
		} else {
			again.Importance = widget.HighImportance
		}
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	keys := newDialogKeys(b.env.win, main, func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Already printed"), keys.over(msg), b.env.win)
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	keys.take()
}

// writeAsync writes the badges of ids (less those who have one, with
// skipPrinted) behind a progress dialog whose Cancel stops the writing,
// sends them to the printer or the file, and records the prints.
func (b *badgePrinter) writeAsync(j badgeJob, ids []int64, skipPrinted bool) {
	message := lang.L("Preparing the badges for the printer…")
	if j.dest != "" {
		message = lang.L("Saving the badges…")
	}
	work, cancel := context.WithCancel(b.env.ctx)
	progress, report := showProgressBar(b.env.win, b.env.tasks, message, cancel)
	opts := export.BadgeOptions{Layout: j.layout, Lang: uiLanguage(), Start: j.start, Progress: report}
	printer := b.prefs.String(prefPrinter)
	j.glyphs = &glyphNotice{}
	b.env.tasks.runAsync(b.env.ctx, func(ctx context.Context) func() {
		defer cancel()
		written, viewer, err := b.write(work, ctx, j, ids, skipPrinted, opts, printer)
		n := len(written)
		return func() {
			progress.Hide()
			if err != nil { // a cancelled job wrote nothing, and says nothing
				showError(b.env.win, err)
				return
			}
			j.glyphs.show(b.env.win)
			res := badgeResult{count: n, path: j.dest, recorded: !j.rehearsal && viewer == nil}
			switch {
			case j.dest != "":
				res.message = lang.N("{{.Count}} badges saved in {{.Path}}.", n, map[string]any{"Count": formatCount(n), "Path": j.dest})
			case viewer != nil:
				b.openViewerAsync(j, res, viewer, written) // says what came of it
				return
			default:
				res.message = lang.N("{{.Count}} badges sent to {{.Printer}}.", n, map[string]any{"Count": formatCount(n), "Printer": printerName(printer)})
			}
			if j.done != nil {
				j.done(res)
			}
		}
	})
}

// openViewerAsync opens the badges saved at viewer in the system's PDF
// viewer, off the UI thread and with the window free meanwhile, then tells
// j.done whether they opened or where they are when no viewer answered.
// The badges of ids are recorded as printed only when a viewer answered.
func (b *badgePrinter) openViewerAsync(j badgeJob, res badgeResult, viewer *url.URL, ids []int64) {
	openAsync(b.env.ctx, b.env.tasks, viewer, func(err error) {
		if err != nil {
			res.message, res.noViewer = noViewerMessage(res.count, viewer), true
			showNotice(b.env.win, lang.L("Badges"), res.message) // Enter or Esc closes it
			if j.done != nil {
				j.done(res)
			}
			return
		}
		res.message = lang.N("{{.Count}} badges opened in the PDF viewer: print them from there.", res.count,
			map[string]any{"Count": formatCount(res.count)})
		b.env.tasks.runAsync(b.env.ctx, func(ctx context.Context) func() {
			recorded, err := b.recordPrints(ctx, j, ids, true)
			return func() {
				if err != nil {
					showError(b.env.win, err)
					return
				}
				res.recorded = recorded
				if j.done != nil {
					j.done(res)
				}
			}
		})
	})
}

// recordPrints records the badges of ids as printed, and says whether it
// did: only those that reached someone (sent to a printer, saved where the
// person asked, or opened in a viewer that answered), never at a
// rehearsal. A PDF saved for a viewer that did not answer printed nothing:
// its badges stay "not printed". Any goroutine.
func (b *badgePrinter) recordPrints(ctx context.Context, j badgeJob, ids []int64, reached bool) (bool, error) {
	if j.rehearsal || !reached || len(ids) == 0 {
		return false, nil
	}
	if err := b.store.RecordBadgePrints(ctx, j.layout.Name, ids...); err != nil {
		return false, err
	}
	return true, nil
}

// write does the work of writeAsync and returns the people whose badges
// it wrote: work stops the writing, ctx is the file's (the prints of
// badges sent are recorded even if Cancel comes late). Badges written for
// a viewer are recorded only once it answers (openViewerAsync). Any
// goroutine.
func (b *badgePrinter) write(work, ctx context.Context, j badgeJob, ids []int64, skipPrinted bool,
	opts export.BadgeOptions, printer string) (written []int64, viewer *url.URL, err error) {
	in, err := export.LoadBadges(work, b.store, ids)
	if err != nil {
		return nil, nil, err
	}
	if skipPrinted {
		in.Badges = slices.DeleteFunc(in.Badges, func(r data.BadgeRow) bool { return r.Printed > 0 })
	}
	if len(in.Badges) == 0 {
		return nil, nil, export.ErrNoBadges
	}
	j.glyphs.set(in.GlyphWarnings())
	opts.Lang = in.Congress.OutputLanguage() // the congress's, not the window's
	if opts.Settings, err = b.store.BadgeSettings(work, j.layout.Name); err != nil {
		return nil, nil, err
	}
	write := func(w io.Writer) error { return export.WriteBadges(work, w, in, opts) }
	if j.dest != "" {
		err = export.WriteFile(j.dest, write, b.store.Path())
	} else {
		viewer, err = printPDF(work, printJob{printer: printer, congress: b.store.Path(), write: write,
			duplex: opts.PrintLayout().Duplex, short: opts.Settings.ShortEdge})
	}
	if err != nil {
		return nil, nil, err
	}
	written = make([]int64, len(in.Badges))
	for i, r := range in.Badges {
		written[i] = r.ID
	}
	if _, err := b.recordPrints(ctx, j, written, viewer == nil); err != nil {
		return nil, nil, err
	}
	return written, viewer, nil
}

// noViewerMessage says that no PDF viewer answered for the n badges saved
// at viewer, and where to find them, and that they are not counted as
// printed.
func noViewerMessage(n int, viewer *url.URL) string {
	return lang.N("No PDF viewer answered: the {{.Count}} badges were saved as {{.Path}}; open that file by hand to print them.",
		n, map[string]any{"Count": formatCount(n), "Path": urlFile(viewer)}) + " " +
		lang.N("The {{.Count}} badges are not counted as printed.", n, map[string]any{"Count": formatCount(n)})
}

// printerName is a printer preference as a person reads it.
func printerName(printer string) string {
	if printer == "" {
		return lang.L("the default printer")
	}
	return printer
}
