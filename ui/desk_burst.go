package ui

import "time"

// A scanner types a whole code and Enter in a burst, a few ms a key; a
// person's keys come further apart. The window hands keys over once a
// frame, so a scanner's keys arrive in batches a frame or two apart (33 ms
// seen under X11), and under load it holds some back longer (80 ms seen
// in the middle of a code at load 7). The rule that tells a scan, in one
// place:
//
//   - keyRun, in a form's field (the walk-in form, the participant form
//     opened from the desk): the keys typed one close after the other
//     (less than formBurstPause apart) are a run, and a run ended by Enter
//     whose keys came on average within scanGap, its Enter included, is a
//     scan. A key held back does not split the code; a person typing (80
//     to 120 ms a key) is far from the average. A scan that comes less
//     than formBurstPause after a person's keys is a scan too: the run's
//     end that came as a scanner types (its keys less than scanGap apart,
//     and groups of them the window held back) is, on average. Which of
//     the run's keys are the code, the store tells (formScan.codes,
//     desk_keys.go; deskScanOver in the desk's field).
//   - keyBurst, where a key must be told at once, before the next comes:
//     keys closer than a gap are one burst (the desk's name search waits
//     for the burst to end, deskBurstGap; the PIN and payment dialogs
//     tell a code from a PIN or an amount, scanGap).
const (
	// scanGap: was this text scanned? A scanner's keys come closer than
	// this on average, the window's batches allowed for: a scan taken
	// for typing would be lost as a PIN or a name.
	scanGap = 50 * time.Millisecond
	// formBurstPause: keys closer than this may be one run, which the
	// window held back for a while (80 ms seen between two keys of a scan
	// under load, where scanGap alone split the code and saved the rest of
	// it into a name, or registered it as a walk-in's); it is the run's
	// keys on average that come within scanGap, its Enter included.
	formBurstPause = 4 * scanGap
	// deskBurstGap: should this key wait before a name search? A key that
	// comes closer than this after the last one waits for the burst to end
	// (a scanner's code then searches nothing: its Enter comes first).
	// Shorter than scanGap, because a person typing a name fast waits it
	// for their matches (≤ 50 ms asked); a batch of a scan held back
	// longer only costs one search, never a key.
	deskBurstGap = 25 * time.Millisecond
)

// keyRun is the keys typed in a field one close after the other (within
// formBurstPause): when the first came, how many, and the last; and the
// run's end that may be a scan: its keys came less than scanGap apart,
// but for pauses after a group of two keys or more (the window held back
// the keys of a scan after them). A key alone before a pause is a
// person's: the run's scanner-fast end starts after it.
type keyRun struct {
	first, last time.Time
	keys        int
	scanFirst   time.Time // when the first key of the run's scanner-fast end came
	scanKeys    int       // how many keys it has
	group       int       // how many keys the last group has (less than scanGap apart)
}

// keyAt notes a key typed at now; it reports whether it starts a run.
func (r *keyRun) keyAt(now time.Time) bool {
	gap := now.Sub(r.last)
	starts := r.last.IsZero() || gap >= formBurstPause
	switch {
	case starts:
		*r = keyRun{first: now, scanFirst: now}
	case gap >= scanGap && r.group < 2: // after a key alone, a person's
		r.scanFirst, r.scanKeys, r.group = now, 0, 0
	case gap >= scanGap: // after a group held back: the scan goes on
		r.group = 0
	}
	r.keys++
	r.scanKeys++
	r.group++
	r.last = now
	return starts
}

// scanStarts reports whether the last key noted starts the run's
// scanner-fast end (a run starting does).
func (r *keyRun) scanStarts() bool { return r.scanKeys == 1 }

// burst reports whether an Enter at now ends a run of keys as a scanner
// types them: close after the last key, and on average within scanGap,
// the whole run or its scanner-fast end (a scan after a person's keys),
// when that end is long enough for a code less a first key or two held
// back (two keys a person rolled, then Enter, are no scan).
func (r *keyRun) burst(now time.Time) bool {
	if r.keys == 0 || r.last.IsZero() || now.Sub(r.last) >= formBurstPause {
		return false
	}
	return now.Sub(r.first) < time.Duration(r.keys)*scanGap ||
		r.scanKeys >= deskShortestCode-deskScanLead && now.Sub(r.scanFirst) < time.Duration(r.scanKeys)*scanGap
}

// forget starts anew: what is typed next is a run of its own.
func (r *keyRun) forget() { *r = keyRun{} }

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
