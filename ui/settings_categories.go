package ui

import (
	"context"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// categoriesStore is what the categories tab reads and writes.
type categoriesStore interface {
	Categories(ctx context.Context) ([]data.Category, error)
	SaveCategory(ctx context.Context, c *data.Category) error
	ReorderCategories(ctx context.Context, ids []int64) error
	DeleteCategory(ctx context.Context, id int64) error
}

// categoryPalette are the colours new categories start with, in turn:
// those of a new congress's categories, then others far enough from them
// to be told apart on a badge's band.
var categoryPalette = []string{
	"#1F6FB2", "#2E8B57", "#8E2C8A", "#5B5B5B", "#D9822B", "#C0392B", "#F1C40F", "#7FB3D5",
	"#16A085", "#E84393", "#6D4C41", "#2C3E91", "#9ACD32", "#B03A48", "#00838F", "#FF8A65",
}

// newCategoryColour is the colour a new category starts with: the first of
// the palette no category has yet, so that it is not taken for another
// (a tester's Sponsor came out in Adhérent·e's blue).
func newCategoryColour(cats []data.Category) string {
	used := map[string]bool{}
	for _, c := range cats {
		used[strings.ToUpper(c.Colour)] = true
	}
	for _, c := range categoryPalette {
		if !used[c] {
			return c
		}
	}
	return categoryPalette[len(cats)%len(categoryPalette)]
}

// categorySettings lists the categories in their order, and adds, edits,
// moves and deletes them.
type categorySettings struct {
	env   *env
	store categoriesStore

	categories []data.Category // in order; UI thread only
	list       *categoryList
	form       *categoryForm // the form open last, for tests
}

// categoryColumns are the widths of a category's line: colour, name (the
// rest), badge label, and the buttons up, down, delete.
var categoryColumns = &columns{widths: []float32{40, 0, 220, 44, 44, 44}, flex: 1}

func newCategorySettings(e *env, st categoriesStore) *categorySettings {
	return &categorySettings{env: e, store: st}
}

func (s *categorySettings) build() fyne.CanvasObject {
	s.list = newCategoryList(func() int { return len(s.categories) }, newCategoryItem, s.updateCategory)
	s.list.OnSelected = s.onCategorySelected
	s.list.onMove = s.onMoveTapped
	s.list.onDelete = func(i int) {
		if i >= 0 && i < len(s.categories) {
			s.onDeleteTapped(s.categories[i])
		}
	}
	add := widget.NewButtonWithIcon(lang.L("New category"), theme.ContentAddIcon(), s.onAddTapped)
	note := widget.NewLabel(lang.L("The order is that of lists and statistics. Click a category to edit it.") + "\n" +
		lang.L("Keyboard: ↑ ↓ go through the list, Enter edits the category, Alt+↑ and Alt+↓ move it, Delete deletes it."))
	note.Importance = widget.LowImportance
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewBorder(nil, nil, nil, container.NewVBox(add), note), nil, nil, nil, s.list)
}

func newCategoryItem() fyne.CanvasObject {
	swatch := canvas.NewRectangle(color.Transparent)
	swatch.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize()))
	swatch.CornerRadius = 4
	ringSwatch(swatch) // colour_ring.go: a black or a white category shows
	badge := newCellLabel()
	return container.New(categoryColumns, container.NewCenter(swatch), newCellLabel(), badge,
		newRowAction(theme.MoveUpIcon()), newRowAction(theme.MoveDownIcon()), newRowAction(theme.DeleteIcon()))
}

func (s *categorySettings) updateCategory(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.categories) {
		return
	}
	c := s.categories[id]
	objs := o.(*fyne.Container).Objects
	swatch := objs[0].(*fyne.Container).Objects[0].(*canvas.Rectangle)
	swatch.FillColor = parseColour(c.Colour)
	ringSwatch(swatch) // in the theme of now
	swatch.Refresh()
	objs[1].(*widget.Label).SetText(c.Name)
	objs[2].(*widget.Label).SetText(c.BadgeLabel)
	up, down, del := objs[3].(*rowAction), objs[4].(*rowAction), objs[5].(*rowAction)
	up.onTapped = func() { s.onMoveTapped(id, -1) }
	down.onTapped = func() { s.onMoveTapped(id, +1) }
	del.onTapped = func() { s.onDeleteTapped(c) }
	enableIf(up, id > 0)
	enableIf(down, id < len(s.categories)-1)
}

// enableIf enables b when cond holds and disables it otherwise.
func enableIf(b fyne.Disableable, cond bool) {
	if cond {
		b.Enable()
	} else {
		b.Disable()
	}
}

// loadAsync reads the categories and shows them.
func (s *categorySettings) loadAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		cats, err := s.store.Categories(ctx)
		if err != nil {
			return func() { showError(s.env.win, err) }
		}
		return func() {
			s.categories = cats
			s.list.Refresh()
		}
	})
}

func (s *categorySettings) onCategorySelected(id widget.ListItemID) {
	s.list.selected(id)
	s.list.UnselectAll()
	if id < len(s.categories) {
		s.openForm(s.categories[id])
	}
}

func (s *categorySettings) onAddTapped() {
	s.openForm(data.Category{Colour: newCategoryColour(s.categories)})
}

func (s *categorySettings) openForm(c data.Category) {
	s.form = newCategoryForm(s.env, s.store, c, s.loadAsync)
	s.form.show()
}

// onMoveTapped moves the category at i one place up (-1) or down (+1).
func (s *categorySettings) onMoveTapped(i, by int) {
	j := i + by
	if i < 0 || j < 0 || i >= len(s.categories) || j >= len(s.categories) {
		return
	}
	ids := make([]int64, len(s.categories))
	for k, c := range s.categories {
		ids[k] = c.ID
	}
	ids[i], ids[j] = ids[j], ids[i]
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		err := s.store.ReorderCategories(ctx, ids)
		return func() {
			showError(s.env.win, err)
			if err == nil && s.list.focus == i {
				s.list.moveFocus(by) // the keyboard stays on the category moved
			}
			s.loadAsync()
		}
	})
}

// onDeleteTapped deletes a category once confirmed; one people belong to
// is refused, and the refusal says why.
func (s *categorySettings) onDeleteTapped(c data.Category) {
	askConfirm(s.env.win, lang.L("Delete this category?"),
		lang.L("The category “{{.Name}}” will be deleted.", map[string]any{"Name": c.Name}),
		func(ok bool) {
			if !ok {
				return
			}
			s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
				err := s.store.DeleteCategory(ctx, c.ID)
				return func() {
					showError(s.env.win, err)
					s.loadAsync()
				}
			})
		})
}

// categoryForm edits a category's name, badge label and colour.
type categoryForm struct {
	env      *env
	store    categoriesStore
	category data.Category
	onSaved  func()

	name, badge *widgets.Entry
	// followed: the badge label is the name in capitals, and follows it
	// as it is typed, until the organiser writes a label of their own.
	followed bool
	colour   string // #RRGGBB
	swatch   *canvas.Rectangle
	hex      *widget.Label
	errs     *inlineErrors
	dialog   *formDialog
}

func newCategoryForm(e *env, st categoriesStore, c data.Category, onSaved func()) *categoryForm {
	f := &categoryForm{env: e, store: st, category: c, onSaved: onSaved}
	f.name = newFormEntry(c.Name)
	f.badge = newFormEntry(c.BadgeLabel)
	f.badge.SetPlaceHolder(lang.L("The name, in capitals"))
	f.followed = c.BadgeLabel == "" || c.BadgeLabel == badgeOf(c.Name)
	f.name.OnChanged = f.onNameChanged
	f.badge.OnChanged = f.onBadgeChanged
	f.swatch = canvas.NewRectangle(color.Transparent)
	f.swatch.SetMinSize(fyne.NewSize(64, theme.IconInlineSize()+theme.Padding()*2))
	f.swatch.CornerRadius = 4
	ringSwatch(f.swatch)
	f.hex = widget.NewLabel("")
	f.errs = newInlineErrors("name", "badge_label", "colour")
	f.setColour(parseColour(c.Colour))
	return f
}

func (f *categoryForm) show() {
	title := lang.L("New category")
	if f.category.ID != 0 {
		title = lang.L("Category “{{.Name}}”", map[string]any{"Name": f.category.Name})
	}
	choose := widget.NewButtonWithIcon(lang.L("Choose…"), theme.ColorPaletteIcon(), f.onChooseColourTapped)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), f.errs.under("name", f.name)),
		widget.NewFormItem(lang.L("Badge label"), f.errs.under("badge_label", f.badge)),
		widget.NewFormItem(lang.L("Colour"), f.errs.under("colour",
			container.NewHBox(container.NewCenter(f.swatch), f.hex, choose))),
	)
	f.dialog = newFormDialog(f.env, title, container.NewBorder(f.errs.under("", nil), nil, nil, nil, form),
		f.errs, f.read, f.onSaved)
	f.dialog.show(fyne.NewSize(520, 0), f.name)
}

func (f *categoryForm) onChooseColourTapped() {
	p := dialog.NewColorPicker(lang.L("Colour of the category"), "",
		f.setColour, f.env.win)
	p.Advanced = true
	p.SetColor(parseColour(f.colour))
	p.Show()
}

// setColour makes c the category's colour.
func (f *categoryForm) setColour(c color.Color) {
	f.colour = formatColour(c)
	f.swatch.FillColor = parseColour(f.colour)
	f.swatch.Refresh()
	f.hex.SetText(f.colour)
}

// badgeOf is the badge label a category has unless the organiser writes
// one: its name in capitals (in the scripts that have them; a name in
// Arabic or Chinese is itself), as the organiser's hint says and as the
// import and the categories of a new congress do.
func badgeOf(name string) string { return strings.ToUpper(strings.TrimSpace(name)) }

// onNameChanged keeps a badge label that follows the name the name in
// capitals, as it is typed: "Sponsor" makes "SPONSOR".
func (f *categoryForm) onNameChanged(name string) {
	if f.followed {
		f.badge.SetText(badgeOf(name)) // onBadgeChanged finds it still followed
	}
}

// onBadgeChanged: a label the organiser writes stops following the name;
// emptied, or written as the name in capitals, it follows again.
func (f *categoryForm) onBadgeChanged(badge string) {
	f.followed = badge == "" || badge == badgeOf(f.name.Text)
}

func (f *categoryForm) read() func(ctx context.Context) error {
	c := f.category
	c.Name, c.BadgeLabel, c.Colour = f.name.Text, f.badge.Text, f.colour
	if strings.TrimSpace(c.BadgeLabel) == "" {
		c.BadgeLabel = badgeOf(c.Name) // the hint's promise, kept on save too
	}
	return func(ctx context.Context) error { return f.store.SaveCategory(ctx, &c) }
}
