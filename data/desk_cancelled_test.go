package data_test

import (
	"slices"
	"testing"

	. "congres/data"
)

// TestDeskCancelledOwesNothing imports a HelloAsso export with a ticket
// refunded (120 € not paid, one day) and one cancelled: at the desk, on
// a day they did not register for, each card says the registration is
// cancelled and nothing else (no fee due, no "not registered today");
// a pending ticket still owes its fee.
func TestDeskCancelledOwesNothing(t *testing.T) {
	s := mustOpen(t)
	path := exportFile(t, "helloasso.csv", true, false,
		"Numéro de commande;Date de la commande;Statut de la commande ;Nom participant;Prénom participant;Email payeur;Tarif;Montant tarif;Numéro de billet;Jours",
		"1004;04/10/2021 18:45;Remboursé;FAURE;Paul;paul.faure@example.org;Adhérent;120,00;34030;"+string(day2),
		"1005;05/10/2021 08:12;Annulé;GIRARD;Nina;nina.girard@example.org;Adhérent;120,00;34040;"+string(day2),
		"1003;03/10/2021 09:00;En attente;ROUX;Amélie;amelie.roux@example.org;Adhérent;120,00;34020;"+string(day1))
	r := previewed(t, s, path, ImportOptions{CreateCategories: true}, nil)
	wantCounts(t, r, 3, 3, 0, 0, 0, 0)
	for _, p := range people(t, s) {
		c := card(t, s, p.ID, day1, 0)
		switch p.LastName {
		case "FAURE", "GIRARD":
			if p.Status != StatusCancelled || c.FeeDueCents != 0 || !slices.Equal(kinds(c.Warnings), []DeskWarningKind{WarnCancelled}) {
				t.Errorf("%s (%s): due %d, warnings %v; want only %q", p.FullName(), p.Status, c.FeeDueCents, kinds(c.Warnings), WarnCancelled)
			}
		case "ROUX":
			if c.FeeDueCents != 12000 || !slices.Equal(kinds(c.Warnings), []DeskWarningKind{WarnUnpaid}) {
				t.Errorf("%s: due %d, warnings %v", p.FullName(), c.FeeDueCents, kinds(c.Warnings))
			}
		}
	}
}
