package ui

import (
	"bytes"
	"context"
	"fmt"
	"hash/crc32"
	"image/color"
	"io"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
	"congres/ui/widgets"
)

// congressStore is what the congress tab reads and writes.
type congressStore interface {
	Congress(ctx context.Context) (data.Congress, error)
	UpdateCongress(ctx context.Context, c *data.Congress) error
}

// congressSettings edits the congress's details, days, logo and the
// signature of its certificates. Changes are kept in the form until Save.
type congressSettings struct {
	env   *env
	store congressStore

	name, edition, venue, city *widgets.Entry
	days                       []data.Day // as edited; UI thread only
	dayList                    *fyne.Container
	newDay                     *dateInput // the locale's format, with a calendar, as in the New dialog
	logo                       *imageField
	signature                  *imageField
	signatory                  *widgets.Entry
	language                   *widget.Select // the prints' language (congress_language.go)
	errs                       *inlineErrors
	status                     *widget.Label
	save                       *widget.Button
	scroll                     *container.Scroll // the tab, laid out again when its parts grow
}

func newCongressSettings(e *env, st congressStore) *congressSettings {
	return &congressSettings{env: e, store: st}
}

func (s *congressSettings) build() fyne.CanvasObject {
	s.name, s.edition, s.venue, s.city = widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry(), widgets.NewEntry()
	s.dayList = container.NewVBox()
	s.newDay = newDateInput(true)
	s.newDay.openOn = s.firstDay // the calendar opens on the congress's month
	s.newDay.OnSubmitted = func(string) { s.onAddDayTapped() }
	s.newDay.OnChanged = s.onNewDayChanged
	addDay := widget.NewButtonWithIcon(lang.L("Add the day"), theme.ContentAddIcon(), s.onAddDayTapped)

	s.logo = newImageField(s.env, "logo", fyne.NewSquareSize(96), lang.L("No logo"))
	s.signature = newImageField(s.env, "signature", fyne.NewSize(192, 96), lang.L("No signature"))
	s.signatory = widgets.NewEntry()
	s.signatory.SetPlaceHolder(lang.L("e.g. Marie Dupont, president"))
	signatureNote := widget.NewLabel(lang.L("The certificates of attendance are signed with this image (PNG or JPEG, on a white or transparent background), above the signatory's name and role."))
	signatureNote.Importance = widget.LowImportance
	signatureNote.Wrapping = fyne.TextWrapWord

	s.language = newOutputLanguageSelect()
	languageNote := widget.NewLabel(lang.L("Badges, sign-in sheets, certificates, the attendance workbook and lists are written in this language, whatever the language of this computer."))
	languageNote.Importance = widget.LowImportance
	languageNote.Wrapping = fyne.TextWrapWord

	s.errs = newInlineErrors("name", "days", "logo", "signature", "signatory", "language")
	s.logo.changed = func() { s.errs.clear(); s.scroll.Refresh() }
	s.signature.changed = s.logo.changed
	s.status = widget.NewLabel("")
	s.status.Importance = widget.SuccessImportance
	s.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.onSaveTapped)
	s.save.Importance = widget.HighImportance
	undo := widget.NewButtonWithIcon(lang.L("Undo the changes"), theme.ContentUndoIcon(), s.loadAsync)

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), s.errs.under("name", s.name)),
		widget.NewFormItem(lang.L("Edition"), s.edition),
		widget.NewFormItem(lang.L("Venue"), s.venue),
		widget.NewFormItem(lang.L("City"), s.city),
		widget.NewFormItem(lang.L("Days"), s.errs.under("days", container.NewVBox(s.dayList,
			container.NewBorder(nil, nil, nil, addDay, s.newDay)))),
		widget.NewFormItem(lang.L("Logo"), s.errs.under("logo", s.logo.build())),
		widget.NewFormItem(lang.L("Signature"), s.errs.under("signature", container.NewVBox(s.signature.build(), signatureNote))),
		widget.NewFormItem(lang.L("Signatory"), s.errs.under("signatory", s.signatory)),
		widget.NewFormItem(lang.L("Language"), s.errs.under("language", container.NewVBox(s.language, languageNote))),
	)
	buttons := container.NewHBox(s.save, undo, s.status)
	s.scroll = container.NewVScroll(container.NewVBox(s.errs.under("", nil), form, buttons))
	s.errs.changed = s.scroll.Refresh
	return s.scroll
}

// loadAsync reads the congress into the form, dropping changes not saved.
func (s *congressSettings) loadAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		c, err := s.store.Congress(ctx)
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		return func() { s.show(c) }
	})
}

// show puts c in the form. UI thread.
func (s *congressSettings) show(c data.Congress) {
	s.errs.clear()
	s.status.SetText("")
	s.name.SetText(c.Name)
	s.edition.SetText(c.Edition)
	s.venue.SetText(c.Venue)
	s.city.SetText(c.City)
	if !slices.Equal(s.days, c.Days) { // else shown already
		s.days = slices.Clone(c.Days)
		s.showDays()
	}
	s.newDay.setDate(nil)
	s.logo.set(c.Logo)
	s.signature.set(c.Signature)
	s.signatory.SetText(c.Signatory)
	setOutputLanguage(s.language, c.OutputLanguage())
	s.scroll.Refresh()
}

func (s *congressSettings) showDays() {
	s.dayList.RemoveAll()
	for _, d := range s.days {
		remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { s.onRemoveDayTapped(d) })
		s.dayList.Add(container.NewBorder(nil, nil, nil, remove, widget.NewLabel(dayLong(d))))
	}
	s.scroll.Refresh()
}

// onAddDayTapped adds the day typed to the congress's days.
func (s *congressSettings) onAddDayTapped() {
	s.errs.clear()
	// Typed or picked, in the locale's format: the error says that format.
	t, err := s.newDay.date()
	if err != nil {
		s.errs.show(err)
		return
	}
	d := data.Day(t.Format(time.DateOnly))
	if !slices.Contains(s.days, d) {
		s.days = append(s.days, d)
		slices.Sort(s.days)
		s.showDays()
	}
	s.newDay.setDate(nil)
}

// onNewDayChanged keeps the days' message true to the field: once a day
// typed did not read, the message goes when the field is emptied or reads,
// and quotes the text as it is now while it still does not.
func (s *congressSettings) onNewDayChanged(text string) {
	if s.errs.text("days") == "" {
		return
	}
	if strings.TrimSpace(text) == "" {
		s.errs.clearField("days")
		return
	}
	if _, err := parseTypedDate(text); err != nil {
		s.errs.show(err)
		return
	}
	s.errs.clearField("days")
}

// firstDay is the congress's first day as edited, else today: the month
// the calendar opens on when the field is empty.
func (s *congressSettings) firstDay() time.Time {
	if len(s.days) > 0 {
		if t := s.days[0].Time(); !t.IsZero() {
			return t
		}
	}
	return time.Now()
}

func (s *congressSettings) onRemoveDayTapped(d data.Day) {
	s.errs.clear()
	s.days = slices.DeleteFunc(s.days, func(x data.Day) bool { return x == d })
	s.showDays()
}

// onSaveTapped saves the congress as the form has it.
func (s *congressSettings) onSaveTapped() {
	s.errs.clear()
	s.status.SetText("")
	c := data.Congress{Name: s.name.Text, Edition: s.edition.Text, Venue: s.venue.Text, City: s.city.Text,
		Days: slices.Clone(s.days), Logo: bytes.Clone(s.logo.data),
		Signature: bytes.Clone(s.signature.data), Signatory: s.signatory.Text, Language: chosenOutputLanguage(s.language)}
	s.save.Disable()
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		err := s.store.UpdateCongress(ctx, &c)
		return func() {
			s.save.Enable()
			if err != nil {
				s.errs.show(err)
				return
			}
			s.show(c)
			s.status.SetText(lang.L("Saved."))
			s.env.win.SetTitle(lang.L("Congrès — {{.Name}}", map[string]any{"Name": c.Name}))
		}
	})
}

// imageField is an image of the congress (its logo, the signature of the
// certificates): a thumbnail, Choose… (PNG or JPEG) and Remove. UI thread
// only.
type imageField struct {
	env    *env
	name   string // "logo": names the thumbnail's resource
	data   []byte // as edited; nil for none
	image  *canvas.Image
	none   *widget.Label
	remove *widget.Button
	// changed is told when an image was chosen or removed.
	changed func()
}

func newImageField(e *env, name string, size fyne.Size, none string) *imageField {
	f := &imageField{env: e, name: name}
	f.image = canvas.NewImageFromResource(nil)
	f.image.FillMode = canvas.ImageFillContain
	f.image.SetMinSize(size)
	f.none = widget.NewLabel(none)
	f.none.Importance = widget.LowImportance
	f.remove = widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), f.onRemoveTapped)
	return f
}

func (f *imageField) build() fyne.CanvasObject {
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor, frame.StrokeWidth, frame.CornerRadius = outlineColour(), 1, theme.InputRadiusSize()
	choose := widget.NewButtonWithIcon(lang.L("Choose…"), theme.FileImageIcon(), f.onChooseTapped)
	return container.NewHBox(container.NewStack(frame, f.image, container.NewCenter(f.none)),
		container.NewVBox(choose, f.remove))
}

func (f *imageField) onChooseTapped() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(f.env.win, err)
			return
		}
		if r == nil {
			return // cancelled
		}
		f.readAsync(r)
	}, f.env.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}))
	showFileDialog(d, f.env.win, lang.L("Choose an image"))
}

// readAsync reads the image chosen.
func (f *imageField) readAsync(r io.ReadCloser) {
	f.env.tasks.runAsync(f.env.ctx, func(context.Context) func() {
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, 20<<20))
		if err == nil {
			b, err = export.PrepareImage(b) // 8-bit, as every document draws it, or refused
		}
		if err != nil {
			return func() { showError(f.env.win, err) }
		}
		return func() { f.choose(b) }
	})
}

func (f *imageField) onRemoveTapped() { f.choose(nil) }

// choose makes b the image, as the person chose it.
func (f *imageField) choose(b []byte) {
	f.set(b)
	if f.changed != nil {
		f.changed()
	}
}

// set shows b as the image (none when empty).
func (f *imageField) set(b []byte) {
	if f.image.Resource != nil && bytes.Equal(f.data, b) {
		return // shown already: decoded again, it cost each visit of the settings a tenth of a second (issue 19)
	}
	f.data = b
	f.image.Resource = nil
	if len(b) > 0 { // named after its content: images are cached by name
		f.image.Resource = fyne.NewStaticResource(fmt.Sprintf("%s-%08x", f.name, crc32.ChecksumIEEE(b)), b)
	}
	f.image.Refresh()
	showIf(f.none, len(b) == 0)
	showIf(f.remove, len(b) > 0)
}
