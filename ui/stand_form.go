package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// standFormStore is what the stand form reads and writes.
type standFormStore interface {
	SaveStand(ctx context.Context, st *data.Stand) error
	DeleteStand(ctx context.Context, id int64) error
	SearchParticipants(ctx context.Context, text string, limit int) ([]data.ParticipantRow, error)
}

// participantMatches is how many people a participant picker offers.
const participantMatches = 30

// standForm edits one stand in a dialog; nothing is saved until Save, and
// a refused save keeps the dialog open with the message under the field.
type standForm struct {
	env     *env
	store   standFormStore
	stand   data.Stand       // as loaded; the form's values replace its fields on save
	others  []data.Stand     // all the stands, to say who holds a place
	names   map[int64]string // the contact's and staff's names, by ID
	onSaved func()           // after a save or a delete, to show the change

	number, name, organisation *widgets.Entry
	zone                       *widget.SelectEntry
	contact                    int64 // 0: none
	contactName                *widget.Label
	contactClear               *widget.Button
	staff                      []int64
	staffBox                   *fyne.Container
	power                      *widget.Check
	tables, chairs, x, y       *widgets.Entry
	notes                      *widgets.Entry
	errs                       *inlineErrors
	dialog                     *formDialog
	saving                     data.Stand // what Save sent last
}

// newStandForm prepares the form for st (ID 0: a new stand) among the
// stands all. names gives the names of its contact and staff.
func newStandForm(e *env, store standFormStore, st data.Stand, all []data.Stand, names map[int64]string, onSaved func()) *standForm {
	f := &standForm{env: e, store: store, stand: st, others: all, names: names, onSaved: onSaved,
		contact: st.ContactID, staff: append([]int64(nil), st.Staff...)}
	if f.names == nil {
		f.names = map[int64]string{}
	}
	f.number = newFormEntry(st.Number)
	f.name = newFormEntry(st.Name)
	var zones []string
	for _, z := range zonesOf(all) {
		if z.name != "" {
			zones = append(zones, z.name)
		}
	}
	f.zone = widget.NewSelectEntry(zones)
	f.zone.SetText(st.Zone)
	f.organisation = newFormEntry(st.Organisation)
	f.contactName = widget.NewLabel("")
	f.contactName.Truncation = fyne.TextTruncateEllipsis
	f.contactClear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), f.onContactCleared)
	f.staffBox = container.NewVBox()
	f.power = widget.NewCheck(lang.L("Power supply"), nil)
	f.power.SetChecked(st.Power)
	f.tables = newFormEntry(strconv.Itoa(st.Tables))
	f.chairs = newFormEntry(strconv.Itoa(st.Chairs))
	f.x = newFormEntry(strconv.Itoa(st.X + 1)) // people count from 1
	f.y = newFormEntry(strconv.Itoa(st.Y + 1))
	f.notes = widgets.NewMultiLineEntry()
	f.notes.SetText(st.Notes)
	f.notes.Wrapping = fyne.TextWrapWord
	f.notes.SetMinRowsVisible(3)
	f.errs = newInlineErrors("number", "name", "zone", "organisation", "contact", "staff", "tables", "chairs", "position")
	f.showContact()
	f.showStaff()
	return f
}

func newFormEntry(text string) *widgets.Entry {
	e := widgets.NewEntry()
	e.SetText(text)
	return e
}

func (f *standForm) content() fyne.CanvasObject {
	pickContact := widget.NewButtonWithIcon(lang.L("Choose…"), theme.SearchIcon(), f.onPickContactTapped)
	addStaff := widget.NewButtonWithIcon(lang.L("Add…"), theme.ContentAddIcon(), f.onAddStaffTapped)
	xy := container.NewGridWithColumns(4, widget.NewLabel(lang.L("Column")), f.x, widget.NewLabel(lang.L("Row")), f.y)
	equipment := container.NewGridWithColumns(4, widget.NewLabel(lang.L("Tables")), f.tables,
		widget.NewLabel(lang.L("Chairs")), f.chairs)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Number"), f.errs.under("number", f.number)),
		widget.NewFormItem(lang.L("Name"), f.errs.under("name", f.name)),
		widget.NewFormItem(lang.L("Zone"), f.errs.under("zone", f.zone)),
		widget.NewFormItem(lang.L("Organisation"), f.errs.under("organisation", f.organisation)),
		widget.NewFormItem(lang.L("Contact"), f.errs.under("contact",
			container.NewBorder(nil, nil, nil, container.NewHBox(f.contactClear, pickContact), f.contactName))),
		widget.NewFormItem(lang.L("Staff"), f.errs.under("staff", container.NewVBox(f.staffBox,
			container.NewHBox(addStaff)))),
		widget.NewFormItem(lang.L("Equipment"), container.NewVBox(f.power,
			f.errs.under("tables", f.errs.under("chairs", equipment)))),
		widget.NewFormItem(lang.L("Position on the plan"), f.errs.under("position", xy)),
		widget.NewFormItem(lang.L("Notes"), f.notes),
	)
	return container.NewBorder(f.errs.under("", nil), nil, nil, nil, form)
}

// show opens the form in a dialog.
func (f *standForm) show() {
	title := lang.L("New stand")
	var del func(context.Context) error
	if f.stand.ID != 0 {
		title = lang.L("Stand {{.Number}}", map[string]any{"Number": f.stand.Number})
		del = func(ctx context.Context) error { return f.store.DeleteStand(ctx, f.stand.ID) }
	}
	f.dialog = newFormDialog(f.env, title, f.content(), f.errs, f.read, f.onSaved)
	f.dialog.onError = f.showSaveError
	if del != nil {
		f.dialog.allowDelete(lang.L("Delete this stand?"),
			lang.L("Stand {{.Number}} “{{.Name}}” will be removed from the plan.",
				map[string]any{"Number": f.stand.Number, "Name": f.stand.Name}), del)
	}
	f.dialog.show(fyne.NewSize(640, 700), f.number)
}

func (f *standForm) showContact() {
	name := lang.L("None")
	if f.contact != 0 {
		name = f.nameOf(f.contact)
	}
	f.contactName.SetText(name)
	showIf(f.contactClear, f.contact != 0)
}

func (f *standForm) nameOf(id int64) string {
	if n, ok := f.names[id]; ok {
		return n
	}
	return lang.L("Participant {{.ID}}", map[string]any{"ID": id})
}

func (f *standForm) showStaff() {
	f.staffBox.RemoveAll()
	if len(f.staff) == 0 {
		none := widget.NewLabel(lang.L("Nobody yet"))
		none.Importance = widget.LowImportance
		f.staffBox.Add(none)
	}
	for _, id := range f.staff {
		name := widget.NewLabel(f.nameOf(id))
		name.Truncation = fyne.TextTruncateEllipsis
		remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { f.removeStaff(id) })
		f.staffBox.Add(container.NewBorder(nil, nil, nil, remove, name))
	}
	if f.dialog != nil {
		f.dialog.relayout()
	}
}

func (f *standForm) onPickContactTapped() {
	showParticipantPicker(f.env, f.store, lang.L("Contact of the stand"), f.setContact)
}

func (f *standForm) onAddStaffTapped() {
	showParticipantPicker(f.env, f.store, lang.L("Add to the staff"), f.addStaff)
}

func (f *standForm) onContactCleared() {
	f.contact = 0
	f.showContact()
}

// setContact makes p the stand's contact.
func (f *standForm) setContact(p data.ParticipantRow) {
	f.names[p.ID] = p.FirstName + " " + p.LastName
	f.contact = p.ID
	f.showContact()
}

// addStaff adds p to the stand's staff.
func (f *standForm) addStaff(p data.ParticipantRow) {
	f.names[p.ID] = p.FirstName + " " + p.LastName
	for _, id := range f.staff {
		if id == p.ID {
			return
		}
	}
	f.staff = append(f.staff, p.ID)
	f.showStaff()
}

func (f *standForm) removeStaff(id int64) {
	for i, s := range f.staff {
		if s == id {
			f.staff = append(f.staff[:i:i], f.staff[i+1:]...)
			break
		}
	}
	f.showStaff()
}

// values reads the form into a stand, or says which field is not a number.
func (f *standForm) values() (data.Stand, bool) {
	st := f.stand
	st.Number, st.Name, st.Zone = f.number.Text, f.name.Text, f.zone.Text
	st.Organisation, st.Notes = f.organisation.Text, strings.TrimSpace(f.notes.Text)
	st.ContactID, st.Staff = f.contact, append([]int64(nil), f.staff...)
	st.Power = f.power.Checked
	ok := true
	for _, n := range []struct {
		entry *widgets.Entry
		field string
		to    *int
		from  int // the first value people write
	}{{f.tables, "tables", &st.Tables, 0}, {f.chairs, "chairs", &st.Chairs, 0},
		{f.x, "position", &st.X, 1}, {f.y, "position", &st.Y, 1}} {
		v, err := strconv.Atoi(strings.TrimSpace(n.entry.Text))
		if err != nil || v < n.from {
			msg := lang.L("Enter a whole number.")
			if n.from == 1 {
				msg = lang.L("Columns and rows are numbered from 1.")
			}
			f.errs.set(n.field, msg)
			ok = false
			continue
		}
		*n.to = v - n.from
	}
	return st, ok
}

// read reads the form into the work of saving it; nil when a number is
// not one.
func (f *standForm) read() func(ctx context.Context) error {
	st, ok := f.values()
	if !ok {
		return nil
	}
	f.saving = st
	return func(ctx context.Context) error { return f.store.SaveStand(ctx, &st) }
}

// showSaveError shows why the stand was not saved. A place taken is told
// in the form's own terms: columns and rows numbered from 1.
func (f *standForm) showSaveError(err error) {
	st := f.saving
	if errors.Is(err, data.ErrPositionTaken) {
		for _, o := range f.others {
			if o.X == st.X && o.Y == st.Y && o.ID != st.ID {
				f.errs.set("position", lang.L("Column {{.X}}, row {{.Y}} is already taken by stand {{.Number}} “{{.Name}}”.",
					map[string]any{"X": st.X + 1, "Y": st.Y + 1, "Number": o.Number, "Name": o.Name}))
				return
			}
		}
	}
	f.errs.show(err)
}

// participantSearcher finds participants by name, organisation or code.
type participantSearcher interface {
	SearchParticipants(ctx context.Context, text string, limit int) ([]data.ParticipantRow, error)
}

// showParticipantPicker asks for a participant, found by a search as one types,
// and hands them to picked.
func showParticipantPicker(e *env, store participantSearcher, title string, picked func(data.ParticipantRow)) {
	showParticipantPickerFor(e, store, title, "", picked)
}

// showParticipantPickerFor is showParticipantPicker with a search already
// typed.
func showParticipantPickerFor(e *env, store participantSearcher, title, text string, picked func(data.ParticipantRow)) {
	var matches []data.ParticipantRow // UI thread only
	var latest atomic.Uint64          // numbers the searches; older results are dropped
	search := widgets.NewEntry()
	search.SetPlaceHolder(lang.L("Type a name, an organisation or a code"))
	status := widget.NewLabel(lang.L("Type to search."))
	status.Importance = widget.LowImportance
	list := widgets.NewList(func() int { return len(matches) }, newCellLabel, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < len(matches) {
			m := matches[id]
			o.(*widget.Label).SetText(joinNonEmpty(" — ", m.FirstName+" "+m.LastName, m.Organisation, m.Category))
		}
	})
	d := dialog.NewCustom(title, lang.L("Cancel"), container.NewBorder(container.NewVBox(search, status), nil, nil, nil, list), e.win)
	list.OnSelected = func(id widget.ListItemID) {
		if id < len(matches) {
			picked(matches[id])
		}
		d.Hide()
	}
	search.OnSubmitted = func(string) {
		if len(matches) > 0 {
			list.Select(0)
		}
	}
	search.OnChanged = func(text string) {
		n := latest.Add(1)
		e.tasks.runAsync(e.ctx, func(ctx context.Context) func() {
			var rows []data.ParticipantRow
			var err error
			if strings.TrimSpace(text) != "" {
				rows, err = store.SearchParticipants(ctx, text, participantMatches)
			}
			return func() {
				if latest.Load() != n {
					return // the person typed on
				}
				if err != nil {
					showError(e.win, err)
					return
				}
				matches = rows
				list.UnselectAll()
				list.Refresh()
				switch {
				case strings.TrimSpace(text) == "":
					status.SetText(lang.L("Type to search."))
				case len(rows) == 0:
					status.SetText(lang.L("Nobody matches."))
				default:
					status.SetText(lang.L("Choose a person, or press Enter for the first."))
				}
			}
		})
	}
	d.Resize(fyne.NewSize(520, 460))
	d.Show()
	e.win.Canvas().Focus(search)
	if text != "" {
		search.SetText(text)
	}
}

// inlineErrors shows a form's messages under the fields at fault: the
// field a data error names (its Field), or at the top of the form for an
// error of no particular field.
type inlineErrors struct {
	labels  map[string]*widget.Label  // by field; "" for the whole form
	changed func()                    // lays the form out again, when set
	entries map[string]*widgets.Entry // the text field a message is under
}

func newInlineErrors(fields ...string) *inlineErrors {
	m := &inlineErrors{labels: map[string]*widget.Label{}}
	for _, f := range append(fields, "") {
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		m.labels[f] = l
	}
	return m
}

// under puts the message of field under o (o may be nil).
func (m *inlineErrors) under(field string, o fyne.CanvasObject) fyne.CanvasObject {
	if o == nil {
		return m.labels[field]
	}
	if e, ok := o.(*widgets.Entry); ok {
		if m.entries == nil {
			m.entries = map[string]*widgets.Entry{}
		}
		m.entries[field] = e
	}
	return container.NewVBox(o, m.labels[field])
}

// clearOnEdit hides a field's message as soon as its text field is
// edited: what it said is no longer true, or soon will not be.
func (m *inlineErrors) clearOnEdit() {
	for field, e := range m.entries {
		was := e.OnChanged
		e.OnChanged = func(s string) {
			if was != nil {
				was(s)
			}
			m.clearField(field)
		}
	}
}

// set shows msg for field (at the top when the form has no such field).
func (m *inlineErrors) set(field, msg string) {
	l, ok := m.labels[field]
	if !ok {
		l = m.labels[""]
	}
	l.SetText(msg)
	l.Show()
	if m.changed != nil {
		m.changed()
	}
}

// show shows err where it belongs.
func (m *inlineErrors) show(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	field := ""
	var de *data.Error
	if errors.As(err, &de) {
		field = de.Field
	}
	m.set(field, data.Message(err, uiLanguage()))
}

// text is the message shown for field, "" when none.
func (m *inlineErrors) text(field string) string {
	if l := m.labels[field]; l != nil && l.Visible() {
		return l.Text
	}
	return ""
}

// clearField hides the message of field alone.
func (m *inlineErrors) clearField(field string) {
	l := m.labels[field]
	if l == nil || !l.Visible() {
		return
	}
	l.SetText("")
	l.Hide()
	if m.changed != nil {
		m.changed()
	}
}

func (m *inlineErrors) clear() {
	shown := false
	for _, l := range m.labels {
		shown = shown || l.Visible()
		l.SetText("")
		l.Hide()
	}
	if shown && m.changed != nil {
		m.changed()
	}
}

// formDialog shows a form in a dialog with Cancel and Save, and Delete…
// for a record that exists. Save and Delete run off the UI thread; the
// dialog closes when they succeed and shows why otherwise, under the field
// at fault.
type formDialog struct {
	env  *env
	errs *inlineErrors
	// read reads the form into the work of saving it; nil when the form
	// itself is wrong (it shows its messages).
	read    func() func(ctx context.Context) error
	onError func(error) // shows a refusal; errs.show when nil
	done    func()      // after a save or a delete

	dialog *dialog.CustomDialog
	scroll *container.Scroll
	body   fyne.CanvasObject // the form, in scroll
	width  float32           // set when the dialog fits its form's height
	save   *widget.Button
	del    *widget.Button
	// deleting, when set, asks before deleting and deletes.
	deleteTitle, deleteMessage string
	deleting                   func(ctx context.Context) error
}

func newFormDialog(e *env, title string, content fyne.CanvasObject, errs *inlineErrors,
	read func() func(ctx context.Context) error, done func()) *formDialog {
	d := &formDialog{env: e, errs: errs, read: read, done: done, body: content}
	d.scroll = container.NewVScroll(content)
	errs.changed = d.relayout
	d.dialog = dialog.NewCustomWithoutButtons(title, d.scroll, e.win)
	d.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), d.onSaveTapped)
	d.save.Importance = widget.HighImportance
	return d
}

// allowDelete adds Delete…, which asks this question before deleting.
func (d *formDialog) allowDelete(title, message string, del func(ctx context.Context) error) {
	d.deleteTitle, d.deleteMessage, d.deleting = title, message, del
}

// show opens the dialog at this size, with the cursor in first. A height
// of 0 fits the form, as it grows and shrinks.
func (d *formDialog) show(size fyne.Size, first fyne.Focusable) {
	buttons := []fyne.CanvasObject{widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), d.dialog.Hide), d.save}
	if d.deleting != nil {
		d.del = widget.NewButtonWithIcon(lang.L("Delete…"), theme.DeleteIcon(), d.onDeleteTapped)
		d.del.Importance = widget.DangerImportance
		buttons = append([]fyne.CanvasObject{d.del}, buttons...)
	}
	d.dialog.SetButtons(buttons)
	submitOnEnter(d.body, d.onSaveTapped)
	d.errs.clearOnEdit()
	if size.Height == 0 {
		d.width = size.Width
		d.fit()
	} else {
		d.dialog.Resize(size)
	}
	d.dialog.Show()
	declareCancel(d.env.win.Canvas(), d.dialog.Hide) // Esc, as Cancel
	if first != nil {
		d.env.win.Canvas().Focus(first)
	}
}

// submitOnEnter makes Enter in each one-line text field of o (in its
// containers and forms) do submit, as the Save button, unless the field
// does something of its own on Enter.
func submitOnEnter(o fyne.CanvasObject, submit func()) {
	switch x := o.(type) {
	case *widgets.Entry:
		if !x.MultiLine && x.OnSubmitted == nil {
			x.OnSubmitted = func(string) { submit() }
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			submitOnEnter(c, submit)
		}
	case *widget.Form:
		for _, it := range x.Items {
			submitOnEnter(it.Widget, submit)
		}
	}
}

// relayout lays the form out again after a part of it grew or shrank.
func (d *formDialog) relayout() {
	if d.width > 0 {
		d.fit()
	}
	d.scroll.Refresh()
}

// fit makes the dialog as tall as its form. Twice: a message that wraps
// knows its height only once laid out at the dialog's width.
func (d *formDialog) fit() {
	for range 2 {
		d.scroll.SetMinSize(fyne.NewSize(0, d.body.MinSize().Height))
		d.dialog.Resize(fyne.NewSize(d.width, 0).Max(d.dialog.MinSize()))
	}
}

// onSaveTapped saves the form, or shows what stops it.
func (d *formDialog) onSaveTapped() {
	d.errs.clear()
	work := d.read()
	if work == nil {
		return
	}
	d.runAsync(work)
}

// onDeleteTapped deletes the record once confirmed.
func (d *formDialog) onDeleteTapped() {
	d.errs.clear()
	askConfirm(d.env.win, d.deleteTitle, d.deleteMessage, func(ok bool) {
		if ok {
			d.runAsync(d.deleting)
		}
	})
}

func (d *formDialog) runAsync(work func(ctx context.Context) error) {
	d.save.Disable()
	d.env.tasks.runAsync(d.env.ctx, func(ctx context.Context) func() {
		err := work(ctx)
		return func() {
			d.save.Enable()
			if err != nil {
				if d.onError != nil {
					d.onError(err)
				} else {
					d.errs.show(err)
				}
				return
			}
			d.dialog.Hide()
			if d.done != nil {
				d.done()
			}
		}
	})
}
