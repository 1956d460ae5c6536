package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"congres/data"
)

// testCertificates makes n certificates, cycling through scriptNames, each
// with both days and three sessions (1 h 30 + 2 h + 45 min = 4 h 15).
func testCertificates(n int) []data.CertificateRow {
	rows := make([]data.CertificateRow, n)
	for i := range rows {
		nm := scriptNames[i%len(scriptNames)]
		rows[i] = data.CertificateRow{
			ID: int64(i + 1), Code: fmt.Sprintf("C%05d", i), FirstName: nm[0], LastName: nm[1],
			Organisation: "Chantier d'insertion des Hauts-de-France n°" + strconv.Itoa(i),
			Days:         []data.Day{"2021-11-25", "2021-11-26"},
			Sessions: []data.AttendedSession{
				{Title: "Plénière d'ouverture", Kind: data.KindPlenary, Day: "2021-11-25", Start: 9 * 60, End: 10*60 + 30, Minutes: 90},
				{Title: fmt.Sprintf("Atelier %d : l'emploi sur les territoires", i), Kind: data.KindWorkshop, Day: "2021-11-25", Start: 14 * 60, End: 16 * 60, Minutes: 120},
				{Title: "Plénière de clôture", Kind: data.KindPlenary, Day: "2021-11-26", Start: 16 * 60, End: 16*60 + 45, Minutes: 45},
			},
		}
	}
	return rows
}

// testProgramme is the hours of the congress's days: 7 h on the first,
// 6 h 30 on the second.
var testProgramme = map[data.Day]DaySlots{
	"2021-11-25": {TimeSlot{9 * 60, 12*60 + 30}, TimeSlot{14 * 60, 17*60 + 30}},
	"2021-11-26": {TimeSlot{9 * 60, 12*60 + 30}, TimeSlot{14 * 60, 17 * 60}},
}

// manySessions gives a certificate n sessions of an hour.
func manySessions(r *data.CertificateRow, n int) {
	r.Sessions = nil
	for i := range n {
		day := data.Day("2021-11-25")
		if i >= n/2 {
			day = "2021-11-26"
		}
		start := data.Clock(8*60 + (i%(n/2+1))*20)
		r.Sessions = append(r.Sessions, data.AttendedSession{Title: fmt.Sprintf("Séance numéro %d", i+1), Kind: data.KindWorkshop,
			Day: day, Start: start, End: start + 60, Minutes: 60})
	}
}

func writeCertificates(tb testing.TB, in CertificateInput, opts CertificateOptions) []byte {
	tb.Helper()
	if opts.Lang == "" {
		opts.Lang = "fr"
	}
	opts.Created = fixedTime
	var buf bytes.Buffer
	if err := WriteCertificates(context.Background(), &buf, in, opts); err != nil {
		tb.Fatalf("WriteCertificates: %v", err)
	}
	return buf.Bytes()
}

func certCongress() data.Congress {
	c := testCongress
	c.Venue, c.Signatory = "Lille Grand Palais", "Marie Dupont, présidente"
	c.Logo, c.Signature = testLogo(), testSignature()
	return c
}

// TestCertificatesOnePagePerPerson prints a certificate for each name of
// every script: one page each, with the person's name as text, the
// congress, the sentence, the days, each session and the total, the place
// and date and the signatory.
func TestCertificatesOnePagePerPerson(t *testing.T) {
	rows := testCertificates(len(scriptNames))
	var progress []int
	pdf := writeCertificates(t, CertificateInput{Congress: certCongress(), People: rows, Programme: testProgramme},
		CertificateOptions{Progress: func(done, total int) { progress = append(progress, done) }})
	if len(progress) != len(rows) || progress[len(progress)-1] != len(rows) {
		t.Errorf("progress %v", progress)
	}
	pages := pageTexts(t, writeFile(t, pdf, "c.pdf"))
	if len(pages) != len(rows) {
		t.Fatalf("%d pages for %d people", len(pages), len(rows))
	}
	for i, r := range rows {
		p := pages[i]
		text := comparable(p)
		for _, part := range []string{r.FirstName, r.LastName} {
			for _, word := range strings.Fields(part) {
				if i < 12 && !strings.Contains(text, comparable(word)) { // the last two are long: shrunk, maybe cut
					t.Errorf("page %d: %q (%s %s) is not in the text", i+1, word, r.FirstName, r.LastName)
				}
			}
		}
		for _, want := range []string{"Attestation de présence", "Nous certifions que", "Congrès de la fédération",
			"19e · Lille Grand Palais, Lille · 25–26 novembre 2021",
			"a participé au Congrès de la fédération, qui s'est tenu à Lille les 25 et 26 novembre 2021.",
			"Jours de présence", "jeudi 25 novembre 2021 9 h 00 – 12 h 30 et 14 h 00 – 17 h 30 7",
			"vendredi 26 novembre 2021 9 h 00 – 12 h 30 et 14 h 00 – 17 h 00 6 h 30", "Durée totale de présence 13 h 30",
			"Plénière d'ouverture", fmt.Sprintf("Atelier %d : l'emploi sur les territoires", i), "Plénière de clôture",
			"jeu. 25 nov.", "9 h 00 – 10 h 30", "1 h 30", "45 min", "Durée totale des sessions 4 h 15",
			"Fait à Lille, le 26 novembre 2021", "Marie Dupont, présidente", "Participant " + r.Code} {
			if !strings.Contains(text, comparable(want)) {
				t.Errorf("page %d: %q missing:\n%s", i+1, want, p)
			}
		}
		if strings.Contains(p, "Page 1/") {
			t.Errorf("page %d: a one-page certificate is numbered", i+1)
		}
	}
	// The logo and the signature: one image each, drawn on every page.
	list := run(t, "pdfimages", "-list", writeFile(t, pdf, "c.pdf"))
	if n := len(regexp.MustCompile(`(?m)^\s+\d+\s+\d+ image `).FindAllString(list, -1)); n != 2*len(rows) {
		t.Errorf("%d images drawn, want a logo and a signature on each of %d pages:\n%s", n, len(rows), list)
	}
}

// TestCertificatesEnglish: every fixed text in English, the date given.
func TestCertificatesEnglish(t *testing.T) {
	rows := testCertificates(1)
	rows[0].Days = rows[0].Days[1:]
	c := certCongress()
	c.Name = "Annual Meeting of the Federation"
	pdf := writeCertificates(t, CertificateInput{Congress: c, People: rows, Programme: testProgramme},
		CertificateOptions{Lang: "en", Date: time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)})
	text := comparable(run(t, "pdftotext", "-layout", writeFile(t, pdf, "c.pdf"), "-"))
	for _, want := range []string{"Certificate of attendance", "We certify that",
		"attended Annual Meeting of the Federation, held in Lille on 25 and 26 November 2021.",
		"Day attended", "Friday 26 November 2021 09:00–12:30 and 14:00–17:00 6 h 30 min", "Total attendance 6 h 30 min",
		"Sessions attended", "Thu 25 Nov", "09:00–10:30", "1 h 30 min", "Total of the sessions 4 h 15 min",
		"Issued in Lille on 1 December 2021"} {
		if !strings.Contains(text, comparable(want)) {
			t.Errorf("%q missing:\n%s", want, text)
		}
	}
	// A French name that does not start with "Congrès" is quoted.
	text = comparable(run(t, "pdftotext", "-layout", writeFile(t, writeCertificates(t, CertificateInput{Congress: c, People: rows}, CertificateOptions{}), "fr.pdf"), "-"))
	if want := "a participé au congrès « Annual Meeting of the Federation », qui s'est tenu"; !strings.Contains(text, comparable(want)) {
		t.Errorf("%q missing:\n%s", want, text)
	}
}

// TestCertificateManySessions: 14 sessions shrink the table's lines on one
// page; 60 continue on a second page, numbered, with the total and the
// signature on the last.
func TestCertificateManySessions(t *testing.T) {
	for _, c := range []struct {
		sessions, pages int
	}{{8, 1}, {14, 1}, {15, 1}, {16, 2}, {60, 2}, {100, 3}} {
		t.Run(strconv.Itoa(c.sessions), func(t *testing.T) {
			rows := testCertificates(1)
			manySessions(&rows[0], c.sessions)
			d := newCertDesign(certCongress(), loadLogo(testLogo()), loadLogo(testSignature()), CertificateOptions{Lang: "fr"})
			pgs := d.pages(&rows[0])
			if len(pgs) != c.pages {
				t.Fatalf("%d pages, want %d", len(pgs), c.pages)
			}
			for _, pg := range pgs {
				checkPage(t, pg, certMargin, fieldTableHead, fieldCertCell, fieldCertTotal)
			}
			pdf := writeCertificates(t, CertificateInput{Congress: certCongress(), People: rows}, CertificateOptions{})
			pages := pageTexts(t, writeFile(t, pdf, "c.pdf"))
			if len(pages) != c.pages {
				t.Fatalf("%d pages in the PDF, want %d", len(pages), c.pages)
			}
			all := strings.Join(pages, "\n")
			for i := range c.sessions {
				if n := len(regexp.MustCompile(fmt.Sprintf(`Séance numéro %d\b`, i+1)).FindAllString(all, -1)); n != 1 {
					t.Errorf("session %d is %d times in the PDF", i+1, n)
				}
			}
			total := durationText(60*c.sessions, "fr")
			last := pages[len(pages)-1]
			if !strings.Contains(last, "Durée totale des sessions") || !strings.Contains(last, total) || !strings.Contains(last, "Marie Dupont") {
				t.Errorf("the last page lacks the total %s or the signature:\n%s", total, last)
			}
			for i, p := range pages {
				numbered := strings.Contains(p, fmt.Sprintf("Page %d/%d", i+1, c.pages))
				if numbered != (c.pages > 1) {
					t.Errorf("page %d numbered: %v", i+1, numbered)
				}
				if i > 0 && !strings.Contains(p, "(suite)") {
					t.Errorf("page %d does not say it continues", i+1)
				}
				if i < len(pages)-1 && (strings.Contains(p, "Durée totale des sessions") || strings.Contains(p, "Marie Dupont")) {
					t.Errorf("page %d of %d has the total or the signature", i+1, len(pages))
				}
			}
		})
	}
}

// TestCertificateBoxesStayInside checks the layout's boxes for names in
// every script and of every length, long organisations and titles, with
// and without logo, signature, sessions.
func TestCertificateBoxesStayInside(t *testing.T) {
	rows := testCertificates(len(scriptNames))
	for i := range rows {
		rows[i].Organisation = strings.Repeat("Fédération des associations ", i%4+1)
		rows[i].Sessions[1].Title = strings.Repeat("Un atelier au titre très long ", i%5+1)
	}
	rows[3].Sessions, rows[4].Organisation, rows[5].Days = nil, "", nil
	long := certCongress()
	long.Name = strings.Repeat("Congrès national de la fédération ", 5)
	long.Signatory = strings.Repeat("Marie Dupont, présidente ", 5)
	bare := testCongress
	for _, c := range []data.Congress{certCongress(), long, bare} {
		for _, lang := range []string{"fr", "en"} {
			d := newCertDesign(c, loadLogo(c.Logo), loadLogo(c.Signature), CertificateOptions{Lang: lang})
			d.programme = testProgramme
			for i := range rows {
				for _, pg := range d.pages(&rows[i]) {
					checkPage(t, pg, certMargin, fieldTableHead, fieldCertCell, fieldCertTotal)
				}
			}
		}
	}
}

// TestCertificateSignatureToScale: the signature image keeps its
// proportions and its box.
func TestCertificateSignatureToScale(t *testing.T) {
	c := certCongress()
	d := newCertDesign(c, nil, loadLogo(c.Signature), CertificateOptions{Lang: "fr"})
	pg := d.pages(&testCertificates(1)[0])[0]
	if len(pg.images) != 1 {
		t.Fatalf("%d images, want the signature", len(pg.images))
	}
	b := pg.images[0].box
	if r := b.W / b.H; r < 2.99 || r > 3.01 {
		t.Errorf("signature %+v drawn at a ratio of %.2f, want 3", b, r)
	}
}

func TestCertificatesRefused(t *testing.T) {
	var buf bytes.Buffer
	err := WriteCertificates(context.Background(), &buf, CertificateInput{Congress: testCongress}, CertificateOptions{})
	var e *Error
	if !errors.Is(err, ErrNoCertificates) || !errors.As(err, &e) || !strings.Contains(e.Message("fr"), "attestation") || !strings.Contains(e.Message("en"), "certificate") {
		t.Errorf("nobody: got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := WriteCertificates(ctx, &buf, CertificateInput{Congress: testCongress, People: testCertificates(2)}, CertificateOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a refused print wrote %d bytes", buf.Len())
	}
}

func TestCertificatesReproducible(t *testing.T) {
	in := CertificateInput{Congress: certCongress(), People: testCertificates(3)}
	if !bytes.Equal(writeCertificates(t, in, CertificateOptions{}), writeCertificates(t, in, CertificateOptions{})) {
		t.Error("two identical prints differ")
	}
}

// BenchmarkWriteCertificates1000 prints 1,000 certificates of five sessions
// each, with a logo and a signature, and reports certificates per second
// and bytes per certificate.
func BenchmarkWriteCertificates1000(b *testing.B) {
	const n = 1000
	rows := testCertificates(n)
	for i := range rows {
		rows[i].Sessions = append(rows[i].Sessions,
			data.AttendedSession{Title: "Atelier : les achats socialement responsables", Kind: data.KindWorkshop, Day: "2021-11-26", Start: 9 * 60, End: 10*60 + 30, Minutes: 90},
			data.AttendedSession{Title: "Table ronde : financer l'inclusion", Kind: data.KindOther, Day: "2021-11-26", Start: 11 * 60, End: 12 * 60, Minutes: 60})
	}
	in := CertificateInput{Congress: certCongress(), People: rows}
	opts := CertificateOptions{Lang: "fr", Created: fixedTime}
	var size int64
	for b.Loop() {
		w := &countWriter{}
		if err := WriteCertificates(context.Background(), w, in, opts); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "certificates/s")
	b.ReportMetric(float64(size)/n, "B/certificate")
}
