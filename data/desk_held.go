package data

import (
	"context"
	crand "crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Check-ins held while the file is busy (issue 14). An import holds the
// file's write lock while it writes its rows, for seconds at 100,000 rows.
// A desk does not wait that long: when the lock is not free within
// heldAfter, the arrival, session entry or undo is written to a journal
// beside the file (FILE-held, a small SQLite file of its own, with its own
// lock) and acknowledged from there. The desk reads the journal with the
// file, so that the card, "already in" and the counters see held entries;
// every write into the file folds them in first (in batches of their own
// when there are many: desk_held_fold.go), each with its unique id
// recorded in desk_op, so that an action is recorded once even when a crash
// repeats the folding; a folder in every window that may write does it
// within a second of the file being free.
// Readers of the journal leave out actions whose id is in desk_op already
// (folded, not yet deleted from the journal).
//
// Locks are taken in one order: the file, then the journal. Holding takes
// the journal's alone and only reads the file (WAL readers never wait), so
// a held check-in waits for nobody but another desk's few milliseconds:
// a fold takes the journal's lock only to take a batch out of it, and a
// write's own transaction folds a few actions only (heldInTx).
// Nothing that holds a reader of the file waits for the journal: the
// journal is read first. A held check-in reads the file before it takes
// the journal's lock at all, and under it only checks that neither the
// journal's view of the person nor the file changed meanwhile
// (desk_held_admit.go).

// HeldSuffix names the desk's journal beside a congress file.
const HeldSuffix = "-held"

// heldAfter is how long a desk's write waits for the file's write lock
// before it is held in the journal instead.
var heldAfter = 500 * time.Millisecond

// heldBase is added to a held entry's number in the journal to make its
// Checkin.ID: above any ID of the file, so that a held entry sorts after the
// file's entries, as it will once written.
const heldBase int64 = 1 << 52

// errFileHeld says the file's write lock was not free within the time given.
var errFileHeld = errors.New("the file's write lock is held")

// heldSchema is the journal's one table. An undo of a held entry is noted
// on it (undone_at); an undo of an entry of the file is a row of its own.
const heldSchema = `CREATE TABLE IF NOT EXISTS held (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    op             TEXT NOT NULL UNIQUE,
    log            TEXT NOT NULL CHECK (log IN ('checkin', 'rehearsal_checkin')),
    participant_id INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('arrival', 'session', 'undo')),
    day            TEXT NOT NULL,
    session_id     INTEGER NOT NULL DEFAULT 0,
    cancels        INTEGER NOT NULL DEFAULT 0,
    at             TEXT NOT NULL,
    desk           TEXT NOT NULL,
    undone_at      TEXT,
    undo_desk      TEXT NOT NULL DEFAULT '',
    undo_op        TEXT
)`

// heldJournal is a store's handle on its file's journal, opened when first
// needed.
type heldJournal struct {
	path   string
	mu     sync.Mutex
	db     *sql.DB
	kick   chan struct{} // wakes the folder
	quit   chan struct{} // closed by Close
	wg     sync.WaitGroup
	run    sync.Once
	stop   sync.Once
	closed bool // guarded by mu
	// only says the store is a desk's replica (desk_offline.go): its desk
	// actions are always held, and folded into the server, never the file.
	only atomic.Bool
	// retry keeps the held actions whose fold into the server failed
	// (desk_fold_retry.go): tried again later and later.
	retry foldRetries
}

func newHeldJournal(path string) *heldJournal {
	h := &heldJournal{path: path + HeldSuffix, kick: make(chan struct{}, 1), quit: make(chan struct{})}
	h.only.Store(holdsDeskActions(path))
	return h
}

// get returns the journal's pool; nil (and no error) when there is no
// journal and create is false.
func (h *heldJournal) get(create bool) (*sql.DB, error) {
	if h == nil {
		return nil, nil // a server's store: nothing is held
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, sql.ErrConnDone
	}
	if h.db != nil {
		return h.db, nil
	}
	if !create && !fileExists(h.path) {
		return nil, nil
	}
	db, err := openHeld(h.path)
	if err != nil && (isCorrupt(err) || isNotADatabase(err)) {
		// A journal that is not whole: kept aside, never deleted, and a
		// new one started, so that the desk goes on.
		for _, suffix := range []string{"", "-journal"} {
			if fileExists(h.path + suffix) {
				os.Rename(h.path+suffix, h.path+"-damaged-"+time.Now().Format(BackupStamp)+suffix)
			}
		}
		if !create {
			return nil, nil
		}
		db, err = openHeld(h.path)
	}
	if err != nil {
		return nil, err
	}
	if create {
		os.Chmod(h.path, 0o600)
	}
	h.db = db
	return db, nil
}

// openHeld opens the journal at path, making its table if need be. Two
// connections: one writes while the other reads.
func openHeld(path string) (*sql.DB, error) {
	return files().Journal(path, heldSchema+";\n"+heldMoreSchema)
}

// isNotADatabase reports whether err says the file is not a database
// (FileEngine.NotADatabase).
func isNotADatabase(err error) bool { return err != nil && files().NotADatabase(err) }

// isCorrupt reports whether err says the file is damaged
// (FileEngine.Corrupt).
func isCorrupt(err error) bool { return err != nil && files().Corrupt(err) }

// heldCondition turns an error of the journal into a sentence about it;
// unlike the file's, it never makes the congress read only.
func (s *Store) heldCondition(err error) error {
	if s.held == nil {
		return err
	}
	return fromFileCondition(s.held.path, err)
}

// close stops the folder and closes the journal's pool; again, nothing.
func (h *heldJournal) close() error {
	h.stop.Do(func() { close(h.quit) })
	h.wg.Wait()
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	if h.db == nil {
		return nil
	}
	err := h.db.Close()
	h.db = nil
	return err
}

// heldEntry is one action of the journal.
type heldEntry struct {
	seq      int64
	op       string
	log      entryLog
	c        Checkin // ParticipantID, Kind, Day, SessionID, Cancels (a file entry), At, Desk
	undoneAt time.Time
	undoDesk string
	undoOp   string
	more     *heldMore // a walk-in, payment, badge print… (desk_held_actions.go); nil: the held table's
	code     string    // the walk-in's code, when ParticipantID is a walk-in held on the desk
}

// querier is what both *sql.DB and *sqlTx offer.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// heldEntries reads the journal's actions that match where, in their order.
func heldEntries(ctx context.Context, q querier, where string, args ...any) ([]heldEntry, error) {
	rows, err := q.QueryContext(ctx, `SELECT seq, op, log, participant_id, kind, day, session_id, cancels, at, desk,
		coalesce(undone_at, ''), undo_desk, coalesce(undo_op, '') FROM held WHERE `+where+" ORDER BY seq", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []heldEntry
	for rows.Next() {
		var h heldEntry
		var at, undone string
		if err := rows.Scan(&h.seq, &h.op, &h.log, &h.c.ParticipantID, &h.c.Kind, &h.c.Day, &h.c.SessionID, &h.c.Cancels,
			&at, &h.c.Desk, &undone, &h.undoDesk, &h.undoOp); err != nil {
			return nil, err
		}
		h.c.At = parseTime(at)
		if undone != "" {
			h.undoneAt = parseTime(undone)
		}
		h.c.ID, h.c.Held = heldBase+h.seq, true
		list = append(list, h)
	}
	return list, rows.Err()
}

// heldView is what the journal adds to one person's card.
type heldView struct {
	mine    []heldEntry // the person's actions in the log
	session []heldEntry // the actions at the session at hand (entries and undos)
	more    []heldEntry // the person's payments, their undos and badge prints (desk_held_actions.go)
}

// viewHeld reads the journal (through q, or its own pool when q is nil) for
// a person's card in the log l, at the session sessionID (0: arriving). It
// returns nil when there is no journal. Read it before taking a reader of
// the file: folded returns what the file has not yet.
func (s *Store) viewHeld(ctx context.Context, q querier, l entryLog, participantID, sessionID int64) (*heldView, error) {
	if q == nil {
		db, err := s.held.get(false)
		if db == nil || err != nil {
			return nil, err
		}
		q = db
	}
	mine, err := heldEntries(ctx, q, "log = ? AND participant_id = ?", l, participantID)
	if err != nil {
		return nil, err
	}
	v := &heldView{mine: mine}
	if v.more, err = heldMoreOf(ctx, q, participantID); err != nil {
		return nil, err
	}
	if sessionID != 0 {
		if v.session, err = heldEntries(ctx, q, "log = ? AND session_id = ? AND kind IN ('session', 'undo') AND undone_at IS NULL", l, sessionID); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// unfolded leaves out of list the actions that the file has already (their
// id is in desk_op: folded by a write whose journal is not yet emptied).
func unfolded(ctx context.Context, tx *sqlTx, list []heldEntry) ([]heldEntry, error) {
	var out []heldEntry
	for _, h := range list {
		var done bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM desk_op WHERE op = ?)", h.op).Scan(&done); err != nil {
			return nil, err
		}
		if !done {
			out = append(out, h)
		}
	}
	return out, nil
}

// folded is v without the actions that the file, read in tx, has already.
func (v *heldView) folded(ctx context.Context, tx *sqlTx) (*heldView, error) {
	if v == nil {
		return nil, nil
	}
	mine, err := unfolded(ctx, tx, v.mine)
	if err != nil {
		return nil, err
	}
	session, err := unfolded(ctx, tx, v.session)
	return &heldView{mine: mine, session: session, more: v.more}, err
}

// inside is what the held actions add to the people inside the session at
// hand: its entries not taken back, less its undos of entries of the file.
func (v *heldView) inside() int {
	if v == nil {
		return 0
	}
	return heldInside(v.session)
}

// heldInside counts list's session entries, less its undos.
func heldInside(list []heldEntry) int {
	n := 0
	for _, h := range list {
		if h.c.Kind == SessionEntry {
			n++
		} else {
			n--
		}
	}
	return n
}

// withHeld returns a person's open entries of the file with their held
// actions: the entries a held undo cancels are left out, and the held
// arrivals and session entries not taken back come after the others.
func (v *heldView) withHeld(entries []Checkin) []Checkin {
	if v == nil {
		return entries
	}
	for _, h := range v.mine {
		switch {
		case h.c.Kind == Undo:
			entries = slices.DeleteFunc(entries, func(e Checkin) bool { return e.ID == h.c.Cancels })
		case h.undoneAt.IsZero():
			entries = append(entries, h.c)
		}
	}
	return entries
}

// newOp is a new action's unique id.
func newOp() string {
	var b [16]byte
	crand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// hold runs fn in a write transaction of the journal, which it creates if
// need be, and wakes the folder once it is committed. fn returning
// errNoWrite ends it without writing.
func (s *Store) hold(ctx context.Context, fn func(jtx *sqlTx) error) error {
	db, err := s.held.get(true)
	if err != nil {
		return s.heldCondition(err)
	}
	jtx, end, err := s.beginJournal(ctx, db, files().BusyTimeout())
	if err != nil {
		return s.heldCondition(err)
	}
	defer end()
	if err := fn(jtx); err != nil {
		return err
	}
	if err := jtx.Commit(); err != nil {
		return s.heldCondition(err)
	}
	s.startFolder()
	return nil
}

// journalTry is how long a write transaction of the journal waits between
// two tries for its lock, at most.
const journalTry = 4 * time.Millisecond

// beginJournal begins a write transaction of the journal db, on a
// connection of its own, waiting at most wait for the journal's lock; end
// rolls it back (if not committed) and gives the connection back.
//
// It tries again every few milliseconds rather than in SQLite's busy
// handler, which sleeps up to 100 ms between tries: a desk holding
// arrivals one after the other takes the journal again within a
// millisecond or two of letting it go, and a desk that slept through those
// gaps waited past the busy timeout (measured under -race on a loaded
// machine: 10 s made of 200 to 300 holds of 20 to 100 ms each, 1 to 3 ms
// apart). The transaction's own statements (its commit waits for the
// journal's readers) keep the busy timeout.
func (s *Store) beginJournal(ctx context.Context, db *sql.DB, wait time.Duration) (*sqlTx, func(), error) {
	deadline := time.Now().Add(wait)
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	busy := fmt.Sprintf("PRAGMA busy_timeout = %d", files().BusyTimeout().Milliseconds())
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		conn.Close()
		return nil, nil, err
	}
	for try := time.Millisecond / 2; ; try = min(2*try, journalTry) {
		t, err := conn.BeginTx(ctx, nil)
		if err == nil {
			if _, err = t.ExecContext(ctx, busy); err == nil {
				return &sqlTx{Tx: t, d: s.d}, func() { t.Rollback(); conn.Close() }, nil
			}
			t.Rollback()
		}
		if !isBusy(err) || time.Now().Add(try).After(deadline) {
			conn.ExecContext(context.Background(), busy)
			conn.Close()
			return nil, nil, err
		}
		select {
		case <-ctx.Done():
			conn.ExecContext(context.Background(), busy)
			conn.Close()
			return nil, nil, ctx.Err()
		case <-time.After(try + time.Duration(mrand.Int64N(int64(try)))):
		}
	}
}

// insertHeld appends c (an arrival, a session entry, or an undo of an entry
// of the file) to the journal, and returns it with its ID.
func insertHeld(ctx context.Context, jtx *sqlTx, l entryLog, c Checkin) (Checkin, error) {
	res, err := jtx.ExecContext(ctx, `INSERT INTO held (op, log, participant_id, kind, day, session_id, cancels, at, desk)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, newOp(), l, c.ParticipantID, c.Kind, c.Day, c.SessionID, c.Cancels, formatTime(c.At), c.Desk)
	if err != nil {
		return Checkin{}, err
	}
	seq, err := res.LastInsertId()
	c.ID, c.Held = heldBase+seq, true
	return c, err
}

// undoHeld takes back the held entry e (not yet in the file), and returns
// the Undo.
func (s *Store) undoHeld(ctx context.Context, jtx *sqlTx, e Checkin, desk string) (Checkin, error) {
	u := Checkin{ParticipantID: e.ParticipantID, Kind: Undo, Day: e.Day, SessionID: e.SessionID, Cancels: e.ID,
		At: s.stamp(), Desk: clean(desk), Held: true, ID: e.ID}
	_, err := jtx.ExecContext(ctx, "UPDATE held SET undone_at = ?, undo_desk = ?, undo_op = ? WHERE seq = ? AND undone_at IS NULL",
		formatTime(u.At), u.Desk, newOp(), e.ID-heldBase)
	return u, err
}

// writeDeskOrHold runs a desk's write: fn in a write transaction of the
// file (which folds the journal in first) when the file's write lock, and
// the journal's, are free within heldAfter and the journal holds no more
// than heldInTx actions; else held, in a transaction of the journal (the
// folder folds the journal in batches), after read (when not nil) has read,
// before the journal's lock is taken, what held needs of the file, for held
// only to check it under the lock (desk_held_admit.go). A file that is only
// read refuses at once.
func (s *Store) writeDeskOrHold(ctx context.Context, fn func(tx *sqlTx) error, read func(), held func(jtx *sqlTx) error) error {
	if err := s.ReadOnly(); err != nil {
		return err
	}
	if s.server {
		return s.write(ctx, fn) // no file's lock to wait for
	}
	hold := func() error {
		if read != nil {
			read()
		}
		return s.hold(ctx, held)
	}
	if s.held.only.Load() {
		return hold() // a replica: the server's to write
	}
	err := s.writeWithin(ctx, heldAfter, fn)
	if err != errFileHeld {
		return err
	}
	return hold()
}

// writeWithin is write, except that it gives up with errFileHeld when the
// file's write lock (this store's writer, or another process's) is not
// free within wait; so does the journal's folding into its transaction
// (heldFold.into), when the journal's lock is not free by then or the
// journal holds more than heldInTx actions. A batch's fold
// (heldBatchFold) writes only its batch.
func (s *Store) writeWithin(ctx context.Context, wait time.Duration, fn func(tx *sqlTx) error) error {
	if err := s.ReadOnly(); err != nil {
		return err
	}
	start := time.Now()
	if ctx.Value(heldBatchFold{}) == nil {
		ctx = context.WithValue(ctx, deskWriteBy{}, start.Add(wait)) // the journal's lock too (heldFold.into)
	}
	c, cancel := context.WithTimeout(ctx, wait)
	conn, err := s.w.Conn(c)
	cancel()
	if err != nil {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			return errFileHeld
		}
		return s.condition(err)
	}
	defer conn.Close()
	left := max(wait-time.Since(start), 10*time.Millisecond)
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", left.Milliseconds())); err != nil {
		return s.condition(err)
	}
	defer conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA busy_timeout = %d", files().BusyTimeout().Milliseconds()))
	t, err := conn.BeginTx(ctx, nil)
	if err != nil {
		if isBusy(err) {
			return errFileHeld
		}
		return s.condition(err)
	}
	if err := s.runTx(ctx, &sqlTx{Tx: t, d: s.d}, fn); err != nil {
		if isBusy(err) {
			return errFileHeld
		}
		if err == errFileHeld || err == errFoldedNothing {
			return err
		}
		return s.condition(err)
	}
	s.wrote()
	return nil
}

// heldPending says how many actions the journal holds (0 without one).
func (s *Store) heldPending(ctx context.Context) (int, error) {
	db, err := s.held.get(false)
	if db == nil || err != nil {
		return 0, err
	}
	var n int
	err = db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM held) + (SELECT count(*) FROM held_more)").Scan(&n)
	return n, err
}

// HeldCheckins says how many desk actions (arrivals, entries, undos) wait
// in the journal for the file to be free, as when an import writes.
func (s *Store) HeldCheckins(ctx context.Context) (int, error) {
	n, err := s.heldPending(ctx)
	return n, s.heldCondition(err)
}

// RemoveHeldIfEmpty removes the journal of the congress file path when it
// holds nothing. The caller holds the file's lock exclusively (or, on
// Windows, has closed it: a journal another process has open cannot be
// removed there).
func RemoveHeldIfEmpty(path string) {
	p := path + HeldSuffix
	if !fileExists(p) {
		return
	}
	db, err := openHeld(p)
	if err != nil {
		return
	}
	var n int
	err = db.QueryRow("SELECT (SELECT count(*) FROM held) + (SELECT count(*) FROM held_more)").Scan(&n)
	db.Close()
	if err == nil && n == 0 {
		os.Remove(p)
	}
}

// heldList reads the journal's actions that match where (none without a
// journal). Read it before taking a reader of the file.
func (s *Store) heldList(ctx context.Context, where string, args ...any) ([]heldEntry, error) {
	db, err := s.held.get(false)
	if db == nil || err != nil {
		return nil, err
	}
	return heldEntries(ctx, db, where, args...)
}

// heldArrivals counts, per category, what the held actions list (the
// journal's arrivals and undos of the log l on day, read before tx) add to
// the file's arrivals: a held arrival of someone not in yet adds one, a held
// undo of an arrival of the file takes one away. It reads the file in tx.
func (s *Store) heldArrivals(ctx context.Context, tx *sqlTx, l entryLog, day Day, list []heldEntry) (map[int64]int, error) {
	list, err := unfolded(ctx, tx, list)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	cancelled := map[int64]bool{} // entries of the file that a held undo takes back
	for _, h := range list {
		if h.c.Kind == Undo {
			cancelled[h.c.Cancels] = true
		}
	}
	add := map[int64]int{}
	for _, h := range list {
		var cat int64
		var arrival bool
		if h.c.Kind == Undo {
			err := tx.QueryRowContext(ctx, "SELECT p.category_id, c.kind = 'arrival' FROM "+string(l)+` c
				JOIN participant p ON p.id = c.participant_id WHERE c.id = ? AND `+l.open(), h.c.Cancels).Scan(&cat, &arrival)
			if err != nil && err != sql.ErrNoRows {
				return nil, err
			}
			if arrival {
				add[cat]--
			}
			continue
		}
		// A held arrival counts unless the file has the person in already.
		if err := tx.QueryRowContext(ctx, "SELECT category_id FROM participant WHERE id = ?", h.c.ParticipantID).Scan(&cat); err == sql.ErrNoRows {
			continue
		} else if err != nil {
			return nil, err
		}
		rows, err := tx.QueryContext(ctx, "SELECT c.id FROM "+string(l)+` c
			WHERE c.participant_id = ? AND c.kind = 'arrival' AND c.day = ? AND `+l.open(), h.c.ParticipantID, day)
		if err != nil {
			return nil, err
		}
		in := false
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			in = in || !cancelled[id]
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, err
		}
		if !in {
			add[cat]++
		}
	}
	return add, nil
}
