package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// newTestSettings shows the settings of a demo congress of 20 people.
func newTestSettings(t *testing.T) (*settingsScreen, *data.Store, *env, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 20))
	e := newTestEnv(t)
	s := newSettingsScreen(e, st, a.Preferences(), func(string) {})
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1000, 700))
	s.loadAsync()
	waitIdle(t, e.tasks)
	return s, st, e, a
}

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
	if len(s.categories) != len(cats) || s.categorySettings.list.Length() != len(cats) {
		t.Errorf("%d categories shown, want %d", s.categorySettings.list.Length(), len(cats))
	}
	rooms, _ := st.Rooms(t.Context())
	if n, _ := s.rooms.table.table.Length(); n != len(rooms) || n == 0 {
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

	t.Run("DeskName", func(t *testing.T) {
		if got := deskName(a.Preferences()); got != defaultDeskName() || got == "" {
			t.Errorf("desk name at first = %q, want the machine's %q", got, defaultDeskName())
		}
		test.Type(s.desk, "Accueil 3")
		if got := a.Preferences().String(prefDeskName); got != "Accueil 3" {
			t.Errorf("preference %q = %q", prefDeskName, got)
		}
		if got := deskName(a.Preferences()); got != "Accueil 3" {
			t.Errorf("desk name = %q", got)
		}
		s.desk.SetText("  ")
		if got := deskName(a.Preferences()); got != defaultDeskName() {
			t.Errorf("desk name left empty = %q, want the machine's", got)
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

func TestCongressSettings(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	c := s.congress
	ctx := context.Background()
	before, _ := st.Congress(ctx)

	t.Run("EditPersists", func(t *testing.T) {
		c.name.SetText("")
		test.Type(c.name, "Congrès de Roubaix")
		c.edition.SetText("20e congrès")
		// Typed in the locale's format, as the calendar writes it (the New
		// dialog's too), not YYYY-MM-DD.
		day := time.Date(2021, 11, 27, 0, 0, 0, 0, time.UTC)
		c.newDay.setDate(&day)
		typed := c.newDay.Text
		c.newDay.setDate(nil)
		test.Type(c.newDay, typed)
		c.onAddDayTapped()
		logo := pngLogo(t)
		c.logo.set(logo)
		test.Tap(c.save)
		waitIdle(t, e.tasks)
		got, _ := st.Congress(ctx)
		wantDays := append(slices.Clone(before.Days), "2021-11-27")
		if got.Name != "Congrès de Roubaix" || got.Edition != "20e congrès" || got.City != before.City ||
			!slices.Equal(got.Days, wantDays) || !bytes.Equal(got.Logo, logo) {
			t.Errorf("saved %q %q %q %v (logo %d bytes)", got.Name, got.Edition, got.City, got.Days, len(got.Logo))
		}
		if c.status.Text != "Saved." || e.win.Title() != "Congrès — Congrès de Roubaix" {
			t.Errorf("status %q, title %q", c.status.Text, e.win.Title())
		}
	})

	t.Run("BadDay", func(t *testing.T) {
		c.newDay.SetText("2021-13-45")
		c.onAddDayTapped()
		if got := c.errs.text("days"); !strings.Contains(got, "is not a date") {
			t.Errorf("under the days: %q", got)
		}
	})

	t.Run("DayInUse", func(t *testing.T) {
		c.onRemoveDayTapped(before.Days[0]) // sessions are planned on it
		test.Tap(c.save)
		waitIdle(t, e.tasks)
		want := "Thursday 25 November 2021 cannot be removed: sessions are planned on that day."
		if got := c.errs.text("days"); got != want {
			t.Errorf("under the days: %q, want %q", got, want)
		}
		if got, _ := st.Congress(ctx); !slices.Contains(got.Days, before.Days[0]) {
			t.Error("the day was removed")
		}
	})

	t.Run("LogoInvalid", func(t *testing.T) {
		c.loadAsync()
		waitIdle(t, e.tasks)
		c.logo.set([]byte("GIF89a, not what a badge needs"))
		test.Tap(c.save)
		waitIdle(t, e.tasks)
		if got := c.errs.text("logo"); got != data.ErrLogoInvalid.Message("en") {
			t.Errorf("under the logo: %q", got)
		}
		test.Tap(c.logo.remove)
		test.Tap(c.save)
		waitIdle(t, e.tasks)
		if got, _ := st.Congress(ctx); len(got.Logo) != 0 {
			t.Error("the logo was not removed")
		}
	})

	t.Run("NameRequired", func(t *testing.T) {
		c.name.SetText(" ")
		test.Tap(c.save)
		waitIdle(t, e.tasks)
		if got := c.errs.text("name"); got != "The name is required." {
			t.Errorf("under the name: %q", got)
		}
		if got, _ := st.Congress(ctx); got.Name != "Congrès de Roubaix" {
			t.Errorf("name saved: %q", got.Name)
		}
	})

	t.Run("Renders", func(t *testing.T) {
		c.loadAsync()
		waitIdle(t, e.tasks)
		test.AssertRendersToMarkup(t, "settings_congress.xml", e.win.Canvas())
	})
}

// pngLogo is a small PNG image.
func pngLogo(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 8, 4))
	for x := range 8 {
		img.Set(x, x%4, color.NRGBA{R: 0xC0, A: 0xFF})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCategorySettings(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	cs := s.categorySettings
	ctx := context.Background()
	before, _ := st.Categories(ctx)

	t.Run("RenameRecolourPersists", func(t *testing.T) {
		cs.onCategorySelected(1)
		f := cs.form
		if f.name.Text != before[1].Name || f.colour != before[1].Colour {
			t.Fatalf("the form shows %q %s, want %q %s", f.name.Text, f.colour, before[1].Name, before[1].Colour)
		}
		f.name.SetText("")
		test.Type(f.name, "Partenaire")
		f.badge.SetText("PARTENAIRE ESS")
		f.setColour(color.NRGBA{R: 0x12, G: 0x34, B: 0x56, A: 0xFF})
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		got, _ := st.Categories(ctx)
		if got[1].ID != before[1].ID || got[1].Name != "Partenaire" || got[1].BadgeLabel != "PARTENAIRE ESS" || got[1].Colour != "#123456" {
			t.Errorf("saved %+v", got[1])
		}
		if s.categories[1].Name != "Partenaire" {
			t.Errorf("the list shows %q", s.categories[1].Name)
		}
	})

	t.Run("ReorderPersists", func(t *testing.T) {
		cs.onMoveTapped(0, +1)
		waitIdle(t, e.tasks)
		got, _ := st.Categories(ctx)
		if got[0].ID != before[1].ID || got[1].ID != before[0].ID || got[2].ID != before[2].ID {
			t.Errorf("order after moving the first down: %d %d %d", got[0].ID, got[1].ID, got[2].ID)
		}
		if s.categories[0].ID != before[1].ID {
			t.Error("the list is not in the new order")
		}
		cs.onMoveTapped(2, -1)
		waitIdle(t, e.tasks)
		if got, _ := st.Categories(ctx); got[1].ID != before[2].ID || got[2].ID != before[0].ID {
			t.Errorf("order after moving the third up: %d %d %d", got[0].ID, got[1].ID, got[2].ID)
		}
	})

	t.Run("AddAndNameTaken", func(t *testing.T) {
		cs.onAddTapped()
		test.Type(cs.form.name, "Presse")
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		if got := cs.form.errs.text("name"); !strings.Contains(got, "already exists") {
			t.Errorf("under the name: %q", got)
		}
		cs.form.name.SetText("Sponsor")
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		got, _ := st.Categories(ctx)
		last := got[len(got)-1]
		if len(got) != len(before)+1 || last.Name != "Sponsor" || last.BadgeLabel != "SPONSOR" {
			t.Errorf("added %+v", last)
		}
		// Its colour is one no other category has.
		for _, c := range got[:len(got)-1] {
			if strings.EqualFold(c.Colour, last.Colour) {
				t.Errorf("the new category has %s's colour %s", c.Name, c.Colour)
			}
		}
	})

	t.Run("DeleteInUseRefused", func(t *testing.T) {
		cats, _ := st.Categories(ctx)
		cs.onDeleteTapped(cats[0])
		tapDialogButton(t, e.win.Canvas(), "Yes")
		waitIdle(t, e.tasks)
		assertDialogSays(t, e.win, "Cannot delete")
		if got, _ := st.Categories(ctx); len(got) != len(cats) {
			t.Error("a category in use was deleted")
		}
	})

	t.Run("DeleteUnused", func(t *testing.T) {
		cats, _ := st.Categories(ctx)
		cs.onDeleteTapped(cats[len(cats)-1]) // Sponsor: nobody in it
		tapDialogButton(t, e.win.Canvas(), "Yes")
		waitIdle(t, e.tasks)
		if got, _ := st.Categories(ctx); len(got) != len(cats)-1 {
			t.Error("the unused category was not deleted")
		}
	})

	t.Run("Renders", func(t *testing.T) {
		for e.win.Canvas().Overlays().Top() != nil {
			e.win.Canvas().Overlays().Remove(e.win.Canvas().Overlays().Top())
		}
		cs.loadAsync()
		waitIdle(t, e.tasks)
		tabs := e.win.Content().(interface{ SelectIndex(int) })
		tabs.SelectIndex(1)
		test.AssertRendersToMarkup(t, "settings_categories.xml", e.win.Canvas())
	})
}

func TestRoomSettings(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	rs := s.rooms
	ctx := context.Background()
	before, _ := st.Rooms(ctx)

	t.Run("AddPersists", func(t *testing.T) {
		rs.onAddTapped()
		test.Type(rs.form.name, "Salle Lille")
		test.Type(rs.form.capacity, "25")
		test.Type(rs.form.location, "2e étage")
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		got, _ := st.Rooms(ctx)
		i := slices.IndexFunc(got, func(r data.Room) bool { return r.Name == "Salle Lille" })
		if len(got) != len(before)+1 || i < 0 || got[i].Capacity != 25 || got[i].Location != "2e étage" {
			t.Fatalf("rooms after adding: %+v", got)
		}
		if n, _ := rs.table.table.Length(); n != len(got) {
			t.Errorf("the table shows %d rooms, want %d", n, len(got))
		}
	})

	t.Run("NameTaken", func(t *testing.T) {
		rs.onAddTapped()
		test.Type(rs.form.name, before[0].Name)
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		if got := rs.form.errs.text("name"); !strings.Contains(got, "already exists") {
			t.Errorf("under the name: %q", got)
		}
		rs.form.dialog.dialog.Hide()
	})

	t.Run("CapacityNotANumber", func(t *testing.T) {
		rs.onAddTapped()
		test.Type(rs.form.name, "Salle Douai")
		test.Type(rs.form.capacity, "beaucoup")
		tapDialogButton(t, e.win.Canvas(), "Save")
		waitIdle(t, e.tasks)
		if got := rs.form.errs.text("capacity"); got == "" {
			t.Error("nothing said under the capacity")
		}
		rs.form.dialog.dialog.Hide()
	})

	t.Run("DeleteInUseRefused", func(t *testing.T) {
		rooms, _ := st.Rooms(ctx)
		i := slices.IndexFunc(rooms, func(r data.Room) bool { return r.Name == "Grand Auditorium" })
		rs.onRowSelected(tableCell(i))
		tapDialogButton(t, e.win.Canvas(), "Delete…")
		tapDialogButton(t, e.win.Canvas(), "Yes")
		waitIdle(t, e.tasks)
		if got := rs.form.errs.text(""); !strings.Contains(got, "Cannot delete") {
			t.Errorf("the form says %q", got)
		}
		if got, _ := st.Rooms(ctx); len(got) != len(rooms) {
			t.Error("a room in use was deleted")
		}
		rs.form.dialog.dialog.Hide()
	})
}
