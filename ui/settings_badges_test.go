package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data"
	"congres/export"
)

// selectLayout chooses a layout by name in the badges tab.
func selectLayout(t *testing.T, e *env, b *badgeSettingsTab, name string) {
	t.Helper()
	for i, l := range b.layouts {
		if l.Name == name {
			b.layout.SetSelectedIndex(i)
			waitIdle(t, e.tasks)
			if b.shown != name {
				t.Fatalf("the form holds %q, want %q", b.shown, name)
			}
			return
		}
	}
	t.Fatalf("no layout %q", name)
}

func TestBadgeSettings(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	b := s.badges
	ctx := context.Background()
	if b.shown != export.Presets()[0].Name || !b.logo.Checked || b.cutMarks.Checked || b.offsetX.Text != "0" {
		t.Fatalf("at first: layout %q, logo %v, cut marks %v, offset %q", b.shown, b.logo.Checked, b.cutMarks.Checked, b.offsetX.Text)
	}

	t.Run("PerLayoutRoundTrip", func(t *testing.T) {
		selectLayout(t, e, b, "a4-90x60")
		b.logo.SetChecked(false)
		b.qr.SetChecked(false)
		b.cutMarks.SetChecked(true)
		b.duplex.SetChecked(true)
		if b.shortEdge.Disabled() {
			t.Error("short edge disabled on a duplex layout")
		}
		b.shortEdge.SetChecked(true)
		b.offsetX.SetText("1,5")
		b.offsetY.SetText("")
		test.Type(b.offsetY, "-2")
		test.Tap(b.save)
		waitIdle(t, e.tasks)
		if b.status.Text != "Saved." {
			t.Fatalf("status %q; errors %q", b.status.Text, b.errs.text(""))
		}
		want := data.DefaultBadgeSettings()
		want.Logo, want.QR, want.CutMarks, want.Duplex, want.ShortEdge = false, false, true, true, true
		want.OffsetX, want.OffsetY = 1.5, -2
		if got, _ := st.BadgeSettings(ctx, "a4-90x60"); got != want {
			t.Errorf("saved %+v, want %+v", got, want)
		}
		if got, _ := st.BadgeSettings(ctx, "a4-85x54"); got != data.DefaultBadgeSettings() {
			t.Errorf("another layout changed: %+v", got)
		}

		selectLayout(t, e, b, "a4-85x54")
		if !b.logo.Checked || b.cutMarks.Checked || b.duplex.Checked || b.offsetX.Text != "0" {
			t.Error("the other layout shows the settings just saved")
		}
		selectLayout(t, e, b, "a4-90x60")
		if b.logo.Checked || !b.cutMarks.Checked || !b.shortEdge.Checked || b.offsetX.Text != "1.5" || b.offsetY.Text != "-2" {
			t.Errorf("read back: logo %v, cut marks %v, offsets %q %q", b.logo.Checked, b.cutMarks.Checked, b.offsetX.Text, b.offsetY.Text)
		}
	})

	t.Run("OffsetOutOfRange", func(t *testing.T) {
		before, _ := st.BadgeSettings(ctx, "a4-90x60")
		b.offsetX.SetText("25")
		b.cutMarks.SetChecked(false)
		test.Tap(b.save)
		waitIdle(t, e.tasks)
		if msg := b.errs.text("offset_x"); !strings.Contains(msg, "between") || !strings.Contains(msg, "20") {
			t.Errorf("message under the offset: %q", msg)
		}
		if b.status.Text != "" {
			t.Errorf("status %q", b.status.Text)
		}
		if got, _ := st.BadgeSettings(ctx, "a4-90x60"); got != before {
			t.Errorf("saved despite the error: %+v", got)
		}
	})

	t.Run("OffsetNotANumber", func(t *testing.T) {
		b.offsetX.SetText("0")
		b.offsetY.SetText("deux")
		test.Tap(b.save)
		waitIdle(t, e.tasks)
		if msg := b.errs.text("offset_y"); !strings.Contains(msg, "millimetres") {
			t.Errorf("message under the offset: %q", msg)
		}
		if b.errs.text("offset_x") != "" {
			t.Errorf("message under the good offset: %q", b.errs.text("offset_x"))
		}
	})

	t.Run("FoldOverHasNoDuplex", func(t *testing.T) {
		selectLayout(t, e, b, "fold-a4-a6")
		if !b.duplex.Disabled() || !b.shortEdge.Disabled() || !b.duplexNote.Visible() {
			t.Error("duplex offered on a fold-over layout")
		}
		selectLayout(t, e, b, "a4-a6")
		if b.duplex.Disabled() || b.duplexNote.Visible() {
			t.Error("duplex not offered on a sheet layout")
		}
	})
}

func TestPrinterSettings(t *testing.T) {
	fake := newFakePrinting(t, true)
	fake.printers = []string{"HP_Accueil", "Brother_QL"}
	s, _, e, a := newTestSettings(t)
	prefs := a.Preferences()
	waitIdle(t, e.tasks)
	if want := []string{"System default", "HP_Accueil", "Brother_QL"}; !slices.Equal(s.printer.Options, want) {
		t.Fatalf("printers offered %q, want %q", s.printer.Options, want)
	}
	if s.printer.SelectedIndex() != 0 || prefs.String(prefPrinter) != "" {
		t.Errorf("at first %q", s.printer.Selected)
	}
	s.printer.SetSelected("Brother_QL")
	if got := prefs.String(prefPrinter); got != "Brother_QL" {
		t.Errorf("printer kept %q", got)
	}
	// A printer gone from the system stays chosen until another is.
	fake.printers = []string{"HP_Accueil"}
	s.loadPrintersAsync()
	waitIdle(t, e.tasks)
	if s.printer.Selected != "Brother_QL" || prefs.String(prefPrinter) != "Brother_QL" {
		t.Errorf("printer gone: %q selected, %q kept", s.printer.Selected, prefs.String(prefPrinter))
	}
	s.printer.SetSelectedIndex(0)
	if got := prefs.String(prefPrinter); got != "" {
		t.Errorf("system default kept as %q", got)
	}

	if badgeLayout(prefs, prefBadgeLayout).Name != defaultBadgeLayout || badgeLayout(prefs, prefBadgeLayoutOne).Name != defaultBadgeLayout {
		t.Error("layouts do not default to " + defaultBadgeLayout)
	}
	for i, l := range export.Presets() {
		if l.Name == "label-62x100" {
			s.oneLayout.SetSelectedIndex(i)
		}
		if l.Name == "a4-a6" {
			s.batchLayout.SetSelectedIndex(i)
		}
	}
	if got := prefs.String(prefBadgeLayoutOne); got != "label-62x100" {
		t.Errorf("layout for one badge kept as %q", got)
	}
	if got := prefs.String(prefBadgeLayout); got != "a4-a6" {
		t.Errorf("layout for batches kept as %q", got)
	}
}
