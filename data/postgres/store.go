package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"congres/data"
)

// OpenStore opens the congress at url (postgres://…) as a data.Store: its
// schema is brought up to date (Open), then the rules run over a pool of
// connections to it. Closing the store closes the pool.
func OpenStore(ctx context.Context, url string) (*data.Store, error) {
	s, err := Open(ctx, url)
	if err != nil {
		return nil, err
	}
	st := data.OpenServer(sqlDB(s.pool), Dialect{}, s.url)
	st.Watch(watcher{url: url})
	return st, nil
}

// Create makes a new congress c in the database at url, which must hold
// none: an empty database gets the schema and then the congress; one that
// holds a congress is refused with data.ErrNotEmpty and left as it is (one
// that holds another application's tables, by Open).
func Create(ctx context.Context, url string, c data.Congress) (*data.Store, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	s, err := OpenStore(ctx, url)
	if err != nil {
		return nil, err
	}
	if err := s.InitCongress(ctx, c); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// sqlDB is a database/sql pool over pool's connections: closing it closes
// pool too. As stdlib.OpenDBFromPool's, it keeps no idle connection of its
// own (pool keeps them).
func sqlDB(pool *pgxpool.Pool) *sql.DB {
	db := sql.OpenDB(poolConnector{stdlib.GetPoolConnector(pool), pool})
	db.SetMaxIdleConns(0)
	return db
}

// poolConnector is stdlib's connector over a pgxpool.Pool that closes the
// pool when the sql.DB is closed (database/sql closes a connector that is
// an io.Closer).
type poolConnector struct {
	driver.Connector
	pool *pgxpool.Pool
}

func (c poolConnector) Close() error {
	c.pool.Close()
	return nil
}
