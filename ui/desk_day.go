package ui

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// The day the desk records (issue 15). On a congress day the desk records
// that day's real arrivals. Outside the congress days — the volunteers'
// rehearsal the evening before — it rehearses: it looks and behaves the
// same, but its entries go to the rehearsal's log (data/rehearsal.go),
// which counts nowhere, and "Clear the rehearsal" empties it. Choosing a
// day that is not today asks first whether to record real arrivals for it.
// A large line across the desk always says which it is.

// rehearsalStore is what the desk's rehearsal reads and writes.
type rehearsalStore interface {
	RehearsalDeskCard(ctx context.Context, participantID int64, day data.Day, sessionID int64) (data.DeskCard, error)
	UndoLastRehearsalEntry(ctx context.Context, participantID int64, desk string) (data.Checkin, error)
	RehearsalDeskCounts(ctx context.Context, day data.Day) ([]data.DeskCount, error)
	RehearsalDoorCounts(ctx context.Context, sessionID int64) (data.DoorCount, error)
	ClearRehearsal(ctx context.Context) (int, error)
}

// deskDayView says, in large type across the desk, which day it records:
// "Recording arrivals for Thursday 25/11/2021", or "REHEARSAL — nothing is
// counted" in orange, with a line of why and the buttons that change it.
type deskDayView struct {
	box   *fyne.Container
	title *widget.RichText
	note  *widget.Label
	clear *widget.Button // empties the rehearsal, after a confirmation
	back  *widget.Button // back to the rehearsal, from real arrivals on another day
	// The note's words in full, and short for a desk of small height
	// (compact, set by deskDayLayout in desk_head.go).
	full, short string
	compact     bool
}

func newDeskDayView(s *deskScreen) *deskDayView {
	v := &deskDayView{title: widget.NewRichText(), note: widget.NewLabel("")}
	v.title.Wrapping = fyne.TextWrapWord
	v.note.Wrapping = fyne.TextWrapWord
	v.clear = widget.NewButtonWithIcon(lang.L("Clear the rehearsal…"), theme.DeleteIcon(), s.onClearRehearsalTapped)
	v.back = widget.NewButtonWithIcon(lang.L("Back to the rehearsal"), theme.MediaReplayIcon(), s.onBackToRehearsalTapped)
	v.clear.Hide()
	v.back.Hide()
	// Its buttons go beside the choosers (desk_head.go).
	v.box = container.New(&deskDayLayout{view: v, desk: func() fyne.Size {
		if s.root == nil {
			return fyne.Size{}
		}
		return s.root.Size()
	}}, v.title, v.note)
	return v
}

// show says that the desk records day (at a session's door when atDoor),
// for real or as a rehearsal; today is the calendar's day, and congressDay
// whether it is one of the congress.
func (v *deskDayView) show(day, today data.Day, rehearsal, atDoor, congressDay bool) {
	words := map[string]any{"Day": dayLong(day), "Today": dayLong(today)}
	title, colour := lang.L("Recording arrivals for {{.Day}}", words), theme.ColorNameForeground
	if atDoor {
		title = lang.L("Recording entries for {{.Day}}", words)
	}
	note, short, importance := "", "", widget.MediumImportance
	switch {
	case rehearsal && atDoor:
		title, colour = lang.L("REHEARSAL — nothing is counted"), theme.ColorNameWarning
		note = lang.L("Today ({{.Today}}) is not a day of the congress: entries into this session are recorded as a rehearsal of {{.Day}}, counted nowhere. To record real entries, choose the day on the right.", words)
		short = lang.L("Today is not a day of the congress: for real entries into this session, choose the day on the right.")
	case rehearsal:
		title, colour = lang.L("REHEARSAL — nothing is counted"), theme.ColorNameWarning
		note = lang.L("Today ({{.Today}}) is not a day of the congress: scans are recorded as a rehearsal of {{.Day}}, counted nowhere. To record real arrivals, choose the day on the right.", words)
		short = lang.L("Today is not a day of the congress: for real arrivals, choose the day on the right.")
	case day != today && atDoor:
		note, importance = lang.L("Today is {{.Today}}: these are real entries into this session on {{.Day}}, counted everywhere.", words), widget.WarningImportance
	case day != today:
		note, importance = lang.L("Today is {{.Today}}: these are real arrivals on {{.Day}}, counted everywhere.", words), widget.WarningImportance
	}
	v.title.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: title, Style: widget.RichTextStyle{
		ColorName: colour, SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}}}}
	v.title.Refresh()
	if short == "" {
		short = note
	}
	v.full, v.short = note, short
	v.note.Importance = importance
	v.note.SetText(v.noteText())
	showIf(v.note, note != "")
	showIf(v.clear, rehearsal)
	showIf(v.back, !rehearsal && !congressDay)
}

// text is what the large line says.
func (v *deskDayView) text() string { return v.title.String() }

// noteText is what the note says: in full, or in short on a desk of small
// height.
func (v *deskDayView) noteText() string {
	if v.compact {
		return v.short
	}
	return v.full
}

// setCompact puts the note in short (on) or in full.
func (v *deskDayView) setCompact(on bool) {
	if v.compact == on {
		return
	}
	v.compact = on
	if text := v.noteText(); v.note.Text != text {
		v.note.SetText(text)
	}
}

// todayDate is the calendar's day, by the desk's clock.
func (s *deskScreen) todayDate() data.Day { return data.Day(s.now().Format(time.DateOnly)) }

// setDays offers the congress days. On a congress day it chooses today's,
// and real arrivals; otherwise it keeps the day chosen, or chooses the
// first, and rehearses.
func (s *deskScreen) setDays(days []data.Day, sessions []data.Session) {
	s.days = days
	s.sessions = sessions
	var labels []string
	for _, d := range days {
		labels = append(labels, dayLong(d))
	}
	s.day.SetOptions(labels)
	s.dateSeen = s.todayDate()
	day, rehearse := data.DeskDay(days, s.dateSeen)
	switch {
	case len(days) == 0:
		return
	case rehearse && s.day.SelectedIndex() >= 0 && s.dayIndex < len(days):
		s.selectDay(s.dayIndex) // keep the day chosen and the mode; read the sessions again
	default:
		s.setRehearsal(rehearse)
		s.selectDay(slices.Index(days, day))
	}
}

// followCalendar chooses the day again when the calendar's has changed
// since: a desk left open after the evening's rehearsal records the
// congress's first morning for real, without a question.
func (s *deskScreen) followCalendar() {
	if s.day == nil || len(s.days) == 0 || s.todayDate() == s.dateSeen {
		return
	}
	s.dateSeen = s.todayDate()
	day, rehearse := data.DeskDay(s.days, s.dateSeen)
	s.setRehearsal(rehearse)
	s.selectDay(slices.Index(s.days, day))
}

// selectDay chooses the day of index i without asking anything.
func (s *deskScreen) selectDay(i int) {
	s.dayIndex = i
	s.showDayChosen(i)
	s.showDay()
}

// today is the day people are checked in for: the day chosen and
// confirmed (while the question is open, the one before).
func (s *deskScreen) today() data.Day {
	if s.dayIndex >= 0 && s.dayIndex < len(s.days) {
		return s.days[s.dayIndex]
	}
	return s.todayDate()
}

// setRehearsal switches between real arrivals and the rehearsal; the card
// shown, read from the other log, goes.
func (s *deskScreen) setRehearsal(on bool) {
	if s.rehearsal == on {
		return
	}
	s.rehearsal = on
	if s.card != nil {
		s.showCard(nil, false)
	}
}

// onDayChanged is a day chosen in the day chooser. Today's is recorded
// for real at once; another asks first whether to record real arrivals
// for it. Declined, a rehearsal goes on rehearsing (on the day chosen),
// and real arrivals on a congress day go back to the day before.
//
// On a locked desk, changing the day asks for the organiser's PIN first
// (the desk staying locked); meanwhile, and if the PIN is cancelled, the
// chooser shows the day recorded.
func (s *deskScreen) onDayChanged(string) {
	i := s.day.SelectedIndex()
	if s.settingDay || i < 0 || i >= len(s.days) {
		return
	}
	if s.lock != nil && s.lock.locked() {
		s.showDayChosen(s.dayIndex)
		s.lock.confirmThen(func() {
			s.showDayChosen(i)
			s.chooseDay(i)
		})
		return
	}
	s.chooseDay(i)
}

// showDayChosen shows the day of index i in the chooser, choosing nothing.
func (s *deskScreen) showDayChosen(i int) {
	s.settingDay = true
	s.day.SetSelectedIndex(i)
	s.settingDay = false
}

// chooseDay records the day of index i, chosen in the chooser.
func (s *deskScreen) chooseDay(i int) {
	day := s.days[i]
	if day == s.todayDate() {
		s.setRehearsal(false)
		s.selectDay(i)
		return
	}
	if !s.rehearsal && i == s.dayIndex {
		return
	}
	before := s.dayIndex
	keep := lang.L("Cancel")
	if s.rehearsal {
		keep = lang.L("Keep rehearsing")
	}
	words := map[string]any{"Day": dayLong(day), "Today": dayLong(s.todayDate())}
	d := newConfirmation(s.env.win, lang.L("Record real arrivals?"),
		lang.L("Record real arrivals for {{.Day}}? Today is {{.Today}}: each scan will count as an arrival on {{.Day}}, in the counters, the lists and the exports.", words),
		func(real bool) {
			switch {
			case real:
				s.setRehearsal(false)
				s.selectDay(i)
			case s.rehearsal:
				s.selectDay(i) // rehearse that day
			default:
				s.selectDay(before)
			}
			s.focus()
		})
	d.SetConfirmText(lang.L("Record real arrivals"))
	d.SetDismissText(keep)
	d.Show()
}

// showDay says which day the desk records, offers the doors of the day's
// sessions and counts its arrivals.
func (s *deskScreen) showDay() {
	day := s.today()
	s.sayDay()
	options := []string{lang.L("Arrivals")}
	s.doors = s.doors[:0]
	for _, se := range s.sessions {
		if se.Day == day {
			options = append(options, lang.L("Door: {{.Time}} {{.Title}}", map[string]any{
				"Time": se.Start.String(), "Title": se.Title}))
			s.doors = append(s.doors, se.ID)
		}
	}
	s.door.SetOptions(options)
	s.door.SetSelectedIndex(slices.Index(s.doors, s.session) + 1)
	s.root.Refresh() // the large line may have grown or shrunk
	s.countAsync()
	s.focus()
}

// sayDay says on the large line which day the desk records, and how.
func (s *deskScreen) sayDay() {
	s.clearStatus() // said of what the desk recorded before
	s.dayView.show(s.today(), s.todayDate(), s.rehearsal, s.session != 0, slices.Contains(s.days, s.todayDate()))
}

// onBackToRehearsalTapped goes back from real arrivals on another day to
// the rehearsal; on a locked desk, once the organiser's PIN is typed.
func (s *deskScreen) onBackToRehearsalTapped() {
	s.afterPIN(func() {
		s.setRehearsal(true)
		s.selectDay(s.dayIndex)
	})
}

// afterPIN runs fn at once on a desk that is not locked; on a locked one,
// once the organiser's PIN is typed, the desk staying locked.
func (s *deskScreen) afterPIN(fn func()) {
	if s.lock == nil {
		fn()
		return
	}
	s.lock.confirmThen(fn)
}

// onClearRehearsalTapped deletes every rehearsal entry, after a
// confirmation; on a locked desk, once the organiser's PIN is typed.
func (s *deskScreen) onClearRehearsalTapped() {
	s.afterPIN(s.askClearRehearsal)
}

// askClearRehearsal asks whether to delete every rehearsal entry.
func (s *deskScreen) askClearRehearsal() {
	d := newConfirmation(s.env.win, lang.L("Clear the rehearsal?"),
		lang.L("Every scan of the rehearsal is deleted, on every desk of this file. Real arrivals are not touched."),
		func(ok bool) {
			if ok {
				s.clearRehearsalAsync()
			}
			s.focus()
		})
	d.SetConfirmText(lang.L("Clear the rehearsal"))
	d.SetDismissText(lang.L("Cancel"))
	d.Show()
}

// clearRehearsalAsync empties the rehearsal's log.
func (s *deskScreen) clearRehearsalAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		n, err := s.store.ClearRehearsal(ctx)
		return func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			if s.shown != nil && s.shown.Rehearsal {
				s.showCard(nil, false)
			}
			s.setStatus(lang.N("The rehearsal is cleared: {{.Count}} entries deleted.", n, map[string]any{"Count": formatCount(n)}),
				widget.SuccessImportance)
			s.countAsync()
		}
	})
}

// readCard reads a person's card from the real log, or the rehearsal's.
func (s *deskScreen) readCard(ctx context.Context, id int64, day data.Day, session int64, rehearsal bool) (data.DeskCard, error) {
	if rehearsal {
		return s.store.RehearsalDeskCard(ctx, id, day, session)
	}
	return s.store.DeskCard(ctx, id, day, session)
}

// undoLast takes back the person's last entry, in the log of the card.
func (s *deskScreen) undoLast(ctx context.Context, id int64, desk string, rehearsal bool) (data.Checkin, error) {
	if rehearsal {
		return s.store.UndoLastRehearsalEntry(ctx, id, desk)
	}
	return s.store.UndoLastEntry(ctx, id, desk)
}

// readCounts reads the day's counters, of real arrivals or of the
// rehearsal's.
func (s *deskScreen) readCounts(ctx context.Context, day data.Day, rehearsal bool) ([]data.DeskCount, error) {
	if rehearsal {
		return s.store.RehearsalDeskCounts(ctx, day)
	}
	return s.store.DeskCounts(ctx, day)
}

// readDoorCounts reads the counters of a session's door, of real entries
// or of the rehearsal's.
func (s *deskScreen) readDoorCounts(ctx context.Context, session int64, rehearsal bool) (data.DoorCount, error) {
	if rehearsal {
		return s.store.RehearsalDoorCounts(ctx, session)
	}
	return s.store.DoorCounts(ctx, session)
}

// showRehearsalCounts says on the counters that they count the rehearsal's
// arrivals.
func (s *deskScreen) showRehearsalCounts(counts []data.DeskCount) {
	n := 0
	for _, c := range counts {
		n += c.Arrived
	}
	s.showRehearsalScans(n)
}

// showRehearsalScans says on the counters how many scans the rehearsal
// recorded ("Rehearsal: 12 scans").
func (s *deskScreen) showRehearsalScans(n int) {
	s.counts.total.SetText(lang.N("Rehearsal: {{.Count}} scans", n, map[string]any{"Count": formatCount(n)}))
}

// markRehearsal labels the result of a rehearsal's scan as such
// ("Rehearsal: ✓ Anne Martin checked in at 19:30.").
func (s *deskScreen) markRehearsal(c *data.DeskCard) {
	if r := s.card.result; c.Rehearsal && r.Text != "" {
		s.card.setResult(rehearsalSays(true, r.Text), r.Importance)
	}
}

// rehearsalSays is text, labelled as the rehearsal's when rehearsal is
// true ("Rehearsal: …").
func rehearsalSays(rehearsal bool, text string) string {
	if !rehearsal {
		return text
	}
	return lang.L("Rehearsal: {{.Result}}", map[string]any{"Result": text})
}
