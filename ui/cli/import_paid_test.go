package cli

import (
	"context"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores"
)

// TestCLIImportPaidOnlineCheckin: a HelloAsso ticket "Validé" with its
// amount is paid, and congres checkin admits its holder without --yes; a
// ticket "En attente" still owes its fee.
func TestCLIImportPaidOnlineCheckin(t *testing.T) {
	dir, file := newImportCongress(t)
	path := writeFile(t, dir, "helloasso.csv", "\ufeffNuméro de billet;Référence commande;Date de la commande;Statut de la commande;"+
		"Nom participant;Prénom participant;Nom payeur;Prénom payeur;Email payeur;Raison sociale;Moyen de paiement;Tarif;Montant du tarif\r\n"+
		"30000001;R1;01/10/2021 10:20;Validé;Payé;Hugo;Roy;Lina;lina.roy@example.org;;Carte bancaire;Adhérent;120,00\r\n"+
		"30000002;R2;01/10/2021 10:21;En attente;Attente;Jade;Roy;Lina;lina.roy@example.org;;Chèque;Adhérent;120,00\r\n")
	if out, err := runCLI(t, "import", file, path, "--create-categories"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	codes := map[string]string{}
	s, err := stores.Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	for _, last := range []string{"Payé", "Attente"} {
		rows, err := s.ListParticipants(context.Background(), data.ParticipantQuery{Search: last})
		if err != nil || len(rows) != 1 {
			t.Fatalf("%s: %v, %v", last, rows, err)
		}
		p, _ := s.Participant(context.Background(), rows[0].ID)
		codes[last] = p.Code
	}
	s.Close()
	out, err := runCLI(t, "checkin", file, codes["Payé"], "--day", "2021-11-25")
	if err != nil || !strings.Contains(out, "Checked in on 2021-11-25") || strings.Contains(out, "Fee not paid") {
		t.Errorf("paid online: %v\n%s", err, out)
	}
	out, err = runCLI(t, "checkin", file, codes["Attente"], "--day", "2021-11-25")
	if exitCode(err) != 6 || !strings.Contains(out, "Fee not paid: 120.00\u00a0€ due.") {
		t.Errorf("pending: %v\n%s", err, out)
	}
}
