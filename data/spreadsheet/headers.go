package spreadsheet

import (
	"strings"

	"congres/data"
)

// The automatic mapping of header names as the ticketing platforms and
// forms write them, and the score that finds the header row.

// How sure a header name makes us of its field.
const (
	matchNone    = iota
	matchFuzzy   // a keyword inside a longer name: "Votre adresse mail"
	matchGeneric // a name that may mean several things: "Nom", "Name", "Type"
	matchExact   // a name that means one thing: "Prénom", "Ticket Type"
)

type headerMatch struct {
	field    data.ImportField
	strength int
}

// importSynonyms maps header names, folded, to their field. Names that are
// clearly not participant data (timestamps, order numbers, barcodes, postal
// codes, the payer's name) map to FieldIgnore so that no keyword catches
// them.
var importSynonyms = func() map[string]headerMatch {
	m := map[string]headerMatch{}
	add := func(f data.ImportField, strength int, names ...string) {
		for _, n := range names {
			k := data.Fold(n)
			if old, ok := m[k]; ok && old != (headerMatch{f, strength}) {
				panic("import synonyms: " + n + " declared twice")
			}
			m[k] = headerMatch{f, strength}
		}
	}
	add(data.FieldIgnore, matchExact, "Date de la commande",
		"Date commande", "Date de commande", "Date d'inscription", "Date", "Order #", "Order",
		"Order no", "Order number", "Order ID", "Order date", "Numéro de commande", "Référence commande",
		"Référence de la commande", "Référence", "Reference", "ID",
		"Heure de début", "Heure de fin", "Start time", "Completion time",
		"Heure de la dernière modification", "Heure de dernière modification", "Last modified time",
		"Numéro", "N°", "Code promo",
		"Promo code", "Discount code", "Discount", "Code postal", "Postal code", "Zip", "Zip code",
		"Nom payeur", "Prénom payeur", "Email payeur", "E-mail payeur", "Nom acheteur",
		"Prénom acheteur", "Email acheteur", "E-mail acheteur", "Buyer first name", "Buyer last name",
		"Buyer email", "Quantity", "Quantité", "Currency", "Devise", "Fees Paid", "Eventbrite Fees",
		"Eventbrite Payment Processing", "Montant code promo", "Formulaire", "Campagne",
		"Moyen de paiement", "Payment method", "Payment type", "Order type", "Adresse", "Address",
		"Home Address 1", "Home Address 2", "Ville", "City", "Home City", "Pays", "Country",
		"Home Country", "Date de naissance", "Birth date", "Date of birth", "Attestation",
		"Carte adhérent", "Group")
	// The e-ticket's identifier, as HelloAsso, Weezevent, Eventbrite and
	// Billetweb name it ("Billet" alone is the ticket type: the category).
	add(data.FieldTicket, matchExact, "Code-barre", "Code barre", "Code-barres", "Code barres", "Codes-barres",
		"Barcode", "Barcode #", "Barcode number", "Bar code", "Numéro de billet", "Numéro du billet",
		"Numéro billet", "N° de billet", "N° du billet", "N° billet", "No de billet", "No billet",
		"Billet n°", "Billet no", "Billet numéro", "Numéro de ticket", "N° de ticket", "Code billet",
		"Code du billet", "Code-barre du billet", "Code barre billet", "Référence du billet",
		"Référence billet", "Identifiant du billet", "ID billet", "Ticket number", "Ticket no",
		"Ticket #", "Ticket ID", "Ticket code", "Ticket barcode", "E-ticket", "E-ticket number",
		"Attendee #", "Attendee ID", "Attendee number", "Numéro de participation",
		// Eventbrite and HelloAsso in French, and the ordinal sign "º".
		"N° de participant", "Numéro de participant", "N° participant", "Nº de billet", "Nº billet",
		"Nº de participant", "Code-barres n°", "Numéro de code-barres")
	// A form's response: Google Forms' timestamp (with the email, it is who
	// answered); Microsoft Forms' ID and start time are found below.
	add(data.FieldResponse, matchExact, "Horodateur", "Horodatage", "Timestamp", "Id de la réponse",
		"Response ID", "ID de réponse")
	add(data.FieldCode, matchExact, "Code", "Code participant", "Code du participant", "Participant code",
		"Code badge", "Code congrès")
	add(data.FieldFirstName, matchExact, "Prénom", "Prénoms", "Prénom(s)", "First name", "Firstname",
		"Given name", "Forename", "Prénom participant", "Prénom du participant",
		"Prénom du participant·e", "Attendee first name", "Participant first name")
	add(data.FieldLastName, matchExact, "Nom de famille", "Last name", "Lastname", "Surname", "Family name",
		"Nom participant", "Nom de naissance", "Nom d'usage", "Attendee last name",
		"Participant last name")
	add(data.FieldLastName, matchGeneric, "Nom", "Name", "Nom du participant", "Nom du participant·e")
	add(data.FieldFullName, matchExact, "Nom complet", "Full name", "Participant", "Participante",
		"Participant·e", "Nom et prénom", "Prénom et nom", "Nom prénom", "Prénom nom", "Nom, prénom",
		"Identité", "Attendee name", "Participant name", "Nom Prénom du participant")
	add(data.FieldEmail, matchExact, "E-mail", "Email", "Mail", "Courriel", "Adresse e-mail",
		"Adresse email", "Adresse mail", "Adresse électronique", "Adresse courriel", "Email address",
		"E-mail address", "Adresse de messagerie", "Email participant", "Email du participant",
		"E-mail participant", "Attendee email", "Participant email")
	add(data.FieldPhone, matchExact, "Téléphone", "Tel", "Tél", "Portable", "Mobile", "Phone",
		"Phone number", "Numéro de téléphone", "N° de téléphone", "Téléphone portable",
		"Téléphone mobile", "Cell phone", "Mobile phone", "GSM")
	add(data.FieldPhone, matchGeneric, "Work phone", "Home phone", "Téléphone fixe", "Téléphone professionnel")
	add(data.FieldOrganisation, matchExact, "Structure", "Organisation", "Organization", "Entreprise",
		"Société", "Company", "Association", "Employeur", "Employer", "Établissement", "Institution",
		"Organisme", "Raison sociale", "Collectivité", "Structure d'appartenance", "Nom de la structure",
		"Company name", "Organisation name", "Organization name", "Affiliation")
	add(data.FieldJobTitle, matchExact, "Fonction", "Poste", "Job title", "Job", "Position", "Profession",
		"Métier", "Intitulé du poste", "Fonction occupée", "Titre du poste")
	add(data.FieldCategory, matchExact, "Catégorie", "Category", "Tarif", "Type de billet", "Ticket type",
		"Type d'inscription", "Registration type", "Type de participant", "Catégorie de participant",
		"Catégorie de tarif", "Nom du tarif", "Tarif choisi")
	add(data.FieldCategory, matchGeneric, "Billet", "Formule", "Type", "Profil", "Collège")
	add(data.FieldRegion, matchExact, "Région", "Region", "Délégation", "Delegation", "Département",
		"Territoire", "Comité régional", "Fédération régionale")
	add(data.FieldStatus, matchExact, "Statut", "Status", "État", "Etat", "Statut de l'inscription",
		"Statut inscription", "Registration status", "Attendee status", "Statut du participant",
		"Valide", "Billet valide", "Statut du billet", "Ticket status", "Statut de participation",
		"Statut participant", "État du billet")
	add(data.FieldStatus, matchGeneric, "Statut de la commande", "Statut commande", "Order status")
	add(data.FieldFee, matchExact, "Montant", "Prix", "Amount", "Price", "Montant du tarif", "Montant tarif",
		"Montant payé", "Montant réglé", "Total payé", "Total paid", "Prix du billet", "Ticket price",
		"Montant TTC", "Prix TTC", "Montant (€)", "Total")
	add(data.FieldPaid, matchExact, "Payé", "Paiement", "Paid", "Payment status", "Statut du paiement",
		"Statut paiement", "État du paiement", "Réglé", "Règlement", "Payment", "Paiement reçu")
	add(data.FieldDiet, matchExact, "Régime alimentaire", "Régime", "Diet", "Dietary requirements",
		"Dietary restrictions", "Dietary needs", "Allergies", "Allergies alimentaires",
		"Restrictions alimentaires", "Régime spécial", "Besoins alimentaires")
	add(data.FieldAccessibility, matchExact, "Accessibilité", "Handicap", "Besoins spécifiques",
		"Accessibility", "Accessibility needs", "Accessibility requirements", "Besoins d'accessibilité",
		"Situation de handicap", "Mobilité réduite", "PMR", "Special needs", "Besoins particuliers")
	add(data.FieldImageConsent, matchExact, "Droit à l'image", "Autorisation photo", "Image consent",
		"Photo consent", "Autorisation droit à l'image", "Consentement photo", "Cession de droit à l'image",
		"Cession droit à l'image", "Photo release", "Autorisation de photographier")
	add(data.FieldDays, matchExact, "Jours", "Jours de présence", "Days", "Dates", "Date(s)", "Présence",
		"Jour", "Day", "Days attending", "Dates de présence", "Journées", "Journée", "Jour(s)",
		"Jours de participation", "Jours choisis")
	add(data.FieldWorkshops, matchExact, "Ateliers", "Workshops", "Sessions", "Atelier", "Workshop",
		"Choix des ateliers", "Ateliers choisis", "Sessions choisies", "Choix d'ateliers",
		"Choix de l'atelier", "Atelier(s)")
	add(data.FieldNotes, matchExact, "Notes", "Note", "Commentaire", "Commentaires", "Remarques", "Remarque",
		"Comments", "Comment", "Message", "Observations", "Informations complémentaires",
		"Additional information", "Questions", "Précisions", "Infos complémentaires")
	return m
}()

// importKeywords catch longer names ("Votre adresse mail", "Avez-vous un
// régime alimentaire ?"): a keyword is a whole word or phrase of the folded
// name, or a stem when it ends in '*'. The first that matches wins.
var importKeywords = []struct {
	kw    string
	field data.ImportField
}{
	{"code barre*", data.FieldTicket}, {"barcode*", data.FieldTicket}, {"numero de billet", data.FieldTicket},
	{"numero du billet", data.FieldTicket}, {"n de billet", data.FieldTicket}, {"ticket number", data.FieldTicket},
	{"prenom", data.FieldFirstName}, {"first name", data.FieldFirstName}, {"given name", data.FieldFirstName},
	{"nom de famille", data.FieldLastName}, {"last name", data.FieldLastName}, {"surname", data.FieldLastName},
	{"family name", data.FieldLastName},
	{"email", data.FieldEmail}, {"e mail", data.FieldEmail}, {"mail", data.FieldEmail}, {"courriel", data.FieldEmail},
	{"telephone", data.FieldPhone}, {"phone", data.FieldPhone}, {"portable", data.FieldPhone},
	{"regime*", data.FieldDiet}, {"allergi*", data.FieldDiet}, {"diet*", data.FieldDiet}, {"vegetarien*", data.FieldDiet},
	{"handicap*", data.FieldAccessibility}, {"accessib*", data.FieldAccessibility},
	{"mobilite reduite", data.FieldAccessibility},
	{"droit a l image", data.FieldImageConsent}, {"photo*", data.FieldImageConsent},
	{"atelier*", data.FieldWorkshops}, {"workshop*", data.FieldWorkshops},
	{"jours", data.FieldDays}, {"journees", data.FieldDays}, {"days", data.FieldDays},
	{"structure", data.FieldOrganisation}, {"organisation", data.FieldOrganisation},
	{"organization", data.FieldOrganisation}, {"entreprise", data.FieldOrganisation},
	{"employeur", data.FieldOrganisation}, {"societe", data.FieldOrganisation}, {"company", data.FieldOrganisation},
	{"organisme", data.FieldOrganisation}, {"etablissement", data.FieldOrganisation},
	{"fonction", data.FieldJobTitle}, {"poste", data.FieldJobTitle}, {"job", data.FieldJobTitle},
	{"commentaire*", data.FieldNotes}, {"remarque*", data.FieldNotes}, {"comment*", data.FieldNotes},
}

// importKeywordStops are words that make a name someone else's (the payer's,
// an emergency contact's): keywords are not looked for in such names.
var importKeywordStops = []string{"payeur", "acheteur", "buyer", "payer", "purchaser", "urgence",
	"emergency", "naissance", "birth", "commande", "order"}

// matchHeader finds the field a folded header name proposes.
func matchHeader(folded string) headerMatch {
	if folded == "" {
		return headerMatch{}
	}
	if m, ok := importSynonyms[folded]; ok {
		return m
	}
	padded := " " + folded + " "
	for _, w := range importKeywordStops {
		if strings.Contains(padded, " "+w+" ") {
			return headerMatch{}
		}
	}
	for _, k := range importKeywords {
		if stem, ok := strings.CutSuffix(k.kw, "*"); ok {
			if strings.Contains(padded, " "+stem) {
				return headerMatch{k.field, matchFuzzy}
			}
		} else if strings.Contains(padded, " "+k.kw+" ") {
			return headerMatch{k.field, matchFuzzy}
		}
	}
	return headerMatch{}
}

// matchName finds the field a header cell proposes: by the whole name,
// else, when its head (see headOf) is surer, by the head. A form's question
// used as a header ("Catégorie\n(adhérent, élu…)", "E-mail : ") is
// recognised by its first words.
func matchName(name string) headerMatch {
	m := matchHeader(data.Fold(name))
	if head := headOf(name); head != "" && head != strings.TrimSpace(name) {
		if hm := matchHeader(data.Fold(head)); hm.field != data.FieldIgnore && (m.field == data.FieldIgnore || hm.strength > m.strength) {
			return hm
		}
	}
	return m
}

// headOf is the head of a header cell: its first line, and of it the words
// before a parenthesis or a colon.
func headOf(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.IndexAny(name, "\r\n"); i >= 0 {
		name = name[:i]
	}
	if i := strings.IndexAny(name, "(:"); i >= 0 {
		name = name[:i]
	}
	return strings.TrimSpace(name)
}

// Microsoft Forms puts the respondent's full name in a column "Nom" (or
// "Name") just after these (after the respondent's email).
var msFormsMarkers = [2][]string{{"heure de debut", "start time"}, {"heure de fin", "completion time"}}

// AutoMapping proposes a field for each header name. Names are compared
// folded (case, accents, spaces and punctuation do not matter), with the
// French and English names the ticketing platforms and forms use; longer
// names are searched for keywords. Each field is proposed for one column
// at most (the surest name wins, then the first; the others are not
// imported), except FieldNotes and FieldTicket and FieldResponse. A lone
// "Nom" or "Name" with no first-name column is a full name; a guessed full
// name beside a first and a last name is not imported. With no email
// column, the order's (HelloAsso's "Email payeur") is the email.
func AutoMapping(header []string) []data.ImportField {
	return autoMapping(header, nil, nil)
}

// autoMapping is AutoMapping, the header's cells as the file writes them
// (cells, when not nil) telling the first line of a name that runs over
// several, and empty[i] saying that column i is empty in the sample read:
// an empty column loses its field to any other column claiming it.
func autoMapping(header, cells []string, empty []bool) []data.ImportField {
	mapping := make([]data.ImportField, len(header))
	matches := make([]headerMatch, len(header))
	folded := make([]string, len(header))
	explicit := make([]bool, len(header))
	for i, h := range header {
		folded[i] = data.Fold(h)
		name := h
		if i < len(cells) {
			name = cells[i]
		}
		matches[i] = matchName(name)
		explicit[i] = explicitCategory[folded[i]] || explicitCategory[data.Fold(headOf(name))]
	}
	markMSForms(folded, matches)
	// Each field to the best column (see claimRank), the first on a tie.
	rank := func(i int) int { return claimRank(matches[i], explicit[i], i < len(empty) && empty[i]) }
	best := map[data.ImportField]int{}
	for i, m := range matches {
		if m.field == data.FieldIgnore {
			continue
		}
		if m.field == data.FieldNotes || m.field == data.FieldTicket || m.field == data.FieldResponse {
			mapping[i] = m.field // several columns may give notes, tickets, or a response
			continue
		}
		if j, ok := best[m.field]; !ok || rank(i) > rank(j) {
			best[m.field] = i
		}
	}
	_, first := best[data.FieldFirstName]
	last, hasLast := best[data.FieldLastName]
	full, hasFull := best[data.FieldFullName]
	switch {
	case hasLast && !first && !hasFull && matches[last].strength == matchGeneric:
		// "Nom" alone is the whole name.
		delete(best, data.FieldLastName)
		best[data.FieldFullName] = last
	case hasFull && first && hasLast && (rank(full) < rank(last) || matches[full].strength == matchGeneric):
		// A first and a last name say more than a full name that is empty
		// or only a guess (Microsoft Forms' own "Name" beside the form's
		// "Nom" and "Prénom"): the full name is not imported.
		delete(best, data.FieldFullName)
	}
	if _, ok := best[data.FieldEmail]; !ok {
		// No email per participant: the order's (the payer's) is theirs.
		for i, h := range header {
			if data.IsOrderEmail(h) {
				best[data.FieldEmail] = i
				break
			}
		}
	}
	for f, i := range best {
		mapping[i] = f
	}
	return mapping
}

// markMSForms corrects the matches of a Microsoft Forms export: its "ID"
// and start time are the response, and its own "Name" (or "Nom"), just
// after the completion time and the respondent's email, is a full name.
// A "Nom" further on is a question of the form: a last name.
func markMSForms(folded []string, matches []headerMatch) {
	if !hasAny(folded, msFormsMarkers[0]) || !hasAny(folded, msFormsMarkers[1]) {
		return
	}
	end := -1
	for i := range folded {
		if folded[i] == "id" || hasAny(folded[i:i+1], msFormsMarkers[0]) {
			matches[i] = headerMatch{data.FieldResponse, matchExact} // the response's ID and start time
		}
		if end < 0 && hasAny(folded[i:i+1], msFormsMarkers[1]) {
			end = i
		}
	}
	for i := end + 1; i < len(matches) && i <= end+2; i++ {
		if matches[i].field == data.FieldLastName && matches[i].strength == matchGeneric {
			matches[i] = headerMatch{data.FieldFullName, matchGeneric}
			return
		}
	}
}

// explicitCategory are the names that say a column is the participant's
// category, which wins over the ticket type ("Tarif", "Ticket type") when a
// file has both.
var explicitCategory = map[string]bool{"categorie": true, "category": true,
	"categorie de participant": true, "type de participant": true}

// claimRank orders the columns claiming one field: a column with values in
// the sample before an empty one, then the surer name, then an explicit
// category before a ticket type.
func claimRank(m headerMatch, explicit, empty bool) int {
	r := m.strength * 2
	if m.field == data.FieldCategory && explicit {
		r++
	}
	if !empty {
		r += 100
	}
	return r
}

func hasAny(list []string, names []string) bool {
	for _, s := range list {
		for _, n := range names {
			if s == n {
				return true
			}
		}
	}
	return false
}

// headerScore counts the cells of a row that name a known field: exact is
// the number of names in the synonyms, any also counts keywords. Cells
// holding an address or a number are data, not names.
func headerScore(cells []string) (exact, any int) {
	for _, c := range cells {
		if strings.ContainsRune(c, '@') || len(c) > 120 {
			continue
		}
		m := matchName(c)
		if m.field == data.FieldIgnore {
			continue
		}
		any++
		if m.strength >= matchGeneric {
			exact++
		}
	}
	return exact, any
}
