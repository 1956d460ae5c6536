package export

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"congres/data"
	"congres/data/stores"
)

// TestWorkbookFromStore writes the attendance workbook of a demo congress,
// with check-ins at a workshop door, and reads it back: the sheets are there,
// and every count equals the store's.
func TestWorkbookFromStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.congres")
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: 300}); err != nil {
		t.Fatal(err)
	}
	st, err := stores.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sessions, _ := st.Sessions(ctx)
	var workshop data.Session
	for _, s := range sessions {
		if s.Kind == data.KindWorkshop && s.Enrolled > 2 {
			workshop = s
			break
		}
	}
	all0, _ := st.SessionEnrolments(ctx, workshop.ID)
	var enrolled []data.Enrolment // with a place, not on the waiting list
	for _, e := range all0 {
		if e.Status == data.Enrolled {
			enrolled = append(enrolled, e)
		}
	}
	var entered int
	for _, e := range enrolled[:2] { // two of the enrolled come in…
		if _, err := st.CheckIn(ctx, e.ParticipantID, workshop.Day, workshop.ID, "Porte"); err != nil {
			t.Fatal(err)
		}
		entered++
	}
	all, _ := st.ParticipantIDs(ctx, data.ParticipantQuery{})
	var walkIn int64 // …and one who was not enrolled
	for _, id := range all {
		if !slicesContains(enrolled, id) {
			walkIn = id
			break
		}
	}
	if _, err := st.CheckIn(ctx, walkIn, workshop.Day, workshop.ID, "Porte"); err != nil {
		t.Fatal(err)
	}

	in, err := LoadAttendance(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := wbWrite(t, in, WorkbookOptions{Lang: "fr"})
	sheets := f.GetSheetList()
	if sheets[0] != "Synthèse" || sheets[1] != "Participants" {
		t.Errorf("sheets %q", sheets)
	}
	var want int
	for _, s := range sessions {
		if s.Kind == data.KindPlenary || s.Kind == data.KindWorkshop {
			want++
		}
	}
	if got := len(sheets) - 4; got != want { // summary, participants, stands, catering
		t.Errorf("%d session sheets, want %d", got, want)
	}

	// Participants: one row per person in the store, under the header.
	if rows := wbRows(t, f, "Participants"); len(rows)-1 != len(all) {
		t.Errorf("%d participant rows, the store has %d", len(rows)-1, len(all))
	}

	// Summary: the totals by category are the store's.
	stats, _ := st.Stats(ctx)
	var registered, checkedIn int
	for _, c := range stats.ByCategory {
		registered += c.Registered
		checkedIn += c.CheckedIn
	}
	found := false
	for _, r := range wbRows(t, f, "Synthèse") {
		if len(r) > 4 && r[0] == "Total" {
			found = true
			if r[1] != strconv.Itoa(stats.Registered-stats.Cancelled) && r[1] != strconv.Itoa(registered) {
				t.Errorf("total registered %s, the store has %d", r[1], registered)
			}
			if r[4] != strconv.Itoa(checkedIn) {
				t.Errorf("total checked in %s, the store has %d", r[4], checkedIn)
			}
			break
		}
	}
	if !found {
		t.Error("no Total row in the summary")
	}

	// The workshop's sheet: its enrolled people plus the walk-in, those
	// who came marked.
	var sheet string
	for _, s := range sheets {
		if len(workshop.Title) > 10 && len(s) > 10 && s[:10] == workshop.Title[:10] {
			sheet = s
		}
	}
	if sheet == "" {
		t.Fatalf("no sheet for %q in %q", workshop.Title, sheets)
	}
	header, people := wbSessionTable(t, f, sheet) // under the title, the session's details and speakers
	rows := append([][]string{header}, people...)
	if len(rows)-1 != workshop.Enrolled+1 {
		t.Errorf("%s: %d rows, want %d enrolled + 1 walk-in", sheet, len(rows)-1, workshop.Enrolled)
	}
	attended := wbColumn(t, header, "Présent·e")
	col := int(attended[0] - 'A')
	var yes int
	for _, r := range rows[1:] {
		if col < len(r) && r[col] == "Oui" {
			yes++
		}
	}
	if yes != entered+1 {
		t.Errorf("%d marked present, want %d", yes, entered+1)
	}

	// A plenary nobody enrols in lists the people the PDF sign-in sheet
	// lists: everyone expected that day.
	for i, ss := range in.Sessions {
		if ss.Session.Kind != data.KindPlenary {
			continue
		}
		pdf, err := LoadSignIn(ctx, st, SignInSelection{SessionID: ss.Session.ID})
		if err != nil {
			t.Fatal(err)
		}
		people := pdf.Sheets[0].People
		if !pdf.Sheets[0].Expected || len(people) < 100 {
			t.Fatalf("the demo's plenary %q: %d people on the PDF sheet (expected: %v)", ss.Session.Title, len(people), pdf.Sheets[0].Expected)
		}
		header, rows := wbSessionTable(t, f, sheets[2+i])
		if len(rows) != len(people) || header[4] != "Attendu·e" {
			t.Errorf("%s: %d people under %q, the PDF lists %d", sheets[2+i], len(rows), header, len(people))
		}
		for j, a := range people {
			if r := rows[j]; r[0] != a.LastName || r[1] != a.FirstName {
				t.Errorf("%s row %d: %q, the PDF has %s %s", sheets[2+i], 4+j, r, a.LastName, a.FirstName)
				break
			}
		}
		break
	}
}

func slicesContains(es []data.Enrolment, id int64) bool {
	for _, e := range es {
		if e.ParticipantID == id {
			return true
		}
	}
	return false
}
