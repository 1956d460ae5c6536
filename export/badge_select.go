package export

import (
	"context"

	"congres/data"
)

// BadgeSelection says whose badges to print: one person by Code, exactly IDs
// in their order, or else whoever Query selects, in its order.
type BadgeSelection struct {
	Code  string
	IDs   []int64
	Query data.ParticipantQuery
}

// BadgeIDs resolves a selection to participant IDs, in print order.
func BadgeIDs(ctx context.Context, st *data.Store, sel BadgeSelection) ([]int64, error) {
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
func LoadBadges(ctx context.Context, st *data.Store, ids []int64) (BadgeInput, error) {
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
