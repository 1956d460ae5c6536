package sqlite

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congres/data"
)

// What data reads of SQLite's errors now goes through this package (the
// Dialect's Violation, the engine's Condition, Busy, NotADatabase): the
// split was to keep every code mapped to the same sentence as before. Each
// case makes the driver's real error and checks what data gets.

// rawDB opens a plain SQLite file at path with the query q of a DSN.
func rawDB(t *testing.T, path, q string) *sql.DB {
	t.Helper()
	uri, err := fileURI(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", uri+q)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestDialectReadsConstraintCodes(t *testing.T) {
	db := rawDB(t, filepath.Join(t.TempDir(), "c.sqlite"), "?_pragma=foreign_keys(1)")
	if _, err := db.Exec(`CREATE TABLE a (id INTEGER PRIMARY KEY, u TEXT UNIQUE, n TEXT NOT NULL);
		CREATE TABLE b (a_id INTEGER REFERENCES a (id));
		INSERT INTO a VALUES (1, 'x', 'n')`); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, q string
		want    data.Violation
	}{
		{"Unique", "INSERT INTO a VALUES (2, 'x', 'n')", data.UniqueViolation},
		{"PrimaryKey", "INSERT INTO a VALUES (1, 'y', 'n')", data.UniqueViolation},
		{"ForeignKey", "INSERT INTO b VALUES (9)", data.ForeignKeyViolation},
		{"NotNull", "INSERT INTO a VALUES (3, 'z', NULL)", data.NoViolation},
		{"Syntax", "INSERT INTO nowhere VALUES (1)", data.NoViolation},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := db.Exec(c.q)
			if err == nil {
				t.Fatal("no error")
			}
			if got := (Dialect{}).Violation(err); got != c.want {
				t.Errorf("%v: violation %v, want %v", err, got, c.want)
			}
		})
	}
	if got := (Dialect{}).Violation(errors.New("not SQLite's")); got != data.NoViolation {
		t.Errorf("another error: %v", got)
	}
}

// wantCondition checks that err, once through the engine's Condition, is
// want about path, in both languages, with the driver's error behind it.
func wantCondition(t *testing.T, path string, err error, want *data.Error) {
	t.Helper()
	if err == nil {
		t.Fatal("the driver gave no error")
	}
	got := engine{}.Condition(path, err)
	if !errors.Is(got, want) {
		t.Fatalf("%v became %v (kind %d), want %q", err, got, data.KindOf(got), want.Code)
	}
	if data.KindOf(got) == data.KindInternal || data.KindOf(got) != want.Kind {
		t.Errorf("kind %d, want %d", data.KindOf(got), want.Kind)
	}
	for _, lang := range []string{"en", "fr"} {
		if m := data.Message(got, lang); !strings.Contains(m, path) || strings.Contains(m, "%!") {
			t.Errorf("%s: %q does not name %s", lang, m, path)
		}
	}
	if !errors.Is(got, err) {
		t.Error("the driver's error is not kept behind the sentence")
	}
}

func TestEngineConditions(t *testing.T) {
	dir := t.TempDir()
	t.Run("ErrFileBusy", func(t *testing.T) {
		path := filepath.Join(dir, "busy.sqlite")
		a := rawDB(t, path, "?_pragma=busy_timeout(0)&_txlock=immediate")
		b := rawDB(t, path, "?_pragma=busy_timeout(0)&_txlock=immediate")
		if _, err := a.Exec("CREATE TABLE t (x)"); err != nil {
			t.Fatal(err)
		}
		tx, err := a.Begin()
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		_, err = b.Begin()
		if !(engine{}).Busy(err) {
			t.Errorf("Busy(%v) is false", err)
		}
		wantCondition(t, path, err, data.ErrFileBusy)
	})
	t.Run("ErrFileReadOnly", func(t *testing.T) {
		path := filepath.Join(dir, "ro.sqlite")
		if _, err := rawDB(t, path, "").Exec("CREATE TABLE t (x)"); err != nil {
			t.Fatal(err)
		}
		_, err := rawDB(t, path, "?mode=ro").Exec("INSERT INTO t VALUES (1)")
		wantCondition(t, path, err, data.ErrFileReadOnly)
	})
	t.Run("ErrDiskFull", func(t *testing.T) {
		path := filepath.Join(dir, "full.sqlite")
		db := rawDB(t, path, "")
		db.SetMaxOpenConns(1)
		if _, err := db.Exec("CREATE TABLE t (x); PRAGMA max_page_count = 8"); err != nil {
			t.Fatal(err)
		}
		_, err := db.Exec("INSERT INTO t VALUES (zeroblob(100000))")
		wantCondition(t, path, err, data.ErrDiskFull)
	})
	t.Run("ErrDamaged/NotADatabase", func(t *testing.T) {
		path := filepath.Join(dir, "text.sqlite")
		if err := os.WriteFile(path, []byte(strings.Repeat("Liste des inscrits\n", 400)), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := rawDB(t, path, "").Exec("SELECT count(*) FROM sqlite_schema")
		if !(engine{}).NotADatabase(err) {
			t.Errorf("NotADatabase(%v) is false", err)
		}
		if (engine{}).Busy(err) || (engine{}).Corrupt(err) {
			t.Errorf("%v read as busy or corrupt", err)
		}
		wantCondition(t, path, err, data.ErrDamaged)
	})
	t.Run("ErrDiskError", func(t *testing.T) {
		path := filepath.Join(dir, "missing", "folder.sqlite")
		_, err := rawDB(t, path, "?mode=rw").Exec("SELECT 1")
		wantCondition(t, path, err, data.ErrDiskError)
	})
	t.Run("Other", func(t *testing.T) {
		_, err := rawDB(t, filepath.Join(dir, "other.sqlite"), "").Exec("SELECT * FROM nowhere")
		if got := (engine{}).Condition("x", err); got != err {
			t.Errorf("an error that is no condition of the file became %v", got)
		}
		ours := data.ErrFileBusy.With("y")
		if got := (engine{}).Condition("x", ours); got != error(ours) {
			t.Errorf("one of data's errors became %v", got)
		}
		if got := (engine{}).Condition("x", nil); got != nil {
			t.Errorf("nil became %v", got)
		}
	})
}

// TestEngineJournal: the desk's journal is opened as before the split, in
// rollback-journal mode with the file's busy timeout, its table made.
func TestEngineJournal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c"+data.Extension+data.HeldSuffix)
	db, err := engine{}.Journal(path, "CREATE TABLE IF NOT EXISTS held (seq INTEGER PRIMARY KEY)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mode string
	var timeout int64
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "delete" {
		t.Errorf("journal_mode %q, %v", mode, err)
	}
	if err := db.QueryRow("PRAGMA busy_timeout").Scan(&timeout); err != nil || timeout != busyTimeout.Milliseconds() {
		t.Errorf("busy_timeout %d, %v", timeout, err)
	}
	if _, err := db.Exec("INSERT INTO held DEFAULT VALUES"); err != nil {
		t.Error(err)
	}
	if db.Stats().MaxOpenConnections != 2 {
		t.Errorf("%d connections", db.Stats().MaxOpenConnections)
	}
}

// TestEngineBackupOfAServer: what data's backup of a server's congress asks
// of files (backup_server.go), which only a server's pass ran: the
// revision written into the new file and read back without touching it,
// and the backup opened only to be read, for the reason given, nothing
// made beside it.
func TestEngineBackupOfAServer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "serveur"+data.Extension)
	s, err := engine{}.OpenNew(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.InitCongress(ctx, data.Congress{Name: "Serveur", Days: []data.Day{"2021-11-25"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := (engine{}).SetRevision(ctx, path, 4242); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"-wal", "-shm", lockSuffix} {
		if data.FileSize(path+c) > 0 {
			t.Errorf("SetRevision left %s", c)
		}
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := (engine{}).Revision(ctx, path); err != nil || n != 4242 {
		t.Fatalf("revision %d, %v", n, err)
	}
	ro := data.ErrBackupOnlyRead.With(filepath.Base(path))
	b, err := engine{}.OpenAs(ctx, path, ro)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(b.ReadOnly(), data.ErrBackupOnlyRead) {
		t.Errorf("read only: %v", b.ReadOnly())
	}
	if c, err := b.Congress(ctx); err != nil || c.Name != "Serveur" {
		t.Errorf("congress %q, %v", c.Name, err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("opening the backup changed it")
	}
	for _, c := range []string{"-wal", "-shm", "-journal", lockSuffix, data.HeldSuffix} {
		if data.FileSize(path+c) >= 0 {
			t.Errorf("opening the backup made %s", c)
		}
	}
	// A file that is not a congress, or is damaged, is refused as Open does.
	text := filepath.Join(filepath.Dir(path), "notes"+data.Extension)
	os.WriteFile(text, []byte(strings.Repeat("Liste des inscrits\n", 400)), 0o600)
	if _, err := (engine{}).OpenAs(ctx, text, ro); !errors.Is(err, data.ErrNotCongress) {
		t.Errorf("a text file: %v", err)
	}
	half := filepath.Join(filepath.Dir(path), "half"+data.Extension)
	os.WriteFile(half, after[:len(after)/2+100], 0o600)
	if _, err := (engine{}).OpenAs(ctx, half, ro); !errors.Is(err, data.ErrDamaged) {
		t.Errorf("a truncated file: %v", err)
	}
}
