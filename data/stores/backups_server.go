package stores

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"congres/data/postgres"
)

// Where the backups of a congress kept on a server go: a folder of the
// user's own on this laptop (a server has no folder beside it), one per
// server and database: <config>/Congrès/backups/<host>-<port>-<database>.
// The folder's name holds neither the user nor the password.

// ServerBackupRoot is the folder that holds the backups of every server's
// congress on this laptop: Congrès/backups in the user's configuration
// folder (~/.config on Linux, ~/Library/Application Support on macOS,
// %AppData% on Windows).
func ServerBackupRoot() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "Congrès", "backups"), nil
}

// ServerBackupFolder is the folder in root for the backups of the
// congress at target (a server's URL or keyword form, with or without its
// password): named after its server, port and database only.
func ServerBackupFolder(root, target string) string {
	host, port, db := "", "", ""
	if h, p, d, err := postgres.ServerOf(target); err == nil {
		host, port, db = h, strconv.Itoa(int(p)), d
	} else {
		// Unreadable: its shown form, which has no password.
		db = Redact(target)
	}
	return filepath.Join(root, safeName(host)+"-"+port+"-"+safeName(db))
}

// safeName keeps the letters, digits, dots, hyphens and underscores of s
// (ASCII) and makes anything else an underscore: a name every system's
// files take.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return '_'
	}, s)
}
