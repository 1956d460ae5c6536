package data

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A desk's outbox saved to a file (issue 17, docs/offline-desks.md): a desk
// laptop that never gets its connection back saves the actions waiting in
// its replica's journal (desk_offline.go) to a file, and an organiser
// connected to the server loads that file into it. The file is a
// consistent copy of the journal (VACUUM INTO, never a copy of a file in
// use) with two tables of its own: outbox, which says whose it is (the
// congress's name, its server and database, the desks, the number of
// actions), and outbox_person, the code of every person an action names,
// so that a file of another congress is refused before anything is
// written. Loading it goes through foldBatches, as the desk's own
// hand-over: each action is recorded once (desk_op), whether the file is
// loaded twice or the desk reconnects after all.

// OutboxExtension ends the name of a desk's outbox saved to a file.
const OutboxExtension = ".congres-outbox"

// outboxFormat and outboxVersion mark a file as an outbox of this version.
const (
	outboxFormat  = "congres-outbox"
	outboxVersion = "1"
)

// outboxSchema is what an outbox adds to the copy of the journal.
const outboxSchema = `CREATE TABLE outbox (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE outbox_person (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL)`

var (
	// ErrOutboxEmpty: nothing waits in the desk's journal.
	ErrOutboxEmpty = newErr(KindNotFound, "outbox_empty", "",
		"No check-ins wait on this desk: there is nothing to save.",
		"Aucune entrée n'attend sur cet accueil : il n'y a rien à enregistrer.")
	// ErrNotOutbox: a file that is not a desk's outbox.
	ErrNotOutbox = newErr(KindInvalid, "not_outbox", "",
		"%s is not a file of check-ins saved at a desk: nothing was recorded.",
		"%s n'est pas un fichier d'entrées enregistré à l'accueil : rien n'a été enregistré.")
	// ErrOutboxDamaged: an outbox cut short or changed.
	ErrOutboxDamaged = newErr(KindDamaged, "outbox_damaged", "",
		"%s is damaged (cut short or changed): nothing was recorded. Save the desk's check-ins to a file again.",
		"%s est endommagé (tronqué ou modifié) : rien n'a été enregistré. Enregistrez à nouveau les entrées de l'accueil dans un fichier.")
	// ErrOutboxForeign: an outbox of another congress.
	ErrOutboxForeign = newErr(KindInvalid, "outbox_foreign", "",
		"%s holds check-ins of the congress “%s” (%s), not of this one: nothing was recorded.",
		"%s contient les entrées du congrès «%s» (%s), pas de celui-ci : rien n'a été enregistré.")
	// ErrOutboxNotServer: an outbox loaded into a congress file.
	ErrOutboxNotServer = newErr(KindInvalid, "outbox_not_server", "",
		"A desk's check-ins saved to a file are loaded into the congress on its server, and %s is a congress file: nothing was recorded.",
		"Les entrées d'un accueil enregistrées dans un fichier se chargent dans le congrès sur son serveur, et %s est un fichier de congrès : rien n'a été enregistré.")
)

// Outbox is a desk's outbox saved to a file, opened to be loaded
// (OpenOutbox) until Close.
type Outbox struct {
	Congress string    // the congress's name
	Server   string    // its server, as shown (no password)
	Database string    // the server's database
	Desks    []string  // the desks whose actions it holds
	Saved    time.Time // when it was saved
	Actions  int       // how many actions it holds

	path   string
	dir    string // the working copy's folder
	db     *sql.DB
	people map[int64]string // id → code, of the people its actions name
}

// OutboxResult is what loading an outbox did.
type OutboxResult struct {
	Recorded int // actions the server took now
	Already  int // actions the server had already (loaded before, or sent by the desk)
	Failed   int // actions that could not be written (logged)
}

// ExportOutbox saves the desk actions waiting in the journal of s (a
// desk's replica) to the file dest, with the name of its server and
// database (server is shown, without password) so that loading it
// elsewhere is refused. The file is written beside dest and renamed once
// complete; dest may be an earlier outbox, never a congress or another
// database. Nothing waiting: ErrOutboxEmpty.
func (s *Store) ExportOutbox(ctx context.Context, dest, server, database string) (Outbox, error) {
	if s.server || s.held == nil || !s.held.only.Load() {
		return Outbox{}, ErrNotReplica.With(s.path)
	}
	db, err := s.held.get(false)
	if err != nil {
		return Outbox{}, s.heldCondition(err)
	}
	if db == nil {
		return Outbox{}, ErrOutboxEmpty.With()
	}
	if !isOutbox(dest) {
		if err := CheckOutput(dest, s.path); err != nil {
			return Outbox{}, err
		}
	}
	f, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+"-*")
	if err != nil {
		return Outbox{}, OutputCondition(dest, err)
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	// One consistent state of the journal, whatever the desk writes
	// meanwhile.
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return Outbox{}, OutputCondition(dest, s.heldCondition(err))
	}
	ob, err := s.describeOutbox(ctx, tmp, server, database)
	if err != nil {
		return Outbox{}, OutputCondition(dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		return Outbox{}, OutputCondition(dest, err)
	}
	ob.path = dest
	return ob, nil
}

// describeOutbox writes into tmp, a copy of the journal of s, the outbox's
// tables: whose it is, and the codes of the people its actions name, read
// from s.
func (s *Store) describeOutbox(ctx context.Context, tmp, server, database string) (Outbox, error) {
	out, err := openHeld(tmp)
	if err != nil {
		return Outbox{}, err
	}
	defer out.Close()
	list, err := outboxActions(ctx, out)
	if err != nil {
		return Outbox{}, err
	}
	if len(list) == 0 {
		return Outbox{}, ErrOutboxEmpty.With()
	}
	ob := Outbox{Server: server, Database: database, Saved: s.stamp(), Actions: len(list), people: map[int64]string{}}
	names := map[int64]string{}
	err = s.read(ctx, func(tx *sqlTx) error {
		c, err := loadCongress(ctx, tx)
		if err != nil {
			return err
		}
		ob.Congress = c.Name
		for _, h := range list {
			if h.c.Desk != "" && !slices.Contains(ob.Desks, h.c.Desk) {
				ob.Desks = append(ob.Desks, h.c.Desk)
			}
			if _, done := ob.people[h.c.ParticipantID]; done {
				continue
			}
			var code, first, last string
			err := tx.QueryRowContext(ctx, "SELECT code, first_name, last_name FROM participant WHERE id = ?", h.c.ParticipantID).
				Scan(&code, &first, &last)
			if err == sql.ErrNoRows {
				continue // not in the replica (a walk-in made on the desk)
			}
			if err != nil {
				return err
			}
			ob.people[h.c.ParticipantID], names[h.c.ParticipantID] = code, strings.TrimSpace(first+" "+last)
		}
		return nil
	})
	if err != nil {
		return Outbox{}, err
	}
	tx, err := out.BeginTx(ctx, nil)
	if err != nil {
		return Outbox{}, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, outboxSchema); err != nil {
		return Outbox{}, err
	}
	for k, v := range map[string]string{
		"format": outboxFormat, "version": outboxVersion, "congress": ob.Congress, "server": server,
		"database": database, "desks": strings.Join(ob.Desks, "\n"), "saved": formatTime(ob.Saved),
		"actions": strconv.Itoa(ob.Actions),
	} {
		if _, err := tx.ExecContext(ctx, "INSERT INTO outbox (key, value) VALUES (?, ?)", k, v); err != nil {
			return Outbox{}, err
		}
	}
	for id, code := range ob.people {
		if _, err := tx.ExecContext(ctx, "INSERT INTO outbox_person (id, code, name) VALUES (?, ?, ?)", id, code, names[id]); err != nil {
			return Outbox{}, err
		}
	}
	if err := tx.Commit(); err != nil {
		return Outbox{}, err
	}
	return ob, out.Close()
}

// isOutbox says whether path is an outbox already (saving again over it is
// fine): read from a copy, the file left as it is.
func isOutbox(path string) bool {
	if !isSQLite(path) {
		return false
	}
	ob, err := OpenOutbox(context.Background(), path)
	if err != nil {
		return false
	}
	ob.Close()
	return true
}

// OpenOutbox opens the outbox saved at path, to be loaded
// (ImportOutbox), from a copy of it: the file is never written. A file that
// is not an outbox: ErrNotOutbox; one cut short or changed:
// ErrOutboxDamaged.
func OpenOutbox(ctx context.Context, path string) (*Outbox, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, ErrFileNotFound.With(path).because(err)
		}
		return nil, fromFileCondition(path, err)
	}
	if !isSQLite(path) {
		return nil, ErrNotOutbox.With(path)
	}
	dir, err := os.MkdirTemp("", "congres-outbox-")
	if err != nil {
		return nil, err
	}
	ob := &Outbox{path: path, dir: dir}
	if err := ob.open(ctx); err != nil {
		ob.Close()
		return nil, err
	}
	return ob, nil
}

// open copies the outbox into its folder, opens the copy and checks it.
func (ob *Outbox) open(ctx context.Context) error {
	work := filepath.Join(ob.dir, "outbox")
	if err := copyFile(ob.path, work); err != nil {
		return fromFileCondition(ob.path, err)
	}
	damaged := func(err error) error { return ErrOutboxDamaged.With(ob.path).because(err) }
	db, err := openHeld(work)
	if err != nil {
		if isCorrupt(err) || isNotADatabase(err) {
			return damaged(err)
		}
		return err
	}
	ob.db = db
	var check string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		return damaged(err)
	}
	var tables int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('outbox', 'outbox_person')").
		Scan(&tables); err != nil {
		return damaged(err)
	}
	if tables != 2 {
		return ErrNotOutbox.With(ob.path)
	}
	meta := map[string]string{}
	rows, err := db.QueryContext(ctx, "SELECT key, value FROM outbox")
	if err != nil {
		return damaged(err)
	}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			rows.Close()
			return damaged(err)
		}
		meta[k] = v
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return damaged(err)
	}
	if meta["format"] != outboxFormat || meta["version"] != outboxVersion {
		return ErrNotOutbox.With(ob.path)
	}
	ob.Congress, ob.Server, ob.Database = meta["congress"], meta["server"], meta["database"]
	ob.Saved = parseTime(meta["saved"])
	if meta["desks"] != "" {
		ob.Desks = strings.Split(meta["desks"], "\n")
	}
	list, err := outboxActions(ctx, db)
	if err != nil {
		return damaged(err)
	}
	n := len(list)
	if ob.Actions, err = strconv.Atoi(meta["actions"]); err != nil || ob.Actions != n || n == 0 {
		return damaged(err)
	}
	ob.people = map[int64]string{}
	prows, err := db.QueryContext(ctx, "SELECT id, code FROM outbox_person")
	if err != nil {
		return damaged(err)
	}
	defer prows.Close()
	for prows.Next() {
		var id int64
		var code string
		if err := prows.Scan(&id, &code); err != nil {
			return damaged(err)
		}
		ob.people[id] = code
	}
	if err := prows.Err(); err != nil {
		return damaged(err)
	}
	return nil
}

// copyFile copies the file src to dst, a new file.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// outboxActions reads every action of a journal, of every kind, in the
// order the desk's own hand-over (FoldHeldInto) folds them.
func outboxActions(ctx context.Context, q querier) ([]heldEntry, error) {
	return heldActions(ctx, q)
}

// Path is the outbox's file.
func (ob *Outbox) Path() string { return ob.path }

// Close lets go of the outbox's working copy.
func (ob *Outbox) Close() error {
	var err error
	if ob.db != nil {
		err = ob.db.Close()
		ob.db = nil
	}
	if ob.dir != "" {
		os.RemoveAll(ob.dir)
		ob.dir = ""
	}
	return err
}

// ImportOutbox loads the actions of ob into s, the congress on the server
// ob was saved from (database is the server's database, "" when unknown),
// oldest first, in batches, each action once (desk_op), with its scan time
// and desk's name, as the desk itself would have handed them over.
// progress, when not nil, is told how many actions of how many are done,
// after each batch. An outbox of another congress is refused before
// anything is written (ErrOutboxForeign).
func (s *Store) ImportOutbox(ctx context.Context, ob *Outbox, database string, progress func(done, total int)) (OutboxResult, error) {
	var res OutboxResult
	if !s.server {
		return res, ErrOutboxNotServer.With(s.path)
	}
	if err := s.checkOutboxCongress(ctx, ob, database); err != nil {
		return res, err
	}
	list, err := outboxActions(ctx, ob.db)
	if err != nil {
		return res, ErrOutboxDamaged.With(ob.path).because(err)
	}
	var known map[string]bool
	done := 0
	_, err = s.foldBatches(ctx, list, ob.path, func(tx *sqlTx, batch []heldEntry) error {
		var err error
		known, err = knownOps(ctx, tx, batch)
		return err
	}, func(batch []heldEntry, seqs []int64) (int, error) {
		for _, h := range sentOf(batch, seqs) {
			if known[h.op] {
				res.Already++
			} else {
				res.Recorded++
			}
		}
		res.Failed += len(batch) - len(seqs)
		done += len(batch)
		if progress != nil {
			progress(done, len(list))
		}
		return len(seqs), nil
	})
	return res, err
}

// knownOps are the ids of batch's actions that s's desk_op has: written
// before.
func knownOps(ctx context.Context, tx *sqlTx, batch []heldEntry) (map[string]bool, error) {
	args := make([]any, 0, len(batch))
	for _, h := range batch {
		args = append(args, h.op)
		if h.undoOp != "" {
			args = append(args, h.undoOp)
		}
	}
	rows, err := tx.QueryContext(ctx, "SELECT op FROM desk_op WHERE op IN (?"+strings.Repeat(", ?", len(args)-1)+")", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	known := map[string]bool{}
	for rows.Next() {
		var op string
		if err := rows.Scan(&op); err != nil {
			return nil, err
		}
		known[op] = true
	}
	return known, rows.Err()
}

// checkOutboxCongress refuses ob when it is not of the congress of s: its
// server's database is another (when both are known), the congress's name
// is another, or most of the people its actions name (walk-ins made on the
// desk aside) are not here with their code (nor a code merged into them).
func (s *Store) checkOutboxCongress(ctx context.Context, ob *Outbox, database string) error {
	where := ob.Server
	if where == "" {
		where = ob.Database
	}
	foreign := ErrOutboxForeign.With(ob.path, ob.Congress, where)
	if ob.Database != "" && database != "" && ob.Database != database {
		return foreign
	}
	return s.read(ctx, func(tx *sqlTx) error {
		c, err := loadCongress(ctx, tx)
		if err != nil {
			return err
		}
		if c.Name != ob.Congress {
			return foreign
		}
		codes := map[int64]string{}
		rows, err := tx.QueryContext(ctx, "SELECT id, code FROM participant")
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var code string
			if err := rows.Scan(&id, &code); err != nil {
				rows.Close()
				return err
			}
			codes[id] = code
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return err
		}
		same, other := 0, 0
		for id, code := range ob.people {
			if isLocalID(id) {
				continue // a walk-in made on the desk: the server knows them by their code only
			}
			if codes[id] == code {
				same++
				continue
			}
			// Recoded or merged since: their code is an alias here.
			var merged bool
			if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM code_alias WHERE code = ?)", code).Scan(&merged); err != nil {
				return err
			}
			if merged {
				same++
			} else {
				other++ // another congress's (or deleted since)
			}
		}
		if other > same {
			return foreign
		}
		return nil
	})
}
