package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// The congress of the import tests: Thursday 15 and Friday 16 October 2026.
var importDays = []Day{"2026-10-15", "2026-10-16"}

// parseOne reads one row under the automatic mapping of header.
func parseOne(t *testing.T, header []string, cells ...string) ImportRecord {
	t.Helper()
	rp := &RecordParser{Header: header, Mapping: autoMapping(header), Days: importDays}
	return rp.Parse(ImportRow{Line: 2, Cells: cells})
}

func TestImportRecordDays(t *testing.T) {
	both := []Day{"2026-10-15", "2026-10-16"}
	thu, fri := []Day{"2026-10-15"}, []Day{"2026-10-16"}
	for _, c := range []struct {
		in   string
		want []Day
	}{
		{"2026-10-15", thu},
		{"2026-10-15 09:30", thu},
		{"2026-10-16T08:00:00", fri},
		{"15/10/2026", thu},
		{"16/10/26", fri},
		{"15.10.2026", thu},
		{"15-10-2026", thu},
		{"15/10", thu},
		{"15 octobre 2026", thu},
		{"vendredi 16 octobre", fri},
		{"Jeudi 15 octobre 2026 à 9h30", thu},
		{"1er jour", thu},
		{"October 15, 2026", thu},
		{"Friday, October 16", fri},
		{"15 Oct 2026", thu},
		{"16 oct. 2026", fri},
		{"10/15/2026", thu}, // month first, the only reading that makes sense
		{"Les deux jours", both},
		{"Both days", both},
		{"Tous", both},
		{"All", both},
		{"2 jours", both},
		{"Jour 1", thu},
		{"Day 2", fri},
		{"J1", thu},
		{"J1, J2", both},
		{"Jours 1 et 2", both},
		{"Jour 1 / Jour 2", both},
		{"jeudi", thu},
		{"Thursday and Friday", both},
		{"15/10/2026; 16/10/2026", both},
		{"15/10/2026, 16/10/2026", both},
		{"15/10/2026 / 16/10/2026", both},
		{"2026-10-15 et 2026-10-16", both},
		{"2026-10-16\n2026-10-15", both},
		{"jeudi 15 octobre, vendredi 16 octobre", both},
		{"46310", thu}, // an Excel date number
		{"Aucun", nil},
		{"premier jour", thu},
		{"last day", fri},
	} {
		t.Run(c.in, func(t *testing.T) {
			rec := parseOne(t, []string{"Prénom", "Nom", "Jours"}, "Hélène", "Lefèvre", c.in)
			if rec.Err != nil {
				t.Fatalf("error: %v", rec.Err)
			}
			if !reflect.DeepEqual(rec.P.Days, c.want) {
				t.Errorf("days = %v, want %v", rec.P.Days, c.want)
			}
		})
	}
	for _, c := range []struct{ in, en, fr string }{
		{"17/10/2026", "Saturday 17 October 2026, in the column “Jours”, is not a day of the congress (Thursday 15 October 2026, Friday 16 October 2026).",
			"Le samedi 17 octobre 2026, dans la colonne «Jours», n'est pas un jour du congrès (jeudi 15 octobre 2026, vendredi 16 octobre 2026)."},
		{"2026-11-15", "Sunday 15 November 2026, in the column “Jours”", "Le dimanche 15 novembre 2026, dans la colonne «Jours»"},
		{"Jour 3", "“Jour 3” in the column “Jours”: the congress has 2 day(s).", "«Jour 3» dans la colonne «Jours» : le congrès compte 2 jour(s)."},
		{"samedi", "samedi, in the column “Jours”, is not a day of the congress", "Le samedi, dans la colonne «Jours»"},
		{"n'importe quoi", "“n'importe quoi” in the column “Jours” is not a date nor a day of the congress", "«n'importe quoi» dans la colonne «Jours» n'est ni une date ni un jour du congrès"},
		{"31/02/2026", "“31/02/2026” in the column “Jours” is not a date", "«31/02/2026»"},
	} {
		t.Run("Err/"+c.in, func(t *testing.T) {
			rec := parseOne(t, []string{"Prénom", "Nom", "Jours"}, "Hélène", "Lefèvre", c.in)
			if rec.Err == nil {
				t.Fatalf("no error, days %v", rec.P.Days)
			}
			if rec.Column != "Jours" {
				t.Errorf("column = %q", rec.Column)
			}
			if en := Message(rec.Err, "en"); !strings.Contains(en, c.en) {
				t.Errorf("en: %q\nwant %q", en, c.en)
			}
			if fr := Message(rec.Err, "fr"); !strings.Contains(fr, c.fr) {
				t.Errorf("fr: %q\nwant %q", fr, c.fr)
			}
		})
	}
}

func TestImportRecordFee(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"45", 4500}, {"45,00 €", 4500}, {"45.50", 4550}, {"45,5", 4550}, {"1 234,50 €", 123450},
		{"1\u00a0234,50\u00a0€", 123450}, {"1\u202f234,50 €", 123450}, {"1,234.50", 123450},
		{"1.234,50", 123450}, {"1.234", 123400}, {"0,500", 50}, {"€45.50", 4550}, {"EUR 45", 4500},
		{"45 euros", 4500}, {"Gratuit", 0}, {"Free", 0}, {"0", 0}, {"12.345", 1234500}, {"45.5050", 4551},
	} {
		t.Run(c.in, func(t *testing.T) {
			rec := parseOne(t, []string{"Prénom", "Nom", "Montant"}, "Jean", "Dupont", c.in)
			if rec.Err != nil {
				t.Fatal(rec.Err)
			}
			if rec.P.FeeCents != c.want || !rec.Has[FieldFee] {
				t.Errorf("fee = %d (has %v), want %d", rec.P.FeeCents, rec.Has[FieldFee], c.want)
			}
		})
	}
	for _, in := range []string{"quarante", "45 dollars ou plus", "4,5,6.7.8"} {
		t.Run("Err/"+in, func(t *testing.T) {
			rec := parseOne(t, []string{"Prénom", "Nom", "Montant"}, "Jean", "Dupont", in)
			if !errors.Is(rec.Err, ErrImportFeeInvalid) || rec.Column != "Montant" {
				t.Fatalf("err = %v, column %q", rec.Err, rec.Column)
			}
		})
	}
}

func TestImportRecordYesNoStatus(t *testing.T) {
	header := []string{"Prénom", "Nom", "Payé", "Droit à l'image", "Statut"}
	for _, c := range []struct {
		paid, consent, status string
		wantPaid, wantOK      bool
		wantStatus            Status
	}{
		{"oui", "Oui, j'autorise la prise de photos", "Confirmé", true, true, StatusConfirmed},
		{"Non", "non", "Annulé", false, false, StatusCancelled},
		{"x", "yes", "Validé", true, true, StatusConfirmed},
		{"1", "TRUE", "En attente", true, true, StatusPending},
		{"0", "FALSE", "Remboursé", false, false, StatusCancelled},
		{"Payé", "J'accepte", "Pending", true, true, StatusPending},
		{"Paid", "✓", "Refunded", true, true, StatusCancelled},
		{"Validé", "no", "Attending", true, false, StatusConfirmed},
	} {
		t.Run(c.paid+"/"+c.status, func(t *testing.T) {
			rec := parseOne(t, header, "Jean", "Dupont", c.paid, c.consent, c.status)
			if rec.Err != nil {
				t.Fatal(rec.Err)
			}
			if rec.P.Paid != c.wantPaid || rec.P.ImageConsent != c.wantOK || rec.P.Status != c.wantStatus {
				t.Errorf("paid %v consent %v status %q", rec.P.Paid, rec.P.ImageConsent, rec.P.Status)
			}
			for _, f := range []ImportField{FieldPaid, FieldImageConsent, FieldStatus} {
				if !rec.Has[f] {
					t.Errorf("Has[%s] false", f)
				}
			}
		})
	}
	t.Run("ErrYesNo", func(t *testing.T) {
		rec := parseOne(t, header, "Jean", "Dupont", "peut-être", "", "")
		if !errors.Is(rec.Err, ErrImportYesNo) || rec.Column != "Payé" {
			t.Fatalf("err = %v, column %q", rec.Err, rec.Column)
		}
		if fr := Message(rec.Err, "fr"); fr != "«peut-être» dans la colonne «Payé» n'est ni oui ni non." {
			t.Errorf("fr: %s", fr)
		}
	})
	t.Run("StatusUnknown", func(t *testing.T) {
		// Imported without it, with a warning (TestImportStatusesOfPlatforms).
		rec := parseOne(t, header, "Jean", "Dupont", "", "", "Bof")
		if rec.Err != nil || rec.Has[FieldStatus] || rec.remarks == nil || rec.remarks.status != "Bof" || rec.remarks.statusColumn != "Statut" {
			t.Fatalf("err = %v, remarks %+v", rec.Err, rec.remarks)
		}
	})
}

func TestImportRecordNames(t *testing.T) {
	for _, c := range []struct {
		header      string
		in          string
		first, last string
	}{
		{"Nom complet", "Hélène Lefèvre", "Hélène", "Lefèvre"},
		{"Nom complet", "Jean-Pierre Martin Dupont", "Jean-Pierre Martin", "Dupont"},
		{"Nom complet", "DUPONT Jean", "Jean", "DUPONT"},
		{"Nom complet", "Jean-Pierre DE LA FONTAINE", "Jean-Pierre", "DE LA FONTAINE"},
		{"Nom complet", "Anne de la Tour", "Anne", "de la Tour"},
		{"Full name", "Marie Le Gall", "Marie", "Le Gall"},
		{"Nom Prénom", "Dupont Jean", "Jean", "Dupont"},
		{"Nom Prénom", "Le Gall Marie", "Marie", "Le Gall"},
		{"Participant", "Madonna", "", "Madonna"},
	} {
		t.Run(c.in, func(t *testing.T) {
			rec := parseOne(t, []string{c.header, "Email"}, c.in, "x@example.org")
			if rec.Err != nil {
				t.Fatal(rec.Err)
			}
			if rec.P.FirstName != c.first || rec.P.LastName != c.last {
				t.Errorf("first %q last %q, want %q %q", rec.P.FirstName, rec.P.LastName, c.first, c.last)
			}
			if !rec.Has[FieldLastName] || rec.Has[FieldFirstName] != (c.first != "") {
				t.Errorf("Has = %v", rec.Has)
			}
		})
	}
	t.Run("ExplicitColumnsWin", func(t *testing.T) {
		h := []string{"Prénom", "Nom de famille", "Nom complet"}
		rec := parseOne(t, h, "Hélène", "", "Hélène Lefèvre-Martin")
		if rec.P.FirstName != "Hélène" || rec.P.LastName != "Lefèvre-Martin" {
			t.Errorf("got %q %q", rec.P.FirstName, rec.P.LastName)
		}
	})
	t.Run("ErrImportNoName", func(t *testing.T) {
		rec := parseOne(t, []string{"Prénom", "Nom", "Email"}, " ", "", "x@example.org")
		if !errors.Is(rec.Err, ErrImportNoName) || rec.Column != "Prénom" {
			t.Fatalf("err = %v, column %q", rec.Err, rec.Column)
		}
		if fr := Message(rec.Err, "fr"); !strings.HasPrefix(fr, "La ligne ne donne aucun nom") {
			t.Errorf("fr: %s", fr)
		}
	})
	t.Run("AnonymousIsNoName", func(t *testing.T) {
		rec := parseOne(t, []string{"ID", "Heure de début", "Heure de fin", "Nom", "Adresse de messagerie"},
			"1", "", "", "Anonyme", "x@example.org")
		if !errors.Is(rec.Err, ErrImportNoName) {
			t.Fatalf("err = %v", rec.Err)
		}
	})
}

func TestImportRecordFields(t *testing.T) {
	header := []string{"Code", "Prénom", "Nom", "E-mail", "Téléphone", "Structure", "Fonction", "Tarif",
		"Région", "Régime alimentaire", "Accessibilité", "Ateliers", "Commentaire", "Remarques", "Horodateur"}
	rec := parseOne(t, header, " abc234 ", "  Hélène ", "Lefèvre", " Helene.Lefevre@Example.ORG ", "612345678",
		"Mairie de Lille", "Chargée de mission", "Adhérent·e", "Hauts-de-France", "Végétarien", "Aucun",
		"Eau et territoires; Mobilités | Climat", "Arrive jeudi midi", "Vient avec\nune collègue", "12/09/2026 10:00")
	if rec.Err != nil {
		t.Fatal(rec.Err)
	}
	want := Participant{Code: "ABC234", FirstName: "Hélène", LastName: "Lefèvre", Email: "helene.lefevre@example.org",
		Phone: "0612345678", Organisation: "Mairie de Lille", JobTitle: "Chargée de mission", Region: "Hauts-de-France",
		Diet: "Végétarien", Notes: "Commentaire: Arrive jeudi midi\nRemarques: Vient avec\nune collègue"}
	if !reflect.DeepEqual(rec.P, want) {
		t.Errorf("P =\n%+v\nwant\n%+v", rec.P, want)
	}
	if rec.Category != "Adhérent·e" {
		t.Errorf("category %q", rec.Category)
	}
	if w := []string{"Eau et territoires", "Mobilités", "Climat"}; !reflect.DeepEqual(rec.Workshops, w) {
		t.Errorf("workshops %q", rec.Workshops)
	}
	if rec.Has[FieldAccessibility] || !rec.Has[FieldDiet] || !rec.Has[FieldNotes] || !rec.Has[FieldWorkshops] {
		t.Errorf("Has = %v", rec.Has)
	}
	t.Run("WorkshopsOnCommas", func(t *testing.T) {
		rec := parseOne(t, []string{"Prénom", "Nom", "Ateliers"}, "A", "B", "Eau, Climat")
		if w := []string{"Eau", "Climat"}; !reflect.DeepEqual(rec.Workshops, w) {
			t.Errorf("workshops %q", rec.Workshops)
		}
	})
	t.Run("ErrEmailInvalid", func(t *testing.T) {
		rec := parseOne(t, []string{"Prénom", "Nom", "Adresse e-mail"}, "Jean", "Dupont", "jean.dupont@")
		if !errors.Is(rec.Err, ErrEmailInvalid) || rec.Column != "Adresse e-mail" {
			t.Fatalf("err = %v, column %q", rec.Err, rec.Column)
		}
		if fr := Message(rec.Err, "fr"); fr != "«jean.dupont@» n'est pas une adresse e-mail valide." {
			t.Errorf("fr: %s", fr)
		}
	})
	t.Run("ErrCodeInvalid", func(t *testing.T) {
		rec := parseOne(t, []string{"Code", "Prénom", "Nom"}, "0001", "Jean", "Dupont")
		if !errors.Is(rec.Err, ErrCodeInvalid) || rec.Column != "Code" {
			t.Fatalf("err = %v, column %q", rec.Err, rec.Column)
		}
	})
	t.Run("ErrImportExtraCells", func(t *testing.T) {
		rec := parseOne(t, []string{"Prénom", "Nom"}, "Jean", "Dupont", "surplus")
		if !errors.Is(rec.Err, ErrImportExtraCells) {
			t.Fatalf("err = %v", rec.Err)
		}
		if en := Message(rec.Err, "en"); !strings.HasPrefix(en, "This row has 3 cells but the header only 2 columns") {
			t.Errorf("en: %s", en)
		}
	})
	t.Run("ValidatesOnceCategorySet", func(t *testing.T) {
		rec := parseOne(t, header[:4], "ABC234", "Jean", "Dupont", "jean@example.org")
		rec.P.CategoryID = 1
		if err := rec.P.Validate(); err != nil {
			t.Fatal(err)
		}
	})
}
