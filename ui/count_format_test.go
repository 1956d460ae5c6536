package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// TestCountsHaveThousandsSeparators (issue 19): counts outside the
// dashboard and the programme are written "1 200" in French (a no-break
// space, as the dashboard does) and "1,200" in English: the participants'
// count, the badges' count, the desk's counters and a session's gauge
// and lists; the stands screen (its count, each stand's staff, tables and
// chairs, the plan's zones), the programme's conflicts and a participant's
// tabs. They read "50000 participant·es", "Adhérent·e 0/23449",
// "48439 badges", "Waiting list (4726)", "0 / 1500 places occupées",
// "1200 stands", "Programme (1200)", "Paiements (1200)".
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

			checkStandCounts(t, n)
			checkConflictCount(t, n)
			checkDetailTabs(t, n)
		})
	}
}

// manyStands is a congress with 1,200 stands in one zone, each with
// 1,200 tables and 1,500 chairs; the first, which the test reads, has
// 1,000 people on it. (1,000 on each made the screen look up 1.2 million
// names: 9 s of CPU under -race, twice.)
type manyStands struct{ *data.Store }

func (manyStands) Stands(context.Context) ([]data.Stand, error) {
	stands := make([]data.Stand, 1200)
	for i := range stands {
		stands[i] = data.Stand{ID: int64(i + 1), Number: formatCount(i + 1), Name: "Stand", Zone: "Hall",
			Tables: 1200, Chairs: 1500, X: i % 40, Y: i / 40}
	}
	stands[0].Staff = make([]int64, 1000)
	return stands, nil
}

func checkStandCounts(t *testing.T, n func(string) string) {
	t.Helper()
	test.NewTempApp(t)
	e := newTestEnv(t)
	s := newStandsScreen(e, manyStands{mustOpen(t, demoFile(t, 10))})
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1000, 700))
	s.loadAsync()
	waitForWithin(t, time.Minute, "1,200 stands on the plan", e.tasks, e.tasks.idle)
	if got := s.count.Text; !strings.HasPrefix(got, n("1,200 ")) {
		t.Errorf("stands: %q", got)
	}
	row := s.table.rows[0]
	if got := row[len(row)-2]; got != n("1,000") {
		t.Errorf("a stand's staff: %q", got)
	}
	if got := row[len(row)-1]; !strings.Contains(got, n("1,200 ")) || !strings.Contains(got, n("1,500 ")) {
		t.Errorf("a stand's tables and chairs: %q", got)
	}
	if got := strings.Join(labelTexts(s.plan.legend), "|"); got != n("Hall (1,200)") {
		t.Errorf("the plan's zones: %q", got)
	}
}

func checkConflictCount(t *testing.T, n func(string) string) {
	t.Helper()
	f := newProgFixture(t)
	a, b := f.sessions["Atelier A"], f.sessions["Atelier B"]
	st := &conflictStore{Store: f.st}
	for range 1200 {
		st.conflicts = append(st.conflicts, data.Conflict{Room: "Salle Vauban", A: a, B: b})
	}
	s, _ := newProgScreen(t, st)
	if got := s.bannerTitle.Text; !strings.Contains(got, n(" 1,200 ")) {
		t.Errorf("the programme's conflicts: %q", got)
	}
	if got := s.bannerText.Text; !strings.Contains(got, n(" 1,19")) { // "…and 1,19x more."
		t.Errorf("the conflicts left out: %q", got[strings.LastIndex(got, "\n")+1:])
	}
}

func checkDetailTabs(t *testing.T, n func(string) string) {
	t.Helper()
	_, e, s := newParticipantsTest(t, 10)
	ptPick(t, e, s, s.table.rows.ids[0])
	info := s.detail.info
	info.enrolments = make([]data.Enrolment, 1200)
	for i := range info.enrolments {
		info.enrolments[i] = data.Enrolment{Status: data.Waitlisted, Position: 1000 + i}
	}
	info.checkins = make([]data.Checkin, 1300)
	info.prints = make([]data.BadgePrint, 1400)
	info.payments = make([]data.Payment, 1500)
	info.dups = make([]data.Duplicate, 1600)
	s.detail.fill(info)
	for _, c := range []struct{ got, want string }{
		{s.detail.tabEnrol.Text, "1,200"}, {s.detail.tabCheck.Text, "1,300"}, {s.detail.tabPrint.Text, "1,400"},
		{s.detail.tabPay.Text, "1,500"}, {s.detail.tabDups.Text, "1,600"},
		{s.detail.enrolments.rows[0][4], "1,000"},
	} {
		if !strings.Contains(c.got, n(c.want)) {
			t.Errorf("participant detail: %q, want %s", c.got, n(c.want))
		}
	}
}

// labelTexts is the text of every label in o.
func labelTexts(o fyne.CanvasObject) []string {
	var found []string
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok {
			found = append(found, l.Text)
		}
	}
	return found
}
