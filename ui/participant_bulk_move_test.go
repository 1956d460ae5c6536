package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"congres/data"
)

// Enrolling a selection in a session asks about those who wait for
// another session at that time: move them there (they leave the list) or
// keep both; the result says it, and Enter closes it (issue 19).
func TestParticipantsBulkEnrolAsksToMove(t *testing.T) {
	for _, move := range []bool{true, false} {
		st, e, s := newParticipantsTest(t, 30)
		ctx := context.Background()
		sessions, err := st.Sessions(ctx)
		if err != nil || len(sessions) == 0 {
			t.Fatal(sessions, err)
		}
		day := sessions[0].Day
		room := data.Room{Name: "Salle Minuscule", Capacity: 1}
		if err := st.SaveRoom(ctx, &room); err != nil {
			t.Fatal(err)
		}
		full := data.Session{Kind: data.KindWorkshop, Title: "Complet", Day: day, Start: 21 * 60, End: 22 * 60, RoomID: room.ID}
		other := data.Session{Kind: data.KindWorkshop, Title: "Libre", Day: day, Start: 21 * 60, End: 22 * 60}
		for _, se := range []*data.Session{&full, &other} {
			if err := st.SaveSession(ctx, se); err != nil {
				t.Fatal(err)
			}
		}
		var people []int64 // seated, waiting, and one more
		for _, id := range s.table.rows.ids {
			if len(people) == 2 {
				people = append(people, id)
				break
			}
			if _, err := st.Enrol(ctx, id, full.ID); err == nil {
				people = append(people, id)
			}
		}
		ids := people[1:] // the one waiting for Complet, and one who is not

		s.bulk.onSessionChosen(ids, other)
		ask := ptTopDialog(t, e, "1 of them is on the waiting list of another session at the same time (21:00–22:00).")
		if move {
			ptTap(t, ask, "Move them there (leave the waiting list): 1")
		} else {
			ptTap(t, ask, "Enrol and keep their places on the lists")
		}
		want := "1 kept their place on a waiting list at that time."
		if move {
			want = "1 left a waiting list at that time."
		}
		ptTopDialog(t, e, want)
		list, err := st.SessionEnrolments(ctx, full.ID)
		if err != nil {
			t.Fatal(err)
		}
		stillWaiting := len(list) == 2
		if stillWaiting == move {
			t.Errorf("move %v: Complet has %d people (%v)", move, len(list), list)
		}
		if move && !strings.Contains(strings.Join(s.bulk.results.rows[0], " "), "left the waiting list of “Complet”") &&
			!strings.Contains(strings.Join(s.bulk.results.rows[1], " "), "left the waiting list of “Complet”") {
			t.Errorf("the results do not say who left: %v", s.bulk.results.rows)
		}
		// Enter closes the result, as Close does.
		e.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if top := e.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("move %v: Enter left the result open", move)
		}
	}
}
