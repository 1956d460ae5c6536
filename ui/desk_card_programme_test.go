package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
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
func TestDeskCardProgrammeRehearsalSmall(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			f := deskFitsIn(t, language)
			s := f.s
			// The person of the demo with the most sessions that day, whom
			// the desk lets in without a warning.
			ids, err := f.st.ParticipantIDs(context.Background(), data.ParticipantQuery{})
			if err != nil {
				t.Fatal(err)
			}
			var who data.Participant
			most := 0
			for _, id := range ids {
				c, err := f.st.DeskCard(context.Background(), id, deskDay, 0)
				if err != nil {
					t.Fatal(err)
				}
				if len(c.Warnings) == 0 && c.Arrival == nil && len(c.Sessions) > most {
					who, most = c.Participant, len(c.Sessions)
				}
			}
			if most < 3 {
				t.Fatalf("nobody in the demo has 3 sessions on %s", deskDay)
			}
			f.scan(t, who.Code)
			f.e.win.Content().Refresh()
			captureDesk(t, f.e.win, "programme-rehearsal-"+language+"-1024x563")
			if s.shown == nil || !s.shown.Rehearsal || s.shown.Participant.ID != who.ID {
				t.Fatalf("the card shows %+v, want %s's, of the rehearsal", s.shown, who.Code)
			}
			shown, lines := programmeLinesShown(t, s)
			t.Logf("%d sessions; %d of the programme's %d lines shown whole", most, shown, lines)
			if shown < 3 {
				t.Errorf("%d of the programme's %d lines show whole, want the first 3", shown, lines)
			}
			if min := f.e.win.Content().MinSize(); min.Width > deskSmallWindow.Width || min.Height > deskSmallWindow.Height-deskMenuBar {
				t.Errorf("the desk needs %v", min)
			}
			deskBottom(t, f, s.buttons.walkIn, "the walk-in button")
			deskBottom(t, f, s.counts.box, "the counters")
			checkNothingCut(t, f.e.win, deskSmallWindow)
			deskFactsAligned(t, s)
		})
	}
}
