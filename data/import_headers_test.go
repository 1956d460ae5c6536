package data_test

import (
	"slices"
	"testing"

	. "congres/data"
	"congres/data/spreadsheet"
)

// TestImportHeadersAsExported checks headers as the platforms write them:
// a trailing space, a non-breaking space, a line break inside a quoted
// header cell (Google Forms' long questions), Eventbrite's French names;
// and that the columns no field takes are listed in the report.
func TestImportHeadersAsExported(t *testing.T) {
	t.Run("GoogleForms", func(t *testing.T) {
		s := mustOpen(t)
		path := exportFile(t, "google.csv", false, false,
			"Horodateur,Adresse\u00a0e-mail,Nom ,Prénom,\"Avez-vous un régime\nalimentaire particulier ?\",Souhaitez-vous recevoir la lettre d'information ?",
			"2026/09/10 9:15:02 AM UTC+2,camille.roux@example.org,Roux,Camille,Végétarien,Oui")
		pv, err := s.PreviewImport(ctx, spreadsheet.Source{Path: path})
		if err != nil {
			t.Fatal(err)
		}
		wantHeader := []string{"Horodateur", "Adresse e-mail", "Nom", "Prénom",
			"Avez-vous un régime alimentaire particulier ?", "Souhaitez-vous recevoir la lettre d'information ?"}
		wantMapping := []ImportField{FieldResponse, FieldEmail, FieldLastName, FieldFirstName, FieldDiet, FieldIgnore}
		if !slices.Equal(pv.Header, wantHeader) || !slices.Equal(pv.Mapping, wantMapping) {
			t.Fatalf("%q %v", pv.Header, pv.Mapping)
		}
		r := previewed(t, s, path, ImportOptions{}, nil)
		wantCounts(t, r, 1, 1, 0, 0, 0, 0)
		if !slices.Equal(r.IgnoredColumns, []string{"Souhaitez-vous recevoir la lettre d'information ?"}) {
			t.Fatalf("ignored %q", r.IgnoredColumns)
		}
	})
	t.Run("EventbriteFrench", func(t *testing.T) {
		s := mustOpen(t)
		path := exportFile(t, "eventbrite-fr.csv", true, false,
			"N° de commande,Date de commande,Prénom,Nom,E-mail,Quantité,Type de billet,N° de participant,Code-barres n°,Statut du participant ,Total payé",
			"1234567890,2026-09-01 10:00:00,Emma,Smith,emma@example.com,1,Adhérent·e,987654321,1234567890987654321001,Remboursé,45.00",
			"1234567891,2026-09-01 10:05:00,Noah,Jones,noah@example.com,1,Adhérent·e,987654322,1234567891987654322001,Inscrit,45.00")
		r, err := s.Import(ctx, spreadsheet.Source{Path: path}, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		wantCounts(t, r, 2, 2, 0, 0, 0, 0)
		if r.Tickets != 4 || !slices.Equal(r.IgnoredColumns, []string{"N° de commande", "Date de commande", "Quantité"}) {
			t.Fatalf("%+v", r)
		}
		got := statusesByEmail(t, s)
		if got["emma@example.com"] != StatusCancelled || got["noah@example.com"] != StatusConfirmed {
			t.Fatal(got)
		}
	})
}

// TestImportMapsLikeThePreview checks that an import given no mapping (the
// command line's) reads a "Billet" column of ticket numbers as tickets, as
// the dialog's preview does from the first rows.
func TestImportMapsLikeThePreview(t *testing.T) {
	s := mustOpen(t)
	path := exportFile(t, "billetweb.csv", false, true,
		"Billet;Nom;Prénom;Email;Tarif",
		"T2026-0001;Lefèvre;Hélène;helene@example.org;Adhérent·e",
		"T2026-0002;Dupont;Jean;jean@example.org;Adhérent·e")
	r, err := s.Import(ctx, spreadsheet.Source{Path: path}, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	if r.Tickets != 2 {
		t.Fatalf("%+v", r)
	}
}
