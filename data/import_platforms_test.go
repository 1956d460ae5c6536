package data_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	. "congres/data"
	"congres/data/spreadsheet"
)

// Files shaped like the exports of the ticketing platforms and forms
// (their headers as they write them, a BOM, semicolons, Windows-1252,
// workbooks), with rows of our own.

// exportFile writes lines as a platform's CSV export: joined with CRLF,
// with a UTF-8 BOM when bom, in Windows-1252 when cp1252.
func exportFile(tb testing.TB, name string, bom, cp1252 bool, lines ...string) string {
	tb.Helper()
	text := strings.Join(lines, "\r\n") + "\r\n"
	b := []byte(text)
	if cp1252 {
		var err error
		if b, err = charmap.Windows1252.NewEncoder().Bytes(b); err != nil {
			tb.Fatal(err)
		}
	}
	if bom {
		b = append([]byte("\ufeff"), b...)
	}
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// exportWorkbook writes rows (the first the header) as the only sheet of
// a workbook, as Microsoft Forms exports its answers.
func exportWorkbook(tb testing.TB, name, sheet string, rows [][]any) string {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		tb.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			tb.Fatal(err)
		}
	}
	path := filepath.Join(tb.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// previewed imports a file under the mapping the dialog proposes for it
// (its header and first rows), changed by edit when not nil.
func previewed(tb testing.TB, s *Store, path string, opts ImportOptions, edit func(header []string, m []ImportField)) ImportReport {
	tb.Helper()
	pv, err := s.PreviewImport(ctx, spreadsheet.Source{Path: path})
	if err != nil {
		tb.Fatal(err)
	}
	opts.Mapping = pv.Mapping
	if edit != nil {
		edit(pv.Header, opts.Mapping)
	}
	r, err := s.Import(ctx, spreadsheet.Source{Path: path}, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// mapColumn maps the column named h to f.
func mapColumn(header []string, m []ImportField, h string, f ImportField) {
	for i := range header {
		if header[i] == h {
			m[i] = f
		}
	}
}

// helloAssoExport is a HelloAsso export of 39 tickets in orders of one to
// three: one payer buys for colleagues, so the payer's email is the
// order's; five participants have a namesake in another order, and
// "Raison sociale" is empty. week 2 is the same export a week later: the
// payers corrected their email, and HelloAsso wrote last names in
// capitals.
func helloAssoExport(tb testing.TB, week int) string {
	lines := []string{"Export HelloAsso du 12/09/2026;;;;;;;;;;;;", ";;;;;;;;;;;;",
		"Référence commande;Date de la commande;Statut de la commande;Nom participant;Prénom participant;" +
			"Nom payeur;Prénom payeur;Email payeur;Raison sociale;Moyen de paiement;Tarif;Montant tarif;Numéro de billet"}
	firsts := []string{"Jean", "Awa", "Hélène", "Karim", "Chloé", "Lucas", "Inès", "Paul", "Léa", "Yanis", "Manon", "Hugo", "Sarah"}
	lasts := []string{"Martin", "Diallo", "Lefèvre", "Benali", "Roux", "Bernard", "Petit", "Moreau", "Garnier", "Faure", "Blanc", "Girard", "Chevalier"}
	ticket, order := 48213300, 1040
	for n := 0; n < 39; {
		order++
		size := 1 + order%3
		payer := fmt.Sprintf("tresorerie%d@example.org", order)
		if week == 2 {
			payer = fmt.Sprintf("compta%d@example.fr", order)
		}
		for k := 0; k < size && n < 39; k++ {
			// Participants 34 to 38 are namesakes of 0 to 4, in other orders.
			i := n
			if n >= 34 {
				i = n - 34
			}
			first, last := firsts[i%len(firsts)], lasts[(i/len(firsts)+i)%len(lasts)]
			if week == 2 {
				last = strings.ToUpper(last)
			}
			lines = append(lines, fmt.Sprintf("%d;%02d/09/2026 10:%02d;Validé;%s;%s;%s;%s;%s;;Carte bancaire;Adhérent·e;120,00;%d",
				order, 1+order%28, n, last, first, "Payeur", "Zoé", payer, ticket+n))
			n++
		}
	}
	return exportFile(tb, fmt.Sprintf("helloasso-semaine-%d.csv", week), true, false, lines...)
}

// TestImportIdentityByTicket checks that a ticket says who a row is: the
// namesakes of a HelloAsso export are not merged, and the next week's
// export updates the same people and adds nobody.
func TestImportIdentityByTicket(t *testing.T) {
	s := mustOpen(t)
	payerAsEmail := func(h []string, m []ImportField) { mapColumn(h, m, "Email payeur", FieldEmail) }
	for _, payer := range []bool{false, true} {
		s = mustOpen(t)
		var edit func([]string, []ImportField)
		if payer {
			edit = payerAsEmail
		}
		r := previewed(t, s, helloAssoExport(t, 1), ImportOptions{}, edit)
		if r.New != 39 || r.Tickets != 39 || r.Rejected != 0 || r.Unchanged != 0 || len(people(t, s)) != 39 {
			t.Fatalf("payer's email mapped %v: %+v, %d people", payer, r, len(people(t, s)))
		}
		// The namesakes in other orders are reported, not merged.
		if r.PossibleDuplicates != 5 {
			t.Errorf("payer's email mapped %v: %d possible duplicates, want 5", payer, r.PossibleDuplicates)
		}
	}
	// A week later: the same people, whatever the emails and the case.
	before := people(t, s)
	// Filling empty fields, the tickets find them and they take the
	// emails corrected and the names recased (nobody edited them);
	// overwriting then changes nothing.
	r := previewed(t, s, helloAssoExport(t, 2), ImportOptions{}, payerAsEmail)
	wantCounts(t, r, 39, 0, 39, 0, 0, 0)
	if r.Kept != 0 {
		t.Fatalf("filling: %+v", r)
	}
	r = previewed(t, s, helloAssoExport(t, 2), ImportOptions{OnMatch: MatchOverwrite}, payerAsEmail)
	wantCounts(t, r, 39, 0, 0, 39, 0, 0)
	after := people(t, s)
	if len(after) != 39 || r.Tickets != 0 || r.PossibleDuplicates != 0 {
		t.Fatalf("%d people, %+v", len(after), r)
	}
	for i, p := range after {
		if p.ID != before[i].ID || !strings.HasPrefix(p.Email, "compta") || p.LastName != strings.ToUpper(p.LastName) {
			t.Fatalf("%+v, was %+v", p, before[i])
		}
	}
}

// TestImportIdentityPlatforms re-imports each platform's export a week
// later (emails corrected, names recased): nobody is added, and two
// people with one email (a payer, an assistant filling the form for
// colleagues) stay two.
func TestImportIdentityPlatforms(t *testing.T) {
	cases := []struct {
		name   string
		file   func(tb testing.TB, week int) string
		edit   func([]string, []ImportField)
		people int
	}{
		{"Eventbrite", func(tb testing.TB, week int) string {
			email := "office@acme.example.com"
			if week == 2 {
				email = "emma.smith@acme.example.com"
			}
			return exportFile(tb, "eventbrite.csv", false, false,
				"Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Barcode #,Total Paid,Attendee Status ",
				"1234567890,2026-09-01 10:00:00,Emma,Smith,"+email+",2,Early bird,987654321,1234567890987654321001,€45.00,Attending",
				"1234567890,2026-09-01 10:00:00,Noah,Jones,office@acme.example.com,2,Early bird,987654322,1234567890987654322001,€45.00,Attending",
				"1234567891,2026-09-02 11:30:00,"+recase("Emma", week)+","+recase("Smith", week)+",emma@globex.example.com,1,Standard,987654323,1234567891987654323001,€60.00,Attending")
		}, nil, 3},
		{"Weezevent", func(tb testing.TB, week int) string {
			return exportFile(tb, "weezevent.csv", true, false,
				"Nom;Prénom;E-mail;Tarif;Code-barre;Date d'achat;Société;Téléphone",
				recase("Martin", week)+";Chloé;chloe.martin@example.org;Plein tarif;8812345678901;01/09/2026 10:20;;0612345678",
				recase("Martin", week)+";Chloé;secretariat@example.org;Plein tarif;8812345678902;02/09/2026 11:00;;")
		}, nil, 2},
		{"Billetweb", func(tb testing.TB, week int) string {
			return exportFile(tb, "billetweb.csv", false, true,
				"Billet;Commande;Date;Nom;Prénom;Email;Tarif;Payé;Valide",
				"T2026-0001;C881;01/10/2021 10:20;"+recase("Lefèvre", week)+";Hélène;inscriptions@mairie.example.fr;Élu·e;Oui;Oui",
				"T2026-0002;C881;01/10/2021 10:20;"+recase("Lefèvre", week)+";Hélène;inscriptions@mairie.example.fr;Élu·e;Oui;Oui")
		}, nil, 2}, // one seat a ticket, the second a possible duplicate
		{"GoogleForms", func(tb testing.TB, week int) string {
			return exportFile(tb, "google.csv", false, false,
				"Horodateur,Adresse e-mail,Nom,Prénom,Structure",
				"2026/09/10 9:15:02 AM UTC+2,secretariat@example.org,"+recase("Roux", week)+",Camille,CAF du Nord",
				"2026/09/10 9:21:40 AM UTC+2,secretariat@example.org,"+recase("Petit", week)+",Paul,CAF du Nord")
		}, nil, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := mustOpen(t)
			opts := ImportOptions{CreateCategories: true}
			r := previewed(t, s, c.file(t, 1), opts, c.edit)
			if r.New != c.people || r.Rejected != 0 || len(people(t, s)) != c.people {
				t.Fatalf("first import: %+v, %d people", r, len(people(t, s)))
			}
			opts.OnMatch = MatchOverwrite
			r = previewed(t, s, c.file(t, 2), opts, c.edit)
			if r.New != 0 || r.Rejected != 0 || len(people(t, s)) != c.people {
				t.Fatalf("a week later: %+v, %d people", r, len(people(t, s)))
			}
		})
	}
	t.Run("MicrosoftForms", func(t *testing.T) {
		s := mustOpen(t)
		header := []any{"ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom", "Heure de la dernière modification", "Structure"}
		rows := [][]any{header,
			{1, "9/10/26 9:15:02", "9/10/26 9:17:40", "assistante@region.example.fr", "Alice Moreau", "", "Région Bretagne"},
			{2, "9/10/26 10:01:00", "9/10/26 10:03:12", "assistante@region.example.fr", "LAMBERT Bob", "", "Région Bretagne"}}
		r := previewed(t, s, exportWorkbook(t, "forms.xlsx", "Form1", rows), ImportOptions{}, nil)
		if r.New != 2 || r.Tickets != 0 {
			t.Fatalf("%+v", r)
		}
		rows = append(rows, []any{3, "9/11/26 8:00:00", "9/11/26 8:02:00", "carla@example.org", "Carla Nguyen", "", ""})
		rows[1][4] = "Alice MOREAU"
		r = previewed(t, s, exportWorkbook(t, "forms.xlsx", "Form1", rows), ImportOptions{OnMatch: MatchOverwrite}, nil)
		if r.New != 1 || r.Updated != 1 || r.Unchanged != 1 || len(people(t, s)) != 3 {
			t.Fatalf("%+v", r)
		}
	})
}

func recase(s string, week int) string {
	if week == 2 {
		return strings.ToUpper(s)
	}
	return s
}

// TestImportPossibleDuplicate checks that a row without a ticket whose
// name finds someone with another email is imported and reported as a
// possible duplicate, not counted as unchanged.
func TestImportPossibleDuplicate(t *testing.T) {
	s := mustOpen(t)
	p := newPerson(t, s, "Jean", "Martin")
	p.Email = "jean.martin@coopsud.fr"
	if err := s.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,E-mail", "Jean,MARTIN,jmartin@envie.fr", "Awa,Diallo,")
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	if r.PossibleDuplicates != 1 || len(r.Issues) != 1 || !r.Issues[0].Warning || r.Issues[0].Line != 2 {
		t.Fatalf("%+v", r)
	}
	if got := Message(r.Issues[0].Err, "en"); got != "Possible duplicate: Jean Martin has the same name but another email. The row was imported as a new person; merge them in Participants if it is the same person." {
		t.Error(got)
	}
	if got := Message(r.Issues[0].Err, "fr"); got != "Doublon possible : Jean Martin a le même nom mais un autre e-mail. La ligne a été importée comme une nouvelle personne ; fusionnez-les dans Participants s'il s'agit de la même personne." {
		t.Error(got)
	}
	// Without an email, the name still finds them.
	r = importLines(t, s, ImportOptions{}, "Prénom,Nom,E-mail", "jean,martin,")
	wantCounts(t, r, 1, 0, 0, 1, 0, 0)
}
