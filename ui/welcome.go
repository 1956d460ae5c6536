package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/assets"
	"congres/data/stores"
)

// welcomeScreen is what the window shows when no file is open.
type welcomeScreen struct {
	recent       []string
	onNew        func()
	onDemo       func()
	onOpen       func()
	onOpenRecent func(path string)
}

func (w *welcomeScreen) build() fyne.CanvasObject {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(96))
	title := widget.NewLabel(lang.L("Congrès"))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	title.Alignment = fyne.TextAlignCenter
	intro := widget.NewLabel(lang.L("Registrations, programme, stands and welcome desk of a congress, kept in one file."))
	intro.Alignment = fyne.TextAlignCenter

	newBtn := widget.NewButtonWithIcon(lang.L("New congress…"), theme.ContentAddIcon(), w.onNew)
	newBtn.Importance = widget.HighImportance
	demoBtn := widget.NewButtonWithIcon(lang.L("Open the demo"), theme.MediaPlayIcon(), w.onDemo)
	openBtn := widget.NewButtonWithIcon(lang.L("Open…"), theme.FolderOpenIcon(), w.onOpen)
	head := container.NewVBox(container.NewCenter(icon), title, intro,
		container.NewCenter(container.NewHBox(newBtn, demoBtn, openBtn)))
	files := container.NewVBox()
	if len(w.recent) > 0 {
		heading := widget.NewLabel(lang.L("Recent files"))
		heading.TextStyle.Bold = true
		head.Add(widget.NewSeparator())
		head.Add(heading)
		for _, p := range w.recent {
			label, icon := filepath.Base(p)+" — "+filepath.Dir(p), theme.FileIcon()
			if stores.IsServer(p) { // a server's congress: its URL, without the password
				label, icon = p, theme.StorageIcon()
			}
			b := widget.NewButtonWithIcon(label, icon, func() { w.onOpenRecent(p) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			files.Add(b)
		}
	}
	list := container.NewScroll(files)
	showIf(list, len(w.recent) > 0)
	return container.NewPadded(container.New(welcomeLayout{list: list}, head, list))
}

// welcomeLayout centres the welcome screen's head and its recent files in
// the window. The files scroll where the window has no room for them all:
// they never enlarge it, which fyne never shrinks back (issue 19: with 8
// recent files, congres desk opened a 1024×635 window on a 1024×600
// screen, the welcome screen shown first, and the desk's counters were
// below the screen's edge). Objects: the head, then the list.
type welcomeLayout struct{ list *container.Scroll }

func (l welcomeLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	min := objects[0].MinSize()
	if l.list.Visible() {
		m := l.list.MinSize()
		min = fyne.NewSize(fyne.Max(min.Width, m.Width), min.Height+theme.Padding()+m.Height)
	}
	return min
}

func (l welcomeLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	head := objects[0].MinSize()
	width, height := head.Width, head.Height
	var files fyne.Size
	if l.list.Visible() {
		want := l.list.Content.MinSize()
		room := fyne.Max(size.Height-head.Height-theme.Padding(), l.list.MinSize().Height)
		files = fyne.NewSize(fyne.Min(want.Width, size.Width), fyne.Min(want.Height, room))
		width, height = fyne.Max(width, files.Width), height+theme.Padding()+files.Height
	}
	width = fyne.Min(width, size.Width)
	at := fyne.NewPos((size.Width-width)/2, fyne.Max(0, (size.Height-height)/2))
	objects[0].Move(at)
	objects[0].Resize(fyne.NewSize(width, head.Height))
	l.list.Move(at.AddXY(0, head.Height+theme.Padding()))
	l.list.Resize(fyne.NewSize(width, files.Height))
}
