package stores

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"congres/data"
)

// TestOutboxSavedAndLoaded: a desk whose network stays cut saves its 12
// waiting check-ins to a file; loaded into the server (reached another
// way: the outbox names the database, not the address), each is recorded
// once with its scan time (the desk's clock 5 minutes ahead) and the
// desk's name. Loaded again: nothing more. The desk reconnecting after all
// hands them over, and the server still holds each once; its outbox, loaded
// after that, records nothing more either.
func TestOutboxSavedAndLoaded(t *testing.T) {
	ctx := context.Background()
	d := newOfflineDeskOf(t, 60)
	d.proxy.Cut()
	ids, at := d.checkInOffline(12, 5*time.Minute)
	file := filepath.Join(t.TempDir(), "desk7"+data.OutboxExtension)
	ob, err := SaveOutbox(ctx, d.rep.Store(), d.target, file)
	if err != nil {
		t.Fatal(err)
	}
	if ob.Actions != 12 || len(ob.Desks) != 1 || ob.Desks[0] != "Desk 7" || ob.Congress == "" {
		t.Errorf("the outbox saved: %+v", ob)
	}
	if n := d.rep.Waiting(); n != 12 {
		t.Errorf("saving the outbox changed the journal: %d waiting, want 12", n)
	}
	// Saving again over the outbox is fine.
	if _, err := SaveOutbox(ctx, d.rep.Store(), d.target, file); err != nil {
		t.Fatalf("saving over an outbox: %v", err)
	}

	var steps [][2]int
	got, res, err := ImportOutbox(ctx, d.direct, d.target, file, func(done, total int) { steps = append(steps, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if res != (data.OutboxResult{Recorded: 12}) || got.Actions != 12 {
		t.Errorf("loading the outbox: %+v, %+v; want 12 recorded", res, got)
	}
	if len(steps) == 0 || steps[len(steps)-1] != [2]int{12, 12} {
		t.Errorf("progress: %v", steps)
	}
	d.checkServer(at)
	if _, res, err = ImportOutbox(ctx, d.direct, d.target, file, nil); err != nil || res != (data.OutboxResult{Already: 12}) {
		t.Errorf("loading it twice: %+v, %v; want 12 already there", res, err)
	}
	d.checkServer(at)

	// More check-ins offline, saved; the desk reconnects and sends
	// everything; its outbox loaded after that records nothing more.
	more, at2 := d.checkInOffline(4, 0)
	later := filepath.Join(t.TempDir(), "later"+data.OutboxExtension)
	if _, err := SaveOutbox(ctx, d.rep.Store(), d.target, later); err != nil {
		t.Fatal(err)
	}
	d.proxy.Restore()
	d.waitSent()
	for id, w := range at2 {
		at[id] = w
	}
	d.checkServer(at)
	if _, res, err = ImportOutbox(ctx, d.direct, d.target, later, nil); err != nil || res.Recorded != 0 || res.Already != 16 {
		t.Errorf("loading after the desk reconnected: %+v, %v; want 16 already there", res, err)
	}
	d.checkServer(at)
	if n := serverArrivalsOf(t, d.direct, append(ids, more...)); n != 16 {
		t.Errorf("the server holds %d arrivals, want 16", n)
	}
}

// TestOutboxRefused: a file that is not an outbox, an outbox cut short, an
// outbox of another congress (another database; or, the database unknown,
// another congress's name), an outbox loaded into a congress file, and a
// server that does not answer are refused with a sentence in both
// languages, and nothing is recorded.
func TestOutboxRefused(t *testing.T) {
	ctx := context.Background()
	d := newOfflineDeskOf(t, 60)
	d.proxy.Cut()
	ids, _ := d.checkInOffline(8, 0)
	dir := t.TempDir()
	file := filepath.Join(dir, "desk"+data.OutboxExtension)
	if _, err := SaveOutbox(ctx, d.rep.Store(), d.target, file); err != nil {
		t.Fatal(err)
	}
	whole, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	text := write("notes.congres-outbox", []byte("Desk 7: 8 people came in while the Wi-Fi was down.\n"))
	cut := write("cut.congres-outbox", whole[:len(whole)/2])
	congressFile := d.rep.Path() // a congress: SQLite, not an outbox
	other, otherTarget := offlineServer(t, 20)
	oc, err := other.Congress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	oc.Name = "Another congress"
	if err := other.UpdateCongress(ctx, &oc); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		name, file, target string
		srv                *data.Store
		want               *data.Error
		fr                 string
	}{
		{"NotSQLite", text, d.target, d.direct, data.ErrNotOutbox, "n'est pas un fichier d'entrées"},
		{"CongressFile", congressFile, d.target, d.direct, data.ErrNotOutbox, "n'est pas un fichier d'entrées"},
		{"CutShort", cut, d.target, d.direct, data.ErrOutboxDamaged, "est endommagé"},
		{"OtherDatabase", file, otherTarget, other, data.ErrOutboxForeign, "pas de celui-ci"},
		{"ServerDown", file, d.target, d.srv, data.ErrServerUnreachable, "ne répond pas"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ImportOutbox(ctx, c.srv, c.target, c.file, nil)
			if !errors.Is(err, c.want) {
				t.Fatalf("loading %s: %v, want %v", c.file, err, c.want)
			}
			if fr := data.Message(err, "fr"); !strings.Contains(fr, c.fr) {
				t.Errorf("in French: %q", fr)
			}
			if n := serverArrivalsOf(t, d.direct, ids); n != 0 {
				t.Errorf("the server holds %d arrivals after a refusal", n)
			}
		})
	}
	t.Run("OtherName", func(t *testing.T) {
		ob, err := data.OpenOutbox(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		defer ob.Close()
		if _, err := other.ImportOutbox(ctx, ob, "", nil); !errors.Is(err, data.ErrOutboxForeign) {
			t.Errorf("an outbox of %q loaded into %q: %v", ob.Congress, "Another congress", err)
		}
	})
	t.Run("OtherPeople", func(t *testing.T) {
		// The same name, the database unknown: the people its actions name
		// carry other codes there.
		ob, err := data.OpenOutbox(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		defer ob.Close()
		oc.Name = ob.Congress
		if err := other.UpdateCongress(ctx, &oc); err != nil {
			t.Fatal(err)
		}
		if _, err := other.ImportOutbox(ctx, ob, "", nil); !errors.Is(err, data.ErrOutboxForeign) {
			t.Errorf("an outbox loaded into another congress of the same name: %v", err)
		}
	})
	t.Run("IntoAFile", func(t *testing.T) {
		ob, err := data.OpenOutbox(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		defer ob.Close()
		f, err := Create(ctx, filepath.Join(t.TempDir(), "c"+data.Extension), data.Congress{Name: ob.Congress, Days: []data.Day{"2021-11-25"}})
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.ImportOutbox(ctx, ob, "", nil); !errors.Is(err, data.ErrOutboxNotServer) {
			t.Errorf("an outbox loaded into a file: %v", err)
		}
	})
	if b, _ := os.ReadFile(file); string(b) != string(whole) {
		t.Error("loading an outbox changed its file")
	}
}

// TestOutboxNothingWaiting: a desk with nothing waiting saves no file, and
// says so; a laptop with no replica of the congress says that.
func TestOutboxNothingWaiting(t *testing.T) {
	ctx := context.Background()
	d := newOfflineDeskOf(t, 20)
	file := filepath.Join(t.TempDir(), "desk"+data.OutboxExtension)
	if _, err := SaveOutbox(ctx, d.rep.Store(), d.target, file); !errors.Is(err, data.ErrOutboxEmpty) {
		t.Errorf("saving an empty outbox: %v", err)
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("an empty outbox was written")
	}
	if _, err := ExportOutbox(ctx, d.target, t.TempDir(), file); !errors.Is(err, ErrNoReplica) {
		t.Errorf("saving with no replica: %v", err)
	}
}

// TestOutboxCarriesEveryKind: a walk-in registered offline (with their
// payment and arrival) and their badge print, saved to a file and loaded
// into the server, are there once: the person with the desk's code, their
// arrival with its scan time, their payment and print. Loaded again,
// nothing more.
func TestOutboxCarriesEveryKind(t *testing.T) {
	ctx := context.Background()
	day := data.Day("2021-11-25")
	d := newOfflineDeskOf(t, 20)
	rs, w, r := d.heldWalkIn(t, day)
	file := filepath.Join(t.TempDir(), "desk7"+data.OutboxExtension)
	ob, err := SaveOutbox(ctx, rs, d.target, file)
	if err != nil || ob.Actions != 4 {
		t.Fatalf("saving the outbox: %+v, %v; want 4 actions", ob, err)
	}
	for _, want := range []data.OutboxResult{{Recorded: 4}, {Already: 4}} {
		if _, res, err := ImportOutbox(ctx, d.direct, d.target, file, nil); err != nil || res != want {
			t.Fatalf("loading the outbox: %+v, %v; want %+v", res, err, want)
		}
		p, err := d.direct.ParticipantByCode(ctx, w.Participant.Code)
		if err != nil || !p.Paid {
			t.Fatalf("the walk-in on the server: %+v, %v", p, err)
		}
		if got := serverArrivals(t, d.direct, p.ID); len(got) != 1 || !got[0].At.Equal(r.Checkin.At) || got[0].Desk != "Desk 7" {
			t.Errorf("the walk-in's arrivals on the server: %+v", got)
		}
		if pays, err := d.direct.Payments(ctx, p.ID); err != nil || len(pays) != 1 {
			t.Errorf("the walk-in's payments on the server: %+v, %v", pays, err)
		}
		if prints, err := d.direct.BadgePrints(ctx, p.ID); err != nil || len(prints) != 1 {
			t.Errorf("the walk-in's badge prints on the server: %+v, %v", prints, err)
		}
	}
}
