package export

import (
	"context"
	"time"
)

// BadgeCheck is who a badge selection picks and how many of them already
// have a badge. Printing again someone who has one is asked first, by the
// window and by the command line alike: Reprint says when.
type BadgeCheck struct {
	IDs     []int64 // the people selected, in print order
	Printed int     // how many of them already have a badge
	// For one person who has a badge: their name and when it was printed
	// last, for the question.
	Name      string
	LastPrint time.Time
}

// Reprint reports whether printing this selection prints someone's badge
// again, which is asked first.
func (c BadgeCheck) Reprint() bool { return c.Printed > 0 }

// CheckBadges resolves a selection and counts those who already have a
// badge; an empty selection is ErrNoBadges.
func CheckBadges(ctx context.Context, st BadgeStore, sel BadgeSelection) (BadgeCheck, error) {
	var c BadgeCheck
	var err error
	if c.IDs, err = BadgeIDs(ctx, st, sel); err != nil {
		return c, err
	}
	if len(c.IDs) == 0 {
		return c, ErrNoBadges
	}
	if c.Printed, err = st.CountBadgePrinted(ctx, c.IDs); err != nil || c.Printed == 0 || len(c.IDs) > 1 {
		return c, err
	}
	p, err := st.Participant(ctx, c.IDs[0])
	if err != nil {
		return c, err
	}
	c.Name = p.FullName()
	prints, err := st.BadgePrints(ctx, c.IDs[0])
	if len(prints) > 0 {
		c.LastPrint = prints[len(prints)-1].At
	}
	return c, err
}
