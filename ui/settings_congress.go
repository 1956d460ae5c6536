package ui

import (
	"bytes"
	"context"
	"fmt"
	"hash/crc32"
	"image/color"
	"io"
	"slices"
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
	"congres/ui/widgets"
)

// congressStore is what the congress tab reads and writes.
type congressStore interface {
	Congress(ctx context.Context) (data.Congress, error)
	UpdateCongress(ctx context.Context, c *data.Congress) error
}

const logoSize = 96 // the side of the logo's thumbnail

// congressSettings edits the congress's details, days and logo. Changes
// are kept in the form until Save.
type congressSettings struct {
	env   *env
	store congressStore

	name, edition, venue, city *widgets.Entry
	days                       []data.Day // as edited; UI thread only
	dayList                    *fyne.Container
	newDay                     *widgets.Entry
	logo                       []byte // as edited
	logoImage                  *canvas.Image
	logoNone                   *widget.Label
	logoRemove                 *widget.Button
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
	s.newDay = widgets.NewEntry()
	s.newDay.SetPlaceHolder(lang.L("YYYY-MM-DD"))
	s.newDay.OnSubmitted = func(string) { s.onAddDayTapped() }
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), nil)
	pick.OnTapped = func() { s.onPickDayTapped(pick) }
	addDay := widget.NewButtonWithIcon(lang.L("Add the day"), theme.ContentAddIcon(), s.onAddDayTapped)

	s.logoImage = canvas.NewImageFromResource(nil)
	s.logoImage.FillMode = canvas.ImageFillContain
	s.logoImage.SetMinSize(fyne.NewSquareSize(logoSize))
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor, frame.StrokeWidth, frame.CornerRadius = outlineColour(), 1, theme.InputRadiusSize()
	s.logoNone = widget.NewLabel(lang.L("No logo"))
	s.logoNone.Importance = widget.LowImportance
	chooseLogo := widget.NewButtonWithIcon(lang.L("Choose…"), theme.FileImageIcon(), s.onChooseLogoTapped)
	s.logoRemove = widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), s.onRemoveLogoTapped)

	s.errs = newInlineErrors("name", "days", "logo")
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
			container.NewBorder(nil, nil, nil, container.NewHBox(pick, addDay), s.newDay)))),
		widget.NewFormItem(lang.L("Logo"), s.errs.under("logo", container.NewHBox(
			container.NewStack(frame, s.logoImage, container.NewCenter(s.logoNone)),
			container.NewVBox(chooseLogo, s.logoRemove)))),
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
	s.days = slices.Clone(c.Days)
	s.showDays()
	s.newDay.SetText("")
	s.setLogo(c.Logo)
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
	d, err := data.ParseDay(s.newDay.Text)
	if err != nil {
		s.errs.show(err)
		return
	}
	if !slices.Contains(s.days, d) {
		s.days = append(s.days, d)
		slices.Sort(s.days)
		s.showDays()
	}
	s.newDay.SetText("")
}

func (s *congressSettings) onRemoveDayTapped(d data.Day) {
	s.errs.clear()
	s.days = slices.DeleteFunc(s.days, func(x data.Day) bool { return x == d })
	s.showDays()
}

// onPickDayTapped shows a calendar under the button; the day chosen goes
// into the day entry.
func (s *congressSettings) onPickDayTapped(from fyne.CanvasObject) {
	start := time.Now()
	if t, err := time.Parse(time.DateOnly, s.newDay.Text); err == nil {
		start = t
	} else if len(s.days) > 0 {
		start = s.days[len(s.days)-1].Time()
	}
	var pop *widget.PopUp
	cal := widget.NewCalendar(start, func(t time.Time) {
		s.newDay.SetText(t.Format(time.DateOnly))
		pop.Hide()
	})
	pop = widget.NewPopUp(cal, s.env.win.Canvas())
	// Under the button, ending at its right edge: the button is at the
	// window's right.
	pop.ShowAtRelativePosition(fyne.NewPos(from.Size().Width-pop.MinSize().Width, from.Size().Height), from)
}

func (s *congressSettings) onChooseLogoTapped() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(s.env.win, err)
			return
		}
		if r == nil {
			return // cancelled
		}
		s.readLogoAsync(r)
	}, s.env.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// readLogoAsync reads the image chosen as the new logo.
func (s *congressSettings) readLogoAsync(r io.ReadCloser) {
	s.env.tasks.runAsync(s.env.ctx, func(context.Context) func() {
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, 20<<20))
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		return func() {
			s.errs.clear()
			s.setLogo(b)
		}
	})
}

func (s *congressSettings) onRemoveLogoTapped() { s.setLogo(nil) }

// setLogo shows b as the logo (none when empty).
func (s *congressSettings) setLogo(b []byte) {
	s.logo = b
	s.logoImage.Resource = nil
	if len(b) > 0 { // named after its content: images are cached by name
		s.logoImage.Resource = fyne.NewStaticResource(fmt.Sprintf("logo-%08x", crc32.ChecksumIEEE(b)), b)
	}
	s.logoImage.Refresh()
	showIf(s.logoNone, len(b) == 0)
	showIf(s.logoRemove, len(b) > 0)
	s.scroll.Refresh()
}

// onSaveTapped saves the congress as the form has it.
func (s *congressSettings) onSaveTapped() {
	s.errs.clear()
	s.status.SetText("")
	c := data.Congress{Name: s.name.Text, Edition: s.edition.Text, Venue: s.venue.Text, City: s.city.Text,
		Days: slices.Clone(s.days), Logo: bytes.Clone(s.logo)}
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
