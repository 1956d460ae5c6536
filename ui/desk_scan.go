package ui

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
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
	id   int64
	req  data.AdmitRequest // the day, door and desk when it was submitted
	at   time.Time         // when Enter was pressed; zero: a button, not timed
}

// deskScans is the queue of scans, and what the desk remembers of the last
// one.
type deskScans struct {
	mu      sync.Mutex
	queue   []deskScan
	running bool // a worker is taking the queue

	waiting int       // UI thread: scans submitted whose result is not shown yet
	owed    bool      // UI thread: the counters are to be read once the queue is empty
	last    string    // UI thread: the last text submitted, normalised
	lastAt  time.Time // UI thread: when (s.now)
	// shownFor is the last text whose scan put its person, shownID, on the
	// card; down is that card, taken down by the first key of the next
	// scan: if it is the same code again, the card comes back.
	shownFor string
	shownID  int64
	down     *deskShown
}

// deskShown is a card as it was shown, with the result above it.
type deskShown struct {
	card       *data.DeskCard
	pending    bool
	result     string
	importance widget.Importance
}

// deskSearch is the name search of what is being typed: one at a time;
// keys typed while one runs make the next search, for the text as it is
// then.
type deskSearch struct {
	want     string    // the text whose matches are wanted; "" none
	inFlight bool      // a search runs
	since    time.Time // the first key typed whose matches are not shown yet
	restore  bool      // the field is being given back a text: no search
	keys     keyBurst  // desk_burst.go: the keys typed, in bursts of deskBurstGap
	waiting  bool      // a search waits for the keys of a burst to stop
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

// onSearchChanged shows who matches what is being typed. The first key of
// a new search takes the card down: Enter then acts on what is typed.
func (s *deskScreen) onSearchChanged(text string) {
	if s.search.restore {
		return
	}
	text = strings.TrimSpace(text)
	s.selected = -1
	if text != "" && s.search.want == "" && s.shown != nil {
		s.scans.down = nil
		if s.scans.shownFor != "" && s.scans.shownFor == s.scans.last && s.shown.Participant.ID == s.scans.shownID {
			s.scans.down = &deskShown{card: s.shown, pending: s.pending,
				result: s.card.result.Text, importance: s.card.result.Importance}
		}
		s.showCard(nil, false)
	}
	s.search.want = text
	if text == "" {
		s.search.since = time.Time{}
		s.showMatches("", nil)
		return
	}
	now := time.Now()
	if s.search.since.IsZero() {
		s.search.since = now
	}
	s.search.keys.gap = deskBurstGap // not the zero value's scanGap
	burst := s.search.keys.keyAt(now, 0)
	switch {
	case s.search.inFlight || s.search.waiting:
	case burst:
		s.searchAfterBurstAsync()
	default:
		s.searchAsync(text)
	}
}

// searchAfterBurstAsync searches names for what the field holds once no key
// came for deskBurstGap.
func (s *deskScreen) searchAfterBurstAsync() {
	s.search.waiting = true
	s.env.tasks.hold()
	time.AfterFunc(deskBurstGap, func() {
		s.env.tasks.onUI(func() {
			defer s.env.tasks.release()
			s.search.waiting = false
			switch {
			case s.search.want == "" || s.search.inFlight:
			case s.search.keys.within(time.Now()):
				s.searchAfterBurstAsync()
			default:
				s.searchAsync(s.search.want)
			}
		})
	})
}

// searchAsync lists who matches text; when the field changed meanwhile, it
// searches again for what it holds now, and shows only that.
func (s *deskScreen) searchAsync(text string) {
	s.search.inFlight = true
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		rows, err := s.store.ListParticipants(ctx, data.ParticipantQuery{Search: text, Limit: deskMatches})
		return func() {
			s.search.inFlight = false
			switch {
			case s.search.want != text:
				switch {
				case s.search.want == "":
				case s.search.keys.within(time.Now()):
					s.searchAfterBurstAsync()
				default:
					s.searchAsync(s.search.want)
				}
			case err != nil:
				showError(s.env.win, err)
			default:
				s.showMatches(text, rows)
				logDeskTiming("keystroke-to-matches", s.search.since)
				s.search.since = time.Time{}
			}
		}
	})
}

func (s *deskScreen) showMatches(text string, rows []data.ParticipantRow) {
	s.matches = rows
	s.list.UnselectAll()
	s.list.Refresh()
	switch {
	case text == "":
		s.setStatus("", widget.MediumImportance)
	case len(rows) == 0:
		s.setStatus(lang.L("Nobody matches “{{.Text}}”.", map[string]any{"Text": text}), widget.MediumImportance)
	case len(rows) == 1:
		s.setStatus(lang.L("Enter checks this person in."), widget.MediumImportance)
	default:
		s.setStatus(lang.N("{{.Count}} people match: choose one with ↑ ↓, then Enter.", len(rows),
			map[string]any{"Count": len(rows)}), widget.MediumImportance)
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
	again := s.repeated(text)
	s.clearSearch()
	if again {
		if d := s.scans.down; d != nil { // the same card again
			s.scans.down = nil
			s.showCard(d.card, d.pending)
			s.card.setResult(d.result, d.importance)
		}
		return
	}
	s.pushScanAsync(deskScan{text: text, req: s.admitRequest(0, nil), at: at})
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
	key, now := data.NormaliseCode(text), s.now()
	d := now.Sub(s.scans.lastAt)
	again := key == s.scans.last && d >= 0 && d < deskScanRepeat
	s.scans.last, s.scans.lastAt = key, now
	return again
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

// pushScanAsync queues a scan, and starts the worker when none runs. UI
// thread.
func (s *deskScreen) pushScanAsync(sc deskScan) {
	s.scans.waiting++
	s.env.tasks.hold()
	q := &s.scans
	q.mu.Lock()
	q.queue = append(q.queue, sc)
	start := !q.running
	q.running = true
	q.mu.Unlock()
	if start {
		go s.takeScans(s.env.ctx)
	}
}

// takeScans handles the queued scans one after the other, and shows each
// result on the UI thread, in order. Once the file is closed (or replaced,
// or restored), the scans still queued are not recorded: it says how many.
func (s *deskScreen) takeScans(ctx context.Context) {
	q := &s.scans
	for {
		q.mu.Lock()
		if ctx.Err() != nil {
			dropped := len(q.queue)
			q.queue, q.running = nil, false
			q.mu.Unlock()
			s.dropScans(dropped)
			return
		}
		if len(q.queue) == 0 {
			q.running = false
			q.mu.Unlock()
			return
		}
		sc := q.queue[0]
		q.queue = slices.Delete(q.queue, 0, 1)
		q.mu.Unlock()
		update, named := s.handleScan(ctx, sc)
		s.env.tasks.onUI(func() {
			defer s.env.tasks.release()
			s.scans.waiting--
			if ctx.Err() != nil {
				return
			}
			if !named {
				s.forget(sc.text)
			}
			update()
			s.scans.shownFor, s.scans.shownID = "", 0
			if sc.text != "" && s.shown != nil {
				s.scans.shownFor, s.scans.shownID = data.NormaliseCode(sc.text), s.shown.Participant.ID
			}
			logDeskTiming("scan-to-card", sc.at)
			if s.scans.waiting == 0 && s.scans.owed {
				s.scans.owed = false
				s.countAsync()
			}
		})
	}
}

// dropScans tells that n scans queued were not recorded, the file being
// closed: a log line, and a message over the window. It releases their
// holds.
func (s *deskScreen) dropScans(n int) {
	if n == 0 {
		return
	}
	log.Printf("desk: %d scans queued were not recorded: the file was closed", n)
	s.env.tasks.onUI(func() {
		for range n {
			s.env.tasks.release()
		}
		s.scans.waiting -= n
		dialog.ShowInformation(lang.L("Scans not recorded"),
			lang.N("{{.Count}} scans waiting at the desk were not recorded: the file was closed. Scan them again.", n,
				map[string]any{"Count": n}), s.env.win)
	})
}

// countAfterScansAsync reads the counters again, once the scans queued are
// checked in: one reading of the day's thousands of people for a burst of
// scans, not one per scan.
func (s *deskScreen) countAfterScansAsync() {
	if s.scans.waiting > 0 {
		s.scans.owed = true
		return
	}
	s.countAsync()
}

// handleScan finds who a scan is and checks them in, off the UI thread;
// it returns what to show, and whether the scan named someone (a person,
// or a code that nobody has) and was handled: only such a scan, repeated,
// is the same scan again.
func (s *deskScreen) handleScan(ctx context.Context, sc deskScan) (show func(), named bool) {
	f := deskFound{id: sc.id}
	if f.id == 0 {
		var err error
		if f, err = s.resolve(ctx, sc.text); err != nil {
			return func() { showError(s.env.win, err) }, false
		}
	}
	if f.id == 0 {
		return func() { s.onNobodyFound(sc.text, f) }, f.unknownCode
	}
	sc.req.ParticipantID = f.id
	shown, err := s.admit(ctx, sc.req)
	if f.layout == data.NoMismatch {
		return shown, err == nil
	}
	return func() {
		shown()
		s.onLayoutMismatch(f.layout)
	}, err == nil
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

// resolve finds who text is: the person with that code (or a ticket they
// hold), else the one whose code the scanner meant when it typed text
// through another keyboard layout, else the one person text matches.
func (s *deskScreen) resolve(ctx context.Context, text string) (deskFound, error) {
	if !strings.ContainsFunc(text, unicode.IsSpace) {
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
	if unwritable(err) {
		// A file only read (damaged, read-only) still shows who this is.
		card, cardErr = s.readCard(ctx, req.ParticipantID, req.Day, req.SessionID, req.Rehearsal)
	}
	return func() {
		switch {
		case unwritable(err) && cardErr == nil:
			s.showCard(&card, false)
			s.card.setResult(data.Message(err, uiLanguage()), widget.DangerImportance)
		case err != nil:
			showError(s.env.win, err)
		default:
			s.onAdmitted(r)
		}
	}, err
}

// clearSearch empties the field for the next scan.
func (s *deskScreen) clearSearch() {
	s.entry.SetText("")
	s.selected = -1
	s.focus()
}

// focus gives the search field the keyboard. Under a dialog, the field
// gets it back once the dialog closes.
func (s *deskScreen) focus() {
	if s.entry == nil || !s.isActive() {
		return
	}
	c := s.env.win.Canvas()
	if c.Overlays().Top() == nil {
		c.Focus(s.entry)
		return
	}
	if _, typing := c.Focused().(textField); !typing {
		c.Focus(s.entry) // the window's content; the dialog keeps its own keyboard
	}
}

// isActive reports whether the desk is the page shown, in a file still open.
func (s *deskScreen) isActive() bool {
	return s.env.ctx.Err() == nil && (s.active == nil || s.active())
}

// textField is a widget that takes text typed (an entry): the desk leaves
// it the keyboard.
type textField interface {
	fyne.Focusable
	SelectedText() string
}

// catchKeys sends to the search field what is typed while nothing has the
// keyboard (after a click elsewhere, or under a dialog without a field):
// a scan is never lost. A dialog with a field that has not the keyboard
// gets it, and the key.
func (s *deskScreen) catchKeys() {
	c := s.env.win.Canvas()
	runes, keys := c.OnTypedRune(), c.OnTypedKey()
	c.SetOnTypedRune(func(r rune) {
		if into := s.keysTarget(); into != nil {
			into.TypedRune(r)
		} else if runes != nil {
			runes(r)
		}
	})
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab:
			if into := s.keysTarget(); into != nil {
				into.TypedKey(ev)
				return
			}
		}
		if keys != nil {
			keys(ev)
		}
	})
}

// keysTarget is where a key typed while nothing has the keyboard goes: the
// first field of the dialog on top, if it has one; else the desk's field;
// nil when the desk is not shown.
func (s *deskScreen) keysTarget() fyne.Focusable {
	if s.entry == nil || !s.isActive() {
		return nil
	}
	c := s.env.win.Canvas()
	top := c.Overlays().Top()
	if top == nil {
		c.Focus(s.entry)
		return s.entry
	}
	if field := firstTextField(top); field != nil {
		c.Focus(field)
		return field
	}
	c.Focus(s.entry) // under the dialog: the window's content
	return s.entry
}

// firstTextField is the first visible, enabled entry in o, if any.
func firstTextField(o fyne.CanvasObject) textField {
	var found textField
	var walk func(o fyne.CanvasObject) bool
	walk = func(o fyne.CanvasObject) bool {
		if o == nil || !o.Visible() {
			return false
		}
		if f, ok := o.(textField); ok {
			if d, ok := o.(fyne.Disableable); !ok || !d.Disabled() {
				found = f
				return true
			}
		}
		var children []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			children = x.Objects
		case *widget.PopUp:
			children = []fyne.CanvasObject{x.Content}
		case *container.Scroll:
			children = []fyne.CanvasObject{x.Content}
		case *widget.Form:
			for _, item := range x.Items {
				children = append(children, item.Widget)
			}
		}
		for _, c := range children {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(o)
	return found
}

// reclaimFocus gives the field the keyboard back after a click gave it to
// a chooser, a button or the matches (they ignore what a scanner types),
// unless a field that takes text has it.
func (s *deskScreen) reclaimFocus() {
	if s.entry == nil || !s.isActive() {
		return
	}
	c := s.env.win.Canvas()
	if f := c.Focused(); f == fyne.Focusable(s.entry) {
		return
	} else if _, typing := f.(textField); typing {
		return
	}
	c.Focus(s.entry)
}

// deskEntry is the desk's search field: Enter and Tab (a scanner may end
// a code with either) submit what it holds, ↑ and ↓ choose among the
// matches, and the desk's shortcuts work while it has the focus (it
// always has).
type deskEntry struct {
	widgets.Entry
	s *deskScreen
}

func newDeskEntry(s *deskScreen) *deskEntry {
	e := &deskEntry{s: s}
	e.ExtendBaseWidget(e)
	e.TextStyle.Bold = true
	return e
}

// AcceptsTab keeps Tab in the field: it ends a scan, as Enter does.
func (e *deskEntry) AcceptsTab() bool { return true }

// FocusLost gives the keyboard back to the field once the click that took
// it is handled.
func (e *deskEntry) FocusLost() {
	e.Entry.FocusLost()
	t := e.s.env.tasks
	t.hold()
	go t.onUI(func() { // after the click; never waits on the UI thread
		defer t.release()
		e.s.reclaimFocus()
	})
}

func (e *deskEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.s.moveSelection(1)
	case fyne.KeyUp:
		e.s.moveSelection(-1)
	case fyne.KeyTab:
		e.s.onSubmitted(e.Text)
	default:
		e.Entry.TypedKey(ev)
	}
}

// The desk's shortcuts, shown on its buttons.
var (
	shortcutDeskConfirm = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDeskPrint   = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDeskUndo    = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDeskEdit    = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutDeskWalkIn  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
)

func (e *deskEntry) TypedShortcut(sc fyne.Shortcut) {
	if _, ok := sc.(*fyne.ShortcutUndo); ok { // Ctrl+Z, as the system names it
		e.s.onUndoTapped()
		return
	}
	if cs, ok := sc.(*desktop.CustomShortcut); ok {
		for _, d := range []struct {
			sc *desktop.CustomShortcut
			fn func()
		}{
			{shortcutDeskConfirm, e.s.onConfirmTapped},
			{shortcutDeskPrint, e.s.onPrintBadgeTapped},
			{shortcutDeskUndo, e.s.onUndoTapped},
			{shortcutDeskEdit, e.s.onEditTapped},
			{shortcutDeskWalkIn, e.s.onWalkInTapped},
			{shortcutDeskPay, e.s.payment.onPayTapped},      // desk_payment.go
			{shortcutDeskUndoPay, e.s.payment.onUndoTapped}, // desk_payment.go
		} {
			if cs.KeyName == d.sc.KeyName && cs.Modifier == d.sc.Modifier {
				d.fn()
				return
			}
		}
	}
	e.Entry.TypedShortcut(sc)
}

// relayout lays o out again, and the containers in it, without refreshing
// each widget (which measures each text again): what a card shown or a
// button hidden needs.
func relayout(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		if !x.Visible() {
			return
		}
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, c := range x.Objects {
			relayout(c)
		}
	case *container.Split:
		relayout(x.Leading)
		relayout(x.Trailing)
	case *container.Scroll:
		size, min := x.Size(), x.Content.MinSize()
		switch x.Direction {
		case container.ScrollVerticalOnly:
			x.Content.Resize(fyne.NewSize(size.Width, max(min.Height, size.Height)))
		case container.ScrollHorizontalOnly:
			x.Content.Resize(fyne.NewSize(max(min.Width, size.Width), size.Height))
		case container.ScrollBoth:
			x.Content.Resize(min.Max(size))
		}
		relayout(x.Content)
	case *container.ThemeOverride:
		relayout(x.Content)
	}
}

// handScansToDesk makes a badge or a ticket scanned into one of the
// walk-in form's fields a scan at the desk: the person has a registration
// after all, so the form closes, nobody is registered, and the desk checks
// in whom the scan names.
func (f *walkInForm) handScansToDesk() {
	for _, e := range []*widgets.Entry{f.firstName, f.lastName, f.organisation, f.email, f.fee} {
		if e != nil {
			watchScans(e, func(code string) {
				f.d.Hide()
				f.s.onScanned(code)
			})
		}
	}
}

// watchScans tells, in a form's field, a scan (a burst of keys, a code or
// a ticket, ending with Enter) from what a person types: the scan is taken
// out of the field and given to onScan; Enter after what a person typed
// does what it did. It keeps the field's OnChanged and OnSubmitted.
func watchScans(e *widgets.Entry, onScan func(code string)) {
	var keys keyBurst // desk_burst.go: in bytes of the text
	var before string // the text when it last changed
	changed, submitted := e.OnChanged, e.OnSubmitted
	e.OnChanged = func(text string) {
		if strings.HasPrefix(text, before) {
			keys.keyAt(time.Now(), len(before))
		} else { // an edit, not keys typed at the end
			keys.restartAt(len(text))
		}
		before = text
		if changed != nil {
			changed(text)
		}
	}
	e.OnSubmitted = func(text string) {
		if start := keys.burst; keys.within(time.Now()) && start <= len(text) {
			if code := strings.TrimSpace(text[start:]); looksScanned(code) {
				e.SetText(text[:start])
				onScan(code)
				return
			}
		}
		if submitted != nil {
			submitted(text)
		}
	}
}

// looksScanned reports whether text, typed in a burst, is a code or a
// ticket rather than a name, an organisation, an email or an amount: one
// word of 6 characters or more, a participant's code or with a digit.
func looksScanned(text string) bool {
	if len(text) < 6 || strings.ContainsFunc(text, unicode.IsSpace) || strings.ContainsAny(text, "@,") {
		return false
	}
	return data.ValidCode(data.NormaliseCode(text)) || strings.ContainsFunc(text, unicode.IsDigit)
}
