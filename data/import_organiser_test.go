package data_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	. "congres/data"
)

// Imports as an organiser runs them (issue 19, "Imports from the
// platforms, as they really are"): files shaped like the platforms'
// exports, with rows of our own.

// TestImportFeeGroups checks that an amount whose thousands separators do
// not stand between groups of three digits is refused with the import's
// sentence for a wrong amount, and that real groups are read.
func TestImportFeeGroups(t *testing.T) {
	s := mustOpen(t)
	r := importLines(t, s, ImportOptions{OnMatch: MatchCreate, Mapping: []ImportField{FieldFirstName, FieldLastName, FieldFee}}, "Prénom,Nom,Montant",
		`Ana,Un,"12,3,4"`, `Ben,Deux,"1,5,0"`, `Cleo,Trois,12.05.2022`, `Dan,Quatre,"1 200,50"`, `Eva,Cinq,"1,200.00"`)
	wantCounts(t, r, 5, 2, 0, 0, 0, 3)
	for i, is := range r.Issues[:3] {
		if !errors.Is(is.Err, ErrImportFeeInvalid) || is.Column != "Montant" || is.Line != i+2 {
			t.Errorf("issue %d: %+v", i, is)
		}
	}
	fees := map[string]int64{}
	for _, p := range people(t, s) {
		fees[p.LastName] = p.FeeCents
	}
	if fees["Quatre"] != 120050 || fees["Cinq"] != 120000 {
		t.Fatalf("fees %v", fees)
	}
}

// TestImportFormsAnonymous checks that "anonymous", which Microsoft Forms
// writes as the email of a form that collects none, is read as no email.
func TestImportFormsAnonymous(t *testing.T) {
	s := mustOpen(t)
	header := []any{"ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom", "Heure de la dernière modification", "Prénom", "Nom de famille", "Structure"}
	rows := [][]any{header,
		{1, "10/1/21 10:20:33", "10/1/21 10:22:00", "anonymous", "", "", "Nadia", "Ferrand", "Org M"},
		{2, "10/1/21 11:20:33", "10/1/21 11:22:00", "Anonymous", "", "", "Tom", "Vidal", "Org M"}}
	r := previewed(t, s, exportWorkbook(t, "forms.xlsx", "Form1", rows), ImportOptions{}, nil)
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	for _, p := range people(t, s) {
		if p.Email != "" {
			t.Errorf("%s has the email %q", p.FullName(), p.Email)
		}
	}
}

// platformFiles are exports shaped like the platforms' (their headers as
// they write them), with rows of our own: in each, a ticket validated
// with its amount ("Paid"), a free one ("Free"), and one pending or
// refunded ("Owes").
var platformFiles = map[string][]string{
	"HelloAsso": {"\ufeffNuméro de billet;Référence commande;Date de la commande;Statut de la commande;Nom participant;Prénom participant;" +
		"Nom payeur;Prénom payeur;Email payeur;Raison sociale;Moyen de paiement;Tarif;Montant du tarif;Code Promo",
		"20000001;R1;01/10/2021 10:20;Validé;PAID;Hugo;Roy;Lina;lina.roy@example.org;;Carte bancaire;Adhérent;120,00;",
		"20000002;R1;01/10/2021 10:20;Validé;FREE;Iris;Roy;Lina;lina.roy@example.org;;Carte bancaire;Élu;0,00;",
		"20000003;R2;02/10/2021 09:00;En attente;OWES;Jade;Roy;Lina;lina.roy@example.org;;Chèque;Adhérent;120,00;"},
	"Eventbrite": {"Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Barcode #,Buyer Last Name," +
		"Buyer First Name,Buyer Email,Date Attending,Check-In Date,Discount,Order Type,Total Paid,Fees Paid,Eventbrite Fees," +
		"Eventbrite Payment Processing,Attendee Status ,Company,Job Title",
		"5001,10/1/21 9:00,Hugo,Paid,hugo@example.com,1,Member,6001,600100001001,Paid,Hugo,hugo@example.com,10/1/21,,,Eventbrite Completed,120.00,5.00,3.00,2.00,Attending,Acme,CEO",
		"5002,10/1/21 9:05,Iris,Free,iris@example.com,1,Speaker,6002,600200001001,Free,Iris,iris@example.com,10/1/21,,,Free Order,0.00,0,0,0,Attending,Acme,",
		"5003,10/1/21 9:10,Jade,Owes,jade@example.com,1,Member,6003,600300001001,Owes,Jade,jade@example.com,10/1/21,,,Eventbrite Completed,120.00,0,0,0,Refunded,Acme,"},
	"Weezevent": {"\ufeffbarcode;Nom;Prénom;E-mail;Tarif;Date d'achat;Montant;Structure;Statut",
		"W1001A;Paid;Hugo;hugo@example.fr;Adhérent;01/10/2021 10:20;120,00;Asso A;Validé",
		"W1002B;Free;Iris;iris@example.fr;Élu(e);01/10/2021 10:21;0,00;Asso B;Validé",
		"W1003C;Owes;Jade;jade@example.fr;Adhérent;02/10/2021 11:05;120,00;Asso C;En attente"},
}

// TestImportPaidOnline checks that a ticket a platform validated, with
// its amount, is paid: the desk's card shows nothing due; a free ticket
// owes nothing; a pending one still owes its amount.
func TestImportPaidOnline(t *testing.T) {
	for name, lines := range platformFiles {
		t.Run(name, func(t *testing.T) {
			s := mustOpen(t)
			r := previewed(t, s, exportFile(t, name+".csv", false, false, lines...), ImportOptions{CreateCategories: true}, nil)
			wantCounts(t, r, 3, 3, 0, 0, 0, 0)
			for _, p := range people(t, s) {
				c := card(t, s, p.ID, day1, 0)
				last := strings.ToUpper(p.LastName)
				switch {
				case last == "PAID" && (!p.Paid || p.FeeCents != 12000 || c.FeeDueCents != 0 || slices.Contains(kinds(c.Warnings), WarnUnpaid)):
					t.Errorf("%s: paid %v, fee %d, due %d, warnings %v", p.FullName(), p.Paid, p.FeeCents, c.FeeDueCents, kinds(c.Warnings))
				case last == "FREE" && (c.FeeDueCents != 0 || slices.Contains(kinds(c.Warnings), WarnUnpaid)):
					t.Errorf("%s: due %d", p.FullName(), c.FeeDueCents)
				case last == "OWES" && (p.Paid || p.FeeCents != 12000):
					t.Errorf("%s: paid %v, fee %d", p.FullName(), p.Paid, p.FeeCents)
				}
			}
		})
	}
}

// helloAssoWeeks are a HelloAsso export and the same a week later: the
// payer corrected their email, the names were recased, a pending order
// was validated, and "Non adhérent" is no category of the congress.
var helloAssoWeeks = [2][]string{{
	"\ufeffNuméro de billet;Référence commande;Date de la commande;Statut de la commande;Nom participant;Prénom participant;" +
		"Nom payeur;Prénom payeur;Email payeur;Raison sociale;Moyen de paiement;Tarif;Montant du tarif;Code Promo",
	"40000001;R1;01/10/2021 10:20;Validé;ROY;Hugo;Roy;Lina;lina.roy@exemple.fr;;Carte bancaire;Adhérent;120,00;",
	"40000002;R1;01/10/2021 10:20;Validé;VIDAL;Tom;Roy;Lina;lina.roy@exemple.fr;;Carte bancaire;Non adhérent;180,00;",
	"40000003;R2;02/10/2021 14:05;En attente;ARNAUD;Zoé;Faure;Léo;leo.faure@exemple.fr;;Virement;Adhérent;120,00;",
}, {
	"\ufeffNuméro de billet;Référence commande;Date de la commande;Statut de la commande;Nom participant;Prénom participant;" +
		"Nom payeur;Prénom payeur;Email payeur;Raison sociale;Moyen de paiement;Tarif;Montant du tarif;Code Promo",
	"40000001;R1;01/10/2021 10:20;Validé;Roy;Hugo;Roy;Lina;lina.roy@example.org;;Carte bancaire;Adhérent;120,00;",
	"40000002;R1;01/10/2021 10:20;Validé;Vidal;Tom;Roy;Lina;lina.roy@example.org;;Carte bancaire;Non adhérent;180,00;",
	"40000003;R2;02/10/2021 14:05;Validé;Arnaud;Zoé;Faure;Léo;leo.faure@example.org;;Virement;Adhérent;120,00;",
}}

// TestImportNextWeek re-imports next week's export. A dry run that
// overwrites names each value it would replace. Filling empty fields (the
// default), the tickets find the same people, who take the emails
// corrected and the names recased (nobody edited them since the last
// import, import_memory.go) and what the platform decides about the
// ticket (an order validated since); nobody is added, and the category
// chosen for "Non adhérent" last week is remembered.
func TestImportNextWeek(t *testing.T) {
	s := mustOpen(t)
	payer := func(h []string, m []ImportField) { mapColumn(h, m, "Email payeur", FieldEmail) }
	plein := category(t, s, "Partenaire ESS")
	opts := ImportOptions{CategoryMap: map[string]int64{Fold("Non adhérent"): plein}}
	r := previewed(t, s, exportFile(t, "semaine1.csv", false, false, helloAssoWeeks[0]...), opts, payer)
	wantCounts(t, r, 3, 3, 0, 0, 0, 0)
	before := people(t, s)
	r = previewed(t, s, exportFile(t, "semaine2.csv", false, false, helloAssoWeeks[1]...), ImportOptions{OnMatch: MatchOverwrite, DryRun: true}, payer)
	wantCounts(t, r, 3, 0, 3, 0, 0, 0)
	if r.Overwritten != 3 || len(r.Issues) != 3 {
		t.Fatalf("overwriting: %+v", r)
	}
	if got, want := Message(r.Issues[0].Err, "en"), "The file's values replace those of Hugo ROY: last name “ROY” → “Roy”; email “lina.roy@exemple.fr” → “lina.roy@example.org”."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, want := Message(r.Issues[0].Err, "fr"), "Les valeurs du fichier remplacent celles de Hugo ROY : nom «ROY» → «Roy» ; e-mail «lina.roy@exemple.fr» → «lina.roy@example.org»."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	r = previewed(t, s, exportFile(t, "semaine2.csv", false, false, helloAssoWeeks[1]...), ImportOptions{}, payer)
	wantCounts(t, r, 3, 0, 3, 0, 0, 0)
	if r.Kept != 0 || r.Overwritten != 0 || r.EditsKept != 0 || len(r.Issues) != 0 {
		t.Fatalf("filling: %+v", r)
	}
	after := people(t, s)
	for i, p := range after {
		if p.ID != before[i].ID || p.Email != "lina.roy@example.org" && p.Email != "leo.faure@example.org" ||
			p.LastName == strings.ToUpper(p.LastName) {
			t.Errorf("%+v, was %+v", p, before[i])
		}
		if p.LastName == "Vidal" && p.CategoryID != plein {
			t.Errorf("Tom Vidal is in category %d, want %d", p.CategoryID, plein)
		}
		if p.LastName == "Arnaud" && (p.Status != StatusConfirmed || !p.Paid || card(t, s, p.ID, day1, 0).FeeDueCents != 0) {
			t.Errorf("Zoé Arnaud, validated since: %s, paid %v", p.Status, p.Paid)
		}
	}
	// The same file again, either way: nothing differs.
	for _, mode := range []OnMatch{MatchFill, MatchOverwrite} {
		r = previewed(t, s, exportFile(t, "semaine2.csv", false, false, helloAssoWeeks[1]...), ImportOptions{OnMatch: mode}, payer)
		wantCounts(t, r, 3, 0, 0, 3, 0, 0)
	}
}

// TestImportFillKeepsHandEdits corrects a name and an email by hand, then
// re-imports the platform's export: filling empty fields keeps them (the
// others, nobody edited, take the file's values); a dry run that
// overwrites names the person and each value it would replace, and
// writes nothing.
func TestImportFillKeepsHandEdits(t *testing.T) {
	s := mustOpen(t)
	payer := func(h []string, m []ImportField) { mapColumn(h, m, "Email payeur", FieldEmail) }
	opts := ImportOptions{CreateCategories: true}
	previewed(t, s, exportFile(t, "semaine1.csv", false, false, helloAssoWeeks[0]...), opts, payer)
	var hugo Participant
	for _, p := range people(t, s) {
		if p.FirstName == "Hugo" {
			hugo = p
		}
	}
	hugo.LastName, hugo.Email = "Roy-Martin", "hugo@coop.example"
	if err := s.UpdateParticipant(ctx, &hugo); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []OnMatch{MatchFill, MatchSkip} {
		opts.OnMatch = mode
		previewed(t, s, exportFile(t, "semaine2.csv", false, false, helloAssoWeeks[1]...), opts, payer)
		got, err := s.Participant(ctx, hugo.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.LastName != "Roy-Martin" || got.Email != "hugo@coop.example" {
			t.Fatalf("mode %d: Hugo is %s <%s>, corrected by hand as Roy-Martin <hugo@coop.example>", mode, got.FullName(), got.Email)
		}
	}
	opts.OnMatch, opts.DryRun = MatchOverwrite, true
	r := previewed(t, s, exportFile(t, "semaine2.csv", false, false, helloAssoWeeks[1]...), opts, payer)
	var said []string
	for _, is := range r.Issues {
		if errors.Is(is.Err, ErrImportOverwrites) {
			said = append(said, Message(is.Err, "en"))
		}
	}
	want := "The file's values replace those of Hugo Roy-Martin: last name “Roy-Martin” → “Roy”; email “hugo@coop.example” → “lina.roy@example.org”."
	if r.Overwritten != 1 || !slices.Contains(said, want) {
		t.Fatalf("overwritten %d, warnings %q", r.Overwritten, said)
	}
	if got, _ := s.Participant(ctx, hugo.ID); got.LastName != "Roy-Martin" {
		t.Fatalf("the dry run wrote %s", got.FullName())
	}
}

// TestImportKept checks that a row whose values differ from the
// congress's, which an import filling empty fields keeps, is counted as
// kept, not unchanged; overwriting takes them.
func TestImportKept(t *testing.T) {
	s := mustOpen(t)
	importLines(t, s, ImportOptions{}, "Prénom,Nom,E-mail,Régime", "Awa,Diallo,awa@example.org,Végétarien", "Léo,Bardin,leo@example.org,")
	r := importLines(t, s, ImportOptions{}, "Prénom,Nom,E-mail,Régime", "awa,DIALLO,awa@example.org,Vegan", "LEO,Bardin,leo@example.org,")
	wantCounts(t, r, 2, 0, 0, 1, 0, 0)
	if r.Kept != 1 {
		t.Fatalf("kept %d, want 1", r.Kept)
	}
	r = importLines(t, s, ImportOptions{OnMatch: MatchOverwrite}, "Prénom,Nom,E-mail,Régime", "Awa,Diallo,awa@example.org,Vegan")
	wantCounts(t, r, 1, 0, 1, 0, 0, 0)
}

// TestImportDaysReplaced re-imports a file whose dates were read the
// wrong way round, month first this time: the people's days are the
// file's, not both.
func TestImportDaysReplaced(t *testing.T) {
	s := mustOpen(t)
	lines := []string{"Nom;Prénom;Email;Jours", "Aubert;Nina;nina@example.org;25/11/2021", "Blin;Marc;marc@example.org;26/11/2021"}
	path := exportFile(t, "jours.csv", false, false, lines...)
	previewed(t, s, path, ImportOptions{}, nil)
	lines[1], lines[2] = "Aubert;Nina;nina@example.org;26/11/2021", "Blin;Marc;marc@example.org;25/11/2021"
	for _, mode := range []OnMatch{MatchFill, MatchOverwrite} {
		r := previewed(t, s, exportFile(t, "jours.csv", false, false, lines...), ImportOptions{OnMatch: mode}, nil)
		wantCounts(t, r, 2, 0, 2, 0, 0, 0)
		for _, p := range people(t, s) {
			want := map[bool]Day{true: day2, false: day1}[(p.LastName == "Aubert") == (mode == MatchFill)]
			if !slices.Equal(p.Days, []Day{want}) {
				t.Fatalf("mode %d: %s on %v, want %s", mode, p.FullName(), p.Days, want)
			}
		}
		lines[1], lines[2] = "Aubert;Nina;nina@example.org;25/11/2021", "Blin;Marc;marc@example.org;26/11/2021"
	}
}

// TestImportNextWeekEventbrite re-imports an Eventbrite export whose
// attendees corrected their email and whose names were recased: the
// barcodes find the same people, who take the new emails and names
// (nobody edited them since the last import); overwriting then changes
// nothing.
func TestImportNextWeekEventbrite(t *testing.T) {
	s := mustOpen(t)
	week1 := platformFiles["Eventbrite"]
	previewed(t, s, exportFile(t, "eventbrite.csv", false, false, week1...), ImportOptions{CreateCategories: true}, nil)
	week2 := []string{week1[0]}
	for _, l := range week1[1:] {
		l = strings.NewReplacer("@example.com", "@example.net", "Hugo", "HUGO", "Paid", "PAID").Replace(l)
		week2 = append(week2, l)
	}
	r := previewed(t, s, exportFile(t, "eventbrite.csv", false, false, week2...), ImportOptions{}, nil)
	if r.New != 0 || r.Updated != 3 || r.Kept != 0 || r.Rejected != 0 {
		t.Fatalf("filling: %+v", r)
	}
	r = previewed(t, s, exportFile(t, "eventbrite.csv", false, false, week2...), ImportOptions{OnMatch: MatchOverwrite}, nil)
	if r.New != 0 || r.Unchanged != 3 || r.Rejected != 0 || r.Overwritten != 0 {
		t.Fatalf("%+v", r)
	}
	for _, p := range people(t, s) {
		if !strings.HasSuffix(p.Email, "@example.net") {
			t.Errorf("%s kept the email %s", p.FullName(), p.Email)
		}
		if p.FirstName == "Hugo" || p.LastName == "Paid" {
			t.Errorf("%s not recased", p.FullName())
		}
	}
}

// TestImportFormQuestionHeader imports a Google Forms export whose
// category question carries a hint on a second line: the column is
// imported, and its header spanning two lines is no warning.
func TestImportFormQuestionHeader(t *testing.T) {
	s := mustOpen(t)
	path := exportFile(t, "google.csv", false, false, "Horodateur,Adresse e-mail,Nom,Prénom,Structure,\"Catégorie\n(adhérent, élu…)\"",
		"01/10/2021 10:20:33,ines@example.org,Blanc,Inès,Org Z,adhérent", "01/10/2021 11:00:01,jules@example.org,Noir,Jules,Org Z,ÉLU·E")
	r := previewed(t, s, path, ImportOptions{}, nil)
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	if len(r.IgnoredColumns) != 0 || len(r.Issues) != 0 {
		t.Fatalf("ignored %q, issues %v", r.IgnoredColumns, r.Issues)
	}
	for _, p := range people(t, s) {
		if want := map[string]string{"Blanc": "Adhérent·e", "Noir": "Élu·e"}[p.LastName]; p.CategoryID != category(t, s, want) {
			t.Errorf("%s in category %d, want %s", p.FullName(), p.CategoryID, want)
		}
	}
}
