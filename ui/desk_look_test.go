package ui

import (
	"context"
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// How the desk looks and reads (issue 15): the banner, someone scanned
// again, accessibility needs, the small screens, and the door. Set
// DESK_PNG=dir to write what the window shows there, to look at it.

// captureDesk writes what the window shows to $DESK_PNG/name.png.
func captureDesk(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("DESK_PNG")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// bannerLines is the text the banner draws, line by line, and its size.
func bannerLines(b *deskBanner) ([]string, float32) {
	r := test.WidgetRenderer(b).(*bannerRenderer)
	var lines []string
	var size float32
	for _, l := range r.lines {
		lines = append(lines, l.Text)
		size = l.TextSize
	}
	return lines, size
}

// rescan scans code as a scanner does, after the seconds in which the same
// code scanned again is one scan.
func (f *deskFixture) rescan(t *testing.T, code string) {
	t.Helper()
	at := f.s.now().Add(deskScanRepeat)
	f.s.now = func() time.Time { return at }
	f.scan(t, code)
}

func TestDeskAlreadyIn(t *testing.T) {
	f := newDeskFixture(t)
	s := f.s
	who := f.person(t, "")

	t.Run("Arrival", func(t *testing.T) {
		f.scan(t, who.Code)
		f.rescan(t, who.Code)
		if n := f.arrivals(t, who.ID); n != 1 {
			t.Fatalf("%d arrivals", n)
		}
		want := "Already in since 08:40, at Desk 2 — " + who.FullName()
		if s.card.result.Text != want || s.card.result.Importance != widget.WarningImportance {
			t.Fatalf("banner %q (%v), want %q in amber", s.card.result.Text, s.card.result.Importance, want)
		}
		if s.pending || s.buttons.confirm.Visible() || !s.buttons.checkIn.Disabled() || len(s.card.warnings.Objects) != 0 {
			t.Fatal("someone already in is asked a confirmation, or shown a red warning")
		}
		if got := s.card.values[cardArrived].Text; got != "08:40, Desk 2" {
			t.Errorf("checked in %q", got)
		}
		// Enter on the empty field and Ctrl+Enter do nothing more.
		s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		s.entry.TypedShortcut(shortcutDeskConfirm)
		waitIdle(t, f.e.tasks)
		if n := f.arrivals(t, who.ID); n != 1 || s.card.result.Importance != widget.WarningImportance {
			t.Fatalf("%d arrivals, banner %q", n, s.card.result.Text)
		}
		captureDesk(t, f.e.win, "already-in")
	})

	t.Run("WithOtherWarnings", func(t *testing.T) {
		// Someone let in despite an unpaid fee is scanned again: amber, no
		// confirmation, and the fee stays on the card as a reminder.
		cats, _ := f.st.Categories(context.Background())
		p := data.Participant{FirstName: "Yao", LastName: "Mensah", CategoryID: cats[0].ID, Status: data.StatusConfirmed,
			Days: []data.Day{deskDay}, FeeCents: 18000}
		if err := f.st.CreateParticipant(context.Background(), &p); err != nil {
			t.Fatal(err)
		}
		f.scan(t, p.Code)
		if s.card.result.Importance != widget.DangerImportance || !s.buttons.confirm.Visible() {
			t.Fatalf("an unpaid fee is not red with a confirmation: %q", s.card.result.Text)
		}
		s.entry.TypedShortcut(shortcutDeskConfirm)
		waitIdle(t, f.e.tasks)
		if s.card.result.Importance != widget.SuccessImportance {
			t.Fatalf("let in anyway: banner %q", s.card.result.Text)
		}
		f.rescan(t, p.Code)
		if f.arrivals(t, p.ID) != 1 || s.card.result.Importance != widget.WarningImportance || s.buttons.confirm.Visible() {
			t.Fatalf("re-scan: banner %q (%v), confirm shown %v", s.card.result.Text, s.card.result.Importance, s.buttons.confirm.Visible())
		}
		if len(s.card.warnings.Objects) != 1 {
			t.Fatalf("%d warning lines, want the fee as a reminder", len(s.card.warnings.Objects))
		}
		frame := s.card.warnings.Objects[0].(*fyne.Container).Objects[0].(*canvas.Rectangle)
		if frame.StrokeColor != (color.NRGBA{R: 0xf5, G: 0x7c, B: 0x00, A: 0xff}) {
			t.Errorf("the reminder is framed in %v, not amber", frame.StrokeColor)
		}
		captureDesk(t, f.e.win, "already-in-unpaid")
	})

	t.Run("Door", func(t *testing.T) {
		door, enrolled := deskDoorWithPeople(t, f)
		s.door.SetSelectedIndex(door)
		f.scan(t, enrolled.Code)
		if s.card.result.Importance != widget.SuccessImportance || s.card.values[cardArrived].Text != "08:40, Desk 2" {
			t.Fatalf("let in: banner %q, in this session %q", s.card.result.Text, s.card.values[cardArrived].Text)
		}
		f.rescan(t, enrolled.Code)
		want := "Already in this session since 08:40, at Desk 2 — " + enrolled.FullName()
		if s.card.result.Text != want || s.card.result.Importance != widget.WarningImportance || s.buttons.confirm.Visible() {
			t.Fatalf("banner %q (%v), want %q in amber", s.card.result.Text, s.card.result.Importance, want)
		}
		if s.card.arrivedKey.Text != "In this session" || s.card.values[cardArrived].Text != "08:40, Desk 2" {
			t.Errorf("row %q: %q", s.card.arrivedKey.Text, s.card.values[cardArrived].Text)
		}
	})
}

// deskDoorWithPeople chooses, at the desk, a door of the first day with
// someone enrolled; it returns the door's index in the chooser and that
// person.
func deskDoorWithPeople(t *testing.T, f *deskFixture) (int, data.Participant) {
	t.Helper()
	ctx := context.Background()
	for i, id := range f.s.doors {
		list, err := f.st.SessionEnrolments(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range list {
			if e.Status != data.Enrolled {
				continue
			}
			c, err := f.st.DeskCard(ctx, e.ParticipantID, deskDay, id)
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Warnings) == 0 && c.LastEntry == nil {
				return i + 1, c.Participant
			}
		}
	}
	t.Fatal("no door of the first day has someone enrolled to let in")
	return 0, data.Participant{}
}

func TestDeskBanner(t *testing.T) {
	f := newDeskFixture(t)
	s := f.s
	f.e.win.Resize(fyne.NewSize(1024, 600))
	who := f.person(t, "")
	b := s.card.result

	t.Run("Idle", func(t *testing.T) {
		if b.Text != "" || !b.Visible() {
			t.Fatalf("banner %q, visible %v", b.Text, b.Visible())
		}
		lines, _ := bannerLines(b)
		if strings.Join(lines, " ") != "Ready: scan a badge, or type a name" {
			t.Fatalf("idle banner reads %q", lines)
		}
	})
	t.Run("Green", func(t *testing.T) {
		f.scan(t, who.Code)
		bg, ink := b.colours()
		if bg != bannerGreen || ink != color.White || !strings.Contains(b.Text, "checked in at 08:40") {
			t.Fatalf("banner %q in %v on %v", b.Text, ink, bg)
		}
		// Across the whole desk, not only the card.
		if w := f.e.win.Canvas().Size().Width; b.Size().Width < w-2*theme.Padding() {
			t.Errorf("banner %v wide in a window %v wide", b.Size().Width, w)
		}
		if lines, size := bannerLines(b); len(lines) != 1 || size < 28 {
			t.Errorf("a short sentence is drawn on %d lines at %v", len(lines), size)
		}
		captureDesk(t, f.e.win, "banner-green-1024x600")
	})
	t.Run("Red", func(t *testing.T) {
		f.scan(t, "ZZZ9Q9")
		if bg, _ := b.colours(); bg != bannerRed || !strings.Contains(b.Text, "ZZZ9Q9") {
			t.Fatalf("unknown code: banner %q on %v", b.Text, bg)
		}
		if s.status.Visible() {
			t.Error("the unknown code is said twice, in the banner and under the field")
		}
		captureDesk(t, f.e.win, "banner-red-1024x600")
		// The next scan's result takes its place.
		f.rescan(t, f.person(t, "", who.ID).Code)
		if bg, _ := b.colours(); bg != bannerGreen {
			t.Fatalf("after the next scan: banner %q on %v", b.Text, bg)
		}
	})
	t.Run("LongTextFits", func(t *testing.T) {
		long := "✓ Marie-Christine de La Tour d'Auvergne-Lauraguais Villeneuve-Saint-Georges checked in at 08:40, at Desk 2 of the north entrance."
		for _, width := range []float32{1024, 700, 400} {
			b.set(long, widget.SuccessImportance)
			b.Resize(fyne.NewSize(width, bannerHeight))
			lines, size := bannerLines(b)
			if strings.Join(lines, " ") != long {
				t.Fatalf("%v px: the banner cut the text: %q", width, lines)
			}
			height := fyne.MeasureText("Ág", size, fyne.TextStyle{Bold: true}).Height
			for _, l := range lines {
				if w := fyne.MeasureText(l, size, fyne.TextStyle{Bold: true}).Width; w > width {
					t.Errorf("%v px: line %q is %v wide", width, l, w)
				}
			}
			if float32(len(lines))*height > bannerHeight && size > bannerTextMin {
				t.Errorf("%v px: %d lines at %v do not fit %v", width, len(lines), size, bannerHeight)
			}
		}
		s.card.setResult(long, widget.SuccessImportance)
		f.e.win.Content().Refresh()
		captureDesk(t, f.e.win, "banner-long-1024x600")
	})
}

func TestDeskAccessibility(t *testing.T) {
	f := newDeskFixture(t)
	s := f.s
	who := f.person(t, "")
	who.Accessibility = "Interprète LSF ; fauteuil roulant"
	who.Diet = "Végétarien"
	if err := f.st.UpdateParticipant(context.Background(), &who); err != nil {
		t.Fatal(err)
	}
	f.scan(t, who.Code)
	if !s.card.access.Visible() || s.card.accessText.Text != "Accessibility: "+who.Accessibility {
		t.Fatalf("accessibility %q shown %v", s.card.accessText.Text, s.card.access.Visible())
	}
	bg := s.card.access.Objects[0].(*fyne.Container).Objects[0].(*canvas.Rectangle)
	if bg.FillColor != accessBlue || !s.card.accessText.TextStyle.Bold || s.card.accessText.Theme().Color(theme.ColorNameForeground, 0) != color.White {
		t.Errorf("accessibility on %v, bold %v", bg.FillColor, s.card.accessText.TextStyle.Bold)
	}
	// It comes first under the name, before the warnings and the rows; the
	// diet is one of the rows.
	if s.card.values[cardDiet].Text != "Végétarien" || s.card.values[cardDiet].TextStyle.Bold {
		t.Errorf("diet %q", s.card.values[cardDiet].Text)
	}
	f.e.win.Resize(fyne.NewSize(1024, 600))
	captureDesk(t, f.e.win, "accessibility-1024x600")

	other := f.person(t, "", who.ID)
	f.scan(t, other.Code)
	if s.card.access.Visible() {
		t.Error("someone without accessibility needs shows the frame")
	}
}

// typicalCard is a person as the desk often sees one on a small screen:
// an organisation and a job, a fee due and its warning, a diet and three
// sessions.
func typicalCard(t *testing.T, f *deskFixture) data.DeskCard {
	t.Helper()
	c := busyCard(t, f)
	c.Participant.Accessibility = ""
	c.Sessions = c.Sessions[:2]
	c.Warnings = c.Warnings[:1]
	return c
}

// busyCard is a person with much to say: an organisation and a job, a fee
// due, four sessions, two warnings, and accessibility needs.
func busyCard(t *testing.T, f *deskFixture) data.DeskCard {
	t.Helper()
	who := f.person(t, "")
	c, err := f.st.DeskCard(context.Background(), who.ID, deskDay, 0)
	if err != nil {
		t.Fatal(err)
	}
	p := &c.Participant
	p.FirstName, p.LastName = "Marie-Christine", "Le Goff-Dubois"
	p.Organisation, p.JobTitle = "Fédération des acteurs de la solidarité Occitanie", "Chargée de mission insertion"
	p.Accessibility, p.Diet = "Interprète LSF", "Sans gluten"
	c.FeeDueCents = 18000
	clock := func(s string) data.Clock {
		k, _ := data.ParseClock(s)
		return k
	}
	c.Sessions = []data.Session{
		{Title: "Ouverture du congrès : l'insertion, une force pour les territoires", Start: clock("09:30"), End: clock("11:00")},
		{Title: "Table ronde : emploi, climat, cohésion — quelles alliances ?", Start: clock("11:15"), End: clock("12:30")},
		{Title: "Atelier : financer l'accompagnement socioprofessionnel", Start: clock("14:00"), End: clock("15:30")},
		{Title: "Atelier : achats responsables et clauses sociales", Start: clock("16:00"), End: clock("17:30")},
	}
	c.Warnings = []data.DeskWarning{
		{Kind: data.WarnUnpaid, FeeDueCents: 18000},
		{Kind: data.WarnNotToday, Day: deskDay, Today: true, Days: []data.Day{"2021-11-26"}},
	}
	return c
}

func TestDeskFitsSmallScreens(t *testing.T) {
	t.Cleanup(func() {
		if err := loadTranslations("en"); err != nil {
			t.Fatal(err)
		}
	})
	for _, language := range []string{"en", "fr"} {
		if err := loadTranslations(language); err != nil {
			t.Fatal(err)
		}
		f := newDeskFixtureInApp(t)
		s := f.s
		c := typicalCard(t, f)
		s.showCard(&c, true)
		s.card.setResult(lang.L("Not checked in yet: read the warnings, then let in anyway or not."), widget.DangerImportance)
		s.counts.show([]data.DeskCount{
			{Category: "Adhérent·e", Colour: "#1F6FB5", Expected: 290, Arrived: 281},
			{Category: "Partenaire ESS", Colour: "#2E8B57", Expected: 70, Arrived: 52},
			{Category: "Élu·e", Colour: "#8E44AD", Expected: 20, Arrived: 12},
			{Category: "Institutionnel·le", Colour: "#555555", Expected: 12, Arrived: 10},
			{Category: "Intervenant·e", Colour: "#E67E22", Expected: 24, Arrived: 20},
			{Category: "Exposant·e", Colour: "#C0392B", Expected: 30, Arrived: 30},
			{Category: "Bénévole", Colour: "#5DADE2", Expected: 40, Arrived: 40},
		})
		for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1024, Height: 600}} {
			name := fmt.Sprintf("%s-%.0fx%.0f", language, size.Width, size.Height)
			t.Run(name, func(t *testing.T) {
				w := f.e.win
				f.resizeApp(size)
				captureDesk(t, w, "typical-"+name)
				if min := w.Content().MinSize(); min.Width > size.Width || min.Height > size.Height-deskMenuBar {
					t.Errorf("the desk needs %v", min)
				}
				// The card's rows are all visible: its scroll has nothing to
				// scroll; on the larger screen, for a busy person too.
				scroll := deskCardScroll(t, s)
				if need := s.card.box.MinSize().Height; need > scroll.Size().Height {
					t.Errorf("the card needs %v px of height, shows %v", need, scroll.Size().Height)
				}
				deskFactsAligned(t, s)
				if size.Width >= 1366 {
					busy := busyCard(t, f)
					s.showCard(&busy, true)
					w.Content().Refresh()
					captureDesk(t, w, "busy-"+name)
					if need := s.card.box.MinSize().Height; need > scroll.Size().Height {
						t.Errorf("a busy card needs %v px of height, shows %v", need, scroll.Size().Height)
					}
					deskFactsAligned(t, s)
					s.showCard(&c, true)
				}
				// Nothing is cut: every text is as wide as it needs, inside the window.
				checkNothingCut(t, w, size)
				// Nor the scan field's hint, in its large type.
				th := s.entry.Theme()
				hint := fyne.MeasureText(s.entry.PlaceHolder, th.Size(theme.SizeNameText), s.entry.TextStyle).Width +
					2*th.Size(theme.SizeNameInnerPadding) + 2*th.Size(theme.SizeNameInputBorder)
				if hint > s.entry.Size().Width {
					t.Errorf("the scan field is %v wide, its hint needs %v", s.entry.Size().Width, hint)
				}
				if desk := s.root.Size().Width; s.entry.Size().Width < 0.9*desk {
					t.Errorf("the scan field is %v wide, on a desk %v wide", s.entry.Size().Width, desk)
				}
				if got := th.Size(theme.SizeNameText); got < 18 {
					t.Errorf("the scan field's type is %v", got)
				}
				// The counters wrap onto lines rather than scroll sideways.
				if s.counts.box.Size().Width > size.Width {
					t.Errorf("counters %v wide", s.counts.box.Size().Width)
				}
			})
		}
		// A name search shows its matches beside a card chosen among them.
		t.Run(language+"-search-1024x600", func(t *testing.T) {
			size := fyne.NewSize(1024, 600)
			w := f.e.win
			f.resizeApp(size)
			test.Type(s.entry, "ma")
			waitIdle(t, f.e.tasks)
			if len(s.matches) < 2 || !s.matchesShown() {
				t.Fatalf("%d matches, list shown %v", len(s.matches), s.matchesShown())
			}
			captureDesk(t, w, "search-list-"+language+"-1024x600")
			s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
			waitIdle(t, f.e.tasks)
			w.Content().Refresh()
			captureDesk(t, w, "search-"+language+"-1024x600")
			if s.shown == nil {
				t.Fatal("no card for the match chosen")
			}
			// The card beside the matches is narrow: the name still breaks
			// between words only.
			th := s.card.name.Theme()
			for _, word := range strings.Fields(s.card.name.Text) {
				need := fyne.MeasureText(word, th.Size(s.card.name.SizeName), s.card.name.TextStyle).Width +
					2*th.Size(theme.SizeNameInnerPadding)
				if need > s.card.name.Size().Width {
					t.Errorf("the name's word %q needs %v, the name has %v", word, need, s.card.name.Size().Width)
				}
			}
			if min := w.Content().MinSize(); min.Width > size.Width || min.Height > size.Height-deskMenuBar {
				t.Errorf("the desk needs %v", min)
			}
			checkNothingCut(t, w, size)
			s.entry.SetText("")
			waitIdle(t, f.e.tasks)
			if s.matchesShown() {
				t.Error("the list stays once the field is empty")
			}
		})
	}
}

// deskCardScroll is the scroll the card is in.
func deskCardScroll(t *testing.T, s *deskScreen) *container.Scroll {
	t.Helper()
	for _, o := range test.LaidOutObjects(s.root) {
		if sc, ok := o.(*container.Scroll); ok && sc.Content == s.card.box {
			return sc
		}
	}
	t.Fatal("the card is in no scroll")
	return nil
}

// checkNothingCut fails when a visible label, button or text is narrower
// than its text, or reaches past the window's right edge.
func checkNothingCut(t *testing.T, w fyne.Window, size fyne.Size) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	for _, o := range shownObjects(w.Content()) {
		var text string
		var need float32 // the width the text needs, padding included; 0 when it wraps
		switch x := o.(type) {
		case *widget.Label:
			text = x.Text
			if x.Wrapping == fyne.TextWrapOff {
				th := x.Theme()
				need = fyne.MeasureText(text, th.Size(theme.SizeNameText), x.TextStyle).Width + 2*th.Size(theme.SizeNameInnerPadding)
			}
		case *widget.Button:
			text, need = x.Text, x.MinSize().Width
		case *widget.Select:
			text = x.Selected
		default:
			continue
		}
		if text == "" {
			continue
		}
		pos := d.AbsolutePositionForObject(o)
		if pos.X+o.Size().Width > size.Width+1 {
			t.Errorf("%T %q reaches x=%v in a window %v wide", o, text, pos.X+o.Size().Width, size.Width)
		}
		if o.Size().Width+0.5 < need {
			t.Errorf("%T %q is cut: %v wide, needs %v", o, text, o.Size().Width, need)
		}
	}
}

// shownObjects are the objects under o that are shown: neither hidden nor
// in something hidden.
func shownObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	if !o.Visible() {
		return nil
	}
	list := []fyne.CanvasObject{o}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		list = append(list, shownObjects(c)...)
	}
	return list
}

func TestDeskDoorCounts(t *testing.T) {
	f := newDeskFixture(t)
	s := f.s
	door, who := deskDoorWithPeople(t, f)
	s.door.SetSelectedIndex(door)
	waitIdle(t, f.e.tasks)
	n, err := f.st.DoorCounts(context.Background(), s.session)
	if err != nil {
		t.Fatal(err)
	}
	want := func(inside int) string {
		text := fmt.Sprintf("Entries into this session: %d of %d expected", inside, n.Expected)
		if n.OnStage > 0 {
			text += fmt.Sprintf(" (%d of them on stage)", n.OnStage)
		}
		if n.Capacity > 0 {
			text += fmt.Sprintf(", %d places", n.Capacity)
		}
		return text
	}
	if got := s.counts.total.Text; got != want(n.Inside) || len(s.counts.cats.Objects) != 1 {
		t.Fatalf("door counters %q, want %q", got, want(n.Inside))
	}
	if s.buttons.undo.Text != "Undo entry (Ctrl+Z)" {
		t.Errorf("undo button %q", s.buttons.undo.Text)
	}
	f.scan(t, who.Code)
	if got := s.counts.total.Text; got != want(n.Inside+1) {
		t.Fatalf("after an entry: %q, want %q", got, want(n.Inside+1))
	}
	captureDesk(t, f.e.win, "door")
	s.entry.TypedShortcut(&fyne.ShortcutUndo{})
	waitIdle(t, f.e.tasks)
	if got, want := s.status.Text, "The last entry of "+who.FullName()+" into this session was undone."; got != want {
		t.Errorf("undo says %q, want %q", got, want)
	}
	if got := s.counts.total.Text; got != want(n.Inside) {
		t.Errorf("after the undo: %q", got)
	}
	// Back to arrivals: the day's counters and the check-in's words.
	s.door.SetSelectedIndex(0)
	waitIdle(t, f.e.tasks)
	if !strings.HasPrefix(s.counts.total.Text, "Checked in:") || s.buttons.undo.Text != "Undo check-in (Ctrl+Z)" {
		t.Errorf("arrivals: counters %q, undo %q", s.counts.total.Text, s.buttons.undo.Text)
	}
}

// BenchmarkDeskBannerFit measures fitting a check-in's sentence into the
// banner at 1024 px, which each scan does once.
func BenchmarkDeskBannerFit(b *testing.B) {
	test.NewTempApp(b)
	style := fyne.TextStyle{Bold: true}
	for _, text := range []string{
		"✓ Solène Du Pré checked in at 08:40.",
		"✓ Marie-Christine de La Tour d'Auvergne-Lauraguais Villeneuve-Saint-Georges checked in at 08:40, at Desk 2 of the north entrance.",
	} {
		b.Run(fmt.Sprintf("%dchars", len([]rune(text))), func(b *testing.B) {
			for range b.N {
				fitBannerText(text, 1000, bannerHeight-8, bannerTextMax, style)
			}
		})
	}
}
