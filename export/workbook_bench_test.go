package export

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"congres/data"
	"congres/data/stores"
)

// wbBenchPeople is an Attendees iterator over n made-up people with the
// strings of a real French congress, cheap to make so that the benchmark
// measures the writer: each person is built in the same Attendee, as a
// store reading page after page would hand them over.
func wbBenchPeople(n int, days []data.Day) func(fn func(*data.Attendee) error) error {
	firsts := []string{"Camille", "Dominique", "Jean-Baptiste", "Marie-Hélène", "Łukasz", "Nguyễn Thị", "Aïcha", "François", "Søren", "Émilie"}
	lasts := []string{"Martin", "Bernard", "Dubois", "Lefèvre", "Żółkiewski", "de la Santísima Trinidad", "N'Diaye", "Müller", "Da Silva", "Rousseau-Lemaire"}
	orgs := []string{"Scop Les Tisserands", "Mutuelle des territoires", "Association « Vivre ensemble », Roubaix",
		"Région Hauts-de-France", "Coopérative d'habitants du Vieux-Lille", "", "Fédération des centres sociaux du Nord"}
	jobs := []string{"Chargée de mission", "Directeur", "Présidente", "Animateur de réseau", "Élue à l'économie sociale et solidaire"}
	cats := []string{"Adhérent·e", "Partenaire ESS", "Élu·e", "Intervenant·e", "Bénévole"}
	regions := []string{"Hauts-de-France", "Île-de-France", "Grand Est", "Bretagne"}
	diets := []string{"", "", "", "végétarien", "sans gluten", "halal"}
	return func(fn func(*data.Attendee) error) error {
		a := &data.Attendee{}
		a.Arrivals = make([]time.Time, len(days))
		for i := range n {
			p := &a.Participant
			p.ID = int64(i + 1)
			p.Code = "K" + strconv.Itoa(100000+i)
			p.FirstName = firsts[i%len(firsts)]
			p.LastName = lasts[(i/7)%len(lasts)]
			p.Email = "participant" + strconv.Itoa(i) + "@example.org"
			p.Phone = "06 12 34 56 78"
			p.Organisation = orgs[i%len(orgs)]
			p.JobTitle = jobs[i%len(jobs)]
			p.Region = regions[i%len(regions)]
			p.Days = days[:1+i%len(days)]
			p.Status = data.Statuses[i%3]
			p.FeeCents = 12000
			p.Paid = i%2 == 0
			p.Diet = diets[i%len(diets)]
			p.ImageConsent = i%3 != 0
			p.Notes = ""
			if i%50 == 0 {
				p.Notes = "Arrive par le train de 9 h 12, repart avant la plénière de clôture"
			}
			p.CreatedAt = time.Date(2021, 9, 1+i%28, 10, i%60, 0, 0, time.Local)
			p.UpdatedAt = p.CreatedAt.Add(time.Duration(i%1000) * time.Hour)
			a.Category = cats[i%len(cats)]
			a.BadgePrinted = i%4 != 0
			for d := range days {
				a.Arrivals[d] = time.Time{}
				if (i+d)%5 != 0 {
					t := days[d].Time()
					a.Arrivals[d] = time.Date(t.Year(), t.Month(), t.Day(), 8, i%60, i%60, 0, time.Local)
				}
			}
			if err := fn(a); err != nil {
				return err
			}
		}
		return nil
	}
}

// wbBenchAttendance is a congress of n people over three days, with 20
// sessions of about 150 people.
func wbBenchAttendance(n int) AttendanceInput {
	days := []data.Day{"2021-11-24", "2021-11-25", "2021-11-26"}
	c := wbCongress
	c.Days = days
	in := AttendanceInput{Congress: c, Attendees: wbBenchPeople(n, days), Total: n}
	for i := range 20 {
		kind := data.KindWorkshop
		if i%5 == 0 {
			kind = data.KindPlenary
		}
		ss := wbSession(int64(i+1), kind, fmt.Sprintf("Atelier %d : les coopératives et le territoire", i+1),
			days[i%3], data.Clock(540+i%4*120), data.Clock(630+i%4*120), 140+i%3*10)
		in.Sessions = append(in.Sessions, ss)
		in.Summary.Sessions = append(in.Summary.Sessions, data.SessionAttendance{Session: ss.Session, Attended: 100, WalkIns: 12})
	}
	for i, name := range []string{"Adhérent·e", "Partenaire ESS", "Élu·e", "Intervenant·e", "Bénévole"} {
		in.Summary.Categories = append(in.Summary.Categories, data.CategoryAttendance{
			Category: data.Category{ID: int64(i + 1), Name: name}, Registered: n / 5, Confirmed: n / 6, CheckedIn: n / 7})
	}
	for _, d := range days {
		in.Summary.Days = append(in.Summary.Days, data.DayAttendance{Day: d, Expected: n * 2 / 3, CheckedIn: n / 2})
		in.Catering = append(in.Catering, data.CateringDay{Day: d, Diets: []data.DietCount{
			{Diet: "", Expected: n / 2}, {Diet: "végétarien", Expected: n / 6}, {Diet: "sans gluten", Expected: n / 6}, {Diet: "halal", Expected: n / 6}}})
	}
	for i := range 60 {
		in.Stands = append(in.Stands, data.StandLine{Stand: data.Stand{Number: strconv.Itoa(i + 1), Name: "Stand " + strconv.Itoa(i+1),
			Zone: "Solutions de territoire", Organisation: "Scop Les Tisserands", Tables: 1, Chairs: 2}, Contact: "Camille Martin"})
	}
	return in
}

// wbHeapPeak samples the heap when the progress is reported and when the
// workbook is written out (the zip is built in memory first).
type wbHeapPeak struct {
	countWriter
	peak uint64
}

func (h *wbHeapPeak) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	h.peak = max(h.peak, m.HeapAlloc)
}

func (h *wbHeapPeak) Write(p []byte) (int, error) {
	h.sample()
	return h.countWriter.Write(p)
}

// BenchmarkWriteAttendance50k writes the attendance workbook of 50,000
// people and 20 sessions of about 150, and reports the file's size and the
// heap's peak while writing.
func BenchmarkWriteAttendance50k(b *testing.B) {
	const n = 50_000
	in := wbBenchAttendance(n)
	var size int64
	var peak uint64
	for b.Loop() {
		runtime.GC()
		h := &wbHeapPeak{}
		opts := WorkbookOptions{Lang: "fr", Progress: func(done, _ int) {
			if done%2500 == 0 {
				h.sample()
			}
		}}
		if err := WriteAttendance(context.Background(), h, in, opts); err != nil {
			b.Fatal(err)
		}
		size, peak = h.n, max(peak, h.peak)
	}
	b.ReportMetric(float64(size)/(1<<20), "MiB-file")
	b.ReportMetric(float64(peak)/(1<<20), "MiB-heap")
}

// BenchmarkAttendanceFromStore50k is the whole export as the window and the
// command line run it: read a 50,000-person demo congress and write its
// attendance workbook.
func BenchmarkAttendanceFromStore50k(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "bench.congres")
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: 50_000}); err != nil {
		b.Fatal(err)
	}
	st, err := stores.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var size int64
	for b.Loop() {
		in, err := LoadAttendance(ctx, st)
		if err != nil {
			b.Fatal(err)
		}
		w := &countWriter{}
		if err := WriteAttendance(ctx, w, in, WorkbookOptions{Lang: "fr"}); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(size)/(1<<20), "MiB-file")
}
