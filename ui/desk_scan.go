package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// The desk's input: what a scanner or a volunteer types into the search
// field, and what becomes of it. A scanner types a code and Enter (or Tab)
// in a few milliseconds, and the next code right after: Enter takes the
// field's text and empties the field at once, on the UI thread, and the
// text waits its turn in a queue that one worker takes in order (found,
// checked in, shown). Keys typed meanwhile go into the empty field; none is
// lost, and each scan is checked in once.

// deskScanRepeat is how long the same code scanned again counts as the
// same scan (a scanner held over a badge reads it again and again).
const deskScanRepeat = 2 * time.Second

// deskScan is one thing to check in, in the order submitted: a text
// scanned or typed then Enter, or a person (id) chosen or on the card.
type deskScan struct {
	text string
	// whole and lead are for a code scanned onto a name (onScannedOver):
	// whole is the field's text, name and code, which is a code itself
	// when the window held the scan's first keys back; lead is how many
	// of text's first characters may be a person's, typed with no pause
	// before the scanner's: when text is nobody's code, its end may be.
	whole string
	lead  int
	id    int64
	req   data.AdmitRequest // the day, door and desk when it was submitted
	at    time.Time         // when Enter was pressed; zero: a button, not timed
	// stages times the scan's stages on a timed desk (desk_timing.go).
	stages *deskStages
	// handover hands its result straight to the UI thread waiting for it
	// (desk_queue.go); nil when others were queued before it.
	handover *deskHandover
}

// deskShown is a card as it was shown, with the result above it.
type deskShown struct {
	card       *data.DeskCard
	pending    bool
	result     string
	importance widget.Importance
}

// deskTiming says whether the desk writes how long scans and searches take
// (CONGRES_DESK_TIMING=1), one line per event on stderr, for the
// real-window check.
var deskTiming = os.Getenv("CONGRES_DESK_TIMING") == "1"

// deskTimingOut is where the timing lines go (tests read them).
var deskTimingOut io.Writer = os.Stderr

// logDeskTiming writes one timing line: what, and the time since start,
// in milliseconds with one decimal ("desk-timing scan-to-card 12.3ms").
func logDeskTiming(what string, start time.Time) {
	if deskTiming && !start.IsZero() {
		fmt.Fprintf(deskTimingOut, "desk-timing %s %.1fms\n", what, float64(time.Since(start).Microseconds())/1000)
	}
}

// onSubmitted takes what was typed or scanned (Enter or Tab), or the match
// chosen, into the queue, and empties the field for the next at once.
// Enter on the empty field checks in the person on the card, when nothing
// else waits.
func (s *deskScreen) onSubmitted(text string) {
	at := time.Now()
	text = strings.TrimSpace(text)
	if s.selected >= 0 && s.selected < len(s.matches) {
		id := s.matches[s.selected].ID
		s.clearSearch()
		s.pushScanAsync(deskScan{id: id, req: s.admitRequest(id, nil), at: at})
		return
	}
	if text == "" {
		if s.scans.waiting == 0 && s.shown != nil && !s.pending && !s.admittedOnCard() {
			s.pushScanAsync(deskScan{id: s.shown.Participant.ID, req: s.admitRequest(s.shown.Participant.ID, nil), at: at})
		}
		return
	}
	s.submitText(text, deskScan{}, at)
}

// onScannedOver checks in a code scanned onto a name in the field
// (deskScanOver), as if the field had been empty: the name is given up,
// and the field emptied. whole is what the field holds: the window may
// have held the first keys of a scan back, and they are no name then
// (handleScan tries whole first). The first lead characters of code may be
// a person's last keys, typed with no pause before the scanner's.
func (s *deskScreen) onScannedOver(code, whole string, lead int) {
	s.selected = -1
	at := time.Now()
	if whole = strings.TrimSpace(whole); s.isRepeat(whole) {
		s.submitText(whole, deskScan{}, at) // the last scan, read again
		return
	}
	s.submitText(code, deskScan{whole: whole, lead: lead}, at)
}

// submitText takes text typed or scanned into the queue (with what sc
// says of a code scanned onto a name), and empties the field; text
// submitted again at once is the scanner's repeat.
func (s *deskScreen) submitText(text string, sc deskScan, at time.Time) {
	again := s.repeated(text)
	s.clearSearch()
	if again {
		if d := s.scans.down; d != nil && s.shown == nil { // the same card again, if none came since
			s.scans.down = nil
			s.showCard(d.card, d.pending)
			s.card.setResult(d.result, d.importance)
		}
		return
	}
	sc.text, sc.req, sc.at = text, s.admitRequest(0, nil), at
	s.pushScanAsync(sc)
}

// onScanned checks in a badge scanned while a dialog had the keyboard (the
// PIN dialog hands it over); what is in the field stays.
func (s *deskScreen) onScanned(code string) {
	code = strings.TrimSpace(code)
	if code == "" || s.repeated(code) {
		return
	}
	s.pushScanAsync(deskScan{text: code, req: s.admitRequest(0, nil), at: time.Now()})
}

// repeated reports whether text is the text submitted last, again within
// deskScanRepeat; it remembers text as the last one. The last one is
// forgotten when its scan found nobody in particular (a name that several
// people match, to submit again) or failed (to scan again): see forget.
func (s *deskScreen) repeated(text string) bool {
	again, now := s.isRepeat(text), s.now()
	s.scans.last, s.scans.lastAt = data.NormaliseCode(text), now
	return again
}

// isRepeat reports whether text is the text submitted last, again within
// deskScanRepeat.
func (s *deskScreen) isRepeat(text string) bool {
	d := s.now().Sub(s.scans.lastAt)
	return data.NormaliseCode(text) == s.scans.last && d >= 0 && d < deskScanRepeat
}

// forget says that the scan of text named nobody (a name search) or
// failed: the same text submitted again is a scan of its own.
func (s *deskScreen) forget(text string) {
	if text != "" && s.scans.last == data.NormaliseCode(text) {
		s.scans.last, s.scans.lastAt = "", time.Time{}
	}
}

// admitRequest asks to let person id in, as the desk is set now.
func (s *deskScreen) admitRequest(id int64, accept []data.DeskWarningKind) data.AdmitRequest {
	return data.AdmitRequest{ParticipantID: id, Day: s.today(), SessionID: s.session,
		Desk: deskName(s.prefs), Accept: accept, Rehearsal: s.rehearsal}
}

// admitAsync checks a person in (or lets them through the door), with the
// warnings accepted, after the scans before it; when others need
// confirming, the card shows them and nothing is written.
func (s *deskScreen) admitAsync(id int64, accept []data.DeskWarningKind) {
	s.pushScanAsync(deskScan{id: id, req: s.admitRequest(id, accept)})
}

// handleScan finds who a scan is and checks them in, off the UI thread;
// it returns what to show, whether the scan named someone (a person, or a
// code that nobody has) and was handled: only such a scan, repeated, is
// the same scan again; and whether it found a person (else what was typed
// may go back into the field: onNobodyFound).
func (s *deskScreen) handleScan(ctx context.Context, sc deskScan) (show func(), named, found bool) {
	f := deskFound{id: sc.id}
	if f.id == 0 {
		var err error
		if f, err = s.resolveScan(ctx, sc); err != nil {
			return func() { s.deskError(err, true) }, false, false
		}
		sc.stages.mark("resolved")
	}
	if f.id == 0 {
		return func() { s.onNobodyFound(sc.text, f) }, f.unknownCode, false
	}
	sc.req.ParticipantID = f.id
	shown, err := s.admit(ctx, sc.req)
	if f.layout == data.NoMismatch {
		return shown, err == nil, true
	}
	return func() {
		shown()
		s.onLayoutMismatch(f.layout)
	}, err == nil, true
}

// onNobodyFound shows what a text submitted found when it was nobody's
// code: a code that nobody has, or the people it matches. When the field
// is still empty and nothing else waits, the text goes back into it, to
// make it more precise or choose with ↑ ↓.
func (s *deskScreen) onNobodyFound(text string, f deskFound) {
	switch {
	case f.unknownCode:
		s.showCard(nil, false)
		s.setStatus(data.Message(data.ErrUnknownCode.With(text), uiLanguage()), widget.DangerImportance)
	case s.entry.Text == "" && s.scans.waiting == 0:
		s.search.restore = true
		s.entry.SetText(text)
		s.search.restore = false
		s.entry.CursorColumn = len([]rune(text))
		s.entry.Refresh()
		s.search.want, s.search.since, s.selected = text, time.Time{}, -1
		s.showMatches(text, f.rows)
	case len(f.rows) == 0:
		s.setStatus(lang.L("Nobody matches “{{.Text}}”.", map[string]any{"Text": text}), widget.MediumImportance)
	default:
		s.setStatus(lang.L("Several people match “{{.Text}}”: type it again and choose one with ↑ ↓.",
			map[string]any{"Text": text}), widget.WarningImportance)
	}
}

// deskFound is what Enter found: one person, or the people to choose from.
type deskFound struct {
	id          int64
	rows        []data.ParticipantRow
	unknownCode bool // text looks like a code that nobody has, and matches nobody
	// layout is the keyboard mismatch through which the scanner typed the
	// person's code; data.NoMismatch when it typed it as it is.
	layout data.KeyboardMismatch
}

// resolveScan finds who a scan is (resolve); for a code scanned onto a
// name (onScannedOver), the field's whole text first, if it is a code, then
// the code, then the code without its first characters.
func (s *deskScreen) resolveScan(ctx context.Context, sc deskScan) (deskFound, error) {
	if sc.whole != "" {
		if f, err := s.resolveCode(ctx, sc.whole); err != nil || f.id != 0 {
			return f, err
		}
	}
	f, err := s.resolve(ctx, sc.text)
	if err != nil || f.id != 0 || sc.lead == 0 {
		return f, err
	}
	return s.resolveTail(ctx, sc.text, sc.lead, f)
}

// resolve finds who text is: the person with that code (or a ticket they
// hold), else the one whose code the scanner meant when it typed text
// through another keyboard layout, else the one person text matches.
func (s *deskScreen) resolve(ctx context.Context, text string) (deskFound, error) {
	if f, err := s.resolveCode(ctx, text); err != nil || f.id != 0 {
		return f, err
	}
	rows, err := s.store.ListParticipants(ctx, data.ParticipantQuery{Search: text, Limit: deskMatches})
	if err != nil {
		return deskFound{}, err
	}
	if len(rows) == 1 {
		return deskFound{id: rows[0].ID}, nil
	}
	isCode := data.ValidCode(data.NormaliseCode(text))
	return deskFound{rows: rows, unknownCode: isCode && len(rows) == 0 && !strings.Contains(text, " ")}, nil
}

// resolveCode finds whose code (or ticket) text is, as typed or through
// another keyboard layout; id 0 when nobody's.
func (s *deskScreen) resolveCode(ctx context.Context, text string) (deskFound, error) {
	if strings.ContainsFunc(text, unicode.IsSpace) {
		return deskFound{}, nil
	}
	id, err := s.store.ParticipantIDByScan(ctx, text)
	if err == nil {
		return deskFound{id: id}, nil
	}
	if data.KindOf(err) != data.KindNotFound {
		return deskFound{}, err
	}
	for _, r := range data.MisreadScans(text) {
		id, err := s.store.ParticipantIDByScan(ctx, r.Text)
		if err == nil {
			return deskFound{id: id, layout: r.Layout}, nil
		}
		if data.KindOf(err) != data.KindNotFound {
			return deskFound{}, err
		}
	}
	return deskFound{}, nil
}

// resolveTail finds whose code text ends with, once its first 1 to lead
// characters (a person's, typed just before the scan) are dropped; else
// it keeps what text alone found.
func (s *deskScreen) resolveTail(ctx context.Context, text string, lead int, found deskFound) (deskFound, error) {
	rs := []rune(text)
	for i := 1; i <= lead && i < len(rs); i++ {
		id, err := s.store.ParticipantIDByScan(ctx, string(rs[i:]))
		if err == nil {
			return deskFound{id: id}, nil
		}
		if data.KindOf(err) != data.KindNotFound {
			return deskFound{}, err
		}
	}
	return found, nil
}

// admit checks a person in, off the UI thread, and returns what to show.
// The file's write lock may be taken by an import writing its rows, or
// another desk: the card says so while the check-in waits its turn.
func (s *deskScreen) admit(ctx context.Context, req data.AdmitRequest) (func(), error) {
	// The notice may fire just as Admit returns and reach the screen after
	// the result: done keeps it from covering the result.
	var done atomic.Bool
	wait := s.afterFunc(deskWaitNotice, func() {
		s.env.tasks.onUI(func() {
			if !done.Load() {
				s.card.setResult(lang.L("Waiting for the file (an import or another desk is writing)…"), widget.WarningImportance)
			}
		})
	})
	r, err := s.store.Admit(ctx, req)
	done.Store(true)
	wait.Stop()
	var card data.DeskCard
	var cardErr error
	if unwritable(err) || serverUnreachable(err) {
		// A file only read (damaged, read-only), or a server that does not
		// answer (the desk's replica then), still shows who this is.
		card, cardErr = s.readCard(ctx, req.ParticipantID, req.Day, req.SessionID, req.Rehearsal)
	}
	return func() {
		s.closeEdit() // the Edit form, behind which the desk took a scan (desk_edit.go)
		if w := s.walkIn; w != nil && w.asking != nil {
			w.leave() // the walk-in's "Discard the changes?", behind which too
		}
		switch {
		case (unwritable(err) || serverUnreachable(err)) && cardErr == nil:
			s.showCard(&card, false)
			s.card.setResult(notRecorded(err), widget.DangerImportance)
		case err != nil:
			s.deskError(err, true)
		default:
			s.onAdmitted(r)
		}
	}, err
}
