package postgres

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"regexp"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"congres/data"
)

// Role is what an account may do on a congress kept on a server. The server
// enforces it with its grants, whatever program connects.
type Role string

const (
	// RoleOrganiser reads and changes everything in the congress (but not
	// its schema, nor the accounts: those belong to the database's owner).
	RoleOrganiser Role = "organiser"
	// RoleDesk reads what the desk shows and records what a desk does:
	// arrivals, session entries, undos, badge prints, payments (and their
	// undo) and walk-ins. It deletes nothing and changes neither the
	// programme, the categories, the settings nor the accounts.
	RoleDesk Role = "desk"
)

// ParseRole reads a role's name as typed on the command line.
func ParseRole(s string) (Role, error) {
	switch Role(s) {
	case RoleOrganiser, RoleDesk:
		return Role(s), nil
	}
	return "", ErrRole.With(s)
}

// The sentences of AddUser.
var (
	ErrRole = data.NewError(data.KindInvalid, "server_role",
		"There is no role %q: choose organiser or desk.",
		"Il n'y a pas de rôle «%s» : choisissez organiser ou desk.")
	ErrUserName = data.NewError(data.KindInvalid, "server_user_name",
		"%q cannot be an account's name: use 1 to 63 lower-case letters, digits and _, starting with a letter.",
		"«%s» ne peut pas être le nom d'un compte : utilisez de 1 à 63 lettres minuscules, chiffres et _, en commençant par une lettre.")
	ErrUserExists = data.NewError(data.KindConflict, "server_user_exists",
		"The server has an account %q already. Nothing was changed: choose another name.",
		"Le serveur a déjà un compte «%s». Rien n'a été modifié : choisissez un autre nom.")
	ErrUserNotAllowed = data.NewError(data.KindInvalid, "server_user_not_allowed",
		"The account of %s may not create accounts. Use the account that owns the database (the one that created it).",
		"Le compte de %s ne peut pas créer de comptes. Utilisez le compte propriétaire de la base (celui qui l'a créée).")
)

// userName is what AddUser accepts as an account's name: never quoted
// oddly, the same on every server.
var userName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// deskWrites are what a desk account may add to, and the columns it may
// change: nothing else, and it deletes nothing. participant_search is
// written by the triggers that keep the search index (they run as the
// account that changes a participant).
var deskWrites = []string{
	"GRANT INSERT ON checkin, rehearsal_checkin, badge_print, payment, participant, participant_day, organisation, participant_search, desk_op, review TO %[1]s",
	"GRANT UPDATE (paid, updated_at) ON participant TO %[1]s",
	"GRANT UPDATE (undone_at) ON payment TO %[1]s",
	"GRANT UPDATE (doc) ON participant_search TO %[1]s",
	"GRANT UPDATE (locked) ON desk_pin TO %[1]s",
	"GRANT UPDATE (n) ON revision TO %[1]s",
}

// organiserWrites let an organiser change every row of the congress.
var organiserWrites = []string{
	"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %[2]s TO %[1]s",
	"GRANT UPDATE ON ALL SEQUENCES IN SCHEMA %[2]s TO %[1]s",
	"ALTER DEFAULT PRIVILEGES IN SCHEMA %[2]s GRANT INSERT, UPDATE, DELETE ON TABLES TO %[1]s",
	"ALTER DEFAULT PRIVILEGES IN SCHEMA %[2]s GRANT UPDATE ON SEQUENCES TO %[1]s",
}

// AddUser creates an account name on the server of the congress at url,
// with the rights of role on that congress's database, and returns its
// password, made here and shown once. url must be an account that may
// create accounts (the database's owner, or the server's administrator),
// and the database must hold a congress (Open it first).
func AddUser(ctx context.Context, url, name string, role Role) (string, error) {
	if !userName.MatchString(name) {
		return "", ErrUserName.With(name)
	}
	if _, err := ParseRole(string(role)); err != nil {
		return "", err
	}
	s, err := Open(ctx, url)
	if err != nil {
		return "", err
	}
	defer s.Close()
	password := newPassword()
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return "", err
	}
	defer tx.Rollback(ctx)
	var db, schema string
	if err := tx.QueryRow(ctx, "SELECT current_database(), current_schema()").Scan(&db, &schema); err != nil {
		return "", err
	}
	who := pgx.Identifier{name}.Sanitize()
	sch := pgx.Identifier{schema}.Sanitize()
	stmts := []string{
		// The password is made of letters and digits only: it needs no quoting.
		"CREATE ROLE %[1]s LOGIN PASSWORD '" + password + "'",
		"GRANT CONNECT ON DATABASE " + pgx.Identifier{db}.Sanitize() + " TO %[1]s",
		"GRANT USAGE ON SCHEMA %[2]s TO %[1]s",
		"GRANT SELECT ON ALL TABLES IN SCHEMA %[2]s TO %[1]s",
		"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %[2]s TO %[1]s",
		// The tables a later migration adds (run by the owner, who runs
		// this) are read too.
		"ALTER DEFAULT PRIVILEGES IN SCHEMA %[2]s GRANT SELECT ON TABLES TO %[1]s",
		"ALTER DEFAULT PRIVILEGES IN SCHEMA %[2]s GRANT USAGE, SELECT ON SEQUENCES TO %[1]s",
	}
	if role == RoleDesk {
		stmts = append(stmts, deskWrites...)
	} else {
		stmts = append(stmts, organiserWrites...)
	}
	for _, q := range stmts {
		if _, err := tx.Exec(ctx, fmt.Sprintf(q, who, sch)); err != nil {
			return "", userCondition(s.url, name, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return "", userCondition(s.url, name, err)
	}
	return password, nil
}

// userCondition turns the server's refusals of AddUser into sentences.
func userCondition(url, name string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "42710": // duplicate_object
			return ErrUserExists.With(name).Because(err)
		case "42501": // insufficient_privilege
			return ErrUserNotAllowed.With(url).Because(err)
		}
	}
	return fmt.Errorf("postgres: %s: %w", url, err)
}

// newPassword makes a password of 24 letters and digits (about 140 bits).
func newPassword() string {
	const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 24)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}
