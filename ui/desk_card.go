package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
)

// deskCardView shows the person at the desk: the category's colour, the
// name large, what the volunteer must know, the warnings to confirm, and
// what the last action did. UI thread only.
type deskCardView struct {
	box      *fyne.Container
	band     *canvas.Rectangle
	category *canvas.Text
	name     *widget.Label
	values   []*widget.Label // see deskCardFields
	warnings *fyne.Container
	result   *widget.Label
	empty    *widget.Label
	person   *fyne.Container
}

// The lines of the card, in order.
const (
	cardOrganisation = iota
	cardCode
	cardStatus
	cardFee
	cardDiet
	cardAccessibility
	cardProgramme
	cardArrived
	cardBadge
	cardFields
)

func newDeskCardView() *deskCardView {
	v := &deskCardView{}
	v.band = canvas.NewRectangle(color.Transparent)
	v.band.SetMinSize(fyne.NewSize(0, 36))
	v.category = canvas.NewText("", color.White)
	v.category.TextStyle.Bold = true
	v.category.TextSize = theme.TextSubHeadingSize()
	v.name = widget.NewLabel("")
	v.name.SizeName = theme.SizeNameHeadingText
	v.name.TextStyle.Bold = true
	v.name.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout())
	keys := [cardFields]string{lang.L("Organisation"), lang.L("Code"), lang.L("Status"), lang.L("Fee due"),
		lang.L("Diet"), lang.L("Accessibility"), lang.L("Programme of the day"), lang.L("Checked in"), lang.L("Badge")}
	for _, k := range keys {
		key := widget.NewLabel(k)
		key.TextStyle.Bold = true
		val := widget.NewLabel("")
		val.Wrapping = fyne.TextWrapWord
		v.values = append(v.values, val)
		form.Add(key)
		form.Add(val)
	}
	v.warnings = container.NewVBox()
	v.result = widget.NewLabel("")
	v.result.Wrapping = fyne.TextWrapWord
	v.result.TextStyle.Bold = true
	v.empty = widget.NewLabel(lang.L("The person scanned or chosen appears here."))
	v.empty.Importance = widget.LowImportance
	v.person = container.NewVBox(container.NewStack(v.band, container.NewPadded(v.category)), v.name, v.warnings, form)
	v.box = container.NewVBox(v.result, v.empty, v.person)
	return v
}

// show puts c on the card; nil empties it. atDoor says the desk lets people
// into a session rather than checking arrivals.
func (v *deskCardView) show(c *data.DeskCard, atDoor bool) {
	showIf(v.empty, c == nil)
	showIf(v.person, c != nil)
	if c == nil {
		v.setResult("", widget.MediumImportance)
		return
	}
	p := c.Participant
	colour := parseColour(c.Category.Colour)
	v.band.FillColor = colour
	v.band.Refresh()
	v.category.Text = c.Category.Name
	v.category.Color = color.White
	if export.DarkTextOn(c.Category.Colour) { // as on the badge's band
		v.category.Color = color.Black
	}
	v.category.Refresh()
	v.name.SetText(p.FullName())

	v.warnings.Objects = nil
	for _, w := range c.Warnings {
		v.warnings.Add(deskWarningLine(w))
	}
	v.warnings.Refresh()

	fee, feeImportance := feeLine(c) // desk_payment.go: due, or paid at the desk
	var programme []string
	for _, se := range c.Sessions {
		programme = append(programme, fmt.Sprintf("%s–%s %s", se.Start, se.End, se.Title))
	}
	arrived := lang.L("Not yet")
	if c.Arrival != nil {
		arrived = joinNonEmpty(", ", c.Arrival.At.Local().Format("15:04"), c.Arrival.Desk)
	}
	badge := lang.L("Not printed yet")
	if c.BadgePrinted {
		badge = lang.L("Printed")
	}
	vals := [cardFields]string{
		cardOrganisation:  orDash(joinNonEmpty(" — ", p.Organisation, p.JobTitle)),
		cardCode:          p.Code,
		cardStatus:        statusLabel(p.Status),
		cardFee:           fee,
		cardDiet:          orDash(p.Diet),
		cardAccessibility: orDash(p.Accessibility),
		cardProgramme:     orDash(strings.Join(programme, "\n")),
		cardArrived:       arrived,
		cardBadge:         badge,
	}
	for i, t := range vals {
		v.values[i].SetText(t)
	}
	v.values[cardFee].Importance = feeImportance
	v.values[cardFee].Refresh()
}

// setResult says what the last action did, above the card.
func (v *deskCardView) setResult(text string, importance widget.Importance) {
	v.result.Importance = importance
	v.result.SetText(text)
	showIf(v.result, text != "")
}

// deskWarningLine is one warning, in a red frame so that it cannot be missed.
func deskWarningLine(w data.DeskWarning) fyne.CanvasObject {
	bg := canvas.NewRectangle(color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0x30})
	bg.StrokeColor = color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}
	bg.StrokeWidth = 2
	bg.CornerRadius = 4
	text := widget.NewLabel(w.Message(uiLanguage()))
	text.Wrapping = fyne.TextWrapWord
	text.TextStyle.Bold = true
	icon := widget.NewIcon(theme.WarningIcon())
	return container.NewStack(bg, container.NewBorder(nil, nil, icon, nil, text))
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// deskCounters shows the day's arrivals against the people expected, in all
// and per category.
type deskCounters struct {
	box   *fyne.Container
	total *widget.Label
	cats  *fyne.Container
}

func newDeskCounters() *deskCounters {
	c := &deskCounters{total: widget.NewLabel(""), cats: container.NewHBox()}
	c.total.TextStyle.Bold = true
	c.box = container.NewBorder(nil, nil, c.total, nil, container.NewHScroll(c.cats))
	return c
}

func (c *deskCounters) show(counts []data.DeskCount) {
	var arrived, expected int
	c.cats.Objects = nil
	for _, n := range counts {
		arrived += n.Arrived
		expected += n.Expected
		if n.Expected == 0 && n.Arrived == 0 {
			continue
		}
		dot := canvas.NewRectangle(parseColour(n.Colour))
		dot.SetMinSize(fyne.NewSquareSize(12))
		dot.CornerRadius = 6
		label := widget.NewLabel(fmt.Sprintf("%s %d/%d", n.Category, n.Arrived, n.Expected))
		c.cats.Add(container.NewHBox(container.NewCenter(dot), label))
	}
	c.total.SetText(lang.L("Checked in: {{.Arrived}} of {{.Expected}} expected", map[string]any{
		"Arrived": arrived, "Expected": expected}))
	c.box.Refresh() // the total's width changed
}
