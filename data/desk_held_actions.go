package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"time"
)

// The desk's other actions offline (issue 17, docs/offline-desks.md, "The
// outbox"): walk-ins, payments and their undos, badge prints and seat
// requests, held in the replica's journal beside its arrivals, session
// entries and undos (desk_held.go), and folded into the server with them,
// in one order, each once (desk_op).
//
// They live in a table of their own, held_more, so that a journal written
// before them stays valid. Their order among the held table's rows is
// after_seq: the held table's last seq when the action was written; a
// held_more row comes after the held rows up to it and before the later
// ones, so that a walk-in folds before its payment and its arrival.
//
// A walk-in held offline is also written into the replica's participant
// table, with a local id (heldBase + its seq in held_more, above any id of
// the server), so that the desk's search, card and counters find them as
// anyone else; its arrival and payment refer to that id. The replica's
// catching up drops the local row once the server has the person (by
// their code, which the desk gave from its own range), and the journal's
// actions that refer to the local id are then made to refer to the
// server's (settleWalkIns).

// heldMoreSchema is the journal's table of the desk's other actions, and
// the desk's range of codes for walk-ins (held_codes).
const heldMoreSchema = `CREATE TABLE IF NOT EXISTS held_more (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    after_seq      INTEGER NOT NULL,
    op             TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL CHECK (kind IN ('walk_in', 'payment', 'payment_undo', 'badge_print', 'seat_request')),
    participant_id INTEGER NOT NULL,
    code           TEXT NOT NULL DEFAULT '',
    person         TEXT NOT NULL DEFAULT '',
    amount_cents   INTEGER NOT NULL DEFAULT 0,
    method         TEXT NOT NULL DEFAULT '',
    layout         TEXT NOT NULL DEFAULT '',
    session_id     INTEGER NOT NULL DEFAULT 0,
    at             TEXT NOT NULL,
    desk           TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS held_codes (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    code_range INTEGER NOT NULL
)`

// The kinds of held_more.
const (
	heldWalkIn      = "walk_in"
	heldPayment     = "payment"
	heldPaymentUndo = "payment_undo"
	heldBadgePrint  = "badge_print"
	heldSeatRequest = "seat_request"
)

// heldMore is a held_more row's own fields (its participant, desk and time
// are its heldEntry's).
type heldMore struct {
	kind    string
	code    string // walk_in: the person's code
	person  string // walk_in: the person, as JSON
	amount  int64  // payment
	method  PaymentMethod
	layout  string // badge_print
	session int64  // seat_request
}

// ErrSeatNeedsServer refuses a workshop seat or a waiting-list place
// offline: the server decides on capacity.
var ErrSeatNeedsServer = newErr(KindBusy, "seat_needs_server", "",
	"The congress's server does not answer: a seat in a workshop, or a place on its waiting list, is for the server to give, as it alone knows how many are left. The request can be noted for later.",
	"Le serveur du congrès ne répond pas : une place en atelier, ou sur sa liste d'attente, c'est au serveur de la donner, lui seul sachant combien il en reste. La demande peut être notée pour plus tard.")

// holdsOnly says whether s is a desk's replica, which holds its desk
// actions for the server.
func (s *Store) holdsOnly() bool { return s.held != nil && s.held.only.Load() }

// isLocalID says whether id is a walk-in's held on this desk (in its
// replica only, not yet on the server).
func isLocalID(id int64) bool { return id >= heldBase }

// IsHeldWalkIn says whether the participant id is that of a walk-in held
// on a desk offline, known to its replica only until the hand-over: what
// the desk does with them goes to the replica, even once the server
// answers.
func IsHeldWalkIn(id int64) bool { return isLocalID(id) }

// heldActions reads the journal's actions, of both tables, in their one
// order; each action on a held walk-in carries the walk-in's code.
func heldActions(ctx context.Context, q querier) ([]heldEntry, error) {
	list, err := heldEntries(ctx, q, "1")
	if err != nil {
		return nil, err
	}
	more, after, err := heldMoreEntries(ctx, q, "1")
	if err != nil {
		return nil, err
	}
	if len(more) > 0 {
		merged := make([]heldEntry, 0, len(list)+len(more))
		i := 0
		for j, m := range more {
			for i < len(list) && list[i].seq <= after[j] {
				merged = append(merged, list[i])
				i++
			}
			merged = append(merged, m)
		}
		list = append(merged, list[i:]...)
	}
	codes := map[int64]string{}
	for _, h := range list {
		if h.more != nil && h.more.kind == heldWalkIn {
			codes[h.c.ParticipantID] = h.more.code
		}
	}
	if len(codes) > 0 {
		for i := range list {
			if isLocalID(list[i].c.ParticipantID) {
				list[i].code = codes[list[i].c.ParticipantID]
			}
		}
	}
	return list, nil
}

// heldMoreEntries reads held_more's rows that match where, in their order,
// as heldEntries (seq: minus the row's own, so that dropHeld tells them
// apart) with their after_seq.
func heldMoreEntries(ctx context.Context, q querier, where string, args ...any) ([]heldEntry, []int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT seq, after_seq, op, kind, participant_id, code, person, amount_cents, method,
		layout, session_id, at, desk FROM held_more WHERE `+where+" ORDER BY after_seq, seq", args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var list []heldEntry
	var after []int64
	for rows.Next() {
		var h heldEntry
		m := &heldMore{}
		var a int64
		var at string
		if err := rows.Scan(&h.seq, &a, &h.op, &m.kind, &h.c.ParticipantID, &m.code, &m.person, &m.amount, &m.method,
			&m.layout, &m.session, &at, &h.c.Desk); err != nil {
			return nil, nil, err
		}
		h.c.ID = heldBase + h.seq
		h.seq = -h.seq
		h.c.At, h.c.Held, h.log, h.more = parseTime(at), true, realLog, m
		list = append(list, h)
		after = append(after, a)
	}
	return list, after, rows.Err()
}

// insertHeldMore appends an action to held_more in jtx, after the held
// table's actions written so far; it returns its seq.
func insertHeldMore(ctx context.Context, jtx *sqlTx, participantID int64, m heldMore, at time.Time, desk string) (int64, error) {
	res, err := jtx.ExecContext(ctx, `INSERT INTO held_more (after_seq, op, kind, participant_id, code, person, amount_cents,
		method, layout, session_id, at, desk) VALUES ((SELECT coalesce(max(seq), 0) FROM held), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		newOp(), m.kind, participantID, m.code, m.person, m.amount, m.method, m.layout, m.session, formatTime(at), clean(desk))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// foldAction writes one held action into s (the server) in tx: the
// participant it refers to, when a walk-in held on the desk, is the one the
// server made of them (found by their code).
func (s *Store) foldAction(ctx context.Context, tx *sqlTx, h heldEntry) error {
	if isLocalID(h.c.ParticipantID) && (h.more == nil || h.more.kind != heldWalkIn) {
		if h.code == "" {
			return fmt.Errorf("a held action refers to the held walk-in %d, no longer in the journal", h.c.ParticipantID)
		}
		var id sql.NullInt64
		if err := tx.QueryRowContext(ctx, "SELECT "+codeOwnerID, h.code).Scan(&id); err != nil {
			return err
		}
		if !id.Valid {
			return fmt.Errorf("the walk-in %s is not on the server yet", h.code)
		}
		h.c.ParticipantID = id.Int64
	}
	if h.more == nil {
		return s.foldOne(ctx, tx, h)
	}
	return s.foldMore(ctx, tx, h)
}

// foldMore writes one action of held_more into the server in tx, unless
// desk_op says it was already.
func (s *Store) foldMore(ctx context.Context, tx *sqlTx, h heldEntry) error {
	res, err := tx.ExecContext(ctx, "INSERT INTO desk_op (op, desk, folded_at) VALUES (?, ?, ?) ON CONFLICT (op) DO NOTHING", h.op, h.c.Desk, formatTime(s.now()))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err // written before
	}
	if h.more.kind == heldWalkIn {
		return s.foldWalkIn(ctx, tx, h)
	}
	var known bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM participant WHERE id = ?)", h.c.ParticipantID).Scan(&known); err != nil || !known {
		return err // deleted meanwhile on the server
	}
	switch h.more.kind {
	case heldPayment:
		return s.foldPayment(ctx, tx, h)
	case heldPaymentUndo:
		return s.foldPaymentUndo(ctx, tx, h)
	case heldBadgePrint:
		_, err := tx.ExecContext(ctx, "INSERT INTO badge_print (participant_id, at, layout) VALUES (?, ?, ?)",
			h.c.ParticipantID, formatTime(h.c.At), h.more.layout)
		return err
	case heldSeatRequest:
		return noteHeldReview(ctx, tx, ReviewSeatRequest, h.c.ParticipantID, 0, h.more.session, h)
	}
	return fmt.Errorf("a held action of an unknown kind %q", h.more.kind)
}

// foldWalkIn registers on the server a walk-in held on a desk, with the
// code the desk gave them (another, if the server gave that code
// meanwhile), and flags them for review when they may be someone the
// server has already (registered at another desk offline too, say).
func (s *Store) foldWalkIn(ctx context.Context, tx *sqlTx, h heldEntry) error {
	var p Participant
	if err := json.Unmarshal([]byte(h.more.person), &p); err != nil {
		return err
	}
	p.ID, p.Code = 0, h.more.code
	if used, err := codeInUse(ctx, tx, p.Code); err != nil {
		return err
	} else if used {
		log.Printf("the walk-in %s %s, registered offline at %q, is given a new code: %s is taken", p.FirstName, p.LastName, h.c.Desk, p.Code)
		p.Code = ""
	}
	if err := s.insertParticipant(ctx, tx, &p); err != nil {
		return err
	}
	dups, err := possibleDuplicates(ctx, tx, p)
	if err != nil {
		return err
	}
	for _, d := range dups {
		if err := noteHeldReview(ctx, tx, ReviewWalkInDuplicate, p.ID, d.ID, 0, h); err != nil {
			return err
		}
	}
	return nil
}

// foldPayment records a payment taken offline by the payment rules, at
// the time it was taken. Money taken is never dropped: a payment the rules
// refuse now (the fee paid meanwhile at another desk) is recorded all the
// same, and the accounts show it.
func (s *Store) foldPayment(ctx context.Context, tx *sqlTx, h heldEntry) error {
	req := PaymentRequest{ParticipantID: h.c.ParticipantID, AmountCents: h.more.amount, Method: h.more.method, Desk: h.c.Desk}
	if _, err := tx.ExecContext(ctx, "SAVEPOINT held_payment"); err != nil {
		return err
	}
	_, err := s.recordPaymentAt(ctx, tx, req, h.c.At) // at its scan time: a desk may not change a payment's time
	var ours *Error
	if errors.As(err, &ours) {
		log.Printf("a payment taken offline at %q is recorded although %v", h.c.Desk, err)
		if _, err := tx.ExecContext(ctx, "ROLLBACK TO held_payment"); err != nil {
			return err
		}
		covered, err := paymentsCover(ctx, tx, h.c.ParticipantID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO payment (participant_id, amount_cents, method, desk, at) VALUES (?, ?, ?, ?, ?)`,
			req.ParticipantID, req.AmountCents, req.Method, req.Desk, formatTime(h.c.At)); err != nil {
			return err
		}
		_, err = syncPaid(ctx, tx, req.ParticipantID, covered, s.stamp())
		return err
	}
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "RELEASE held_payment")
	return err
}

// foldPaymentUndo takes back, by UndoPayment's rule, the person's last
// payment not undone, if any.
func (s *Store) foldPaymentUndo(ctx context.Context, tx *sqlTx, h heldEntry) error {
	covered, err := paymentsCover(ctx, tx, h.c.ParticipantID)
	if err != nil {
		return err
	}
	list, err := payments(ctx, tx, h.c.ParticipantID, true)
	if err != nil || len(list) == 0 {
		return err
	}
	pay := list[len(list)-1]
	if _, err := tx.ExecContext(ctx, "UPDATE payment SET undone_at = ? WHERE id = ?", formatTime(h.c.At), pay.ID); err != nil {
		return err
	}
	_, err = syncPaid(ctx, tx, h.c.ParticipantID, covered, s.stamp())
	return err
}

// heldMoreOf reads the person's actions of held_more (q: the journal).
func heldMoreOf(ctx context.Context, q querier, participantID int64) ([]heldEntry, error) {
	list, _, err := heldMoreEntries(ctx, q, "participant_id = ? AND kind <> 'walk_in'", participantID)
	return list, err
}

// addHeldMore adds to the card c (read in tx) what the journal's other
// actions (hv.more) say and the replica does not have yet: payments taken
// and undone, badges printed.
func (v *heldView) addHeldMore(ctx context.Context, tx *sqlTx, c *DeskCard) error {
	if v == nil || len(v.more) == 0 {
		return nil
	}
	list, err := unfolded(ctx, tx, v.more)
	if err != nil {
		return err
	}
	for _, h := range list {
		switch h.more.kind {
		case heldPayment:
			c.Payments = append(c.Payments, Payment{ID: h.c.ID, ParticipantID: c.Participant.ID, AmountCents: h.more.amount,
				Method: h.more.method, Desk: h.c.Desk, At: h.c.At})
		case heldPaymentUndo:
			if n := len(c.Payments); n > 0 {
				c.Payments = c.Payments[:n-1]
			}
		}
	}
	return nil
}

// printed says whether the journal holds a badge print of the person.
func (v *heldView) printed() bool {
	if v == nil {
		return false
	}
	for _, h := range v.more {
		if h.more.kind == heldBadgePrint {
			return true
		}
	}
	return false
}

// heldPayments are the person's payments not undone, as the replica (in
// tx) and the journal (hv) see them.
func heldPayments(ctx context.Context, tx *sqlTx, hv *heldView, participantID int64) ([]Payment, error) {
	list, err := payments(ctx, tx, participantID, true)
	if err != nil {
		return nil, err
	}
	c := DeskCard{Participant: Participant{ID: participantID}, Payments: list}
	err = hv.addHeldMore(ctx, tx, &c)
	return c.Payments, err
}

// holdMore holds one action on a person of the replica (read in tx, with
// the journal in jtx) after check, which sees the person's payments as the
// desk does.
func (s *Store) holdMore(ctx context.Context, participantID int64, check func(tx *sqlTx, p Participant, paid []Payment) (heldMore, error), desk string) (heldEntry, error) {
	var h heldEntry
	err := s.hold(ctx, func(jtx *sqlTx) error {
		more, err := heldMoreOf(ctx, jtx, participantID)
		if err != nil {
			return s.heldCondition(err)
		}
		hv := &heldView{more: more}
		var m heldMore
		if err := s.read(ctx, func(tx *sqlTx) error {
			p, err := loadParticipant(ctx, tx, "p.id = ?", participantID)
			if err != nil {
				return err
			}
			paid, err := heldPayments(ctx, tx, hv, participantID)
			if err != nil {
				return err
			}
			m, err = check(tx, p, paid)
			return err
		}); err != nil {
			return err
		}
		at := s.stamp()
		seq, err := insertHeldMore(ctx, jtx, participantID, m, at, desk)
		if err != nil {
			return s.heldCondition(err)
		}
		h = heldEntry{seq: -seq, more: &m, c: Checkin{ID: heldBase + seq, ParticipantID: participantID, At: at, Desk: clean(desk), Held: true}}
		return nil
	})
	return h, err
}

// recordPaymentHeld is RecordPayment on a desk's replica: the payment rule
// on what the desk sees (the replica and its journal), then held.
func (s *Store) recordPaymentHeld(ctx context.Context, req PaymentRequest) (Payment, error) {
	h, err := s.holdMore(ctx, req.ParticipantID, func(tx *sqlTx, p Participant, paid []Payment) (heldMore, error) {
		due := p.FeeCents - SumPayments(paid)
		if p.Paid || due <= 0 {
			return heldMore{}, ErrNothingDue.With(p.FullName())
		}
		if req.AmountCents > due {
			e := ErrPaymentTooMuch.With(FormatEuros(req.AmountCents, "en"), FormatEuros(due, "en"))
			e.frArgs = []any{FormatEuros(req.AmountCents, "fr"), FormatEuros(due, "fr")}
			return heldMore{}, e
		}
		return heldMore{kind: heldPayment, amount: req.AmountCents, method: req.Method}, nil
	}, req.Desk)
	if err != nil {
		return Payment{}, err
	}
	return Payment{ID: h.c.ID, ParticipantID: req.ParticipantID, AmountCents: req.AmountCents, Method: req.Method, Desk: h.c.Desk, At: h.c.At}, nil
}

// undoPaymentHeld is UndoPayment on a desk's replica: the last payment the
// desk sees is taken back when the undo is folded.
func (s *Store) undoPaymentHeld(ctx context.Context, participantID int64) (Payment, error) {
	var last Payment
	h, err := s.holdMore(ctx, participantID, func(tx *sqlTx, p Participant, paid []Payment) (heldMore, error) {
		if len(paid) == 0 {
			return heldMore{}, ErrNoPaymentToUndo.With(p.FullName())
		}
		last = paid[len(paid)-1]
		return heldMore{kind: heldPaymentUndo}, nil
	}, "")
	if err != nil {
		return Payment{}, err
	}
	last.UndoneAt = h.c.At
	return last, nil
}

// recordBadgePrintsHeld is RecordBadgePrints on a desk's replica.
func (s *Store) recordBadgePrintsHeld(ctx context.Context, layout string, participantIDs ...int64) error {
	for _, id := range participantIDs {
		if _, err := s.holdMore(ctx, id, func(*sqlTx, Participant, []Payment) (heldMore, error) {
			return heldMore{kind: heldBadgePrint, layout: layout}, nil
		}, ""); err != nil {
			return err
		}
	}
	return nil
}

// HoldSeatRequest notes, on a desk's replica, that a person asks for a seat
// (or a waiting-list place) in a session, which only the server can give:
// when the server answers again, the request goes on its "to review" list
// for the organiser. Elsewhere, ErrNotReplica.
func (s *Store) HoldSeatRequest(ctx context.Context, participantID, sessionID int64, desk string) error {
	if !s.holdsOnly() {
		return ErrNotReplica.With(s.path)
	}
	_, err := s.holdMore(ctx, participantID, func(tx *sqlTx, _ Participant, _ []Payment) (heldMore, error) {
		if _, err := loadSession(ctx, tx, sessionID); err != nil {
			return heldMore{}, err
		}
		return heldMore{kind: heldSeatRequest, session: sessionID}, nil
	}, desk)
	return err
}

// registerWalkInHeld is RegisterWalkIn on a desk's replica, for a person
// and payment already validated: the walk-in, their payment and their
// arrival are held in one transaction of the journal, in that order, and
// the person is written into the replica with a local id (in the same
// transaction of the replica, committed after the journal's), so that the
// desk finds them. A warning left pending writes nothing.
func (s *Store) registerWalkInHeld(ctx context.Context, w *WalkIn, pay *PaymentRequest) (AdmitResult, error) {
	var r AdmitResult
	var saved Participant
	mctx := context.WithValue(ctx, mirrorWrite{}, true)
	err := s.write(mctx, func(tx *sqlTx) error {
		p := w.Participant
		p.ID = 0
		if err := checkParticipantRefs(ctx, tx, &p); err != nil {
			return err
		}
		return s.hold(ctx, func(jtx *sqlTx) error {
			if p.Code == "" {
				code, err := s.deskCode(ctx, tx, jtx)
				if err != nil {
					return err
				}
				p.Code = code
			} else if free, err := s.walkInCodeFree(ctx, tx, jtx, p.Code); err != nil {
				return err
			} else if !free {
				return ErrCodeTaken.With(p.Code)
			}
			person, err := json.Marshal(p)
			if err != nil {
				return err
			}
			at := s.stamp()
			seq, err := insertHeldMore(ctx, jtx, 0, heldMore{kind: heldWalkIn, code: p.Code, person: string(person)}, at, w.Admit.Desk)
			if err != nil {
				return s.heldCondition(err)
			}
			p.ID = heldBase + seq
			if _, err := jtx.ExecContext(ctx, "UPDATE held_more SET participant_id = ? WHERE seq = ?", p.ID, seq); err != nil {
				return s.heldCondition(err)
			}
			if err := insertLocalParticipant(ctx, tx, &p, at); err != nil {
				return err
			}
			if pay != nil {
				if _, err := insertHeldMore(ctx, jtx, p.ID, heldMore{kind: heldPayment, amount: pay.AmountCents, method: pay.Method}, at, pay.Desk); err != nil {
					return s.heldCondition(err)
				}
			}
			req := w.Admit
			req.ParticipantID = p.ID
			hv, err := s.viewHeld(ctx, jtx, realLog, p.ID, req.SessionID)
			if err != nil {
				return s.heldCondition(err)
			}
			if r, err = s.admit(ctx, tx, req, hv, func(c Checkin) (Checkin, error) { return insertHeld(ctx, jtx, realLog, c) }); err != nil {
				return err // errNoWrite too: a pending warning leaves nobody registered
			}
			saved = p
			return nil
		})
	})
	if err == errNoWrite {
		return r, nil
	}
	if err != nil {
		return AdmitResult{}, err
	}
	w.Participant = saved
	return r, nil
}

// insertLocalParticipant writes a walk-in held on the desk into the
// replica's participant table with their local id p.ID: their organisation
// is the replica's of that name, or none until the server makes it.
func insertLocalParticipant(ctx context.Context, tx *sqlTx, p *Participant, at time.Time) error {
	var org sql.NullInt64
	if p.Organisation != "" {
		err := tx.QueryRowContext(ctx, "SELECT id FROM organisation WHERE "+tx.d.NoCase("name")+" = "+tx.d.NoCase("?"), p.Organisation).Scan(&org)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
	}
	now := formatTime(at)
	args := append([]any{p.ID}, participantValues(nil, p, org, sortKey(p), Fold(p.FirstName+" "+p.LastName), now)...)
	if _, err := tx.ExecContext(ctx, "INSERT INTO participant (id, "+participantInsertColumns+") VALUES "+placeholders(participantInsertCount+1), args...); err != nil {
		return fromDriver(tx.broke(err), ErrCodeTaken.With(p.Code))
	}
	p.OrganisationID = org.Int64
	p.CreatedAt, p.UpdatedAt = at, at
	return insertParticipantDays(ctx, tx, p.ID, p.Days)
}

// walkInCodeFree says whether code is free on the desk: nobody of the
// replica (tx) has it, nor a walk-in of the journal (jtx).
func (s *Store) walkInCodeFree(ctx context.Context, tx, jtx *sqlTx, code string) (bool, error) {
	if used, err := codeInUse(ctx, tx, code); err != nil || used {
		return false, err
	}
	var held bool
	err := jtx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM held_more WHERE kind = 'walk_in' AND code = ?)", code).Scan(&held)
	return !held, err
}

// Desk codes: a walk-in registered offline is given a code of 8 letters
// (CodeLetters), where Congrès's own codes have 7: the first 3 letters are
// the desk's range, which the server gave the desk (ReserveDeskCodes, a
// number counted by the server, the 4,913 first ones told apart), the other
// 5 drawn at random and checked against the replica and the journal. Two
// desks thus never give the same code, and a desk's code never is one of
// the server's 7-letter codes. A desk that never reached its server has no
// range yet: its codes are 8 random letters (a clash, unlikely, is
// settled at the fold by another code).

const deskCodeRangeLetters = 3

// deskCodeRanges is how many ranges 3 letters tell apart.
var deskCodeRanges = pow(len(CodeLetters), deskCodeRangeLetters)

func pow(b, n int) int {
	r := 1
	for range n {
		r *= b
	}
	return r
}

// deskCodePrefix is the letters of the range n.
func deskCodePrefix(n int64) string {
	k := int(n % int64(deskCodeRanges))
	b := make([]byte, deskCodeRangeLetters)
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = CodeLetters[k%len(CodeLetters)]
		k /= len(CodeLetters)
	}
	return string(b)
}

// deskCode draws a free code from the desk's range (tx: the replica, jtx:
// the journal).
func (s *Store) deskCode(ctx context.Context, tx, jtx *sqlTx) (string, error) {
	var n sql.NullInt64
	if err := jtx.QueryRowContext(ctx, "SELECT code_range FROM held_codes WHERE id = 1").Scan(&n); err != nil && err != sql.ErrNoRows {
		return "", s.heldCondition(err)
	}
	for {
		code := s.codes().next() + s.codes().next()
		if n.Valid {
			code = deskCodePrefix(n.Int64) + code[:codeLength+1-deskCodeRangeLetters]
		} else {
			code = code[:codeLength+1]
		}
		free, err := s.walkInCodeFree(ctx, tx, jtx, code)
		if err != nil || free {
			return code, err
		}
	}
}

// deskRangeOp is the prefix of the desk_op rows that count the ranges of
// codes given to desks.
const deskRangeOp = "code-range:"

// ReserveDeskCodes gives the desk's replica s a range of codes for its
// walk-ins offline, from server, unless it has one: the server counts the
// ranges it gave in its desk_op (one write transaction, after those before
// it), so that no two desks get the same. The stores' replica calls it
// each time it is in step with its server.
func (s *Store) ReserveDeskCodes(ctx context.Context, server *Store) error {
	if !s.holdsOnly() || !server.server {
		return ErrNotReplica.With(s.path)
	}
	db, err := s.held.get(true)
	if err != nil {
		return s.heldCondition(err)
	}
	var has bool
	if err := db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM held_codes)").Scan(&has); err != nil || has {
		return s.heldCondition(err)
	}
	var n int64
	err = server.write(ctx, func(tx *sqlTx) error {
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM desk_op WHERE op LIKE ?", deskRangeOp+"%").Scan(&n); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO desk_op (op, desk, folded_at) VALUES (?, ?, ?)",
			fmt.Sprintf("%s%d", deskRangeOp, n), filepath.Base(s.path), formatTime(server.now())) // not the laptop's folders
		return err
	})
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, "INSERT INTO held_codes (id, code_range) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", n)
	return s.heldCondition(err)
}

// dropLocalWalkIns deletes from a replica (in its catching up's tx) the
// walk-ins held on the desk that the server (src) has now, by their code:
// the server's row of them takes their place.
func dropLocalWalkIns(ctx context.Context, src, tx *sqlTx) error {
	local, err := localWalkIns(ctx, tx)
	if err != nil || len(local) == 0 {
		return err
	}
	byCode := make(map[string]int64, len(local))
	codes := make([]any, 0, len(local))
	for id, code := range local {
		byCode[code] = id
		codes = append(codes, code)
	}
	for len(codes) > 0 { // one query for up to 500 codes
		part := codes[:min(len(codes), 500)]
		codes = codes[len(part):]
		in := strings.TrimSuffix(strings.Repeat("?, ", len(part)), ", ")
		rows, err := src.QueryContext(ctx, "SELECT code FROM participant WHERE code IN ("+in+") UNION SELECT code FROM code_alias WHERE code IN ("+in+")",
			append(part, part...)...)
		if err != nil {
			return err
		}
		var there []int64
		for rows.Next() {
			var code string
			if err := rows.Scan(&code); err != nil {
				rows.Close()
				return err
			}
			there = append(there, byCode[code])
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return err
		}
		for _, id := range there {
			if _, err := tx.ExecContext(ctx, "DELETE FROM participant WHERE id = ?", id); err != nil {
				return err
			}
		}
	}
	return nil
}

// localWalkIns are the replica's local rows (walk-ins held on the desk):
// their codes by id.
func localWalkIns(ctx context.Context, tx *sqlTx) (map[int64]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, code FROM participant WHERE id >= ?", heldBase)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return nil, err
		}
		out[id] = code
	}
	return out, rows.Err()
}

// settleWalkIns makes the journal's actions on a walk-in that the replica
// has from the server now (its catching up brought them, by their code)
// refer to the server's id, and lets go of the walk-in: the server has it.
func (s *Store) settleWalkIns(ctx context.Context, db *sql.DB) error {
	walkIns, _, err := heldMoreEntries(ctx, db, "kind = 'walk_in'")
	if err != nil || len(walkIns) == 0 {
		return s.heldCondition(err)
	}
	ids := map[int64]int64{} // local id → server id
	err = s.read(ctx, func(tx *sqlTx) error {
		for _, w := range walkIns {
			var sent bool
			var id sql.NullInt64
			// codeOwnerID names its code ?1: the code is the first argument.
			if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM desk_op WHERE op = ?2), "+codeOwnerID, w.more.code, w.op).Scan(&sent, &id); err != nil {
				return err
			}
			if sent && id.Valid && !isLocalID(id.Int64) {
				ids[w.c.ParticipantID] = id.Int64
			}
		}
		return nil
	})
	if err != nil || len(ids) == 0 {
		return err
	}
	jtx, end, err := s.beginJournal(ctx, db, files().BusyTimeout())
	if err != nil {
		return s.heldCondition(err)
	}
	defer end()
	for local, id := range ids {
		for _, q := range []string{"UPDATE held SET participant_id = ? WHERE participant_id = ?",
			"UPDATE held_more SET participant_id = ? WHERE participant_id = ? AND kind <> 'walk_in'"} {
			if _, err := jtx.ExecContext(ctx, q, id, local); err != nil {
				return s.heldCondition(err)
			}
		}
		if _, err := jtx.ExecContext(ctx, "DELETE FROM held_more WHERE kind = 'walk_in' AND participant_id = ?", local); err != nil {
			return s.heldCondition(err)
		}
	}
	return s.heldCondition(jtx.Commit())
}

// RestoreHeldWalkIns makes the replica's local rows the journal's walk-ins
// not yet on the server: a replica made again (a new copy, or every table
// copied again when the server's feed was pruned), or left behind by a desk
// stopped between its journal's commit and its own, gets them back; a
// local row that the journal no longer holds goes. Without walk-ins held
// nor local rows, it writes nothing.
func (s *Store) RestoreHeldWalkIns(ctx context.Context) error {
	if !s.holdsOnly() {
		return nil
	}
	db, err := s.held.get(false)
	if err != nil {
		return s.heldCondition(err)
	}
	var walkIns []heldEntry
	if db != nil {
		if walkIns, _, err = heldMoreEntries(ctx, db, "kind = 'walk_in'"); err != nil {
			return s.heldCondition(err)
		}
	}
	var add []heldEntry
	var drop []int64
	if err := s.read(ctx, func(tx *sqlTx) error {
		add, drop, err = localChanges(ctx, tx, walkIns)
		return err
	}); err != nil || len(add)+len(drop) == 0 {
		return err // the replica has them as the journal says: nothing to write
	}
	return s.write(context.WithValue(ctx, mirrorWrite{}, true), func(tx *sqlTx) error {
		add, drop, err := localChanges(ctx, tx, walkIns)
		if err != nil {
			return err
		}
		for _, w := range add {
			var p Participant
			if err := json.Unmarshal([]byte(w.more.person), &p); err != nil {
				return err
			}
			p.ID, p.Code = w.c.ParticipantID, w.more.code
			if err := insertLocalParticipant(ctx, tx, &p, w.c.At); err != nil {
				return err
			}
		}
		for _, id := range drop {
			if _, err := tx.ExecContext(ctx, "DELETE FROM participant WHERE id = ?", id); err != nil {
				return err
			}
		}
		return nil
	})
}

// localChanges compares the replica's local rows (read in tx) with the
// journal's walk-ins: those to add (neither there nor from the server, by
// their code), and the local rows to drop (no longer held).
func localChanges(ctx context.Context, tx *sqlTx, walkIns []heldEntry) (add []heldEntry, drop []int64, err error) {
	local, err := localWalkIns(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	keep := map[int64]bool{}
	for _, w := range walkIns {
		keep[w.c.ParticipantID] = true
		if _, ok := local[w.c.ParticipantID]; ok {
			continue
		}
		used, err := codeInUse(ctx, tx, w.more.code)
		if err != nil {
			return nil, nil, err
		}
		if !used { // else the server's row of them is here
			add = append(add, w)
		}
	}
	for id := range local {
		if !keep[id] {
			drop = append(drop, id)
		}
	}
	return add, drop, nil
}

// HeldActions says how many desk actions wait in the journal: arrivals,
// session entries and undos (checkins), and the others (walk-ins,
// payments, badge prints, seat requests).
func (s *Store) HeldActions(ctx context.Context) (checkins, others int, err error) {
	db, err := s.held.get(false)
	if db == nil || err != nil {
		return 0, 0, s.heldCondition(err)
	}
	err = db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM held), (SELECT count(*) FROM held_more)").Scan(&checkins, &others)
	return checkins, others, s.heldCondition(err)
}

// noteHeldReview puts a held action on the organiser's "to review" list
// (review.go), in the server's transaction that writes it: a walk-in that
// may be the same person as other, or a seat asked for in session.
func noteHeldReview(ctx context.Context, tx *sqlTx, kind ReviewKind, participantID, other, session int64, h heldEntry) error {
	return noteReview(ctx, tx, Review{Kind: kind, ParticipantID: participantID, OtherParticipantID: other,
		SessionID: session, Desk: h.c.Desk, At: h.c.At, Op: h.op})
}
