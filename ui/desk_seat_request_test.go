package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
)

// TestDeskLetInAnywayOffline: at a session's door, the network cut,
// someone not enrolled may still be let in anyway (the entry is the desk's
// to hold), and the sentence says so beside the offer to note the seat
// request; into a full session, "Let in anyway" and Ctrl+Enter are
// refused, as the sentence says that it is the server's to decide.
func TestDeskLetInAnywayOffline(t *testing.T) {
	ctx := context.Background()
	f, px, _, other := newOfflineDesk(t)
	door, who := -1, data.Participant{}
	ids, err := other.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
find:
	for i, se := range f.s.doors {
		for _, id := range ids {
			c, err := other.DeskCard(ctx, id, deskDay, se)
			if err != nil {
				t.Fatal(err)
			}
			_, full := c.Warning(data.WarnSessionFull)
			if _, ok := c.Warning(data.WarnNotEnrolled); ok && !full && c.LastEntry == nil {
				door, who = i+1, c.Participant
				break find
			}
		}
	}
	if door < 0 {
		t.Fatal("no door with someone not enrolled")
	}
	f.s.door.SetSelectedIndex(door)
	waitIdle(t, f.e.tasks)
	px.Cut()
	f.scan(t, who.Code)
	confirm := f.s.buttons.confirm
	if !f.s.seat.note.Visible() || !confirm.Visible() || confirm.Disabled() ||
		!strings.Contains(f.s.status.Text, "You may still let the person in anyway") {
		t.Fatalf("offline, not enrolled: note %v, let in anyway shown %v disabled %v; the desk says %q",
			f.s.seat.note.Visible(), confirm.Visible(), confirm.Disabled(), f.s.status.Text)
	}

	// The same person at a full session's door.
	notFull := *f.s.shown
	full := notFull
	full.Warnings = append(slices.Clone(full.Warnings), data.DeskWarning{Kind: data.WarnSessionFull, Session: full.Warnings[0].Session, Inside: 60})
	f.s.showCard(&full, true)
	if !confirm.Visible() || !confirm.Disabled() || !f.s.seat.note.Visible() ||
		!strings.Contains(f.s.status.Text, "this session is full: letting in one more person is for the server to decide") {
		t.Errorf("offline, a full session: let in anyway shown %v disabled %v, note %v; the desk says %q",
			confirm.Visible(), confirm.Disabled(), f.s.seat.note.Visible(), f.s.status.Text)
	}
	f.s.entry.TypedShortcut(shortcutDeskConfirm)
	waitIdle(t, f.e.tasks)
	if res := f.s.card.result.Text; strings.Contains(res, "let in at") {
		t.Fatalf("Ctrl+Enter let someone into a full session offline: %q", res)
	}

	// Not full: let in anyway, the entry held on the laptop.
	f.s.showCard(&notFull, true)
	if confirm.Disabled() {
		t.Fatal("after a full session's card, let in anyway stays disabled")
	}
	test.Tap(confirm)
	waitIdle(t, f.e.tasks)
	if res := f.s.card.result.Text; !strings.Contains(res, "let in at") {
		t.Errorf("let in anyway, offline, not enrolled: %q", res)
	}
}

// TestDeskDoorCountsOnStage: at a workshop's door, the counter says how
// many of those expected are on stage (speakers, facilitators not
// enrolled): "0 of 62 expected (2 of them on stage), 60 places" for 60
// enrolled, not a bare 62 that reads as a mistake.
func TestDeskDoorCountsOnStage(t *testing.T) {
	f := newDeskFixture(t)
	s := f.s
	for i, se := range s.doors {
		n, err := f.st.DoorCounts(context.Background(), se)
		if err != nil {
			t.Fatal(err)
		}
		if n.OnStage == 0 || n.Capacity == 0 {
			continue
		}
		s.door.SetSelectedIndex(i + 1)
		waitIdle(t, f.e.tasks)
		want := fmt.Sprintf("Entries into this session: %d of %d expected (%d of them on stage), %d places", n.Inside, n.Expected, n.OnStage, n.Capacity)
		if got := s.counts.total.Text; got != want {
			t.Fatalf("door counters %q, want %q", got, want)
		}
		return
	}
	t.Fatal("no door of a session with places and someone on stage")
}
