package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// ptPickWith picks a row as if clicked with these keys held.
func ptPickWith(s *participantsScreen, row int, mods fyne.KeyModifier) {
	s.table.table.modifiers = func() fyne.KeyModifier { return mods }
	s.table.table.Select(widget.TableCellID{Row: row, Col: pcolOrganisation})
	s.table.table.modifiers = func() fyne.KeyModifier { return 0 }
}

func TestParticipantsBulkStatus(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	ids := s.table.rows.ids
	before := map[int64]data.Status{}
	for _, id := range ids[:10] {
		p, _ := st.Participant(ctx, id)
		before[id] = p.Status
	}
	ptPickWith(s, 1, 0)
	ptPickWith(s, 4, fyne.KeyModifierShift)
	ptPickWith(s, 8, fyne.KeyModifierControl)
	ptPickWith(s, 3, fyne.KeyModifierControl) // taken out again
	waitIdle(t, e.tasks)
	want := []int64{ids[1], ids[2], ids[4], ids[8]}
	if got := s.bulk.ids(); !slices.Equal(got, want) {
		t.Fatalf("picked %v, want %v", got, want)
	}
	if s.bulk.label.Text != "4 selected" {
		t.Errorf("the bar says %q", s.bulk.label.Text)
	}
	ptTap(t, e.win.Content(), "Change status…")
	top := ptTopDialog(t, e, "Give 4 participants the status")
	ptFind[*widget.Select](top)[0].SetSelected("Cancelled")
	ptTap(t, top, "Apply")
	waitIdle(t, e.tasks)
	for i, id := range ids[:10] {
		p, err := st.Participant(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		picked := slices.Contains(want, id)
		if (picked && p.Status != data.StatusCancelled) || (!picked && p.Status != before[id]) {
			t.Errorf("row %d (picked %v) has the status %q, had %q", i, picked, p.Status, before[id])
		}
	}
	for _, id := range want {
		row := slices.Index(s.table.rows.ids, id)
		if line, _ := s.table.rows.row(row); line.cells[pcolStatus] != "Cancelled" {
			t.Errorf("row %d shows %q", row, line.cells[pcolStatus])
		}
	}
}

func TestParticipantsBulkCategory(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	cats, _ := st.Categories(ctx)
	for _, c := range ptFind[*rowCell](s.table.table) {
		if c.check.Visible() && (c.row == 0 || c.row == 2) {
			test.Tap(c.check)
		}
	}
	want := []int64{s.table.rows.ids[0], s.table.rows.ids[2]}
	if got := s.bulk.ids(); !slices.Equal(got, want) {
		t.Fatalf("ticked %v, want %v", got, want)
	}
	ptTap(t, e.win.Content(), "Change category…")
	top := ptTopDialog(t, e, "Put 2 participants in the category")
	ptFind[*widget.Select](top)[0].SetSelected(cats[5].Name)
	ptTap(t, top, "Apply")
	waitIdle(t, e.tasks)
	for _, id := range want {
		if p, _ := st.Participant(ctx, id); p.CategoryID != cats[5].ID {
			t.Errorf("participant %d is in category %d, want %d", id, p.CategoryID, cats[5].ID)
		}
	}
}

func TestParticipantsBulkEnrol(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	test.Type(s.search, "ma")
	waitIdle(t, e.tasks)
	var pickAll *widget.Check
	for _, h := range ptFind[*sortHeader](s.table.table) {
		if h.check.Visible() {
			pickAll = h.check
		}
	}
	test.Tap(pickAll)
	ids := s.bulk.ids()
	if len(ids) == 0 || !slices.Equal(ids, s.table.rows.ids) || !s.bulk.allPicked() {
		t.Fatalf("picking all picked %d of %d", len(ids), len(s.table.rows.ids))
	}
	sessions, _ := st.Sessions(ctx)
	var se data.Session
	for _, x := range sessions {
		if x.Kind == data.KindWorkshop {
			se = x
			break
		}
	}
	ptTap(t, e.win.Content(), "Enrol in a session…")
	top := ptTopDialog(t, e, "participants in:")
	ptFind[*widget.Select](top)[0].SetSelected(s.bulk.sessionText(se, nil))
	ptTap(t, top, "Apply")
	result := ptTopDialog(t, e, "on the waiting list")
	table := ptFind[*focusTable](result)[0]
	if rows, _ := table.Length(); rows != len(ids) {
		t.Errorf("the result lists %d people, want %d", rows, len(ids))
	}
	said := map[int64]string{}
	for i, id := range s.bulk.resultIDs {
		said[id] = s.bulk.results.rows[i][1]
	}
	if len(said) != len(ids) {
		t.Fatalf("results for %d people, want %d", len(said), len(ids))
	}
	for _, id := range ids {
		enrolments, _ := st.ParticipantEnrolments(ctx, id)
		in := slices.ContainsFunc(enrolments, func(en data.Enrolment) bool {
			return en.SessionID == se.ID && en.Status != data.Withdrawn
		})
		if in != (said[id] == "Enrolled" || said[id] == "On the waiting list") {
			t.Errorf("participant %d: down for %q %v, but the result says %q", id, se.Title, in, said[id])
		}
	}
	ptTap(t, result, "Close")
}

// ptDump is every field of some participants, as the store has them.
func ptDump(t *testing.T, st *data.Store, ids ...int64) string {
	t.Helper()
	var b strings.Builder
	for _, id := range ids {
		p, err := st.Participant(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		en, _ := st.ParticipantEnrolments(context.Background(), id)
		fmt.Fprintf(&b, "%+v %+v\n", p, en)
	}
	return b.String()
}

// TestParticipantsSelectionFollowsNew: select a participant, create a new
// one (Ctrl+N, save): the list ticks, the detail shows and "Change status…"
// changes the new one, never the old one; Undo (the button, then Ctrl+Z)
// restores exactly the previous values, and the file logs each change.
func TestParticipantsSelectionFollowsNew(t *testing.T) {
	u := newTestUI(t)
	path := demoFile(t, 40)
	u.openAsync(path)
	waitIdle(t, &u.tasks)
	st := u.session().store.(*data.Store)
	ctx := context.Background()
	u.view.show(participantsPage)
	waitIdle(t, &u.tasks)
	s := u.view.pages[participantsPage].screen.(*participantsScreen)
	e := s.env
	u.win.Resize(fyne.NewSize(1180, 800))

	old := s.table.rows.ids[2]
	s.table.table.Select(widget.TableCellID{Row: 2, Col: pcolName})
	waitIdle(t, e.tasks)
	if !slices.Equal(s.bulk.ids(), []int64{old}) || s.detail.id != old {
		t.Fatalf("picked %v, detail of %d, want %d", s.bulk.ids(), s.detail.id, old)
	}
	oldBefore := ptDump(t, st, old)

	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(shortcutNewParticipant)
	top := ptTopDialog(t, e, "First name")
	f := s.form
	test.Type(f.firstName, "Zoé")
	test.Type(f.lastName, "Quintard")
	f.status.SetSelected("Confirmed")
	ptTap(t, top, "Save")
	waitIdle(t, e.tasks)
	ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "quintard"})
	if len(ids) != 1 {
		t.Fatalf("%d Quintard saved", len(ids))
	}
	created := ids[0]
	if got := s.bulk.ids(); !slices.Equal(got, []int64{created}) || s.detail.id != created ||
		s.detail.name.Text != "Zoé Quintard" || !s.bulk.isPicked(created) || s.bulk.isPicked(old) {
		t.Fatalf("after saving: picked %v, detail of %d (%q); want the new one, %d", got, s.detail.id, s.detail.name.Text, created)
	}
	if s.bulk.label.Text != "1 selected" {
		t.Errorf("the bar says %q", s.bulk.label.Text)
	}
	newBefore := ptDump(t, st, created)

	ptTap(t, e.win.Content(), "Change status…")
	top = ptTopDialog(t, e, "Give 1 participant the status")
	ptFind[*widget.Select](top)[0].SetSelected("Cancelled")
	ptTap(t, top, "Apply")
	waitIdle(t, e.tasks)
	if p, _ := st.Participant(ctx, created); p.Status != data.StatusCancelled {
		t.Fatalf("the new participant is %q, want cancelled", p.Status)
	}
	if ptDump(t, st, old) != oldBefore {
		t.Fatal("the participant selected before was changed")
	}
	if !strings.Contains(s.bulk.feedback.Text, "Cancelled") || !s.bulk.undo.Visible() {
		t.Fatalf("no Undo offered: %q", s.bulk.feedback.Text)
	}
	if s.bulk.undo.Size().Width == 0 || s.bulk.undo.Position().X <= s.bulk.enrol.Position().X {
		t.Fatalf("Undo is not laid out after the buttons: at %v, size %v", s.bulk.undo.Position(), s.bulk.undo.Size())
	}
	if shown := shownText(s.bulk.feedback); shown != s.bulk.feedback.Text {
		t.Fatalf("the feedback shows %q of %q", shown, s.bulk.feedback.Text)
	}
	log, err := st.BulkChanges(ctx, 0)
	if err != nil || len(log) != 1 || log[0].Kind != data.BulkStatus || log[0].People != 1 || log[0].By == "" {
		t.Fatalf("the log: %+v %v", log, err)
	}

	test.Tap(s.bulk.undo)
	waitIdle(t, e.tasks)
	if got := ptDump(t, st, created); got != newBefore {
		t.Fatalf("undo did not restore the previous values:\nbefore %s\nnow    %s", newBefore, got)
	}
	if s.bulk.undo.Visible() {
		t.Error("Undo is still offered: a change is undone once")
	}

	// Ctrl+Z, with two picked: a category.
	cats, _ := st.Categories(ctx)
	ptPickWith(s, slices.Index(s.table.rows.ids, old), fyne.KeyModifierControl)
	waitIdle(t, e.tasks)
	picked := s.bulk.ids()
	if len(picked) != 2 || s.detail.id != old {
		t.Fatalf("picked %v, detail of %d", picked, s.detail.id)
	}
	before := ptDump(t, st, picked...)
	ptTap(t, e.win.Content(), "Change category…")
	top = ptTopDialog(t, e, "Put 2 participants in the category")
	ptFind[*widget.Select](top)[0].SetSelected(cats[4].Name)
	ptTap(t, top, "Apply")
	waitIdle(t, e.tasks)
	if p, _ := st.Participant(ctx, old); p.CategoryID != cats[4].ID {
		t.Fatal("the category was not changed")
	}
	u.win.Canvas().Unfocus()
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	waitIdle(t, e.tasks)
	if got := ptDump(t, st, picked...); got != before {
		t.Fatalf("Ctrl+Z did not restore the previous values:\nbefore %s\nnow    %s", before, got)
	}
	log, _ = st.BulkChanges(ctx, 0)
	if len(log) != 2 || !log[0].Undone() || !log[1].Undone() || log[0].Kind != data.BulkCategory {
		t.Fatalf("the log: %+v", log)
	}
}

// TestParticipantsSelectionAgrees: the detail shows one of those picked,
// whatever took the others out (the tick boxes, the clear button).
func TestParticipantsSelectionAgrees(t *testing.T) {
	_, e, s := newParticipantsTest(t, 30)
	ids := s.table.rows.ids
	ptPickWith(s, 1, 0)
	ptPickWith(s, 5, fyne.KeyModifierControl)
	waitIdle(t, e.tasks)
	if s.detail.id != ids[5] {
		t.Fatalf("detail of %d, want the last picked %d", s.detail.id, ids[5])
	}
	s.bulk.onRowChecked(5, false) // its tick box cleared
	waitIdle(t, e.tasks)
	if s.detail.id != ids[1] || !slices.Equal(s.bulk.ids(), []int64{ids[1]}) {
		t.Fatalf("detail of %d, picked %v", s.detail.id, s.bulk.ids())
	}
	s.bulk.onPickAll(false)
	waitIdle(t, e.tasks)
	if s.detail.id != 0 || s.detail.content.Visible() {
		t.Fatalf("nobody picked, the detail shows %d", s.detail.id)
	}
}

// shownText is what a label shows on screen, its wrapped lines joined by a
// space: its whole text unless it is cut.
func shownText(l *widget.Label) string {
	if !l.Visible() {
		return ""
	}
	var lines []string
	for _, o := range test.LaidOutObjects(l) {
		if t, ok := o.(*canvas.Text); ok && t.Visible() && t.Text != "" {
			lines = append(lines, t.Text)
		}
	}
	return strings.Join(lines, " ")
}

// TestBulkEnrolOffersADayThePersonComes (issue 19): "Enrol in a session…"
// offers first a session on a day the people picked come, none when they
// come on no day with a session; it offered the first session of all (a
// plenary on 25/11 for a person who comes on 26/11 only).
func TestBulkEnrolOffersADayThePersonComes(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			if language == "fr" {
				inFrench(t)
			}
			st, e, s := newParticipantsTest(t, 20)
			ctx := context.Background()
			sessions, err := st.Sessions(ctx)
			if err != nil || len(sessions) == 0 {
				t.Fatal(sessions, err)
			}
			last := sessions[len(sessions)-1].Day
			if last == sessions[0].Day {
				t.Fatal("the demo's sessions are on one day")
			}
			id := s.table.rows.ids[0]
			p, err := st.Participant(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			offered := func(days ...data.Day) string {
				t.Helper()
				p.Days = days
				if err := st.UpdateParticipant(ctx, &p); err != nil {
					t.Fatal(err)
				}
				s.bulk.current = id
				s.bulk.onEnrolTapped()
				var sel *widget.Select
				waitFor(t, "the sessions to choose from", e.tasks, func() bool {
					if top := e.win.Canvas().Overlays().Top(); top != nil {
						if found := ptFind[*widget.Select](top); len(found) > 0 {
							sel = found[0]
						}
					}
					return sel != nil
				})
				e.win.Canvas().Overlays().Top().Hide()
				e.win.Canvas().Overlays().Remove(e.win.Canvas().Overlays().Top())
				if sel.SelectedIndex() < 0 {
					return ""
				}
				return string(sessions[sel.SelectedIndex()].Day)
			}
			if got := offered(last); got != string(last) {
				t.Errorf("a person who comes on %s only is offered a session on %q", last, got)
			}
			c, err := st.Congress(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var noSession data.Day
			for _, d := range c.Days {
				if !slices.ContainsFunc(sessions, func(se data.Session) bool { return se.Day == d }) {
					noSession = d
				}
			}
			if noSession != "" {
				if got := offered(noSession); got != "" {
					t.Errorf("a person who comes on %s (no session) is offered a session on %s", noSession, got)
				}
			}
		})
	}
}
