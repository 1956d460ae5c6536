package data

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"
)

// The e-tickets an import reads (FieldTicket): each row's tickets go to the
// person the row becomes or updates. A ticket finds its holder again on
// the next import when nothing else does (a new email) and the name is
// theirs; a ticket already held by someone else stays theirs: the row is
// imported without it, with a warning.

// The errors of a row's tickets: ErrImportTicketTaken is a ticket that
// someone else holds; the others are values of a ticket column left out.
var (
	ErrImportTicketInvalid = newErr(KindInvalid, "import_ticket_invalid", "ticket",
		"“%s” in the column “%s” is not a ticket number: the row was imported without it.",
		"«%s» dans la colonne «%s» n'est pas un numéro de billet : la ligne a été importée sans lui.")
	ErrImportTicketRounded = newErr(KindInvalid, "import_ticket_rounded", "ticket",
		"“%s” in the column “%s” is a ticket number a spreadsheet rounded: download the platform's export again and import it without opening it in a spreadsheet. The row was imported without it.",
		"«%s» dans la colonne «%s» est un numéro de billet arrondi par un tableur : téléchargez à nouveau l'export de la billetterie et importez-le sans l'ouvrir dans un tableur. La ligne a été importée sans lui.")
	ErrImportTicketTaken = newErr(KindConflict, "import_ticket_taken", "ticket",
		"The ticket %s is already %s's: it stays theirs, and the row was imported without it.",
		"Le billet %s est déjà celui de %s : il le reste, et la ligne a été importée sans lui.")
	// ErrImportTicketRepeated rejects a row whose ticket an earlier row of
	// the file gave to someone of another name: one ticket is one person.
	ErrImportTicketRepeated = newErr(KindConflict, "import_ticket_repeated", "ticket",
		"Ticket %s is already used on line %d by %s: one ticket is one person.",
		"Billet %s déjà utilisé ligne %d par %s : un billet est une seule personne.")
	// ErrImportTicketDeleted leaves out a row whose ticket was someone's
	// an organiser deleted (ticket_deleted): the platform's export still
	// lists them.
	ErrImportTicketDeleted = newErr(KindConflict, "import_ticket_deleted", "ticket",
		"Ticket %s (%s): this person was deleted from the congress on %s, and the row was left out. To register them again, import a file of their row alone with “Create a new record anyway”.",
		"Billet %s (%s) : cette personne a été supprimée du congrès le %s, et la ligne a été laissée de côté. Pour l'inscrire à nouveau, importez un fichier de sa seule ligne avec «Créer quand même une nouvelle fiche».")
	// ErrImportAnswerDeleted is ErrImportTicketDeleted for a form's
	// response, whose identifier nobody reads.
	ErrImportAnswerDeleted = newErr(KindConflict, "import_answer_deleted", "ticket",
		"Form answer (%s): this person was deleted from the congress on %s, and the row was left out. To register them again, import a file of their row alone with “Create a new record anyway”.",
		"Réponse au formulaire (%s) : cette personne a été supprimée du congrès le %s, et la ligne a été laissée de côté. Pour l'inscrire à nouveau, importez un fichier de sa seule ligne avec «Créer quand même une nouvelle fiche».")
	// ErrImportRowRepeated is the warning of a row that is again someone
	// an earlier row of the file registers, and changes nothing.
	ErrImportRowRepeated = newErr(KindConflict, "import_row_repeated", "",
		"The same person as line %d (%s): this row changed nothing.",
		"La même personne que ligne %d (%s) : cette ligne n'a rien changé.")
)

// fileTicket is the first row of the file that gave a ticket: its line
// and whom it named.
type fileTicket struct {
	line          int
	nameKey, name string
}

// ticketRepeated finds a ticket of the row that an earlier row of the
// file gave to someone of another name (two rows, one ticket number):
// the row is rejected rather than taken for that person. The same name
// twice is one person's row repeated.
func (im *importer) ticketRepeated(rec *ImportRecord) (Ticket, fileTicket, bool) {
	_, name := im.keys(&rec.P)
	for _, k := range rec.Tickets {
		if first, ok := im.fileTickets[k.Code]; ok && first.nameKey != name {
			return k, first, true
		}
	}
	return Ticket{}, fileTicket{}, false
}

// noteFileTickets remembers the tickets of a row taken, under its line.
func (im *importer) noteFileTickets(rec *ImportRecord) {
	if im.fileTickets == nil {
		im.fileTickets = map[string]fileTicket{}
	}
	_, name := im.keys(&rec.P)
	for _, k := range rec.Tickets {
		if _, ok := im.fileTickets[k.Code]; !ok {
			im.fileTickets[k.Code] = fileTicket{line: rec.Line, nameKey: name, name: rec.P.FullName()}
		}
	}
}

// importTicket is a ticket an import records, with the values the row
// gave as its memory (import_memory.go).
type importTicket struct {
	Ticket
	holder   *importTarget
	imported string
}

// orderEmailHeaders are the names of a ticketing platform's column for the
// email of whoever paid the order (HelloAsso's "Email payeur"). When the
// file has no email per participant, it is their contact email: several
// people of one order share it, and their tickets say who they are.
var orderEmailHeaders = map[string]bool{"email payeur": true, "e mail payeur": true,
	"email acheteur": true, "e mail acheteur": true, "buyer email": true, "email de l acheteur": true,
	"email du payeur": true}

// IsOrderEmail reports whether a header names the email of an order's
// payer rather than the participant's own (see orderEmailHeaders).
func IsOrderEmail(header string) bool { return orderEmailHeaders[Fold(header)] }

// loadTickets files the tickets already recorded under their holders.
func (im *importer) loadTickets() error {
	// An order's email (the payer's) finds a person only with their name:
	// the payer's colleagues are other people.
	im.orderEmail = IsOrderEmail(im.columns[FieldEmail])
	im.tickets, im.memoryOf = map[string]*importTarget{}, map[string]string{}
	byID := make(map[int64]*importTarget, len(im.byCode))
	for _, t := range im.byCode {
		byID[t.id] = t
	}
	// With what each ticket remembers (import_memory.go), in the same
	// reading: one query per row found by its ticket took 14 s of CPU more
	// to import 100,000 tickets again (BenchmarkImportTickets100k/again).
	rows, err := im.tx.QueryContext(im.ctx, "SELECT code, participant_id, imported FROM ticket")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code, imported string
		var id int64
		if err := rows.Scan(&code, &id, &imported); err != nil {
			return err
		}
		t := byID[id]
		if t == nil {
			continue
		}
		im.tickets[code] = t
		t.ticketed = true
		t.answered = t.answered || IsFormResponse(code)
		if imported != "" {
			im.memoryOf[code] = imported
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return im.loadDeletedTickets()
}

// loadDeletedTickets reads the tickets of the people deleted, and when.
func (im *importer) loadDeletedTickets() error {
	im.deleted = map[string]string{}
	rows, err := im.tx.QueryContext(im.ctx, "SELECT code, at FROM ticket_deleted")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code, at string
		if err := rows.Scan(&code, &at); err != nil {
			return err
		}
		im.deleted[code] = at
	}
	return rows.Err()
}

// deletedRow finds a ticket of the row whose holder an organiser
// deleted, and when. A form's answer sent again by someone deleted is
// theirs too: the import keeps one answer per person, so only the first
// was theirs when they were deleted, and the later ones follow it in the
// file (same email and name).
func (im *importer) deletedRow(rec *ImportRecord) (Ticket, time.Time, bool) {
	for _, k := range rec.Tickets {
		if at, ok := im.deleted[k.Code]; ok {
			when := parseTime(at)
			if IsFormResponse(k.Code) {
				if im.deletedAnswers == nil {
					im.deletedAnswers = map[string]time.Time{}
				}
				im.deletedAnswers[im.answerer(rec)] = when
			}
			return k, when, true
		}
	}
	if len(rec.Tickets) > 0 && !slices.ContainsFunc(rec.Tickets, func(k Ticket) bool { return !IsFormResponse(k.Code) }) {
		if when, ok := im.deletedAnswers[im.answerer(rec)]; ok {
			return rec.Tickets[0], when, true
		}
	}
	return Ticket{}, time.Time{}, false
}

// answerer is who answered a form, by their email and name.
func (im *importer) answerer(rec *ImportRecord) string {
	_, name := im.keys(&rec.P)
	return strings.ToLower(rec.P.Email) + "\n" + name
}

// warnDeleted leaves out a row whose ticket k was someone's deleted at at.
func (im *importer) warnDeleted(rec *ImportRecord, k Ticket, at time.Time) {
	im.report.Skipped++
	at = at.Local()
	en, fr := at.Format("2 January 2006"), at.Format("02/01/2006")
	if IsFormResponse(k.Code) {
		im.warn(rec.Line, "", ErrImportAnswerDeleted.WithWords([]any{rec.P.FullName(), en}, []any{rec.P.FullName(), fr}))
		return
	}
	im.warn(rec.Line, k.Source, ErrImportTicketDeleted.WithWords(
		[]any{k.Code, rec.P.FullName(), en}, []any{k.Code, rec.P.FullName(), fr}))
}

// matchTicket returns the holder of a ticket (or form response) the row
// gives: the identifier decides who the row is, whatever its email or
// the case of its name (a payer's email corrected, names recased by the
// platform).
func (im *importer) matchTicket(rec *ImportRecord) *importTarget {
	for _, k := range rec.Tickets {
		if t := im.tickets[k.Code]; t != nil {
			return t
		}
	}
	return nil
}

// planTickets gives the row's tickets to t, the person the row became or
// updated, warns of those someone else holds and of the values left out,
// and notes the row's values as the memory of its tickets.
func (im *importer) planTickets(rec *ImportRecord, t *importTarget) error {
	im.noteFileTickets(rec)
	if rec.TicketIssue != nil {
		im.warn(rec.Line, rec.TicketColumn, rec.TicketIssue)
	}
	if rec.EmailIssue != nil {
		im.warn(rec.Line, rec.EmailColumn, rec.EmailIssue)
	}
	im.warnRemarks(rec, t)
	if len(rec.Tickets) == 0 {
		return nil
	}
	values := im.rememberedValues(rec)
	im.rememberTickets(rec, t, values)
	for _, k := range rec.Tickets {
		holder := im.tickets[k.Code]
		if holder == t {
			continue
		}
		if holder != nil {
			name, err := im.holderName(holder)
			if err != nil {
				return err
			}
			im.warn(rec.Line, k.Source, ErrImportTicketTaken.With(k.Code, name))
			continue
		}
		im.tickets[k.Code] = t
		t.ticketed = true
		t.answered = t.answered || IsFormResponse(k.Code)
		im.newTickets = append(im.newTickets, importTicket{Ticket: k, holder: t, imported: values})
		if !IsFormResponse(k.Code) {
			im.report.Tickets++
		}
		im.held += len(k.Code) + len(values)
		if im.held > maxImportText {
			return ErrImportTooMuchText.With(maxImportText >> 20)
		}
	}
	return nil
}

// holderName is the name of the person t, as a warning gives it.
func (im *importer) holderName(t *importTarget) (string, error) {
	if t.p != nil {
		return t.p.FullName(), nil
	}
	p := Participant{}
	err := im.tx.QueryRowContext(im.ctx, "SELECT first_name, last_name FROM participant WHERE id = ?", t.id).
		Scan(&p.FirstName, &p.LastName)
	return p.FullName(), err
}

// insertTickets records the tickets the rows gave, once their holders are
// written, with their memories, then the new memories of tickets held
// already.
func (im *importer) insertTickets() error {
	if len(im.newTickets) == 0 {
		return im.writeMemories()
	}
	im.wrote = true
	err := im.insertRows("ticket", "code, participant_id, source, at, imported", 5, len(im.newTickets),
		func(args []any, i int) ([]any, error) {
			k := im.newTickets[i]
			return append(args, k.Code, k.holder.id, k.Source, im.now, k.imported), nil
		})
	if err != nil {
		return err
	}
	if len(im.deleted) > 0 {
		// Registered again (Create a new record anyway): no longer deleted.
		if _, err := im.tx.ExecContext(im.ctx, `DELETE FROM ticket_deleted
			WHERE EXISTS (SELECT 1 FROM ticket t WHERE t.code = ticket_deleted.code)`); err != nil {
			return err
		}
	}
	return im.writeMemories()
}

// addTickets reads the tickets of a cell of a ticket column: one, or
// several separated by ; | or new lines (not commas: 1,23457E+21 is one
// number, rounded). A value with no digit, or
// longer than MaxTicket, is no ticket (a ticket type put in a column named
// "Ticket"): the first such one becomes the record's TicketIssue. It
// reports whether the cell gave a ticket.
func (rec *ImportRecord) addTickets(v, header string) bool {
	added := false
	for _, t := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune(";|\n\r", r) }) {
		code := NormaliseTicket(t)
		if code == "" {
			continue
		}
		if len(code) > MaxTicket || !strings.ContainsAny(code, "0123456789") || roundedNumber(code) {
			if rec.TicketIssue == nil {
				e := ErrImportTicketInvalid
				if roundedNumber(code) {
					e = ErrImportTicketRounded
				}
				rec.TicketIssue, rec.TicketColumn = e.With(shown(strings.TrimSpace(t)), header), header
			}
			continue
		}
		if !slices.ContainsFunc(rec.Tickets, func(k Ticket) bool { return k.Code == code }) {
			rec.Tickets = append(rec.Tickets, Ticket{Code: strings.Clone(code), Source: header})
		}
		added = true
	}
	return added
}

// roundedNumber reports whether a ticket (normalised) is a long number a
// spreadsheet wrote rounded, such as 1,23457E+21 (a 22-digit barcode).
func roundedNumber(code string) bool {
	mantissa, exp, ok := strings.Cut(code, "E+")
	if !ok || exp == "" || mantissa == "" || strings.Trim(exp, "0123456789") != "" {
		return false
	}
	return strings.Trim(mantissa, "0123456789.,") == "" && strings.Trim(mantissa, ".,") != ""
}

// ErrImportPossibleDuplicate is a new row with the name of someone else
// but another email, or the same email and another ticket (two tickets of
// one order under one name): two people, or one registered twice. Its
// second argument says which, in words (see warnDuplicate).
var ErrImportPossibleDuplicate = newErr(KindConflict, "import_possible_duplicate", "",
	"Possible duplicate: %s has the same name but %s. The row was imported as a new person; merge them in Participants if it is the same person.",
	"Doublon possible : %s a le même nom mais %s. La ligne a été importée comme une nouvelle personne ; fusionnez-les dans Participants s'il s'agit de la même personne.")

// warnDuplicate reports a row imported as a new person though dup has its
// name: "another email" when both have one and they differ, "another
// ticket" otherwise (the same email, or none to compare).
func (im *importer) warnDuplicate(rec *ImportRecord, dup *importTarget) error {
	name, err := im.holderName(dup)
	if err != nil {
		return err
	}
	im.report.PossibleDuplicates++
	en, fr := "another ticket", "un autre billet"
	if email := strings.ToLower(strings.TrimSpace(rec.P.Email)); email != "" && dup.email != "" && email != strings.ToLower(dup.email) {
		en, fr = "another email", "un autre e-mail"
	}
	im.warn(rec.Line, im.columns[FieldEmail], ErrImportPossibleDuplicate.WithWords([]any{name, en}, []any{name, fr}))
	return nil
}

// formResponsePrefix starts the identifier kept for a form's response
// (FieldResponse): it is kept with the tickets, so that the next import of
// the form finds the row's person by it, but no scan ever reads it.
const formResponsePrefix = "FORM-"

// IsFormResponse reports whether a ticket is the identifier of a form's
// response rather than an e-ticket.
func IsFormResponse(code string) bool { return strings.HasPrefix(code, formResponsePrefix) }

// formResponse is the identifier of a form's response: its ID or its
// timestamp (several columns: all of them), with the respondent's email.
func formResponse(values []string, email string) string {
	h := sha256.New()
	for _, v := range values {
		h.Write([]byte(strings.TrimSpace(v)))
		h.Write([]byte{0})
	}
	h.Write([]byte(strings.ToLower(email)))
	return formResponsePrefix + strings.ToUpper(hex.EncodeToString(h.Sum(nil))[:20])
}
