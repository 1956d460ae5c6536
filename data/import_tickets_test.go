package data_test

import (
	"errors"
	"testing"

	. "congres/data"
	"congres/data/spreadsheet"
)

// scanFinds checks that each ticket finds the person with that email.
func scanFinds(tb testing.TB, s *Store, tickets map[string]string) {
	tb.Helper()
	for ticket, email := range tickets {
		id, err := s.ParticipantIDByScan(ctx, ticket)
		if err != nil {
			tb.Errorf("ticket %s: %v", ticket, err)
			continue
		}
		p, err := s.Participant(ctx, id)
		if err != nil || p.Email != email {
			tb.Errorf("ticket %s finds %s (%v), want %s", ticket, p.Email, err, email)
		}
	}
}

func TestImportTickets(t *testing.T) {
	opts := ImportOptions{CreateCategories: true}
	t.Run("HelloAssoLike", func(t *testing.T) {
		s := mustOpen(t)
		r, err := s.Import(ctx, spreadsheet.Source{Path: csvFile(t,
			"Référence commande;Nom participant;Prénom participant;Email;Tarif;Numéro de billet",
			"1042;Lefèvre;Hélène;helene.lefevre@example.org;Adhérent·e;48213377",
			"1043;Dupont;Jean-Pierre;jp.dupont@example.org;Adhérent·e;48213378",
			// A second ticket under the same name and email: a seat of its
			// own (a payer's guest the platform did not name, or her second
			// day), reported as a possible duplicate on its line.
			"1044;Lefèvre;Hélène;helene.lefevre@example.org;Adhérent·e;48213379")}, opts)
		if err != nil || r.New != 3 || r.Tickets != 3 || r.PossibleDuplicates != 1 || len(r.Issues) != 1 || r.Issues[0].Line != 4 {
			t.Fatalf("%+v, %v", r, err)
		}
		scanFinds(t, s, map[string]string{"48213377": "helene.lefevre@example.org",
			"48213379": "helene.lefevre@example.org", " 4821 3378 ": "jp.dupont@example.org"})
		first, _ := s.ParticipantIDByScan(ctx, "48213377")
		second, _ := s.ParticipantIDByScan(ctx, "48213379")
		ts, err := s.Tickets(ctx, first)
		if err != nil || len(ts) != 1 || ts[0].Source != "Numéro de billet" || first == second {
			t.Fatal(ts, err, first, second)
		}
	})
	t.Run("EventbriteLike", func(t *testing.T) {
		s := mustOpen(t)
		r, err := s.Import(ctx, spreadsheet.Source{Path: csvFile(t,
			"Order #,First Name,Last Name,Email,Ticket Type,Attendee #,Barcode #",
			"1234567890,Emma,Smith,emma.smith@example.com,Adhérent·e,987654321,1234567890987654321001",
			"1234567891,Noah,Jones,noah.jones@example.com,Adhérent·e,987654322,1234567891987654322001")}, opts)
		if err != nil || r.New != 2 || r.Tickets != 4 {
			t.Fatalf("%+v, %v", r, err)
		}
		scanFinds(t, s, map[string]string{"987654321": "emma.smith@example.com",
			"1234567890987654321001": "emma.smith@example.com", "987654322": "noah.jones@example.com",
			"1234567891987654322001": "noah.jones@example.com"})
		// The order number is no ticket.
		if _, err := s.ParticipantIDByScan(ctx, "1234567890"); !errors.Is(err, ErrUnknownCode) {
			t.Fatal(err)
		}
	})
	t.Run("WeezeventFile", func(t *testing.T) {
		s := mustOpen(t)
		if _, err := s.Import(ctx, spreadsheet.Source{Path: "spreadsheet/testdata/import/weezevent.csv"}, opts); err != nil {
			t.Fatal(err)
		}
		scanFinds(t, s, map[string]string{"8812345678901": "chloe.martin@example.org",
			"8812345678902": "lucas.bernard@example.org"})
	})
	t.Run("AgainAndByTicket", func(t *testing.T) {
		s := mustOpen(t)
		file := []string{"Prénom;Nom;Email;Tarif;Code-barre",
			"Awa;Diallo;awa@example.org;Adhérent·e;5550001", "Bob;Durand;bob@example.org;Adhérent·e;5550002"}
		importLines(t, s, ImportOptions{CreateCategories: true, Mapping: spreadsheet.AutoMapping([]string{"Prénom", "Nom", "Email", "Tarif", "Code-barre"})}, file...)
		r := importLines(t, s, ImportOptions{CreateCategories: true, Mapping: spreadsheet.AutoMapping([]string{"Prénom", "Nom", "Email", "Tarif", "Code-barre"})}, file...)
		if r.Tickets != 0 || r.Unchanged != 2 || r.New != 0 {
			t.Fatalf("the same file again: %+v", r)
		}
		// Awa changed her email on the platform: her ticket finds her.
		r = importLines(t, s, ImportOptions{CreateCategories: true, OnMatch: MatchOverwrite,
			Mapping: spreadsheet.AutoMapping([]string{"Prénom", "Nom", "Email", "Tarif", "Code-barre"})},
			"Prénom;Nom;Email;Tarif;Code-barre", "Awa;Diallo;awa.sy@example.org;Adhérent·e;5550001")
		if r.New != 0 || r.Updated != 1 {
			t.Fatalf("%+v", r)
		}
		scanFinds(t, s, map[string]string{"5550001": "awa.sy@example.org"})
	})
	t.Run("TicketChangedHands", func(t *testing.T) {
		// The ticket decides who the row is: Awa gave her ticket to Bob, and
		// the platform's export says so.
		s := mustOpen(t)
		m := spreadsheet.AutoMapping([]string{"Prénom", "Nom", "Email", "Tarif", "Code-barre"})
		importLines(t, s, ImportOptions{CreateCategories: true, Mapping: m},
			"Prénom;Nom;Email;Tarif;Code-barre", "Awa;Diallo;awa@example.org;Adhérent·e;5550001")
		r := importLines(t, s, ImportOptions{CreateCategories: true, Mapping: m, OnMatch: MatchOverwrite},
			"Prénom;Nom;Email;Tarif;Code-barre", "Bob;Durand;bob@example.org;Adhérent·e;5550001",
			"Chloé;Martin;chloe@example.org;Adhérent·e;5550003")
		if r.New != 1 || r.Updated != 1 || r.Tickets != 1 || len(r.Issues) != 1 || r.Overwritten != 1 ||
			!errors.Is(r.Issues[0].Err, ErrImportOverwrites) || !r.Issues[0].Warning {
			t.Fatalf("%+v", r)
		}
		scanFinds(t, s, map[string]string{"5550001": "bob@example.org", "5550003": "chloe@example.org"})
		if n := len(people(t, s)); n != 2 {
			t.Fatalf("%d people", n)
		}
	})
	t.Run("HeldBySomeoneElse", func(t *testing.T) {
		// A row found by its participant code keeps its person; a ticket
		// someone else holds stays theirs.
		s := mustOpen(t)
		m := spreadsheet.AutoMapping([]string{"Prénom", "Nom", "Email", "Tarif", "Code-barre"})
		importLines(t, s, ImportOptions{CreateCategories: true, Mapping: m},
			"Prénom;Nom;Email;Tarif;Code-barre", "Awa;Diallo;awa@example.org;Adhérent·e;5550001")
		bob := addPerson(t, s, "Bob", "Durand")
		m = spreadsheet.AutoMapping([]string{"Code", "Prénom", "Nom", "Email", "Tarif", "Code-barre"})
		r := importLines(t, s, ImportOptions{CreateCategories: true, Mapping: m},
			"Code;Prénom;Nom;Email;Tarif;Code-barre", bob.Code+";Bob;Durand;bob@example.org;Adhérent·e;5550001",
			";Chloé;Martin;chloe@example.org;Adhérent·e;5550003")
		if r.New != 1 || r.Tickets != 1 || len(r.Issues) != 1 || !r.Issues[0].Warning || r.Issues[0].Line != 2 ||
			!errors.Is(r.Issues[0].Err, ErrImportTicketTaken) || r.Issues[0].Column != "Code-barre" {
			t.Fatalf("%+v", r)
		}
		if msg := Message(r.Issues[0].Err, "fr"); msg != "Le billet 5550001 est déjà celui de Awa Diallo : il le reste, et la ligne a été importée sans lui." {
			t.Fatal(msg)
		}
		scanFinds(t, s, map[string]string{"5550001": "awa@example.org", "5550003": "chloe@example.org"})
	})
	t.Run("NotATicket", func(t *testing.T) {
		s := mustOpen(t)
		r := importLines(t, s, ImportOptions{CreateCategories: true,
			Mapping: []ImportField{FieldFirstName, FieldLastName, FieldTicket}},
			"Prénom,Nom,Ticket", "Awa,Diallo,Early bird", "Bob,Durand,77001; 77002")
		if r.New != 2 || r.Tickets != 2 || len(r.Issues) != 1 || !errors.Is(r.Issues[0].Err, ErrImportTicketInvalid) {
			t.Fatalf("%+v", r)
		}
		scanFinds(t, s, map[string]string{"77001": "", "77002": ""})
	})
	t.Run("RoundedBySpreadsheet", func(t *testing.T) {
		s := mustOpen(t)
		r := importLines(t, s, ImportOptions{CreateCategories: true,
			Mapping: []ImportField{FieldFirstName, FieldLastName, FieldTicket}},
			"Prénom;Nom;Barcode #", "Emma;Smith;1,23457E+21", "Noah;Jones;1234567891987654322001")
		if r.New != 2 || r.Tickets != 1 || len(r.Issues) != 1 || !errors.Is(r.Issues[0].Err, ErrImportTicketRounded) {
			t.Fatalf("%+v", r)
		}
	})
	t.Run("DryRun", func(t *testing.T) {
		s := mustOpen(t)
		r := importLines(t, s, ImportOptions{CreateCategories: true, DryRun: true,
			Mapping: []ImportField{FieldFirstName, FieldLastName, FieldTicket}}, "Prénom,Nom,Billet n°", "Awa,Diallo,42")
		if r.Tickets != 1 {
			t.Fatalf("%+v", r)
		}
		if _, err := s.ParticipantIDByScan(ctx, "42"); !errors.Is(err, ErrUnknownCode) {
			t.Fatal("a dry run recorded a ticket:", err)
		}
	})
}

// TestImportTicketPreview checks that the preview tells a "Billet" column
// of ticket numbers from one of ticket types, by its first rows.
func TestImportTicketPreview(t *testing.T) {
	s := mustOpen(t)
	for _, c := range []struct {
		name  string
		lines []string
		want  ImportField
	}{
		{"BilletNumbers", []string{"Prénom;Nom;Billet", "Awa;Diallo;48213377", "Bob;Durand;48213378"}, FieldTicket},
		{"BilletTypes", []string{"Prénom;Nom;Billet", "Awa;Diallo;Tarif solidaire", "Bob;Durand;Plein tarif"}, FieldCategory},
		{"BilletSameNumber", []string{"Prénom;Nom;Billet", "Awa;Diallo;2026", "Bob;Durand;2026"}, FieldCategory},
		{"TicketTypes", []string{"First name,Last name,Ticket", "Awa,Diallo,Early bird", "Bob,Durand,Standard"}, FieldCategory},
		{"TicketNumbers", []string{"First name,Last name,Ticket", "Awa,Diallo,T-0042", "Bob,Durand,T-0043"}, FieldTicket},
	} {
		t.Run(c.name, func(t *testing.T) {
			pv, err := s.PreviewImport(ctx, spreadsheet.Source{Path: csvFile(t, c.lines...)})
			if err != nil {
				t.Fatal(err)
			}
			if pv.Mapping[2] != c.want {
				t.Fatalf("%v, want %q third", pv.Mapping, c.want)
			}
		})
	}
}
