package ui

import "fyne.io/fyne/v2/lang"

// showBadgePrinted says at the desk what printing the badge of name did:
// a success, a warning when no PDF viewer answered (the badge is only
// saved, and the card keeps saying no badge was printed), and during a
// rehearsal that the print was not recorded (the card keeps saying no badge
// was printed). When someone scanned meanwhile is on the card (onCard
// false), the sentence names whose badge it was, and the card stays theirs.
func (s *deskScreen) showBadgePrinted(name string, res badgeResult, rehearsal, onCard bool) {
	text := res.message
	if rehearsal {
		text = rehearsalSays(true, lang.L("{{.Result}} Not recorded: a badge printed at a rehearsal does not count as printed.",
			map[string]any{"Result": text}))
	} else if res.recorded && onCard { // sent, or opened in a viewer that answered
		s.shown.BadgePrinted = true
		s.card.show(s.shown, s.session != 0)
	}
	if !onCard {
		text = lang.L("Badge of {{.Name}}: {{.Result}}", map[string]any{"Name": name, "Result": text})
	}
	s.setStatus(text, res.importance())
}
