package ui

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
	"congres/ui/widgets"
)

// previewPxPerMM is the preview's resolution before it is laid out: an A4
// page is 840 × 1188 px. Once laid out, the page is drawn at the size it is
// shown (previewScale).
const previewPxPerMM = 2

// Whose badges the exports screen prints, in the order of its options.
const (
	badgesEveryone = iota
	badgesFiltered
	badgesUnprinted
	badgesOne
)

// badgeExportStore is what the badges part of the exports screen reads.
type badgeExportStore interface {
	export.BadgeStore
	personFinder
	BadgeSettings(ctx context.Context, layout string) (data.BadgeSettings, error)
	ReadsKey(ctx context.Context) (string, error)
	CountParticipants(ctx context.Context, q data.ParticipantQuery) (int, error)
}

// badgeExport is the badges part of the exports screen: the layout, who,
// in which order, a preview of the first page, and Save PDF… and Print.
type badgeExport struct {
	env     *env
	store   badgeExportStore
	prefs   fyne.Preferences
	printer *badgePrinter
	saver   *exportSaver
	// filtered is the query of the participants screen: its search and
	// filters as they stand. UI thread.
	filtered func() data.ParticipantQuery

	layouts     []export.Layout
	layout      *widget.Select
	who         *widget.RadioGroup
	order       *widget.RadioGroup
	person      *personChooser    // the one person, when one is chosen
	start       *widgets.Entry    // the first free label of a partly used sheet
	startRow    *fyne.Container   // start with its note, shown for sheets only
	warning     *widget.Label     // what the layout's settings cannot do
	left        *fyne.Container   // the options and buttons
	scroll      *container.Scroll // around left
	count       *widget.Label
	preview     *canvas.Image
	previewNone *widget.Label
	save, print *widget.Button
	status      *exportStatus
	latest      atomic.Uint64 // numbers the previews; older ones are dropped
	// shown is what the preview and count on screen were made of: the
	// file's state and the options. A visit with both unchanged reads and
	// draws nothing again (issue 19: 300 ms per screen). UI thread.
	shown string
	// shownPx is the resolution of the preview on screen, in pixels a
	// millimetre. UI thread.
	shownPx  float64
	refitted bool // the first preview was drawn again once laid out
}

func newBadgeExport(e *env, st badgeExportStore, prefs fyne.Preferences, printer *badgePrinter, saver *exportSaver,
	filtered func() data.ParticipantQuery) *badgeExport {
	return &badgeExport{env: e, store: st, prefs: prefs, printer: printer, saver: saver, filtered: filtered,
		layouts: export.Presets()}
}

// build lays the badges' options out, beside a preview of the first page.
func (b *badgeExport) build() fyne.CanvasObject {
	labels := make([]string, len(b.layouts))
	for i, l := range b.layouts {
		labels[i] = l.Label(uiLanguage())
	}
	b.layout = widget.NewSelect(labels, nil)
	start := badgeLayout(b.prefs, prefBadgeLayout)
	for i, l := range b.layouts {
		if l.Name == start.Name {
			b.layout.SetSelectedIndex(i)
		}
	}
	b.layout.OnChanged = func(string) { b.onLayoutChanged() }

	b.who = widget.NewRadioGroup([]string{lang.L("Everyone (not cancelled)"),
		lang.L("The list as filtered on the Participants screen"), lang.L("Only those without a badge yet"),
		lang.L("One person")}, nil)
	b.who.Required = true
	b.who.SetSelected(b.who.Options[badgesEveryone])
	b.who.OnChanged = b.onWhoChanged

	b.person = newPersonChooser(b.env, b.store, lang.L("Whose badge?"), func(data.ParticipantRow) { b.refreshAsync() })
	b.person.row.Hide()

	b.order = widget.NewRadioGroup([]string{lang.L("By last name"), lang.L("By organisation")}, nil)
	b.order.Horizontal = true
	b.order.Required = true
	b.order.SetSelected(b.order.Options[0])
	b.order.OnChanged = func(string) { b.refreshAsync() }

	b.start = widgets.NewEntry()
	b.start.SetText("1")
	b.start.OnChanged = func(string) { b.refreshAsync() }
	startNote := widget.NewLabel(lang.L("On a sheet already partly used: the number of the first free label, counted across then down."))
	startNote.Importance = widget.LowImportance
	startNote.Wrapping = fyne.TextWrapWord
	b.startRow = container.NewVBox(b.start, keepLastWords(startNote))
	b.warning = widget.NewLabel("")
	b.warning.Importance = widget.WarningImportance
	b.warning.Wrapping = fyne.TextWrapWord
	b.warning.Hide()

	b.count = widget.NewLabel("")
	b.count.TextStyle.Bold = true
	b.count.Wrapping = fyne.TextWrapWord
	b.save = widget.NewButtonWithIcon(lang.L("Save PDF…"), theme.DocumentSaveIcon(), b.onSaveTapped)
	b.print = widget.NewButtonWithIcon(lang.L("Print"), theme.DocumentPrintIcon(), b.onPrintTapped)
	b.print.Importance = widget.HighImportance
	b.save.Disable()
	b.print.Disable()
	b.status = newExportStatus(b.env.tasks)

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Layout"), b.layout),
		widget.NewFormItem(lang.L("Whose"), container.NewVBox(b.who, b.person.row)),
		widget.NewFormItem(lang.L("Order"), b.order),
		widget.NewFormItem(lang.L("First label"), b.startRow),
	)
	showIf(b.startRow, b.chosenLayout().Mode != export.OnePerPage)
	b.left = container.NewVBox(sectionTitle(lang.L("Badges")), form, b.count, b.warning,
		container.NewHBox(b.save, b.print), b.status.box)
	b.scroll = container.NewVScroll(b.left)
	b.status.changed = b.relayout

	b.preview = canvas.NewImageFromImage(nil)
	b.preview.FillMode = canvas.ImageFillContain
	b.preview.SetMinSize(fyne.NewSize(240, 340))
	b.previewNone = widget.NewLabel(lang.L("No preview: nobody is chosen."))
	b.previewNone.Importance = widget.LowImportance
	b.previewNone.Wrapping = fyne.TextWrapWord
	b.previewNone.Alignment = fyne.TextAlignCenter
	title := widget.NewLabel(lang.L("The first page"))
	title.TextStyle.Bold = true
	right := container.NewBorder(title, nil, nil, nil,
		// Across the preview, between spacers: centred alone, the wrapped
		// label got its tiny minimum width, a character a line.
		container.NewStack(b.preview, container.NewVBox(layout.NewSpacer(), keepLastWords(b.previewNone), layout.NewSpacer())))

	split := container.NewHSplit(b.scroll, container.NewPadded(right))
	split.Offset = 0.55
	return split
}

// onLayoutChanged offers a first label on layouts of sheets.
func (b *badgeExport) onLayoutChanged() {
	showIf(b.startRow, b.chosenLayout().Mode != export.OnePerPage)
	b.relayout()
	b.refreshAsync()
}

// firstLabel is the first free label typed, 1 when none is (or on a
// layout of one badge per page); ok is false when it is not a number.
func (b *badgeExport) firstLabel() (n int, ok bool) {
	if b.chosenLayout().Mode == export.OnePerPage {
		return 1, true
	}
	text := strings.TrimSpace(b.start.Text)
	if text == "" {
		return 1, true
	}
	n, err := strconv.Atoi(text)
	return n, err == nil
}

// onWhoChanged shows the person's entry when one person is to be chosen.
func (b *badgeExport) onWhoChanged(string) {
	showIf(b.person.row, b.whoIndex() == badgesOne)
	b.relayout()
	b.refreshAsync()
}

// relayout lays the options out again after a part of them showed or hid.
func (b *badgeExport) relayout() {
	b.left.Refresh()
	b.scroll.Refresh()
}

func (b *badgeExport) whoIndex() int {
	for i, o := range b.who.Options {
		if o == b.who.Selected {
			return i
		}
	}
	return badgesEveryone
}

// chosenLayout is the layout selected.
func (b *badgeExport) chosenLayout() export.Layout {
	return b.layouts[max(b.layout.SelectedIndex(), 0)]
}

// selection is whose badges the options choose, in the order chosen.
func (b *badgeExport) selection() export.BadgeSelection {
	sort := data.SortName
	if b.order.Selected == b.order.Options[1] {
		sort = data.SortOrganisation
	}
	var q data.ParticipantQuery
	switch b.whoIndex() {
	case badgesOne:
		if b.person.id() == 0 {
			return export.BadgeSelection{IDs: []int64{}} // nobody, not everyone
		}
		return export.BadgeSelection{IDs: []int64{b.person.id()}}
	case badgesFiltered:
		q = b.filtered()
		q.Limit, q.Offset, q.Desc = 0, 0, false
	case badgesUnprinted:
		q = data.ParticipantQuery{SkipCancelled: true, BadgePrinted: data.No}
	default:
		q = data.ParticipantQuery{SkipCancelled: true}
	}
	q.Sort = sort
	return export.BadgeSelection{Query: q}
}

// badgePreview is what the screen shows of a selection.
type badgePreview struct {
	count, pages int
	img          image.Image // nil when there is nobody
	err          error       // why there is no preview
	warnings     []string    // what the layout's settings cannot do
}

// refreshAsync counts the badges chosen and draws the first page, unless
// the options change meanwhile.
func (b *badgeExport) refreshAsync() {
	if b.layout == nil {
		return // not built yet
	}
	sel, l, language := b.selection(), b.chosenLayout(), uiLanguage()
	start, ok := b.firstLabel()
	px, fitted := b.previewScale(l)
	options := fmt.Sprintf("%+v|%s|%d|%t|%s|%.3f", sel, l.Name, start, ok, language, px)
	shown := b.shown
	n := b.latest.Add(1)
	b.env.tasks.runAsync(b.env.ctx, func(ctx context.Context) func() {
		key, err := b.store.ReadsKey(ctx)
		if err == nil && key != "" {
			key += "|" + options
			if key == shown {
				return nil // on screen already
			}
		} else {
			key = "" // read again at the next visit
		}
		// Counted again: no figure of the file as it was, meanwhile.
		b.env.tasks.onUI(func() {
			if n == b.latest.Load() {
				b.showCounting()
			}
		})
		p := badgePreview{err: errFirstLabel}
		if ok {
			p = b.previewOf(ctx, sel, l, start, language, px)
		}
		if p.err != nil && p.err != errFirstLabel {
			key = ""
		}
		return func() {
			if n == b.latest.Load() {
				b.preview.ScaleMode = canvas.ImageScaleSmooth
				if fitted {
					b.preview.ScaleMode = canvas.ImageScaleFastest // drawn at its size already
				}
				b.show(p)
				b.env.tasks.timedStage("badges")
				b.shown, b.shownPx = key, px
				if !fitted && !b.refitted && p.img != nil {
					// Drawn before the page was laid out: drawn again at
					// the size shown, once, now that it is.
					b.refitted = true
					b.env.tasks.onUI(b.refreshAsync)
				}
			}
		}
	})
}

// previewScale is the resolution at which the preview of a page of l fits
// the room it has on screen, in pixels a millimetre: drawn at that size,
// the window shows it as it is, where scaling a larger one down took the
// UI thread a tenth of a second or more at each visit (issue 19). UI
// thread.
func (b *badgeExport) previewScale(l export.Layout) (pxPerMM float64, fitted bool) {
	size := b.preview.Size()
	c := fyne.CurrentApp().Driver().CanvasForObject(b.preview)
	if c == nil && b.env.win != nil {
		// Laid out but not drawn yet (the first visit): the window's
		// canvas, where it is about to be drawn. The page was drawn at
		// 2 px/mm, then again at its size, on each first visit.
		c = b.env.win.Canvas()
	}
	if c == nil || size.Width < 1 || size.Height < 1 || l.PageW <= 0 || l.PageH <= 0 {
		return previewPxPerMM, false
	}
	scale := float64(c.Scale())
	return min(float64(size.Width)*scale/l.PageW, float64(size.Height)*scale/l.PageH), true
}

// errFirstLabel: the first label typed is not a number.
var errFirstLabel = errors.New("first label")

// previewOf counts and draws a selection's badges, the first on label
// start of the first sheet; warnings are in the window's language. Any
// goroutine.
func (b *badgeExport) previewOf(ctx context.Context, sel export.BadgeSelection, l export.Layout, start int, language string,
	pxPerMM float64) badgePreview {
	count, err := b.countBadges(ctx, sel)
	if err != nil || count == 0 {
		return badgePreview{err: err}
	}
	settings, err := b.store.BadgeSettings(ctx, l.Name)
	if err != nil {
		return badgePreview{err: err}
	}
	opts := export.BadgeOptions{Layout: l, Settings: settings, Start: start}
	p := badgePreview{count: count}
	for _, w := range opts.Warnings() {
		p.warnings = append(p.warnings, w.Message(language))
	}
	if err := opts.CheckStart(); err != nil {
		return badgePreview{err: err, warnings: p.warnings}
	}
	printed := opts.PrintLayout()
	first := 0 // all of them
	if per := printed.PerPage(); per > 0 && start >= 1 && start <= per {
		p.pages = (count + start - 1 + per - 1) / per
		if printed.Duplex {
			p.pages *= 2
		}
		first = per - start + 1
	}
	ids, err := b.firstBadges(ctx, sel, first)
	if err != nil || len(ids) == 0 {
		return badgePreview{err: err}
	}
	in, err := export.LoadBadges(ctx, b.store, ids)
	if err != nil {
		return badgePreview{err: err}
	}
	opts.Lang = in.Congress.OutputLanguage()
	img, err := export.PreviewBadges(in, opts, pxPerMM)
	if err != nil {
		return badgePreview{err: err, warnings: p.warnings}
	}
	framePage(img)
	p.img = img
	return p
}

// countBadges counts the badges of sel: a count, not the list of them
// all (at 50,000 people, reading 48,000 IDs only to count them took a
// tenth of a second of each first visit, issue 19).
func (b *badgeExport) countBadges(ctx context.Context, sel export.BadgeSelection) (int, error) {
	if sel.Code != "" || sel.IDs != nil {
		ids, err := export.BadgeIDs(ctx, b.store, sel)
		return len(ids), err
	}
	return b.store.CountParticipants(ctx, sel.Query)
}

// firstBadges lists the first n badges of sel (n = 0: all of them): those
// of the page shown.
func (b *badgeExport) firstBadges(ctx context.Context, sel export.BadgeSelection, n int) ([]int64, error) {
	if sel.Code == "" && sel.IDs == nil {
		sel.Query.Limit, sel.Query.Offset = n, 0
	}
	ids, err := export.BadgeIDs(ctx, b.store, sel)
	if n > 0 && len(ids) > n {
		ids = ids[:n]
	}
	return ids, err
}

// framePage draws the page's edge, so that a white page shows on a light
// background.
func framePage(img *image.RGBA) {
	r := img.Bounds()
	grey := image.NewUniform(color.RGBA{0xA0, 0xA0, 0xA0, 0xFF})
	for _, e := range []image.Rectangle{
		image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+2), image.Rect(r.Min.X, r.Max.Y-2, r.Max.X, r.Max.Y),
		image.Rect(r.Min.X, r.Min.Y, r.Min.X+2, r.Max.Y), image.Rect(r.Max.X-2, r.Min.Y, r.Max.X, r.Max.Y),
	} {
		draw.Draw(img, e, grey, image.Point{}, draw.Src)
	}
}

// show puts a preview on screen. UI thread.
func (b *badgeExport) show(p badgePreview) {
	b.preview.Image = p.img
	b.preview.Refresh()
	showIf(b.previewNone, p.img == nil)
	b.count.Importance = widget.MediumImportance
	b.warning.SetText(strings.Join(p.warnings, "\n"))
	showIf(b.warning, len(p.warnings) > 0)
	switch {
	case p.err == errFirstLabel:
		b.count.Importance = widget.DangerImportance
		b.count.SetText(lang.L("Enter the number of the first free label, such as 4."))
	case p.err != nil:
		b.count.Importance = widget.DangerImportance
		b.count.SetText(data.Message(p.err, uiLanguage()))
	case p.count == 0:
		b.count.SetText(lang.L("No badge to print."))
	default:
		b.count.SetText(lang.N("{{.Count}} badges", p.count, map[string]any{"Count": formatCount(p.count)}) + ", " +
			lang.N("{{.Count}} pages", p.pages, map[string]any{"Count": formatCount(p.pages)}))
	}
	b.relayout()
	ok := p.err == nil && p.count > 0
	enableIf(b.save, ok)
	enableIf(b.print, ok)
}

// showCounting says that the badges chosen are being counted, and that
// there is nothing to save or print until they are. UI thread.
func (b *badgeExport) showCounting() {
	b.count.Importance = widget.MediumImportance
	b.count.SetText("…")
	b.save.Disable()
	b.print.Disable()
}

// onSaveTapped asks where to save the badges, then saves them.
func (b *badgeExport) onSaveTapped() {
	b.saver.askWhere("badges", lang.L("Save the badges as PDF"), "badges", ".pdf", b.startSave)
}

// saveTo saves the badges in path, asking first before replacing a file.
func (b *badgeExport) saveTo(path string) { b.saver.confirmReplace(path, b.startSave, nil) }

// startSave saves the badges in path: the badge printer asks before
// printing again those who have a badge, writes behind its progress bar,
// and records the prints, as it does for the printer.
func (b *badgeExport) startSave(path string) { b.printer.startAsync(b.job(path)) }

// onPrintTapped prints the badges.
func (b *badgeExport) onPrintTapped() { b.printer.startAsync(b.job("")) }

// job is the badges chosen, saved to dest or printed ("").
func (b *badgeExport) job(dest string) badgeJob {
	b.status.clear()
	start, _ := b.firstLabel() // a label that is not a number disables Save and Print
	return badgeJob{sel: b.selection(), layout: b.chosenLayout(), start: start, dest: dest, done: b.onDone}
}

// onDone says what was done, and shows who has a badge now.
func (b *badgeExport) onDone(res badgeResult) {
	b.status.show(res.message, res.path)
	b.refreshAsync()
}
