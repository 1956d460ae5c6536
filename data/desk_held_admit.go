package data

import (
	"context"
	"errors"
	"reflect"
)

// A held action reads first, then writes (issue 19). Holding an arrival
// (or an undo) in the journal used to read the person's card from the
// file under the journal's write lock: every other desk's hold waited for
// that read (a door's count of the people inside, the person's
// programme…). Now the journal's view and the file are read, and the action
// decided, before the lock is taken (readBeforeHold); under the lock, the
// journal's view of the person (and of the session at hand) is read again,
// with the file's state (its revision: keptKey), and only when either
// changed meanwhile — another desk held the same person, a fold or a write
// went into the file — is the action decided again, on what they hold now
// (stillHolds). What the lock covers is unchanged: the journal's view and
// the action written in one transaction of the journal, so two desks never
// both let the same person in.

// testHeldAdmitRead, when set, runs while a held action reads the file
// before taking the journal's lock (its reader still open): tests make it
// slow, or change the journal or the file meanwhile.
var testHeldAdmitRead func()

// heldRead is what a held action read before taking the journal's lock.
type heldRead struct {
	done bool      // read and decided; else decided under the lock
	hv   *heldView // the journal's view it was decided on
	key  string    // the file's state it was decided in (keptKey)
}

// readBeforeHold reads the journal's view of the person participantID in
// the log l (at sessionID, 0 arriving), then the file, and decides the
// action there with decide, which keeps what it decided. It takes no
// lock: a reader of the journal, then one of the file, as a card is read.
// An error, or decide's, leaves it not done: the action is read and
// decided under the lock, as before, which says what is wrong.
func (s *Store) readBeforeHold(ctx context.Context, l entryLog, participantID, sessionID int64,
	decide func(tx *sqlTx, hv *heldView) error) heldRead {
	hv, err := s.viewHeld(ctx, nil, l, participantID, sessionID)
	if err != nil {
		return heldRead{}
	}
	var read heldRead
	_ = s.read(ctx, func(tx *sqlTx) error {
		key, err := keptKey(ctx, tx)
		if err != nil {
			return err
		}
		if decide(tx, hv) == nil {
			read = heldRead{done: true, hv: hv, key: key}
		}
		if testHeldAdmitRead != nil {
			testHeldAdmitRead()
		}
		return nil
	})
	return read
}

// decided is nil when err is a decision (none, errNoWrite, or data's
// refusal of the action) that holds while the journal and the file are
// unchanged; else err, for the action to be decided again under the lock.
func decided(err error) error {
	var ours *Error
	if err == nil || err == errNoWrite || errors.As(err, &ours) && ours.Kind != KindInternal {
		return nil
	}
	return err
}

// stillHolds reads the journal's view again, in jtx, which holds the
// journal's write lock, and reports whether neither it nor the file
// changed since read: what was decided there still holds. The view is
// the one to decide again on when it does not.
func (s *Store) stillHolds(ctx context.Context, jtx *sqlTx, read heldRead, l entryLog, participantID, sessionID int64) (*heldView, bool, error) {
	hv, err := s.viewHeld(ctx, jtx, l, participantID, sessionID)
	if err != nil {
		return nil, false, s.heldCondition(err)
	}
	if !read.done || !hv.same(read.hv) {
		return hv, false, nil
	}
	var key string
	if err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		key, err = keptKey(ctx, tx)
		return err
	}); err != nil {
		return nil, false, err
	}
	return hv, key == read.key, nil
}

// heldAdmit is what Admit decided before taking the journal's lock.
type heldAdmit struct {
	r   AdmitResult
	c   Checkin // the entry to write, when err is nil
	err error   // admitDecision's: nil, errNoWrite, or a refusal
}

func (s *Store) decideHeldAdmit(ctx context.Context, tx *sqlTx, req AdmitRequest, hv *heldView) heldAdmit {
	r, c, err := s.admitDecision(ctx, tx, req, hv)
	return heldAdmit{r: r, c: c, err: err}
}

// admitHeld holds req's entry in the journal, in jtx, which holds the
// journal's write lock: as decided before the lock when neither the
// journal's view nor the file changed since; else decided again now.
func (s *Store) admitHeld(ctx context.Context, jtx *sqlTx, req AdmitRequest, read heldRead, d heldAdmit) (AdmitResult, error) {
	l := logFor(req.Rehearsal)
	hv, same, err := s.stillHolds(ctx, jtx, read, l, req.ParticipantID, req.SessionID)
	if err != nil {
		return AdmitResult{}, err
	}
	if same {
		if d.err != nil {
			return d.r, d.err
		}
		c := d.c
		c.At = s.stamp() // when it is written
		if c, err = insertHeld(ctx, jtx, l, c); err != nil {
			return AdmitResult{}, err
		}
		return d.r.entered(c), nil
	}
	var r AdmitResult
	err = s.read(ctx, func(tx *sqlTx) error {
		var err error
		r, err = s.admit(ctx, tx, req, hv, func(c Checkin) (Checkin, error) { return insertHeld(ctx, jtx, l, c) })
		return err
	})
	return r, err
}

// same reports whether v and w hold the same actions (nil: none; no
// journal reads as an empty one).
func (v *heldView) same(w *heldView) bool {
	if v == nil {
		v = &heldView{}
	}
	if w == nil {
		w = &heldView{}
	}
	return sameHeld(v.mine, w.mine) && sameHeld(v.session, w.session) && sameHeld(v.more, w.more)
}

// sameHeld reports whether a and b are the same actions, as read.
func sameHeld(a, b []heldEntry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}
