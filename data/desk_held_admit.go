package data

import (
	"context"
	"errors"
	"reflect"
)

// A held admit reads first, then writes (issue 19). Holding an arrival in
// the journal used to read the person's card from the file under the
// journal's write lock: every other desk's hold waited for that read (a
// door's count of the people inside, the person's programme…). Now the
// journal's view and the file are read, and the admit decided, before the
// lock is taken (readHeldAdmit); under the lock, the journal's view of the
// person (and of the session at hand) is read again, with the file's state
// (its revision: keptKey), and only when either changed meanwhile — another
// desk held the same person, a fold or a write went into the file — is the
// admit decided again, on what they hold now (admitHeld). What the lock
// covers is unchanged: the journal's view and the entry written in one
// transaction of the journal, so two desks never both let the same person
// in.

// testHeldAdmitRead, when set, runs while a held admit reads the file
// before taking the journal's lock (its reader still open): tests make it
// slow, or change the journal or the file meanwhile.
var testHeldAdmitRead func()

// heldAdmitRead is what a held admit read before taking the journal's
// lock, and what it decided on it.
type heldAdmitRead struct {
	done bool      // read and decided; else decided under the lock
	hv   *heldView // the journal's view it was decided on
	key  string    // the file's state it was decided in (keptKey)
	r    AdmitResult
	c    Checkin // the entry to write, when err is nil
	err  error   // admitDecision's: nil, errNoWrite, or data's refusal
}

// readHeldAdmit reads the journal's view and the file for req, and decides
// it, into read. It takes no lock: a reader of the journal, then one of the
// file, as a card is read. Any error leaves read not done, for the admit
// to be read and decided under the lock as before, which says what is
// wrong.
func (s *Store) readHeldAdmit(ctx context.Context, req AdmitRequest, read *heldAdmitRead) {
	*read = heldAdmitRead{}
	hv, err := s.viewHeld(ctx, nil, logFor(req.Rehearsal), req.ParticipantID, req.SessionID)
	if err != nil {
		return
	}
	_ = s.read(ctx, func(tx *sqlTx) error {
		key, err := keptKey(ctx, tx)
		if err != nil {
			return err
		}
		r, c, err := s.admitDecision(ctx, tx, req, hv)
		var ours *Error
		if err == nil || err == errNoWrite || errors.As(err, &ours) && ours.Kind != KindInternal {
			*read = heldAdmitRead{done: true, hv: hv, key: key, r: r, c: c, err: err}
		}
		if testHeldAdmitRead != nil {
			testHeldAdmitRead()
		}
		return nil
	})
}

// admitHeld holds req's entry in the journal, in jtx, which holds the
// journal's write lock: as decided in read when neither the journal's view
// nor the file changed since; else decided again now.
func (s *Store) admitHeld(ctx context.Context, jtx *sqlTx, req AdmitRequest, read *heldAdmitRead) (AdmitResult, error) {
	l := logFor(req.Rehearsal)
	hv, err := s.viewHeld(ctx, jtx, l, req.ParticipantID, req.SessionID)
	if err != nil {
		return AdmitResult{}, s.heldCondition(err)
	}
	if read.done && hv.same(read.hv) {
		var key string
		if err := s.read(ctx, func(tx *sqlTx) error {
			var err error
			key, err = keptKey(ctx, tx)
			return err
		}); err != nil {
			return AdmitResult{}, err
		}
		if key == read.key {
			if read.err != nil {
				return read.r, read.err
			}
			c := read.c
			c.At = s.stamp() // when it is written
			if c, err = insertHeld(ctx, jtx, l, c); err != nil {
				return AdmitResult{}, err
			}
			return read.r.entered(c), nil
		}
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
