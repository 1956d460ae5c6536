package ui

import (
	"context"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// watchedDeskStore is the desk's store, slowed and watched: each check-in
// takes admitDelay more, and the name searches are counted.
type watchedDeskStore struct {
	*data.Store
	admitDelay time.Duration
	// admitting, when set, hears of each check-in as it starts, which then
	// waits for release (tests that need one check-in in flight).
	admitting  chan struct{}
	release    chan struct{}
	admits     atomic.Int32
	failAdmits atomic.Int32 // the next check-ins that fail (the file busy)
	searches   atomic.Int32 // ListParticipants calls
	searching  atomic.Int32 // running now
	mostAtOnce atomic.Int32 // the most that ran at once
}

func (w *watchedDeskStore) Admit(ctx context.Context, req data.AdmitRequest) (data.AdmitResult, error) {
	w.admits.Add(1)
	if w.admitting != nil {
		w.admitting <- struct{}{}
		<-w.release
	}
	time.Sleep(w.admitDelay)
	if w.failAdmits.Add(-1) >= 0 {
		return data.AdmitResult{}, data.ErrFileBusy
	}
	w.failAdmits.Store(0)
	return w.Store.Admit(ctx, req)
}

func (w *watchedDeskStore) ListParticipants(ctx context.Context, q data.ParticipantQuery) ([]data.ParticipantRow, error) {
	w.searches.Add(1)
	n := w.searching.Add(1)
	defer w.searching.Add(-1)
	for {
		most := w.mostAtOnce.Load()
		if n <= most || w.mostAtOnce.CompareAndSwap(most, n) {
			break
		}
	}
	time.Sleep(2 * time.Millisecond) // long enough for keys to come meanwhile
	return w.Store.ListParticipants(ctx, q)
}

// newScanFixture is the desk on a demo congress of the given size, on its
// first morning, through a watched store; the desk's clock is *clock.
func newScanFixture(t *testing.T, people int) (*deskFixture, *watchedDeskStore, *time.Time) {
	t.Helper()
	return newScanFixtureOn(t, people, demoOnFile)
}

// newScanFixtureOn is newScanFixture on the demo congress that open gives.
func newScanFixtureOn(t *testing.T, people int, open deskOpen) (*deskFixture, *watchedDeskStore, *time.Time) {
	t.Helper()
	f := &deskFixture{}
	f.a = test.NewTempApp(t)
	f.prefs = f.a.Preferences()
	f.prefs.SetString(prefDeskName, "Desk 2")
	f.st = open(t, people)
	f.st.SetClock(func() time.Time { return deskMorning })
	f.e = newTestEnv(t)
	w := &watchedDeskStore{Store: f.st}
	f.s = newDeskScreen(f.e, w, f.prefs, nil)
	clock := deskMorning
	f.s.now = func() time.Time { return clock }
	f.e.win.SetContent(f.s.build())
	f.e.win.Resize(fyne.NewSize(1100, 700))
	f.s.loadAsync()
	waitIdle(t, f.e.tasks)
	return f, w, &clock
}

// settle runs the updates of background work as they come until every
// result is on screen, for up to limit.
func settle(t *testing.T, tk *tasks, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !tk.idle() {
		select {
		case update := <-tk.queue:
			update()
		case <-time.After(2 * time.Millisecond):
			if time.Now().After(deadline) {
				t.Fatalf("background work still running after %v", limit)
			}
		}
	}
}

// people returns n people the desk can check in without a warning.
func (f *deskFixture) people(t *testing.T, n int) []data.Participant {
	t.Helper()
	ctx := context.Background()
	ids, err := f.st.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var list []data.Participant
	for _, id := range ids {
		c, err := f.st.DeskCard(ctx, id, deskDay, 0)
		if err != nil {
			t.Fatal(err)
		}
		if c.Arrival == nil && c.LastEntry == nil && len(c.Warnings) == 0 {
			if list = append(list, c.Participant); len(list) == n {
				return list
			}
		}
	}
	t.Fatalf("the demo has %d people to check in without a warning, not %d", len(list), n)
	return nil
}

// typeInWindow types text as the window passes a scanner's keys: each
// character to what has the keyboard, or to the window when nothing has it;
// \n is Enter, \t is Tab (which moves the keyboard on, unless what has it
// takes Tab).
func typeInWindow(c fyne.Canvas, text string) {
	for _, r := range text {
		focused := c.Focused()
		switch r {
		case '\n', '\t':
			ev := &fyne.KeyEvent{Name: fyne.KeyReturn}
			if r == '\t' {
				ev.Name = fyne.KeyTab
				if tab, ok := focused.(fyne.Tabbable); !ok || !tab.AcceptsTab() {
					c.FocusNext()
					continue
				}
			}
			if focused != nil {
				focused.TypedKey(ev)
			} else if keys := c.OnTypedKey(); keys != nil {
				keys(ev)
			}
		default:
			if focused != nil {
				focused.TypedRune(r)
			} else if runes := c.OnTypedRune(); runes != nil {
				runes(r)
			}
		}
	}
}

// TestDeskScanBackToBack: codes scanned one after the other with no pause,
// ending with Enter or Tab, while the check-ins before them are still being
// written, are each checked in exactly once.
func TestDeskScanBackToBack(t *testing.T) {
	f, w, _ := newScanFixture(t, 400)
	s := f.s
	w.admitDelay = 3 * time.Millisecond
	who := f.people(t, 50)
	kept := false // the field kept a code after its Enter
	for i, p := range who {
		test.Type(s.entry, p.Code)
		end := fyne.KeyReturn
		if i%5 == 4 {
			end = fyne.KeyTab // some scanners end a code with Tab
		}
		s.entry.TypedKey(&fyne.KeyEvent{Name: end})
		if s.entry.Text != "" && !kept {
			t.Errorf("after scan %d the field still holds %q", i, s.entry.Text)
			kept = true
		}
	}
	// Under the race detector, 50 cards shown one after the other take
	// longer than waitIdle waits.
	settle(t, f.e.tasks, time.Minute)
	for i, p := range who {
		if n := f.arrivals(t, p.ID); n != 1 {
			t.Errorf("scan %d (%s): %d arrivals", i, p.Code, n)
		}
	}
	if n := w.admits.Load(); n != int32(len(who)) {
		t.Errorf("%d check-ins written for %d scans", n, len(who))
	}
	last := who[len(who)-1]
	if s.shown == nil || s.shown.Participant.ID != last.ID || s.entry.Text != "" {
		t.Fatalf("the card shows %+v, the field %q; want the last scanned, %s", s.shown, s.entry.Text, last.FullName())
	}
}

// TestDeskScanRepeat: the same code scanned again within 2 seconds is the
// same scan; later, it is a scan of its own (which warns: already in).
func TestDeskScanRepeat(t *testing.T) {
	f, w, clock := newScanFixture(t, 60)
	s := f.s
	who := f.person(t, "")
	scan := func(text string) { // as a scanner does, without waiting between key and Enter
		typeInWindow(f.e.win.Canvas(), text+"\n")
		waitIdle(t, f.e.tasks)
	}
	scan(who.Code)
	*clock = clock.Add(1500 * time.Millisecond)
	scan(strings.ToLower(who.Code))
	if n := w.admits.Load(); n != 1 || f.arrivals(t, who.ID) != 1 {
		t.Fatalf("a code scanned twice in 1.5 s: %d check-ins asked", n)
	}
	if s.shown == nil || s.pending || !strings.Contains(s.card.result.Text, "checked in at") {
		t.Fatalf("the card after a repeated scan: %+v, %q", s.shown, s.card.result.Text)
	}
	*clock = clock.Add(2500 * time.Millisecond)
	scan(who.Code)
	if n := w.admits.Load(); n != 2 || f.arrivals(t, who.ID) != 1 {
		t.Fatalf("a code scanned again after 2.5 s: %d check-ins asked, %d arrivals", n, f.arrivals(t, who.ID))
	}
	if _, ok := s.shown.Warning(data.WarnAlreadyIn); !ok {
		t.Fatal("a second scan after 2.5 s does not say the person is already in")
	}
}

// TestDeskScanNameComesBack: a name submitted that matches several people
// leaves the field at once; when the matches come and the field is still
// empty, the name comes back, to choose with ↑ ↓ and Enter.
func TestDeskScanNameComesBack(t *testing.T) {
	f, w, clock := newScanFixture(t, 60)
	s := f.s
	// A family name most people share ("a" matches dozens).
	test.Type(s.entry, "a")
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.entry.Text != "" {
		t.Fatalf("Enter left %q in the field", s.entry.Text)
	}
	waitIdle(t, f.e.tasks)
	if s.entry.Text != "a" || len(s.matches) < 2 || w.admits.Load() != 0 {
		t.Fatalf("the field holds %q with %d matches, %d check-ins", s.entry.Text, len(s.matches), w.admits.Load())
	}
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	waitIdle(t, f.e.tasks)
	chosen := s.matches[0]
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitIdle(t, f.e.tasks)
	if w.admits.Load() != 1 || s.shown == nil || s.shown.Participant.ID != chosen.ID || s.entry.Text != "" {
		t.Fatalf("Enter on the match chosen: %d check-ins, card %+v, field %q", w.admits.Load(), s.shown, s.entry.Text)
	}

	// Typed on meanwhile: the field keeps what is typed.
	*clock = clock.Add(time.Minute)
	test.Type(s.entry, "a")
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(s.entry, "zz")
	waitIdle(t, f.e.tasks)
	if s.entry.Text != "zz" || w.admits.Load() != 1 {
		t.Fatalf("typed on after a name: field %q, %d check-ins", s.entry.Text, w.admits.Load())
	}
}

// TestDeskScanClearsCard: the first key of a new search takes down the
// card shown and its buttons; Enter then acts on what is typed.
func TestDeskScanClearsCard(t *testing.T) {
	f, w, _ := newScanFixture(t, 60)
	s := f.s
	cats, _ := f.st.Categories(context.Background())
	p := data.Participant{FirstName: "Yao", LastName: "Mensah", CategoryID: cats[0].ID, Status: data.StatusConfirmed,
		Days: []data.Day{deskDay}, FeeCents: 18000}
	if err := f.st.CreateParticipant(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	f.scan(t, p.Code)
	if s.shown == nil || !s.buttons.confirm.Visible() {
		t.Fatal("an unpaid fee is not shown to confirm")
	}
	test.Type(s.entry, "x")
	if s.shown != nil || s.buttons.confirm.Visible() || !s.buttons.checkIn.Disabled() {
		t.Fatal("the card and its Let in anyway stay up while a new search is typed")
	}
	s.entry.TypedShortcut(shortcutDeskConfirm) // nothing on the card: nothing to let in
	waitIdle(t, f.e.tasks)
	if f.arrivals(t, p.ID) != 0 || w.admits.Load() != 1 {
		t.Fatal("Ctrl+Enter let in the person whose card was taken down")
	}
}

// TestDeskSearchOneAtATime: keys typed fast make one name search at a time,
// the next for the text as it is then; the matches shown are those of the
// text typed. A loaded machine may let the pause after a key pass once or
// twice between keys (3 searches seen at load 14), never once a key.
func TestDeskSearchOneAtATime(t *testing.T) {
	f, w, _ := newScanFixture(t, 60)
	s := f.s
	name := "Dupont-Lefebvre Marie"
	test.Type(s.entry, name)
	waitIdle(t, f.e.tasks)
	if n := w.searches.Load(); n > 4 || w.mostAtOnce.Load() != 1 {
		t.Fatalf("%d keys made %d searches, %d at once", len(name), n, w.mostAtOnce.Load())
	}
	s.entry.SetText("a")
	waitIdle(t, f.e.tasks)
	rows, _ := f.st.ListParticipants(context.Background(), data.ParticipantQuery{Search: "a", Limit: deskMatches})
	if len(s.matches) != len(rows) || len(rows) == 0 {
		t.Fatalf("%d matches shown for “a”, want %d", len(s.matches), len(rows))
	}
}

// TestDeskScanReachesTheField: whatever has the keyboard on the desk page
// (a chooser clicked, a button, the matches), or a dialog without a field
// on top, a scan ending with Enter or Tab reaches the desk.
func TestDeskScanReachesTheField(t *testing.T) {
	f, _, _ := newScanFixture(t, 200)
	s := f.s
	c := f.e.win.Canvas()
	who := f.people(t, 6)
	cases := []struct {
		name string
		take func()
		end  string
	}{
		{"Tab ends a scan", func() {}, "\t"},
		{"door chooser clicked", func() {
			test.Tap(s.door)
			c.Overlays().Remove(c.Overlays().Top()) // its menu closed without a choice
		}, "\n"},
		{"day chooser clicked", func() {
			test.Tap(s.day)
			c.Overlays().Remove(c.Overlays().Top())
		}, "\t"},
		{"matches clicked", func() { c.Focus(s.list) }, "\n"},
		{"button", func() { c.Focus(s.buttons.walkIn) }, "\n"},
		{"a message on top", func() {
			dialog.ShowInformation("Note", "Something to read", f.e.win)
		}, "\n"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.take()
			waitIdle(t, f.e.tasks)
			typeInWindow(c, who[i].Code+tc.end)
			waitIdle(t, f.e.tasks)
			if n := f.arrivals(t, who[i].ID); n != 1 {
				t.Fatalf("%d arrivals; the keyboard is on %T", n, c.Focused())
			}
			if top := c.Overlays().Top(); top != nil {
				c.Overlays().Remove(top)
			}
		})
	}
}

// TestDeskScanIntoWalkIn: a badge scanned into the walk-in form (the
// person was registered after all) closes the form without registering
// anyone, and the desk checks in whom it names; a name typed there by a
// person stays a name.
func TestDeskScanIntoWalkIn(t *testing.T) {
	f, _, _ := newScanFixture(t, 60)
	s := f.s
	c := f.e.win.Canvas()
	who := f.person(t, "")
	before, _ := f.st.ParticipantIDs(context.Background(), data.ParticipantQuery{})
	s.entry.TypedShortcut(shortcutDeskWalkIn)
	waitFor(t, "the walk-in form", f.e.tasks, func() bool { return s.walkIn != nil && c.Overlays().Top() != nil })
	form := s.walkIn
	typeInWindow(c, "Nour")
	c.Focus(form.lastName)
	time.Sleep(2 * scanGap) // a person's pause, then the scanner
	typeInWindow(c, who.Code+"\n")
	waitIdle(t, f.e.tasks)
	if n := f.arrivals(t, who.ID); n != 1 || c.Overlays().Top() != nil {
		t.Fatalf("a badge scanned into the walk-in form: %d arrivals, form open %v", n, c.Overlays().Top() != nil)
	}
	if after, _ := f.st.ParticipantIDs(context.Background(), data.ParticipantQuery{}); len(after) != len(before) {
		t.Fatalf("the scan registered a walk-in: %d people, were %d", len(after), len(before))
	}
}

// TestDeskScanThroughAnotherLayout: a US scanner on a French keyboard
// types BXRéR' for the badge BXR2R4; the desk checks its holder in, and
// says once how to set the scanner.
func TestDeskScanThroughAnotherLayout(t *testing.T) {
	f, _, _ := newScanFixture(t, 30)
	s := f.s
	cats, _ := f.st.Categories(context.Background())
	p := data.Participant{FirstName: "Ancien", LastName: "Badge", CategoryID: cats[0].ID, Status: data.StatusConfirmed,
		Days: []data.Day{deskDay}, Code: "BXR2R4"}
	if err := f.st.CreateParticipant(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	typeInWindow(f.e.win.Canvas(), "BXRéR'\n")
	waitIdle(t, f.e.tasks)
	if n := f.arrivals(t, p.ID); n != 1 || s.shown == nil || s.shown.Participant.ID != p.ID {
		t.Fatalf("BXRéR' scanned: %d arrivals, card %+v, status %q", n, s.shown, s.status.Text)
	}
	if s.layoutHint() == nil {
		t.Fatal("the desk does not say the scanner is set to another keyboard")
	}
}

// TestDeskTimingLines: with CONGRES_DESK_TIMING=1 the desk writes one line
// per scan shown and per matches shown, as the real-window check reads them.
func TestDeskTimingLines(t *testing.T) {
	f, _, _ := newScanFixture(t, 30)
	var out strings.Builder
	deskTiming, deskTimingOut = true, &out
	t.Cleanup(func() { deskTiming, deskTimingOut = os.Getenv("CONGRES_DESK_TIMING") == "1", os.Stderr })
	who := f.person(t, "")
	typeInWindow(f.e.win.Canvas(), who.Code+"\n")
	waitIdle(t, f.e.tasks)
	test.Type(f.s.entry, "ma")
	waitIdle(t, f.e.tasks)
	// The test driver draws no frame: the stages are traced without the
	// frame's (desk_timing.go).
	line := regexp.MustCompile(`^desk-timing (scan-to-card|keystroke-to-matches) [0-9]+\.[0-9]ms$`)
	trace := regexp.MustCompile(`^desk-trace (scan|search) enter=[0-9]+(?: text="[^"\s]*")?(?: [a-z]+=[0-9]+\.[0-9])+$`)
	seen := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if m := trace.FindStringSubmatch(l); m != nil {
			seen["trace "+m[1]]++
			continue
		}
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("timing line %q", l)
		}
		seen[m[1]]++
	}
	if seen["scan-to-card"] != 1 || seen["keystroke-to-matches"] < 1 || seen["trace scan"] != 1 ||
		seen["trace search"] != seen["keystroke-to-matches"] {
		t.Fatalf("timing lines %q", out.String())
	}
}

// TestDeskScanIntoPINEndingWithTab: a badge scanned into the PIN dialog by
// a scanner that ends codes with Tab goes to the desk, as with Enter.
func TestDeskScanIntoPINEndingWithTab(t *testing.T) {
	f, _, _ := newScanFixture(t, 30)
	c := f.e.win.Canvas()
	lock := lockDesk(t, f)
	who := f.person(t, "")
	lock.unlockThen(func() { t.Fatal("a scan unlocked the desk") })
	waitIdle(t, f.e.tasks)
	at := time.Now()
	lock.now = func() time.Time { at = at.Add(scannerKeys); return at }
	if _, ok := c.Focused().(*pinEntry); !ok {
		t.Fatalf("the PIN field does not have the keyboard: %T", c.Focused())
	}
	typeInWindow(c, who.Code+"\t")
	waitIdle(t, f.e.tasks)
	if n := f.arrivals(t, who.ID); n != 1 || c.Overlays().Top() != nil || !lock.locked() {
		t.Fatalf("a scan ending with Tab in the PIN dialog: %d arrivals, dialog open %v", n, c.Overlays().Top() != nil)
	}
}

// TestDeskScanIntoPINWithAPause: the window may pause inside a scan typed
// into the PIN dialog (a busy machine): the whole code still goes to the
// desk, not the letters typed after the pause.
func TestDeskScanIntoPINWithAPause(t *testing.T) {
	f, _, _ := newScanFixture(t, 30)
	c := f.e.win.Canvas()
	lock := lockDesk(t, f)
	who := f.person(t, "")
	lock.unlockThen(func() { t.Fatal("a scan unlocked the desk") })
	waitIdle(t, f.e.tasks)
	at := time.Now()
	lock.now = func() time.Time { return at }
	for i, r := range who.Code {
		at = at.Add(scannerKeys)
		if i == 3 {
			at = at.Add(3 * scanGap) // the pause
		}
		typeInWindow(c, string(r))
	}
	typeInWindow(c, "\n")
	waitIdle(t, f.e.tasks)
	if n := f.arrivals(t, who.ID); n != 1 || c.Overlays().Top() != nil {
		t.Fatalf("a scan with a pause in the PIN dialog: %d arrivals, dialog open %v, status %q", n,
			c.Overlays().Top() != nil, f.s.status.Text)
	}
}

// TestDeskScanRepeatShowsItsOwnCard: a code read twice back to back, the
// second read begun before the first one's card came, shows that person's
// card, never the card of the person scanned before (the walkthrough saw
// Léa counted and Karim shown).
func TestDeskScanRepeatShowsItsOwnCard(t *testing.T) {
	f, _, clock := newScanFixture(t, 60)
	s := f.s
	first := f.person(t, "")
	second := f.person(t, "", first.ID)
	typeInWindow(f.e.win.Canvas(), first.Code+"\n")
	waitIdle(t, f.e.tasks)
	*clock = clock.Add(2500 * time.Millisecond)

	c := f.e.win.Canvas()
	typeInWindow(c, second.Code+"\n")
	typeInWindow(c, second.Code[:1]) // the second read begins before the first one's card comes
	waitIdle(t, f.e.tasks)           // the card of the first read comes
	typeInWindow(c, second.Code[1:]+"\n")
	waitIdle(t, f.e.tasks)
	if s.shown == nil || s.shown.Participant.ID != second.ID {
		name := "nobody"
		if s.shown != nil {
			name = s.shown.Participant.FullName()
		}
		t.Fatalf("after reading %s twice, the card shows %s", second.FullName(), name)
	}
	if f.arrivals(t, second.ID) != 1 {
		t.Fatalf("%d arrivals for a code read twice", f.arrivals(t, second.ID))
	}
}
