package ui

import (
	"bytes"
	"image"
	"io/fs"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"congres/assets"
)

// menuItem finds the item labelled item in the menu labelled menu of w's
// main menu.
func menuItem(t *testing.T, w fyne.Window, menu, item string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == item {
				return it
			}
		}
	}
	t.Fatalf("no %s → %s in the menu", menu, item)
	return nil
}

// Help → Guide opens the guide in the interface's language: its four
// parts, each with a screenshot that loads (issue 19). Esc closes it.
func TestHelpGuide(t *testing.T) {
	for _, c := range []struct {
		language, help, guide, title string
		parts                        []string
	}{
		{"en", "Help", "Guide", "Congrès — Guide",
			[]string{"First steps", "The desk for volunteers", "Printing badges", "The day after"}},
		{"fr", "Aide", "Guide", "Congrès — Guide",
			[]string{"Premiers pas", "L'accueil pour les bénévoles", "Imprimer les badges", "Le lendemain"}},
	} {
		t.Run(c.language, func(t *testing.T) {
			if err := loadTranslations(c.language); err != nil {
				t.Fatal(err)
			}
			defer loadTranslations("en")
			u := newTestUI(t)
			menuItem(t, u.win, c.help, c.guide).Action()
			if u.guide == nil {
				t.Fatal("Help → Guide opened no window")
			}
			w := u.guide
			if w.Title() != c.title {
				t.Errorf("title %q, want %q", w.Title(), c.title)
			}
			tabs, ok := w.Content().(*container.AppTabs)
			if !ok {
				t.Fatalf("the guide shows %T, not its parts in tabs", w.Content())
			}
			if len(tabs.Items) != len(c.parts) {
				t.Fatalf("%d parts, want %d", len(tabs.Items), len(c.parts))
			}
			for i, item := range tabs.Items {
				if item.Text != c.parts[i] {
					t.Errorf("part %d is %q, want %q", i+1, item.Text, c.parts[i])
				}
				tabs.SelectIndex(i)
				images := 0
				for _, o := range test.LaidOutObjects(item.Content) {
					img, ok := o.(*canvas.Image)
					if !ok || img.Resource == nil {
						continue
					}
					pic, _, err := image.Decode(bytes.NewReader(img.Resource.Content()))
					if err != nil {
						t.Errorf("%s: image %s: %v", item.Text, img.Resource.Name(), err)
						continue
					}
					if pic.Bounds().Dx() < 300 || img.Size().Width < 100 || img.Size().Height < 50 {
						t.Errorf("%s: image %s is %v, shown at %v", item.Text, img.Resource.Name(), pic.Bounds(), img.Size())
					}
					images++
				}
				if images == 0 {
					t.Errorf("%s has no image", item.Text)
				}
			}
			// Opened again, the same window comes forward.
			menuItem(t, u.win, c.help, c.guide).Action()
			if u.guide != w {
				t.Error("a second guide window opened")
			}
			w.Canvas().(test.WindowlessCanvas).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if u.guide != nil {
				t.Error("Esc left the guide open")
			}
		})
	}
}

// The guide is small: its pictures weigh less than 600 KB in the binary.
func TestGuideIsSmall(t *testing.T) {
	var total int64
	err := fs.WalkDir(assets.Guide, "guide", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		total += info.Size()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if total > 600<<10 {
		t.Errorf("the guide weighs %d KB", total>>10)
	}
}
