package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// sessionFormStore is what the session form saves with and searches in.
type sessionFormStore interface {
	SaveSession(ctx context.Context, se *data.Session) error
	CheckSession(ctx context.Context, se data.Session) error // before asking about capacity
	Sessions(ctx context.Context) ([]data.Session, error)    // to ask about a plenary at the same time
	sessionPersonSearcher
}

// sessionFormFields are the fields that can show a message, by the name
// data's errors give them (data.Error.Field).
var sessionFormFields = []string{"kind", "title", "description", "day", "start", "end", "room", "capacity", "speakers"}

// sessionForm adds or edits a session in a dialog. A refusal (a room
// already taken, a speaker in two places…) is shown under the field at
// fault and nothing is saved.
type sessionForm struct {
	env     *env
	store   sessionFormStore
	days    []data.Day
	rooms   []data.Room
	se      data.Session // as it was; ID 0 for a new session
	onSaved func(se data.Session)

	kind                   *widget.RadioGroup
	title, start, end, cap *widgets.Entry
	description            *widgets.Entry
	day, room              *widget.Select
	speakers, facilitators *sessionPeopleField
	errs                   map[string]*widget.Label // by field
	general                *widget.Label            // errors of no field
	save                   *widget.Button
	dlg                    *dialog.CustomDialog
}

// newSessionForm prepares the form for se (ID 0: a new session) among the
// congress's days and rooms; people are the session's speakers and
// facilitators as rows.
func newSessionForm(e *env, st sessionFormStore, days []data.Day, rooms []data.Room, se data.Session,
	people []data.ParticipantRow, onSaved func(data.Session)) *sessionForm {
	f := &sessionForm{env: e, store: st, days: days, rooms: rooms, se: se, onSaved: onSaved, errs: map[string]*widget.Label{}}
	byID := map[int64]data.ParticipantRow{}
	for _, p := range people {
		byID[p.ID] = p
	}
	pick := func(ids []int64) []data.ParticipantRow {
		var rows []data.ParticipantRow
		for _, id := range ids {
			if p, ok := byID[id]; ok {
				rows = append(rows, p)
			}
		}
		return rows
	}
	f.speakers = newSessionPeopleField(e, st, lang.L("Add a speaker"), pick(se.Speakers))
	f.facilitators = newSessionPeopleField(e, st, lang.L("Add a facilitator"), pick(se.Facilitators))
	return f
}

// show opens the form's dialog.
func (f *sessionForm) show() {
	title := lang.L("New session")
	if f.se.ID != 0 {
		title = lang.L("Edit session")
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewVScroll(f.build()), f.env.win)
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), f.dlg.Hide)
	f.save = widget.NewButtonWithIcon(lang.L("Save"), theme.ConfirmIcon(), f.onSaveTapped)
	f.save.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.save})
	f.dlg.Resize(fyne.NewSize(680, 640))
	f.dlg.Show()
	f.env.win.Canvas().Focus(f.title)
}

func (f *sessionForm) build() fyne.CanvasObject {
	options := make([]string, len(sessionKinds))
	for i, k := range sessionKinds {
		options[i] = kindLabel(k)
	}
	f.kind = widget.NewRadioGroup(options, nil)
	f.kind.Horizontal = true
	f.kind.Required = true
	f.kind.SetSelected(kindLabel(f.se.Kind))

	f.title = widgets.NewEntry()
	f.title.SetText(f.se.Title)
	f.description = widgets.NewMultiLineEntry()
	f.description.SetMinRowsVisible(3)
	f.description.SetText(f.se.Description)

	dayOptions := make([]string, len(f.days))
	for i, d := range f.days {
		dayOptions[i] = dayLong(d)
	}
	f.day = widget.NewSelect(dayOptions, nil)
	for i, d := range f.days {
		if d == f.se.Day {
			f.day.SetSelectedIndex(i)
		}
	}

	f.start, f.end = widgets.NewEntry(), widgets.NewEntry()
	f.start.SetPlaceHolder(lang.L("HH:MM"))
	f.end.SetPlaceHolder(lang.L("HH:MM"))
	if f.se.End > 0 {
		f.start.SetText(f.se.Start.String())
		f.end.SetText(f.se.End.String())
	}

	roomOptions := []string{lang.L("No room")}
	for _, r := range f.rooms {
		roomOptions = append(roomOptions, roomOption(r))
	}
	f.room = widget.NewSelect(roomOptions, nil)
	f.room.SetSelectedIndex(0)
	for i, r := range f.rooms {
		if r.ID == f.se.RoomID {
			f.room.SetSelectedIndex(i + 1)
		}
	}
	f.cap = widgets.NewEntry()
	if f.se.Capacity > 0 {
		f.cap.SetText(strconv.Itoa(f.se.Capacity))
	}
	f.updateCapacityHint()

	for _, e := range []*widgets.Entry{f.title, f.start, f.end, f.cap} {
		e.OnSubmitted = func(string) { f.onSaveTapped() }
	}
	for _, name := range sessionFormFields {
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		f.errs[name] = l
	}
	// A message goes once its field is changed.
	f.kind.OnChanged = func(string) { f.clearError("kind") }
	f.title.OnChanged = func(string) { f.clearError("title") }
	f.description.OnChanged = func(string) { f.clearError("description") }
	f.day.OnChanged = func(string) { f.clearError("day") }
	f.start.OnChanged = func(string) { f.clearError("start") }
	f.end.OnChanged = func(string) { f.clearError("end") }
	f.room.OnChanged = func(string) {
		f.clearError("room")
		f.updateCapacityHint()
	}
	f.cap.OnChanged = func(string) { f.clearError("capacity") }
	f.speakers.onChanged = func() { f.clearError("speakers") }
	f.facilitators.onChanged = func() { f.clearError("speakers") }
	f.general = widget.NewLabel("")
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	f.general.Hide()

	times := container.NewGridWithColumns(2,
		container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L("from")), nil, f.start), f.errs["start"]),
		container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L("to")), nil, f.end), f.errs["end"]))
	people := container.NewVBox(f.speakers.box, f.errs["speakers"])
	form := container.New(layout.NewFormLayout(),
		sessionFieldLabel(lang.L("Kind")), container.NewVBox(f.kind, f.errs["kind"]),
		sessionFieldLabel(lang.L("Title")), container.NewVBox(f.title, f.errs["title"]),
		sessionFieldLabel(lang.X("field.description", "Description")), container.NewVBox(f.description, f.errs["description"]),
		sessionFieldLabel(lang.L("Day")), container.NewVBox(f.day, f.errs["day"]),
		sessionFieldLabel(lang.L("Time")), times,
		sessionFieldLabel(lang.L("Room")), container.NewVBox(f.room, f.errs["room"]),
		sessionFieldLabel(lang.L("Places")), container.NewVBox(f.cap, f.errs["capacity"]),
		sessionFieldLabel(lang.L("Speakers")), people,
		sessionFieldLabel(lang.L("Facilitators")), f.facilitators.box,
	)
	return container.NewVBox(form, f.general)
}

// sessionFieldLabel is the name of a field in a form.
func sessionFieldLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// roomOption is a room in the room chooser: "Salle Vauban (60 places)".
func roomOption(r data.Room) string {
	if r.Capacity == 0 {
		return r.Name
	}
	return r.Name + " (" + lang.N("{{.Count}} places", r.Capacity, map[string]any{"Count": formatCount(r.Capacity)}) + ")"
}

// chosenRoom is the room chosen, nil for none.
func (f *sessionForm) chosenRoom() *data.Room {
	if i := f.room.SelectedIndex(); i > 0 && i <= len(f.rooms) {
		return &f.rooms[i-1]
	}
	return nil
}

// updateCapacityHint says what an empty number of places means.
func (f *sessionForm) updateCapacityHint() {
	if f.cap == nil {
		return
	}
	hint := lang.L("Empty: unlimited")
	if r := f.chosenRoom(); r != nil && r.Capacity > 0 {
		hint = lang.L("Empty: the room's {{.Count}}", map[string]any{"Count": formatCount(r.Capacity)})
	}
	f.cap.SetPlaceHolder(hint)
}

// session reads the form; errs holds the fields it could not read.
func (f *sessionForm) session() (data.Session, map[string]error) {
	se := f.se
	errs := map[string]error{}
	se.Kind = ""
	for _, k := range sessionKinds {
		if f.kind.Selected == kindLabel(k) {
			se.Kind = k
		}
	}
	se.Title, se.Description = f.title.Text, f.description.Text
	se.Day = ""
	if i := f.day.SelectedIndex(); i >= 0 && i < len(f.days) {
		se.Day = f.days[i]
	}
	var err error
	if se.Start, err = parseSessionTime(f.start.Text); err != nil {
		errs["start"] = err
	}
	if se.End, err = parseSessionTime(f.end.Text); err != nil {
		errs["end"] = err
	}
	se.RoomID = 0
	if r := f.chosenRoom(); r != nil {
		se.RoomID = r.ID
	}
	se.Capacity = 0
	if text := strings.TrimSpace(f.cap.Text); text != "" {
		if se.Capacity, err = strconv.Atoi(text); err != nil {
			errs["capacity"] = sessionFormError(lang.L("Type a number of places, or leave it empty."))
		}
	}
	se.Speakers, se.Facilitators = f.speakers.ids(), f.facilitators.ids()
	return se, errs
}

// parseSessionTime reads a time typed in the form.
func parseSessionTime(text string) (data.Clock, error) {
	if strings.TrimSpace(text) == "" {
		return 0, sessionFormError(lang.L("Type a time, such as 09:30."))
	}
	return data.ParseClock(text)
}

// onSaveTapped saves the session, or shows why it cannot be.
func (f *sessionForm) onSaveTapped() {
	f.clearErrors()
	se, errs := f.session()
	if se.Kind == "" {
		errs["kind"] = sessionFormError(lang.L("Choose a kind of session."))
	}
	if se.Day == "" {
		errs["day"] = sessionFormError(lang.L("Choose a day."))
	}
	if len(errs) > 0 {
		// The session's own rules, on what could be read, say more at once.
		probe := se
		probe.Start, probe.End = 0, 1
		var de *data.Error
		if err := probe.Validate(); errors.As(err, &de) && errs[de.Field] == nil {
			errs[de.Field] = err
		}
		for field, err := range errs {
			f.showError(field, err)
		}
		return
	}
	// Being at the time of a plenary, and its people not fitting a
	// smaller room, are asked, as in a drag, once the rules allow the
	// change (a refusal comes first).
	f.env.tasks.runAsync(f.env.ctx, func(ctx context.Context) func() {
		err := f.store.CheckSession(ctx, se)
		var programme []data.Session
		if err == nil {
			programme, err = f.store.Sessions(ctx)
		}
		return func() {
			if err != nil {
				var de *data.Error
				field := ""
				if errors.As(err, &de) {
					field = de.Field
				}
				f.showError(field, err)
				return
			}
			confirmPlenaryOverlap(f.env.win, f.se, se, programme, lang.L("Save anyway?"), func(ok bool) {
				if !ok {
					return
				}
				if f.se.ID == 0 || f.se.Enrolled == 0 {
					f.saveAsync(se)
					return
				}
				confirmRoomCapacity(f.env.win, f.se, se, f.chosenRoom(), lang.L("Save anyway, above capacity?"), func(ok bool) {
					if ok {
						f.saveAsync(se)
					}
				})
			})
		}
	})
}

// saveAsync saves the session read from the form.
func (f *sessionForm) saveAsync(se data.Session) {
	f.save.Disable()
	f.env.tasks.runAsync(f.env.ctx, func(ctx context.Context) func() {
		err := f.store.SaveSession(ctx, &se)
		return func() {
			f.save.Enable()
			if err != nil {
				var de *data.Error
				field := ""
				if errors.As(err, &de) {
					field = de.Field
				}
				f.showError(field, err)
				return
			}
			f.dlg.Hide()
			if f.onSaved != nil {
				f.onSaved(se)
			}
		}
	})
}

// showError shows err under field, or under the form when it is no
// field's.
func (f *sessionForm) showError(field string, err error) {
	msg := sessionFormMessage(err)
	l, ok := f.errs[field]
	if !ok {
		l = f.general
	}
	if l.Visible() && l.Text != "" {
		msg = l.Text + "\n" + msg
	}
	l.SetText(msg)
	l.Show()
}

// sessionFormError is a message a form writes itself, already translated.
type sessionFormError string

func (e sessionFormError) Error() string { return string(e) }

// sessionFormMessage is the sentence for an error in a form: the form's own, or
// data's in the interface's language.
func sessionFormMessage(err error) string {
	var fe sessionFormError
	if errors.As(err, &fe) {
		return string(fe)
	}
	return data.Message(err, uiLanguage())
}

// clearError takes the message off a field.
func (f *sessionForm) clearError(field string) {
	if l, ok := f.errs[field]; ok && l.Visible() {
		l.SetText("")
		l.Hide()
	}
}

func (f *sessionForm) clearErrors() {
	for _, l := range f.errs {
		l.SetText("")
		l.Hide()
	}
	f.general.SetText("")
	f.general.Hide()
}

// errorText is the message shown under a field, "" when none.
func (f *sessionForm) errorText(field string) string {
	if l, ok := f.errs[field]; ok && l.Visible() {
		return l.Text
	}
	return ""
}
