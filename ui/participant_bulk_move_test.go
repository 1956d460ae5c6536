package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

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
			ptTap(t, ask, "Move the 1 person there (leaves the waiting list)")
		} else {
			ptTap(t, ask, "Enrol and keep the place on the list")
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

// TestBulkMoveThereSaysTheNumber (issue 19): the button that moves the
// people waiting elsewhere says how many in its sentence, singular or
// plural, in both languages; it ended in ": 1".
func TestBulkMoveThereSaysTheNumber(t *testing.T) {
	for _, tc := range []struct {
		language string
		n        int
		want     string
	}{
		{"en", 1, "Move the 1 person there (leaves the waiting list)"},
		{"en", 2, "Move the 2 people there (leave the waiting lists)"},
		{"fr", 1, "Y inscrire 1 personne (qui quitte la liste d'attente)"},
		{"fr", 2, "Y inscrire les 2 personnes (qui quittent les listes d'attente)"},
		// The other answer, for one person, is singular too (eye-13).
		{"en", 1, "Enrol and keep the place on the list"},
		{"fr", 1, "Inscrire et garder sa place sur la liste"},
		{"fr", 2, "Inscrire et garder leurs places sur les listes"},
	} {
		t.Run(fmt.Sprint(tc.language, tc.n, tc.want[:4]), func(t *testing.T) {
			if tc.language == "fr" {
				inFrench(t)
			}
			_, e, s := newParticipantsTest(t, 5)
			s.bulk.askMoveThere(tc.n, data.Session{Title: "Libre", Start: 21 * 60, End: 22 * 60}, func(bool) {})
			top := e.win.Canvas().Overlays().Top()
			var texts []string
			for _, b := range ptFind[*widget.Button](top) {
				texts = append(texts, b.Text)
			}
			if !slices.Contains(texts, tc.want) {
				t.Errorf("buttons %q, want %q", texts, tc.want)
			}
		})
	}
}

// TestBulkEnrolResultPlurals (eye-14): the result of enrolling one person
// says "1 inscrit·e, 0 en liste d'attente, 0 non inscrit·e", each count in
// its own plural, not "1 inscrit·es".
func TestBulkEnrolResultPlurals(t *testing.T) {
	for _, tc := range []struct {
		language, want string
	}{
		{"fr", "«Libre» : 1 inscrit·e, 0 en liste d'attente, 0 non inscrit·e."},
		{"en", "“Libre”: 1 enrolled, 0 on the waiting list, 0 not enrolled."},
	} {
		t.Run(tc.language, func(t *testing.T) {
			if tc.language == "fr" {
				inFrench(t)
			}
			st, e, s := newParticipantsTest(t, 5)
			ctx := context.Background()
			sessions, err := st.Sessions(ctx)
			if err != nil || len(sessions) == 0 {
				t.Fatal(sessions, err)
			}
			libre := data.Session{Kind: data.KindWorkshop, Title: "Libre", Day: sessions[0].Day, Start: 21 * 60, End: 22 * 60}
			if err := st.SaveSession(ctx, &libre); err != nil {
				t.Fatal(err)
			}
			s.bulk.onSessionChosen(s.table.rows.ids[:1], libre)
			ptTopDialog(t, e, tc.want)
		})
	}
}
