package data

import (
	"context"
	"database/sql"
)

// Stand is an exhibitor's stand in the exhibition hall.
type Stand struct {
	ID     int64
	Number string // unique, e.g. "12" or "B4"
	Name   string
	Zone   string // e.g. "Solutions de territoire"
	// Organisation is the exhibiting organisation's name; on save the
	// organisation of that name is used, or created.
	Organisation   string
	OrganisationID int64 // read only
	ContactID      int64 // a participant; 0: none
	Staff          []int64
	Power          bool
	Tables, Chairs int
	X, Y           int // position on the floor-plan grid
	Notes          string
}

// Validate checks the stand's own rules.
func (st *Stand) Validate() error {
	st.Number, st.Name, st.Zone, st.Organisation = clean(st.Number), clean(st.Name), clean(st.Zone), clean(st.Organisation)
	if err := checkText("number", lNumber, st.Number, true); err != nil {
		return err
	}
	if err := checkText("name", lName, st.Name, true); err != nil {
		return err
	}
	if err := checkText("zone", label{"The zone", "La zone"}, st.Zone, false); err != nil {
		return err
	}
	if st.Tables < 0 {
		return withField(localise(ErrNegative, lTables), "tables")
	}
	if st.Chairs < 0 {
		return withField(localise(ErrNegative, lChairs), "chairs")
	}
	if st.X < 0 || st.Y < 0 {
		return withField(localise(ErrNegative, label{"A floor-plan position", "Une position sur le plan"}), "position")
	}
	return nil
}

// Stands lists the stands by number (2 before 10).
func (s *Store) Stands(ctx context.Context) ([]Stand, error) {
	var list []Stand
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		list, err = listStands(ctx, tx)
		return err
	})
	return list, err
}

// listStands reads the stands by number, with their staff.
func listStands(ctx context.Context, tx *sqlTx) ([]Stand, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.number, s.name, s.zone, coalesce(o.name, ''), coalesce(s.organisation_id, 0),
		coalesce(s.contact_id, 0), s.power, s.tables, s.chairs, s.grid_x, s.grid_y, s.notes
		FROM stand s LEFT JOIN organisation o ON o.id = s.organisation_id
		ORDER BY length(s.number), s.number, s.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Stand
	place := map[int64]int{}
	for rows.Next() {
		var st Stand
		if err := rows.Scan(&st.ID, &st.Number, &st.Name, &st.Zone, &st.Organisation, &st.OrganisationID,
			&st.ContactID, &st.Power, &st.Tables, &st.Chairs, &st.X, &st.Y, &st.Notes); err != nil {
			return nil, err
		}
		place[st.ID] = len(list)
		list = append(list, st)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	// Every stand's staff at once, in the order they were named.
	rows, err = tx.QueryContext(ctx, "SELECT stand_id, participant_id FROM stand_staff ORDER BY "+tx.d.InsertionOrder("stand_staff"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var stand, id int64
		if err := rows.Scan(&stand, &id); err != nil {
			return nil, err
		}
		if i, ok := place[stand]; ok {
			list[i].Staff = append(list[i].Staff, id)
		}
	}
	return list, rows.Err()
}

// SaveStand creates (ID 0) or updates a stand. Its number must be unique.
func (s *Store) SaveStand(ctx context.Context, st *Stand) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sqlTx) error {
		var other string
		err := tx.QueryRowContext(ctx, "SELECT name FROM stand WHERE "+tx.d.NoCase("number")+" = "+tx.d.NoCase("?")+" AND id <> ?",
			st.Number, st.ID).Scan(&other)
		if err == nil {
			return ErrStandTaken.With(st.Number, other)
		}
		if err != sql.ErrNoRows {
			return err
		}
		err = tx.QueryRowContext(ctx, "SELECT number FROM stand WHERE grid_x = ? AND grid_y = ? AND id <> ?", st.X, st.Y, st.ID).Scan(&other)
		if err == nil {
			return ErrPositionTaken.With(st.X, st.Y, other)
		}
		if err != sql.ErrNoRows {
			return err
		}
		orgID, err := resolveOrganisation(ctx, tx, st.Organisation)
		if err != nil {
			return err
		}
		contact := sql.NullInt64{Int64: st.ContactID, Valid: st.ContactID != 0}
		if st.ID == 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO stand (number, name, zone, organisation_id, contact_id, power, tables, chairs, grid_x, grid_y, notes)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				st.Number, st.Name, st.Zone, orgID, contact, st.Power, st.Tables, st.Chairs, st.X, st.Y, st.Notes).Scan(&st.ID)
			if err != nil {
				return standErr(tx.broke(err))
			}
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE stand SET number = ?, name = ?, zone = ?, organisation_id = ?, contact_id = ?,
				power = ?, tables = ?, chairs = ?, grid_x = ?, grid_y = ?, notes = ? WHERE id = ?`,
				st.Number, st.Name, st.Zone, orgID, contact, st.Power, st.Tables, st.Chairs, st.X, st.Y, st.Notes, st.ID)
			if err != nil {
				return standErr(err)
			}
			if err := mustAffect(res, lStand); err != nil {
				return err
			}
		}
		st.OrganisationID = orgID.Int64
		if _, err := tx.ExecContext(ctx, "DELETE FROM stand_staff WHERE stand_id = ?", st.ID); err != nil {
			return err
		}
		for _, id := range st.Staff {
			if _, err := tx.ExecContext(ctx, "INSERT INTO stand_staff (stand_id, participant_id) VALUES (?, ?) ON CONFLICT DO NOTHING", st.ID, id); err != nil {
				return standErr(err)
			}
		}
		return nil
	})
}

// SwapStands exchanges the places of two stands on the floor plan, at
// once: each takes the cell the other held.
func (s *Store) SwapStands(ctx context.Context, a, b int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		var ax, ay, bx, by int
		if err := tx.QueryRowContext(ctx, "SELECT grid_x, grid_y FROM stand WHERE id = ?", a).Scan(&ax, &ay); err == sql.ErrNoRows {
			return notFound(lStand)
		} else if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT grid_x, grid_y FROM stand WHERE id = ?", b).Scan(&bx, &by); err == sql.ErrNoRows {
			return notFound(lStand)
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE stand SET grid_x = ?, grid_y = ? WHERE id = ?", bx, by, a); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE stand SET grid_x = ?, grid_y = ? WHERE id = ?", ax, ay, b)
		return err
	})
}

func standErr(err error) error {
	if violated(err, ForeignKeyViolation) {
		return notFound(lParticipant)
	}
	return err
}

// DeleteStand deletes a stand.
func (s *Store) DeleteStand(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *sqlTx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM stand WHERE id = ?", id)
		if err != nil {
			return err
		}
		return mustAffect(res, lStand)
	})
}
