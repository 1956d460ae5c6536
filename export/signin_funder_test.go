package export

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"congres/data"
)

// The sign-in sheets a funder accepts (France's OPCO, regions, State): per
// half-day, the speakers named with a box to sign, the number of people
// expected and present, the place, the date, the time slot and the page.

// daySheet is a whole day's sheet of n people, its half-days as the demo
// has them.
func daySheet(n int) SignInSheet {
	return SignInSheet{Day: "2021-11-25", People: testPeople(n, 9),
		Morning: TimeSlot{9*60 + 30, 12*60 + 30}, Afternoon: TimeSlot{14 * 60, 17*60 + 30}}
}

// TestSignInHalfDayColumns: a day's sheet has a signature column for the
// morning and one for the afternoon, each headed with its time slot, and
// boxes for the number present each half-day; in English too.
func TestSignInHalfDayColumns(t *testing.T) {
	c := testCongress
	c.Venue = "Lille Grand Palais"
	in := SignInInput{Congress: c, Sheets: []SignInSheet{daySheet(30)}}
	for lang, wants := range map[string][]string{
		"fr": {"Feuille d'émargement — jeudi 25 novembre 2021", "Signature — matin", "Signature — après-midi",
			"9 h 30 – 12 h 30", "14 h 00 – 17 h 30", "Matin 9 h 30 – 12 h 30 · Après-midi 14 h 00 – 17 h 30 · Lille Grand Palais, Lille · 30 personnes attendues"},
		"en": {"Sign-in sheet — Thursday 25 November 2021", "Signature — morning", "Signature — afternoon",
			"09:30–12:30", "14:00–17:30", "Morning 09:30–12:30 · Afternoon 14:00–17:30 · Lille Grand Palais, Lille · 30 people expected"},
	} {
		pages := pageTexts(t, writeFile(t, writeSignIn(t, in, SignInOptions{Lang: lang}), lang+".pdf"))
		if len(pages) != 2 {
			t.Fatalf("%s: %d pages, want 2", lang, len(pages))
		}
		for i, p := range pages {
			for _, w := range wants {
				if !strings.Contains(p, w) {
					t.Errorf("%s page %d: %q missing:\n%s", lang, i+1, w, p)
				}
			}
		}
		closing := map[string][]string{"fr": {"Présents le matin", "Présents l'après-midi"}, "en": {"Present in the morning", "Present in the afternoon"}}[lang]
		for _, w := range closing {
			if !strings.Contains(pages[1], w) || strings.Contains(pages[0], w) {
				t.Errorf("%s: %q is not on the last page alone", lang, w)
			}
		}
	}
	// Laid out: two signature columns of at least 30 mm, lines of 10 mm.
	d := newSignInDesign(c, nil, "fr")
	p := d.plan(&in.Sheets[0], 0, SignInOptions{})
	if n := len(p.cols); n != 6 || p.cols[4].w < 30 || p.cols[5].w < 30 {
		t.Errorf("columns %+v, want two signature columns of 30 mm or more", p.cols)
	}
}

// TestSignInHalfDaySheets: chosen so, a day's sheet is printed as two
// sheets, the morning's and the afternoon's, each listing everyone with
// one signature column, its own time slot and its own page numbers.
func TestSignInHalfDaySheets(t *testing.T) {
	in := SignInInput{Congress: testCongress, Sheets: []SignInSheet{daySheet(3)}}
	pages := pageTexts(t, writeFile(t, writeSignIn(t, in, SignInOptions{HalfDays: HalfDaySheets}), "s.pdf"))
	if len(pages) != 2 {
		t.Fatalf("%d pages, want one sheet a half-day", len(pages))
	}
	for i, w := range []struct{ title, slot, other string }{
		{"jeudi 25 novembre 2021 — matin", "Matin 9 h 30 – 12 h 30", "14 h 00"},
		{"jeudi 25 novembre 2021 — après-midi", "Après-midi 14 h 00 – 17 h 30", "12 h 30"},
	} {
		p := pages[i]
		for _, s := range []string{w.title, w.slot, "Page 1/1", "Présents", "Attendus", "3 personnes attendues"} {
			if !strings.Contains(p, s) {
				t.Errorf("sheet %d: %q missing:\n%s", i+1, s, p)
			}
		}
		if strings.Contains(p, w.other) || strings.Contains(p, "Présents le matin") {
			t.Errorf("sheet %d shows the other half-day:\n%s", i+1, p)
		}
		if _, rows := tableLines(p); len(rows) != 13 { // 3 names, 10 blank lines
			t.Errorf("sheet %d: %d lines, want 13", i+1, len(rows))
		}
	}
	// Without a programme that afternoon, the half-day is named alone.
	sh := daySheet(3)
	sh.Afternoon = TimeSlot{}
	in.Sheets[0] = sh
	text := run(t, "pdftotext", "-layout", writeFile(t, writeSignIn(t, in, SignInOptions{HalfDays: HalfDaySheets, Lang: "en"}), "e.pdf"), "-")
	if !strings.Contains(text, "Thursday 25 November 2021 — afternoon") || !strings.Contains(text, "Afternoon · ") {
		t.Errorf("an afternoon without a session:\n%s", text)
	}
}

// TestSignInSpeakers: a session's sheet names its speakers and
// facilitators on its first page, each with an empty box to sign at least
// 10 mm high; the other pages do not repeat them.
func TestSignInSpeakers(t *testing.T) {
	sh := SignInSheet{Session: testSession(1, "Atelier des intervenants"), People: testPeople(40, 3), Speakers: []SignInSpeaker{
		{FirstName: "Chloé", LastName: "Haddad", Organisation: "La Conciergerie Solidaire"},
		{FirstName: "Gérard", LastName: "Théodore", Organisation: "Régie de Quartier Fives"},
		{FirstName: "Léa", LastName: "Dupont", Organisation: "Les Fourmis Vertes", Facilitator: true},
	}}
	in := SignInInput{Congress: testCongress, Sheets: []SignInSheet{sh}}
	pages := pageTexts(t, writeFile(t, writeSignIn(t, in, SignInOptions{}), "s.pdf"))
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for _, w := range []string{"Intervenant·es et animateur·rices", "Intervenant·e", "Chloé Haddad", "La Conciergerie Solidaire",
		"Gérard Théodore", "Animateur·rice", "Léa Dupont", "Les Fourmis Vertes"} {
		if !strings.Contains(pages[0], w) {
			t.Errorf("first page: %q missing:\n%s", w, pages[0])
		}
		if strings.Contains(pages[1], w) {
			t.Errorf("second page repeats %q", w)
		}
	}
	d := newSignInDesign(testCongress, nil, "fr")
	p := d.plan(&in.Sheets[0], 0, SignInOptions{})
	pg := d.page(&p, 0)
	checkPage(t, pg, signInMargin, fieldTableHead, fieldRowNumber, fieldRowLast, fieldRowFirst, fieldRowOrg, fieldSpeakerName, fieldSpeakerRole, fieldSpeakerOrg)
	for _, name := range []string{"Chloé Haddad", "Gérard Théodore", "Léa Dupont"} {
		var row Box
		for _, tx := range pg.texts {
			if tx.field == fieldSpeakerName && lineText(tx.fit.Lines[0]) == name {
				row = tx.box
			}
		}
		if row.H == 0 {
			t.Fatalf("%s is not laid out", name)
		}
		// Their box to sign: the cell right of the organisation on their
		// line, wide, high and empty.
		var sign Box
		for _, c := range pg.cells {
			if c.Y <= row.Y && c.Bottom() >= row.Bottom() && c.X > row.Right()+30 && c.W > sign.W {
				sign = c
			}
		}
		if sign.W < 40 || sign.H < 10 {
			t.Errorf("%s: box to sign %+v, want at least 40 × 10 mm", name, sign)
		}
		for _, tx := range pg.texts {
			if tx.box.Overlaps(sign) {
				t.Errorf("%s: the box to sign holds %q", name, lineText(tx.fit.Lines[0]))
			}
		}
	}
}

// TestSignInEveryPageSays: every page of a session's sheet says the place
// (room, venue, city), the date, the time slot and its page number; the
// last one ends with the number expected, printed, and boxes for the
// number present and the signature of the person in charge.
func TestSignInEveryPageSays(t *testing.T) {
	c := testCongress
	c.Venue = "Lille Grand Palais"
	people := testPeople(45, 4)
	people[2].Enrolled = false
	in := SignInInput{Congress: c, Sheets: []SignInSheet{{Session: testSession(1, "Atelier"), People: people}}}
	pages := pageTexts(t, writeFile(t, writeSignIn(t, in, SignInOptions{}), "s.pdf"))
	for i, p := range pages {
		for _, w := range []string{"Salle 3, Lille Grand Palais, Lille", "jeudi 25 novembre 2021", "14 h 00 – 15 h 30",
			"44 inscrits · 1 sur place", fmt.Sprintf("Page %d/%d", i+1, len(pages))} {
			if !strings.Contains(p, w) {
				t.Errorf("page %d: %q missing:\n%s", i+1, w, p)
			}
		}
		last := i == len(pages)-1
		for _, w := range []string{"Attendus", "Présents", "Nom et signature du ou de la responsable"} {
			if strings.Contains(p, w) != last {
				t.Errorf("page %d of %d: %q there: %v", i+1, len(pages), w, !last)
			}
		}
	}
	lastPage := pages[len(pages)-1]
	if i := strings.Index(lastPage, "Attendus"); i < 0 || !strings.Contains(lastPage[i:], "44") {
		t.Errorf("the number expected (44) is not printed:\n%s", lastPage)
	}
}

// TestSignInBlankLinesNeverAlone prints sheets of 0 to 70 people, with and
// without speakers, blank lines and filled pages: no page holds blank
// lines alone unless the sheet has nobody, the last page has the closing
// boxes, every person is on the sheet once, and no line runs into the
// boxes or the footer.
func TestSignInBlankLinesNeverAlone(t *testing.T) {
	d := newSignInDesign(testCongress, nil, "fr")
	speakers := []SignInSpeaker{{FirstName: "Chloé", LastName: "Haddad"}, {FirstName: "Léa", LastName: "Dupont", Facilitator: true}}
	for n := 0; n <= 70; n++ {
		for _, blanks := range []int{-1, 0, 5, 25} {
			for _, fill := range []bool{false, true} {
				for _, sp := range [][]SignInSpeaker{nil, speakers} {
					for _, day := range []bool{false, true} {
						sh := SignInSheet{Session: testSession(1, "A"), People: testPeople(n, 1), Speakers: sp}
						if day {
							sh = daySheet(n)
						}
						p := d.plan(&sh, 0, SignInOptions{BlankLines: blanks, FillPage: fill})
						name := fmt.Sprintf("%d people, blanks %d, fill %v, %d speakers, day %v", n, blanks, fill, len(sp), day)
						checkSignInPlan(t, d, &p, n, name)
					}
				}
			}
		}
	}
}

func checkSignInPlan(t *testing.T, d *signInDesign, p *signInPlan, n int, name string) {
	t.Helper()
	seen := 0
	for k := range p.pageRows {
		pg := d.page(p, k)
		names, rows, closing := 0, 0, false
		for _, tx := range pg.texts {
			switch tx.field {
			case fieldRowLast:
				names++
			case fieldRowNumber:
				rows++
			case fieldClosingLabel:
				closing = true
			}
		}
		seen += names
		last := k == len(p.pageRows)-1
		if names == 0 && n > 0 {
			t.Errorf("%s: page %d of %d has no name (%d blank lines)", name, k+1, len(p.pageRows), rows)
		}
		if closing != last {
			t.Errorf("%s: page %d of %d: closing boxes %v", name, k+1, len(p.pageRows), closing)
		}
		for _, r := range pg.rules {
			if r.line.Y2 > d.footerBox().Y-1 {
				t.Errorf("%s: page %d: a rule reaches %.1f, the footer is at %.1f", name, k+1, r.line.Y2, d.footerBox().Y)
			}
		}
	}
	if seen != n {
		t.Errorf("%s: %d names printed", name, seen)
	}
}

// checkSpeakersLoaded compares the speakers loaded for a session's sheet
// with its programme: speakers then facilitators, named as in the store.
func checkSpeakersLoaded(t *testing.T, st interface {
	Participant(ctx context.Context, id int64) (data.Participant, error)
}, se data.Session, got []SignInSpeaker) {
	t.Helper()
	ids := append(append([]int64(nil), se.Speakers...), se.Facilitators...)
	if len(got) != len(ids) {
		t.Fatalf("%s: %d speakers loaded, the programme has %d", se.Title, len(got), len(ids))
	}
	for i, id := range ids {
		p, err := st.Participant(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if got[i].LastName != p.LastName || got[i].FirstName != p.FirstName || got[i].Facilitator != (i >= len(se.Speakers)) {
			t.Errorf("%s: speaker %d is %+v, want %s %s", se.Title, i, got[i], p.FirstName, p.LastName)
		}
	}
}
