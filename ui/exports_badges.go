package ui

import (
	"context"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
	"congres/ui/widgets"
)

// previewPxPerMM is the preview's resolution: an A4 page is 840 × 1188 px.
const previewPxPerMM = 4

// prefExportFolder is the folder badges were last saved in.
const prefExportFolder = "exportFolder"

// Whose badges the exports screen prints, in the order of its options.
const (
	badgesEveryone = iota
	badgesFiltered
	badgesUnprinted
	badgesOne
)

// badgeExport is the badges part of the exports screen: the layout, who,
// in which order, a preview of the first page, and Save PDF… and Print.
type badgeExport struct {
	env     *env
	store   *data.Store
	prefs   fyne.Preferences
	printer *badgePrinter
	// filtered is the query of the participants screen: its search and
	// filters as they stand. UI thread.
	filtered func() data.ParticipantQuery

	layouts     []export.Layout
	layout      *widget.Select
	who         *widget.RadioGroup
	order       *widget.RadioGroup
	person      *widgets.Entry
	personName  *widget.Label
	personRow   *fyne.Container
	personID    int64             // the one person chosen, 0 for none
	left        *fyne.Container   // the options and buttons
	scroll      *container.Scroll // around left
	count       *widget.Label
	preview     *canvas.Image
	previewNone *widget.Label
	save, print *widget.Button
	status      *widget.Label
	latest      atomic.Uint64 // numbers the previews; older ones are dropped
}

func newBadgeExport(e *env, st *data.Store, prefs fyne.Preferences, printer *badgePrinter,
	filtered func() data.ParticipantQuery) *badgeExport {
	return &badgeExport{env: e, store: st, prefs: prefs, printer: printer, filtered: filtered, layouts: export.Presets()}
}

// build lays the badges out, with more (what comes later) under the buttons.
func (b *badgeExport) build(more fyne.CanvasObject) fyne.CanvasObject {
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
	b.layout.OnChanged = func(string) { b.refreshAsync() }

	b.who = widget.NewRadioGroup([]string{lang.L("Everyone (not cancelled)"),
		lang.L("The list as filtered on the Participants screen"), lang.L("Only those without a badge yet"),
		lang.L("One person")}, nil)
	b.who.Required = true
	b.who.SetSelected(b.who.Options[badgesEveryone])
	b.who.OnChanged = b.onWhoChanged

	b.person = widgets.NewEntry()
	b.person.SetPlaceHolder(lang.L("Code or name, then Enter"))
	b.person.OnSubmitted = b.onPersonSubmitted
	choose := widget.NewButtonWithIcon(lang.L("Choose…"), theme.SearchIcon(), func() { b.pickPerson(b.person.Text) })
	b.personName = widget.NewLabel(lang.L("Nobody chosen yet."))
	b.personName.Importance = widget.LowImportance
	b.personName.Wrapping = fyne.TextWrapWord
	b.personRow = container.NewVBox(container.NewBorder(nil, nil, nil, choose, b.person), b.personName)
	b.personRow.Hide()

	b.order = widget.NewRadioGroup([]string{lang.L("By last name"), lang.L("By organisation")}, nil)
	b.order.Horizontal = true
	b.order.Required = true
	b.order.SetSelected(b.order.Options[0])
	b.order.OnChanged = func(string) { b.refreshAsync() }

	b.count = widget.NewLabel("")
	b.count.TextStyle.Bold = true
	b.count.Wrapping = fyne.TextWrapWord
	b.save = widget.NewButtonWithIcon(lang.L("Save PDF…"), theme.DocumentSaveIcon(), b.onSaveTapped)
	b.print = widget.NewButtonWithIcon(lang.L("Print"), theme.DocumentPrintIcon(), b.onPrintTapped)
	b.print.Importance = widget.HighImportance
	b.save.Disable()
	b.print.Disable()
	b.status = widget.NewLabel("")
	b.status.Importance = widget.SuccessImportance
	b.status.Wrapping = fyne.TextWrapWord
	b.status.Hide()

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Layout"), b.layout),
		widget.NewFormItem(lang.L("Whose"), container.NewVBox(b.who, b.personRow)),
		widget.NewFormItem(lang.L("Order"), b.order),
	)
	b.left = container.NewVBox(sectionTitle(lang.L("Badges")), form, b.count,
		container.NewHBox(b.save, b.print), b.status, more)
	b.scroll = container.NewVScroll(b.left)

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
		container.NewStack(b.preview, container.NewCenter(b.previewNone)))

	split := container.NewHSplit(b.scroll, container.NewPadded(right))
	split.Offset = 0.55
	return split
}

// onWhoChanged shows the person's entry when one person is to be chosen.
func (b *badgeExport) onWhoChanged(string) {
	showIf(b.personRow, b.whoIndex() == badgesOne)
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
		if b.personID == 0 {
			return export.BadgeSelection{IDs: []int64{}} // nobody, not everyone
		}
		return export.BadgeSelection{IDs: []int64{b.personID}}
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
}

// refreshAsync counts the badges chosen and draws the first page, unless
// the options change meanwhile.
func (b *badgeExport) refreshAsync() {
	if b.layout == nil {
		return // not built yet
	}
	sel, l, language := b.selection(), b.chosenLayout(), uiLanguage()
	n := b.latest.Add(1)
	b.env.tasks.runAsync(b.env.ctx, func(ctx context.Context) func() {
		p := b.previewOf(ctx, sel, l, language)
		return func() {
			if n == b.latest.Load() {
				b.show(p)
			}
		}
	})
}

// previewOf counts and draws a selection's badges. Any goroutine.
func (b *badgeExport) previewOf(ctx context.Context, sel export.BadgeSelection, l export.Layout, language string) badgePreview {
	ids, err := export.BadgeIDs(ctx, b.store, sel)
	if err != nil || len(ids) == 0 {
		return badgePreview{err: err}
	}
	settings, err := b.store.BadgeSettings(ctx, l.Name)
	if err != nil {
		return badgePreview{err: err}
	}
	p := badgePreview{count: len(ids)}
	if per := l.PerPage(); per > 0 {
		p.pages = (len(ids) + per - 1) / per
		if settings.Duplex && l.Mode != export.FoldOver {
			p.pages *= 2
		}
		ids = ids[:min(per, len(ids))]
	}
	in, err := export.LoadBadges(ctx, b.store, ids)
	if err != nil {
		return badgePreview{err: err}
	}
	img, err := export.PreviewBadges(in, export.BadgeOptions{Layout: l, Settings: settings, Lang: language}, previewPxPerMM)
	if err != nil {
		return badgePreview{err: err}
	}
	framePage(img)
	p.img = img
	return p
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
	switch {
	case p.err != nil:
		b.count.Importance = widget.DangerImportance
		b.count.SetText(data.Message(p.err, uiLanguage()))
	case p.count == 0:
		b.count.SetText(lang.L("No badge to print."))
	default:
		b.count.SetText(lang.N("{{.Count}} badges", p.count, map[string]any{"Count": p.count}) + ", " +
			lang.N("{{.Count}} pages", p.pages, map[string]any{"Count": p.pages}))
	}
	b.relayout()
	ok := p.err == nil && p.count > 0
	enableIf(b.save, ok)
	enableIf(b.print, ok)
}

// onPersonSubmitted chooses the person whose code was typed, or the only
// one whose name matches; for several, it offers them.
func (b *badgeExport) onPersonSubmitted(text string) {
	if text = strings.TrimSpace(text); text != "" {
		b.findPersonAsync(text)
	}
}

// findPersonAsync looks text up as a code, then as a name.
func (b *badgeExport) findPersonAsync(text string) {
	b.env.tasks.runAsync(b.env.ctx, func(ctx context.Context) func() {
		rows, err := b.find(ctx, text)
		return func() {
			switch {
			case err != nil:
				showError(b.env.win, err)
			case len(rows) == 1:
				b.choosePerson(rows[0])
			default:
				b.pickPerson(text)
			}
		}
	})
}

// find returns the person whose code is text, or the first two whose name,
// organisation or email match it. Any goroutine.
func (b *badgeExport) find(ctx context.Context, text string) ([]data.ParticipantRow, error) {
	if code := data.NormaliseCode(text); data.ValidCode(code) {
		p, err := b.store.ParticipantByCode(ctx, code)
		switch {
		case err == nil:
			return b.store.ParticipantRows(ctx, []int64{p.ID})
		case data.KindOf(err) != data.KindNotFound:
			return nil, err
		}
	}
	return b.store.SearchParticipants(ctx, text, 2)
}

// pickPerson offers the people that text finds.
func (b *badgeExport) pickPerson(text string) {
	showParticipantPickerFor(b.env, b.store, lang.L("Whose badge?"), strings.TrimSpace(text), b.choosePerson)
}

// choosePerson makes p the one person whose badge is printed.
func (b *badgeExport) choosePerson(p data.ParticipantRow) {
	b.personID = p.ID
	b.person.SetText(p.Code)
	b.personName.Importance = widget.MediumImportance
	b.personName.SetText(joinNonEmpty(" — ", p.FirstName+" "+p.LastName, p.Organisation, statusLabel(p.Status)))
	b.refreshAsync()
}

// onSaveTapped asks where to save the badges, then saves them.
func (b *badgeExport) onSaveTapped() {
	folder := b.prefs.String(prefExportFolder)
	if st, err := os.Stat(folder); folder == "" || err != nil || !st.IsDir() {
		folder = filepath.Dir(b.store.Path())
	}
	where := newFileChooser(b.env.win, folder, "badges.pdf")
	where.ext = ".pdf"
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Folder"), where.folderRow),
		widget.NewFormItem(lang.L("File name"), where.name),
	}
	d := dialog.NewForm(lang.L("Save the badges as PDF"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			b.saveTo(where.path())
		}
	}, b.env.win)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}

// saveTo saves the badges in path, asking first before replacing a file.
func (b *badgeExport) saveTo(path string) {
	b.prefs.SetString(prefExportFolder, filepath.Dir(path))
	job := b.job(path)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		b.printer.startAsync(job)
		return
	}
	dialog.ShowConfirm(lang.L("Replace the file?"),
		lang.L("{{.Path}} already exists. Replace it with these badges?", map[string]any{"Path": path}),
		func(ok bool) {
			if ok {
				b.printer.startAsync(job)
			}
		}, b.env.win)
}

// onPrintTapped prints the badges.
func (b *badgeExport) onPrintTapped() { b.printer.startAsync(b.job("")) }

// job is the badges chosen, saved to dest or printed ("").
func (b *badgeExport) job(dest string) badgeJob {
	b.status.Hide()
	b.relayout()
	return badgeJob{sel: b.selection(), layout: b.chosenLayout(), dest: dest, done: b.onDone}
}

// onDone says what was done, and shows who has a badge now.
func (b *badgeExport) onDone(res badgeResult) {
	b.status.SetText(res.message)
	b.status.Show()
	b.relayout()
	b.refreshAsync()
}
