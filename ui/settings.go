package ui

import (
	"context"
	"fmt"
	"image/color"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// prefDeskName is the preference holding this laptop's name at the welcome
// desk, recorded with each check-in.
const prefDeskName = "deskName"

// deskName is this laptop's name at the welcome desk: the one chosen in
// the settings, or else the machine's.
func deskName(prefs fyne.Preferences) string {
	if name := strings.TrimSpace(prefs.String(prefDeskName)); name != "" {
		return name
	}
	return defaultDeskName()
}

// defaultDeskName is the machine's name.
func defaultDeskName() string {
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return lang.L("Welcome desk")
}

// settingsStore is what the settings screen reads and writes.
type settingsStore interface {
	congressStore
	categoriesStore
	roomsStore
	badgeSettingsStore
	pinStore
	SetDeskPIN(ctx context.Context, pin string) error
	Backups() ([]data.BackupInfo, error)
}

// settingsScreen edits the congress's details, categories, rooms and badges,
// and this laptop's settings (desk name, language, printer); it lists the
// backups.
type settingsScreen struct {
	env   *env
	store settingsStore
	prefs fyne.Preferences
	// restore replaces the open file with a backup and reopens it.
	restore func(backup string)

	congress          *congressSettings
	*categorySettings // the categories tab; its list is s.categories
	rooms             *roomSettings
	badges            *badgeSettingsTab
	backups           []data.BackupInfo // UI thread only
	backupList        *widgets.List
	onServer          bool // the congress is a server's: its backups open, to be read
	backupNote        *widget.Label
	desk              *widgets.Entry
	pin               *widget.Entry
	pinState          *widget.Label
	language          *widget.RadioGroup
	printer           *widget.Select
	settingPrinters   bool // the printers offered are being replaced, not chosen
	batchLayout       *widget.Select
	oneLayout         *widget.Select
}

func newSettingsScreen(e *env, st settingsStore, prefs fyne.Preferences, restore func(string)) *settingsScreen {
	return &settingsScreen{env: e, store: st, prefs: prefs, restore: restore,
		congress:         newCongressSettings(e, st),
		categorySettings: newCategorySettings(e, st),
		rooms:            newRoomSettings(e, st),
		badges:           newBadgeSettingsTab(e, st),
	}
}

func (s *settingsScreen) build() fyne.CanvasObject {
	newItem := newBackupItem
	noBackup := widget.NewLabel(lang.L("Backups are made while the file is open, in the “backups” folder beside it."))
	if kept, ok := s.store.(serverBackups); ok && kept.OnServer() {
		s.onServer = true
		newItem = newServerBackupItem
		noBackup.SetText(serverBackupsNote(kept.BackupFolder()))
	}
	noBackup.Wrapping = fyne.TextWrapWord
	s.backupNote = noBackup
	s.backupList = widgets.NewList(func() int { return len(s.backups) }, newItem, s.updateBackup)

	return container.NewAppTabs(
		container.NewTabItem(lang.L("Congress"), s.congress.build()),
		container.NewTabItem(lang.L("Categories"), s.categorySettings.build()),
		container.NewTabItem(lang.L("Rooms"), s.rooms.build()),
		container.NewTabItem(lang.L("Badges"), s.badges.build()),
		container.NewTabItem(lang.L("This laptop"), s.buildLaptop()),
		container.NewTabItem(lang.L("Backups"), container.NewBorder(noBackup, nil, nil, nil, s.backupList)),
	)
}

// buildLaptop is the tab of what belongs to this laptop, not to the file:
// its name at the desk, the interface language, and its badge printer.
func (s *settingsScreen) buildLaptop() fyne.CanvasObject {
	s.desk = widgets.NewEntry()
	s.desk.SetPlaceHolder(defaultDeskName())
	s.desk.SetText(s.prefs.String(prefDeskName))
	s.desk.OnChanged = s.onDeskNameChanged
	deskNote := widget.NewLabel(lang.L("Recorded with each check-in made on this laptop. Empty: the name of the machine."))
	deskNote.Importance = widget.LowImportance
	deskNote.Wrapping = fyne.TextWrapWord

	options := []string{lang.L("System language"), lang.L("Français"), lang.L("English")}
	s.language = widget.NewRadioGroup(options, nil)
	s.language.SetSelected(options[languageIndex(s.prefs.String(prefLanguage))])
	s.language.OnChanged = s.onLanguageChanged
	note := widget.NewLabel(lang.L("The language applies the next time Congrès starts."))
	note.Importance = widget.LowImportance

	box := container.NewVBox(
		sectionTitle(lang.L("Desk name")), s.desk, deskNote,
		sectionTitle(lang.L("Organiser PIN")), s.buildPIN(),
		sectionTitle(lang.L("Language")), s.language, note)
	for _, o := range s.buildPrinting() {
		box.Add(o)
	}
	return container.NewVScroll(box)
}

// buildPIN sets or removes the organiser's PIN, kept (hashed) in the
// congress file, which unlocks a locked desk.
func (s *settingsScreen) buildPIN() fyne.CanvasObject {
	s.pin = widget.NewPasswordEntry()
	s.pin.SetPlaceHolder(lang.L("4 to 12 digits"))
	s.pin.OnSubmitted = func(string) { s.onSetPINTapped() }
	s.pinState = widget.NewLabel("")
	s.pinState.Wrapping = fyne.TextWrapWord
	set := widget.NewButton(lang.L("Set PIN"), s.onSetPINTapped)
	remove := widget.NewButton(lang.L("Remove PIN"), func() { s.savePINAsync("") })
	s.showPINAsync()
	return container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(set, remove), s.pin), s.pinState)
}

func (s *settingsScreen) onSetPINTapped() {
	if s.pin.Text != "" {
		s.savePINAsync(s.pin.Text)
	}
}

// savePINAsync sets the PIN ("" removes it), then says what is set.
func (s *settingsScreen) savePINAsync(pin string) {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		err := s.store.SetDeskPIN(ctx, pin)
		return func() {
			if err != nil {
				s.pinState.Importance = widget.DangerImportance
				s.pinState.SetText(data.Message(err, uiLanguage()))
				return
			}
			s.pin.SetText("")
			s.showPINAsync()
		}
	})
}

// showPINAsync says whether a PIN is set.
func (s *settingsScreen) showPINAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		has, err := s.store.HasDeskPIN(ctx)
		return func() {
			s.pinState.Importance = widget.LowImportance
			switch {
			case err != nil:
				showError(s.env.win, err)
			case has:
				s.pinState.SetText(lang.L("A PIN is set: it unlocks a locked desk (Welcome desk → Lock the desk). It is kept in the congress file as a salted hash, never in clear."))
			default:
				s.pinState.SetText(lang.L("No PIN: the desk cannot be locked."))
			}
		}
	})
}

// onDeskNameChanged keeps this laptop's desk name.
func (s *settingsScreen) onDeskNameChanged(name string) {
	s.prefs.SetString(prefDeskName, strings.TrimSpace(name))
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

// parseColour reads #RRGGBB.
func parseColour(s string) color.Color {
	var r, g, b uint8
	if _, err := fmt.Sscanf(strings.TrimPrefix(s, "#"), "%02x%02x%02x", &r, &g, &b); err != nil {
		return color.Transparent
	}
	return color.NRGBA{R: r, G: g, B: b, A: 0xFF}
}

// formatColour writes c as #RRGGBB.
func formatColour(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02X%02X%02X", n.R, n.G, n.B)
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
	text := dateTime(b.Time) + " — " + fileSize(b.Size)
	btn := box.Objects[1].(*widget.Button)
	if b.Damaged && s.onServer {
		text += " — " + lang.L("damaged: cannot be opened")
		btn.Disable()
	} else if b.Damaged {
		text += " — " + lang.L("damaged: cannot be restored")
		btn.Disable()
	} else {
		btn.Enable()
	}
	box.Objects[0].(*widget.Label).SetText(text)
	btn.OnTapped = func() { s.onRestoreTapped(b) }
}

// onRestoreTapped asks before putting a backup in place of the file; on a
// server, before opening the backup, to be read, in place of the congress.
func (s *settingsScreen) onRestoreTapped(b data.BackupInfo) {
	if s.onServer {
		confirmOpenBackup(s.env.win, b, s.restore)
		return
	}
	confirmRestore(s.env.win, b, s.restore)
}

// loadAsync reads the details, categories, rooms, badge settings, backups
// and printers and shows them.
func (s *settingsScreen) loadAsync() {
	s.congress.loadAsync()
	s.categorySettings.loadAsync()
	s.rooms.loadAsync()
	s.badges.loadAsync()
	s.loadPrintersAsync()
	s.env.tasks.runAsync(s.env.ctx, func(context.Context) func() {
		backups, err := s.store.Backups()
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		return func() {
			s.backups = backups
			s.backupList.Refresh()
		}
	})
}
