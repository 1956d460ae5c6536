package ui

import "context"

// onEditTapped opens the participant form on the person on the card. A
// badge scanned into the form is the desk's (scannedInForm); one that the
// desk records behind it, while a question is open over it ("Discard the
// changes?", which has no field), closes it unsaved (closeEdit).
func (s *deskScreen) onEditTapped() {
	if s.edit == nil || s.shown == nil {
		return
	}
	id := s.shown.Participant.ID
	s.edit(id, func() {
		if s.shown == nil || s.shown.Participant.ID == id { // else someone scanned since keeps the card
			s.cardAsync(id)
		}
		s.focus()
	}, s)
}

// formShown is the Edit form, shown: the desk closes it when it records a
// scan (formFromDesk).
func (s *deskScreen) formShown(f *participantForm) { s.editing = f }

// closeEdit closes the Edit form, unsaved, and the question over it, if
// one is open: the desk took a scan behind them (a question has no field:
// its keys go to the desk), and the card is to show whom it named, checked
// in, or why not (admit); a form left open over that card was taken for
// theirs ("Keep editing" edited one person over the card of another). As
// a badge scanned into the form does (scannedInForm), the file keeps the
// person edited as they were, and the desk's field has the keyboard.
func (s *deskScreen) closeEdit() {
	f := s.editing
	if f == nil {
		return
	}
	s.editing = nil
	if !f.leaving {
		f.closeForDesk() // participant_form_scan.go
		s.focus()
	}
}

// scannedInForm is a burst of keys ended by Enter in the participant form
// opened from the desk, that reads as a code or a ticket: as in the walk-in
// form (walkInForm.onScannedIn), the first of the codes it may be that the
// store knows as someone's is the scan: the form is told (it closes,
// unsaved, as it was before the burst) and the desk checks it in; else the
// form is told why not, and the keys were a person's.
func (s *deskScreen) scannedInForm(codes []string, answer func(code string, err error)) {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		code, err := s.firstScanned(ctx, codes)
		return func() {
			answer(code, err)
			if err == nil {
				s.onScanned(code)
				s.focus()
			}
		}
	})
}
