package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/ui/widgets"
)

// newCongressDialog opens File → New… with its folder in a temporary one
// and gives its fields.
func newCongressDialog(t *testing.T, u *ui) (name *widgets.Entry, first *dateInput, create *widget.Button, dir string) {
	t.Helper()
	dir = t.TempDir()
	u.prefs.SetString(prefFolder, dir)
	u.onNew()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("File → New… shows no dialog")
	}
	for _, o := range test.LaidOutObjects(top) {
		switch w := o.(type) {
		case *dateInput:
			first = w
		case *widgets.Entry:
			if name == nil {
				name = w
			}
		case *widget.Button:
			if w.Text == "Create" || w.Text == "Créer" {
				create = w
			}
		}
	}
	if first == nil || create == nil || name == nil {
		t.Fatalf("the New dialog has no date or no Create:\n%s", test.RenderObjectToMarkup(top))
	}
	return name, first, create, dir
}

// wrongDates are dates that do not read in the locale's format: a day
// that does not exist, YYYY-MM-DD, and day and month the other way round.
func wrongDates() []string {
	swapped := "03/25/2027" // month first where the day comes first
	if strings.HasPrefix(dateLayout(), "01") {
		swapped = "25/03/2027"
	}
	return []string{"31/02/2027", "2027-03-10", swapped}
}

// TestNewCongressRefusesAWrongDate (issue 19): a first day that does not
// read in the locale's format is refused with a sentence naming that
// format, Create stays disabled, and nothing is created. Before, fyne's
// date entry kept the last date that did read (today's), showed a ✓, and
// the congress was created on today's dates.
func TestNewCongressRefusesAWrongDate(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			if language == "fr" {
				inFrench(t)
			}
			for _, typed := range wrongDates() { // in the language's format
				newCongressRefuses(t, language, typed)
			}
		})
	}
}

func newCongressRefuses(t *testing.T, language, typed string) {
	t.Run(strings.ReplaceAll(typed, "/", "."), func(t *testing.T) {
		u := newTestUI(t)
		name, first, create, dir := newCongressDialog(t, u)
		test.Type(name, "Test C")
		first.SetText("")
		test.Type(first, typed)

		err := first.Validate()
		if err == nil {
			t.Fatalf("%q is accepted as a first day", typed)
		}
		words := dateFormatWords(language)
		if !strings.Contains(err.Error(), words) || !strings.Contains(err.Error(), typed) {
			t.Errorf("the field says %q, want the text and the format %s", err, words)
		}
		if dateLayout() == "02/01/2006" && language == "fr" && words != "JJ/MM/AAAA" ||
			dateLayout() == "01/02/2006" && language == "en" && words != "MM/DD/YYYY" {
			t.Errorf("format in %s: %q", language, words)
		}
		if !showsText(u.win.Canvas().Overlays().Top(), err.Error()) {
			t.Errorf("the dialog does not show %q under the field", err)
		}
		if !create.Disabled() {
			t.Error("Create is enabled with a date that does not read")
		}
		test.Tap(create)
		waitIdle(t, &u.tasks)
		if files, _ := os.ReadDir(dir); len(files) != 0 || u.session() != nil {
			t.Errorf("a congress was created: %v", files)
		}
	})
}

// TestNewCongressOnTheDateTyped: a date in the locale's format (one digit
// is enough for the day and the month) creates the congress on it.
func TestNewCongressOnTheDateTyped(t *testing.T) {
	u := newTestUI(t)
	name, first, create, dir := newCongressDialog(t, u)
	test.Type(name, "Test C")
	first.SetText("")
	typed := strings.NewReplacer("01", "3", "02", "1", "2006", "2027").Replace(dateLayout()) // 1 March 2027
	test.Type(first, typed)
	if err := first.Validate(); err != nil || create.Disabled() {
		t.Fatalf("%q: %v (Create disabled: %v)", typed, err, create.Disabled())
	}
	test.Tap(create)
	waitFor(t, "the new congress", &u.tasks, func() bool { return u.session() != nil })
	path := u.session().store.Path()
	if filepath.Dir(path) != dir {
		t.Errorf("created %s, not in %s", path, dir)
	}
	c, err := u.session().store.Congress(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := []data.Day{"2027-03-01", "2027-03-02"}; !slices.Equal(c.Days, want) {
		t.Errorf("days %v, want %v", c.Days, want)
	}
}

// TestNewCongressFolderIsAbsolute (issue 19): with a file opened by a
// relative path, New shows that file's folder in full, not ".".
func TestNewCongressFolderIsAbsolute(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	if err := data.WriteDemo(context.Background(), filepath.Join(dir, "rel"+data.Extension), data.DemoOptions{Participants: 5}); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	u.openAsync("rel" + data.Extension)
	waitFor(t, "the file to open", &u.tasks, func() bool { return u.session() != nil })
	u.onNew()
	top := u.win.Canvas().Overlays().Top()
	markup := test.RenderObjectToMarkup(top)
	if !strings.Contains(markup, ">"+dir+"<") {
		t.Errorf("the folder shown is not %s:\n%s", dir, markup)
	}
}

// TestSettingsDayTypedWrong (issue 19): Settings → Congress refuses a day
// that does not read with the locale's format, in the interface's
// language; the command line keeps YYYY-MM-DD (data.ErrDayInvalid).
func TestSettingsDayTypedWrong(t *testing.T) {
	for _, language := range []string{"en", "fr"} {
		t.Run(language, func(t *testing.T) {
			if language == "fr" {
				inFrench(t)
			}
			s, _, _, _ := newTestSettings(t)
			c := s.congress
			for _, typed := range wrongDates() {
				c.newDay.SetText("")
				test.Type(c.newDay, typed)
				c.onAddDayTapped()
				got := c.errs.text("days")
				if !strings.Contains(got, dateFormatWords(language)) || strings.Contains(got, "YYYY-MM-DD") || strings.Contains(got, "AAAA-MM-JJ") {
					t.Errorf("%q: under the days %q, want the format %s", typed, got, dateFormatWords(language))
				}
				if c.newDay.Validate() == nil {
					t.Errorf("%q: the field shows no error", typed)
				}
			}
			if _, err := data.ParseDay("25/11/2021"); err == nil || !strings.Contains(data.Message(err, language), map[string]string{"en": "YYYY-MM-DD", "fr": "AAAA-MM-JJ"}[language]) {
				t.Errorf("the command line's sentence: %v", err)
			}
		})
	}
}

// TestDatePickerInTheLanguage (issue 19): the calendar names its month and
// days in the interface's language, and opens on the field's date, else
// on the congress's first day (not today's month).
func TestDatePickerInTheLanguage(t *testing.T) {
	inFrench(t)
	s, _, e, _ := newTestSettings(t)
	c := s.congress
	e.win.Resize(fyne.NewSize(1180, 700))
	c.newDay.setDate(nil)
	test.Tap(c.newDay.ActionItem.(*widget.Button))
	top := e.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no calendar")
	}
	markup := test.RenderObjectToMarkup(top)
	for _, want := range []string{"novembre 2021", "LUN", "DIM"} { // the demo's first day: 25/11/2021
		if !strings.Contains(markup, want) {
			t.Errorf("the calendar has no %q:\n%s", want, markup)
		}
	}
	if strings.Contains(markup, "November") || strings.Contains(markup, "MON") {
		t.Errorf("the calendar is in English:\n%s", markup)
	}
	top.Hide()

	day := time.Date(2027, 3, 10, 0, 0, 0, 0, time.Local)
	c.newDay.setDate(&day)
	test.Tap(c.newDay.ActionItem.(*widget.Button))
	top = e.win.Canvas().Overlays().Top()
	if markup := test.RenderObjectToMarkup(top); !strings.Contains(markup, "mars 2027") {
		t.Errorf("the calendar does not open on the field's date:\n%s", markup)
	}
	// Picking a day writes it in the locale's format.
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == "12" {
			test.Tap(b)
			break
		}
	}
	if got, err := c.newDay.date(); err != nil || !sameDay(got, day.AddDate(0, 0, 2)) {
		t.Errorf("picked %q (%v), want 12 March 2027", c.newDay.Text, err)
	}
}

// showsText tells whether a visible text of o (a form's hint under a
// field, say) reads text.
func showsText(o fyne.CanvasObject, text string) bool {
	for _, x := range test.LaidOutObjects(o) {
		if t, ok := x.(*canvas.Text); ok && t.Visible() && t.Text == text {
			return true
		}
	}
	return false
}

// onComputer sets the computer's locale (LANG) for a test, with nothing
// above it, and chooses the interface's language.
func onComputer(t *testing.T, locale, language string) {
	t.Helper()
	// Registered first, so run last: once the computer's locale is back
	// (the order of dates shown is read from it).
	t.Cleanup(func() { loadTranslations("en") })
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", locale)
	if err := loadTranslations(language); err != nil {
		t.Fatal(err)
	}
}

// TestDateTypedInTheLanguage (issue 19): the date typed follows the
// interface's language, and the computer's locale only when its language
// is the chosen one. A French interface on a C computer asked for
// 12/31/2026 under days shown 25/11/2021, refused 27/11/2021, and read
// 03/11 as 11 March; New filled the first day month first.
func TestDateTypedInTheLanguage(t *testing.T) {
	for _, tc := range []struct {
		locale, language, example, words string
		typed                            string
		want                             time.Time // the date typed reads as
	}{
		{"C.UTF-8", "fr", "31/12/2026", "JJ/MM/AAAA", "3/11/2027", time.Date(2027, 11, 3, 0, 0, 0, 0, time.Local)},
		{"en_US.UTF-8", "fr", "31/12/2026", "JJ/MM/AAAA", "03/11/2027", time.Date(2027, 11, 3, 0, 0, 0, 0, time.Local)},
		{"fr_FR.UTF-8", "fr", "31/12/2026", "JJ/MM/AAAA", "27/11/2021", time.Date(2021, 11, 27, 0, 0, 0, 0, time.Local)},
		{"en_US.UTF-8", "en", "12/31/2026", "MM/DD/YYYY", "03/11/2027", time.Date(2027, 3, 11, 0, 0, 0, 0, time.Local)},
		{"C.UTF-8", "en", "12/31/2026", "MM/DD/YYYY", "11/27/2021", time.Date(2021, 11, 27, 0, 0, 0, 0, time.Local)},
		{"fr_FR.UTF-8", "en", "12/31/2026", "MM/DD/YYYY", "3/11/2027", time.Date(2027, 3, 11, 0, 0, 0, 0, time.Local)},
		{"en_GB.UTF-8", "en", "31/12/2026", "DD/MM/YYYY", "3/11/2027", time.Date(2027, 11, 3, 0, 0, 0, 0, time.Local)},
	} {
		t.Run(tc.language+"/"+tc.locale, func(t *testing.T) {
			onComputer(t, tc.locale, tc.language)
			if got := dateFormatWords(tc.language); got != tc.words {
				t.Errorf("format %q, want %q", got, tc.words)
			}
			// Settings → Congress: the placeholder, a date typed, one refused.
			s, _, _, _ := newTestSettings(t)
			c := s.congress
			if c.newDay.PlaceHolder != tc.example {
				t.Errorf("Settings suggests %q, want %q", c.newDay.PlaceHolder, tc.example)
			}
			c.newDay.SetText("")
			test.Type(c.newDay, tc.typed)
			if got, err := c.newDay.date(); err != nil || !got.Equal(tc.want) || c.newDay.Validate() != nil {
				t.Errorf("%q reads as %v (%v), want %v", tc.typed, got, err, tc.want.Format(time.DateOnly))
			}
			swapped := "13/25/2027"
			if tc.words[0] == 'M' {
				swapped = "25/12/2027"
			}
			c.newDay.SetText("")
			test.Type(c.newDay, swapped)
			if err := c.newDay.Validate(); err == nil || !strings.Contains(err.Error(), tc.words) {
				t.Errorf("%q: the field says %v, want the format %s", swapped, err, tc.words)
			}
			// Display and input agree: a day written by the window reads back.
			day := time.Date(2021, 11, 25, 0, 0, 0, 0, time.Local)
			c.newDay.setDate(&day)
			if got, err := c.newDay.date(); err != nil || !got.Equal(day) {
				t.Errorf("the field wrote %q and reads it as %v (%v)", c.newDay.Text, got, err)
			}
			if tc.language == "fr" && !strings.Contains(dayLong("2021-11-25"), c.newDay.Text) {
				t.Errorf("days shown %q, typed %q", dayLong("2021-11-25"), c.newDay.Text)
			}

			// The calendar's weeks start as the language has them.
			wantFirst := map[string]string{"fr": "LUN", "en": "MON"}[tc.language]
			if tc.language == "en" && strings.HasPrefix(tc.locale, "en_US") {
				wantFirst = "SUN"
			}
			test.Tap(c.newDay.ActionItem.(*widget.Button))
			if top := s.congress.newDay.popUp; top == nil || !strings.Contains(test.RenderObjectToMarkup(top), ">"+wantFirst+"<") ||
				!calendarStartsOn(top, wantFirst) {
				t.Errorf("the calendar's weeks do not start on %s", wantFirst)
			}
			c.newDay.popUp.Hide()

			// New congress: the first day proposed, in the same format.
			u := newTestUI(t)
			_, first, _, _ := newCongressDialog(t, u)
			if first.PlaceHolder != tc.example {
				t.Errorf("New suggests %q, want %q", first.PlaceHolder, tc.example)
			}
			layout := strings.NewReplacer("JJ", "02", "DD", "02", "MM", "01", "AAAA", "2006", "YYYY", "2006").Replace(tc.words)
			if today := time.Now().Format(layout); first.Text != today {
				t.Errorf("New proposes %q for today, want %q (%s)", first.Text, today, tc.words)
			}
		})
	}
}

// calendarStartsOn tells whether the first week's day a calendar shows
// is day ("LUN").
func calendarStartsOn(o fyne.CanvasObject, day string) bool {
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && len(l.Text) == 3 && strings.ToUpper(l.Text) == l.Text {
			return l.Text == day
		}
	}
	return false
}

// TestSettingsDayErrorFollowsTheField (eye-93): once a day typed does not
// read, its message follows the field: it goes when the field is emptied
// or reads, and quotes the text as it is now.
func TestSettingsDayErrorFollowsTheField(t *testing.T) {
	onComputer(t, "en_GB.UTF-8", "en")
	s, _, _, _ := newTestSettings(t)
	c := s.congress
	typeWrong := func() {
		t.Helper()
		c.newDay.SetText("")
		test.Type(c.newDay, "11/27/2021")
		c.onAddDayTapped()
		if got := c.errs.text("days"); !strings.Contains(got, "“11/27/2021”") {
			t.Fatalf("under the days %q, want the error on 11/27/2021", got)
		}
	}
	typeWrong()
	for range len("11/27/2021") {
		c.newDay.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	if c.newDay.Text != "" {
		t.Fatalf("the field holds %q", c.newDay.Text)
	}
	if got := c.errs.text("days"); got != "" {
		t.Errorf("the field is empty and the days still say %q", got)
	}
	typeWrong()
	test.Type(c.newDay, "9")
	if got := c.errs.text("days"); !strings.Contains(got, "“11/27/20219”") {
		t.Errorf("the field holds 11/27/20219 and the days say %q", got)
	}
	c.newDay.SetText("27/11/2021")
	if got := c.errs.text("days"); got != "" {
		t.Errorf("the field holds a day that reads and the days still say %q", got)
	}
}

// TestDaysShownAsTyped (eye-89..91): the days shown follow the order they
// are typed in: an English interface on an en_GB computer types
// 25/11/2021 and shows "Thursday 25 Nov 2021", not "Thursday Nov 25, 2021".
func TestDaysShownAsTyped(t *testing.T) {
	for _, tc := range []struct {
		locale, language, long, short, moment, typed string
	}{
		{"en_GB.UTF-8", "en", "Thursday 25 Nov 2021", "25 Nov", "25 Nov 2021 14:30", "25/11/2021"},
		{"en_AU.UTF-8", "en", "Thursday 25 Nov 2021", "25 Nov", "25 Nov 2021 14:30", "25/11/2021"},
		{"en_US.UTF-8", "en", "Thursday Nov 25, 2021", "Nov 25", "Nov 25, 2021 14:30", "11/25/2021"},
		{"fr_FR.UTF-8", "en", "Thursday Nov 25, 2021", "Nov 25", "Nov 25, 2021 14:30", "11/25/2021"},
		{"en_GB.UTF-8", "fr", "jeudi 25/11/2021", "25/11", "25/11/2021 14:30", "25/11/2021"},
		{"fr_FR.UTF-8", "fr", "jeudi 25/11/2021", "25/11", "25/11/2021 14:30", "25/11/2021"},
	} {
		t.Run(tc.language+"/"+tc.locale, func(t *testing.T) {
			onComputer(t, tc.locale, tc.language)
			s, _, _, _ := newTestSettings(t) // the demo's days: 25 and 26 November 2021
			c := s.congress
			var shown []string
			for _, o := range test.LaidOutObjects(c.dayList) {
				if l, ok := o.(*widget.Label); ok {
					shown = append(shown, l.Text)
				}
			}
			if !slices.Contains(shown, tc.long) {
				t.Errorf("Settings shows the days %q, want %q", shown, tc.long)
			}
			if got := dayShort("2021-11-25"); got != tc.short {
				t.Errorf("a table writes %q, want %q", got, tc.short)
			}
			if got := dateTime(time.Date(2021, 11, 25, 14, 30, 0, 0, time.Local)); got != tc.moment {
				t.Errorf("a moment reads %q, want %q", got, tc.moment)
			}
			// What is shown is what is typed: the day of the field reads back.
			day := time.Date(2021, 11, 25, 0, 0, 0, 0, time.Local)
			c.newDay.setDate(&day)
			if c.newDay.Text != tc.typed {
				t.Errorf("typed %q, want %q as %q shows it", c.newDay.Text, tc.typed, tc.long)
			}
		})
	}
}
