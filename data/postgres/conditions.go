package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"

	"congres/data"
)

// SQLSTATE codes of the server's conditions (PostgreSQL's appendix A).
const (
	codeInvalidPassword      = "28P01"
	codeInvalidAuthorization = "28000"
	codeInvalidCatalogName   = "3D000" // no such database
)

// connectCondition turns the failures of connecting to the server at url
// (shown without its password) into sentences, by SQLSTATE code: wrong
// user or password, no such database, no server answering. Anything else,
// and a cancelled ctx, is returned as it is.
func connectCondition(url, database string, err error) error {
	if err == nil || errors.Is(err, context.Canceled) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case codeInvalidPassword, codeInvalidAuthorization:
			return data.ErrServerLogin.With(url).Because(err)
		case codeInvalidCatalogName:
			return data.ErrServerNoDatabase.With(database, url).Because(err)
		}
		return err
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return data.ErrServerUnreachable.With(url).Because(err)
	}
	return err
}
