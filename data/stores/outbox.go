package stores

import (
	"context"
	"os"

	"congres/data"
	"congres/data/postgres"
)

// A desk's outbox saved to a file (issue 17, data/outbox.go): the actions
// waiting in the journal of a desk's replica, saved so that an organiser
// loads them into the server when the desk's laptop never gets its
// connection back.

// ErrNoReplica: this laptop has no desk's replica of a congress.
var ErrNoReplica = data.NewError(data.KindNotFound, "no_replica",
	"This computer holds no desk's copy of %s: no check-ins of it wait here.",
	"Cet ordinateur ne garde aucune copie d'accueil de %s : aucune entrée n'y attend.")

// databaseOf is the database of the congress at target, "" when target
// cannot be read.
func databaseOf(target string) string {
	if _, _, db, err := postgres.ServerOf(target); err == nil {
		return db
	}
	return ""
}

// SaveOutbox saves the actions waiting in the journal of rep, the desk's
// replica of the congress at target, to the file dest (data.ExportOutbox).
func SaveOutbox(ctx context.Context, rep *data.Store, target, dest string) (data.Outbox, error) {
	return rep.ExportOutbox(ctx, dest, Redact(target), databaseOf(target))
}

// ExportOutbox saves the actions waiting in this laptop's replica in root
// of the congress at target to the file dest, without the server: the
// replica is opened as it is, its journal left as it is.
func ExportOutbox(ctx context.Context, target, root, dest string) (data.Outbox, error) {
	path := ReplicaPath(root, target)
	if _, err := os.Stat(path); err != nil {
		return data.Outbox{}, ErrNoReplica.With(Redact(target))
	}
	data.HoldDeskActionsAt(path)
	rep, err := Open(ctx, path)
	if err != nil {
		return data.Outbox{}, err
	}
	ob, err := SaveOutbox(ctx, rep, target, dest)
	if cerr := rep.Close(); err == nil {
		err = cerr
	}
	return ob, err
}

// ImportOutbox loads the outbox saved at file into srv, the congress on
// the server at target (data.Store.ImportOutbox): each action once.
// progress is told how many actions of how many are done.
func ImportOutbox(ctx context.Context, srv *data.Store, target, file string, progress func(done, total int)) (data.Outbox, data.OutboxResult, error) {
	ob, err := data.OpenOutbox(ctx, file)
	if err != nil {
		return data.Outbox{}, data.OutboxResult{}, err
	}
	defer ob.Close()
	res, err := srv.ImportOutbox(ctx, ob, databaseOf(target), progress)
	return *ob, res, err
}
