package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showFileDialog shows fyne's file (or folder) dialog d in win, sized for
// the window, in the interface's language: its title is title ("Ouvrir un
// fichier", where fyne put "Ouvrir" and "Fichier" side by side) and its
// places ("Home", "Computer", "Documents"…, which fyne 2.7 shows as they
// are) are read through lang under their English names (assets/
// translations: "Dossier personnel", "Ordinateur"…).
func showFileDialog(d *dialog.FileDialog, win fyne.Window, title string) {
	d.SetTitleText(title)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
	if top := win.Canvas().Overlays().Top(); top != nil {
		if places, split := firstList(top, nil); places != nil {
			translatePlaces(places)
			if split != nil {
				split.Refresh() // the places' column as wide as its longest name
			}
		}
	}
}

// placeName is the name of a place of fyne's file dialog (dialog/file.go,
// file_unix.go) in the interface's language; ok is false for a name that
// is not one of them.
func placeName(name string) (string, bool) {
	switch name {
	case "Home":
		return lang.L("Home"), true
	case "Computer":
		return lang.L("Computer"), true
	case "App Files":
		return lang.L("App Files"), true
	case "Desktop":
		return lang.L("Desktop"), true
	case "Documents":
		return lang.L("Documents"), true
	case "Downloads":
		return lang.L("Downloads"), true
	case "Music":
		return lang.L("Music"), true
	case "Pictures":
		return lang.L("Pictures"), true
	case "Videos":
		return lang.L("Videos"), true
	case "Movies":
		return lang.L("Movies"), true
	}
	return name, false
}

// translatePlaces makes the list of places show each name translated,
// after fyne's own update of the row, and sizes its rows for the longest
// name ("Dossier personnel" is longer than fyne's "Template Object").
func translatePlaces(l *widget.List) {
	create := l.CreateItem
	l.CreateItem = func() fyne.CanvasObject {
		item := create()
		if row, ok := item.(*fyne.Container); ok && len(row.Objects) >= 2 {
			if label, ok := row.Objects[1].(*widget.Label); ok {
				label.SetText(longestPlaceName())
			}
		}
		return item
	}
	update := l.UpdateItem
	l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		row, ok := item.(*fyne.Container)
		if !ok || len(row.Objects) < 2 {
			return
		}
		if label, ok := row.Objects[1].(*widget.Label); ok {
			if name, ok := placeName(label.Text); ok {
				label.SetText(name)
			}
		}
	}
	l.Refresh()
}

// longestPlaceName is the longest of the places' names translated.
func longestPlaceName() string {
	longest := ""
	for _, n := range []string{"Home", "Computer", "App Files", "Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos", "Movies"} {
		if name, _ := placeName(n); len([]rune(name)) > len([]rune(longest)) {
			longest = name
		}
	}
	return longest
}

// firstList finds the first list in o's tree, as far as containers, pop-ups,
// splits and scrolls expose it (the file dialog's places), and the split
// nearest above it (in), if any.
func firstList(o fyne.CanvasObject, in *container.Split) (*widget.List, *container.Split) {
	switch o := o.(type) {
	case *widget.List:
		return o, in
	case *widget.PopUp:
		return firstList(o.Content, in)
	case *container.Split:
		if l, s := firstList(o.Leading, o); l != nil {
			return l, s
		}
		return firstList(o.Trailing, o)
	case *container.Scroll:
		return firstList(o.Content, in)
	case *fyne.Container:
		for _, c := range o.Objects {
			if l, s := firstList(c, in); l != nil {
				return l, s
			}
		}
	}
	return nil, nil
}
