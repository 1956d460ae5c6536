package data_test

import (
	"slices"
	"strings"
	"testing"

	. "congres/data"
)

// giveTicket records a ticket as the import does.
func giveTicket(tb testing.TB, s *Store, participantID int64, code string) {
	tb.Helper()
	err := s.InsertTicketForTest(ctx, participantID, NormaliseTicket(code), "Numéro de billet", "2021-11-01T09:00:00Z")
	if err != nil {
		tb.Fatal(err)
	}
}

func TestScanParticipantID(t *testing.T) {
	s := mustOpen(t)
	p := addPerson(t, s, "Fabien", "Scanné")
	q := addPerson(t, s, "Inès", "Billet")
	giveTicket(t, s, q.ID, "tk-000123 45")
	for _, c := range []struct {
		name, text string
		want       int64
	}{
		{"Code", p.Code, p.ID},
		{"CodeAsTyped", " " + strings.ToLower(p.Code) + "\n", p.ID},
		{"Ticket", "TK-00012345", q.ID},
		{"TicketAsTyped", " tk-000 12345\t", q.ID},
	} {
		t.Run(c.name, func(t *testing.T) {
			id, err := s.ParticipantIDByScan(ctx, c.text)
			if err != nil || id != c.want {
				t.Fatalf("ParticipantIDByScan(%q) = %d, %v; want %d", c.text, id, err, c.want)
			}
		})
	}
	t.Run("CodeBeforeTicket", func(t *testing.T) {
		giveTicket(t, s, q.ID, p.Code)
		if id, err := s.ParticipantIDByScan(ctx, p.Code); err != nil || id != p.ID {
			t.Fatal(id, err)
		}
	})
	t.Run("ErrUnknownCode", func(t *testing.T) {
		_, err := s.ParticipantIDByScan(ctx, " 99999 ")
		wantErr(t, err, ErrUnknownCode)
		if msg := Message(err, "en"); !strings.Contains(msg, "“99999”") {
			t.Fatal(msg)
		}
	})
	t.Run("Tickets", func(t *testing.T) {
		ts, err := s.Tickets(ctx, q.ID)
		i := slices.IndexFunc(ts, func(k Ticket) bool { return k.Code == "TK-00012345" })
		if err != nil || len(ts) != 2 || i < 0 || ts[i].Source != "Numéro de billet" {
			t.Fatal(ts, err)
		}
	})
}

func TestTicketMerge(t *testing.T) {
	s := mustOpen(t)
	keep := addPerson(t, s, "Éric", "Béasse")
	drop := addPerson(t, s, "Eric", "Beasse")
	giveTicket(t, s, keep.ID, "48213377")
	giveTicket(t, s, drop.ID, "48213378")
	plan, err := s.PlanMerge(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeParticipants(ctx, plan.Keep.ID, plan.Drop.ID, plan.Choice); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"48213377", "48213378", drop.Code} {
		if id, err := s.ParticipantIDByScan(ctx, text); err != nil || id != plan.Keep.ID {
			t.Errorf("%s finds %d, %v; want %d", text, id, err, plan.Keep.ID)
		}
	}
	if ts, err := s.Tickets(ctx, plan.Keep.ID); err != nil || len(ts) != 2 {
		t.Fatal(ts, err)
	}
}
