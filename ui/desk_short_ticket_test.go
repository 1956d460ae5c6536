package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"congres/data"
	"congres/data/spreadsheet"
)

// giveTicket gives who the e-ticket number ticket, as an import does.
func giveTicket(t *testing.T, st *data.Store, who data.Participant, ticket string) {
	t.Helper()
	csv := filepath.Join(t.TempDir(), "billets.csv")
	if err := os.WriteFile(csv, []byte("Code;Prénom;Nom;Numéro de billet\n"+
		who.Code+";"+who.FirstName+";"+who.LastName+";"+ticket+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r, err := st.Import(context.Background(), spreadsheet.Source{Path: csv}, data.ImportOptions{}); err != nil || r.Tickets != 1 {
		t.Fatalf("%+v, %v", r, err)
	}
}

// TestDeskShortTicketScannedIntoDialogs: an e-ticket of five digits
// ("77011", a HelloAsso number) scanned into the desk's Edit form, into
// its walk-in form or into the PIN dialog is the scan of its holder, as a
// badge's code is: it went into the first name (and the scanner's Enter
// saved "77011Léa"), into the walk-in's first name, or was a wrong PIN.
func TestDeskShortTicketScannedIntoDialogs(t *testing.T) {
	f, ps := newDeskEditFixture(t)
	c := f.e.win.Canvas()
	who := f.people(t, 4)
	for i, p := range who[1:] {
		giveTicket(t, f.st, p, "7701"+string(rune('1'+i)))
	}

	t.Run("Edit form", func(t *testing.T) {
		form := f.openEdit(t, ps, who[0])
		time.Sleep(formBurstPause)
		typeInWindow(c, "77011\n")
		waitIdle(t, f.e.tasks)
		if n := f.arrivals(t, who[1].ID); n != 1 || c.Overlays().Top() != nil {
			t.Fatalf("77011 scanned into the Edit form: %d arrivals, the form open %v, its first name %q",
				n, c.Overlays().Top() != nil, form.firstName.Text)
		}
		if got := f.stored(t, who[0].ID).FirstName; got != who[0].FirstName {
			t.Errorf("%s saved with the first name %q", who[0].FullName(), got)
		}
	})

	t.Run("walk-in form", func(t *testing.T) {
		f.s.walkIn = nil
		f.s.entry.TypedShortcut(shortcutDeskWalkIn)
		waitFor(t, "the walk-in form", f.e.tasks, func() bool { return f.s.walkIn != nil && c.Overlays().Top() != nil })
		time.Sleep(formBurstPause)
		typeInWindow(c, "77012\n")
		waitIdle(t, f.e.tasks)
		if n := f.arrivals(t, who[2].ID); n != 1 || c.Overlays().Top() != nil {
			t.Fatalf("77012 scanned into the walk-in form: %d arrivals, the form open %v, its first name %q",
				n, c.Overlays().Top() != nil, f.s.walkIn.firstName.Text)
		}
	})

	t.Run("PIN dialog, keys held back", func(t *testing.T) {
		lock := lockDesk(t, f)
		lock.unlockThen(func() { t.Fatal("a scan unlocked the desk") })
		waitIdle(t, f.e.tasks)
		at := time.Now()
		lock.now = func() time.Time { return at }
		for _, r := range "77013" {
			at = at.Add(3 * scanGap) // a busy window: keys as slow as a person's
			typeInWindow(c, string(r))
		}
		typeInWindow(c, "\n")
		waitIdle(t, f.e.tasks)
		if n := f.arrivals(t, who[3].ID); n != 1 || c.Overlays().Top() != nil || !lock.locked() {
			t.Fatalf("77013 scanned into the PIN dialog: %d arrivals, dialog open %v, locked %v, the desk says %q",
				n, c.Overlays().Top() != nil, lock.locked(), f.s.status.Text)
		}
	})
}
