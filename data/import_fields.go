package data

// The fields a column can be mapped to. The automatic mapping of header
// names as the ticketing platforms and forms write them is the reader's
// (congres/data/spreadsheet).

// importFieldOrder is the order of ImportFields.
var importFieldOrder = []ImportField{
	FieldFirstName, FieldLastName, FieldFullName, FieldEmail, FieldPhone,
	FieldOrganisation, FieldJobTitle, FieldCategory, FieldRegion, FieldStatus,
	FieldFee, FieldPaid, FieldDays, FieldWorkshops, FieldDiet, FieldAccessibility,
	FieldImageConsent, FieldNotes, FieldCode, FieldTicket, FieldResponse,
}

var importFieldLabels = map[ImportField]label{
	FieldIgnore:        {"Do not import", "Ne pas importer"},
	FieldCode:          {"Participant code", "Code participant"},
	FieldTicket:        {"Ticket number (e-ticket)", "Numéro de billet (billet électronique)"},
	FieldResponse:      {"Form response (ID or timestamp)", "Réponse au formulaire (ID ou horodatage)"},
	FieldFirstName:     {"First name", "Prénom"},
	FieldLastName:      {"Last name", "Nom"},
	FieldFullName:      {"Full name (first and last)", "Nom complet (prénom et nom)"},
	FieldEmail:         {"Email", "E-mail"},
	FieldPhone:         {"Phone", "Téléphone"},
	FieldOrganisation:  {"Organisation", "Organisation"},
	FieldJobTitle:      {"Job title", "Fonction"},
	FieldCategory:      {"Category (fee, ticket type)", "Catégorie (tarif, type de billet)"},
	FieldRegion:        {"Region", "Région"},
	FieldStatus:        {"Status", "Statut"},
	FieldFee:           {"Amount paid (€)", "Montant (€)"},
	FieldPaid:          {"Paid", "Payé"},
	FieldDiet:          {"Diet", "Régime alimentaire"},
	FieldAccessibility: {"Accessibility", "Accessibilité"},
	FieldImageConsent:  {"Image consent", "Droit à l'image"},
	FieldDays:          {"Days attending", "Jours de présence"},
	FieldWorkshops:     {"Workshops", "Ateliers"},
	FieldNotes:         {"Notes", "Notes"},
}

// ImportFields lists the fields a column can be mapped to, in the order a
// person would look for them (FieldIgnore not included).
func ImportFields() []ImportField {
	return append([]ImportField(nil), importFieldOrder...)
}

// Label is the field's name for people, in "fr" or "en" (anything else gets
// English). FieldIgnore reads "Do not import".
func (f ImportField) Label(lang string) string {
	l, ok := importFieldLabels[f]
	if !ok {
		return string(f)
	}
	if lang == "fr" {
		return l.fr
	}
	return l.en
}
