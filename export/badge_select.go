package export

import (
	"context"

	"congres/data"
)

// BadgeStore is what choosing, checking and loading badges reads from a
// congress. *data.Store is one.
type BadgeStore interface {
	Congress(ctx context.Context) (data.Congress, error)
	ParticipantIDs(ctx context.Context, q data.ParticipantQuery) ([]int64, error)
	ParticipantByCode(ctx context.Context, code string) (data.Participant, error)
	Participant(ctx context.Context, id int64) (data.Participant, error)
	BadgeRows(ctx context.Context, ids []int64) ([]data.BadgeRow, error)
	BadgePrints(ctx context.Context, participantID int64) ([]data.BadgePrint, error)
	CountBadgePrinted(ctx context.Context, ids []int64) (int, error)
}

// BadgeSelection says whose badges to print: one person by Code, exactly IDs
// in their order, or else whoever Query selects, in its order.
type BadgeSelection struct {
	Code  string
	IDs   []int64
	Query data.ParticipantQuery
}

// BadgeIDs resolves a selection to participant IDs, in print order.
func BadgeIDs(ctx context.Context, st BadgeStore, sel BadgeSelection) ([]int64, error) {
	switch {
	case sel.Code != "":
		p, err := st.ParticipantByCode(ctx, sel.Code)
		if err != nil {
			return nil, err
		}
		return []int64{p.ID}, nil
	case sel.IDs != nil:
		return sel.IDs, nil
	}
	return st.ParticipantIDs(ctx, sel.Query)
}

// LoadBadges reads what the badges of these people show, with the congress.
func LoadBadges(ctx context.Context, st BadgeStore, ids []int64) (BadgeInput, error) {
	c, err := st.Congress(ctx)
	if err != nil {
		return BadgeInput{}, err
	}
	rows, err := st.BadgeRows(ctx, ids)
	if err != nil {
		return BadgeInput{}, err
	}
	return BadgeInput{Congress: c, Badges: rows}, nil
}
