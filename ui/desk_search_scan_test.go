package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// deskKeys types into the desk's field as the window passes keys (each
// key, then its character; \n is Enter), one every step on the field's
// clock, which the fixture's first call sets.
type deskKeys struct {
	f  *deskFixture
	at time.Time
}

func newDeskKeys(f *deskFixture) *deskKeys {
	k := &deskKeys{f: f, at: time.Now()}
	f.s.entry.clock = func() time.Time { return k.at }
	return k
}

func (k *deskKeys) typeAt(t *testing.T, text string, step time.Duration) {
	t.Helper()
	c := k.f.e.win.Canvas()
	if c.Focused() != fyne.Focusable(k.f.s.entry) {
		t.Fatalf("the desk's field does not have the keyboard: %T", c.Focused())
	}
	for _, r := range text {
		k.at = k.at.Add(step)
		if r == '\n' {
			k.f.s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			continue
		}
		k.f.s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyName(strings.ToUpper(string(r)))})
		k.f.s.entry.TypedRune(r)
	}
	waitIdle(t, k.f.e.tasks)
}

// pause is a person's pause before the next key.
func (k *deskKeys) pause() { k.at = k.at.Add(time.Second) }

// TestDeskScanOntoATypedName: a badge scanned while the field holds a name
// a person typed (several people match it, or nobody) checks its holder
// in as if the field had been empty, and empties the field; the scan is
// not lost in "nameCODE", which matched nobody (a tester's report).
func TestDeskScanOntoATypedName(t *testing.T) {
	for _, tc := range []struct{ name, typed string }{
		{"SeveralMatch", "ma"},
		{"NobodyMatches", "Zyxwvu"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, w, _ := newScanFixture(t, 60)
			s := f.s
			who := f.person(t, "")
			keys := newDeskKeys(f)
			keys.typeAt(t, tc.typed, personKeys)
			if s.entry.Text != tc.typed || (tc.name == "SeveralMatch") != (len(s.matches) >= 2) {
				t.Fatalf("typed %q: the field holds %q, %d matches", tc.typed, s.entry.Text, len(s.matches))
			}
			keys.pause()
			keys.typeAt(t, who.Code+"\n", scannerKeys)
			if n := f.arrivals(t, who.ID); n != 1 || w.admits.Load() != 1 {
				t.Fatalf("a badge scanned onto %q: %d arrivals, %d check-ins, status %q, field %q",
					tc.typed, n, w.admits.Load(), s.status.Text, s.entry.Text)
			}
			if s.shown == nil || s.shown.Participant.ID != who.ID || s.entry.Text != "" || len(s.matches) != 0 {
				t.Fatalf("after the scan: card %+v, field %q, %d matches", s.shown, s.entry.Text, len(s.matches))
			}
		})
	}
}

// TestDeskScanOntoATypedNameWithNoPause: a badge scanned right after a
// person's last key, with no pause between (the person's key joins the
// scanner's burst), still checks its holder in, and empties the field.
func TestDeskScanOntoATypedNameWithNoPause(t *testing.T) {
	f, _, _ := newScanFixture(t, 60)
	s := f.s
	who := f.person(t, "")
	keys := newDeskKeys(f)
	keys.typeAt(t, "Zyxwvu", personKeys)
	keys.typeAt(t, who.Code+"\n", scannerKeys) // 4 ms after the person's last key
	if n := f.arrivals(t, who.ID); n != 1 || s.entry.Text != "" {
		t.Fatalf("a badge scanned with no pause after a name: %d arrivals, field %q, status %q",
			n, s.entry.Text, s.status.Text)
	}
}

// TestDeskTypingOntoANameExtendsIt: what a person types after a pause
// extends their text, even a last key and Enter that come as fast as a
// scanner's (a key rolled onto the next): the name is submitted and comes
// back into the field, as ever; ↓ and Enter then check in the match
// chosen.
func TestDeskTypingOntoANameExtendsIt(t *testing.T) {
	f, w, _ := newScanFixture(t, 60)
	s := f.s
	keys := newDeskKeys(f)
	keys.typeAt(t, "m", personKeys)
	keys.pause()
	keys.typeAt(t, "a", personKeys)
	if s.entry.Text != "ma" || len(s.matches) < 2 {
		t.Fatalf("typed m, a pause, a: the field holds %q, %d matches", s.entry.Text, len(s.matches))
	}
	keys.pause()
	keys.typeAt(t, "ar\n", scannerKeys) // fast, but no code
	if s.entry.Text != "maar" || w.admits.Load() != 0 {
		t.Fatalf("ma, a pause, then ar and Enter fast: the field holds %q, %d check-ins, status %q",
			s.entry.Text, w.admits.Load(), s.status.Text)
	}
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	waitIdle(t, f.e.tasks)
	if s.entry.Text != "ma" || len(s.matches) < 2 {
		t.Fatalf("after Backspace: the field holds %q, %d matches", s.entry.Text, len(s.matches))
	}
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	chosen := s.matches[0]
	keys.typeAt(t, "\n", personKeys)
	if w.admits.Load() != 1 || s.shown == nil || s.shown.Participant.ID != chosen.ID || s.entry.Text != "" {
		t.Fatalf("↓ Enter on the match chosen: %d check-ins, card %+v, field %q", w.admits.Load(), s.shown, s.entry.Text)
	}
}

// TestDeskScanHeldBackIsNoName: the window may hold a scan's first keys
// back (a busy machine): the keys after the pause are no scan onto a name,
// and the whole code is checked in.
func TestDeskScanHeldBackIsNoName(t *testing.T) {
	f, _, _ := newScanFixture(t, 60)
	s := f.s
	who := f.person(t, "")
	keys := newDeskKeys(f)
	keys.typeAt(t, who.Code[:1], scannerKeys)
	keys.at = keys.at.Add(3 * scanGap) // the pause
	keys.typeAt(t, who.Code[1:]+"\n", scannerKeys)
	if n := f.arrivals(t, who.ID); n != 1 || s.entry.Text != "" {
		t.Fatalf("a scan held back after its first key: %d arrivals, field %q, status %q", n, s.entry.Text, s.status.Text)
	}
}
