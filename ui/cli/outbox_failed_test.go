package cli

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"congres/data"
)

// TestCLIOutboxImportNotRecorded: an outbox of which an action cannot be
// recorded (it names a walk-in no longer in the file) is loaded for the
// rest, says how many were not recorded, and ends with exit code 1, so
// that a script does not take it for a success.
func TestCLIOutboxImportNotRecorded(t *testing.T) {
	ctx := context.Background()
	dbURL, _, dir, _ := deskHeldOffline(t, 20, "Desk 4")
	file := filepath.Join(dir, "desk4"+data.OutboxExtension)
	if _, err := runCLI(t, "outbox", "export", dbURL, file); err != nil {
		t.Fatal(err)
	}
	// One action now names a walk-in the file does not hold.
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(file))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "UPDATE held SET participant_id = 4503599627370497 WHERE seq = (SELECT max(seq) FROM held)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, err := runCLI(t, "outbox", "import", dbURL, file)
	if exitCode(err) != 1 || !strings.Contains(out, "2 actions recorded, 0 already there, 1 not recorded (see the log)") ||
		!strings.Contains(message(err), ": 1 not recorded, the log says why") {
		t.Errorf("outbox import with an action not recorded: %q, %v (exit code %d), want exit code 1", out, err, exitCode(err))
	}
	out, err = runIn(t, "fr", "outbox", "import", dbURL, file)
	if exitCode(err) != 1 || !strings.Contains(out, "0 action enregistrée, 2 déjà là, 1 non enregistrée (voir le journal)") ||
		!strings.Contains(message(err), " : 1 non enregistrée, le journal dit pourquoi") {
		t.Errorf("outbox import again, in French: %q, %v (exit code %d), want exit code 1", out, err, exitCode(err))
	}
}
