// Package postgres keeps a congress on a PostgreSQL server, so that several
// laptops (the desks at the venue, the staff before the event) work on one
// congress at once. It holds the server's schema, as numbered migrations
// that match the file's (data/sqlite/migrations) number for number, and the
// connection to the server; the rules stay in package data.
package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"

	"congres/data"
)

// Store is a congress open on a PostgreSQL server. It is safe for
// concurrent use.
type Store struct {
	pool *pgxpool.Pool
	url  string // without its password
}

// Open connects to the congress at url (postgres://user:password@host/db…)
// and brings its schema up to date, one migration per transaction, while
// holding a lock that makes other processes opening the same database wait
// (see migrate). A database that holds another application's tables
// (data.ErrServerNotCongress) or a congress written by a newer version
// (data.ErrServerTooNew) is refused and left as it is. A server that does
// not answer, refuses the user or has no such database gives a sentence
// too (data.ErrServerUnreachable, ErrServerLogin, ErrServerNoDatabase).
func Open(ctx context.Context, url string) (*Store, error) {
	pool, err := newPool(ctx, url)
	if err != nil {
		return nil, err
	}
	s := &Store{pool: pool, url: RedactURL(url)}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		err = connectCondition(s.url, pool.Config().ConnConfig.Database, err)
		var de *data.Error
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, fmt.Errorf("postgres: %s: %w", s.url, err)
	}
	s.pruneOnOpen(ctx) // prune.go
	return s, nil
}

// newPool makes the pool of connections to url, which it names "congres"
// to the server (pg_stat_activity) unless url names it otherwise.
func newPool(ctx context.Context, url string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx's message shows the URL with its password masked.
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if cfg.ConnConfig.RuntimeParams == nil {
		cfg.ConnConfig.RuntimeParams = map[string]string{}
	}
	if cfg.ConnConfig.RuntimeParams["application_name"] == "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = "congres"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", RedactURL(url), err)
	}
	return pool, nil
}

// URL returns the URL the store was opened with, without its password:
// the one to show.
func (s *Store) URL() string { return s.url }

// Close closes the store's connections.
func (s *Store) Close() { s.pool.Close() }
