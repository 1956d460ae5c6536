package export

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores"
)

// TestCertificateWholeDays: someone who came for whole days, without a
// session scanned (as most of the demo's people), gets each day's hours
// from the programme and their total; a day without a programme has no
// hours to count.
func TestCertificateWholeDays(t *testing.T) {
	r := testCertificates(1)[0]
	r.Sessions = nil
	r.Days = []data.Day{"2021-11-25", "2021-11-26", "2021-11-27"}
	for lang, wants := range map[string][]string{
		"fr": {"Jours de présence", "jeudi 25 novembre 2021 9 h 00 – 12 h 30 et 14 h 00 – 17 h 30 7 h",
			"vendredi 26 novembre 2021 9 h 00 – 12 h 30 et 14 h 00 – 17 h 00 6 h 30", "samedi 27 novembre 2021 — —",
			"Durée totale de présence 13 h 30"},
		"en": {"Days attended", "Thursday 25 November 2021 09:00–12:30 and 14:00–17:30 7 h",
			"Friday 26 November 2021 09:00–12:30 and 14:00–17:00 6 h 30 min", "Total attendance 13 h 30 min"},
	} {
		pdf := writeCertificates(t, CertificateInput{Congress: certCongress(), People: []data.CertificateRow{r}, Programme: testProgramme},
			CertificateOptions{Lang: lang})
		text := comparable(run(t, "pdftotext", "-layout", writeFile(t, pdf, lang+".pdf"), "-"))
		for _, w := range wants {
			if !strings.Contains(noSpace(text), noSpace(w)) { // pdftotext may drop a space: "7h"
				t.Errorf("%s: %q missing:\n%s", lang, w, text)
			}
		}
		if strings.Contains(text, "Sessions") {
			t.Errorf("%s: a table of sessions for nobody's sessions", lang)
		}
	}
	// A congress with no programme has no hours to add up: the total says
	// "—", not "0 min".
	for lang, want := range map[string]string{"fr": "Durée totale de présence —", "en": "Total attendance —"} {
		pdf := writeCertificates(t, CertificateInput{Congress: certCongress(), People: []data.CertificateRow{r}},
			CertificateOptions{Lang: lang})
		text := comparable(run(t, "pdftotext", "-layout", writeFile(t, pdf, lang+"-none.pdf"), "-"))
		if !strings.Contains(noSpace(text), noSpace(want)) || strings.Contains(text, "0 min") {
			t.Errorf("%s, no programme: want %q, not 0 min:\n%s", lang, want, text)
		}
	}
	// A morning alone counts the morning.
	if m := (DaySlots{Morning: TimeSlot{9 * 60, 12 * 60}}).Minutes(); m != 180 {
		t.Errorf("a morning of 3 h counts %d min", m)
	}
}

// noSpace is s without its spaces, for comparing with pdftotext's text.
func noSpace(s string) string { return strings.Join(strings.Fields(comparable(s)), "") }

// TestProgrammeDays: a day's hours run from its first session to the last
// of the morning (sessions starting before 13:00), and likewise in the
// afternoon, the lunch break left out.
func TestProgrammeDays(t *testing.T) {
	se := func(day data.Day, start, end data.Clock) data.Session {
		return data.Session{Day: day, Start: start, End: end}
	}
	got := ProgrammeDays([]data.Session{
		se("2021-11-25", 11*60+15, 12*60+30), se("2021-11-25", 9*60+30, 11*60), se("2021-11-25", 14*60, 15*60+30),
		se("2021-11-25", 16*60, 17*60+30), se("2021-11-25", 16*60, 17*60+30), se("2021-11-26", 9*60, 10*60+30),
	})
	want := map[data.Day]DaySlots{
		"2021-11-25": {TimeSlot{9*60 + 30, 12*60 + 30}, TimeSlot{14 * 60, 17*60 + 30}},
		"2021-11-26": {Morning: TimeSlot{9 * 60, 10*60 + 30}},
	}
	if len(got) != len(want) || got["2021-11-25"] != want["2021-11-25"] || got["2021-11-26"] != want["2021-11-26"] {
		t.Errorf("got %v, want %v", got, want)
	}
	if m := got["2021-11-25"].Minutes(); m != 6*60+30 {
		t.Errorf("the first day counts %d min, want 6 h 30", m)
	}
}

// TestCertificateNoSignatory: without a signatory or a signature image
// (the demo has neither), printing warns, and each certificate keeps room
// to sign by hand above a line, with what to write under it.
func TestCertificateNoSignatory(t *testing.T) {
	c := testCongress
	ws := CertificateWarnings(c)
	if len(ws) != 2 || !errors.Is(ws[0], WarnNoSignatory) || !errors.Is(ws[1], WarnNoSignatureImage) {
		t.Fatalf("warnings %v", ws)
	}
	for _, w := range ws {
		if !strings.Contains(w.Message("fr"), "Paramètres → Congrès") || !strings.Contains(w.Message("en"), "Settings → Congress") {
			t.Errorf("%q does not say where to set it", w.Message("en"))
		}
	}
	if ws := CertificateWarnings(certCongress()); len(ws) != 0 {
		t.Errorf("a signed congress warns: %v", ws)
	}

	d := newCertDesign(c, nil, nil, CertificateOptions{Lang: "fr"})
	pg := d.pages(&testCertificates(1)[0])[0]
	checkPage(t, pg, certMargin, fieldTableHead, fieldCertCell, fieldCertTotal)
	var line *placedRule
	for i, r := range pg.rules {
		if r.line.Y1 == r.line.Y2 && r.line.Y1 > d.sigTop() && r.line.X2-r.line.X1 >= 60 {
			line = &pg.rules[i]
		}
	}
	if line == nil {
		t.Fatal("no line to sign on")
	}
	// Room to sign: 20 mm above the line, from the place and date down,
	// with nothing in it.
	room := Box{line.line.X1, line.line.Y1 - 20, line.line.X2 - line.line.X1, 20}
	under := ""
	for _, tx := range pg.texts {
		if tx.box.Overlaps(room) {
			t.Errorf("%s is in the room to sign", tx.field)
		}
		if tx.field == fieldCertSignatory && tx.box.Y >= line.line.Y1 {
			under = lineText(tx.fit.Lines[0])
		}
	}
	if under != "Nom, qualité et signature" {
		t.Errorf("under the line: %q", under)
	}
	pdf := writeCertificates(t, CertificateInput{Congress: c, People: testCertificates(1)}, CertificateOptions{Lang: "en"})
	if text := run(t, "pdftotext", writeFile(t, pdf, "c.pdf"), "-"); !strings.Contains(text, "Name, role and signature") {
		t.Errorf("the PDF has no line to sign:\n%s", text)
	}
	// A signatory without an image: their name under the line, room above.
	c.Signatory = "Marie Dupont, présidente"
	d = newCertDesign(c, nil, nil, CertificateOptions{Lang: "fr"})
	pg = d.pages(&testCertificates(1)[0])[0]
	for _, tx := range pg.texts {
		if tx.field == fieldCertSignatory && lineText(tx.fit.Lines[0]) != "Marie Dupont, présidente" {
			t.Errorf("under the line: %q", lineText(tx.fit.Lines[0]))
		}
	}
}

// TestCertificatesProgrammeFromStore: certificates loaded from the demo
// congress count each day the person came by the day's programme.
func TestCertificatesProgrammeFromStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.congres")
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: 60}); err != nil {
		t.Fatal(err)
	}
	st, err := stores.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in, err := LoadCertificates(ctx, st, nil)
	if err != nil || len(in.People) == 0 {
		t.Fatalf("%d certificates, %v", len(in.People), err)
	}
	// The demo's first day: plenaries from 9:30 to 12:30, workshops from
	// 14:00 to 17:30.
	if got := in.Programme["2021-11-25"]; got.Minutes() != 6*60+30 {
		t.Errorf("the first day: %+v, want 6 h 30", got)
	}
	pdf := writeCertificates(t, CertificateInput{Congress: in.Congress, People: in.People[:1], Programme: in.Programme}, CertificateOptions{})
	if text := run(t, "pdftotext", "-layout", writeFile(t, pdf, "c.pdf"), "-"); !strings.Contains(noSpace(text), noSpace("Durée totale de présence 6 h 30")) {
		t.Errorf("no hours for the first day:\n%s", text)
	}
}
