package ui

import (
	"strings"
	"testing"

	"congres/data"
)

// TestCountsHaveThousandsSeparators (issue 19): counts outside the
// dashboard and the programme are written "1 200" in French (a no-break
// space, as the dashboard does) and "1,200" in English: the participants'
// count, the badges' count, the desk's counters and a session's gauge
// and lists. They read "50000 participant·es", "Adhérent·e 0/23449",
// "48439 badges", "Waiting list (4726)", "0 / 1500 places occupées".
func TestCountsHaveThousandsSeparators(t *testing.T) {
	for _, c := range []struct{ language, sep, participants string }{
		{"en", ",", "participants"}, {"fr", "\u00a0", "participant·es"},
	} {
		t.Run(c.language, func(t *testing.T) {
			if c.language == "fr" {
				inFrench(t)
			}
			n := func(s string) string { return strings.ReplaceAll(s, ",", c.sep) }

			_, _, s := newParticipantsTest(t, 1200)
			if got, want := s.count.Text, n("1,200 ")+c.participants; got != want {
				t.Errorf("participants: %q, want %q", got, want)
			}
			_, _, ex, _ := newExportsTest(t, 1200)
			if got := ex.badges.count.Text; !strings.HasPrefix(got, n("1,")) {
				t.Errorf("badges: %q, want 1%s…", got, c.sep)
			}

			counters := newDeskCounters()
			counters.show([]data.DeskCount{{Category: "Adhérent·e", Arrived: 0, Expected: 23449}})
			if got, want := counters.rows[0].label.Text, n("Adhérent·e 0/23,449"); got != want {
				t.Errorf("desk: %q, want %q", got, want)
			}

			gauge := sessionGaugeText(data.Session{EffectiveCapacity: 1500}, 1200)
			if !strings.HasPrefix(gauge, n("1,200 / 1,500 ")) {
				t.Errorf("session gauge: %q", gauge)
			}
		})
	}
}
