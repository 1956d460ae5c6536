package postgres

// The Dialect's differences met by the programme, enrolments, stands,
// lists, badges and bulk changes.

// JSONPatch concatenates the jsonb objects: the patch's members replace
// the target's (equal to RFC 7396 for a patch with no null and no nested
// object).
func (Dialect) JSONPatch(target, patch string) string {
	return "(" + target + " || CAST(" + patch + " AS jsonb))"
}

// InsertionOrder is the row's place in the table's heap (ctid): the order
// of insertion while no vacuum reuses space, which is all a table without
// a position column offers. session_person and stand_staff need one (a
// migration of both schemas) for the order to be kept for certain.
func (Dialect) InsertionOrder(table string) string { return table + ".ctid" }
