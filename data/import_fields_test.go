package data

import (
	"testing"
)

// mappingCase is a header and the field wanted for each column.
type mappingCase struct {
	name   string
	header []string
	want   []ImportField
}

var platformHeaders = []mappingCase{
	{"HelloAsso", []string{"Référence commande", "Date de la commande", "Statut de la commande", "Nom participant",
		"Prénom participant", "Nom payeur", "Prénom payeur", "Email payeur", "Raison sociale", "Moyen de paiement",
		"Tarif", "Montant tarif", "Code Promo", "Montant code promo", "Email", "Numéro de billet",
		"Jours de présence", "Régime alimentaire", "Code postal"},
		[]ImportField{FieldIgnore, FieldIgnore, FieldStatus, FieldLastName, FieldFirstName, FieldIgnore, FieldIgnore,
			FieldIgnore, FieldOrganisation, FieldIgnore, FieldCategory, FieldFee, FieldIgnore, FieldIgnore, FieldEmail,
			FieldTicket, FieldDays, FieldDiet, FieldIgnore}},
	{"HelloAssoShort", []string{"Nom", "Prénom", "Email", "Tarif", "Montant du tarif", "Date de la commande",
		"Statut de la commande"},
		[]ImportField{FieldLastName, FieldFirstName, FieldEmail, FieldCategory, FieldFee, FieldIgnore, FieldStatus}},
	{"Weezevent", []string{"Nom", "Prénom", "E-mail", "Tarif", "Code-barre", "Date d'achat", "Société", "Téléphone"},
		[]ImportField{FieldLastName, FieldFirstName, FieldEmail, FieldCategory, FieldTicket, FieldIgnore,
			FieldOrganisation, FieldPhone}},
	{"WeezeventEnglish", []string{"Last name", "First name", "Email", "Rate", "Barcode"},
		[]ImportField{FieldLastName, FieldFirstName, FieldEmail, FieldIgnore, FieldTicket}},
	{"Eventbrite", []string{"Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type",
		"Attendee #", "Group", "Order Type", "Currency", "Total Paid", "Fees Paid", "Eventbrite Fees",
		"Eventbrite Payment Processing", "Attendee Status", "Cell Phone", "Job Title", "Company"},
		[]ImportField{FieldIgnore, FieldIgnore, FieldFirstName, FieldLastName, FieldEmail, FieldIgnore, FieldCategory,
			FieldTicket, FieldIgnore, FieldIgnore, FieldIgnore, FieldFee, FieldIgnore, FieldIgnore, FieldIgnore,
			FieldStatus, FieldPhone, FieldJobTitle, FieldOrganisation}},
	{"GoogleForms", []string{"Horodateur", "Adresse e-mail", "Nom", "Prénom", "Structure",
		"Quels jours serez-vous présent·e ?", "Ateliers souhaités", "Avez-vous un régime alimentaire particulier ?",
		"Autorisez-vous la prise de photos ?", "Votre numéro de téléphone", "Une remarque ?"},
		[]ImportField{FieldIgnore, FieldEmail, FieldLastName, FieldFirstName, FieldOrganisation, FieldDays,
			FieldWorkshops, FieldDiet, FieldImageConsent, FieldPhone, FieldNotes}},
	{"GoogleFormsEnglish", []string{"Timestamp", "Email address", "Full name", "Organization", "Dietary requirements"},
		[]ImportField{FieldIgnore, FieldEmail, FieldFullName, FieldOrganisation, FieldDiet}},
	{"MicrosoftForms", []string{"ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom",
		"Heure de la dernière modification", "Structure", "Jours de présence", "Ateliers"},
		[]ImportField{FieldIgnore, FieldIgnore, FieldIgnore, FieldEmail, FieldFullName, FieldIgnore, FieldOrganisation,
			FieldDays, FieldWorkshops}},
	{"MicrosoftFormsWithPrénom", []string{"ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom",
		"Prénom"},
		[]ImportField{FieldIgnore, FieldIgnore, FieldIgnore, FieldEmail, FieldFullName, FieldFirstName}},
	{"MicrosoftFormsEnglish", []string{"ID", "Start time", "Completion time", "Email", "Name", "Last modified time"},
		[]ImportField{FieldIgnore, FieldIgnore, FieldIgnore, FieldEmail, FieldFullName, FieldIgnore}},
	{"ColleagueExcel", []string{"NOM", "Prénom", "Courriel", "Organisme", "Poste", "Catégorie", "Région", "Jours",
		"Payé", "Droit à l'image", "Handicap", "Notes", "Commentaires", "Code"},
		[]ImportField{FieldLastName, FieldFirstName, FieldEmail, FieldOrganisation, FieldJobTitle, FieldCategory,
			FieldRegion, FieldDays, FieldPaid, FieldImageConsent, FieldAccessibility, FieldNotes, FieldNotes, FieldCode}},
	{"NomAloneIsFullName", []string{"Nom", "Email", "Structure"},
		[]ImportField{FieldFullName, FieldEmail, FieldOrganisation}},
	{"SurestWins", []string{"Nom", "Prénom", "Nom de famille", "E-mail", "Email"},
		[]ImportField{FieldIgnore, FieldFirstName, FieldLastName, FieldEmail, FieldIgnore}},
	{"EnglishSynonyms", []string{"Given name", "Surname", "E-mail address", "Employer", "Position", "Category",
		"Mobile", "Delegation", "Status", "Price", "Payment status", "Diet", "Accessibility", "Image consent",
		"Days", "Workshops", "Ticket number"},
		[]ImportField{FieldFirstName, FieldLastName, FieldEmail, FieldOrganisation, FieldJobTitle, FieldCategory,
			FieldPhone, FieldRegion, FieldStatus, FieldFee, FieldPaid, FieldDiet, FieldAccessibility,
			FieldImageConsent, FieldDays, FieldWorkshops, FieldTicket}},
	{"FrenchSynonyms", []string{"Prénom", "Nom de famille", "Adresse email", "Entreprise", "Fonction",
		"Type de billet", "Portable", "Délégation", "Statut", "Prix", "Paiement", "Régime", "Besoins spécifiques",
		"Autorisation photo", "Dates", "Sessions", "Numéro de billet", "Code participant"},
		[]ImportField{FieldFirstName, FieldLastName, FieldEmail, FieldOrganisation, FieldJobTitle, FieldCategory,
			FieldPhone, FieldRegion, FieldStatus, FieldFee, FieldPaid, FieldDiet, FieldAccessibility,
			FieldImageConsent, FieldDays, FieldWorkshops, FieldTicket, FieldCode}},
}

func TestImportFieldsAutoMapping(t *testing.T) {
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

func TestImportFieldsLabels(t *testing.T) {
	fields := ImportFields()
	if len(fields) != 20 {
		t.Errorf("%d fields", len(fields))
	}
	seen := map[string]bool{}
	for _, f := range append(fields, FieldIgnore) {
		for _, lang := range []string{"fr", "en"} {
			l := f.Label(lang)
			if l == "" || l == string(f) || seen[lang+l] {
				t.Errorf("%q: label %q in %s", f, l, lang)
			}
			seen[lang+l] = true
		}
	}
	if FieldFirstName.Label("fr") != "Prénom" || FieldFirstName.Label("en") != "First name" {
		t.Error(FieldFirstName.Label("fr"), FieldFirstName.Label("en"))
	}
}
