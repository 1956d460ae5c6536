package ui

import (
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"congres/data"
	"congres/ui/widgets"
)

// formFromDesk is the welcome desk that opened the participant form
// (Ctrl+E, Edit). It is told, once the form is shown, the form itself
// (formShown): the desk closes it, unsaved, when it records a scan behind
// it (closeForDesk). And it is told a burst of keys ended by Enter in one
// of the form's text fields that reads as a badge or a ticket
// (looksScanned): a scanner's, or a word typed fast; the codes it may be
// (formScan.codes: the longest first). The desk asks the store
// and answers (scannedInForm) with the code it found or the first: nil
// when the code is someone's (the form gives the scan to the desk),
// data's not-found when none is anyone's (the keys were typed), or why it
// could not tell.
type formFromDesk interface {
	formShown(f *participantForm)
	scannedInForm(codes []string, answer func(code string, err error))
}

// editFromDeskAsync opens the form on the participant id from the welcome
// desk (Ctrl+E, Edit): saved is called once they are saved, and a badge
// scanned into the form, or behind it, is the desk's (desk).
func (s *participantsScreen) editFromDeskAsync(id int64, saved func(), desk formFromDesk) {
	s.openFormThenAsync(id, func(id int64) {
		s.onParticipantSaved(id)
		saved()
	}, desk)
}

// closeForDesk closes the form opened from the desk without saving it,
// and "Discard the changes?" if it is open over it: the desk took a scan
// behind them (deskScreen.closeEdit), and its card is to show whom the
// badge named, the person the form was opened on or someone else.
// The form does not come back, even from a save in flight that fails
// (reopen). Closed already, it does nothing more.
func (f *participantForm) closeForDesk() {
	if f.leaving {
		return
	}
	f.leaving = true // nothing to ask: the form goes as it was opened
	if f.asking != nil {
		f.asking.Hide() // its answer is Discard, which does nothing more
	}
	f.d.Hide()
}

// handScansToDesk makes a badge scanned into one of the form's text
// fields the desk's, by the walk-in form's rule (walkInForm.onScannedIn):
// a burst that the congress knows as someone's badge or ticket closes the
// form without saving, its fields as they were before the burst, and the
// desk checks the scan in; anything else was typed by a person, and stays
// in its field, but its Enter does not save (onTypedScan). The burst may
// be typed anywhere in the text (the first name has the keyboard with the
// cursor before the name), and in the notes, where Enter is a new line.
// After build: the fields are known by name.
func (f *participantForm) handScansToDesk() {
	if f.scans == nil {
		return
	}
	f.scans.formShown(f)
	for name, o := range f.focus {
		if e, ok := o.(*widgets.Entry); ok {
			watchFormBurst(e, func(codes []string, restore func(), entered bool) {
				f.onScannedIn(name, codes, restore, entered)
			})
		}
	}
}

// watchFormBurst tells, in a field of a form, the keys of a burst ended by
// Enter (a scan, or a word typed fast) from what a person types: the codes
// the burst may be (the text it put in, and its ends: formScan.codes),
// and a way to put back the field as it was before it,
// go to onScan, and that Enter does nothing more; entered is false in a
// multi-line field, where Enter is a new line (the burst ends with it).
// Any other Enter does what it did. It keeps the field's OnChanged and
// OnSubmitted.
func watchFormBurst(e *widgets.Entry, onScan func(codes []string, restore func(), entered bool)) {
	var keys keyRun
	before := e.Text   // the text before the run of keys
	at := 0            // where, in before (in runes), the run's keys went
	last := e.Text     // the text when it last changed
	var restoring bool // the field put back: no key
	scanned := func(text string, entered bool) bool {
		codes := formScan{run: inserted(before, text, at)}.codes()
		if len(codes) == 0 {
			return false
		}
		was := before
		keys.forget()
		onScan(codes, func() {
			restoring = true
			e.SetText(was)
			restoring = false
		}, entered)
		return true
	}
	changed, submitted := e.OnChanged, e.OnSubmitted
	e.OnChanged = func(text string) {
		if restoring {
			before, last = text, text
			keys.forget()
		} else {
			now := time.Now()
			ending := e.MultiLine && keys.burst(now) // before this key, a new line, is counted
			if keys.keyAt(now) {                     // a run of keys starts, where the cursor was
				before = last
				at = e.CursorTextOffset() - (utf8.RuneCountInString(text) - utf8.RuneCountInString(last))
			}
			last = text
			if ending && strings.HasSuffix(inserted(before, text, at), "\n") {
				scanned(text, false)
			}
		}
		if changed != nil {
			changed(text)
		}
	}
	e.OnSubmitted = func(text string) {
		if keys.burst(time.Now()) && scanned(text, true) {
			return
		}
		if submitted != nil {
			submitted(text)
		}
	}
}

// inserted is the text that was put into before to make after, at the
// rune offset at if it was (keys typed from there); else what is between
// their common start and their common end (a selection typed over).
func inserted(before, after string, at int) string {
	b, a := []rune(before), []rune(after)
	if k := len(a) - len(b); at >= 0 && k >= 0 && at+k <= len(a) &&
		string(a[:at])+string(a[at+k:]) == before {
		return string(a[at : at+k])
	}
	start := 0
	for start < len(b) && start < len(a) && b[start] == a[start] {
		start++
	}
	end := 0
	for end < len(b)-start && end < len(a)-start && b[len(b)-1-end] == a[len(a)-1-end] {
		end++
	}
	return string(a[start : len(a)-end])
}

// onScannedIn is a burst of keys that reads as a code or a ticket, ended
// by Enter in the form's field: the desk tells whether it is someone's
// (formFromDesk).
func (f *participantForm) onScannedIn(field string, codes []string, restore func(), entered bool) {
	f.scans.scannedInForm(codes, func(code string, err error) {
		switch {
		case err == nil: // someone's: the desk's, and the form as it was
			restore()
			f.leaving = true // nothing to ask: the scan was no edit
			f.d.Hide()
		case data.KindOf(err) != data.KindNotFound:
			f.showNotice(field, data.Message(err, uiLanguage()))
		case entered: // the word stays (in the notes, with its new line)
			f.onTypedScan(field, code)
		}
	})
}

// onTypedScan is Enter after text that read as a code but is nobody's: a
// word typed fast, which stays. The form is not saved on this Enter, which
// may have been a scanner's (a code nobody has, scanned into a name, would
// be saved): the form says so under the field, and the next Enter saves.
func (f *participantForm) onTypedScan(field, text string) {
	f.showNotice(field, lang.L("“{{.Text}}” is nobody's badge or ticket. Press Enter again to save.",
		map[string]any{"Text": text}))
}

// showNotice shows msg under the field, the keyboard where it is; the
// field typed on, or Save, takes it away.
func (f *participantForm) showNotice(field, msg string) {
	f.putMessage(field, msg)
	f.shownCode[field] = ""
}
