package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// readable are the colours of fyne's palette that did not read on their
// background (issue 19), replaced, with their contrast against the
// background (TestThemeColoursRead):
//
//   - on the light theme, the states written in colour (the dashboard's
//     "Confirmed" and "Pending", the import's warnings and rejected rows,
//     the workshops' gauges): fyne's green #43f436 was 1.5:1 on white,
//     its orange #ff9800 2.2:1, its red #f44336 3.7:1; these darker tones
//     are 5.4, 5.5 and 5.6:1, and still green, orange and red. White text
//     on them (a warning banner) reads better too. On the dark theme,
//     fyne's red was 4.2:1 under the pointer; #ff6659 is 5.3:1.
//   - the placeholders and the dashboard's quarter-hour labels: #888888,
//     3.5:1 on white, now #6e6e6e, 5.1:1.
//   - the border of an empty tick box and of an entry (WCAG's 3:1 for
//     what shows a control): fyne's #e3e3e3 on white was 1.3:1, its
//     #39393a on #171718 1.6:1; now 3.7:1 and 3.9:1, also on the box's
//     own fill, on a table's header and under the pointer.
//   - on the dark theme, hints and disabled text: 4.6:1 (was 3.4:1),
//     still far quieter than the text (17:1).
//   - on the light theme, the fill of the buttons that are not the main
//     one (Cancel, No, OK, Import…): fyne's #f5f5f5 was 1.09:1 on the
//     white page and the white dialogs, and barely read as a button; now
//     #dadada, 1.40:1 on both. TestSecondaryButtonsShow.
//   - on the light theme, the text: fyne's #565656 read at 5.3:1 on that
//     button, 4.6:1 under the pointer, and 1.83:1 with the keyboard, under
//     the focus tint (theme_focus.go), just as the keyboard user was
//     about to press it. Now #1f1f1f: 11.8:1 at rest, 10.4:1 under the
//     pointer, 5.05:1 with the keyboard, and 16.5:1 on the page (was
//     7.3:1), so that all the app's text reads better in a bright room.
//
// And the main (primary) button: fyne's blue #296ff6 held its white text
// at 4.47:1 at rest, and at 4.09:1 under the pointer on the dark theme,
// whose hover lightens it. A shade darker holds it at 4.5:1 at rest,
// under the pointer and with the keyboard (TestFocusedButtonsRead): on the
// light theme #276bf0, 4.72:1 at rest, 5.20:1 under the pointer; on the
// dark theme #2366e8, 5.08:1 at rest, 4.58:1 under the pointer. The light
// theme's is not as dark, so that its focus still looks unlike its hover
// (TestFocusedButtonDiffersFromHovered). Only fyne's default blue is
// replaced: another primary colour chosen in fyne's settings is kept.
var mainBlue = map[fyne.ThemeVariant]color.Color{
	theme.VariantLight: color.NRGBA{R: 0x27, G: 0x6b, B: 0xf0, A: 0xff},
	theme.VariantDark:  color.NRGBA{R: 0x23, G: 0x66, B: 0xe8, A: 0xff},
}

var readable = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameForeground:  color.NRGBA{R: 0x1f, G: 0x1f, B: 0x1f, A: 0xff},
		theme.ColorNameSuccess:     color.NRGBA{R: 0x2b, G: 0x7a, B: 0x2f, A: 0xff},
		theme.ColorNameWarning:     color.NRGBA{R: 0xa9, G: 0x4f, B: 0x00, A: 0xff},
		theme.ColorNameError:       color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff},
		theme.ColorNamePlaceHolder: color.NRGBA{R: 0x6e, G: 0x6e, B: 0x6e, A: 0xff},
		theme.ColorNameInputBorder: color.NRGBA{R: 0x85, G: 0x85, B: 0x85, A: 0xff},
		theme.ColorNameDisabled:    color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff},
		theme.ColorNameButton:      color.NRGBA{R: 0xda, G: 0xda, B: 0xda, A: 0xff},
	},
	theme.VariantDark: {
		theme.ColorNameError:       color.NRGBA{R: 0xff, G: 0x66, B: 0x59, A: 0xff},
		theme.ColorNameInputBorder: color.NRGBA{R: 0x74, G: 0x74, B: 0x7a, A: 0xff},
		theme.ColorNameDisabled:    color.NRGBA{R: 0x80, G: 0x80, B: 0x86, A: 0xff},
	},
}

// primaryColour is the app's primary colour: mainBlue for fyne's default
// blue, else the one chosen in fyne's settings.
func primaryColour(base fyne.Theme, v fyne.ThemeVariant) color.Color {
	if p := fyne.CurrentApp().Settings().PrimaryColor(); p == "" || p == theme.ColorBlue {
		if c, ok := mainBlue[v]; ok {
			return c
		}
	}
	return base.Color(theme.ColorNamePrimary, v)
}
