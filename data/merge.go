package data

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// Merging two records of one person (issue 14): the organiser chooses, field
// by field, what the person kept says; nothing is lost — the code of the
// record merged away stays an alias that finds the person kept (at the desk
// too), its enrolments, check-ins and badge prints move over, and the merge
// log keeps both records whole.

// MergeField is a field of a participant that a merge takes from one record
// or the other. Its value is the field's name in errors (Error.Field).
type MergeField string

const (
	MergeFirstName     MergeField = "first_name"
	MergeLastName      MergeField = "last_name"
	MergeEmail         MergeField = "email"
	MergePhone         MergeField = "phone"
	MergeOrganisation  MergeField = "organisation"
	MergeJobTitle      MergeField = "job_title"
	MergeCategory      MergeField = "category"
	MergeStatus        MergeField = "status"
	MergeRegion        MergeField = "region"
	MergeFee           MergeField = "fee" // the fee and whether it is paid, together
	MergeDays          MergeField = "days"
	MergeDiet          MergeField = "diet"
	MergeAccessibility MergeField = "accessibility"
	MergeImageConsent  MergeField = "image_consent"
	MergeNotes         MergeField = "notes"
)

// MergeFields lists the fields a merge chooses, in the participant form's
// order. The code is not among them: the kept record's stays, the other's
// becomes an alias, and both find the person.
var MergeFields = []MergeField{MergeFirstName, MergeLastName, MergeEmail, MergePhone, MergeOrganisation,
	MergeJobTitle, MergeCategory, MergeStatus, MergeRegion, MergeFee, MergeDays, MergeDiet, MergeAccessibility,
	MergeImageConsent, MergeNotes}

// MergeSource says where a merged field comes from.
type MergeSource int

const (
	FromKept    MergeSource = iota // the record kept
	FromDropped                    // the record merged away
	FromBoth                       // days: the days of either; notes: both texts (CanCombine)
)

// CanCombine reports whether the field can take both records' values
// (FromBoth): the days and the notes.
func (f MergeField) CanCombine() bool { return f == MergeDays || f == MergeNotes }

// Text returns p's value of a text field: names, email, phone,
// organisation, job title, region, diet, accessibility, notes ("" for the
// others).
func (f MergeField) Text(p *Participant) string {
	if t := mergeText(f, p); t != nil {
		return *t
	}
	return ""
}

// mergeText gives the text fields, by field.
func mergeText(f MergeField, p *Participant) *string {
	switch f {
	case MergeFirstName:
		return &p.FirstName
	case MergeLastName:
		return &p.LastName
	case MergeEmail:
		return &p.Email
	case MergePhone:
		return &p.Phone
	case MergeOrganisation:
		return &p.Organisation
	case MergeJobTitle:
		return &p.JobTitle
	case MergeRegion:
		return &p.Region
	case MergeDiet:
		return &p.Diet
	case MergeAccessibility:
		return &p.Accessibility
	case MergeNotes:
		return &p.Notes
	}
	return nil
}

// sameField reports whether two records say the same for f.
func sameField(f MergeField, a, b *Participant) bool {
	switch f {
	case MergeCategory:
		return a.CategoryID == b.CategoryID
	case MergeStatus:
		return a.Status == b.Status
	case MergeFee:
		return a.FeeCents == b.FeeCents && a.Paid == b.Paid
	case MergeDays:
		return slices.Equal(a.Days, b.Days)
	case MergeImageConsent:
		return a.ImageConsent == b.ImageConsent
	case MergeOrganisation:
		return strings.EqualFold(a.Organisation, b.Organisation) // one organisation, whatever the case
	}
	return *mergeText(f, a) == *mergeText(f, b)
}

// statusRank orders statuses for a merge: a confirmed registration is not
// lost to a pending one, nor a live one to a cancelled one.
var statusRank = map[Status]int{StatusCancelled: 0, StatusPending: 1, StatusConfirmed: 2}

// defaultSource is what a merge takes for f unless told otherwise: the kept
// record's value, but for what the other record knows better — a field
// left empty in the kept record, a confirmed status, a fee paid, the days
// of both, both notes, and the more careful answer about photographs.
func defaultSource(f MergeField, keep, drop *Participant) MergeSource {
	switch f {
	case MergeCategory:
		return FromKept
	case MergeStatus:
		if statusRank[drop.Status] > statusRank[keep.Status] {
			return FromDropped
		}
		return FromKept
	case MergeFee:
		if drop.Paid && !keep.Paid || keep.Paid == drop.Paid && keep.FeeCents == 0 {
			return FromDropped
		}
		return FromKept
	case MergeDays:
		return FromBoth
	case MergeImageConsent:
		if !drop.ImageConsent {
			return FromDropped
		}
		return FromKept
	case MergeNotes:
		switch {
		case keep.Notes == "" || strings.Contains(drop.Notes, keep.Notes):
			return FromDropped
		case drop.Notes == "" || strings.Contains(keep.Notes, drop.Notes):
			return FromKept
		case len(keep.Notes)+1+len(drop.Notes) > maxNotes:
			return FromKept // both would be more than notes may hold
		}
		return FromBoth
	}
	if *mergeText(f, keep) == "" {
		return FromDropped
	}
	return FromKept
}

// takeField sets f of merged (a copy of keep) from drop, or from both.
func takeField(f MergeField, src MergeSource, merged, drop *Participant) {
	if src == FromBoth && f.CanCombine() {
		if f == MergeDays {
			merged.Days = append(slices.Clone(merged.Days), drop.Days...)
			slices.Sort(merged.Days)
			merged.Days = slices.Compact(merged.Days)
		} else {
			merged.Notes = strings.TrimSpace(merged.Notes + "\n" + drop.Notes)
		}
		return
	}
	if src != FromDropped {
		return
	}
	switch f {
	case MergeCategory:
		merged.CategoryID = drop.CategoryID
	case MergeStatus:
		merged.Status = drop.Status
	case MergeFee:
		merged.FeeCents, merged.Paid = drop.FeeCents, drop.Paid
	case MergeDays:
		merged.Days = slices.Clone(drop.Days)
	case MergeImageConsent:
		merged.ImageConsent = drop.ImageConsent
	default:
		*mergeText(f, merged) = *mergeText(f, drop)
	}
}

// MergeCandidate is one of two records to merge, with what decides which is
// kept by default.
type MergeCandidate struct {
	Participant
	BadgePrints int // badges printed with this record's code
	Checkins    int // entries in the check-in log
}

// DefaultKeeper decides which of two records of one person a merge keeps
// unless the organiser says otherwise: the one whose badge was printed (that
// badge is in the person's hands, and scanned at the desk), else the one
// that checked in, else the older one. It returns the record kept, then
// the one merged away.
func DefaultKeeper(a, b MergeCandidate) (keep, drop MergeCandidate) {
	switch {
	case (a.BadgePrints > 0) != (b.BadgePrints > 0):
		if b.BadgePrints > 0 {
			return b, a
		}
	case (a.Checkins > 0) != (b.Checkins > 0):
		if b.Checkins > 0 {
			return b, a
		}
	case b.CreatedAt.Before(a.CreatedAt) || b.CreatedAt.Equal(a.CreatedAt) && b.ID < a.ID:
		return b, a
	}
	return a, b
}

// MergePlan is how two records of one person become one: the record kept
// (its ID and code stay), the one merged away, the fields where they
// differ and, for each, where the merged value comes from.
type MergePlan struct {
	Keep, Drop MergeCandidate
	Fields     []MergeField // where the two differ, in the order of MergeFields
	Choice     map[MergeField]MergeSource
}

// NewMergePlan plans keeping keep and merging drop into it, each differing
// field from where defaultSource says.
func NewMergePlan(keep, drop MergeCandidate) MergePlan {
	plan := MergePlan{Keep: keep, Drop: drop, Choice: map[MergeField]MergeSource{}}
	for _, f := range MergeFields {
		if !sameField(f, &keep.Participant, &drop.Participant) {
			plan.Fields = append(plan.Fields, f)
			plan.Choice[f] = defaultSource(f, &keep.Participant, &drop.Participant)
		}
	}
	return plan
}

// Swapped plans the other way round: keeping the record that was to go,
// with the defaults for that way.
func (p MergePlan) Swapped() MergePlan { return NewMergePlan(p.Drop, p.Keep) }

// Merged is the participant the plan makes: the kept record, with each
// chosen field taken from the other (or from both).
func (p MergePlan) Merged() Participant {
	return mergedParticipant(&p.Keep.Participant, &p.Drop.Participant, p.Choice)
}

// mergedParticipant applies choice to keep's copy; a field differing and
// not in choice takes its default.
func mergedParticipant(keep, drop *Participant, choice map[MergeField]MergeSource) Participant {
	merged := *keep
	merged.Days = slices.Clone(keep.Days)
	for _, f := range MergeFields {
		if sameField(f, keep, drop) {
			continue
		}
		src, ok := choice[f]
		if !ok {
			src = defaultSource(f, keep, drop)
		}
		takeField(f, src, &merged, drop)
	}
	return merged
}

// PlanMerge plans the merge of two records of one person: the record kept
// by DefaultKeeper, the fields that differ and their defaults.
func (s *Store) PlanMerge(ctx context.Context, aID, bID int64) (MergePlan, error) {
	if aID == bID {
		return MergePlan{}, ErrMergeSelf
	}
	var plan MergePlan
	err := s.read(ctx, func(tx *sqlTx) error {
		a, err := loadMergeCandidate(ctx, tx, aID)
		if err != nil {
			return err
		}
		b, err := loadMergeCandidate(ctx, tx, bID)
		if err != nil {
			return err
		}
		plan = NewMergePlan(DefaultKeeper(a, b))
		return nil
	})
	return plan, err
}

func loadMergeCandidate(ctx context.Context, tx *sqlTx, id int64) (MergeCandidate, error) {
	p, err := loadParticipant(ctx, tx, "p.id = ?", id)
	if err != nil {
		return MergeCandidate{}, err
	}
	c := MergeCandidate{Participant: p}
	err = tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM badge_print WHERE participant_id = ?1),
		(SELECT count(*) FROM checkin WHERE participant_id = ?1)`, id).Scan(&c.BadgePrints, &c.Checkins)
	return c, err
}

// MergeReport says what a merge did.
type MergeReport struct {
	Kept    Participant // as merged
	Alias   string      // the code of the record merged away, which now finds Kept
	Moved   int         // enrolments moved onto the kept record
	Dropped []string    // sessions given up: the kept person was already down for them, or for another at the same time
}

// MergeParticipants makes two records of one person one. The record keepID
// stays, with each field where the two differ taken as choice says (a field
// not in choice takes the plan's default: see NewMergePlan); it takes the
// other's enrolments, check-ins, payments, badge prints, roles, stand
// places and aliases, and the other's code becomes one of its aliases. The other
// record is deleted; the merge log keeps both as they were.
func (s *Store) MergeParticipants(ctx context.Context, keepID, dropID int64, choice map[MergeField]MergeSource) (MergeReport, error) {
	var rep MergeReport
	if keepID == dropID {
		return rep, ErrMergeSelf
	}
	err := s.write(ctx, func(tx *sqlTx) error {
		keep, err := loadParticipant(ctx, tx, "p.id = ?", keepID)
		if err != nil {
			return err
		}
		drop, err := loadParticipant(ctx, tx, "p.id = ?", dropID)
		if err != nil {
			return err
		}
		merged := mergedParticipant(&keep, &drop, choice)
		if err := merged.Validate(); err != nil {
			return err
		}
		if rep, err = s.mergeEnrolments(ctx, tx, keep, drop); err != nil {
			return err
		}
		if err := moveRecords(ctx, tx, keepID, dropID); err != nil {
			return err
		}
		orgID, err := resolveOrganisation(ctx, tx, merged.Organisation)
		if err != nil {
			return err
		}
		now := s.now()
		if err := s.updateParticipant(ctx, tx, &merged, keep.Status, orgID, formatTime(now)); err != nil {
			return err
		}
		// The payments of both now count against the fee kept (payments.go).
		if merged.Paid, err = syncPaid(ctx, tx, keepID, false, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM participant WHERE id = ?", dropID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO code_alias (code, participant_id, at) VALUES (?, ?, ?)",
			drop.Code, keepID, formatTime(now)); err != nil {
			return err
		}
		rep.Kept, rep.Alias = merged, drop.Code
		return logMerge(ctx, tx, keep, drop, now)
	})
	return rep, err
}

// moveRecords gives the kept record what points to the other: check-ins,
// payments, badge prints, roles, stand places, tickets, aliases and merges. Its places in
// sessions are moved by mergeEnrolments.
func moveRecords(ctx context.Context, tx *sqlTx, keepID, dropID int64) error {
	for _, q := range []string{
		"UPDATE checkin SET participant_id = ?1 WHERE participant_id = ?2",
		"UPDATE rehearsal_checkin SET participant_id = ?1 WHERE participant_id = ?2", // the rehearsal's too (rehearsal.go)
		"UPDATE badge_print SET participant_id = ?1 WHERE participant_id = ?2",
		"UPDATE payment SET participant_id = ?1 WHERE participant_id = ?2",
		// A role or a stand place both had is the kept one's already: the
		// other's goes with the record merged away.
		"DELETE FROM session_person WHERE participant_id = ?2 AND session_id IN (SELECT session_id FROM session_person WHERE participant_id = ?1)",
		"UPDATE session_person SET participant_id = ?1 WHERE participant_id = ?2",
		"DELETE FROM stand_staff WHERE participant_id = ?2 AND stand_id IN (SELECT stand_id FROM stand_staff WHERE participant_id = ?1)",
		"UPDATE stand_staff SET participant_id = ?1 WHERE participant_id = ?2",
		"UPDATE stand SET contact_id = ?1 WHERE contact_id = ?2",
		"UPDATE ticket SET participant_id = ?1 WHERE participant_id = ?2", // the e-tickets they bring (tickets.go)
		// Records merged earlier into the one merged away now find the kept one.
		"UPDATE code_alias SET participant_id = ?1 WHERE participant_id = ?2",
		// Their merges stay in the log, under the person they now are.
		"UPDATE merge_log SET kept_id = ?1 WHERE kept_id = ?2",
		// The organiser's "to review" list follows the person (review.go).
		"UPDATE review SET participant_id = ?1 WHERE participant_id = ?2",
		"UPDATE review SET other_participant_id = ?1 WHERE other_participant_id = ?2",
	} {
		if _, err := tx.ExecContext(ctx, q, keepID, dropID); err != nil {
			return err
		}
	}
	return nil
}

// logMerge records a merge with both records whole, as they were.
func logMerge(ctx context.Context, tx *sqlTx, keep, drop Participant, at time.Time) error {
	keptRow, err := json.Marshal(keep)
	if err != nil {
		return err
	}
	droppedRow, err := json.Marshal(drop)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO merge_log (kept_id, dropped_id, dropped_code, dropped_name, kept_row, dropped_row, at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, keep.ID, drop.ID, drop.Code, drop.FullName(), keptRow, droppedRow, formatTime(at))
	return err
}

// MergeEntry is a merge as the log keeps it.
type MergeEntry struct {
	At          time.Time
	KeptID      int64 // the person the records now are
	DroppedID   int64
	DroppedCode string
	DroppedName string
	// Kept and Dropped are both records just before the merge, whole
	// (zero for merges made before Congrès kept them).
	Kept, Dropped Participant
}

// MergeLog returns the merges that made a participant's record, oldest
// first.
func (s *Store) MergeLog(ctx context.Context, participantID int64) ([]MergeEntry, error) {
	var out []MergeEntry
	err := s.read(ctx, func(tx *sqlTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT at, kept_id, dropped_id, dropped_code, dropped_name, kept_row, dropped_row
			FROM merge_log WHERE kept_id = ? ORDER BY id`, participantID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e MergeEntry
			var at timeText
			var kept, dropped string
			if err := rows.Scan(&at, &e.KeptID, &e.DroppedID, &e.DroppedCode, &e.DroppedName, &kept, &dropped); err != nil {
				return err
			}
			e.At = parseTime(string(at))
			for _, r := range []struct {
				text string
				p    *Participant
			}{{kept, &e.Kept}, {dropped, &e.Dropped}} {
				if r.text != "" {
					if err := json.Unmarshal([]byte(r.text), r.p); err != nil {
						return err
					}
				}
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}

// mergeEnrolments moves the dropped record's places onto the kept one,
// unless the kept person already has that session or another at that time.
func (s *Store) mergeEnrolments(ctx context.Context, tx *sqlTx, keep, drop Participant) (MergeReport, error) {
	var rep MergeReport
	list, err := queryEnrolments(ctx, tx, "e.participant_id = ? AND e.status <> 'cancelled'", "s.day, s.start_min, s.id", drop.ID)
	if err != nil {
		return rep, err
	}
	for _, e := range list {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM enrolment k JOIN session s ON s.id = k.session_id
			WHERE k.participant_id = ? AND k.status <> 'cancelled' AND s.day = ? AND s.start_min < ? AND s.end_min > ?`,
			keep.ID, e.Day, e.End, e.Start).Scan(&n)
		if err != nil {
			return rep, err
		}
		if n > 0 {
			rep.Dropped = append(rep.Dropped, e.SessionTitle)
			continue // left to be cancelled with the dropped record below
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM enrolment WHERE participant_id = ? AND session_id = ?", keep.ID, e.SessionID); err != nil {
			return rep, err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET participant_id = ? WHERE participant_id = ? AND session_id = ?",
			keep.ID, drop.ID, e.SessionID); err != nil {
			return rep, err
		}
		rep.Moved++
	}
	return rep, s.freePlaces(ctx, tx, drop.ID)
}
