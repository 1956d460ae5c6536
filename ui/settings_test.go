package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestSettingsScreen(t *testing.T) {
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 20))
	if _, err := st.Backup(t.Context()); err != nil {
		t.Fatal(err)
	}
	e := newTestEnv(t)
	var restored string
	s := newSettingsScreen(e, st, a.Preferences(), func(b string) { restored = b })
	e.win.SetContent(s.build())
	s.loadAsync()
	waitIdle(t, e.tasks)

	cats, _ := st.Categories(t.Context())
	if len(s.categories) != len(cats) || s.catList.Length() != len(cats) {
		t.Errorf("%d categories shown, want %d", s.catList.Length(), len(cats))
	}
	rooms, _ := st.Rooms(t.Context())
	if n, _ := s.rooms.table.Length(); n != len(rooms) || n == 0 {
		t.Errorf("%d rooms shown, want %d", n, len(rooms))
	}
	if len(s.backups) != 1 {
		t.Fatalf("%d backups shown, want 1", len(s.backups))
	}

	t.Run("LanguageKeptForNextStart", func(t *testing.T) {
		for i, want := range languageChoices {
			s.language.SetSelected(s.language.Options[i])
			if got := a.Preferences().String(prefLanguage); got != want {
				t.Errorf("choosing %q stores %q, want %q", s.language.Options[i], got, want)
			}
		}
	})

	t.Run("RestoreAsksFirst", func(t *testing.T) {
		s.onRestoreTapped(s.backups[0])
		if restored != "" {
			t.Fatal("restored without asking")
		}
		assertDialogSays(t, e.win, "Restore this backup?")
	})
}
