package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// deskDay is the first day of the demo congress, and deskMorning a time on it.
const deskDay data.Day = "2021-11-25"

var deskMorning = time.Date(2021, 11, 25, 8, 40, 0, 0, time.Local)

// deskFixture is the desk screen on a demo congress, on its first morning.
type deskFixture struct {
	a     fyne.App
	st    *data.Store
	e     *env
	s     *deskScreen
	fake  *fakePrinting
	prefs fyne.Preferences
}

func newDeskFixture(t *testing.T) *deskFixture {
	t.Helper()
	return newDeskFixtureOn(t, demoOnFile)
}

// newDeskFixtureOn is newDeskFixture on the demo congress that open gives.
func newDeskFixtureOn(t *testing.T, open deskOpen) *deskFixture {
	t.Helper()
	f, _ := newPrintingDeskOn(t, deskMorning, true, open)
	return f
}

// scan types text into the search field as a scanner does, then Enter.
func (f *deskFixture) scan(t *testing.T, text string) {
	t.Helper()
	f.s.scans.lastAt = time.Time{} // a scan of its own, not a scanner's repeat (desk_scan.go)
	test.Type(f.s.entry, text)
	waitIdle(t, f.e.tasks)
	f.s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, f.e.tasks)
}

// person returns someone the desk can check in without a warning, or with
// exactly the warning want.
func (f *deskFixture) person(t *testing.T, want data.DeskWarningKind, skip ...int64) data.Participant {
	t.Helper()
	ids, err := f.st.ParticipantIDs(context.Background(), data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
next:
	for _, id := range ids {
		for _, s := range skip {
			if s == id {
				continue next
			}
		}
		c, err := f.st.DeskCard(context.Background(), id, deskDay, 0)
		if err != nil {
			t.Fatal(err)
		}
		if c.Arrival != nil || c.LastEntry != nil {
			continue
		}
		if (want == "" && len(c.Warnings) == 0) || (len(c.Warnings) == 1 && c.Warnings[0].Kind == want) {
			return c.Participant
		}
	}
	t.Fatalf("the demo has nobody to check in with warning %q", want)
	return data.Participant{}
}

// arrivals is the person's log of arrivals on deskDay that no undo cancels.
func (f *deskFixture) arrivals(t *testing.T, id int64) int {
	t.Helper()
	return arrivalsIn(t, f.st, id)
}

// arrivalsIn counts the person's arrivals on deskDay that no undo cancels,
// as st has them.
func arrivalsIn(t *testing.T, st *data.Store, id int64) int {
	t.Helper()
	log, err := st.CheckinLog(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range log {
		if c.Kind == data.Arrival && c.Day == deskDay && !c.Undone {
			n++
		}
	}
	return n
}

func TestDeskCheckIn(t *testing.T) {
	f := newDeskFixture(t)
	s := f.s
	who := f.person(t, "")

	t.Run("ScanChecksIn", func(t *testing.T) {
		f.scan(t, " "+strings.ToLower(who.Code)+" ")
		if n := f.arrivals(t, who.ID); n != 1 {
			t.Fatalf("%d arrivals after a scan", n)
		}
		if s.shown == nil || s.shown.Participant.ID != who.ID || !strings.Contains(s.card.result.Text, "checked in at") {
			t.Fatalf("card %+v, result %q", s.shown, s.card.result.Text)
		}
		if s.entry.Text != "" || f.e.win.Canvas().Focused() != s.entry {
			t.Fatalf("the field holds %q and has the focus: %v", s.entry.Text, f.e.win.Canvas().Focused() == s.entry)
		}
		if !strings.Contains(s.counts.total.Text, "Checked in:") {
			t.Errorf("counters %q", s.counts.total.Text)
		}
	})

	t.Run("SecondScanSaysAlreadyIn", func(t *testing.T) {
		f.rescan(t, who.Code)
		if n := f.arrivals(t, who.ID); n != 1 {
			t.Fatalf("%d arrivals after a second scan", n)
		}
		if s.shown == nil || len(s.shown.Warnings) != 1 || s.shown.Warnings[0].Kind != data.WarnAlreadyIn {
			t.Fatalf("warnings %+v", s.shown)
		}
		// Nothing to confirm: the banner says since when and where, in amber.
		if s.buttons.confirm.Visible() || s.card.result.Importance != widget.WarningImportance {
			t.Fatalf("confirm shown: %v; banner %q (%v)", s.buttons.confirm.Visible(), s.card.result.Text, s.card.result.Importance)
		}
		if got := s.card.result.Text; !strings.Contains(got, "Already in since 08:40") || !strings.Contains(got, "Desk 2") {
			t.Errorf("banner %q does not say when and where", got)
		}
	})

	t.Run("Undo", func(t *testing.T) {
		s.entry.TypedShortcut(&fyne.ShortcutUndo{})
		waitIdle(t, f.e.tasks)
		if n := f.arrivals(t, who.ID); n != 0 {
			t.Fatalf("%d arrivals after undo", n)
		}
		log, _ := f.st.CheckinLog(context.Background(), who.ID)
		last, arrival := log[len(log)-1], log[len(log)-2]
		if last.Kind != data.Undo || last.Desk != "Desk 2" || last.Cancels != arrival.ID || arrival.Desk != "Desk 2" {
			t.Fatalf("log after undo: %+v", log)
		}
		if s.shown == nil || s.shown.Arrival != nil || !s.buttons.checkIn.Visible() || s.buttons.checkIn.Disabled() {
			t.Fatalf("card after undo: %+v", s.shown)
		}
		// Enter on the empty field checks in the person on the card again.
		s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		waitIdle(t, f.e.tasks)
		if n := f.arrivals(t, who.ID); n != 1 {
			t.Fatalf("%d arrivals after checking in again", n)
		}
	})

	t.Run("UnknownCode", func(t *testing.T) {
		before := f.arrivals(t, who.ID)
		f.scan(t, "ZZZ9Q9")
		if s.status.Importance != widget.DangerImportance || !strings.Contains(s.status.Text, "ZZZ9Q9") {
			t.Fatalf("status %q", s.status.Text)
		}
		if s.shown != nil || f.arrivals(t, who.ID) != before {
			t.Fatal("an unknown code changed something")
		}
	})

	t.Run("UnpaidNeedsConfirming", func(t *testing.T) {
		cats, _ := f.st.Categories(context.Background())
		p := data.Participant{FirstName: "Yao", LastName: "Mensah", CategoryID: cats[0].ID, Status: data.StatusConfirmed,
			Days: []data.Day{deskDay}, FeeCents: 18000}
		if err := f.st.CreateParticipant(context.Background(), &p); err != nil {
			t.Fatal(err)
		}
		f.scan(t, p.Code)
		if f.arrivals(t, p.ID) != 0 || !s.buttons.confirm.Visible() {
			t.Fatal("an unpaid fee was let in without a confirmation")
		}
		if !strings.Contains(s.card.values[cardFee].Text, "€") {
			t.Errorf("fee due %q", s.card.values[cardFee].Text)
		}
		s.entry.TypedShortcut(shortcutDeskConfirm)
		waitIdle(t, f.e.tasks)
		if f.arrivals(t, p.ID) != 1 {
			t.Fatal("Ctrl+Enter did not let them in")
		}
	})

	t.Run("NameThenArrows", func(t *testing.T) {
		p := f.person(t, "", who.ID)
		test.Type(s.entry, p.LastName)
		waitIdle(t, f.e.tasks)
		i := -1
		for k, m := range s.matches {
			if m.ID == p.ID {
				i = k
			}
		}
		if i < 0 {
			t.Fatalf("typing %q did not find %s", p.LastName, p.FullName())
		}
		for range i + 1 {
			s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
			waitIdle(t, f.e.tasks)
		}
		if s.shown == nil || s.shown.Participant.ID != p.ID || f.arrivals(t, p.ID) != 0 {
			t.Fatal("choosing with the arrows should show the card, not check in")
		}
		s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		waitIdle(t, f.e.tasks)
		if f.arrivals(t, p.ID) != 1 {
			t.Fatal("Enter did not check in the person chosen")
		}
	})
}

func TestDeskWalkIn(t *testing.T) {
	f := newDeskFixture(t)
	s := f.s
	s.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	waitIdle(t, f.e.tasks)
	var form *walkInForm
	waitFor(t, "the walk-in form", f.e.tasks, func() bool { return f.e.win.Canvas().Overlays().Top() != nil })
	// The form is the dialog on top; reach its fields through the screen's
	// last walk-in.
	form = s.walkIn
	if form == nil {
		t.Fatal("no walk-in form")
	}
	// Without a last name, the form says so and nothing is written.
	test.Type(form.firstName, "Nour")
	form.onSubmit()
	waitIdle(t, f.e.tasks)
	if msg := form.errs["last_name"]; !msg.Visible() || msg.Text == "" {
		t.Fatal("a walk-in without a last name was accepted, or the form said it elsewhere than under it")
	}
	test.Type(form.lastName, "Al-Khatib")
	test.Type(form.organisation, "Atelier Vélo Solidaire")
	test.Type(form.email, "nour@velo.fr")
	form.lastName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitFor(t, "the badge to be printed", f.e.tasks, func() bool { return len(f.fake.lpCalls()) == 1 })
	waitIdle(t, f.e.tasks)

	rows, err := f.st.ListParticipants(context.Background(), data.ParticipantQuery{Search: "Al-Khatib"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("the walk-in was not registered: %d, %v", len(rows), err)
	}
	p := rows[0]
	if p.Organisation != "Atelier Vélo Solidaire" || p.Status != data.StatusConfirmed || len(p.Days) != 1 || p.Days[0] != deskDay {
		t.Errorf("walk-in %+v", p)
	}
	if f.arrivals(t, p.ID) != 1 {
		t.Fatal("the walk-in was not checked in")
	}
	prints, _ := f.st.BadgePrints(context.Background(), p.ID)
	if len(prints) != 1 {
		t.Fatalf("badge prints %+v", prints)
	}
	text := pdfText(t, f.fake.pdfs[0])
	if !strings.Contains(text, "Nour") || !strings.Contains(text, "Al-Khatib") {
		t.Errorf("the badge sent to the printer reads %q", text)
	}
	if f.e.win.Canvas().Overlays().Top() != nil {
		t.Error("the walk-in form is still open")
	}
}

func TestDeskDoor(t *testing.T) {
	f := newDeskFixture(t)
	s := f.s
	ctx := context.Background()
	sessions, err := f.st.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A workshop of the first day, and someone not enrolled in it.
	var door data.Session
	for _, se := range sessions {
		if se.Day == deskDay && se.Kind == data.KindWorkshop {
			door = se
			break
		}
	}
	enrolled, err := f.st.SessionEnrolments(ctx, door.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := map[int64]bool{}
	for _, e := range enrolled {
		in[e.ParticipantID] = true
	}
	var outsider data.Participant
	ids, _ := f.st.ParticipantIDs(ctx, data.ParticipantQuery{})
	for _, id := range ids {
		c, err := f.st.DeskCard(ctx, id, deskDay, door.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !in[id] && len(c.Warnings) > 0 && c.Warnings[0].Kind == data.WarnNotEnrolled && c.Participant.Status != data.StatusCancelled {
			outsider = c.Participant
			break
		}
	}
	if outsider.ID == 0 {
		t.Fatal("everybody is enrolled")
	}
	for i, o := range s.door.Options {
		if strings.Contains(o, door.Title) {
			s.door.SetSelectedIndex(i)
		}
	}
	if s.session != door.ID {
		t.Fatalf("door %d, want %d (options %q)", s.session, door.ID, s.door.Options)
	}
	arrived := f.arrivals(t, outsider.ID)
	f.scan(t, outsider.Code)
	entries := func() int {
		log, _ := f.st.CheckinLog(ctx, outsider.ID)
		n := 0
		for _, c := range log {
			if c.Kind == data.SessionEntry && c.SessionID == door.ID && !c.Undone {
				n++
			}
		}
		return n
	}
	if entries() != 0 || s.shown == nil || s.shown.Warnings[0].Kind != data.WarnNotEnrolled {
		t.Fatalf("someone not enrolled went in without a word: %+v", s.shown)
	}
	test.Tap(s.buttons.confirm)
	waitIdle(t, f.e.tasks)
	if entries() != 1 || f.arrivals(t, outsider.ID) != arrived {
		t.Fatalf("accepted at the door: %d entries, %d arrivals", entries(), f.arrivals(t, outsider.ID))
	}
}

// Typing speeds: a person's keys, and a scanner's.
const (
	personKeys  = 180 * time.Millisecond
	scannerKeys = 4 * time.Millisecond
)

// typePIN types text into the PIN field, which must have the focus, a key
// every step (on the lock's clock), then Enter, as the window passes keys:
// Shift before a capital letter, and each key before its character.
func typePIN(t *testing.T, c fyne.Canvas, l *deskLock, text string, step time.Duration) {
	t.Helper()
	pin, ok := c.Focused().(*pinEntry)
	if !ok || !pin.Password {
		t.Fatalf("the PIN field does not have the focus: %T", c.Focused())
	}
	at := time.Now()
	l.now = func() time.Time {
		at = at.Add(step)
		return at
	}
	for _, r := range text {
		if r >= 'A' && r <= 'Z' {
			pin.TypedKey(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
		pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyName(strings.ToUpper(string(r)))})
		pin.TypedRune(r)
	}
	pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// pinMessage is what the PIN dialog says under the field ("" if nothing).
func pinMessage(c fyne.Canvas) string {
	top := c.Overlays().Top()
	if top == nil {
		return ""
	}
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance && l.Visible() {
			return l.Text
		}
	}
	return ""
}

func TestDeskLock(t *testing.T) {
	f := newDeskFixture(t)
	ctx := context.Background()
	lock := newDeskLock(f.e, f.st)
	f.s.lock = lock
	lock.changed = append(lock.changed, f.s.showLocked)
	lock.onScan = f.s.onScanned
	waitIdle(t, f.e.tasks)
	c := f.e.win.Canvas()

	t.Run("NoPINNoLock", func(t *testing.T) {
		lock.lockAsync()
		waitIdle(t, f.e.tasks)
		if lock.locked() {
			t.Fatal("locked without a PIN to unlock it")
		}
		if d := c.Overlays().Top(); d != nil {
			c.Overlays().Remove(d)
		}
	})
	if err := f.st.SetDeskPIN(ctx, "2468"); err != nil {
		t.Fatal(err)
	}
	t.Run("WrongThenRightPIN", func(t *testing.T) {
		lock.lockAsync()
		waitIdle(t, f.e.tasks)
		if inFile, _ := f.st.DeskLocked(ctx); !lock.locked() || !inFile || !strings.Contains(f.s.buttons.lock.Text, "Unlock") {
			t.Fatal("the desk did not lock, in the file")
		}
		left := false
		lock.unlockThen(func() { left = true })
		waitIdle(t, f.e.tasks)
		typePIN(t, c, lock, "1111", personKeys)
		waitIdle(t, f.e.tasks)
		if left || !lock.locked() || pinMessage(c) != "Wrong PIN." {
			t.Fatalf("a wrong PIN: left %v, message %q", left, pinMessage(c))
		}
		pin := c.Focused().(*pinEntry) // pasted: no scan
		f.a.Clipboard().SetContent("2468")
		pin.TypedShortcut(&fyne.ShortcutPaste{Clipboard: f.a.Clipboard()})
		pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		waitIdle(t, f.e.tasks)
		if inFile, _ := f.st.DeskLocked(ctx); !left || lock.locked() || inFile || c.Overlays().Top() != nil {
			t.Fatalf("the right PIN: left %v, locked %v (in the file %v)", left, lock.locked(), inFile)
		}
	})
	t.Run("EscCloses", func(t *testing.T) {
		lock.lockAsync()
		waitIdle(t, f.e.tasks)
		left := false
		lock.unlockThen(func() { left = true })
		waitIdle(t, f.e.tasks)
		pin, ok := c.Focused().(*pinEntry)
		if !ok {
			t.Fatalf("focus on %T", c.Focused())
		}
		test.Type(pin, "24")
		pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		waitIdle(t, f.e.tasks)
		if c.Overlays().Top() != nil || left || !lock.locked() {
			t.Fatalf("Esc: dialog open %v, left %v, locked %v", c.Overlays().Top() != nil, left, lock.locked())
		}
	})
	// A badge scanned while the PIN dialog is open is not a wrong PIN: the
	// dialog closes and the desk checks the person in, still locked.
	t.Run("ScanGoesToTheDesk", func(t *testing.T) {
		who := f.person(t, "")
		lock.unlockThen(func() { t.Fatal("a scan unlocked the desk") })
		waitIdle(t, f.e.tasks)
		typePIN(t, c, lock, who.Code, scannerKeys)
		waitIdle(t, f.e.tasks)
		if msg := pinMessage(c); msg != "" || c.Overlays().Top() != nil {
			t.Fatalf("the scan was taken for a PIN: %q", msg)
		}
		if n := f.arrivals(t, who.ID); n != 1 || !lock.locked() {
			t.Fatalf("%d arrivals after the scan, locked %v", n, lock.locked())
		}
	})
	// A scanner, like a keyboard, presses Shift before each capital letter
	// of a code, and the window passes each key before its character: they
	// do not break the burst.
	t.Run("ScanWithCapitalsGoesToTheDesk", func(t *testing.T) {
		who := f.person(t, "")
		if strings.ToLower(who.Code) == who.Code {
			t.Fatalf("the code %q has no capital letter", who.Code)
		}
		lock.unlockThen(func() { t.Fatal("a scan unlocked the desk") })
		waitIdle(t, f.e.tasks)
		typePIN(t, c, lock, who.Code, scannerKeys)
		waitIdle(t, f.e.tasks)
		if msg := pinMessage(c); msg != "" || c.Overlays().Top() != nil {
			t.Fatalf("the scan %q was taken for a PIN: %q", who.Code, msg)
		}
		if n := f.arrivals(t, who.ID); n != 1 || !lock.locked() {
			t.Fatalf("%d arrivals after the scan, locked %v", n, lock.locked())
		}
	})
	// The window hands keys over once a frame: a scanner's keys can arrive
	// a frame or two apart, and are still a scan.
	t.Run("ScanInFramesGoesToTheDesk", func(t *testing.T) {
		who := f.person(t, "")
		lock.unlockThen(func() { t.Fatal("a scan unlocked the desk") })
		waitIdle(t, f.e.tasks)
		typePIN(t, c, lock, who.Code, 33*time.Millisecond)
		waitIdle(t, f.e.tasks)
		if msg := pinMessage(c); msg != "" || c.Overlays().Top() != nil {
			t.Fatalf("the scan %q was taken for a PIN: %q", who.Code, msg)
		}
		if n := f.arrivals(t, who.ID); n != 1 || !lock.locked() {
			t.Fatalf("%d arrivals after the scan, locked %v", n, lock.locked())
		}
	})
	// The window may hold a scanner's keys back for longer than a burst's
	// gap (a busy machine): a code with letters still goes to the desk
	// whole, since letters are never a PIN.
	t.Run("SlowScanWithLettersGoesToTheDesk", func(t *testing.T) {
		who := f.person(t, "")
		lock.unlockThen(func() { t.Fatal("a scan unlocked the desk") })
		waitIdle(t, f.e.tasks)
		if !strings.ContainsFunc(who.Code, unicode.IsLetter) {
			t.Fatalf("the code %q has no letter", who.Code)
		}
		typePIN(t, c, lock, who.Code, 2*scanGap)
		waitIdle(t, f.e.tasks)
		if msg := pinMessage(c); msg != "" || c.Overlays().Top() != nil {
			t.Fatalf("the scan %q was taken for a PIN: %q", who.Code, msg)
		}
		if n := f.arrivals(t, who.ID); n != 1 || !lock.locked() {
			t.Fatalf("%d arrivals after the scan, locked %v", n, lock.locked())
		}
	})
	t.Run("DigitsAtScannerSpeed", func(t *testing.T) {
		lock.unlockThen(func() { t.Fatal("a scan unlocked the desk") })
		waitIdle(t, f.e.tasks)
		lock.onScan = nil // no desk to take it: it is ignored, visibly
		defer func() { lock.onScan = f.s.onScanned }()
		typePIN(t, c, lock, "24682468", scannerKeys)
		waitIdle(t, f.e.tasks)
		if msg := pinMessage(c); !strings.Contains(msg, "scan") {
			t.Fatalf("a scan of digits: %q", msg)
		}
		for _, typed := range []string{"abc", "246", "2468246824682"} { // not a PIN's shape
			typePIN(t, c, lock, typed, personKeys)
			waitIdle(t, f.e.tasks)
			if msg := pinMessage(c); !strings.Contains(msg, "not counted") {
				t.Fatalf("%q typed: %q", typed, msg)
			}
		}
		c.Overlays().Remove(c.Overlays().Top())
	})
}

// TestDeskLockKeepsPages: on a locked desk, the sidebar does not leave the
// welcome desk without the PIN.
func TestDeskLockKeepsPages(t *testing.T) {
	test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 30))
	ctx := context.Background()
	if err := st.SetDeskPIN(ctx, "2468"); err != nil {
		t.Fatal(err)
	}
	if err := st.LockDesk(ctx); err != nil {
		t.Fatal(err)
	}
	e := newTestEnv(t)
	m := newMainView(e, st, fyne.CurrentApp().Preferences(), func(string) {})
	e.win.SetContent(m.build())
	waitIdle(t, e.tasks)
	if m.current != deskPage {
		t.Fatalf("a locked desk opened on page %d", m.current)
	}
	for _, p := range []int{participantsPage, exportsPage, settingsPage} {
		m.nav.Select(p)
		waitIdle(t, e.tasks)
		if m.current != deskPage {
			t.Fatalf("page %d opened on a locked desk", p)
		}
		d := e.win.Canvas().Overlays().Top()
		if d == nil {
			t.Fatalf("page %d: no PIN asked", p)
		}
		e.win.Canvas().Overlays().Remove(d)
	}
	m.nav.Select(settingsPage)
	waitIdle(t, e.tasks)
	typePIN(t, e.win.Canvas(), m.lock, "2468", personKeys)
	waitIdle(t, e.tasks)
	if m.current != settingsPage {
		t.Fatal("the PIN did not open the settings")
	}
}

// TestDeskLockKeepsMenus: on a locked desk, the menu's and shortcuts' ways
// out (here Import, and Ctrl+F to the participant search) ask for the PIN
// first and stay on the desk.
func TestDeskLockKeepsMenus(t *testing.T) {
	path := demoFile(t, 30)
	st := mustOpen(t, path)
	if err := st.SetDeskPIN(context.Background(), "2468"); err != nil {
		t.Fatal(err)
	}
	if err := st.LockDesk(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	u := newTestUI(t)
	u.openAsync(path)
	waitIdle(t, &u.tasks)
	if u.view == nil || u.view.current != deskPage {
		t.Fatal("a locked desk did not open on the welcome desk")
	}
	menu := map[string]func(){}
	for _, m := range u.win.MainMenu().Items {
		for _, item := range m.Items {
			menu[item.Label] = item.Action
		}
	}
	for name, act := range map[string]func(){
		"Import":      menu["Import…"],
		"Save a Copy": menu["Save a Copy…"],
		"Close":       menu["Close"],
		"Find":        func() { u.onParticipants(func(p participantActions) { p.focusSearch() }) },
	} {
		act()
		waitIdle(t, &u.tasks)
		pin, ok := u.win.Canvas().Focused().(*pinEntry)
		if !ok || !pin.Password || u.view == nil || u.view.current != deskPage {
			t.Fatalf("%s on a locked desk: the PIN was not asked (focus on %T)", name, u.win.Canvas().Focused())
		}
		u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	}
}

// quitSpy counts the times Congrès was asked to quit.
type quitSpy struct {
	fyne.App
	quits int
}

func (q *quitSpy) Quit() { q.quits++ }

// closeIntercept returns what the window runs when its close button is
// clicked (the test window keeps it unexported, and nothing else clicks it).
func closeIntercept(t *testing.T, w fyne.Window) func() {
	t.Helper()
	v := reflect.ValueOf(w).Elem().FieldByName("onCloseIntercepted")
	if !v.IsValid() || v.IsNil() {
		t.Fatal("the window's close button is not intercepted")
	}
	return *(*func())(unsafe.Pointer(v.UnsafeAddr()))
}

// lockedFile is a demo congress whose desk is locked with PIN 2468.
func lockedFile(t *testing.T) string {
	t.Helper()
	path := demoFile(t, 20)
	st := mustOpen(t, path)
	ctx := context.Background()
	if err := st.SetDeskPIN(ctx, "2468"); err != nil {
		t.Fatal(err)
	}
	if err := st.LockDesk(ctx); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path
}

// TestDeskLockQuit: on a locked desk, File → Quit, Ctrl+Q and the window's
// close button ask for the PIN; Esc closes the dialog without quitting; the
// right PIN quits, the file staying locked.
func TestDeskLockQuit(t *testing.T) {
	spy := &quitSpy{App: test.NewTempApp(t)}
	u := newUI(spy)
	u.tasks.queue = make(chan func(), 64)
	t.Cleanup(func() {
		waitIdle(t, &u.tasks)
		u.shutdown()
		u.win.Close()
	})
	path := lockedFile(t)
	u.openAsync(path)
	waitIdle(t, &u.tasks)
	if u.view == nil || u.view.current != deskPage || !u.view.lock.locked() {
		t.Fatal("the locked file did not open locked")
	}
	c := u.win.Canvas()
	var quitItem *fyne.MenuItem
	for _, item := range u.win.MainMenu().Items[0].Items {
		if item.IsQuit {
			quitItem = item
		}
	}
	for name, quit := range map[string]func(){
		"File → Quit":  quitItem.Action,
		"Ctrl+Q":       func() { c.(fyne.Shortcutable).TypedShortcut(shortcutQuit) },
		"close button": closeIntercept(t, u.win),
	} {
		quit()
		waitIdle(t, &u.tasks)
		pin, ok := c.Focused().(*pinEntry)
		if !ok || spy.quits != 0 {
			t.Fatalf("%s on a locked desk: quit %d times, focus on %T", name, spy.quits, c.Focused())
		}
		// The PIN lets the organiser leave; it does not unlock the file.
		if markup := test.RenderObjectToMarkup(c.Overlays().Top()); !strings.Contains(markup, "lets you leave it") ||
			strings.Contains(markup, "unlocks it") || strings.Contains(markup, ">Unlock<") {
			t.Fatalf("%s: the PIN dialog does not say it only lets you leave:\n%.1500s", name, markup)
		}
		pin.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if c.Overlays().Top() != nil || spy.quits != 0 {
			t.Fatalf("%s: Esc left the dialog open or quit", name)
		}
	}
	closeIntercept(t, u.win)()
	waitIdle(t, &u.tasks)
	typePIN(t, c, u.view.lock, "1357", personKeys)
	waitIdle(t, &u.tasks)
	if spy.quits != 0 {
		t.Fatal("a wrong PIN quit")
	}
	typePIN(t, c, u.view.lock, "2468", personKeys)
	waitIdle(t, &u.tasks)
	if spy.quits != 1 {
		t.Fatalf("the right PIN quit %d times", spy.quits)
	}
	if locked, err := u.session().store.DeskLocked(context.Background()); !locked || err != nil {
		t.Fatal("quitting with the PIN unlocked the file", err)
	}
	// Unlocked, quitting asks nothing.
	u.onClose()
	waitIdle(t, &u.tasks)
	closeIntercept(t, u.win)()
	if spy.quits != 2 || c.Overlays().Top() != nil {
		t.Fatalf("with no file open: quit %d times", spy.quits)
	}
}

// TestDeskLockStaysWithTheFile: the lock is kept in the file it protects:
// locking one file does not lock another opened later on this laptop, and
// the locked file, reopened, is still locked.
func TestDeskLockStaysWithTheFile(t *testing.T) {
	locked := lockedFile(t)
	other := demoFile(t, 20)
	u := newTestUI(t)
	u.openAsync(other)
	waitIdle(t, &u.tasks)
	if u.view.lock.locked() || u.view.current != dashboardPage {
		t.Fatal("a file without a PIN opened locked")
	}
	u.openAsync(locked)
	waitIdle(t, &u.tasks)
	if !u.view.lock.locked() || u.view.current != deskPage {
		t.Fatal("the locked file opened unlocked")
	}
	// Opening the other file again, by the menu, asks for the PIN, and
	// leaves the locked file locked.
	var recent *fyne.MenuItem
	for _, item := range u.win.MainMenu().Items[0].Items {
		if item.ChildMenu != nil {
			for _, r := range item.ChildMenu.Items {
				if samePath(r.Label, other) {
					recent = r
				}
			}
		}
	}
	recent.Action()
	waitIdle(t, &u.tasks)
	if _, ok := u.win.Canvas().Focused().(*pinEntry); !ok || !samePath(u.session().store.Path(), locked) {
		t.Fatal("leaving the locked file did not ask for the PIN")
	}
	typePIN(t, u.win.Canvas(), u.view.lock, "2468", personKeys)
	waitIdle(t, &u.tasks)
	if !samePath(u.session().store.Path(), other) || u.view.lock.locked() {
		t.Fatal("the PIN did not open the other file, unlocked")
	}
	u.openAsync(locked)
	waitIdle(t, &u.tasks)
	if !u.view.lock.locked() || u.view.current != deskPage {
		t.Fatal("opening another file unlocked the locked one")
	}

	// A new start of Congrès on this laptop, on the other file first: it
	// does not carry the lock over; then the locked file is still locked.
	u2 := newTestUI(t)
	u.shutdown()
	u2.openAsync(other)
	waitIdle(t, &u2.tasks)
	if u2.view.lock.locked() || u2.view.current != dashboardPage {
		t.Fatal("the lock was carried over to another file")
	}
	u2.view.show(settingsPage)
	waitIdle(t, &u2.tasks)
	if u2.view.current != settingsPage {
		t.Fatal("the other file keeps its settings closed")
	}
	u2.openAsync(locked)
	waitIdle(t, &u2.tasks)
	if !u2.view.lock.locked() || u2.view.current != deskPage {
		t.Fatal("reopened, the locked file is unlocked")
	}
}
