package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2/lang"

	"congres/data"
)

// At a session's door, the desk counts and undoes entries into the session,
// and says so.

// doorCountAsync reads the entries into the session at the door.
func (s *deskScreen) doorCountAsync(session int64) {
	rehearsal := s.rehearsal
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		n, err := s.readDoorCounts(ctx, session, rehearsal)
		return func() {
			if err == nil && s.session == session {
				s.counts.showDoor(n)
			}
			if err == nil && s.session == session && rehearsal {
				s.showRehearsalScans(n.Inside)
			}
		}
	})
}

// undoneSentence says which entry of name the undo u took back: an
// arrival, an entry into the session at the door, or into another one.
func (s *deskScreen) undoneSentence(name string, u data.Checkin) string {
	switch {
	case u.SessionID == 0:
		return lang.L("The last check-in of {{.Name}} was undone.", map[string]any{"Name": name})
	case u.SessionID == s.session:
		return lang.L("The last entry of {{.Name}} into this session was undone.", map[string]any{"Name": name})
	}
	for _, se := range s.sessions {
		if se.ID == u.SessionID {
			return lang.L("The last entry of {{.Name}} into “{{.Title}}” was undone.", map[string]any{"Name": name, "Title": se.Title})
		}
	}
	return lang.L("The last entry of {{.Name}} into a session was undone.", map[string]any{"Name": name})
}

// alreadyInSentence is the banner for someone scanned again: since when
// they are in (the day's arrival, or their entry at the door), and where.
func alreadyInSentence(name string, w data.DeskWarning) string {
	when := w.At.Local().Format("15:04")
	if !w.Today {
		when = lang.L("{{.Day}} at {{.Time}}", map[string]any{
			"Day": dayLong(data.Day(w.At.Local().Format(time.DateOnly))), "Time": when})
	}
	args := map[string]any{"Name": name, "When": when, "Desk": w.Desk}
	switch {
	case w.Session.ID != 0 && w.Desk != "":
		return lang.L("Already in this session since {{.When}}, at {{.Desk}} — {{.Name}}", args)
	case w.Session.ID != 0:
		return lang.L("Already in this session since {{.When}} — {{.Name}}", args)
	case w.Desk != "":
		return lang.L("Already in since {{.When}}, at {{.Desk}} — {{.Name}}", args)
	}
	return lang.L("Already in since {{.When}} — {{.Name}}", args)
}
