package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// The warnings and rejected rows of an import: in the dialog, a list with
// room for several reasons, each wrapped whole, under the options (the
// column scrolls as a whole when the options leave the list too little
// room); after the import, the same reasons in the "Import finished"
// dialog.

// issueListLines is how many lines of reasons the dialog's list shows at
// least.
const issueListLines = 7

// issueDoneMax is how many reasons "Import finished" lists; the others
// are in the preview and in the rejected rows' file.
const issueDoneMax = 200

// issueLineHeight is the height of a line of a reason.
func issueLineHeight() float32 {
	return fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
}

// buildIssues makes the right column of the dialog: options on top, the
// reasons under them, and "Save the rejected rows…" below, out of the
// scroll.
func (d *importDialog) buildIssues(options fyne.CanvasObject) fyne.CanvasObject {
	d.issueList = widgets.NewList(func() int { return len(d.issues) }, newIssueItem, d.updateIssueItem)
	least := float32(issueListLines)*issueLineHeight() + 2*theme.InnerPadding()
	wheel := &wheelChain{list: d.issueList}
	wheel.ExtendBaseWidget(wheel)
	d.issueArea = &fyne.Container{Layout: minHeightLayout{least}, Objects: []fyne.CanvasObject{d.issueList, wheel}}
	d.issueArea.Hide()
	// The list has the rest of the column, and at least least.
	d.issueScroll = container.NewVScroll(container.NewBorder(options, nil, nil, nil, d.issueArea))
	wheel.outer = d.issueScroll
	d.rejectsBtn = d.newRejectsButton()
	return container.NewBorder(nil, d.rejectsBtn, nil, nil, d.issueScroll)
}

// showIssues lists the reasons of the last check.
func (d *importDialog) showIssues(issues []data.ImportIssue) {
	d.issues = issues
	d.issueHeights = nil
	d.issueList.UnselectAll()
	d.issueList.ScrollToTop()
	d.issueList.Refresh()
	if len(issues) > 0 {
		d.issueArea.Show()
	} else {
		d.issueArea.Hide()
	}
}

// newIssueItem is a row of the issues: its text wrapped, whole (see
// issueRowHeight).
func newIssueItem() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, l)
}

// setIssueItem shows is in a row made by newIssueItem.
func setIssueItem(o fyne.CanvasObject, is data.ImportIssue) {
	box := o.(*fyne.Container)
	label, icon := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Icon)
	if is.Warning {
		icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
		label.Importance = widget.WarningImportance
	} else {
		icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
		label.Importance = widget.DangerImportance
	}
	label.SetText(issueText(is))
}

func (d *importDialog) updateIssueItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(d.issues) {
		return
	}
	setIssueItem(o, d.issues[id])
	if h := d.issueRowHeight(issueText(d.issues[id])); h != d.issueHeights[id] {
		if d.issueHeights == nil {
			d.issueHeights = map[widget.ListItemID]float32{}
		}
		d.issueHeights[id] = h
		d.issueList.SetItemHeight(id, h)
	}
}

// issueRowHeight is the height of an issue of the list shown whole: its
// text wrapped at the list's width.
func (d *importDialog) issueRowHeight(text string) float32 {
	return issueTextHeight(text, d.issueList.Size().Width)
}

// issueTextHeight is the height of a row of width showing text whole.
func issueTextHeight(text string, width float32) float32 {
	width -= theme.IconInlineSize() + 6*theme.Padding()
	if width < 100 {
		width = 100
	}
	size := theme.TextSize()
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		w := fyne.MeasureText(para, size, fyne.TextStyle{}).Width
		lines += int(w/width) + 1
	}
	return float32(lines)*issueLineHeight() + 2*theme.InnerPadding()
}

// issueText is an issue as the list shows it.
func issueText(is data.ImportIssue) string {
	msg := data.Message(is.Err, uiLanguage())
	if is.Column == "" {
		return lang.L("Line {{.Line}} — {{.Message}}", map[string]any{"Line": is.Line, "Message": msg})
	}
	return lang.L("Line {{.Line}} — {{.Column}}: {{.Message}}",
		map[string]any{"Line": is.Line, "Column": is.Column, "Message": msg})
}

// doneIssues are the reasons of an import done, for "Import finished":
// the first issueDoneMax, each wrapped whole, in a scroll as tall as they
// are up to maxHeight; nil when there are none. width is the dialog's.
func doneIssues(issues []data.ImportIssue, width, maxHeight float32) fyne.CanvasObject {
	if len(issues) == 0 {
		return nil
	}
	rows := container.NewVBox()
	var h float32
	for i, is := range issues {
		if i == issueDoneMax {
			more := widget.NewLabel(lang.N("…and {{.Count}} more.",
				len(issues)-i, countArgs(len(issues)-i)))
			more.Wrapping = fyne.TextWrapWord
			rows.Add(more)
			break
		}
		o := newIssueItem()
		setIssueItem(o, is)
		rows.Add(o)
		h += issueTextHeight(issueText(is), width-4*theme.InnerPadding()) + theme.Padding() // the dialog's margins, the VBox's gaps
	}
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(0, min(h, maxHeight)))
	title := widget.NewLabelWithStyle(lang.L("Warnings and rejected rows"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(title, nil, nil, nil, scroll)
}

// minHeightLayout lays its objects over each other, at least h tall.
type minHeightLayout struct{ h float32 }

func (l minHeightLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	stackLayout{}.Layout(objects, size)
}

func (l minHeightLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := stackLayout{}.MinSize(objects)
	m.Height = max(m.Height, l.h)
	return m
}

// wheelChain lies over the list of reasons and shares the wheel between
// the list and the column around it: down, the column first, until the
// list is all in sight, then the list; up, the list first, then the
// column. Either way the wheel never stops at the end of one of them. It
// takes nothing else: clicks go through.
type wheelChain struct {
	widget.BaseWidget
	list  *widgets.List
	outer *container.Scroll
}

func (w *wheelChain) Scrolled(ev *fyne.ScrollEvent) {
	if ev.Scrolled.DY < 0 { // down
		if !w.scrollOuter(ev) {
			w.scrollList(ev)
		}
		return
	}
	if !w.scrollList(ev) {
		w.scrollOuter(ev)
	}
}

// scrollList scrolls the list; false when it is at its end.
func (w *wheelChain) scrollList(ev *fyne.ScrollEvent) bool {
	before := w.list.GetScrollOffset()
	w.list.ScrollToOffset(before - ev.Scrolled.DY)
	return w.list.GetScrollOffset() != before
}

// scrollOuter scrolls the column; false when it is at its end.
func (w *wheelChain) scrollOuter(ev *fyne.ScrollEvent) bool {
	before := w.outer.Offset
	w.outer.Scrolled(ev)
	return w.outer.Offset != before
}

func (w *wheelChain) MinSize() fyne.Size { return fyne.Size{} }

func (w *wheelChain) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
