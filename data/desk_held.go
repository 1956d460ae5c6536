package data

import (
	"context"
	crand "crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
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
// every write into the file folds them in first, in its own transaction,
// each with its unique id recorded in desk_op, so that an action is
// recorded once even when a crash repeats the folding; a folder in every
// window that may write does it within a second of the file being free.
// Readers of the journal leave out actions whose id is in desk_op already
// (folded, not yet deleted from the journal).
//
// Locks are taken in one order: the file, then the journal. Holding takes
// the journal's alone and only reads the file (WAL readers never wait), so
// a held check-in waits for nobody but another desk's few milliseconds.
// Nothing that holds a reader of the file waits for the journal: the
// journal is read first.

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
	t, err := db.BeginTx(ctx, nil)
	if err != nil {
		return s.heldCondition(err)
	}
	jtx := &sqlTx{Tx: t, d: s.d}
	defer jtx.Rollback()
	if err := fn(jtx); err != nil {
		return err
	}
	if err := jtx.Commit(); err != nil {
		return s.heldCondition(err)
	}
	s.startFolder()
	return nil
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
// file (which folds the journal in first) when the file's write lock is
// free within heldAfter; else held, in a transaction of the journal. A
// file that is only read refuses at once.
func (s *Store) writeDeskOrHold(ctx context.Context, fn, held func(tx *sqlTx) error) error {
	if err := s.ReadOnly(); err != nil {
		return err
	}
	if s.server {
		return s.write(ctx, fn) // no file's lock to wait for
	}
	if s.held.only.Load() {
		return s.hold(ctx, held) // a replica: the server's to write
	}
	err := s.writeWithin(ctx, heldAfter, fn)
	if err != errFileHeld {
		return err
	}
	return s.hold(ctx, held)
}

// writeWithin is write, except that it gives up with errFileHeld when the
// file's write lock (this store's writer, or another process's) is not
// free within wait.
func (s *Store) writeWithin(ctx context.Context, wait time.Duration, fn func(tx *sqlTx) error) error {
	if err := s.ReadOnly(); err != nil {
		return err
	}
	start := time.Now()
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
		return s.condition(err)
	}
	s.wrote()
	return nil
}

// foldHeldWithin folds the journal into the file (a write with nothing
// else to do), giving up with errFileHeld when the file's write lock is not
// free within wait. Without held actions, it writes nothing.
func (s *Store) foldHeldWithin(ctx context.Context, wait time.Duration) error {
	if s.held.only.Load() {
		return nil // a replica's journal goes to the server (FoldHeldInto)
	}
	if n, err := s.heldPending(ctx); err != nil || n == 0 {
		return err
	}
	return s.writeWithin(ctx, wait, func(*sqlTx) error { return nil })
}

// heldFold is the folding of the journal into one write transaction of the
// file: into writes the held actions in, before the write's own work; once
// the file's transaction has ended, finish takes those written out of the
// journal (or, if it was rolled back, leaves them all).
type heldFold struct {
	jtx  *sqlTx
	seqs []int64 // the actions written into the file
}

// into writes the journal's actions into the file in tx, each in a
// savepoint: one that fails stays in the journal, and the write goes on. A
// journal that cannot be read now is left for a later write.
func (f *heldFold) into(ctx context.Context, s *Store, tx *sqlTx) error {
	if !s.heldReady.Load() || s.held.only.Load() {
		return nil // migrating: desk_op may not exist yet; or a replica's, for the server
	}
	db, err := s.held.get(false)
	if db == nil || err != nil {
		return nil
	}
	var any bool
	if err := db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM held)").Scan(&any); err != nil || !any {
		return nil
	}
	t, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil
	}
	f.jtx = &sqlTx{Tx: t, d: s.d}
	list, err := heldEntries(ctx, f.jtx, "1")
	if err != nil {
		return nil
	}
	f.seqs, err = s.foldList(ctx, tx, list, s.path)
	return err
}

// foldList writes the held actions list into s (a file, or a server) in tx,
// each in a savepoint: one that fails stays in the journal (it is logged,
// naming from), and the others go on. It returns the actions written.
func (s *Store) foldList(ctx context.Context, tx *sqlTx, list []heldEntry, from string) ([]int64, error) {
	var seqs []int64
	for _, h := range list {
		if _, err := tx.ExecContext(ctx, "SAVEPOINT held_action"); err != nil {
			return nil, err
		}
		if err := s.foldAction(ctx, tx, h); err != nil {
			if s.d.Lost(err) {
				return nil, err // the server is gone: the whole batch stays
			}
			log.Printf("%s: a held desk action could not be written, kept for later: %v", from, err)
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO held_action"); err != nil {
				return nil, err
			}
		} else {
			seqs = append(seqs, h.seq)
		}
		if _, err := tx.ExecContext(ctx, "RELEASE held_action"); err != nil {
			return nil, err
		}
	}
	return seqs, nil
}

// finish ends the journal's side: the actions written leave it when the
// file's transaction was committed.
func (f *heldFold) finish(ctx context.Context, committed bool) {
	if f.jtx == nil {
		return
	}
	defer f.jtx.Rollback()
	if !committed {
		return
	}
	for _, seq := range f.seqs {
		if _, err := f.jtx.ExecContext(ctx, "DELETE FROM held WHERE seq = ?", seq); err != nil {
			return // desk_op has them: folded again, they are written once
		}
	}
	f.jtx.Commit()
}

// foldOne writes one held action into the file in tx, unless desk_op says
// it was already.
func (s *Store) foldOne(ctx context.Context, tx *sqlTx, h heldEntry) error {
	res, err := tx.ExecContext(ctx, "INSERT INTO desk_op (op, desk, folded_at) VALUES (?, ?, ?) ON CONFLICT (op) DO NOTHING", h.op, h.c.Desk, formatTime(s.now()))
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil || h.undoneAt.IsZero() || h.undoOp == "" {
			return err // written before
		}
		return s.foldLateUndo(ctx, tx, h)
	}
	var known bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM participant WHERE id = ?)", h.c.ParticipantID).Scan(&known); err != nil || !known {
		return err
	}
	c := h.c
	c.ID, c.Held = 0, false
	if c.Kind == Undo {
		// An undo of an entry of the file: written unless the entry is gone
		// or another undo took it back already.
		var open bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM "+string(h.log)+" c WHERE c.id = ? AND "+h.log.open()+")",
			c.Cancels).Scan(&open); err != nil || !open {
			return err
		}
		_, err := insertCheckin(ctx, tx, h.log, c)
		return err
	}
	if c.Kind == SessionEntry {
		var known bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM session WHERE id = ?)", c.SessionID).Scan(&known); err != nil || !known {
			return err
		}
	}
	existing, err := currentEntry(ctx, tx, h.log, c.ParticipantID, c.Kind, c.Day, c.SessionID)
	if err != nil {
		return err
	}
	if existing != nil { // someone in already: counted once, the other scan kept for review (review_fold.go)
		if write, err := s.foldSecond(ctx, tx, h, c, existing); err != nil || !write {
			return err
		}
	}
	if c.ID, err = insertCheckin(ctx, tx, h.log, c); err != nil {
		return err
	}
	if h.undoneAt.IsZero() {
		return nil
	}
	_, err = insertCheckin(ctx, tx, h.log, Checkin{ParticipantID: c.ParticipantID, Kind: Undo, Day: c.Day,
		SessionID: c.SessionID, Cancels: c.ID, At: h.undoneAt, Desk: h.undoDesk})
	return err
}

// heldFoldEvery is how often the folder looks for held actions that the
// file could not take yet.
var heldFoldEvery = time.Second

// heldFolder says whether stores run a folder (tests turn it off to see
// what the writes themselves fold).
var heldFolder = true

// startFolder wakes the store's folder, starting it the first time: until
// the store is closed, it folds the journal into the file as soon as the
// file is free, whichever window or program held the actions. Every store
// that may write runs one (open), so that held actions reach the file, for
// stats and exports too, within a second of the import's end.
func (s *Store) startFolder() {
	if !heldFolder || s.held.only.Load() {
		return
	}
	h := s.held
	h.run.Do(func() {
		h.wg.Add(1)
		go func() {
			defer h.wg.Done()
			ctx, cancel := context.WithCancel(context.Background())
			go func() { <-h.quit; cancel() }()
			t := time.NewTicker(heldFoldEvery)
			defer t.Stop()
			for {
				select {
				case <-h.quit:
					return
				case <-h.kick:
				case <-t.C:
				}
				if fileExists(h.path) {
					s.foldHeldWithin(ctx, heldFoldEvery)
				}
			}
		}()
	})
	select {
	case s.held.kick <- struct{}{}:
	default:
	}
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
