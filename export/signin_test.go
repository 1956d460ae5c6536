package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores"
)

// lastNames are distinct Latin last names, in sorted order once accents are
// ignored: pdftotext reads them back exactly.
var lastNames = []string{"Abadie", "Bérard", "Caron", "Dubois", "Écuyer", "Fabre", "Garnier", "Hébert", "Isnard",
	"Jacquet", "Klein", "Lefèvre", "Marchand", "Noël", "Olivier", "Perrin", "Quéré", "Renaud", "Simon", "Tessier",
	"Urbain", "Vasseur", "Wagner", "Xavier", "Yvon", "Zimmermann"}

// testPeople makes n attendees with distinct names, shuffled: last names
// from lastNames with a number when n is larger, first names "Prénom<i>".
func testPeople(n int, seed uint64) []data.SessionAttendee {
	people := make([]data.SessionAttendee, n)
	for i := range people {
		last := lastNames[i%len(lastNames)]
		if n > len(lastNames) {
			last = fmt.Sprintf("%s%02d", last, i/len(lastNames))
		}
		people[i] = data.SessionAttendee{
			ParticipantID: int64(i + 1), Code: fmt.Sprintf("C%05d", i),
			FirstName: fmt.Sprintf("Prénom%d", i), LastName: last,
			Organisation: fmt.Sprintf("Structure %d", i), Enrolled: true,
		}
	}
	r := rand.New(rand.NewPCG(seed, 1))
	r.Shuffle(n, func(i, j int) { people[i], people[j] = people[j], people[i] })
	return people
}

func testSession(id int64, title string) *data.Session {
	return &data.Session{ID: id, Kind: data.KindWorkshop, Title: title, Day: "2021-11-25",
		Start: 14 * 60, End: 15*60 + 30, RoomName: "Salle 3"}
}

func writeSignIn(tb testing.TB, in SignInInput, opts SignInOptions) []byte {
	tb.Helper()
	if opts.Lang == "" {
		opts.Lang = "fr"
	}
	opts.Created = fixedTime
	var buf bytes.Buffer
	if err := WriteSignIn(context.Background(), &buf, in, opts); err != nil {
		tb.Fatalf("WriteSignIn: %v", err)
	}
	return buf.Bytes()
}

// pageTexts reads each page's text back with pdftotext -layout.
func pageTexts(tb testing.TB, path string) []string {
	tb.Helper()
	pages, _, _ := pdfPages(tb, path)
	out := make([]string, pages)
	for i := range out {
		p := strconv.Itoa(i + 1)
		out[i] = run(tb, "pdftotext", "-layout", "-enc", "UTF-8", "-f", p, "-l", p, path, "-")
	}
	return out
}

// tableLines are the lines of a page's table: those starting with a line
// number below the table's header, as number and the rest of the line.
func tableLines(page string) (nums []int, rest []string) {
	if i := strings.Index(page, "Signature"); i >= 0 {
		page = page[i:]
	}
	re := regexp.MustCompile(`(?m)^[ \t]*(\d+)(?:[ \t]+(.*))?$`)
	for _, m := range re.FindAllStringSubmatch(page, -1) {
		n, _ := strconv.Atoi(m[1])
		nums, rest = append(nums, n), append(rest, strings.TrimSpace(m[2]))
	}
	return nums, rest
}

// TestSignInOneLinePerPerson prints a session of 23 people, two of them
// walk-ins, given in no order: each name is on exactly one line, the lines
// in order of last name, each with its first name and organisation, then
// 10 numbered blank lines, over two pages numbered 1/2 and 2/2.
func TestSignInOneLinePerPerson(t *testing.T) {
	people := testPeople(23, 1)
	walkIns := map[string]bool{}
	for _, i := range []int{3, 17} {
		people[i].Enrolled = false
		walkIns[people[i].LastName] = true
	}
	in := SignInInput{Congress: testCongress, Sheets: []SignInSheet{{Session: testSession(1, "Atelier 1 : l'emploi sur les territoires"), People: people}}}
	path := writeFile(t, writeSignIn(t, in, SignInOptions{}), "s.pdf")
	pages := pageTexts(t, path)
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2 (23 names and 10 blank lines, 20 a page)", len(pages))
	}
	var nums []int
	var rows []string
	for i, p := range pages {
		if want := fmt.Sprintf("Page %d/2", i+1); !strings.Contains(p, want) {
			t.Errorf("page %d: no %q", i+1, want)
		}
		for _, h := range []string{"Atelier 1 : l'emploi sur les territoires", "Nom", "Prénom", "Structure", "Signature", "Congrès de la fédération",
			"jeudi 25 novembre 2021", "14 h 00 – 15 h 30", "Salle 3", "21 inscrits", "2 sur place"} {
			if !strings.Contains(p, h) {
				t.Errorf("page %d: the header %q is missing", i+1, h)
			}
		}
		n, r := tableLines(p)
		nums, rows = append(nums, n...), append(rows, r...)
	}
	want := make([]int, 33)
	for i := range want {
		want[i] = i + 1
	}
	if !slices.Equal(nums, want) {
		t.Fatalf("line numbers %v, want 1…33", nums)
	}
	sorted := slices.Clone(lastNames[:23])
	for i, last := range sorted {
		row := rows[i]
		if !strings.HasPrefix(row, last+" ") {
			t.Errorf("line %d reads %q, want %s first", i+1, row, last)
			continue
		}
		k := slices.IndexFunc(people, func(a data.SessionAttendee) bool { return a.LastName == last })
		p := people[k]
		first := p.FirstName
		if walkIns[last] {
			first += " (sur place)"
		}
		if !regexp.MustCompile(`^` + regexp.QuoteMeta(last) + `\s+` + regexp.QuoteMeta(first) + `\s+` + regexp.QuoteMeta(p.Organisation) + `$`).MatchString(row) {
			t.Errorf("line %d reads %q, want %s, %s, %s", i+1, row, last, first, p.Organisation)
		}
		all := strings.Join(pages, "\n")
		if c := strings.Count(all, last); c != 1 {
			t.Errorf("%s is %d times on the sheet", last, c)
		}
	}
	for i, r := range rows[23:] {
		if r != "" {
			t.Errorf("blank line %d reads %q", 24+i, r)
		}
	}
}

// TestSignInSheetsPaginated prints a session of 60 people and one of 5 in
// one PDF: the first spans three pages numbered 1/3 to 3/3, each with the
// title and the table's header; the second starts on a page of its own,
// numbered 1/1.
func TestSignInSheetsPaginated(t *testing.T) {
	big, small := testPeople(60, 2), testPeople(5, 3)
	for i := range small {
		small[i].LastName = "Petit" + small[i].LastName
	}
	in := SignInInput{Congress: testCongress, Sheets: []SignInSheet{
		{Session: testSession(1, "Plénière d'ouverture"), People: big},
		{Session: testSession(2, "Atelier des petits"), People: small},
	}}
	var progress []int
	path := writeFile(t, writeSignIn(t, in, SignInOptions{BlankLines: -1, Progress: func(done, total int) {
		if total != 4 {
			t.Errorf("progress total %d, want 4 pages", total)
		}
		progress = append(progress, done)
	}}), "s.pdf")
	if !slices.Equal(progress, []int{1, 2, 3, 4}) {
		t.Errorf("progress %v, want 1…4", progress)
	}
	pages := pageTexts(t, path)
	if len(pages) != 4 {
		t.Fatalf("%d pages, want 3 + 1", len(pages))
	}
	count := 0
	for i, p := range pages[:3] {
		if !strings.Contains(p, fmt.Sprintf("Page %d/3", i+1)) || !strings.Contains(p, "Plénière d'ouverture") ||
			!strings.Contains(p, "Prénom ") || !strings.Contains(p, "Signature") {
			t.Errorf("page %d of the first sheet lacks its header or number:\n%s", i+1, p)
		}
		if strings.Contains(p, "Petit") || strings.Contains(p, "Atelier des petits") {
			t.Errorf("page %d holds the second sheet", i+1)
		}
		_, rows := tableLines(p)
		count += len(rows)
	}
	if count != 60 {
		t.Errorf("%d lines on the first sheet, want 60 (no blank line)", count)
	}
	last := pages[3]
	if !strings.Contains(last, "Page 1/1") || !strings.Contains(last, "Atelier des petits") || strings.Contains(last, "Plénière") {
		t.Errorf("the second sheet does not start on its own page:\n%s", last)
	}
	if nums, _ := tableLines(last); !slices.Equal(nums, []int{1, 2, 3, 4, 5}) {
		t.Errorf("the second sheet's lines are %v, want 1…5", nums)
	}
}

// TestSignInFillPage: blank lines go down to the bottom of the last page.
func TestSignInFillPage(t *testing.T) {
	in := SignInInput{Congress: testCongress, Sheets: []SignInSheet{{Session: testSession(1, "Atelier"), People: testPeople(5, 4)}}}
	d := newSignInDesign(testCongress, nil, "fr")
	for _, c := range []struct {
		opts  SignInOptions
		lines int
	}{
		{SignInOptions{}, 15},
		{SignInOptions{BlankLines: 3}, 8},
		{SignInOptions{BlankLines: -1}, 5},
		{SignInOptions{FillPage: true}, d.perPage},
		{SignInOptions{BlankLines: d.perPage, FillPage: true}, 2 * d.perPage},
	} {
		path := writeFile(t, writeSignIn(t, in, c.opts), "s.pdf")
		var nums []int
		for _, p := range pageTexts(t, path) {
			n, _ := tableLines(p)
			nums = append(nums, n...)
		}
		if len(nums) != c.lines || nums[len(nums)-1] != c.lines {
			t.Errorf("%+v: lines %v, want 1…%d", c.opts, nums, c.lines)
		}
	}
}

// TestSignInDaySheet prints a whole day's sheet, in English too.
func TestSignInDaySheet(t *testing.T) {
	c := testCongress
	c.Venue = "Lille Grand Palais"
	in := SignInInput{Congress: c, Sheets: []SignInSheet{{Day: "2021-11-25", People: testPeople(3, 5)}}}
	text := run(t, "pdftotext", "-layout", writeFile(t, writeSignIn(t, in, SignInOptions{}), "fr.pdf"), "-")
	for _, want := range []string{"Feuille d'émargement — jeudi 25 novembre 2021", "Lille Grand Palais · Lille · 3 personnes attendues", "Page 1/1"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing:\n%s", want, text)
		}
	}
	in.Sheets[0].People[1].Enrolled = false
	text = run(t, "pdftotext", "-layout", writeFile(t, writeSignIn(t, in, SignInOptions{Lang: "en"}), "en.pdf"), "-")
	for _, want := range []string{"Sign-in sheet — Thursday 25 November 2021", "3 people expected", "Last name", "First name", "(walk-in)"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing:\n%s", want, text)
		}
	}
}

// TestSignInScripts: names in every script are text in the PDF.
func TestSignInScripts(t *testing.T) {
	people := make([]data.SessionAttendee, len(scriptNames))
	for i, nm := range scriptNames {
		people[i] = data.SessionAttendee{FirstName: nm[0], LastName: nm[1], Organisation: "Structure", Enrolled: i%5 != 4}
	}
	in := SignInInput{Congress: testCongress, Sheets: []SignInSheet{{Session: testSession(1, "Atelier"), People: people}}}
	text := comparable(run(t, "pdftotext", "-enc", "UTF-8", writeFile(t, writeSignIn(t, in, SignInOptions{}), "s.pdf"), "-"))
	for _, nm := range scriptNames[:12] { // the last two are too long for their cells: cut
		for _, part := range nm {
			for _, word := range strings.Fields(part) {
				if !strings.Contains(text, comparable(word)) {
					t.Errorf("%q (%s %s) is not in the PDF's text", word, nm[0], nm[1])
				}
			}
		}
	}
}

// TestSignInBoxesStayInside checks the layout's boxes for names in every
// script and of every length, walk-ins, a long title and a logo: every
// text inside its cell and the margins, lines at least 10 mm high, the
// table above the footer.
func TestSignInBoxesStayInside(t *testing.T) {
	people := make([]data.SessionAttendee, 0, 3*len(scriptNames))
	for k := range 3 {
		for i, nm := range scriptNames {
			people = append(people, data.SessionAttendee{FirstName: nm[0], LastName: nm[1], Enrolled: (i+k)%3 != 0,
				Organisation: strings.Repeat("Chantier d'insertion des Hauts-de-France ", k+1)})
		}
	}
	se := testSession(1, strings.Repeat("Une session au titre interminable, ", 6))
	se.RoomName = "Salle des fêtes de l'hôtel de ville, aile nord, deuxième étage"
	c := testCongress
	c.Name = strings.Repeat("Congrès national de la fédération ", 4)
	for _, lang := range []string{"fr", "en"} {
		d := newSignInDesign(c, loadLogo(testLogo()), lang)
		if d.rowH < 10 {
			t.Errorf("lines of %.1f mm: too low to sign", d.rowH)
		}
		for _, sh := range []SignInSheet{{Session: se, People: people}, {Day: "2021-11-26", People: people[:3]}} {
			p := d.plan(&sh, SignInOptions{FillPage: true})
			for k := range p.pages {
				pg := d.page(&p, k)
				checkPage(t, pg, signInMargin, fieldTableHead, fieldRowNumber, fieldRowLast, fieldRowFirst, fieldRowOrg)
				for _, r := range pg.rules {
					if r.line.Y2 > d.footerBox().Y {
						t.Errorf("page %d: a rule of the table reaches %.1f, into the footer at %.1f", k+1, r.line.Y2, d.footerBox().Y)
					}
				}
			}
		}
	}
}

func TestSignInRefused(t *testing.T) {
	var buf bytes.Buffer
	err := WriteSignIn(context.Background(), &buf, SignInInput{Congress: testCongress}, SignInOptions{})
	var e *Error
	if !errors.Is(err, ErrNoSheets) || !errors.As(err, &e) || !strings.Contains(e.Message("fr"), "émargement") || !strings.Contains(e.Message("en"), "sign-in") {
		t.Errorf("no sheet: got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := SignInInput{Congress: testCongress, Sheets: []SignInSheet{{Session: testSession(1, "A"), People: testPeople(3, 1)}}}
	if err := WriteSignIn(ctx, &buf, in, SignInOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a refused print wrote %d bytes", buf.Len())
	}
}

func TestSignInReproducible(t *testing.T) {
	in := SignInInput{Congress: testCongress, Sheets: []SignInSheet{{Session: testSession(1, "A"), People: testPeople(30, 1)}}}
	in.Congress.Logo = testLogo()
	if !bytes.Equal(writeSignIn(t, in, SignInOptions{}), writeSignIn(t, in, SignInOptions{})) {
		t.Error("two identical prints differ")
	}
}

// TestWriteSignInSamples draws a page of a sign-in sheet and a certificate
// for the README (make screenshots): docs/screenshots/signin.png and
// certificate.png.
func TestWriteSignInSamples(t *testing.T) {
	dir := os.Getenv("CONGRES_SCREENSHOTS")
	if dir == "" {
		t.Skip("CONGRES_SCREENSHOTS not set")
	}
	c := testCongress
	c.Logo, c.Signature = testLogo(), testSignature()
	c.Venue, c.Signatory = "Lille Grand Palais", "Marie Dupont, présidente de la fédération"
	people := testPeople(14, 7)
	for i, nm := range scriptNames[:12] {
		people[i].FirstName, people[i].LastName = nm[0], nm[1]
		people[i].Organisation = []string{"Chantier d'insertion des Hauts-de-France", "Mairie de Lille", "Association Le Relais", "Pôle emploi"}[i%4]
	}
	people[5].Enrolled = false
	se := testSession(1, "Atelier 3 : l'insertion par l'activité économique sur les territoires ruraux")
	path := writeFile(t, writeSignIn(t, SignInInput{Congress: c, Sheets: []SignInSheet{{Session: se, People: people}}}, SignInOptions{}), "signin.pdf")
	run(t, "pdftoppm", "-r", "70", "-f", "1", "-l", "1", "-png", "-singlefile", path, filepath.Join(dir, "signin"))

	rows := testCertificates(3)
	path = writeFile(t, writeCertificates(t, CertificateInput{Congress: c, People: rows[2:]}, CertificateOptions{}), "certificate.pdf")
	run(t, "pdftoppm", "-r", "70", "-f", "1", "-l", "1", "-png", "-singlefile", path, filepath.Join(dir, "certificate"))
}

// benchPeople makes n attendees as a European congress has them: mostly
// Latin names with accents, one in ten in another script, organisations of
// every length, a few walk-ins.
func benchPeople(n int, seed uint64) []data.SessionAttendee {
	firsts := []string{"Amélie", "Benoît", "Chloé", "Étienne", "Françoise", "Grégoire", "Hélène", "Jérôme", "Léa", "Noémie"}
	orgs := []string{"Mairie de Lille", "Chantier d'insertion des Hauts-de-France", "Association Le Relais",
		"Entreprise d'insertion par le travail temporaire du Pas-de-Calais et de la Somme", "Pôle emploi", ""}
	people := testPeople(n, seed)
	for i := range people {
		p := &people[i]
		if i%10 == 9 {
			nm := scriptNames[i/10%12]
			p.FirstName, p.LastName = nm[0], nm[1]
		} else {
			p.FirstName = firsts[i%len(firsts)]
		}
		p.Organisation = orgs[i%len(orgs)]
		p.Enrolled = i%25 != 0
	}
	return people
}

// BenchmarkWriteSignIn20x150 prints the sign-in sheets of 20 sessions of
// 150 people each in one PDF (200 pages) and reports pages per second and
// bytes per page.
func BenchmarkWriteSignIn20x150(b *testing.B) {
	in := SignInInput{Congress: testCongress}
	in.Congress.Logo = testLogo()
	for i := range 20 {
		in.Sheets = append(in.Sheets, SignInSheet{
			Session: testSession(int64(i+1), fmt.Sprintf("Atelier %d : l'emploi sur les territoires", i+1)),
			People:  benchPeople(150, uint64(i))})
	}
	pages := 0
	var size int64
	opts := SignInOptions{Lang: "fr", Created: fixedTime, Progress: func(_, total int) { pages = total }}
	for b.Loop() {
		w := &countWriter{}
		if err := WriteSignIn(context.Background(), w, in, opts); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(size)/float64(pages), "B/page")
}

// TestSignInAndCertificatesFromStore reads sign-in sheets and certificates from a demo
// congress, as the window and the command line do, and prints them.
func TestSignInAndCertificatesFromStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.congres")
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: 200}); err != nil {
		t.Fatal(err)
	}
	st, err := stores.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sessions, err := st.Sessions(ctx)
	if err != nil || len(sessions) == 0 {
		t.Fatalf("%d sessions, %v", len(sessions), err)
	}

	t.Run("AllSessions", func(t *testing.T) {
		in, err := LoadSignIn(ctx, st, SignInSelection{})
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Sheets) != len(sessions) {
			t.Fatalf("%d sheets for %d sessions", len(in.Sheets), len(sessions))
		}
		plenaries := 0
		for i, sh := range in.Sheets {
			se := sessions[i]
			want, _ := st.SessionAttendees(ctx, se.ID)
			if sh.Session == nil || sh.Session.ID != se.ID {
				t.Fatalf("sheet %d: session %v, want %d", i, sh.Session, se.ID)
			}
			if sh.Expected {
				// A plenary nobody enrols in: everyone expected that day.
				plenaries++
				ids, _ := st.ParticipantIDs(ctx, data.ParticipantQuery{Day: se.Day, SkipCancelled: true})
				if se.Kind != data.KindPlenary || len(sh.People) < len(ids) || len(ids) == 0 {
					t.Errorf("sheet %d (%s): %d people, want the %d expected that day", i, se.Kind, len(sh.People), len(ids))
				}
			} else if len(sh.People) != len(want) {
				t.Errorf("sheet %d: %d people, want %d", i, len(sh.People), len(want))
			}
		}
		if plenaries == 0 {
			t.Error("the demo's plenaries list nobody")
		}
		writeSignIn(t, in, SignInOptions{})
	})
	t.Run("OneSession", func(t *testing.T) {
		in, err := LoadSignIn(ctx, st, SignInSelection{SessionID: sessions[1].ID})
		if err != nil || len(in.Sheets) != 1 || in.Sheets[0].Session.Title != sessions[1].Title {
			t.Fatalf("%+v, %v", in.Sheets, err)
		}
	})
	t.Run("Day", func(t *testing.T) {
		day := congressOf(t, st).Days[0]
		in, err := LoadSignIn(ctx, st, SignInSelection{Day: day})
		if err != nil {
			t.Fatal(err)
		}
		ids, _ := st.ParticipantIDs(ctx, data.ParticipantQuery{Day: day, SkipCancelled: true})
		if len(in.Sheets) != 1 || in.Sheets[0].Day != day || len(in.Sheets[0].People) != len(ids) || len(ids) == 0 {
			t.Fatalf("%d sheets, %d people, want %d", len(in.Sheets), len(in.Sheets[0].People), len(ids))
		}
		text := run(t, "pdftotext", writeFile(t, writeSignIn(t, in, SignInOptions{}), "day.pdf"), "-")
		if !strings.Contains(text, "Feuille d'émargement — jeudi 25 novembre 2021") {
			t.Errorf("the day's title is missing")
		}
	})
	t.Run("ErrSignInDay", func(t *testing.T) {
		_, err := LoadSignIn(ctx, st, SignInSelection{Day: "2030-01-01"})
		var e *Error
		if !errors.Is(err, ErrSignInDay) || !errors.As(err, &e) || !strings.Contains(e.Message("fr"), "mardi 1er janvier 2030") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("Certificates", func(t *testing.T) {
		in, err := LoadCertificates(ctx, st, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids, _ := st.ParticipantIDs(ctx, data.ParticipantQuery{CheckedIn: data.Yes})
		if len(in.People) != len(ids) || len(ids) == 0 {
			t.Fatalf("%d certificates for %d people who arrived", len(in.People), len(ids))
		}
		pdf := writeCertificates(t, in, CertificateOptions{})
		if pages, _, _ := pdfPages(t, writeFile(t, pdf, "c.pdf")); pages < len(ids) {
			t.Errorf("%d pages for %d certificates", pages, len(ids))
		}
		one, err := LoadCertificates(ctx, st, ids[:1])
		if err != nil || len(one.People) != 1 || one.People[0].ID != ids[0] {
			t.Errorf("one certificate: %+v, %v", one.People, err)
		}
	})
}

func congressOf(t *testing.T, st *data.Store) data.Congress {
	t.Helper()
	c, err := st.Congress(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}
