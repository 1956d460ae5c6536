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
// name large, their accessibility needs where they cannot be missed, the
// warnings to confirm, and the rest in compact rows. Its result is the
// desk's banner, which the desk lays out across its whole width. UI thread
// only.
type deskCardView struct {
	box        *fyne.Container
	band       *canvas.Rectangle
	category   *canvas.Text
	name       *widget.Label
	ink        *color.Color    // the colour of the name and organisation, read on the band's (deskBandTheme)
	access     *fyne.Container // the accessibility needs, framed in blue; hidden when none
	accessText *widget.Label
	values     []*widget.Label // see the card's lines below
	arrivedKey *widget.Label   // "Checked in", or at a door "In this session"
	session    int64           // the session at the door; 0 for arrivals
	warnings   *fyne.Container
	result     *deskBanner
	empty      *widget.Label
	person     *container.ThemeOverride // the person's part: hidden while nobody is on the card
}

// The lines of the card, in order.
const (
	cardOrganisation = iota
	cardCode
	cardStatus
	cardFee
	cardDiet
	cardProgramme
	cardArrived
	cardBadge
	cardFields
)

// accessBlue frames a person's accessibility needs (an interpreter, a
// wheelchair): the colour of the accessibility symbol, read on a light or a
// dark theme.
var accessBlue = color.NRGBA{R: 0x19, G: 0x76, B: 0xd2, A: 0xff}

// accessibilityIcon is the accessibility symbol (Material Design's
// "accessible", Apache License 2.0), in white on accessBlue.
var accessibilityIcon = fyne.NewStaticResource("accessible.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">`+
	`<circle cx="12" cy="4" r="2" fill="#ffffff"/><path fill="#ffffff" d="M19 13v-2c-1.54.02-3.09-.75-4.07-1.83l-1.29-1.43c-.17-.19-.38-.34-.61-.45-.01 0-.01-.01-.02-.01H13c-.35-.2-.75-.3-1.19-.26C10.76 7.11 10 8.04 10 9.09V15c0 1.1.9 2 2 2h5v5h2v-5.5c0-1.1-.9-2-2-2h-3v-3.45c1.29 1.07 3.25 1.94 5 1.95zm-6.17 5c-.41 1.16-1.52 2-2.83 2-1.66 0-3-1.34-3-3 0-1.31.84-2.41 2-2.83V12.1c-2.28.46-4 2.48-4 4.9 0 2.76 2.24 5 5 5 2.42 0 4.44-1.72 4.9-4h-2.07z"/></svg>`))

func newDeskCardView() *deskCardView {
	v := &deskCardView{}
	v.band = canvas.NewRectangle(color.Transparent)
	v.category = canvas.NewText("", color.White)
	v.category.TextStyle.Bold = true
	v.name = widget.NewLabel("")
	v.name.SizeName = theme.SizeNameHeadingText
	v.name.TextStyle.Bold = true
	v.name.Wrapping = fyne.TextWrapWord
	var keys, values [cardFields]*widget.Label
	for i, k := range [cardFields]string{lang.L("Organisation"), lang.L("Code"), lang.L("Status"), lang.L("Fee due"),
		lang.L("Diet"), lang.L("Programme"), lang.L("Checked in"), lang.L("Badge")} {
		keys[i] = widget.NewLabel(k)
		keys[i].TextStyle.Bold = true
		values[i] = widget.NewLabel("")
		values[i].Wrapping = fyne.TextWrapWord
	}
	v.values = values[:]
	// The organisation goes under the name, on the band, without its key.
	ink := color.Color(color.White)
	v.ink = &ink
	nameInk := container.NewThemeOverride(v.name, deskBandTheme{ink: v.ink})
	organisationInk := container.NewThemeOverride(values[cardOrganisation], deskBandTheme{ink: v.ink})
	v.arrivedKey = keys[cardArrived]
	v.accessText = widget.NewLabel("")
	v.accessText.Wrapping = fyne.TextWrapWord
	v.accessText.TextStyle.Bold = true
	// Accessibility needs in white on a solid blue, the symbol before them:
	// the one line of the card that is not a warning yet stands out.
	// A light edge and a gap keep it apart from a blue category's band.
	accessBg := canvas.NewRectangle(accessBlue)
	accessBg.CornerRadius = 4
	accessBg.StrokeColor = color.NRGBA{R: 0xbb, G: 0xde, B: 0xfb, A: 0xff}
	accessBg.StrokeWidth = 2
	pad := theme.Padding()
	v.access = container.New(layout.NewCustomPaddedLayout(pad, 0, 0, 0), container.NewStack(accessBg,
		container.New(layout.NewCustomPaddedLayout(pad, pad, pad*2, pad),
			container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSquareSize(28), widget.NewIcon(accessibilityIcon)), nil,
				container.NewThemeOverride(v.accessText, deskInkTheme{ink: color.White})))))
	v.warnings = container.NewVBox()
	v.result = newDeskBanner(lang.L("Ready: scan a badge, or type a name"))
	v.empty = widget.NewLabel(lang.L("The person scanned or chosen appears here."))
	v.empty.Importance = widget.LowImportance
	// The name and the organisation on the category's colour, as on the
	// badge; the short facts in two columns; rows closer together than
	// fyne's: a typical card fits a small screen without scrolling.
	band := container.NewStack(v.band, container.New(&deskBandLayout{name: v.name, organisation: values[cardOrganisation]},
		nameInk, organisationInk, container.New(layout.NewCustomPaddedLayout(0, theme.Padding(), theme.InnerPadding(), theme.Padding()*3), v.category)))
	facts := container.New(&deskFactsLayout{})
	for _, i := range []int{cardFee, cardCode, cardArrived, cardStatus, cardBadge, cardDiet, cardProgramme} {
		facts.Add(keys[i])
		facts.Add(values[i])
	}
	// Facts and rows closer still, so that the programme's first lines
	// show at 1024×600 in the rehearsal, whose line and note take two
	// lines more (TestDeskCardProgrammeRehearsalSmall).
	rows := container.New(layout.NewCustomPaddedVBoxLayout(deskCompactPadding),
		band, v.access, v.warnings, container.NewThemeOverride(facts, deskFactsTheme{}))
	v.person = container.NewThemeOverride(rows, deskCompactTheme{})
	v.box = container.NewVBox(v.empty, v.person)
	return v
}

// show puts c on the card; nil empties it. atDoor says the desk lets people
// into a session rather than checking arrivals.
func (v *deskCardView) show(c *data.DeskCard, atDoor bool) {
	showIf(v.empty, c == nil && !v.result.quiet)
	v.showPerson(c != nil)
	if c == nil {
		v.setResult("", widget.MediumImportance)
		return
	}
	p := c.Participant
	colour := parseColour(c.Category.Colour)
	// What has not changed since the last card is not set again: a
	// text refreshed is drawn anew (measured, rasterised) in the next
	// frame, which the card waits for.
	s := fyne.CurrentApp().Settings()
	if ring := colourRing(s.Theme(), s.ThemeVariant()); v.band.FillColor != colour || v.band.StrokeColor != ring {
		v.band.FillColor = colour
		ringSwatch(v.band) // colour_ring.go: a black or a white category's band shows on either theme
		v.band.Refresh()
	}
	ink := color.Color(color.White)
	if export.DarkTextOn(c.Category.Colour) { // as on the badge's band
		ink = color.Black
	}
	if v.category.Text != c.Category.Name || v.category.Color != ink {
		v.category.Text, v.category.Color = c.Category.Name, ink
		v.category.Refresh()
	}
	inked := *v.ink != ink
	*v.ink = ink
	setLabel(v.name, p.FullName(), inked)
	setLabel(v.accessText, lang.L("Accessibility: {{.Needs}}", map[string]any{"Needs": p.Accessibility}), false)
	showIf(v.access, strings.TrimSpace(p.Accessibility) != "")

	// Someone already in is let in again without a word (the banner says
	// since when): their other warnings are reminders, in amber.
	confirm := len(c.ToConfirm()) > 0
	v.warnings.Objects = nil
	for _, w := range c.Warnings {
		switch {
		case w.Kind == data.WarnAlreadyIn: // the banner and the "Checked in" line say it
		case confirm:
			v.warnings.Add(deskWarningLine(w))
		default:
			v.warnings.Add(deskReminderLine(w))
		}
	}
	v.warnings.Refresh()
	showIf(v.warnings, len(v.warnings.Objects) > 0) // none: no gap for them

	fee, feeImportance := feeLine(c) // desk_payment.go: due, or paid at the desk
	var programme []string
	for _, se := range c.Sessions {
		programme = append(programme, fmt.Sprintf("%s–%s %s", se.Start, se.End, se.Title))
	}
	arrived := lang.L("Not yet")
	setLabel(v.arrivedKey, lang.L("Checked in"), false)
	if atDoor {
		setLabel(v.arrivedKey, lang.L("In this session"), false)
		if w, in := c.Warning(data.WarnAlreadyIn); in {
			arrived = joinNonEmpty(", ", w.At.Local().Format("15:04"), w.Desk)
		} else if e := c.LastEntry; e != nil && e.Kind == data.SessionEntry && e.SessionID == v.session {
			arrived = joinNonEmpty(", ", e.At.Local().Format("15:04"), e.Desk) // just let in
		}
	} else if c.Arrival != nil {
		arrived = joinNonEmpty(", ", c.Arrival.At.Local().Format("15:04"), c.Arrival.Desk)
	}
	if c.Rehearsal && arrived != lang.L("Not yet") { // a rehearsal's entry, never a real arrival
		arrived = rehearsalSays(true, arrived)
	}
	badge := lang.L("Not printed yet")
	if c.BadgePrinted {
		badge = lang.L("Printed")
	}
	vals := [cardFields]string{
		cardOrganisation: joinNonEmpty(" — ", p.Organisation, p.JobTitle),
		cardCode:         p.Code,
		cardStatus:       statusLabel(p.Status),
		cardFee:          fee,
		cardDiet:         orDash(p.Diet),
		cardProgramme:    orDash(strings.Join(programme, "\n")),
		cardArrived:      arrived,
		cardBadge:        badge,
	}
	for i, t := range vals {
		setLabel(v.values[i], t, inked && i == cardOrganisation) // the organisation is in the name's ink
	}
	showIf(v.values[cardOrganisation], vals[cardOrganisation] != "")
	if v.values[cardFee].Importance != feeImportance {
		v.values[cardFee].Importance = feeImportance
		v.values[cardFee].Refresh()
	}
}

// showPerson shows or hides the person's part of the card. Not with Show:
// a ThemeOverride shown is refreshed, which themes its content anew, and
// fyne then loads every font again and empties its caches of text sizes
// and icons (tens of milliseconds, each scan); its content is refreshed
// by show as it changes.
func (v *deskCardView) showPerson(on bool) {
	if v.person.Hidden != on {
		return
	}
	v.person.Hidden = !on
	canvas.Refresh(v.person)
}

// setLabel sets l's text, and refreshes it only when it changed or when
// refresh says its colours did.
func setLabel(l *widget.Label, text string, refresh bool) {
	if l.Text != text || refresh {
		l.SetText(text)
	}
}

// setResult says what the last action did, in the desk's banner.
func (v *deskCardView) setResult(text string, importance widget.Importance) {
	v.result.set(text, importance)
}

// deskWarningLine is one warning to confirm, in a red frame so that it
// cannot be missed.
func deskWarningLine(w data.DeskWarning) fyne.CanvasObject {
	return deskNoticeLine(w.Message(uiLanguage()), theme.NewErrorThemedResource(theme.WarningIcon()),
		color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff})
}

// deskReminderLine is a warning there is nothing to confirm about (the
// person is already in), in an amber frame.
func deskReminderLine(w data.DeskWarning) fyne.CanvasObject {
	return deskNoticeLine(w.Message(uiLanguage()), theme.NewWarningThemedResource(theme.InfoIcon()),
		color.NRGBA{R: 0xf5, G: 0x7c, B: 0x00, A: 0xff})
}

// deskNoticeLine is a sentence in bold with an icon, in a frame of colour c.
func deskNoticeLine(text string, icon fyne.Resource, c color.NRGBA) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Bold = true
	return deskFramedLine(l, widget.NewIcon(icon), c, 2)
}

// deskFramedLine puts a label and its icon in a frame of colour c, filled
// with a tint of it.
func deskFramedLine(text *widget.Label, icon *widget.Icon, c color.NRGBA, stroke float32) *fyne.Container {
	bg := canvas.NewRectangle(color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0x30})
	bg.StrokeColor = c
	bg.StrokeWidth = stroke
	bg.CornerRadius = 4
	pad := theme.Padding()
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(0, 0, pad*2, pad),
		container.NewBorder(nil, nil, icon, nil, text)))
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// deskCompactTheme sets the desk's rows closer together than fyne's.
type deskCompactTheme struct{ appTheme }

// deskCompactPadding is deskCompactTheme's padding. A box under the theme
// that is laid out again outside fyne's drawing of it (relayout, a button
// shown or hidden) sees the window's theme, not this one: such a box is
// given this padding itself, or it lays its rows out farther apart than
// its least size counted, and the last one covers the one before.
const deskCompactPadding = 2

func (t deskCompactTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameInnerPadding:
		return 4
	case theme.SizeNamePadding:
		return deskCompactPadding
	}
	return t.base().Size(n)
}

// deskFactsTheme is deskCompactTheme with the card's facts' rows closer
// together: 2 px above and below a line of text, as in a table.
type deskFactsTheme struct{ deskCompactTheme }

func (t deskFactsTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInnerPadding {
		return 2
	}
	return t.deskCompactTheme.Size(n)
}

// deskInkTheme is deskCompactTheme with text in ink, for the name on the
// category's band.
type deskInkTheme struct {
	deskCompactTheme
	ink color.Color
}

func (t deskInkTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		return t.ink
	}
	return t.base().Color(n, v)
}

// deskBandTheme is deskCompactTheme with text in the colour *ink, which the
// card changes with its category's band: changed in place, the labels
// refreshed, rather than a new theme on the ThemeOverride, whose refresh
// makes a new theme scope, for which fyne loads every font again and
// empties its caches of text sizes and icons.
type deskBandTheme struct {
	deskCompactTheme
	ink *color.Color
}

func (t deskBandTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		return *t.ink
	}
	return t.base().Color(n, v)
}

// deskScanTheme is the scan field's: large type, seen from a step back.
type deskScanTheme struct{ deskCompactTheme }

func (t deskScanTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 18 // the French hint still fits at 1024 px
	}
	return t.deskCompactTheme.Size(n) // the card keeps the height
}
