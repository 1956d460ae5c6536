package data_test

import (
	"slices"
	"testing"

	. "congres/data"
	"congres/data/spreadsheet"
)

// TestImportDatesAndAmounts checks amounts written the French way and
// dates with a time, day first (HelloAsso, Excel in French) or month
// first with a two-digit year (Eventbrite), in a congress of 1 and 2
// October 2021 (whose dates read either way are other days).
func TestImportDatesAndAmounts(t *testing.T) {
	s, err := newCongress(t, Congress{Name: "Congrès d'automne", Days: []Day{"2021-10-01", "2021-10-02"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("HelloAsso", func(t *testing.T) {
		r := previewed(t, s, exportFile(t, "helloasso.csv", true, false,
			"Nom participant;Prénom participant;Email;Montant tarif;Date de présence",
			"Lefèvre;Hélène;helene@example.org;120,00;01/10/2021 10:20",
			"Dupont;Jean;jean@example.org;1 234,50 €;02/10/2021 09:00"),
			ImportOptions{}, func(h []string, m []ImportField) { mapColumn(h, m, "Date de présence", FieldDays) })
		wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	})
	t.Run("Eventbrite", func(t *testing.T) {
		r := previewed(t, s, exportFile(t, "eventbrite.csv", false, false,
			"First Name,Last Name,Email,Total Paid,Event Date",
			"Emma,Smith,emma@example.com,\"$1,234.50\",10/1/21 9:00",
			"Noah,Jones,noah@example.com,45.00,10/2/21 9:00 AM"),
			ImportOptions{}, func(h []string, m []ImportField) { mapColumn(h, m, "Event Date", FieldDays) })
		wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	})
	fees := map[string]int64{}
	days := map[string][]Day{}
	for _, p := range people(t, s) {
		fees[p.FirstName], days[p.FirstName] = p.FeeCents, p.Days
	}
	if fees["Hélène"] != 12000 || fees["Jean"] != 123450 || fees["Emma"] != 123450 || fees["Noah"] != 4500 {
		t.Errorf("fees %v", fees)
	}
	if !slices.Equal(days["Hélène"], []Day{"2021-10-01"}) || !slices.Equal(days["Jean"], []Day{"2021-10-02"}) ||
		!slices.Equal(days["Emma"], []Day{"2021-10-01"}) || !slices.Equal(days["Noah"], []Day{"2021-10-02"}) {
		t.Errorf("days %v", days)
	}
	_ = spreadsheet.Source{}
}

// TestImportAmbiguousDates checks that a date column whose dates read as
// two congress days (a congress of 3 February and 2 March) is read day
// first and reported, and read month first when the options say so; a
// cell that reads only month first decides for the column's next cells.
func TestImportAmbiguousDates(t *testing.T) {
	s, err := newCongress(t, Congress{Name: "Cycle de formation", Days: []Day{"2026-02-03", "2026-03-02"}})
	if err != nil {
		t.Fatal(err)
	}
	header := "Prénom,Nom,Jours"
	r := importLines(t, s, ImportOptions{DryRun: true}, header, "Awa,Diallo,03/02/2026 10:20")
	if r.New != 1 || !slices.Equal(r.AmbiguousDates, []string{"Jours"}) {
		t.Fatalf("%+v", r)
	}
	r = importLines(t, s, ImportOptions{DateOrder: DateMonthFirst}, header, "Awa,Diallo,03/02/2026 10:20")
	if r.New != 1 || len(r.AmbiguousDates) != 0 {
		t.Fatalf("%+v", r)
	}
	r = importLines(t, s, ImportOptions{}, header, "Bob,Durand,3/2/26 9:00", "Chloé,Martin,2/3/2026")
	if r.New != 2 || !slices.Equal(r.AmbiguousDates, []string{"Jours"}) {
		t.Fatalf("%+v", r)
	}
	days := map[string][]Day{}
	for _, p := range people(t, s) {
		days[p.FirstName] = p.Days
	}
	if !slices.Equal(days["Awa"], []Day{"2026-03-02"}) || !slices.Equal(days["Bob"], []Day{"2026-02-03"}) ||
		!slices.Equal(days["Chloé"], []Day{"2026-03-02"}) {
		t.Fatal(days)
	}
}
