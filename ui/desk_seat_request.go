package ui

import (
	"context"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// A seat asked for at a session's door while the server is lost (issue
// 17): capacity is the server's to decide, so the desk gives no seat nor
// waiting-list place offline; it says so, and offers to note the request
// for later. The note is held on the laptop and reaches the organiser's
// "to review" list once the server answers (data.Store.HoldSeatRequest).

// deskSeatRequest is the door's offer to note a seat request for later.
// UI thread only.
type deskSeatRequest struct {
	s    *deskScreen
	note *widget.Button
}

func newDeskSeatRequest(s *deskScreen) *deskSeatRequest {
	r := &deskSeatRequest{s: s}
	r.note = widget.NewButtonWithIcon(lang.L("Note the seat request for later"), theme.DocumentCreateIcon(), r.onNoteTapped)
	r.note.Hide()
	return r
}

// offers says whether the card c at the door, offline, asks for a seat
// the desk cannot give: the person is not enrolled (or only waiting), or
// the session is full.
func (r *deskSeatRequest) offers(c *data.DeskCard) bool {
	o, ok := r.s.store.(*offlineDesk)
	if c == nil || r.s.session == 0 || c.Rehearsal || !ok || o.rep.Load() == nil || !o.ServerLostNow() {
		return false
	}
	_, notEnrolled := c.Warning(data.WarnNotEnrolled)
	_, full := c.Warning(data.WarnSessionFull)
	return notEnrolled || full
}

// show offers the note for the card c (nil: nobody), with the sentence
// that says why the desk gives no seat. Someone not enrolled may still be
// let in anyway: an entry into the session is the desk's to hold, like an
// arrival. Into a full session, not: whether a place is left is the
// server's to decide, so "Let in anyway" (and Ctrl+Enter) is disabled.
func (r *deskSeatRequest) show(c *data.DeskCard) {
	on := r.offers(c)
	showIf(r.note, on)
	setEnabled(r.note, on)
	full := false
	if on {
		_, full = c.Warning(data.WarnSessionFull)
	}
	setEnabled(r.s.buttons.confirm, !full)
	switch {
	case full:
		r.s.setStatus(lang.L("The congress's server does not answer, and this session is full: letting in one more person is for the server to decide, as it alone knows how many places are left. The request can be noted for later."), widget.WarningImportance)
	case on:
		r.s.setStatus(lang.L("The congress's server does not answer: a seat in this session, or a place on its waiting list, is for the server to give. You may still let the person in anyway (the entry is kept on this laptop), and note the seat request for later."), widget.WarningImportance)
	}
}

// refuses says whether the card shown may not be let in anyway: a full
// session, offline (show).
func (r *deskSeatRequest) refuses() bool {
	return r.s.buttons.confirm.Disabled()
}

// onNoteTapped holds the request of the person on the card for the
// session at the door.
func (r *deskSeatRequest) onNoteTapped() {
	c, session := r.s.shown, r.s.session
	o, ok := r.s.store.(*offlineDesk)
	if c == nil || session == 0 || !ok {
		return
	}
	id, desk := c.Participant.ID, deskName(r.s.prefs)
	r.note.Disable()
	r.s.env.tasks.runAsync(r.s.env.ctx, func(ctx context.Context) func() {
		err := o.HoldSeatRequest(ctx, id, session, desk)
		return func() {
			if err != nil {
				r.note.Enable()
				r.s.deskError(err, false)
				return
			}
			r.s.setStatus(lang.L("Noted: the organiser will find the request on the list to review once the server answers."), widget.SuccessImportance)
			r.s.focus()
		}
	})
}

// HoldSeatRequest notes a seat request in the replica's journal, for the
// organiser once the server answers.
func (o *offlineDesk) HoldSeatRequest(ctx context.Context, participantID, sessionID int64, desk string) error {
	r := o.rep.Load()
	if r == nil {
		return data.ErrNeedsServer.With()
	}
	return r.Store().HoldSeatRequest(ctx, participantID, sessionID, desk)
}
