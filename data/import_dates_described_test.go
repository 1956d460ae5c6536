package data_test

import (
	"strings"
	"testing"

	. "congres/data"
)

// TestImportDateNotACongressDayDescribed checks that a date fitting no
// congress day either way (10/1/21 in a congress of 25 and 26 November
// 2021) is described in the order the column writes its dates: month
// first in Eventbrite's export, or as another date of the column that
// reads only one way says.
func TestImportDateNotACongressDayDescribed(t *testing.T) {
	s, err := newCongress(t, Congress{Name: "Congrès d'automne", Days: []Day{"2021-11-25", "2021-11-26"}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name       string
		lines      []string
		line       int
		en, fr     string
		rejections int
	}{
		{"Eventbrite", []string{"Barcode #,First Name,Last Name,Email,Attendee Status ,Jours",
			"B1,Ann,Lee,ann@example.com,Attending,10/1/21 9:00", "B2,Ben,Lee,ben@example.com,Attending,11/25/21 9:00"},
			2, "Friday 1 October 2021, in the column “Jours”", "Le vendredi 1 octobre 2021, dans la colonne «Jours»", 1},
		{"MonthFirstColumn", []string{"Prénom,Nom,Jours", "Ann,Lee,10/31/2021", "Ben,Lee,10/1/2021"},
			3, "Friday 1 October 2021, in the column “Jours”", "Le vendredi 1 octobre 2021, dans la colonne «Jours»", 2},
		{"DayFirstColumn", []string{"Prénom,Nom,Jours", "Ann,Lee,31/10/2021", "Ben,Lee,10/1/2021"},
			3, "Sunday 10 January 2021, in the column “Jours”", "Le dimanche 10 janvier 2021, dans la colonne «Jours»", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := previewed(t, s, exportFile(t, "export.csv", false, false, c.lines...), ImportOptions{DryRun: true}, nil)
			if r.Rejected != c.rejections {
				t.Fatalf("%+v", r)
			}
			for _, is := range r.Issues {
				if is.Line != c.line {
					continue
				}
				if en := Message(is.Err, "en"); !strings.Contains(en, c.en) {
					t.Errorf("en: %q, want %q", en, c.en)
				}
				if fr := Message(is.Err, "fr"); !strings.Contains(fr, c.fr) {
					t.Errorf("fr: %q, want %q", fr, c.fr)
				}
				return
			}
			t.Fatalf("no issue on line %d: %+v", c.line, r.Issues)
		})
	}
}
