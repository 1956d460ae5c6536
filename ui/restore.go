package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
	"congres/ui/widgets"
)

// readOnlyBanner is the band above the screens of a file that is only read,
// saying why: red, with a "Restore a backup…" button, for a damaged file;
// the warning colour for a read-only file or folder.
func readOnlyBanner(why error, onRestore func()) fyne.CanvasObject {
	bg, fg := theme.ColorNameWarning, theme.ColorNameForegroundOnWarning
	damaged := data.KindOf(why) == data.KindDamaged
	if damaged {
		bg, fg = theme.ColorNameError, theme.ColorNameForegroundOnError
	}
	text := widget.NewRichText(&widget.TextSegment{Text: data.Message(why, uiLanguage()),
		Style: widget.RichTextStyle{ColorName: fg, TextStyle: fyne.TextStyle{Bold: true}}})
	text.Wrapping = fyne.TextWrapWord
	var action fyne.CanvasObject
	if damaged {
		action = widget.NewButtonWithIcon(lang.L("Restore a backup…"), theme.HistoryIcon(), onRestore)
	}
	return container.NewStack(canvas.NewRectangle(theme.Color(bg)),
		container.NewPadded(container.NewBorder(nil, nil, nil, action, container.New(atLeastWide(480), text))))
}

// atLeastWide lays its objects out at least this wide, so that a wrapped
// text first laid out in a window not sized yet (a file opened at start-up)
// does not ask for a line per word: the window grew taller than the screen.
type atLeastWide float32

func (w atLeastWide) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(fyne.Max(size.Width, float32(w)), size.Height))
	}
}

func (w atLeastWide) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

// showBackupChooser lists the backups of the congress file at path that are
// not damaged, newest first, and calls restore with the one chosen after
// asking. It may be called on the UI thread only.
func showBackupChooser(win fyne.Window, t *tasks, path string, restore func(backup string)) {
	t.runAsync(context.Background(), func(context.Context) func() {
		all, err := stores.Backups(path)
		var list []data.BackupInfo
		for _, b := range all {
			if !b.Damaged {
				list = append(list, b)
			}
		}
		return func() {
			switch {
			case err != nil:
				showError(win, err)
			case len(list) == 0:
				showError(win, data.ErrNoBackup.With(path))
			default:
				backupChooser(win, list, restore)
			}
		}
	})
}

func backupChooser(win fyne.Window, list []data.BackupInfo, restore func(backup string)) {
	var d dialog.Dialog
	items := widgets.NewList(func() int { return len(list) }, newBackupItem, func(id widget.ListItemID, o fyne.CanvasObject) {
		b := list[id]
		box := o.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(dateTime(b.Time) + " — " + fileSize(b.Size))
		box.Objects[1].(*widget.Button).OnTapped = func() {
			d.Hide()
			confirmRestore(win, b, restore)
		}
	})
	d = dialog.NewCustom(lang.L("Restore a backup"), lang.L("Cancel"), container.NewGridWrap(fyne.NewSize(480, 300), items), win)
	d.Show()
}

// confirmRestore asks before putting a backup in place of the file.
func confirmRestore(win fyne.Window, b data.BackupInfo, restore func(backup string)) {
	askConfirm(win, lang.L("Restore this backup?"),
		lang.L("The congress will go back to its state of {{.Time}}. Its current state is backed up first (or, if it is damaged, kept aside under another name), so this can be undone.",
			map[string]any{"Time": dateTime(b.Time)}),
		func(ok bool) {
			if ok {
				restore(b.Path)
			}
		})
}
