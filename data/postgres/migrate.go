package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"congres/data"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations returns the embedded migrations, in order.
func migrations() ([]data.Migration, error) { return data.ReadMigrations(migrationFiles) }

// SchemaVersion is the newest schema this version of Congrès writes on a
// server.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// migrateLock is the key of the advisory lock held while a schema is read
// and brought up to date ("CgrsMigr"). PostgreSQL keys advisory locks by
// database too, so congresses in other databases of the server do not wait.
const migrateLock int64 = 0x436772734d696772

// migrate applies the migrations the database lacks, each in its own
// transaction together with its row in schema_migration. It holds a
// session advisory lock on one connection throughout: a second process
// opening the same database at the same moment waits, then finds the
// schema up to date. The lock goes with the connection if this process
// dies.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	var num int
	var version string
	if err := conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int, current_setting('server_version')").Scan(&num, &version); err != nil {
		return err
	}
	if err := s.checkServerVersion(num, version); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrateLock); err != nil {
		return err
	}
	defer unlock(conn)
	current, err := s.schemaVersion(ctx, conn.Conn())
	if err != nil {
		return err
	}
	if current > len(ms) {
		return data.ErrServerTooNew.With(s.url, current, len(ms))
	}
	for _, m := range ms[current:] {
		if err := apply(ctx, conn.Conn(), m); err != nil {
			var pe *pgconn.PgError
			if errors.As(err, &pe) && pe.Code == codeNotPermitted {
				// A desk's or an organiser's account: the schema is the owner's.
				return ErrServerNeedsOwner.With(s.url, current, len(ms)).Because(err)
			}
			return err
		}
	}
	return nil
}

// minServer is the oldest PostgreSQL the migrations run on: 14, for the
// SQL-standard function bodies of 0005_search.sql (bound when created,
// whatever the search_path).
const minServer = 14

// checkServerVersion refuses a server older than minServer, whose
// server_version_num is num (150018 for 15.18) and server_version is
// version ("15.18 (Debian 15.18-0+deb12u1)").
func (s *Store) checkServerVersion(num int, version string) error {
	if num < minServer*10000 {
		if i := strings.IndexByte(version, ' '); i > 0 {
			version = version[:i]
		}
		return data.ErrServerTooOld.With(s.url, version, minServer)
	}
	return nil
}

// unlock releases the migration lock; a connection that cannot say so is
// closed, which releases it too.
func unlock(conn *pgxpool.Conn) {
	ctx := context.Background()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_unlock($1)", migrateLock); err != nil {
		conn.Conn().Close(ctx)
	}
}

// schemaVersion returns the newest migration recorded in the database, 0
// for an empty one. A database without schema_migration that holds tables
// is another application's: it is refused.
func (s *Store) schemaVersion(ctx context.Context, conn *pgx.Conn) (int, error) {
	var recorded bool
	var tables int
	err := conn.QueryRow(ctx, `SELECT to_regclass('schema_migration') IS NOT NULL,
		(SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))`).Scan(&recorded, &tables)
	if err != nil {
		return 0, err
	}
	if !recorded {
		if tables > 0 {
			return 0, data.ErrServerNotCongress.With(s.url)
		}
		return 0, nil
	}
	var v int
	err = conn.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migration").Scan(&v)
	return v, err
}

// apply runs one migration and records it, in one transaction.
func apply(ctx context.Context, conn *pgx.Conn, m data.Migration) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if m.Version == 1 {
		if _, err := tx.Exec(ctx, `CREATE TABLE schema_migration (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return err
		}
	}
	// Without arguments, Exec runs the file's statements as one simple
	// query.
	if _, err := tx.Exec(ctx, m.SQL); err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if _, err := tx.Exec(ctx, "INSERT INTO schema_migration (version, name) VALUES ($1, $2)", m.Version, m.Name); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
