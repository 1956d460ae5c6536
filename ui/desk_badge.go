package ui

import "fyne.io/fyne/v2/lang"

// showBadgePrinted says at the desk what printing the badge on the card
// did: a success, a warning when no PDF viewer answered (the badge is only
// saved, and the card keeps saying no badge was printed), and during a rehearsal that the print was not recorded (the card
// keeps saying no badge was printed).
func (s *deskScreen) showBadgePrinted(res badgeResult, rehearsal bool) {
	text := res.message
	if rehearsal {
		text = rehearsalSays(true, lang.L("{{.Result}} Not recorded: a badge printed at a rehearsal does not count as printed.",
			map[string]any{"Result": text}))
	} else if res.recorded { // sent, or opened in a viewer that answered
		s.shown.BadgePrinted = true
		s.card.show(s.shown, s.session != 0)
	}
	s.setStatus(text, res.importance())
}
