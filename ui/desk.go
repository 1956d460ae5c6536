package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// deskMatches is how many people a name search at the desk offers.
const deskMatches = 20

// deskCountsEvery is how often the counters are read again, to show the
// arrivals of the other desks.
var deskCountsEvery = 5 * time.Second

// deskStore is what the welcome desk reads and writes.
type deskStore interface {
	ParticipantIDByScan(ctx context.Context, text string) (int64, error)
	ListParticipants(ctx context.Context, q data.ParticipantQuery) ([]data.ParticipantRow, error)
	Congress(ctx context.Context) (data.Congress, error)
	Categories(ctx context.Context) ([]data.Category, error)
	Sessions(ctx context.Context) ([]data.Session, error)
	DeskCard(ctx context.Context, participantID int64, day data.Day, sessionID int64) (data.DeskCard, error)
	Admit(ctx context.Context, req data.AdmitRequest) (data.AdmitResult, error)
	UndoLastEntry(ctx context.Context, participantID int64, desk string) (data.Checkin, error)
	DeskCounts(ctx context.Context, day data.Day) ([]data.DeskCount, error)
	rehearsalStore
	DoorCounts(ctx context.Context, sessionID int64) (data.DoorCount, error)
	RegisterWalkIn(ctx context.Context, w *data.WalkIn) (data.AdmitResult, error)
	DuplicatesBeforeSave(ctx context.Context, p data.Participant) ([]data.Duplicate, error)
	deskPaymentStore
}

// deskScreen is the welcome desk (l'accueil): a search field that always
// has the focus, where a scanner types a badge's code and Enter, or a
// volunteer a name; the person's card; check-in, badge, undo, edit and
// walk-ins; and the day's counters. In door mode it lets people into one
// session instead.
type deskScreen struct {
	env    *env
	store  deskStore
	prefs  fyne.Preferences
	badges *badgePrinter
	edit   func(id int64, saved func(), desk formFromDesk) // opens the participant form (desk_edit.go); nil: no Edit
	lock   *deskLock                                       // nil: the desk cannot be locked
	active func() bool                                     // whether the desk is the page shown; nil: always
	now    func() time.Time
	// afterFunc starts the notice of a check-in that waits (time.AfterFunc;
	// tests fire it late).
	afterFunc func(time.Duration, func()) *time.Timer

	entry   *deskEntry
	status  *widget.Label
	list    *widgets.List
	card    *deskCardView
	offline *deskBanner  // how many actions wait for the server (desk_offline.go)
	day     *deskChooser // the day checked in for (desk_chooser.go)
	door    *deskChooser // arrivals, or a session's door
	counts  *deskCounters
	buttons deskButtons
	payment *deskPayment     // Mark paid, Undo payment (desk_payment.go)
	seat    *deskSeatRequest // a seat request noted offline (desk_seat_request.go)

	// offlineBox holds the offline line and saveHeld, the button that saves
	// the waiting check-ins to a file (desk_outbox.go).
	offlineBox *fyne.Container
	saveHeld   *widget.Button

	days       []data.Day     // the congress days; UI thread only
	sessions   []data.Session // the congress's sessions
	doors      []int64        // the day's sessions, in the door chooser's order after Arrivals
	session    int64          // the session at the door; 0 for arrivals
	matches    []data.ParticipantRow
	matchCells deskMatchCells   // the list's cells and the rows they show (desk_search.go)
	selected   int              // the match chosen with the arrow keys or a click; -1 for none
	shown      *data.DeskCard   // the person on the card
	walkIn     *walkInForm      // the walk-in form opened last
	editing    *participantForm // the Edit form opened last, until the desk closes it (desk_edit.go)
	pending    bool             // the card's warnings await a confirmation
	root       *fyne.Container
	middle     *fyne.Container  // the card's side alone, or withList while there are matches
	withList   *container.Split // the list of matches beside the card's side
	// matchesOneLine says the matches show name and organisation on one
	// line: while nobody is on the card, the list has the desk's width.
	matchesOneLine bool
	scans          deskScans       // what was scanned, in turn to be checked in
	search         deskSearch      // the name search of what is typed
	probe          *deskFrameProbe // tells when a frame is drawn; nil but on a timed desk (desk_timing.go)
	counting       deskCounting    // the reading of the counters in flight (desk_counts.go)

	// The day recorded, and whether as a rehearsal (desk_day.go); UI
	// thread only.
	dayView    *deskDayView
	dayIndex   int      // the day chosen and confirmed, in days
	settingDay bool     // the day chooser is being set, not chosen
	rehearsal  bool     // entries go to the rehearsal's log, counted nowhere
	dateSeen   data.Day // the calendar's day when the days were set
}

// deskButtons are the card's actions.
type deskButtons struct {
	checkIn, confirm, print, undo, edit, walkIn, lock *widget.Button
}

func newDeskScreen(e *env, st deskStore, prefs fyne.Preferences, badges *badgePrinter) *deskScreen {
	s := &deskScreen{env: e, store: st, prefs: prefs, badges: badges, now: time.Now,
		afterFunc: time.AfterFunc, selected: -1}
	if o, ok := st.(*offlineDesk); ok {
		o.onState = func(waiting int, lost bool) {
			s.env.tasks.runAsync(s.env.ctx, func(context.Context) func() {
				return func() { s.showOffline(waiting, lost) }
			})
		}
	}
	return s
}

func (s *deskScreen) build() fyne.CanvasObject {
	s.entry = newDeskEntry(s)
	s.entry.SetPlaceHolder(lang.L("Scan a badge, or type a code or a name, then Enter"))
	s.entry.OnChanged = s.onSearchChanged
	s.entry.OnSubmitted = s.onSubmitted
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.matchesOneLine = true
	s.list = widgets.NewList(func() int { return len(s.matches) },
		func() fyne.CanvasObject { return newDeskMatchCell(&s.matchesOneLine) }, s.updateMatch)
	s.list.OnSelected = s.onMatchSelected

	s.day = s.newChooser(s.onDayChanged)
	s.door = s.newChooser(s.onDoorChanged)
	s.card = newDeskCardView()
	s.buttons = deskButtons{
		checkIn: widget.NewButtonWithIcon(lang.L("Check in (Enter)"), theme.ConfirmIcon(), s.onCheckInTapped),
		confirm: widget.NewButtonWithIcon(lang.L("Let in anyway (Ctrl+Enter)"), theme.WarningIcon(), s.onConfirmTapped),
		print:   widget.NewButtonWithIcon(lang.L("Print badge (Ctrl+P)"), theme.DocumentPrintIcon(), s.onPrintBadgeTapped),
		undo:    widget.NewButtonWithIcon(lang.L("Undo check-in (Ctrl+Z)"), theme.ContentUndoIcon(), s.onUndoTapped),
		edit:    widget.NewButtonWithIcon(lang.L("Edit (Ctrl+E)"), theme.DocumentCreateIcon(), s.onEditTapped),
		walkIn:  widget.NewButtonWithIcon(lang.L("New walk-in (Ctrl+N)"), theme.ContentAddIcon(), s.onWalkInTapped),
	}
	s.buttons.lock = widget.NewButtonWithIcon("", theme.LogoutIcon(), s.onLockTapped)
	s.showLocked(s.lock != nil && s.lock.locked())
	if s.lock != nil {
		s.lock.changed = append(s.lock.changed, s.showLocked)
		s.lock.onScan = s.onScanned
	}
	showIf(s.buttons.lock, s.lock != nil)
	s.buttons.checkIn.Importance = widget.HighImportance
	s.buttons.confirm.Importance = widget.DangerImportance
	showIf(s.buttons.print, s.badges != nil)
	showIf(s.buttons.edit, s.edit != nil)
	s.counts = newDeskCounters()

	s.catchKeys()
	s.dayView = newDeskDayView(s)
	s.status.Hide() // until it says something
	// The offline line, hidden until the server is lost (desk_offline.go).
	offline := s.newOfflineLine()
	top := container.NewVBox(s.deskHead(), offline, container.NewThemeOverride(s.entry, deskScanTheme{}), s.status, s.card.result)
	s.payment = newDeskPayment(s)
	s.seat = newDeskSeatRequest(s) // offline, at a door (desk_seat_request.go)
	// The actions in a column beside the card, which keeps the height for
	// the card's rows on a small screen. The card takes the width but while
	// a name search offers matches.
	// The box's padding is its own (deskCompactPadding): with the
	// window's, the last action covered Undo payment at 1024×600.
	actions := container.New(layout.NewCustomPaddedVBoxLayout(deskCompactPadding),
		s.buttons.checkIn, s.buttons.confirm, s.buttons.print, s.buttons.undo,
		s.buttons.edit, s.payment.pay, s.payment.undo, s.seat.note, layout.NewSpacer(), s.buttons.walkIn)
	right := container.NewBorder(nil, nil, nil, container.New(layout.NewCustomPaddedLayout(0, 0, theme.Padding(), 0),
		container.NewThemeOverride(actions, deskCompactTheme{})), // closer together: the card keeps the height
		container.NewVScroll(s.card.box))
	s.withList = container.NewHSplit(s.list, right)
	s.middle = container.NewStack(right)
	s.root = container.NewBorder(top, s.counts.box, nil, nil, s.middle)
	s.showCard(nil, false)
	if deskTiming { // the frame probe over the desk, drawn last (desk_timing.go)
		s.probe = newDeskFrameProbe()
		return container.NewStack(s.root, s.probe.object())
	}
	return s.root
}

// loadAsync reads the days, the sessions and the counters, and gives the
// search field the focus.
func (s *deskScreen) loadAsync() {
	s.focus()
	if o, ok := s.store.(*offlineDesk); ok {
		o.startReplica()
	}
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		c, err := s.store.Congress(ctx)
		var sessions []data.Session
		if err == nil {
			sessions, err = s.store.Sessions(ctx)
		}
		return func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.setDays(c.Days, sessions)
		}
	})
}

// onDoorChanged switches between arrivals and a session's door.
func (s *deskScreen) onDoorChanged(string) {
	s.session = 0
	if i := s.door.SelectedIndex(); i >= 1 && i <= len(s.doors) {
		s.session = s.doors[i-1]
	}
	if s.session != 0 {
		s.buttons.checkIn.SetText(lang.L("Let in (Enter)"))
		s.buttons.undo.SetText(lang.L("Undo entry (Ctrl+Z)"))
	} else {
		s.buttons.checkIn.SetText(lang.L("Check in (Enter)"))
		s.buttons.undo.SetText(lang.L("Undo check-in (Ctrl+Z)"))
	}
	s.sayDay()
	s.showCard(nil, false)
	s.countAsync()
	s.focus()
}

// onLockTapped locks the desk, or unlocks it with the PIN.
func (s *deskScreen) onLockTapped() {
	if s.lock.locked() {
		s.lock.unlockThen(s.focus)
	} else {
		s.lock.lockAsync()
	}
	s.focus()
}

// showLocked says on the lock button what it does.
func (s *deskScreen) showLocked(locked bool) {
	if locked {
		s.buttons.lock.SetText(lang.L("Locked — Unlock…"))
		s.buttons.lock.Importance = widget.WarningImportance
	} else {
		s.buttons.lock.SetText(lang.L("Lock the desk"))
		s.buttons.lock.Importance = widget.MediumImportance
	}
	s.buttons.lock.Refresh()
}

// setStatus says something under the search field; a refusal (an unknown
// code) goes to the banner, in red.
func (s *deskScreen) setStatus(text string, importance widget.Importance) {
	s.status.Importance = importance
	s.status.SetText(text)
	banner := s.card.searching(s.entry.Text != "" && text != "" && importance != widget.DangerImportance) // one hint at a time
	if importance == widget.DangerImportance {
		s.card.setResult(text, importance)
	}
	shown := text != "" && importance != widget.DangerImportance
	if shown != s.status.Visible() || (len(s.matches) > 0) != s.matchesShown() || banner {
		showIf(s.status, shown)
		// The list leaves the window rather than hides: a list laid out
		// while hidden shows no rows once shown.
		if len(s.matches) > 0 {
			s.fitMatches() // desk_matches.go
			s.middle.Objects = []fyne.CanvasObject{s.withList}
		} else {
			s.middle.Objects = []fyne.CanvasObject{s.withList.Trailing}
		}
		relayout(s.root) // the top grew or shrank, or the matches came or went
	}
}

// matchesShown reports whether the list of matches is in the window.
func (s *deskScreen) matchesShown() bool { return s.middle.Objects[0] == s.withList }

func (s *deskScreen) updateMatch(id widget.ListItemID, o fyne.CanvasObject) {
	s.matchCells.shows(id, o) // desk_search.go
	if id < len(s.matches) {
		m := s.matches[id]
		setDeskMatch(o, m.FirstName, m.LastName, m.Organisation)
	}
}

// onMatchSelected shows the card of the person clicked or chosen with the
// arrow keys, without checking them in.
func (s *deskScreen) onMatchSelected(id widget.ListItemID) {
	if id >= len(s.matches) {
		return
	}
	s.selected = id
	s.cardAsync(s.matches[id].ID)
	s.focus()
}

// moveSelection moves the choice among the matches (the arrow keys).
func (s *deskScreen) moveSelection(by int) {
	if len(s.matches) == 0 {
		return
	}
	i := min(max(s.selected+by, 0), len(s.matches)-1)
	s.list.Select(i)
	s.list.ScrollTo(i)
}

// cardAsync shows a person's card, with what would need confirming.
func (s *deskScreen) cardAsync(id int64) {
	day, session, rehearsal := s.today(), s.session, s.rehearsal
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		c, err := s.readCard(ctx, id, day, session, rehearsal)
		return func() {
			if err != nil {
				s.deskError(err, false)
				return
			}
			s.showCard(&c, len(c.Warnings) > 0)
			s.card.setResult("", widget.MediumImportance)
		}
	})
}

// unwritable reports whether err says the file cannot be written (it is
// damaged, or read-only), as opposed to a failure of this one check-in.
func unwritable(err error) bool {
	k := data.KindOf(err)
	return err != nil && (k == data.KindReadOnly || k == data.KindDamaged)
}

// deskWaitNotice is how long a check-in waits before the desk says why.
const deskWaitNotice = 700 * time.Millisecond

// onAdmitted shows what Admit did and readies the field for the next person.
func (s *deskScreen) onAdmitted(r data.AdmitResult) {
	s.clearStatus() // the banner says the news
	in, already := r.Card.Warning(data.WarnAlreadyIn)
	s.showCard(&r.Card, !r.Admitted)
	name := r.Card.Participant.FullName()
	switch {
	case already: // re-scanned: nothing to confirm, nothing written
		s.card.setResult(alreadyInSentence(name, in), widget.WarningImportance)
	case !r.Admitted && s.session != 0:
		s.card.setResult(lang.L("Not let in yet: read the warnings, then let in anyway or not."), widget.DangerImportance)
	case !r.Admitted:
		s.card.setResult(lang.L("Not checked in yet: read the warnings, then let in anyway or not."), widget.DangerImportance)
	case !r.New:
		s.card.setResult(lang.L("{{.Name}} was already in.", map[string]any{"Name": name}), widget.WarningImportance)
	case s.session != 0:
		s.card.setResult(lang.L("✓ {{.Name}} let in at {{.Time}}.", map[string]any{"Name": name,
			"Time": r.Checkin.At.Local().Format("15:04")}), widget.SuccessImportance)
	default:
		s.card.setResult(lang.L("✓ {{.Name}} checked in at {{.Time}}.", map[string]any{"Name": name,
			"Time": r.Checkin.At.Local().Format("15:04")}), widget.SuccessImportance)
	}
	s.markRehearsal(&r.Card)
	relayout(s.root) // the banner's height may have changed
	if r.New && !s.countArrival(r) {
		s.countAfterScansAsync()
	}
}

// showCard puts a person on the card (nil: nobody) and sets which actions
// apply; pending says the card's warnings await a confirmation.
func (s *deskScreen) showCard(c *data.DeskCard, pending bool) {
	s.shown = c
	s.pending = c != nil && pending && len(c.ToConfirm()) > 0
	s.card.session = s.session
	s.card.show(c, s.session != 0)
	b := s.buttons
	person := c != nil
	setEnabled(b.checkIn, person && !s.pending && !s.admittedOnCard())
	showIf(b.checkIn, !s.pending) // "Let in anyway" in its place: a small screen keeps the counters
	showIf(b.confirm, s.pending)
	setEnabled(b.print, person)
	setEnabled(b.undo, person && c.LastEntry != nil)
	setEnabled(b.edit, person)
	s.payment.show(c)
	s.seat.show(c)
	if s.middle != nil && s.matchesShown() {
		s.fitMatches() // desk_matches.go
	}
	relayout(s.root) // the card's height and the buttons shown changed
}

// admittedOnCard reports whether the person on the card is already in, on
// the day or at the door.
func (s *deskScreen) admittedOnCard() bool {
	c := s.shown
	if c == nil {
		return false
	}
	if s.session == 0 {
		return c.Arrival != nil
	}
	return c.LastEntry != nil && c.LastEntry.Kind == data.SessionEntry && c.LastEntry.SessionID == s.session
}

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// onCheckInTapped checks in the person on the card.
func (s *deskScreen) onCheckInTapped() {
	if s.shown != nil {
		s.admitAsync(s.shown.Participant.ID, nil)
	}
	s.focus()
}

// onConfirmTapped lets in the person on the card despite the warnings shown.
func (s *deskScreen) onConfirmTapped() {
	if s.shown == nil || !s.pending || s.seat.refuses() { // a full session offline: desk_seat_request.go
		return
	}
	var kinds []data.DeskWarningKind
	for _, w := range s.shown.Warnings {
		kinds = append(kinds, w.Kind)
	}
	s.admitAsync(s.shown.Participant.ID, kinds)
	s.focus()
}

// onUndoTapped takes back the last check-in of the person on the card.
func (s *deskScreen) onUndoTapped() {
	if s.shown == nil || s.shown.LastEntry == nil {
		return
	}
	id, name, rehearsal := s.shown.Participant.ID, s.shown.Participant.FullName(), s.shown.Rehearsal
	desk := deskName(s.prefs)
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		u, err := s.undoLast(ctx, id, desk, rehearsal)
		return func() {
			if err != nil {
				s.deskError(err, true)
				return
			}
			if s.shown == nil || s.shown.Participant.ID == id { // else someone scanned since keeps the card
				s.cardAsync(id)
			}
			s.countAsync()
			s.setStatus(rehearsalSays(rehearsal, s.undoneSentence(name, u)), widget.WarningImportance)
		}
	})
	s.focus()
}

// onPrintBadgeTapped prints the badge of the person on the card, in the
// layout for one badge at a time.
func (s *deskScreen) onPrintBadgeTapped() {
	if s.badges == nil || s.shown == nil {
		return
	}
	id, name, rehearsal := s.shown.Participant.ID, s.shown.Participant.FullName(), s.shown.Rehearsal
	printOne := s.badges.printOneAsync
	if rehearsal {
		printOne = s.badges.rehearseOneAsync
	}
	printOne(id, func(res badgeResult) {
		// Someone scanned while the badge printed keeps the card; the
		// result is told all the same, with whose badge it was.
		s.showBadgePrinted(name, res, rehearsal, s.shown != nil && s.shown.Participant.ID == id)
		s.focus()
	})
}

// watchAsync reads the counters again every few seconds while the file is
// open, for the arrivals of the other desks.
func (s *deskScreen) watchAsync() {
	// On a server, the other desks' writes are told as they commit: the
	// counters follow within a second, not at the next tick.
	changed := make(chan struct{}, 1)
	if ev, ok := s.store.(serverEvents); ok {
		cancel := ev.Subscribe(func(e data.ServerEvent) {
			if e == data.ServerChanged {
				select {
				case changed <- struct{}{}:
				default:
				}
			}
		})
		go func() { <-s.env.ctx.Done(); cancel() }()
	}
	go func() {
		t := time.NewTicker(deskCountsEvery)
		defer t.Stop()
		for {
			select {
			case <-s.env.ctx.Done():
				return
			case <-changed:
				s.env.tasks.onUI(func() {
					if s.day != nil && s.day.SelectedIndex() >= 0 {
						s.countWhenFreeAsync()
					}
				})
				// At most one count a second, however busy the desks.
				select {
				case <-s.env.ctx.Done():
					return
				case <-time.After(time.Second):
				}
			case <-t.C:
				s.env.tasks.onUI(func() {
					s.followCalendar()
					if s.day != nil && s.day.SelectedIndex() >= 0 {
						s.countWhenFreeAsync()
					}
				})
			}
		}
	}()
}
