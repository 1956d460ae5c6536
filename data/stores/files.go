package stores

import (
	"context"

	"congres/data"
	"congres/data/sqlite"
)

// What works on a congress file only: its backups and the demo written
// into a new file. A server keeps its own data, and these refuse its URL.

// ErrFileOnly: a file's action asked of a congress on a server.
var ErrFileOnly = data.NewError(data.KindInvalid, "file_only",
	"%s is a congress on a server: this works on a congress file only. Nothing was done.",
	"%s est un congrès sur un serveur : ceci ne s'applique qu'à un fichier de congrès. Rien n'a été fait.")

// WriteDemo writes the demo congress into a new file at path.
func WriteDemo(ctx context.Context, path string, opts data.DemoOptions) error {
	if IsServer(path) {
		return ErrFileOnly.With(Redact(path))
	}
	return data.WriteDemo(ctx, path, opts)
}

// Backups lists the backups of the congress file at path, newest first.
func Backups(path string) ([]data.BackupInfo, error) {
	if IsServer(path) {
		return nil, ErrFileOnly.With(Redact(path))
	}
	return data.Backups(path)
}

// Restore puts backup in place of the congress file at path, backing the
// file up first.
func Restore(ctx context.Context, path, backup string) error {
	if IsServer(path) {
		return ErrFileOnly.With(Redact(path))
	}
	return sqlite.Restore(ctx, path, backup)
}
