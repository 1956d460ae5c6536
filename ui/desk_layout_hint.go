package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// A scanner set to another keyboard layout than the computer's types a
// badge's code wrongly (a US scanner on a French computer types BXRéR' for
// BXR2R4). The desk finds the person anyway (data.MisreadScans), and says
// once, under the search field, how to set the scanner: a line that stays
// until closed, never a dialog in the way of the next scan.

// deskLayoutHint is that line: what seems wrong, a button that opens the
// instructions, and one that closes the line. Once shown it stays in the
// desk, hidden when closed: it is the desk's record that it said so.
type deskLayoutHint struct {
	widget.BaseWidget
	mismatch   data.KeyboardMismatch
	text       *widget.Label
	how, close *widget.Button
}

func newDeskLayoutHint(s *deskScreen, m data.KeyboardMismatch) *deskLayoutHint {
	h := &deskLayoutHint{mismatch: m}
	h.text = widget.NewLabel(lang.L("The scanner seems set to another keyboard: {{.Mismatch}}. Its scans are read anyway; to be sure, set it to the {{.Layout}} keyboard.",
		map[string]any{"Mismatch": m.Name(uiLanguage()), "Layout": m.ComputerLayout(uiLanguage())}))
	h.text.Wrapping = fyne.TextWrapWord
	h.text.Importance = widget.WarningImportance
	h.how = widget.NewButtonWithIcon(lang.L("How to set the scanner"), theme.HelpIcon(), func() { s.showScannerHelp(m) })
	h.how.Importance = widget.LowImportance
	h.close = widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		h.Hide()
		s.root.Refresh()
		s.focus()
	})
	h.close.Importance = widget.LowImportance
	h.ExtendBaseWidget(h)
	return h
}

func (h *deskLayoutHint) CreateRenderer() fyne.WidgetRenderer {
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, icon, container.NewHBox(h.how, h.close), h.text))
}

// onLayoutMismatch tells, the first time in this window, that the scanner
// seems set to another keyboard than the computer (m): a line under the
// search field's status, with a button that says how to set the scanner.
// Later mismatches say nothing more: the scans are read anyway.
func (s *deskScreen) onLayoutMismatch(m data.KeyboardMismatch) {
	if m == data.NoMismatch || s.root == nil || s.layoutHint() != nil {
		return
	}
	h := newDeskLayoutHint(s, m)
	if !insertAfter(s.root, s.status, h) {
		// The status line is not in a container of the desk: say it there.
		s.setStatus(h.text.Text, widget.WarningImportance)
		return
	}
	s.root.Refresh()
}

// layoutHint returns the desk's layout hint, shown or closed; nil when the
// desk has not needed one.
func (s *deskScreen) layoutHint() *deskLayoutHint {
	var find func(o fyne.CanvasObject) *deskLayoutHint
	find = func(o fyne.CanvasObject) *deskLayoutHint {
		switch o := o.(type) {
		case *deskLayoutHint:
			return o
		case *fyne.Container:
			for _, child := range o.Objects {
				if h := find(child); h != nil {
					return h
				}
			}
		}
		return nil
	}
	return find(s.root)
}

// insertAfter puts o right after anchor in the container, within root,
// that holds anchor; false when none does.
func insertAfter(root fyne.CanvasObject, anchor, o fyne.CanvasObject) bool {
	c, ok := root.(*fyne.Container)
	if !ok {
		return false
	}
	for i, child := range c.Objects {
		if child == anchor {
			c.Objects = append(c.Objects[:i+1], append([]fyne.CanvasObject{o}, c.Objects[i+1:]...)...)
			return true
		}
		if insertAfter(child, anchor, o) {
			return true
		}
	}
	return false
}

// showScannerHelp says, maker by maker, how to set a scanner to the
// computer's keyboard layout (the same as docs/scanner.md).
func (s *deskScreen) showScannerHelp(m data.KeyboardMismatch) {
	layout := map[string]any{"Layout": m.ComputerLayout(uiLanguage())}
	paragraphs := []string{
		lang.L("A barcode scanner types like a keyboard, on the layout it is set to: most leave the factory set to a US keyboard. Set it to the layout of this computer, {{.Layout}}, by scanning the setting barcodes of its manual (find it on the maker's website, by the model printed under the scanner).", layout),
		lang.L("Honeywell (Voyager, Xenon, Granit…): in the user's guide, under Keyboard Country, scan “Program Keyboard Country”, then the country's number from the manual's table (France 3, Germany 4), then “Save”. The EZConfig program does the same from the computer."),
		lang.L("Zebra, formerly Symbol or Motorola (DS2208, LS2208…): in the product reference guide, chapter on the USB interface, scan your country under “USB Country Keyboard Types (Country Codes)”, for instance “French (Windows)”. The 123Scan program does the same from the computer."),
		lang.L("Datalogic (QuickScan, Gryphon, PowerScan…): in the product reference guide, scan “Enter Configuration”, then your country under “Country Mode” (keyboard and USB keyboard interface), then “Exit and Save Configuration”. The Aladdin program does the same from the computer."),
		lang.L("Other scanners, often sold without a brand: their setup sheet usually has a “Keyboard language” (or “Keyboard layout”, “Country”) section: scan “Enter setup”, the barcode of your country (“French”, “German”…), then “Exit setup”. The seller can send the sheet again."),
		lang.L("Then scan a badge: its code appears here as printed. Badges made by this version of Congrès use only letters that every keyboard types the same; older badges and e-tickets have digits, which need the setting."),
	}
	box := container.NewVBox()
	for _, p := range paragraphs {
		l := widget.NewLabel(p)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	d := dialog.NewCustom(lang.L("How to set the scanner"), lang.L("Close"), container.NewVScroll(box), s.env.win)
	d.SetOnClosed(s.focus)
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
}
