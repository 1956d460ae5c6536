package export

import (
	"fmt"

	"congres/data"
)

// workbookLabels are the words of the workbooks and CSV files, English
// then French.
var workbookLabels = map[string][2]string{
	"yes":  {"Yes", "Oui"},
	"no":   {"No", "Non"},
	"page": {"Page", "Page"},

	// Sheets.
	"sheet.summary":      {"Summary", "Synthèse"},
	"sheet.participants": {"Participants", "Participants"},
	"sheet.session":      {"Session", "Session"},
	"sheet.stands":       {"Stands", "Stands"},
	"sheet.catering":     {"Catering", "Restauration"},
	"sheet.list":         {"List", "Liste"},
	"sheet.payments":     {"Payments", "Paiements"},

	// Summary.
	"summary.title":      {"Attendance", "Présences"},
	"summary.categories": {"By category", "Par catégorie"},
	"summary.days":       {"By day", "Par journée"},
	"summary.sessions":   {"By session", "Par session"},
	"total":              {"Total", "Total"},
	"category":           {"Category", "Catégorie"},
	"registered":         {"Registered", "Inscrit·es"},
	"confirmed":          {"Confirmed", "Confirmé·es"},
	"cancelled":          {"Cancelled", "Annulé·es"},
	"checked_in":         {"Checked in", "Arrivé·es"},
	"no_shows":           {"No-shows", "Absent·es"},
	"day":                {"Day", "Journée"},
	"expected":           {"Expected", "Attendu·es"},
	"presence_rate":      {"Attendance rate", "Taux de présence"},
	"session":            {"Session", "Session"},
	"kind":               {"Kind", "Type"},
	"start":              {"Start", "Début"},
	"end":                {"End", "Fin"},
	"room":               {"Room", "Salle"},
	"enrolled":           {"Enrolled", "Inscrit·es"},
	"waitlisted":         {"Waiting list", "Liste d'attente"},
	"attended":           {"Attended", "Présent·es"},
	"walk_ins":           {"Walk-ins", "Sans inscription"},
	"capacity":           {"Capacity", "Capacité"},
	"fill_rate":          {"Fill rate", "Taux de remplissage"},

	// Participants.
	"code":          {"Code", "Code"},
	"last_name":     {"Last name", "Nom"},
	"first_name":    {"First name", "Prénom"},
	"email":         {"Email", "E-mail"},
	"phone":         {"Phone", "Téléphone"},
	"organisation":  {"Organisation", "Organisation"},
	"job_title":     {"Job title", "Fonction"},
	"region":        {"Region", "Région"},
	"days":          {"Days", "Journées"},
	"status":        {"Status", "Statut"},
	"fee":           {"Fee", "Tarif"},
	"paid":          {"Paid", "Payé"},
	"diet":          {"Diet", "Régime alimentaire"},
	"accessibility": {"Accessibility", "Accessibilité"},
	"image_consent": {"Image consent", "Droit à l'image"},
	"badge_printed": {"Badge printed", "Badge imprimé"},
	"notes":         {"Notes", "Notes"},
	"created":       {"Registered on", "Inscrit·e le"},
	"updated":       {"Updated on", "Modifié le"},
	"arrival":       {"Arrival %s", "Arrivée %s"},

	// Sessions.
	"enrolled_one":   {"Enrolled", "Inscrit·e"},
	"expected_one":   {"Expected", "Attendu·e"},
	"listed":         {"%d people listed", "%d personnes sur la liste"},
	"expected_count": {"%d people expected that day", "%d personnes attendues ce jour-là"},
	"walk_in":        {"No (walk-in)", "Non (sur place)"},
	"attended_one":   {"Attended", "Présent·e"},
	"time":           {"Time", "Heure"},
	"signature":      {"Signature", "Signature"},
	"present_count":  {"%d present", "%d présent·es"},
	"speakers":       {"Speakers and facilitators", "Intervenant·es et animateur·rices"},
	"speaker_role":   {"Role", "Rôle"},
	"speaker":        {"Speaker", "Intervenant·e"},
	"facilitator":    {"Facilitator", "Animateur·rice"},

	"closing.listed":    {"People listed", "Personnes sur la liste"},
	"closing.present":   {"Present", "Présent·es"},
	"closing.in_charge": {"Name and signature of the person in charge", "Nom et signature du ou de la responsable"},

	// Stands.
	"number":  {"Number", "Numéro"},
	"name":    {"Name", "Nom"},
	"zone":    {"Zone", "Zone"},
	"contact": {"Contact", "Contact"},
	"staff":   {"Staff", "Équipe"},
	"power":   {"Power", "Électricité"},
	"tables":  {"Tables", "Tables"},
	"chairs":  {"Chairs", "Chaises"},

	// Catering.
	"no_diet": {"No special diet", "Sans régime particulier"},

	// Payments.
	"paid_at":         {"Paid at", "Payé le"},
	"amount":          {"Amount", "Montant"},
	"method":          {"Method", "Moyen de paiement"},
	"desk":            {"Desk", "Accueil"},
	"undone_at":       {"Undone at", "Annulé le"},
	"total_paid":      {"Total (undone payments left out)", "Total (hors paiements annulés)"},
	"method.cash":     {"Cash", "Espèces"},
	"method.card":     {"Card", "Carte"},
	"method.cheque":   {"Cheque", "Chèque"},
	"method.transfer": {"Transfer", "Virement"},

	// Values.
	"status.pending":   {"Pending", "En attente"},
	"status.confirmed": {"Confirmed", "Confirmé·e"},
	"status.cancelled": {"Cancelled", "Annulé·e"},
	"kind.plenary":     {"Plenary", "Plénière"},
	"kind.workshop":    {"Workshop", "Atelier"},
	"kind.other":       {"Other", "Autre"},
}

// label is a word of the workbooks in lang ("fr", else English); an unknown
// key is returned as is.
func wbLabel(lang, key string) string {
	l, ok := workbookLabels[key]
	if !ok {
		return key
	}
	if lang == "fr" {
		return l[1]
	}
	return l[0]
}

func (x *xlsx) l(key string) string { return wbLabel(x.lang, key) }

// wbStatus and wbKind name a status, a kind of session.
func wbStatus(lang string, s data.Status) string {
	if _, ok := workbookLabels["status."+string(s)]; !ok {
		return string(s)
	}
	return wbLabel(lang, "status."+string(s))
}

func wbKind(lang string, k data.SessionKind) string {
	if _, ok := workbookLabels["kind."+string(k)]; !ok {
		return string(k)
	}
	return wbLabel(lang, "kind."+string(k))
}

func wbString(v any) string { return fmt.Sprint(v) }
