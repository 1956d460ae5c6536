package ui

import (
	"testing"

	"congres/data"
)

// A plenary's page shows the people expected that day, as the timetable
// does, not "0 / 500 places taken" (issue 19).
func TestSessionPagePlenaryShowsExpected(t *testing.T) {
	fx := newProgFixture(t)
	title := "Ouverture du congrès : l'insertion, une force pour les territoires"
	_, p, _ := openProgPage(t, fx, title)
	if got, want := p.gaugeText.Text, "≈ 4 / 500 expected (everyone expected that day)"; got != want {
		t.Errorf("the plenary's page reads %q, want %q", got, want)
	}
	if p.gauge.Value != 4 || p.gauge.Max != 500 {
		t.Errorf("its gauge is at %v/%v, want 4/500", p.gauge.Value, p.gauge.Max)
	}
}

// Before the people expected are counted, a plenary shows no figure,
// never "0/500"; the list to enrol in shows them as the grid does.
func TestPlenaryFillNeverWrong(t *testing.T) {
	se := data.Session{Kind: data.KindPlenary, Day: progDay1, EffectiveCapacity: 1500}
	if got, _ := blockFill(se, nil); got != "" {
		t.Errorf("a plenary not counted yet reads %q, want nothing", got)
	}
	expected := map[data.Day]int{progDay1: 467}
	if got, _ := blockFill(se, expected); got != "≈ 467 / 1,500" {
		t.Errorf("a plenary counted reads %q", got)
	}
	rows := formatProgramme([]data.Session{se}, nil)
	if got := rows[len(rows)-1].cells[4]; got != "" {
		t.Errorf("the list's line reads %q before the count", got)
	}
	b := &participantBulk{}
	se.Title, se.Start, se.End = "Ouverture", 9*60+30, 11*60
	if got := b.sessionText(se, expected); got[len(got)-len("(≈ 467 / 1,500)"):] != "(≈ 467 / 1,500)" {
		t.Errorf("the list to enrol in reads %q", got)
	}
}
