package spreadsheet

import (
	"slices"
	"testing"

	"congres/data"
)

// mappingCase is a header and the field wanted for each column.
type mappingCase struct {
	name   string
	header []string
	want   []data.ImportField
}

var platformHeaders = []mappingCase{
	{"HelloAsso", []string{"Référence commande", "Date de la commande", "Statut de la commande", "Nom participant",
		"Prénom participant", "Nom payeur", "Prénom payeur", "Email payeur", "Raison sociale", "Moyen de paiement",
		"Tarif", "Montant tarif", "Code Promo", "Montant code promo", "Email", "Numéro de billet",
		"Jours de présence", "Régime alimentaire", "Code postal"},
		[]data.ImportField{data.FieldIgnore, data.FieldIgnore, data.FieldStatus, data.FieldLastName, data.FieldFirstName, data.FieldIgnore, data.FieldIgnore,
			data.FieldIgnore, data.FieldOrganisation, data.FieldIgnore, data.FieldCategory, data.FieldFee, data.FieldIgnore, data.FieldIgnore, data.FieldEmail,
			data.FieldTicket, data.FieldDays, data.FieldDiet, data.FieldIgnore}},
	{"HelloAssoShort", []string{"Nom", "Prénom", "Email", "Tarif", "Montant du tarif", "Date de la commande",
		"Statut de la commande"},
		[]data.ImportField{data.FieldLastName, data.FieldFirstName, data.FieldEmail, data.FieldCategory, data.FieldFee, data.FieldIgnore, data.FieldStatus}},
	{"Weezevent", []string{"Nom", "Prénom", "E-mail", "Tarif", "Code-barre", "Date d'achat", "Société", "Téléphone"},
		[]data.ImportField{data.FieldLastName, data.FieldFirstName, data.FieldEmail, data.FieldCategory, data.FieldTicket, data.FieldIgnore,
			data.FieldOrganisation, data.FieldPhone}},
	{"WeezeventEnglish", []string{"Last name", "First name", "Email", "Rate", "Barcode"},
		[]data.ImportField{data.FieldLastName, data.FieldFirstName, data.FieldEmail, data.FieldIgnore, data.FieldTicket}},
	{"Eventbrite", []string{"Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type",
		"Attendee #", "Group", "Order Type", "Currency", "Total Paid", "Fees Paid", "Eventbrite Fees",
		"Eventbrite Payment Processing", "Attendee Status", "Cell Phone", "Job Title", "Company"},
		[]data.ImportField{data.FieldIgnore, data.FieldIgnore, data.FieldFirstName, data.FieldLastName, data.FieldEmail, data.FieldIgnore, data.FieldCategory,
			data.FieldTicket, data.FieldIgnore, data.FieldIgnore, data.FieldIgnore, data.FieldFee, data.FieldIgnore, data.FieldIgnore, data.FieldIgnore,
			data.FieldStatus, data.FieldPhone, data.FieldJobTitle, data.FieldOrganisation}},
	{"GoogleForms", []string{"Horodateur", "Adresse e-mail", "Nom", "Prénom", "Structure",
		"Quels jours serez-vous présent·e ?", "Ateliers souhaités", "Avez-vous un régime alimentaire particulier ?",
		"Autorisez-vous la prise de photos ?", "Votre numéro de téléphone", "Une remarque ?"},
		[]data.ImportField{data.FieldResponse, data.FieldEmail, data.FieldLastName, data.FieldFirstName, data.FieldOrganisation, data.FieldDays,
			data.FieldWorkshops, data.FieldDiet, data.FieldImageConsent, data.FieldPhone, data.FieldNotes}},
	{"GoogleFormsEnglish", []string{"Timestamp", "Email address", "Full name", "Organization", "Dietary requirements"},
		[]data.ImportField{data.FieldResponse, data.FieldEmail, data.FieldFullName, data.FieldOrganisation, data.FieldDiet}},
	{"MicrosoftForms", []string{"ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom",
		"Heure de la dernière modification", "Structure", "Jours de présence", "Ateliers"},
		[]data.ImportField{data.FieldResponse, data.FieldResponse, data.FieldIgnore, data.FieldEmail, data.FieldFullName, data.FieldIgnore, data.FieldOrganisation,
			data.FieldDays, data.FieldWorkshops}},
	{"MicrosoftFormsWithPrénom", []string{"ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom",
		"Prénom"},
		[]data.ImportField{data.FieldResponse, data.FieldResponse, data.FieldIgnore, data.FieldEmail, data.FieldFullName, data.FieldFirstName}},
	{"MicrosoftFormsEnglish", []string{"ID", "Start time", "Completion time", "Email", "Name", "Last modified time"},
		[]data.ImportField{data.FieldResponse, data.FieldResponse, data.FieldIgnore, data.FieldEmail, data.FieldFullName, data.FieldIgnore}},
	{"ColleagueExcel", []string{"NOM", "Prénom", "Courriel", "Organisme", "Poste", "Catégorie", "Région", "Jours",
		"Payé", "Droit à l'image", "Handicap", "Notes", "Commentaires", "Code"},
		[]data.ImportField{data.FieldLastName, data.FieldFirstName, data.FieldEmail, data.FieldOrganisation, data.FieldJobTitle, data.FieldCategory,
			data.FieldRegion, data.FieldDays, data.FieldPaid, data.FieldImageConsent, data.FieldAccessibility, data.FieldNotes, data.FieldNotes, data.FieldCode}},
	{"NomAloneIsFullName", []string{"Nom", "Email", "Structure"},
		[]data.ImportField{data.FieldFullName, data.FieldEmail, data.FieldOrganisation}},
	{"SurestWins", []string{"Nom", "Prénom", "Nom de famille", "E-mail", "Email"},
		[]data.ImportField{data.FieldIgnore, data.FieldFirstName, data.FieldLastName, data.FieldEmail, data.FieldIgnore}},
	{"EnglishSynonyms", []string{"Given name", "Surname", "E-mail address", "Employer", "Position", "Category",
		"Mobile", "Delegation", "Status", "Price", "Payment status", "Diet", "Accessibility", "Image consent",
		"Days", "Workshops", "Ticket number"},
		[]data.ImportField{data.FieldFirstName, data.FieldLastName, data.FieldEmail, data.FieldOrganisation, data.FieldJobTitle, data.FieldCategory,
			data.FieldPhone, data.FieldRegion, data.FieldStatus, data.FieldFee, data.FieldPaid, data.FieldDiet, data.FieldAccessibility,
			data.FieldImageConsent, data.FieldDays, data.FieldWorkshops, data.FieldTicket}},
	{"FrenchSynonyms", []string{"Prénom", "Nom de famille", "Adresse email", "Entreprise", "Fonction",
		"Type de billet", "Portable", "Délégation", "Statut", "Prix", "Paiement", "Régime", "Besoins spécifiques",
		"Autorisation photo", "Dates", "Sessions", "Numéro de billet", "Code participant"},
		[]data.ImportField{data.FieldFirstName, data.FieldLastName, data.FieldEmail, data.FieldOrganisation, data.FieldJobTitle, data.FieldCategory,
			data.FieldPhone, data.FieldRegion, data.FieldStatus, data.FieldFee, data.FieldPaid, data.FieldDiet, data.FieldAccessibility,
			data.FieldImageConsent, data.FieldDays, data.FieldWorkshops, data.FieldTicket, data.FieldCode}},
}

func TestAutoMapping(t *testing.T) {
	for _, c := range platformHeaders {
		t.Run(c.name, func(t *testing.T) {
			if len(c.header) != len(c.want) {
				t.Fatalf("bad case: %d names, %d fields", len(c.header), len(c.want))
			}
			got := AutoMapping(c.header)
			for i := range c.want {
				if got[i] != c.want[i] {
					t.Errorf("%q → %q, want %q", c.header[i], got[i], c.want[i])
				}
			}
		})
	}
}

func TestImportTicketHeaders(t *testing.T) {
	for _, h := range []string{"Numéro de billet", "Barcode #", "Attendee #", "Code-barre", "Billet n°",
		"Ticket number", "N° de billet", "Code barres", "Ticket ID", "Numéro du billet (à présenter)"} {
		if got := AutoMapping([]string{"Prénom", h}); got[1] != data.FieldTicket {
			t.Errorf("%q maps to %q", h, got[1])
		}
	}
	// Several columns may give tickets; "Billet" alone is the ticket type.
	got := AutoMapping([]string{"First Name", "Last Name", "Ticket Type", "Attendee #", "Barcode #", "Order #"})
	want := []data.ImportField{data.FieldFirstName, data.FieldLastName, data.FieldCategory, data.FieldTicket, data.FieldTicket, data.FieldIgnore}
	if !slices.Equal(got, want) {
		t.Errorf("Eventbrite: %v, want %v", got, want)
	}
	if got := AutoMapping([]string{"Prénom", "Nom", "Billet"}); got[2] != data.FieldCategory {
		t.Errorf("Billet maps to %q", got[2])
	}
}
