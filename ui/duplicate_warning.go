package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// maxDuplicatesShown bounds the people the warning lists.
const maxDuplicatesShown = 5

// duplicateWarning warns, above a form's fields, of the people already
// registered with the same email, or the same name and organisation, each
// with a button to open them instead. The participant form and the desk's
// walk-in form share it. UI thread only.
type duplicateWarning struct {
	box *fyne.Container
	// seen are those the warning showed, whom saving anyway no longer
	// stops at.
	seen map[int64]bool
	open func(id int64) // leaves the form and shows the person
}

func newDuplicateWarning(open func(id int64)) *duplicateWarning {
	box := container.NewVBox()
	box.Hide()
	return &duplicateWarning{box: box, seen: map[int64]bool{}, open: open}
}

// seenIDs is a copy of those shown, for work off the UI thread.
func (w *duplicateWarning) seenIDs() map[int64]bool {
	ids := make(map[int64]bool, len(w.seen))
	for id := range w.seen {
		ids[id] = true
	}
	return ids
}

// unseenDuplicates returns those of dups the warning has not shown yet.
func unseenDuplicates(dups []data.Duplicate, seen map[int64]bool) []data.Duplicate {
	var unseen []data.Duplicate
	for _, d := range dups {
		if !seen[d.ID] {
			unseen = append(unseen, d)
		}
	}
	return unseen
}

// show lists the people the form may duplicate, then how to save anyway.
func (w *duplicateWarning) show(dups []data.Duplicate) {
	title := widget.NewLabel(lang.L("Already registered: is this the same person?"))
	title.Importance = widget.WarningImportance
	title.TextStyle.Bold = true
	title.Wrapping = fyne.TextWrapWord
	w.box.RemoveAll()
	w.box.Add(title)
	for i, d := range dups {
		w.seen[d.ID] = true
		if i >= maxDuplicatesShown {
			continue
		}
		w.box.Add(w.line(d))
	}
	if len(dups) > maxDuplicatesShown {
		more := len(dups) - maxDuplicatesShown
		w.box.Add(widget.NewLabel(lang.N("…and {{.Count}} more.", more, map[string]any{"Count": formatCount(more)})))
	}
	hint := widget.NewLabel(lang.L("To register them anyway, press Save anyway."))
	hint.Wrapping = fyne.TextWrapWord
	w.box.Add(hint)
	w.box.Show()
}

// line is one person already registered, with a button that leaves the
// form and shows them.
func (w *duplicateWarning) line(d data.Duplicate) fyne.CanvasObject {
	reason := lang.L("same name and organisation")
	if d.Reason == "email" {
		reason = lang.L("same email")
	}
	var parts []string
	for _, s := range []string{d.FullName() + " (" + d.Code + ")", d.Email, d.Organisation, statusLabel(d.Status),
		lang.L("registered on {{.Date}}", map[string]any{"Date": dateTime(d.CreatedAt)})} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	text := widget.NewLabel(strings.Join(parts, " · ") + " — " + reason)
	text.Wrapping = fyne.TextWrapWord
	id := d.ID
	open := widget.NewButton(lang.L("Open {{.Name}}", map[string]any{"Name": d.FullName()}), func() { w.open(id) })
	return container.NewBorder(nil, nil, nil, container.NewCenter(open), text)
}
