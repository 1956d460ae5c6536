package data_test

import (
	"errors"
	"testing"

	. "congres/data"
)

// expected is how many people the desk expects on day, all categories.
func expected(tb testing.TB, s *Store, day Day) int {
	tb.Helper()
	counts, err := s.DeskCounts(ctx, day)
	if err != nil {
		tb.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		n += c.Expected
	}
	return n
}

// statusesByEmail maps each person's email to their status.
func statusesByEmail(tb testing.TB, s *Store) map[string]Status {
	tb.Helper()
	m := map[string]Status{}
	for _, p := range people(tb, s) {
		m[p.Email] = p.Status
	}
	return m
}

// TestImportStatuses checks that the status columns of HelloAsso,
// Eventbrite and Billetweb give confirmed, pending or cancelled, and that
// a ticket refunded since the last import is no longer expected at the
// desk, even when the import only fills empty fields.
func TestImportStatuses(t *testing.T) {
	helloAsso := func(tb testing.TB, third string) string {
		return exportFile(tb, "helloasso.csv", true, false,
			"Référence commande;Date de la commande;Statut de la commande;Nom participant;Prénom participant;Email;Tarif;Montant tarif;Numéro de billet",
			"1041;01/09/2026 10:20;Validé;Lefèvre;Hélène;helene@example.org;Adhérent·e;120,00;48213377",
			"1042;02/09/2026 11:00;En attente;Dupont;Jean;jean@example.org;Adhérent·e;120,00;48213378",
			"1043;03/09/2026 12:00;"+third+";Benali;Karim;karim@example.org;Adhérent·e;120,00;48213379",
			"1044;04/09/2026 12:30;Annulé;Roux;Camille;camille@example.org;Adhérent·e;120,00;48213380",
			"1045;05/09/2026 09:00;Refunded;Petit;Paul;paul@example.org;Adhérent·e;120,00;48213381")
	}
	t.Run("HelloAsso", func(t *testing.T) {
		s := mustOpen(t)
		r := previewed(t, s, helloAsso(t, "Validé"), ImportOptions{}, nil)
		wantCounts(t, r, 5, 5, 0, 0, 0, 0)
		want := map[string]Status{"helene@example.org": StatusConfirmed, "jean@example.org": StatusPending,
			"karim@example.org": StatusConfirmed, "camille@example.org": StatusCancelled, "paul@example.org": StatusCancelled}
		if got := statusesByEmail(t, s); len(got) != 5 || got["helene@example.org"] != want["helene@example.org"] ||
			got["jean@example.org"] != want["jean@example.org"] || got["karim@example.org"] != want["karim@example.org"] ||
			got["camille@example.org"] != want["camille@example.org"] || got["paul@example.org"] != want["paul@example.org"] {
			t.Fatalf("%v, want %v", got, want)
		}
		if n := expected(t, s, day1); n != 3 {
			t.Fatalf("%d expected", n)
		}
		// Karim's ticket was refunded since: the next import, which only
		// fills empty fields, cancels him.
		r = previewed(t, s, helloAsso(t, "Remboursé"), ImportOptions{OnMatch: MatchFill}, nil)
		wantCounts(t, r, 5, 0, 1, 4, 0, 0)
		if st := statusesByEmail(t, s)["karim@example.org"]; st != StatusCancelled {
			t.Fatal(st)
		}
		if n := expected(t, s, day1); n != 2 {
			t.Fatalf("%d expected after the refund", n)
		}
	})
	t.Run("Eventbrite", func(t *testing.T) {
		s := mustOpen(t)
		r := previewed(t, s, exportFile(t, "eventbrite.csv", false, false,
			"Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Attendee #,Barcode #,Attendee Status,Total Paid",
			"1234567890,2026-09-01 10:00:00,Emma,Smith,emma@example.com,1,Adhérent·e,987654321,1234567890987654321001,Attending,€45.00",
			"1234567891,2026-09-01 10:05:00,Noah,Jones,noah@example.com,1,Adhérent·e,987654322,1234567891987654322001,Refunded,€45.00",
			"1234567892,2026-09-01 10:06:00,Liam,Brown,liam@example.com,1,Adhérent·e,987654323,1234567892987654323001,Not Attending,€45.00",
			"1234567893,2026-09-01 10:07:00,Mia,Davis,mia@example.com,1,Adhérent·e,987654324,1234567893987654324001,Deleted,€45.00"),
			ImportOptions{}, nil)
		wantCounts(t, r, 4, 4, 0, 0, 0, 0)
		got := statusesByEmail(t, s)
		if got["emma@example.com"] != StatusConfirmed || got["noah@example.com"] != StatusCancelled ||
			got["liam@example.com"] != StatusCancelled || got["mia@example.com"] != StatusCancelled {
			t.Fatal(got)
		}
		if n := expected(t, s, day2); n != 1 {
			t.Fatalf("%d expected", n)
		}
	})
	t.Run("Billetweb", func(t *testing.T) {
		s := mustOpen(t)
		r := previewed(t, s, exportFile(t, "billetweb.csv", false, true,
			"Billet;Commande;Nom;Prénom;Email;Tarif;Payé;Valide",
			"T2026-0001;C881;Lefèvre;Hélène;helene@example.org;Adhérent·e;Oui;Oui",
			"T2026-0002;C882;Dupont;Jean;jean@example.org;Adhérent·e;Non;Oui",
			"T2026-0003;C883;Benali;Karim;karim@example.org;Adhérent·e;Oui;Non"),
			ImportOptions{}, nil)
		wantCounts(t, r, 3, 3, 0, 0, 0, 0)
		got := statusesByEmail(t, s)
		if got["helene@example.org"] != StatusConfirmed || got["jean@example.org"] != StatusPending ||
			got["karim@example.org"] != StatusCancelled {
			t.Fatal(got)
		}
	})
}

// TestImportStatusOfTwoTickets: each ticket is a seat of its own, even
// under one name and email, so a refunded ticket cancels its own seat
// only. Two rows of one person without a ticket (found by their email)
// are one person, whom a refunded row does not cancel while another row of
// theirs is valid, whichever row comes first.
func TestImportStatusOfTwoTickets(t *testing.T) {
	for _, opts := range []ImportOptions{{}, {OnMatch: MatchOverwrite}} {
		s := mustOpen(t)
		r := previewed(t, s, exportFile(t, "billetweb.csv", false, true,
			"Billet;Nom;Prénom;Email;Tarif;Payé;Valide",
			"T2026-0001;Lefèvre;Hélène;helene@example.org;Adhérent·e;Oui;Oui",
			"T2026-0002;Lefèvre;Hélène;helene@example.org;Adhérent·e;Oui;Non"),
			opts, nil)
		if r.New != 2 || r.Rejected != 0 || r.PossibleDuplicates != 1 {
			t.Fatalf("%+v", r)
		}
		for code, want := range map[string]Status{"T2026-0001": StatusConfirmed, "T2026-0002": StatusCancelled} {
			id, err := s.ParticipantIDByScan(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			if p, err := s.Participant(ctx, id); err != nil || p.Status != want {
				t.Errorf("on match %v: the seat of %s is %v (%v), want %v", opts.OnMatch, code, p.Status, err, want)
			}
		}

		s = mustOpen(t)
		r = previewed(t, s, exportFile(t, "billetweb.csv", false, true,
			"Nom;Prénom;Email;Tarif;Payé;Valide",
			"Lefèvre;Hélène;helene@example.org;Adhérent·e;Oui;Oui",
			"Lefèvre;Hélène;helene@example.org;Adhérent·e;Oui;Non",
			"Dupont;Jean;jean@example.org;Adhérent·e;Oui;Non",
			"Dupont;Jean;jean@example.org;Adhérent·e;Oui;Oui",
			"Benali;Karim;karim@example.org;Adhérent·e;Oui;Non"),
			opts, nil)
		if r.New != 3 || r.Rejected != 0 {
			t.Fatalf("%+v", r)
		}
		got := statusesByEmail(t, s)
		if got["helene@example.org"] != StatusConfirmed || got["jean@example.org"] != StatusConfirmed ||
			got["karim@example.org"] != StatusCancelled {
			t.Fatalf("on match %v: %v", opts.OnMatch, got)
		}
	}
}

// TestImportStatusesOfPlatforms: the platforms' other statuses are read
// (HelloAsso's "Autorisé", an authorised payment, and "Invitation" are
// confirmed, "Contesté" pending; Eventbrite's "Waitlisted" pending), and
// a status still unknown imports the row with the default status and a
// warning naming the value, rather than rejecting it.
func TestImportStatusesOfPlatforms(t *testing.T) {
	s := mustOpen(t)
	r := previewed(t, s, exportFile(t, "helloasso.csv", true, false,
		"Nom participant;Prénom participant;Email payeur;Tarif;Montant tarif;Statut de la commande;Numéro de billet",
		"A;Autorise;r1@ex.example;Adhérent·e;120,00;Autorisé;6001",
		"C;Conteste;r2@ex.example;Adhérent·e;120,00;Contesté;6002",
		"I;Invit;r3@ex.example;Adhérent·e;0,00;Invitation;6003",
		"W;Wait;r4@ex.example;Adhérent·e;120,00;Waitlisted;6004",
		"B;Bof;r5@ex.example;Adhérent·e;120,00;Peut-être;6005"), ImportOptions{DefaultStatus: StatusConfirmed}, nil)
	wantCounts(t, r, 5, 5, 0, 0, 0, 0)
	want := map[string]Status{"r1@ex.example": StatusConfirmed, "r2@ex.example": StatusPending,
		"r3@ex.example": StatusConfirmed, "r4@ex.example": StatusPending, "r5@ex.example": StatusConfirmed}
	got := statusesByEmail(t, s)
	for e, st := range want {
		if got[e] != st {
			t.Errorf("%s: %s, want %s", e, got[e], st)
		}
	}
	var warned []ImportIssue
	for _, is := range r.Issues {
		if errors.Is(is.Err, ErrImportStatusUnknown) {
			warned = append(warned, is)
		}
	}
	if len(warned) != 1 || warned[0].Line != 6 || !warned[0].Warning || warned[0].Column != "Statut de la commande" {
		t.Fatalf("warnings %+v", r.Issues)
	}
	for lang, want := range map[string]string{
		"en": "“Peut-être” in the column “Statut de la commande” is not a status the import knows (confirmed, pending or cancelled, or a platform's word for one): the row was imported with the status confirmed.",
		"fr": "«Peut-être» dans la colonne «Statut de la commande» n'est pas un statut connu de l'import (confirmé, en attente ou annulé, ou le mot d'une plateforme pour l'un d'eux) : la ligne a été importée avec le statut confirmé·e.",
	} {
		if got := Message(warned[0].Err, lang); got != want {
			t.Errorf("%s:\n got %s\nwant %s", lang, got, want)
		}
	}
}

// TestImportOtherCurrency: an amount in dollars is read as euros, with a
// warning naming it and what it was read as.
func TestImportOtherCurrency(t *testing.T) {
	s := mustOpen(t)
	r := previewed(t, s, exportFile(t, "amounts.csv", true, false,
		"Nom;Prénom;Email;Numéro de billet;Montant", "A;Euro;n1@ex.example;2001;45,00 €", "A;Dollar;n3@ex.example;2003;$45.00"),
		ImportOptions{}, nil)
	wantCounts(t, r, 2, 2, 0, 0, 0, 0)
	if len(r.Issues) != 1 || r.Issues[0].Line != 3 || !errors.Is(r.Issues[0].Err, ErrImportOtherCurrency) {
		t.Fatalf("issues %+v", r.Issues)
	}
	for lang, want := range map[string]string{
		"en": "“$45.00” in the column “Montant” is not in euros: it was read as 45.00\u00a0€. Check the amount.",
		"fr": "«$45.00» dans la colonne «Montant» n'est pas en euros : il a été lu comme 45,00\u00a0€. Vérifiez le montant.",
	} {
		if got := Message(r.Issues[0].Err, lang); got != want {
			t.Errorf("%s:\n got %s\nwant %s", lang, got, want)
		}
	}
}
