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
	box := container.NewVBox(container.NewCenter(icon), title, intro,
		container.NewCenter(container.NewHBox(newBtn, demoBtn, openBtn)))

	if len(w.recent) > 0 {
		heading := widget.NewLabel(lang.L("Recent files"))
		heading.TextStyle.Bold = true
		box.Add(widget.NewSeparator())
		box.Add(heading)
		for _, p := range w.recent {
			label, icon := filepath.Base(p)+" — "+filepath.Dir(p), theme.FileIcon()
			if stores.IsServer(p) { // a server's congress: its URL, without the password
				label, icon = p, theme.StorageIcon()
			}
			b := widget.NewButtonWithIcon(label, icon, func() { w.onOpenRecent(p) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			box.Add(b)
		}
	}
	return container.NewCenter(container.NewPadded(box))
}
