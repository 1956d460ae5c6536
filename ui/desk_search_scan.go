package ui

import (
	"strings"
	"time"

	"congres/data"
)

// A badge scanned while the field holds a name a person typed (several
// people matched, or nobody) comes after a pause, in a burst of keys ended
// by Enter: the scanner's code, typed onto the name. It is the code alone
// that the desk checks in, as if the field had been empty, and the field
// is emptied as after any scan; the name is given up. What a person types
// onto their own text, slower than scanGap a key, extends it as ever. The
// scan is told by the forms' rule (keyRun, desk_burst.go): keys the window
// held back (80 ms seen in the middle of a code at load 7) do not split it.

// deskScanOver tells, in the desk's field, a scanner's burst typed onto
// text that was there before it.
type deskScanOver struct {
	keys   keyRun // desk_burst.go
	before string // the field's text when the run's first key came
	typed  []rune // the run's characters, in the order typed
	fast   int    // where, in typed, the run's scanner-fast end starts
}

// runeAt notes the character r typed at now, when the field held text.
func (o *deskScanOver) runeAt(now time.Time, text string, r rune) {
	if o.keys.keyAt(now) {
		o.before, o.typed = text, o.typed[:0]
	}
	if o.keys.scanStarts() {
		o.fast = len(o.typed)
	}
	o.typed = append(o.typed, r)
}

// restart forgets the burst after an edit (a paste, a key that moves or
// erases) or an Enter: the next key starts a burst of its own.
func (o *deskScanOver) restart() {
	o.keys.forget()
	o.before, o.typed, o.fast = "", o.typed[:0], 0
}

// scanned returns the code when an Enter (or Tab) at now ends a scanner's
// burst typed onto text already in the field: the run of keys ends as a
// scanner types (keyRun.burst), the field held something before the
// run's scanner-fast end, and what it typed reads as a code or a ticket (a
// person cannot type six keys or more that fast). The code has the key or
// two before that end too (the scan's first, which the window may hold
// back alone); lead is how many of its first characters may be a person's
// last keys, typed with no pause before the scanner's (deskScan.lead).
func (o *deskScanOver) scanned(now time.Time) (code string, lead int, ok bool) {
	if !o.keys.burst(now) || strings.TrimSpace(o.before+string(o.typed[:o.fast])) == "" {
		return "", 0, false
	}
	extra := min(deskScanLead, o.fast)
	code = strings.TrimSpace(string(o.typed[o.fast-extra:]))
	rs := []rune(code)
	most := min(extra+deskScanLead, len(rs)-deskShortestCode)
	for i := 0; i <= most; i++ {
		if tail := string(rs[i:]); looksScanned(tail) || len(data.MisreadScans(tail)) > 0 {
			return code, most, true
		}
	}
	return "", 0, false
}

// deskScanLead is how many of a person's keys may come less than scanGap
// before a scanner's first key, when the scan follows the typing with no
// pause: one, two with a key held while the next is pressed.
const deskScanLead = 2

// deskShortestCode is the length of the shortest code (data.ValidCode).
const deskShortestCode = 6

// onEnterKey is Enter or Tab in the desk's field: a scanner's code typed
// onto a name is checked in alone (deskScanOver); anything else is
// submitted as the field holds it.
func (e *deskEntry) onEnterKey(submit func()) {
	code, lead, ok := e.over.scanned(e.now())
	e.over.restart()
	if !ok {
		submit()
		return
	}
	e.s.onScannedOver(code, e.Text, lead)
}

// now is the field's clock for the gaps between keys (tests set it).
func (e *deskEntry) now() time.Time {
	if e.clock != nil {
		return e.clock()
	}
	return time.Now()
}
