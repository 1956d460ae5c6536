package ui

import "context"

// onEditTapped opens the participant form on the person on the card. A
// badge scanned into the form is the desk's (onScanInForm).
func (s *deskScreen) onEditTapped() {
	if s.edit == nil || s.shown == nil {
		return
	}
	id := s.shown.Participant.ID
	s.edit(id, func() {
		s.cardAsync(id)
		s.focus()
	}, s.onScanInForm)
}

// onScanInForm is a burst of keys ended by Enter in the participant form
// opened from the desk, that reads as a code or a ticket: as in the walk-in
// form (walkInForm.onScannedIn), when the store knows it as someone's, the
// form is told (it closes, unsaved, as it was before the burst) and the
// desk checks the scan in; else the form is told why not, and the keys
// were a person's.
func (s *deskScreen) onScanInForm(code string, answer func(err error)) {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		_, err := s.store.ParticipantIDByScan(ctx, code)
		return func() {
			answer(err)
			if err == nil {
				s.onScanned(code)
				s.focus()
			}
		}
	})
}
