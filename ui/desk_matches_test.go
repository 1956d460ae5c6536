package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// TestDeskMatchCutOnlyWhenTooLong: a match's text that does not fit its
// row is cut with an ellipsis, one that fits is drawn whole; a narrower
// list cuts what no longer fits.
func TestDeskMatchCutOnlyWhenTooLong(t *testing.T) {
	f, _, _ := newScanFixture(t, 30)
	s := f.s
	cats, _ := f.st.Categories(context.Background())
	org := "Fédération régionale des associations d'insertion par l'activité économique et de l'emploi solidaire"
	p := data.Participant{FirstName: "Zoé", LastName: "Quenouille", Organisation: org, CategoryID: cats[0].ID,
		Status: data.StatusConfirmed, Days: []data.Day{deskDay}}
	if err := f.st.CreateParticipant(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
	test.Type(s.entry, "quenouille")
	waitIdle(t, f.e.tasks)
	labels := func() (name, organisation *widget.Label) {
		for _, o := range test.LaidOutObjects(s.list) {
			if l, ok := o.(*widget.Label); ok && l.Visible() {
				switch l.Text {
				case "Zoé Quenouille":
					name = l
				case org:
					organisation = l
				}
			}
		}
		if name == nil || organisation == nil {
			t.Fatalf("the match's row shows no %q or no %q", "Zoé Quenouille", org)
		}
		return name, organisation
	}
	name, organisation := labels()
	if name.Truncation != fyne.TextTruncateOff {
		t.Errorf("a name that fits a row %v wide is cut (%v)", s.list.Size().Width, name.Truncation)
	}
	if organisation.Truncation != fyne.TextTruncateEllipsis {
		t.Errorf("an organisation longer than a row %v wide is not cut with an ellipsis (%v)", s.list.Size().Width,
			organisation.Truncation)
	}
	if shown := drawnText(organisation); !strings.HasSuffix(shown, "…") || len(shown) >= len(org) {
		t.Errorf("the organisation is drawn %q", shown)
	}
	s.withList.SetOffset(0.05) // the list as narrow as the split lets it be
	f.e.win.Content().Refresh()
	if name, _ = labels(); name.Truncation != fyne.TextTruncateEllipsis || !strings.HasSuffix(drawnText(name), "…") {
		t.Errorf("a name in a row %v wide is drawn %q (%v)", s.list.Size().Width, drawnText(name), name.Truncation)
	}
}

// drawnText is the text a label draws.
func drawnText(l *widget.Label) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(l) {
		if t, ok := o.(*canvas.Text); ok && t.Visible() {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}
