package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// roomsStore is what the rooms tab reads and writes.
type roomsStore interface {
	Rooms(ctx context.Context) ([]data.Room, error)
	SaveRoom(ctx context.Context, r *data.Room) error
	DeleteRoom(ctx context.Context, id int64) error
}

// roomSettings lists the rooms, and adds, edits and deletes them.
type roomSettings struct {
	env   *env
	store roomsStore

	list  []data.Room // as shown; UI thread only
	table *textTable
	form  *roomForm // the form open last, for tests
}

func newRoomSettings(e *env, st roomsStore) *roomSettings {
	return &roomSettings{env: e, store: st}
}

func (s *roomSettings) build() fyne.CanvasObject {
	s.table = newTextTable([]string{lang.L("Room"), lang.L("Capacity"), lang.L("Location")}, []float32{260, 110, 300})
	s.table.table.stretch([]float32{260, 110, 300}, 0, 2) // a wider window shows longer names whole
	s.table.table.OnSelected = s.onRowSelected
	add := widget.NewButtonWithIcon(lang.L("New room"), theme.ContentAddIcon(), s.onAddTapped)
	note := widget.NewLabel(lang.L("A session without a capacity of its own takes its room's. Click a room to edit it."))
	note.Importance = widget.LowImportance
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewBorder(nil, nil, nil, add, note), nil, nil, nil, s.table.table)
}

// loadAsync reads the rooms and shows them.
func (s *roomSettings) loadAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		rooms, err := s.store.Rooms(ctx)
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		rows := make([][]string, len(rooms))
		for i, r := range rooms {
			capacity := lang.L("Unknown")
			if r.Capacity > 0 {
				capacity = formatCount(r.Capacity)
			}
			rows[i] = []string{r.Name, capacity, r.Location}
		}
		return func() {
			s.list = rooms
			s.table.setRows(rows)
		}
	})
}

func (s *roomSettings) onRowSelected(id widget.TableCellID) {
	s.table.table.UnselectAll()
	if id.Row >= 0 && id.Row < len(s.list) {
		s.openForm(s.list[id.Row])
	}
}

func (s *roomSettings) onAddTapped() { s.openForm(data.Room{}) }

func (s *roomSettings) openForm(r data.Room) {
	s.form = newRoomForm(s.env, s.store, r, s.loadAsync)
	s.form.show()
}

// roomForm edits a room's name, capacity and location.
type roomForm struct {
	env     *env
	store   roomsStore
	room    data.Room
	onSaved func()

	name, capacity, location *widgets.Entry
	errs                     *inlineErrors
	dialog                   *formDialog
}

func newRoomForm(e *env, st roomsStore, r data.Room, onSaved func()) *roomForm {
	f := &roomForm{env: e, store: st, room: r, onSaved: onSaved}
	f.name = newFormEntry(r.Name)
	f.capacity = newFormEntry("")
	if r.Capacity > 0 {
		f.capacity.SetText(strconv.Itoa(r.Capacity))
	}
	f.capacity.SetPlaceHolder(lang.L("Unknown"))
	f.location = newFormEntry(r.Location)
	f.location.SetPlaceHolder(lang.L("Floor, building…"))
	f.errs = newInlineErrors("name", "capacity", "location")
	return f
}

func (f *roomForm) show() {
	title := lang.L("New room")
	if f.room.ID != 0 {
		title = lang.L("Room “{{.Name}}”", map[string]any{"Name": f.room.Name})
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), f.errs.under("name", f.name)),
		widget.NewFormItem(lang.L("Capacity"), f.errs.under("capacity", f.capacity)),
		widget.NewFormItem(lang.L("Location"), f.errs.under("location", f.location)),
	)
	f.dialog = newFormDialog(f.env, title, container.NewBorder(f.errs.under("", nil), nil, nil, nil, form),
		f.errs, f.read, f.onSaved)
	if f.room.ID != 0 {
		f.dialog.allowDelete(lang.L("Delete this room?"),
			lang.L("The room “{{.Name}}” will be deleted.", map[string]any{"Name": f.room.Name}),
			func(ctx context.Context) error { return f.store.DeleteRoom(ctx, f.room.ID) })
	}
	f.dialog.show(fyne.NewSize(520, 0), f.name)
}

// read reads the form into the work of saving it; nil when the capacity
// is not a number.
func (f *roomForm) read() func(ctx context.Context) error {
	r := f.room
	r.Name, r.Location, r.Capacity = f.name.Text, f.location.Text, 0
	if text := strings.TrimSpace(f.capacity.Text); text != "" {
		n, err := strconv.Atoi(text)
		if err != nil || n < 0 {
			f.errs.set("capacity", lang.L("Enter a number of places, or leave it empty when unknown."))
			return nil
		}
		r.Capacity = n
	}
	return func(ctx context.Context) error { return f.store.SaveRoom(ctx, &r) }
}
