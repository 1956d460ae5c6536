package ui

import (
	"context"
	"io"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/export"
)

// Which sign-in sheets the Sign-in sheets tab prints, in the order of its
// options.
const (
	signInSession = iota
	signInDay
	signInAll
)

// signInBlankLines are the numbers of blank lines offered for walk-ins.
var signInBlankLines = []int{0, 5, 10, 15, 20, 30}

// signInExport is the Sign-in sheets tab of the exports screen (feuilles
// d'émargement): one session's sheet, one day's, or every session's in
// one PDF, with blank lines for those who come without having enrolled.
type signInExport struct {
	env   *env
	store export.SignInStore
	saver *exportSaver

	sessions []data.Session // UI thread only
	days     []data.Day

	which   *widget.RadioGroup
	session *widget.Select
	day     *widget.Select
	blank   *widget.Select
	fill    *widget.Check
	halves  *widget.RadioGroup // a day's sheet: two columns, or a sheet per half-day
	note    *widget.Label
	*exportPage
}

func newSignInExport(e *env, st export.SignInStore, saver *exportSaver) *signInExport {
	return &signInExport{env: e, store: st, saver: saver}
}

func (s *signInExport) build() fyne.CanvasObject {
	about := widget.NewLabel(lang.L("Each sheet has the congress, its title, date, time slot and place, the speakers and facilitators with a box each to sign, the names in alphabetical order with their organisation and a box to sign in, then blank lines for walk-ins; the last page has the number expected and boxes for the number present and the signature of the person in charge; its pages are numbered. A day's sheet is signed per half-day."))
	about.Wrapping = fyne.TextWrapWord
	s.which = widget.NewRadioGroup([]string{lang.L("One session"), lang.L("One day: everyone expected that day"),
		lang.L("All sessions, one sheet each")}, nil)
	s.which.Required = true
	s.which.SetSelected(s.which.Options[signInSession])
	s.which.OnChanged = func(string) { s.showChoice() }
	s.session = widget.NewSelect(nil, func(string) { s.showChoice() })
	s.session.PlaceHolder = lang.L("Choose a session")
	s.day = widget.NewSelect(nil, func(string) { s.showChoice() })
	s.day.PlaceHolder = lang.L("Choose a day")

	options := make([]string, len(signInBlankLines))
	for i, n := range signInBlankLines {
		options[i] = strconv.Itoa(n)
	}
	s.blank = widget.NewSelect(options, nil)
	s.blank.SetSelectedIndex(slices.Index(signInBlankLines, 10))
	s.fill = widget.NewCheck(lang.L("Then fill the last page with blank lines"), nil)
	s.halves = widget.NewRadioGroup([]string{lang.L("Morning and afternoon columns"), lang.L("One sheet per half-day")}, nil)
	s.halves.Required, s.halves.Horizontal = true, true
	s.halves.SetSelected(s.halves.Options[export.HalfDayColumns])

	s.note = widget.NewLabel("")
	s.note.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Which"), s.which),
		widget.NewFormItem(lang.L("Session"), s.session),
		widget.NewFormItem(lang.L("Day"), s.day),
		widget.NewFormItem(lang.L("Half-days"), s.halves),
		widget.NewFormItem(lang.L("Blank lines"), container.NewBorder(nil, nil, s.blank, nil, s.fill)),
	)
	s.exportPage = newExportPage(s.env.tasks, lang.L("Save PDF…"), s.onSaveTapped, sectionTitle(lang.L("Sign-in sheets")), keepLastWords(about), form, s.note)
	s.showChoice()
	return s.scroll
}

// loadAsync reads the sessions and days offered, keeping those chosen.
func (s *signInExport) loadAsync() {
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		sessions, err := s.store.Sessions(ctx)
		var c data.Congress
		if err == nil {
			c, err = s.store.Congress(ctx)
		}
		return func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.setChoices(sessions, c.Days)
		}
	})
}

// setChoices offers sessions and days, keeping those chosen when they
// still exist.
func (s *signInExport) setChoices(sessions []data.Session, days []data.Day) {
	id, day := s.chosenSession(), s.chosenDay()
	s.sessions, s.days = sessions, days
	options := make([]string, len(sessions))
	chosen := -1
	for i, se := range sessions {
		options[i] = sessionOption(se)
		if se.ID == id {
			chosen = i
		}
	}
	s.session.SetOptions(options)
	s.session.ClearSelected()
	if chosen >= 0 {
		s.session.SetSelectedIndex(chosen)
	}
	options = make([]string, len(days))
	chosen = -1
	for i, d := range days {
		options[i] = dayLong(d)
		if d == day {
			chosen = i
		}
	}
	s.day.SetOptions(options)
	s.day.ClearSelected()
	if chosen < 0 && len(days) > 0 {
		chosen = 0
	}
	if chosen >= 0 {
		s.day.SetSelectedIndex(chosen)
	}
	s.showChoice()
}

// sessionOption is a session as the select offers it: "25/11 09:30–10:30 —
// Opening plenary (Main hall)".
func sessionOption(se data.Session) string {
	s := dayShort(se.Day) + " " + se.Start.String() + "–" + se.End.String() + " — " + se.Title
	if se.RoomName != "" {
		s += " (" + se.RoomName + ")"
	}
	return s
}

func (s *signInExport) whichIndex() int {
	return max(slices.Index(s.which.Options, s.which.Selected), 0)
}

// chosenSession is the session chosen, 0 for none.
func (s *signInExport) chosenSession() int64 {
	if i := s.session.SelectedIndex(); i >= 0 && i < len(s.sessions) {
		return s.sessions[i].ID
	}
	return 0
}

// chosenDay is the day chosen, "" for none.
func (s *signInExport) chosenDay() data.Day {
	if i := s.day.SelectedIndex(); i >= 0 && i < len(s.days) {
		return s.days[i]
	}
	return ""
}

// selection is the sheets the options choose; false when the choice is
// not complete (no session chosen, say).
func (s *signInExport) selection() (export.SignInSelection, bool) {
	switch s.whichIndex() {
	case signInSession:
		id := s.chosenSession()
		return export.SignInSelection{SessionID: id}, id != 0
	case signInDay:
		d := s.chosenDay()
		return export.SignInSelection{Day: d}, d != ""
	}
	return export.SignInSelection{}, len(s.sessions) > 0
}

// showChoice enables what the choice needs and says what will be printed.
func (s *signInExport) showChoice() {
	which := s.whichIndex()
	enableIf(s.session, which == signInSession && len(s.sessions) > 0)
	enableIf(s.day, which == signInDay && len(s.days) > 0)
	enableIf(s.halves, which == signInDay)
	_, ok := s.selection()
	enableIf(s.save, ok)
	s.note.Importance = widget.MediumImportance
	switch {
	case len(s.sessions) == 0 && which != signInDay:
		s.note.Importance = widget.WarningImportance
		s.note.SetText(lang.L("The programme has no session yet."))
	case which == signInSession && s.chosenSession() != 0:
		se := s.sessions[s.session.SelectedIndex()]
		if se.Kind == data.KindPlenary && se.Enrolled == 0 {
			s.note.SetText(lang.L("Nobody enrols in this plenary: its sheet lists everyone expected that day."))
		} else {
			s.note.SetText(lang.N("{{.Count}} enrolled", se.Enrolled, map[string]any{"Count": formatCount(se.Enrolled)}))
		}
	case which == signInAll:
		n := len(s.sessions)
		s.note.SetText(lang.N("{{.Count}} sessions: one sheet each", n, map[string]any{"Count": formatCount(n)}))
	default:
		s.note.SetText("")
	}
	s.relayout()
}

// blankLines is the options' number of blank lines, as SignInOptions
// takes it (negative for none).
func (s *signInExport) blankLines() int {
	n := signInBlankLines[max(s.blank.SelectedIndex(), 0)]
	if n == 0 {
		return -1
	}
	return n
}

// onSaveTapped asks where to save the sheets chosen, then saves them.
func (s *signInExport) onSaveTapped() {
	sel, ok := s.selection()
	if !ok {
		return
	}
	opts := export.SignInOptions{BlankLines: s.blankLines(), FillPage: s.fill.Checked,
		HalfDays: export.HalfDays(max(slices.Index(s.halves.Options, s.halves.Selected), 0))}
	glyphs := &glyphNotice{}
	s.saver.save("signin", lang.L("Save the sign-in sheets as PDF"), lang.L("Saving the sign-in sheets…"), lang.L("file.signin"), ".pdf",
		func(ctx context.Context, w io.Writer, progress func(done, total int)) error {
			in, err := export.LoadSignIn(ctx, s.store, sel)
			if err != nil {
				return err
			}
			glyphs.set(in.GlyphWarnings())
			opts.Lang, opts.Progress = in.Congress.OutputLanguage(), progress
			return export.WriteSignIn(ctx, w, in, opts)
		}, glyphs.after(s.env.win, s.status.saved))
}
