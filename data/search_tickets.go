package data

import (
	"context"
	"slices"
	"strings"
	"unicode"
)

// Searching by e-ticket (issue 15): the participants' search and the
// desk's name search find the holder of a ticket whose number is typed, as
// they find the owner of a code typed: the whole number, or its first
// characters when they start one person's tickets only. Each is a look-up
// in the ticket table's key, so that it costs a search nothing measurable.

// minTicketPrefix is the fewest characters of a ticket number that find
// its holder: fewer start too many tickets.
const minTicketPrefix = 5

// ticketSearch is the ticket number a search text may be (NormaliseTicket),
// or "" when it cannot be one: a ticket has a digit, and is at least
// minTicketPrefix long.
func ticketSearch(text string) string {
	t := NormaliseTicket(text)
	if len(t) < minTicketPrefix || len(t) > MaxTicket || !strings.ContainsFunc(t, unicode.IsDigit) {
		return ""
	}
	return t
}

// ticketHolderIs is the condition that participant p holds the ticket
// typed (ticketArgs), or is the one holder of every ticket that starts with
// it (16 such tickets read at most: more are several people's anyway).
const ticketHolderIs = `p.id = coalesce((SELECT participant_id FROM ticket WHERE code = ?),
	(SELECT CASE WHEN count(*) < 16 AND min(h) = max(h) THEN min(h) END
		FROM (SELECT participant_id AS h FROM ticket WHERE code > ? AND code < ? LIMIT 16) AS t))`

// ticketArgs are the arguments of ticketHolderIs for the ticket t: the
// number, then the bounds of the numbers that start with it.
func ticketArgs(t string) []any {
	return []any{t, t, t + "\U0010FFFF"}
}

// ownerIs widens a search's condition cond (whose arguments are args) to
// the owner of the code typed and the holder of the ticket typed.
func ownerIs(search, cond string, args []any) (string, []any) {
	if code := NormaliseCode(search); ValidCode(code) {
		cond = "(" + cond + " OR " + codeOwnerIs + ")"
		args = append(args, code, code)
	}
	if t := ticketSearch(search); t != "" {
		cond = "(" + cond + " OR " + ticketHolderIs + ")"
		args = append(args, ticketArgs(t)...)
	}
	return cond, args
}

// ownerIDs are the people a search text names, among those the filters
// (where, args) keep: the owner of the code typed, then the holder of the
// ticket typed; ranked first. sorted is the same IDs, sorted.
func ownerIDs(ctx context.Context, tx *sqlTx, search string, where []string, args []any) (ids, sorted []int64, err error) {
	var conds []string
	var condArgs [][]any
	if code := NormaliseCode(search); ValidCode(code) {
		conds, condArgs = append(conds, codeOwnerIs), append(condArgs, []any{code, code})
	}
	if t := ticketSearch(search); t != "" {
		conds, condArgs = append(conds, ticketHolderIs), append(condArgs, ticketArgs(t))
	}
	for i, c := range conds {
		found, err := queryIDs(ctx, tx, "SELECT p.id FROM participant p WHERE "+strings.Join(append([]string{c}, where...), " AND "),
			append(condArgs[i], args...)...)
		if err != nil {
			return nil, nil, err
		}
		for _, id := range found {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids, slices.Sorted(slices.Values(ids)), nil
}
