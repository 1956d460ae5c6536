package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"congres/data"
)

// programmeLinesShown is how many of the card's programme lines, as
// wrapped, show whole in the card's scroll without scrolling, and how many
// there are.
func programmeLinesShown(t *testing.T, s *deskScreen) (shown, lines int) {
	t.Helper()
	sc := deskCardScroll(t, s)
	l := s.card.values[cardProgramme]
	d := fyne.CurrentApp().Driver()
	bottom := d.AbsolutePositionForObject(sc).Y + sc.Size().Height
	th := l.Theme()
	size, pad := th.Size(theme.SizeNameText), th.Size(theme.SizeNameInnerPadding)
	lineHeight := fyne.MeasureText("Ág", size, l.TextStyle).Height
	for _, line := range strings.Split(l.Text, "\n") {
		lines += len(wrapBannerText(line, size, l.Size().Width-2*pad, l.TextStyle))
	}
	y := d.AbsolutePositionForObject(l).Y + pad
	for shown < lines && y+lineHeight <= bottom+0.5 {
		shown++
		y += lineHeight // the lines of one label: no spacing between them (fyne's RichText)
	}
	return shown, lines
}

// TestDeskCardProgrammeRehearsalSmall (the tester, session 16): at
// 1024×600, in the rehearsal, the card of someone with a full day showed
// one line of their first session, the rest under the fold of the card's
// scroll (the rehearsal's line and note take two more lines than a
// congress day's, and "Rehearsal: 08:40, Desk 2" wrapped). Scanned in
// English and French, the card now shows the first three lines of the
// programme whole, with the page neither scrolling sideways nor down (the
// actions and the counters in the window), nothing cut.
//
// Session 17: the card of someone who has not paid showed one line, its
// warning and "Let in anyway" taking the rest; the rehearsal's note is now
// short and beside its large line on a low desk (desk_head.go), and that
// card shows three lines too.
func TestDeskCardProgrammeRehearsalSmall(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			f := deskFitsIn(t, language)
			s := f.s
			// The two people of the demo with the most sessions that day
			// whom the desk lets in without a warning; the second then owes
			// their fee.
			ctx := context.Background()
			ids, err := f.st.ParticipantIDs(ctx, data.ParticipantQuery{})
			if err != nil {
				t.Fatal(err)
			}
			var cards []data.DeskCard
			for _, id := range ids {
				c, err := f.st.DeskCard(ctx, id, deskDay, 0)
				if err != nil {
					t.Fatal(err)
				}
				if len(c.Warnings) == 0 && c.Arrival == nil {
					cards = append(cards, c)
				}
			}
			slices.SortStableFunc(cards, func(a, b data.DeskCard) int { return len(b.Sessions) - len(a.Sessions) })
			if len(cards) < 2 || len(cards[1].Sessions) < 3 {
				t.Fatalf("the demo has not two people with 3 sessions on %s", deskDay)
			}
			plain, owing := cards[0].Participant, cards[1].Participant
			owing.FeeCents, owing.Paid = owing.FeeCents+12000, false
			if err := f.st.UpdateParticipant(ctx, &owing); err != nil {
				t.Fatal(err)
			}

			// The scan's card, without waiting for the counters' reading
			// 2 s later (deskCountsQuiet): the next scan's waits for both.
			s.scans.lastAt = time.Time{}
			test.Type(s.entry, plain.Code)
			s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			waitFor(t, "the card", f.e.tasks, func() bool { return s.shown != nil && s.shown.Participant.ID == plain.ID })
			programmeShownSmall(t, f, plain, len(cards[0].Sessions), "programme-rehearsal-"+language)
			if t.Failed() {
				return
			}

			f.scan(t, owing.Code)
			if !s.pending || !s.buttons.confirm.Visible() || !s.card.warnings.Visible() {
				t.Fatalf("the scan of %s, who owes their fee, asks nothing", owing.Code)
			}
			if w := s.shown.Warnings; len(w) != 1 || w[0].Kind != data.WarnUnpaid {
				t.Fatalf("%s: warnings %+v, want unpaid", owing.Code, w)
			}
			programmeShownSmall(t, f, owing, len(cards[1].Sessions), "programme-rehearsal-unpaid-"+language)
		})
	}
}

// programmeShownSmall fails unless the desk at 1024×600 shows who's card,
// of the rehearsal, with the first 3 lines of their programme whole and
// the page neither scrolling nor cut.
func programmeShownSmall(t *testing.T, f *deskFixture, who data.Participant, sessions int, capture string) {
	t.Helper()
	s := f.s
	f.e.win.Content().Refresh()
	captureDesk(t, f.e.win, capture+"-1024x563")
	if s.shown == nil || !s.shown.Rehearsal || s.shown.Participant.ID != who.ID {
		t.Fatalf("the card shows %+v, want %s's, of the rehearsal", s.shown, who.Code)
	}
	shown, lines := programmeLinesShown(t, s)
	t.Logf("%s: %d sessions; %d of the programme's %d lines shown whole", who.Code, sessions, shown, lines)
	if shown < 3 {
		t.Errorf("%s: %d of the programme's %d lines show whole, want the first 3", who.Code, shown, lines)
	}
	if min := f.e.win.Content().MinSize(); min.Width > deskSmallWindow.Width || min.Height > deskSmallWindow.Height-deskMenuBar {
		t.Errorf("the desk needs %v", min)
	}
	deskBottom(t, f, s.buttons.walkIn, "the walk-in button")
	deskBottom(t, f, s.counts.box, "the counters")
	checkNothingCut(t, f.e.win, deskSmallWindow)
	deskFactsAligned(t, s)
}
