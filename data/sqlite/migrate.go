package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"time"

	"congres/data"
)

// applicationID marks a SQLite file as a congress file ("Cgrs").
const applicationID = 0x43677273

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations returns the embedded migrations, in order.
func migrations() ([]data.Migration, error) { return data.ReadMigrations(migrationFiles) }

// SchemaVersion is the newest file format this version of Congrès writes.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// appliedLayout is how a migration's time is written (as data writes
// every time: UTC, to the microsecond).
const appliedLayout = "2006-01-02T15:04:05.000000Z07:00"

// migrate applies the migrations the file lacks, each in its own write
// transaction together with its record in schema_migration, PRAGMA
// user_version and the revision's count. A file only read (ro) is not
// changed: one that lacks migrations is refused.
func migrate(ctx context.Context, w *sql.DB, path string, ro *data.Error) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var current, appID, objects int
	if err := w.QueryRowContext(ctx, "SELECT user_version, application_id, (SELECT count(*) FROM sqlite_schema) FROM pragma_user_version, pragma_application_id").
		Scan(&current, &appID, &objects); err != nil {
		return err
	}
	if appID != applicationID && objects > 0 {
		return notCongress(path, "another application's database", "base de données d'une autre application")
	}
	if current > len(ms) {
		return data.ErrTooNew.With(path, current, len(ms))
	}
	if ro != nil {
		if current < len(ms) {
			if ro.Kind == data.KindDamaged {
				return ro
			}
			return data.ErrNeedsUpdate.With(path)
		}
		return nil
	}
	for _, m := range ms[current:] {
		if err := applyMigration(ctx, w, m); err != nil {
			return err
		}
	}
	if current < len(ms) {
		// Write the new header into the file itself, so that checkFile sees it.
		if _, err := w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration applies m in one transaction, as a write of the store
// does: its SQL, its record, the file's user_version, and the revision.
func applyMigration(ctx context.Context, w *sql.DB, m data.Migration) error {
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if m.Version == 1 {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE schema_migration (
					version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)",
		m.Version, m.Name, time.Now().UTC().Format(appliedLayout)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Version)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE revision SET n = n + 1"); err != nil {
		return err
	}
	return tx.Commit()
}
