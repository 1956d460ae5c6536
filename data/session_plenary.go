package data

// A plenary is for everyone who comes that day: a session at the same time
// draws people away from it. The store allows it (a room or a person in two
// places is what it refuses), and a screen asks the organiser first, once,
// when a session is moved or saved onto a plenary.

// OverlapsPlenary is the plenary that after, a session saved or moved
// (before is how it was; ID 0 for a new one), would newly overlap on its
// day in programme: ok is false when it overlaps none, or only those it
// overlapped already (nothing to ask again when a title is edited). A
// plenary does not overlap itself; the earliest is given when several.
func OverlapsPlenary(before, after Session, programme []Session) (plenary Session, ok bool) {
	for _, p := range programme {
		if p.Kind != KindPlenary || p.ID == after.ID || !sameTime(p, after) {
			continue
		}
		if before.ID != 0 && sameTime(p, before) {
			continue
		}
		if !ok || p.Start < plenary.Start {
			plenary, ok = p, true
		}
	}
	return plenary, ok
}

// sameTime tells whether a and b are, even in part, at the same time on
// the same day.
func sameTime(a, b Session) bool {
	return a.Day == b.Day && a.Start < b.End && b.Start < a.End
}
