package data

import (
	"context"
	"slices"
	"time"
)

// Fees paid at the desk (issue 15): how much, how, at which desk and when.
// A payment taken back is not deleted: it is marked undone, and the log
// keeps both. The participant's paid flag follows the payments: it is set
// once those not undone cover the fee, and cleared when an undo leaves them
// short of it (syncPaid, the one rule, also run by merges and edits).

// PaymentMethod is how a fee was paid.
type PaymentMethod string

const (
	PayCash     PaymentMethod = "cash"
	PayCard     PaymentMethod = "card"
	PayCheque   PaymentMethod = "cheque"
	PayTransfer PaymentMethod = "transfer"
)

// PaymentMethods lists the ways of paying, in the order the desk offers them.
var PaymentMethods = []PaymentMethod{PayCash, PayCard, PayCheque, PayTransfer}

// Valid reports whether m is one of PaymentMethods.
func (m PaymentMethod) Valid() bool {
	switch m {
	case PayCash, PayCard, PayCheque, PayTransfer:
		return true
	}
	return false
}

// Words names the method in a sentence, in English or French ("by card",
// "par carte"): the card's "Paid 40,00 € by card".
func (m PaymentMethod) Words(lang string) string {
	w, ok := paymentWords[m]
	switch {
	case !ok:
		return string(m)
	case lang == "fr":
		return w[1]
	}
	return w[0]
}

var paymentWords = map[PaymentMethod][2]string{
	PayCash:     {"in cash", "en espèces"},
	PayCard:     {"by card", "par carte"},
	PayCheque:   {"by cheque", "par chèque"},
	PayTransfer: {"by transfer", "par virement"},
}

// Payment is one fee (or part of one) paid at a desk.
type Payment struct {
	ID            int64
	ParticipantID int64
	AmountCents   int64
	Method        PaymentMethod
	Desk          string
	At            time.Time
	UndoneAt      time.Time // zero while the payment counts
}

// Undone reports whether the payment was taken back.
func (p Payment) Undone() bool { return !p.UndoneAt.IsZero() }

// PaymentRequest asks to record what a person paid, at Desk.
type PaymentRequest struct {
	ParticipantID int64
	AmountCents   int64
	Method        PaymentMethod
	Desk          string
}

// The errors of payments.
var (
	ErrPaymentAmount = newErr(KindInvalid, "payment_amount", "amount",
		"The amount paid must be more than 0 €.",
		"Le montant payé doit être supérieur à 0 €.")
	ErrPaymentMethod = newErr(KindInvalid, "payment_method", "method",
		"“%s” is not a way of paying (cash, card, cheque or transfer).",
		"«%s» n'est pas un moyen de paiement (espèces, carte, chèque ou virement).")
	ErrNothingDue = newErr(KindConflict, "nothing_due", "",
		"%s has nothing to pay: their fee is paid, or free. Nothing was recorded.",
		"%s n'a rien à payer : son tarif est réglé, ou gratuit. Rien n'a été enregistré.")
	ErrPaymentTooMuch = newErr(KindInvalid, "payment_too_much", "amount",
		"%s is more than the fee due (%s): nothing was recorded. Check the amount, or change the fee first.",
		"%s dépasse le tarif dû (%s) : rien n'a été enregistré. Vérifiez le montant, ou modifiez d'abord le tarif.")
	ErrNoPaymentToUndo = newErr(KindNotFound, "no_payment_to_undo", "",
		"%s has no payment left to undo.",
		"%s n'a aucun paiement à annuler.")
	ErrHasPayments = newErr(KindConflict, "has_payments", "",
		"%s has paid at the desk and cannot be deleted: the payments stay in the accounts. Cancel their registration instead.",
		"%s a payé à l'accueil et ne peut pas être supprimé·e : les paiements restent dans les comptes. Annulez plutôt son inscription.")
)

// Validate checks the request's own rules: an amount above zero, a known
// way of paying.
func (r *PaymentRequest) Validate() error {
	r.Desk = clean(r.Desk)
	if r.AmountCents <= 0 {
		return ErrPaymentAmount
	}
	if !r.Method.Valid() {
		return ErrPaymentMethod.With(r.Method)
	}
	return nil
}

// RecordPayment records what a person paid, in one write transaction, at
// the store's clock: the amount must not be more than what they still owe
// (their fee, less their payments not undone), and once their payments
// cover the fee they are marked paid (syncPaid). Someone who owes nothing
// (paid, or free) is refused with ErrNothingDue.
func (s *Store) RecordPayment(ctx context.Context, req PaymentRequest) (Payment, error) {
	if err := req.Validate(); err != nil {
		return Payment{}, err
	}
	if s.holdsOnly() {
		return s.recordPaymentHeld(ctx, req) // a desk's replica (desk_held_actions.go)
	}
	var pay Payment
	err := s.writeDesk(ctx, func(tx *sqlTx) error {
		var err error
		pay, err = s.recordPayment(ctx, tx, req)
		return err
	})
	return pay, err
}

// recordPayment is RecordPayment's rule inside tx, for a validated req.
func (s *Store) recordPayment(ctx context.Context, tx *sqlTx, req PaymentRequest) (Payment, error) {
	return s.recordPaymentAt(ctx, tx, req, s.stamp())
}

// recordPaymentAt is recordPayment for a payment taken at now (a desk's
// held payment: its scan time).
func (s *Store) recordPaymentAt(ctx context.Context, tx *sqlTx, req PaymentRequest, now time.Time) (Payment, error) {
	p, err := loadParticipant(ctx, tx, "p.id = ?", req.ParticipantID)
	if err != nil {
		return Payment{}, err
	}
	paid, err := paidCents(ctx, tx, p.ID)
	if err != nil {
		return Payment{}, err
	}
	due := p.FeeCents - paid
	if p.Paid || due <= 0 {
		return Payment{}, ErrNothingDue.With(p.FullName())
	}
	if req.AmountCents > due {
		e := ErrPaymentTooMuch.With(FormatEuros(req.AmountCents, "en"), FormatEuros(due, "en"))
		e.frArgs = []any{FormatEuros(req.AmountCents, "fr"), FormatEuros(due, "fr")}
		return Payment{}, e
	}
	pay := Payment{ParticipantID: p.ID, AmountCents: req.AmountCents, Method: req.Method, Desk: req.Desk, At: now}
	err = tx.QueryRowContext(ctx, `INSERT INTO payment (participant_id, amount_cents, method, desk, at)
		VALUES (?, ?, ?, ?, ?) RETURNING id`, p.ID, pay.AmountCents, pay.Method, pay.Desk, formatTime(now)).Scan(&pay.ID)
	if err != nil {
		return Payment{}, tx.broke(err)
	}
	// Not paid until now (checked above): the flag is not the organiser's.
	_, err = syncPaid(ctx, tx, p.ID, false, now)
	return pay, err
}

// UndoPayment takes back the person's last payment not undone yet, in one
// write transaction: it is marked undone (not deleted), and the person is
// no longer paid when their remaining payments fall short of the fee and
// the payments were what marked them paid (syncPaid). It returns the
// payment undone; with none left, ErrNoPaymentToUndo.
func (s *Store) UndoPayment(ctx context.Context, participantID int64) (Payment, error) {
	if s.holdsOnly() {
		return s.undoPaymentHeld(ctx, participantID) // a desk's replica (desk_held_actions.go)
	}
	var pay Payment
	err := s.writeDesk(ctx, func(tx *sqlTx) error {
		p, err := loadParticipant(ctx, tx, "p.id = ?", participantID)
		if err != nil {
			return err
		}
		covered, err := paymentsCover(ctx, tx, participantID)
		if err != nil {
			return err
		}
		list, err := payments(ctx, tx, participantID, true)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return ErrNoPaymentToUndo.With(p.FullName())
		}
		pay = list[len(list)-1]
		now := s.stamp()
		if _, err := tx.ExecContext(ctx, "UPDATE payment SET undone_at = ? WHERE id = ?", formatTime(now), pay.ID); err != nil {
			return err
		}
		pay.UndoneAt = now
		_, err = syncPaid(ctx, tx, p.ID, covered, now)
		return err
	})
	return pay, err
}

// syncPaid is the one rule of the paid flag: a person is paid when the
// flag was set by hand, or their payments not undone cover their fee. With
// no column to tell who set the flag, the flag is taken as set by the
// payments when they covered the fee before the change (coveredBefore):
// then it follows them, and is cleared when they no longer cover it (an
// undo, a higher fee); otherwise it is the organiser's and only payments
// covering the fee set it. A free person with no payment keeps their flag:
// there are no payments for it to follow. It returns the flag as it is now.
func syncPaid(ctx context.Context, tx *sqlTx, participantID int64, coveredBefore bool, now time.Time) (bool, error) {
	var flag bool
	if err := tx.QueryRowContext(ctx, "SELECT paid FROM participant WHERE id = ?", participantID).Scan(&flag); err != nil {
		return false, err
	}
	covered, err := paymentsCover(ctx, tx, participantID)
	if err != nil {
		return false, err
	}
	paid := covered || (flag && !coveredBefore)
	if paid == flag {
		return flag, nil
	}
	return paid, setPaid(ctx, tx, participantID, paid, now)
}

// paymentsCover reports whether a person's payments not undone cover
// their fee (a free person's only once they have paid something).
func paymentsCover(ctx context.Context, tx *sqlTx, participantID int64) (bool, error) {
	var fee, sum, n int64
	err := tx.QueryRowContext(ctx, `SELECT p.fee_cents, coalesce(sum(y.amount_cents), 0), count(y.id)
		FROM participant p LEFT JOIN payment y ON y.participant_id = p.id AND y.undone_at IS NULL
		WHERE p.id = ? GROUP BY p.id`, participantID).Scan(&fee, &sum, &n)
	return n > 0 && sum >= fee, err
}

// Payments returns a person's payments, undone ones included, oldest
// first.
func (s *Store) Payments(ctx context.Context, participantID int64) ([]Payment, error) {
	var list []Payment
	err := s.read(ctx, func(tx *sqlTx) error {
		if _, err := loadParticipant(ctx, tx, "p.id = ?", participantID); err != nil {
			return err
		}
		var err error
		list, err = payments(ctx, tx, participantID, false)
		return err
	})
	return list, err
}

// PaymentLine is a payment with the person who made it, for the accounts.
type PaymentLine struct {
	Payment
	Code, FirstName, LastName, Category string
}

// PaymentLines returns every payment taken at the desks, undone ones
// included (see Payment.Undone), in the order they were taken.
func (s *Store) PaymentLines(ctx context.Context) ([]PaymentLine, error) {
	var list []PaymentLine
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+paymentColumns+`, p.code, p.first_name, p.last_name, coalesce(c.name, '')
			FROM payment y JOIN participant p ON p.id = y.participant_id LEFT JOIN category c ON c.id = p.category_id
			ORDER BY y.at, y.id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l PaymentLine
			if err := scanPayment(rows, &l.Payment, &l.Code, &l.FirstName, &l.LastName, &l.Category); err != nil {
				return err
			}
			list = append(list, l)
		}
		return rows.Err()
	})
	return list, err
}

// CategoryFees returns, for each category, the fee most of its people
// (not cancelled, with a fee) pay, the highest on a tie: what a walk-in of
// that category is offered to pay. A category nobody pays for is absent.
func (s *Store) CategoryFees(ctx context.Context) (map[int64]int64, error) {
	fees := map[int64]int64{}
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT category_id, fee_cents FROM participant
			WHERE status <> 'cancelled' AND fee_cents > 0
			GROUP BY category_id, fee_cents ORDER BY category_id, count(*), fee_cents`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var cat, fee int64
			if err := rows.Scan(&cat, &fee); err != nil {
				return err
			}
			fees[cat] = fee // the last of each category is the most common
		}
		return rows.Err()
	})
	return fees, err
}

const paymentColumns = "y.id, y.participant_id, y.amount_cents, y.method, y.desk, y.at, y.undone_at"

func scanPayment(sc interface{ Scan(...any) error }, p *Payment, more ...any) error {
	var at, undone timeText // undone: "" when NULL
	if err := sc.Scan(append([]any{&p.ID, &p.ParticipantID, &p.AmountCents, &p.Method, &p.Desk, &at, &undone}, more...)...); err != nil {
		return err
	}
	p.At = parseTime(string(at))
	if undone != "" {
		p.UndoneAt = parseTime(string(undone))
	}
	return nil
}

// payments reads a person's payments in order; counting leaves out those
// undone.
func payments(ctx context.Context, tx *sqlTx, participantID int64, counting bool) ([]Payment, error) {
	q := "SELECT " + paymentColumns + " FROM payment y WHERE y.participant_id = ?"
	if counting {
		q += " AND y.undone_at IS NULL"
	}
	rows, err := tx.QueryContext(ctx, q+" ORDER BY y.id", participantID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Payment
	for rows.Next() {
		var p Payment
		if err := scanPayment(rows, &p); err != nil {
			return nil, err
		}
		list = append(list, p)
	}
	return list, rows.Err()
}

// sumPayments adds up the amounts of list.
func SumPayments(list []Payment) int64 {
	var n int64
	for _, p := range list {
		n += p.AmountCents
	}
	return n
}

// PaymentTotal is what was paid one way.
type PaymentTotal struct {
	Method PaymentMethod
	Cents  int64
}

// PaymentTotals adds up list by method, in the order each method was first
// used: 20 € cash then 20 € card is {cash 20 €, card 20 €}.
func PaymentTotals(list []Payment) []PaymentTotal {
	var out []PaymentTotal
	for _, p := range list {
		i := slices.IndexFunc(out, func(t PaymentTotal) bool { return t.Method == p.Method })
		if i < 0 {
			i = len(out)
			out = append(out, PaymentTotal{Method: p.Method})
		}
		out[i].Cents += p.AmountCents
	}
	return out
}

// paidCents is what a person paid, payments undone left out.
func paidCents(ctx context.Context, tx *sqlTx, participantID int64) (int64, error) {
	var n int64
	err := tx.QueryRowContext(ctx, "SELECT coalesce(sum(amount_cents), 0) FROM payment WHERE participant_id = ? AND undone_at IS NULL",
		participantID).Scan(&n)
	return n, err
}

func setPaid(ctx context.Context, tx *sqlTx, participantID int64, paid bool, now time.Time) error {
	_, err := tx.ExecContext(ctx, "UPDATE participant SET paid = ?, updated_at = ? WHERE id = ?", paid, formatTime(now), participantID)
	return err
}

// checkNoPayments refuses to delete someone who paid at the desk (the
// payment table's foreign key would refuse it too, less politely).
func checkNoPayments(ctx context.Context, tx *sqlTx, p *Participant) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM payment WHERE participant_id = ?", p.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return ErrHasPayments.With(p.FullName())
	}
	return nil
}
