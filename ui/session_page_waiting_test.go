package ui

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// waitingRow is a row of a session page's waiting list as laid out: its
// number, where its name starts in the row, and its top and bottom in
// the list's scrolled content.
type waitingRow struct {
	number      string
	nameX       float32
	top, bottom float32
}

// waitingRows are the rows of the waiting list the list has laid out.
func waitingRows(p *sessionPage) []waitingRow {
	// The list wraps each row in an item of its own, placed in the
	// scrolled content: the row's place is its item's.
	objects := test.LaidOutObjects(p.waitingList)
	parent := map[fyne.CanvasObject]fyne.CanvasObject{}
	for _, o := range objects {
		var children []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			children = x.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(x).Objects()
		}
		for _, c := range children {
			parent[c] = o
		}
	}
	var rows []waitingRow
	for _, o := range objects {
		box, ok := o.(*fyne.Container)
		if !ok || len(box.Objects) != 3 || !box.Visible() {
			continue
		}
		name, ok := box.Objects[0].(*hoverArea)
		if !ok {
			continue
		}
		number := ""
		if l := ptFind[*widget.Label](box.Objects[1]); len(l) > 0 {
			number = l[0].Text
		}
		item := fyne.CanvasObject(box)
		if it := parent[box]; it != nil {
			item = it
		}
		rows = append(rows, waitingRow{number: number, nameX: name.Position().X,
			top: item.Position().Y, bottom: item.Position().Y + item.Size().Height})
	}
	return rows
}

// TestSessionPageWaitingListColumnsAndLastRow (eye-32): the waiting list's
// names start in one place from n° 1 to n° 12 (the number in a column of
// its own, right-aligned), and a person put last on the list is shown
// whole, even when the sentence saying it wraps to a second line and
// makes the list shorter once it scrolled to them.
func TestSessionPageWaitingListColumnsAndLastRow(t *testing.T) {
	fx := newProgFixture(t)
	ctx := context.Background()
	se := fx.sessions["Atelier B"]
	se.Title = "Égalité femmes-hommes dans nos structures, et au-delà dans nos territoires"
	if err := fx.st.SaveSession(ctx, &se); err != nil {
		t.Fatal(err)
	}
	fx.sessions["Atelier B"] = se
	cats, err := fx.st.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i := range 12 {
		p := data.Participant{FirstName: "Personne", LastName: fmt.Sprintf("N%02d", i+1), Organisation: "Coopérative",
			CategoryID: cats[0].ID, Status: data.StatusConfirmed, Days: []data.Day{progDay1}}
		if err := fx.st.CreateParticipant(ctx, &p); err != nil {
			t.Fatal(err)
		}
		fx.people[p.LastName] = p
		names = append(names, p.LastName)
	}
	fx.enrol(t, "Atelier B", "Turing", "Lovelace") // its two places
	fx.enrol(t, "Atelier B", names[:11]...)        // n° 1 to 11 waiting
	s, e := newProgScreen(t, fx.st)
	e.win.Resize(fyne.NewSize(firstWindowSize.Width-214, firstWindowSize.Height-30))
	s.openSession(se.ID)
	waitIdle(t, e.tasks)
	p := s.page
	layOutAgain(e.win.Content())

	last := fx.people[names[11]]
	p.enrolNowAsync(data.ParticipantRow{ID: last.ID, FirstName: last.FirstName, LastName: last.LastName}, false)
	waitIdle(t, e.tasks)
	if len(p.waiting) != 12 {
		t.Fatalf("%d waiting, want 12", len(p.waiting))
	}
	if p.status.MinSize().Height <= p.status.Size().Height {
		t.Fatalf("the sentence %q holds on one line: the list does not get shorter", p.status.Text)
	}
	layOutAgain(e.win.Content()) // the sentence's second line makes the list shorter
	rows := waitingRows(p)
	shownTop := p.waitingList.GetScrollOffset()
	shownBottom := shownTop + p.waitingList.Size().Height
	var twelve *waitingRow
	for i, r := range rows {
		if r.number == "12." {
			twelve = &rows[i]
		}
		if r.nameX != rows[0].nameX {
			t.Errorf("n° %s: the name starts at %.0f, n° %s at %.0f", r.number, r.nameX, rows[0].number, rows[0].nameX)
		}
	}
	if twelve == nil || twelve.top >= shownBottom {
		t.Fatalf("n° 12 is not in view: rows %+v, shown %.0f–%.0f", rows, shownTop, shownBottom)
	}
	if twelve.bottom > shownBottom+0.5 {
		t.Errorf("n° 12 is cut: it ends at %.0f, the list shows down to %.0f", twelve.bottom, shownBottom)
	}
	// The numbers of one, two and four digits start the names in one place.
	for _, n := range []int{1, 10, 1000} {
		for i := range p.waiting {
			p.waiting[i].Position = n
		}
		p.waitingList.Refresh()
		if got := waitingRows(p); len(got) == 0 || got[0].nameX != rows[0].nameX {
			t.Errorf("with n° %d the names start elsewhere: %v", n, got)
		}
	}
}

// layOutAgain lays out the containers under o again, top down, as the
// window does when a text grew a line (a test canvas does not); a widget
// lays itself out when its size changes.
func layOutAgain(o fyne.CanvasObject) {
	if c, ok := o.(*fyne.Container); ok {
		c.Refresh()
		for _, x := range c.Objects {
			layOutAgain(x)
		}
	}
}
