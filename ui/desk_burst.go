package ui

import "time"

// A scanner types a whole code and Enter in a burst, a few ms a key; a
// person's keys come further apart. The window hands keys over once a
// frame, so a scanner's keys arrive in batches a frame or two apart (33 ms
// seen under X11). Two gaps, for two questions:
const (
	// scanGap: was this text scanned? Keys closer than this are one
	// burst, and a burst ended by Enter is a scan (the PIN and payment
	// dialogs, the walk-in form). It allows the window's batches: a scan
	// taken for typing would be lost as a PIN or a name.
	scanGap = 50 * time.Millisecond
	// deskBurstGap: should this key wait before a name search? A key that
	// comes closer than this after the last one waits for the burst to end
	// (a scanner's code then searches nothing: its Enter comes first).
	// Shorter than scanGap, because a person typing a name fast waits it
	// for their matches (≤ 50 ms asked); a batch of a scan held back
	// longer only costs one search, never a key.
	deskBurstGap = 25 * time.Millisecond
)

// keyBurst tells the keys typed in one burst (a scanner's) from keys
// typed by a person, in a field: when the last key came, and where, in the
// field's text, the keys of the burst start.
type keyBurst struct {
	gap   time.Duration // scanGap when zero
	last  time.Time     // when the last key came; zero: none yet, or an edit since
	burst int           // where, in the text, the keys of the last burst start
}

func (b *keyBurst) maxGap() time.Duration {
	if b.gap == 0 {
		return scanGap
	}
	return b.gap
}

// keyAt notes a key typed at now, when the text before it was n long; it
// reports whether the key goes on the burst (else a burst starts at n).
func (b *keyBurst) keyAt(now time.Time, n int) bool {
	on := b.within(now)
	if !on {
		b.burst = n
	}
	b.last = now
	return on
}

// within reports whether now is within the gap of the last key: an Enter
// now ends the burst.
func (b *keyBurst) within(now time.Time) bool {
	return !b.last.IsZero() && now.Sub(b.last) < b.maxGap()
}

// ended reports whether a burst was typed and has ended by now: an Enter
// now was typed by a person.
func (b *keyBurst) ended(now time.Time) bool {
	return !b.last.IsZero() && now.Sub(b.last) >= b.maxGap()
}

// restartAt forgets the burst after an edit (a paste, a key that moves or
// erases, the text replaced): what follows is typed anew, from n.
func (b *keyBurst) restartAt(n int) {
	b.last, b.burst = time.Time{}, n
}
