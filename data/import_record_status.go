package data

import "strings"

// Reading a status column: the statuses of registrations, orders and
// tickets as the platforms write them (HelloAsso's "Statut de la
// commande", Eventbrite's "Attendee Status", Billetweb's "Valide"). A
// value none of these words reads leaves the row without a status, with
// a warning (ErrImportStatusUnknown, import_remarks.go): a new person
// gets the import's default status.

// statusWords maps the statuses of registrations and orders, folded, to
// ours.
var statusWords = func() map[string]Status {
	m := map[string]Status{}
	for s, words := range map[Status][]string{
		StatusConfirmed: {"confirme", "confirmee", "confirmed", "valide", "validee", "validated", "valid",
			"paye", "payee", "paid", "inscrit", "inscrite", "registered", "attending", "checked in",
			"complete", "completed", "approved", "accepte", "acceptee", "accepted", "ok", "oui", "yes",
			"regle", "reglee", "present", "presente", "active", "actif",
			// HelloAsso: an authorised payment; a guest's invitation.
			"autorise", "autorisee", "authorized", "authorised", "invitation", "invite", "invitee", "invited"},
		StatusCancelled: {"annule", "annulee", "cancelled", "canceled", "rembourse", "remboursee",
			"refunded", "not attending", "deleted", "supprime", "supprimee", "refuse", "refusee",
			"declined", "rejected", "desinscrit", "desinscrite", "desiste", "desistement", "abandon",
			"transferred", "transfere", "annulation"},
		StatusPending: {"en attente", "attente", "pending", "liste d attente", "waitlist", "waiting list",
			"waiting", "a valider", "en cours", "provisoire", "provisional", "non paye", "unpaid",
			"a payer", "pre inscrit", "pre inscrite", "preinscrit", "preinscrite", "draft", "brouillon",
			// Eventbrite's waiting list; a payment the payer disputes
			// (HelloAsso's "Contesté"): the fee is owed again.
			"waitlisted", "conteste", "contestee", "contested", "disputed"},
	} {
		for _, w := range words {
			m[w] = s
		}
	}
	return m
}()

func (p *recordPrep) status(v string) Status {
	if s, ok := p.statuses[v]; ok {
		return s
	}
	f := Fold(v)
	s, ok := statusWords[f]
	if !ok {
		if i := strings.IndexByte(f, ' '); i > 0 {
			s = statusWords[f[:i]]
		}
	}
	if len(p.statuses) < cacheLimit {
		p.statuses[v] = s
	}
	return s
}

// validityHeaders are the names of a status column that says whether the
// ticket is valid, yes or no (Billetweb's "Valide"), folded.
var validityHeaders = map[string]bool{"valide": true, "valid": true, "billet valide": true,
	"ticket valide": true, "valid ticket": true, "ticket valid": true}

// validity reads a validity column: yes is confirmed (pending when the
// row's paid column says no), no is cancelled; a status word is read as
// such.
func (p *recordPrep) validity(v string) Status {
	switch p.yesNoOf(v) {
	case 1:
		return StatusConfirmed
	case 0:
		if s := p.status(v); s != "" && s != StatusConfirmed {
			return s
		}
		return StatusCancelled
	}
	return p.status(v)
}

// settledWords are the statuses, folded, by which a ticketing platform
// says an order was validated or paid online (HelloAsso's and Weezevent's
// "Validé", Eventbrite's "Attending"): a ticket of such a row with an
// amount is paid, unless a paid column says otherwise. A registration
// "confirmée" or "inscrite" says nothing of its payment.
var settledWords = map[string]bool{"valide": true, "validee": true, "validated": true, "valid": true,
	"paye": true, "payee": true, "paid": true, "attending": true, "checked in": true, "complete": true,
	"completed": true, "regle": true, "reglee": true, "autorise": true, "autorisee": true, "authorized": true,
	"authorised": true}

// settled reports whether a status cell says the order was paid online,
// from the memo when seen before.
func (p *recordPrep) settled(v string) bool {
	s, ok := p.settles[v]
	if !ok {
		s = settledWords[Fold(v)]
		if len(p.settles) < cacheLimit {
			p.settles[v] = s
		}
	}
	return s
}
