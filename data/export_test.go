package data

// Hooks for the behaviour suite (package data_test, split plan section 4):
// the few things it needs beyond the exported API. Compiled only in tests.
// Raw SQL in the suite is portable DML; a test that needs the file itself
// (Downgrade, PresenceBothWays, a PRAGMA) is SQLite's and says so.

import (
	"context"
	"sync"
	"testing"
)

// Raw SQL, as another program could run it.

// ExecForTest runs a statement on the store's connection for writing, as
// another program could.
func (s *Store) ExecForTest(ctx context.Context, q string, args ...any) error {
	_, err := s.w.ExecContext(ctx, s.d.Rebind(q), args...)
	return err
}

// RowForTest is one row of QueryRowForTest.
type RowForTest interface{ Scan(dest ...any) error }

// QueryRowForTest reads one row, as another program could.
func (s *Store) QueryRowForTest(ctx context.Context, q string, args ...any) RowForTest {
	return s.r.QueryRowContext(ctx, s.d.Rebind(q), args...)
}

// RowsForTest are the rows of QueryForTest.
type RowsForTest interface {
	Columns() ([]string, error)
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

// QueryForTest reads rows, as another program could.
func (s *Store) QueryForTest(ctx context.Context, q string, args ...any) (RowsForTest, error) {
	rows, err := s.r.QueryContext(ctx, s.d.Rebind(q), args...)
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// The suite's passes (bench_test.go's TestMain runs it once per store).

// testStore is the store of the suite's current pass: "sqlite" or
// "postgres".
var testStore = "sqlite"

// SuiteStore is the store the suite runs on in this pass.
func SuiteStore() string { return testStore }

// afterSuite are run once every pass has run.
var (
	afterSuiteMu sync.Mutex
	afterSuite   []func()
)

// AfterSuite has f run once the suite has run on every store (to drop what
// a pass set up for all its tests, as the server's template database).
func AfterSuite(f func()) {
	afterSuiteMu.Lock()
	defer afterSuiteMu.Unlock()
	afterSuite = append(afterSuite, f)
}

// Settings of the store's rules, each for one test.

// SetMaxImportRows lowers the import's limit of rows for one test.
func SetMaxImportRows(tb testing.TB, n int) {
	old := maxImportRows
	maxImportRows = n
	tb.Cleanup(func() { maxImportRows = old })
}

// SetImportPlannedHook has f called, for one test, each time an import has
// decided its rows, outside or under the write lock.
func SetImportPlannedHook(tb testing.TB, f func(underLock bool)) {
	testImportPlanned = f
	tb.Cleanup(func() { testImportPlanned = nil })
}

// ImportTries is how many times an import decides its rows outside the
// write lock before it decides them under it.
const ImportTries = importTries

// SetAttendeePage sets, until the end of the test, how many attendees are
// read at a time.
func SetAttendeePage(tb testing.TB, n int) {
	old := attendeePage
	attendeePage = n
	tb.Cleanup(func() { attendeePage = old })
}

// SetCodeSeed has the store draw new codes from a code source of seed,
// from its first code on.
func (s *Store) SetCodeSeed(seed uint64) {
	src := newCodeSource(seed)
	s.codes = func() *codeSource { return src }
}

// Limits, keys and tables of the domain.

// The limits of a text and of the notes, in bytes.
const (
	MaxText  = maxText
	MaxNotes = maxNotes
)

// ImportKeys are the sort and search keys the import gives p.
func ImportKeys(p *Participant) (sortKey, nameKey string) { return (&importer{}).keys(p) }

// SortKey is the sort key the rest of the store gives p.
func SortKey(p *Participant) string { return sortKey(p) }

// ColourRe is what a category's colour must match.
var ColourRe = colourRe

// HashPIN and the PIN hash's scheme, iterations and key length, for tests
// that store a hand-made hash.
var HashPIN = hashPIN

const (
	PINScheme     = pinScheme
	PINIterations = pinIterations
	PINKeyLen     = pinKeyLen
)

// CodeLength is the length of the codes Congrès gives, and CodeSource the
// codes a source drawn from seed gives, one per call.
const CodeLength = codeLength

func CodeSource(seed uint64) func() string { return newCodeSource(seed).next }

// KeyboardMismatches is how many keyboard mismatches there are, and
// MisreadTables how each types a character.
const KeyboardMismatches = keyboardMismatches

var MisreadTables = misreadTables

// Fixtures.

// InsertTicketForTest records a ticket number (already normalised) for a
// participant, as the import does.
func (s *Store) InsertTicketForTest(ctx context.Context, participantID int64, code, source, at string) error {
	return s.write(ctx, func(tx *sqlTx) error {
		return insertTicket(ctx, tx, participantID, code, source, at)
	})
}

// DemoLastNames are the demo's last names.
var DemoLastNames = demoLastNames

// ImportBenchMapping and WriteRegistrationsCSV make a ticketing platform's
// export of n registrations (import_bench_test.go).
var ImportBenchMapping = importBenchMapping

func WriteRegistrationsCSV(path string, n int, seed uint64) error {
	return writeRegistrationsCSV(path, n, seed)
}

// SQLite only.

// Downgrade turns the file into one of an older format, as that version
// wrote it (helpers_test.go's downgrade).
func Downgrade(tb testing.TB, s *Store, version int) {
	tb.Helper()
	downgrade(tb, s, version)
}

// PresenceBothWays reads the presence of ids on days looked up and read
// whole, in one read transaction, each without the set it was read from.
func PresenceBothWays(ctx context.Context, s *Store, days []Day, ids []int64) (lookedUp, whole any, err error) {
	err = s.read(ctx, func(tx *sqlTx) error {
		var got [2]*presence
		for i, whole := range []bool{false, true} {
			pr, err := readPresence(ctx, tx, days, ids, whole)
			if err == nil {
				err = pr.readBadges(ctx, tx)
			}
			if err != nil {
				return err
			}
			pr.set = ""
			got[i] = pr
		}
		lookedUp, whole = got[0], got[1]
		return nil
	})
	return lookedUp, whole, err
}
