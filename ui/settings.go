package ui

import (
	"context"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// settingsStore is what the settings screen reads.
type settingsStore interface {
	Congress(ctx context.Context) (data.Congress, error)
	Categories(ctx context.Context) ([]data.Category, error)
	Rooms(ctx context.Context) ([]data.Room, error)
	Backups() ([]data.BackupInfo, error)
}

// settingsScreen shows the congress's details, categories, rooms and
// backups, and the interface language.
type settingsScreen struct {
	env   *env
	store settingsStore
	prefs fyne.Preferences
	// restore replaces the open file with a backup and reopens it.
	restore func(backup string)

	details    []*widget.Label // name, edition, venue, city, days
	categories []data.Category // UI thread only
	catList    *widget.List
	rooms      *textTable
	backups    []data.BackupInfo // UI thread only
	backupList *widget.List
	language   *widget.RadioGroup
}

func newSettingsScreen(e *env, st settingsStore, prefs fyne.Preferences, restore func(string)) *settingsScreen {
	return &settingsScreen{env: e, store: st, prefs: prefs, restore: restore}
}

func (s *settingsScreen) build() fyne.CanvasObject {
	form := container.New(layout.NewFormLayout())
	for _, k := range []string{lang.L("Name"), lang.L("Edition"), lang.L("Venue"), lang.L("City"), lang.L("Days")} {
		key := widget.NewLabel(k)
		key.TextStyle.Bold = true
		v := widget.NewLabel("")
		v.Wrapping = fyne.TextWrapWord
		s.details = append(s.details, v)
		form.Add(key)
		form.Add(v)
	}
	s.catList = widget.NewList(func() int { return len(s.categories) }, newCategoryItem, s.updateCategory)
	s.rooms = newTextTable([]string{lang.L("Room"), lang.L("Capacity"), lang.L("Location")}, []float32{260, 110, 300})
	s.backupList = widget.NewList(func() int { return len(s.backups) }, newBackupItem, s.updateBackup)
	noBackup := widget.NewLabel(lang.L("Backups are made while the file is open, in the “backups” folder beside it."))
	noBackup.Wrapping = fyne.TextWrapWord

	options := []string{lang.L("System language"), lang.L("Français"), lang.L("English")}
	s.language = widget.NewRadioGroup(options, nil)
	s.language.SetSelected(options[languageIndex(s.prefs.String(prefLanguage))])
	s.language.OnChanged = s.onLanguageChanged
	note := widget.NewLabel(lang.L("The language applies the next time Congrès starts."))
	note.Importance = widget.LowImportance

	return container.NewAppTabs(
		container.NewTabItem(lang.L("Congress"), container.NewVScroll(container.NewVBox(form,
			widget.NewLabel(lang.L("Editing the congress will come in a later version."))))),
		container.NewTabItem(lang.L("Categories"), s.catList),
		container.NewTabItem(lang.L("Rooms"), s.rooms.table),
		container.NewTabItem(lang.L("Backups"), container.NewBorder(noBackup, nil, nil, nil, s.backupList)),
		container.NewTabItem(lang.L("Language"), container.NewVBox(s.language, note)),
	)
}

// languageChoices are the values of the language preference, in the order
// of the options offered: the system's language, French, English.
var languageChoices = []string{"", "fr", "en"}

// languageIndex is the option of a language preference.
func languageIndex(pref string) int {
	for i, c := range languageChoices {
		if c == pref {
			return i
		}
	}
	return 0
}

// onLanguageChanged keeps the chosen language for the next start.
func (s *settingsScreen) onLanguageChanged(option string) {
	for i, o := range s.language.Options {
		if o == option {
			s.prefs.SetString(prefLanguage, languageChoices[i])
		}
	}
}

func newCategoryItem() fyne.CanvasObject {
	swatch := canvas.NewRectangle(color.Transparent)
	swatch.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize()))
	swatch.CornerRadius = 4
	return container.NewBorder(nil, nil, container.NewCenter(swatch), nil, newCellLabel())
}

func (s *settingsScreen) updateCategory(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.categories) {
		return
	}
	c := s.categories[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(joinNonEmpty(" — ", c.Name, c.BadgeLabel))
	swatch := box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Rectangle)
	swatch.FillColor = parseColour(c.Colour)
	swatch.Refresh()
}

// parseColour reads #RRGGBB.
func parseColour(s string) color.Color {
	var r, g, b uint8
	if _, err := fmt.Sscanf(strings.TrimPrefix(s, "#"), "%02x%02x%02x", &r, &g, &b); err != nil {
		return color.Transparent
	}
	return color.NRGBA{R: r, G: g, B: b, A: 0xFF}
}

func newBackupItem() fyne.CanvasObject {
	btn := widget.NewButtonWithIcon(lang.L("Restore…"), theme.HistoryIcon(), nil)
	return container.NewBorder(nil, nil, nil, btn, newCellLabel())
}

func (s *settingsScreen) updateBackup(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.backups) {
		return
	}
	b := s.backups[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(dateTime(b.Time) + " — " + fileSize(b.Size))
	box.Objects[1].(*widget.Button).OnTapped = func() { s.onRestoreTapped(b) }
}

// onRestoreTapped asks before putting a backup in place of the file.
func (s *settingsScreen) onRestoreTapped(b data.BackupInfo) {
	dialog.ShowConfirm(lang.L("Restore this backup?"),
		lang.L("The congress will go back to its state of {{.Time}}. Its current state is backed up first, so this can be undone.",
			map[string]any{"Time": dateTime(b.Time)}),
		func(ok bool) {
			if ok {
				s.restore(b.Path)
			}
		}, s.env.win)
}

// loadAsync reads the details, categories, rooms and backups and shows them.
func (s *settingsScreen) loadAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		c, err := s.store.Congress(ctx)
		var cats []data.Category
		var rooms []data.Room
		var backups []data.BackupInfo
		if err == nil {
			cats, err = s.store.Categories(ctx)
		}
		if err == nil {
			rooms, err = s.store.Rooms(ctx)
		}
		if err == nil {
			backups, err = s.store.Backups()
		}
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		days := make([]string, len(c.Days))
		for i, d := range c.Days {
			days[i] = dayLong(d)
		}
		roomRows := make([][]string, len(rooms))
		for i, r := range rooms {
			capacity := lang.L("Unknown")
			if r.Capacity > 0 {
				capacity = fmt.Sprint(r.Capacity)
			}
			roomRows[i] = []string{r.Name, capacity, r.Location}
		}
		return func() {
			for i, v := range []string{c.Name, c.Edition, c.Venue, c.City, strings.Join(days, "\n")} {
				s.details[i].SetText(v)
			}
			s.categories = cats
			s.catList.Refresh()
			s.rooms.setRows(roomRows)
			s.backups = backups
			s.backupList.Refresh()
		}
	})
}
