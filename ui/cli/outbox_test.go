package cli

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"congres/data"
	"congres/data/stores"
)

// TestCLIOutbox: a desk that checked in 3 people while its server was out
// of reach saves them with `congres outbox export`; `congres outbox import`
// records them on the server once (3 recorded), then nothing more (3
// already there); a file that is not an outbox is refused with a sentence
// in both languages; a computer without the desk's copy says so.
func TestCLIOutbox(t *testing.T) {
	ctx := context.Background()
	dbURL, srv, dir, held := deskHeldOffline(t, 30, "Desk 3")
	demo := filepath.Join(dir, "demo.congres")
	file := filepath.Join(dir, "desk3"+data.OutboxExtension)
	out, err := runCLI(t, "outbox", "export", dbURL, file)
	if err != nil || !strings.Contains(out, "3 check-ins of ") || !strings.Contains(out, "congres outbox import ") {
		t.Fatalf("outbox export: %q, %v", out, err)
	}
	if strings.Contains(out, storetestPassword(dbURL)) {
		t.Errorf("the password is shown: %q", out)
	}
	if want := "congres outbox import " + organiserTarget(dbURL, "ORGANISER") + " "; !strings.Contains(out, want) ||
		!strings.Contains(out, "postgres://ORGANISER@") {
		t.Errorf("outbox export suggests %q, want an organiser's address: %q", out, want)
	}
	// Never over a congress file, nor over another program's database.
	before, _ := os.ReadFile(demo)
	if _, err := runCLI(t, "outbox", "export", dbURL, demo); err == nil {
		t.Error("outbox export wrote over a congress file")
	}
	if after, _ := os.ReadFile(demo); string(after) != string(before) {
		t.Error("outbox export changed the congress file it was given")
	}
	out, err = runCLI(t, "outbox", "import", dbURL, file)
	if err != nil || strings.TrimSpace(out) != "Desk 3: 3 actions recorded, 0 already there." {
		t.Fatalf("outbox import: %q, %v", out, err)
	}
	out, err = runIn(t, "fr", "outbox", "import", dbURL, file)
	if err != nil || strings.TrimSpace(out) != "Desk 3 : 0 action enregistrée, 3 déjà là." {
		t.Fatalf("outbox import again: %q, %v", out, err)
	}
	for _, id := range held {
		log, err := srv.CheckinLog(ctx, id)
		if err != nil || len(log) != 1 || log[0].Desk != "Desk 3" {
			t.Errorf("the server's log of %d: %+v, %v", id, log, err)
		}
	}

	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("3 people came in\n"), 0o600)
	_, err = runCLI(t, "outbox", "import", dbURL, notes)
	if err == nil || !strings.Contains(message(err), "is not a file of check-ins saved at a desk: nothing was recorded") ||
		!strings.Contains(messageIn("fr", err), "n'est pas un fichier d'entrées enregistré à l'accueil") {
		t.Errorf("importing a text file: %v", err)
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	if _, err := runCLI(t, "outbox", "export", dbURL, filepath.Join(dir, "none"+data.OutboxExtension)); err == nil ||
		!strings.Contains(message(err), "holds no desk's copy") {
		t.Errorf("exporting with no replica: %v", err)
	}
	if _, err := runCLI(t, "outbox", "send", dbURL, file); err == nil || !strings.Contains(message(err), "export, import") {
		t.Errorf("outbox send: %v", err)
	}
}

// deskHeldOffline copies a demo congress of n people onto the test server,
// then makes a desk's copy of it that holds 3 check-ins taken at desk
// while the server was out of reach. It returns the congress's URL, the
// server's store, the test's folder (with demo.congres) and the people
// held.
func deskHeldOffline(t *testing.T, n int, desk string) (dbURL string, srv *data.Store, dir string, held []int64) {
	t.Helper()
	ctx := context.Background()
	dbURL, _ = serverDatabase(t)
	dir = t.TempDir()
	demo := filepath.Join(dir, "demo.congres")
	if _, err := runCLI(t, "demo", demo, "--participants", strconv.Itoa(n)); err != nil {
		t.Fatal(err)
	}
	if _, err := runCLI(t, "copy", demo, dbURL); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root, err := stores.ReplicaRoot()
	if err != nil {
		t.Fatal(err)
	}
	if srv, err = stores.Open(ctx, dbURL); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	r, err := stores.OpenReplica(ctx, srv, dbURL, root)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	// The desk again, its server out of reach.
	if r, err = stores.OpenReplicaOffline(ctx, dbURL, root); err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	day := data.Day("2021-11-25")
	ids, err := r.Store().ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		c, err := r.Store().DeskCard(ctx, id, day, 0)
		if err != nil || c.Arrival != nil || len(c.Warnings) > 0 {
			continue
		}
		res, err := r.Store().Admit(ctx, data.AdmitRequest{ParticipantID: id, Day: day, Desk: desk})
		if err != nil || !res.Checkin.Held {
			t.Fatalf("holding %d: %+v, %v", id, res, err)
		}
		if held = append(held, id); len(held) == 3 {
			return dbURL, srv, dir, held
		}
	}
	t.Fatalf("%d people, fewer than 3 to hold", len(ids))
	return
}

// storetestPassword is the password in a test server's URL ("" without).
func storetestPassword(target string) string {
	_, rest, ok := strings.Cut(target, "://")
	if !ok {
		return "\x00"
	}
	creds, _, ok := strings.Cut(rest, "@")
	if !ok {
		return "\x00"
	}
	_, pw, ok := strings.Cut(creds, ":")
	if !ok || pw == "" {
		return "\x00"
	}
	return pw
}
