package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"congres/data"
)

// ptOpenNewForm opens the form for a new participant and returns its dialog.
func ptOpenNewForm(t *testing.T, e *env, s *participantsScreen) (*participantForm, *widget.PopUp) {
	t.Helper()
	s.newParticipant()
	top := ptTopDialog(t, e, "First name")
	return s.form, top.(*widget.PopUp)
}

func TestParticipantFormCreate(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	cats, err := st.Categories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f, top := ptOpenNewForm(t, e, s)
	test.Type(f.firstName, "Zoé")
	test.Type(f.lastName, "Quintard")
	test.Type(f.email, "Zoe.Quintard@example.org")
	test.Type(f.phone, "06 12 34 56 78")
	test.Type(f.organisation, "Coopérative du Nord")
	test.Type(f.jobTitle, "Chargée de mission")
	f.category.SetSelected(cats[2].Name)
	f.status.SetSelected("Confirmed")
	test.Type(f.region, "Hauts-de-France")
	f.dayChecks.SetSelected(f.dayChecks.Options[1:])
	test.Type(f.fee, "180,50")
	test.Tap(f.paid)
	test.Type(f.diet, "Végétarien")
	test.Tap(f.consent)
	test.Type(f.notes, "Arrive par le train de 9 h")
	ptTap(t, top, "Save")
	waitIdle(t, e.tasks)

	ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "quintard"})
	if len(ids) != 1 {
		t.Fatalf("the store has %d Quintard, want 1", len(ids))
	}
	p, err := st.Participant(context.Background(), ids[0])
	if err != nil {
		t.Fatal(err)
	}
	c, _ := st.Congress(context.Background())
	if p.FirstName != "Zoé" || p.Email != "zoe.quintard@example.org" || p.Phone != "06 12 34 56 78" ||
		p.Organisation != "Coopérative du Nord" || p.JobTitle != "Chargée de mission" || p.CategoryID != cats[2].ID ||
		p.Status != data.StatusConfirmed || p.Region != "Hauts-de-France" || !slices.Equal(p.Days, c.Days[1:]) ||
		p.FeeCents != 18050 || !p.Paid || p.Diet != "Végétarien" || !p.ImageConsent || p.Notes != "Arrive par le train de 9 h" || p.Code == "" {
		t.Errorf("saved %+v", p)
	}
	if e.win.Canvas().Overlays().Top() != nil {
		t.Errorf("the form is still open")
	}
	if s.count.Text != "61 participants" || s.detail.id != p.ID || s.detail.name.Text != "Zoé Quintard" {
		t.Errorf("after saving: %q, detail of %d (%q)", s.count.Text, s.detail.id, s.detail.name.Text)
	}
}

func TestParticipantFormEdit(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	id := s.table.rows.ids[4]
	s.table.table.Select(widget.TableCellID{Row: 4, Col: pcolName})
	waitIdle(t, e.tasks)
	ptTap(t, s.detail.content, "Edit…")
	top := ptTopDialog(t, e, "First name")
	f := s.form
	if f.p.ID != id || f.lastName.Text == "" {
		t.Fatalf("the form edits %d (%q), want %d", f.p.ID, f.lastName.Text, id)
	}
	before, _ := st.Participant(context.Background(), id)
	f.lastName.SetText("Vandenberghe")
	f.fee.SetText("95")
	ptTap(t, top, "Save")
	waitIdle(t, e.tasks)

	p, err := st.Participant(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if p.LastName != "Vandenberghe" || p.FeeCents != 9500 || p.FirstName != before.FirstName || p.Code != before.Code ||
		p.Email != before.Email || p.CategoryID != before.CategoryID || !slices.Equal(p.Days, before.Days) {
		t.Errorf("after editing: %+v\nbefore: %+v", p, before)
	}
	if s.detail.name.Text != p.FullName() {
		t.Errorf("the detail shows %q", s.detail.name.Text)
	}
}

func TestParticipantFormInvalid(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	f, top := ptOpenNewForm(t, e, s)
	test.Type(f.firstName, "Léon")
	test.Type(f.lastName, "Marchal")
	test.Type(f.email, "leon.marchal-at-example.org")
	ptTap(t, top, "Save")
	waitIdle(t, e.tasks)

	t.Run("BadEmail", func(t *testing.T) {
		want := "This is not a valid email address: write it as name@example.org."
		if msg := f.errs["email"]; !msg.Visible() || msg.Text != want {
			t.Fatalf("under the email: %q (visible %v), want %q", msg.Text, msg.Visible(), want)
		}
		for name, msg := range f.errs {
			if name != "email" && msg.Visible() {
				t.Errorf("a message under %s: %q", name, msg.Text)
			}
		}
		if e.win.Canvas().Overlays().Top() != top || !top.Visible() {
			t.Errorf("the form closed")
		}
		if e.win.Canvas().Focused() != f.email {
			t.Errorf("the email field does not have the focus")
		}
		if n := len(ptStoreIDs(t, st, data.ParticipantQuery{})); n != 60 {
			t.Errorf("the store has %d participants, want 60", n)
		}
	})

	t.Run("Rendering", func(t *testing.T) {
		test.AssertRendersToMarkup(t, "participants/form_bad_email.xml", e.win.Canvas())
	})

	t.Run("BadFee", func(t *testing.T) {
		f.email.SetText("leon.marchal@example.org")
		f.fee.SetText("12 dollars") // "12 euros" is an amount (data.ParseEuros)
		ptTap(t, top, "Save")
		waitIdle(t, e.tasks)
		if msg := f.errs["fee"]; !msg.Visible() || f.errs["email"].Visible() {
			t.Fatalf("under the fee: %q; under the email: %q", msg.Text, f.errs["email"].Text)
		}
		if n := len(ptStoreIDs(t, st, data.ParticipantQuery{})); n != 60 {
			t.Errorf("the store has %d participants, want 60", n)
		}
	})

	t.Run("NoLastName", func(t *testing.T) {
		f.fee.SetText("")
		f.lastName.SetText("  ")
		ptTap(t, top, "Save")
		waitIdle(t, e.tasks)
		if msg := f.errs["last_name"]; !msg.Visible() || msg.Text != "The last name is required." {
			t.Fatalf("under the last name: %q", msg.Text)
		}
	})

	t.Run("CodeTaken", func(t *testing.T) {
		f.lastName.SetText("Marchal")
		line, _ := s.table.rows.row(0)
		other, _ := st.Participant(context.Background(), line.id)
		f.code.SetText(other.Code)
		ptTap(t, top, "Save")
		waitIdle(t, e.tasks)
		if msg := f.errs["code"]; !msg.Visible() || msg.Text != "This code is already used by someone else." {
			t.Fatalf("under the code: %q", msg.Text)
		}
		if !top.Visible() {
			t.Errorf("the form closed")
		}
	})

	t.Run("FixedThenSaved", func(t *testing.T) {
		f.code.SetText("")
		ptTap(t, top, "Save")
		waitIdle(t, e.tasks)
		if ids := ptStoreIDs(t, st, data.ParticipantQuery{Search: "leon.marchal@example.org"}); len(ids) != 1 {
			t.Fatalf("the store has %d Léon Marchal, want 1", len(ids))
		}
	})
}

func TestFeeCentsText(t *testing.T) {
	if got := feeCentsText(18050); got != "180.50" {
		t.Errorf("feeCentsText(18050) = %q", got)
	}
}

// ptDuplicateWarning waits for the form to come back with the warning, and
// returns the labels it shows.
func ptDuplicateWarning(t *testing.T, e *env, f *participantForm) string {
	t.Helper()
	ptTopDialog(t, e, "Already registered")
	if !f.dups.box.Visible() {
		t.Fatal("the warning is hidden")
	}
	var text []string
	for _, l := range ptFind[*widget.Label](f.dups.box) {
		text = append(text, l.Text)
	}
	return strings.Join(text, "\n")
}

func TestParticipantFormWarnsOfDuplicate(t *testing.T) {
	st, e, s := newParticipantsTest(t, 60)
	ctx := context.Background()
	all := len(ptStoreIDs(t, st, data.ParticipantQuery{}))
	var existing data.Participant
	for _, id := range s.table.rows.ids {
		if p, _ := st.Participant(ctx, id); p.Organisation != "" && p.Email != "" {
			existing = p
			break
		}
	}
	if existing.ID == 0 {
		t.Fatal("no one with an organisation and an email")
	}

	t.Run("SameNameAndOrganisationSavedAnyway", func(t *testing.T) {
		f, top := ptOpenNewForm(t, e, s)
		test.Type(f.firstName, strings.ToUpper(data.Fold(existing.FirstName)))
		test.Type(f.lastName, data.Fold(existing.LastName))
		test.Type(f.organisation, strings.ToUpper(existing.Organisation))
		ptTap(t, top, "Save")
		waitIdle(t, e.tasks)
		text := ptDuplicateWarning(t, e, f)
		if !strings.Contains(text, existing.FullName()+" ("+existing.Code+")") || !strings.Contains(text, "same name and organisation") {
			t.Errorf("the warning says %q", text)
		}
		ptFindButton(t, f.dups.box, "Open "+existing.FullName())
		if n := len(ptStoreIDs(t, st, data.ParticipantQuery{})); n != all {
			t.Fatalf("%d participants before the organiser confirmed, want %d", n, all)
		}
		ptTap(t, top, "Save anyway")
		waitIdle(t, e.tasks)
		if n := len(ptStoreIDs(t, st, data.ParticipantQuery{})); n != all+1 {
			t.Fatalf("%d participants after Save anyway, want %d", n, all+1)
		}
		if e.win.Canvas().Overlays().Top() != nil {
			t.Error("the form is still open")
		}
		all++
	})

	t.Run("SameEmailOpened", func(t *testing.T) {
		f, top := ptOpenNewForm(t, e, s)
		test.Type(f.firstName, "Zoé")
		test.Type(f.lastName, "Quintard")
		test.Type(f.email, strings.ToUpper(existing.Email))
		ptTap(t, top, "Save")
		waitIdle(t, e.tasks)
		if text := ptDuplicateWarning(t, e, f); !strings.Contains(text, "same email") {
			t.Errorf("the warning says %q", text)
		}
		test.Tap(ptFindButton(t, f.dups.box, "Open "+existing.FullName()))
		waitIdle(t, e.tasks)
		if e.win.Canvas().Overlays().Top() != nil {
			t.Error("the form is still open")
		}
		if n := len(ptStoreIDs(t, st, data.ParticipantQuery{})); n != all {
			t.Fatalf("%d participants, want %d: opening the one registered saved the form", n, all)
		}
		if s.detail.id != existing.ID {
			t.Errorf("the detail shows %d, want %d", s.detail.id, existing.ID)
		}
	})

	t.Run("EditToAnotherEmail", func(t *testing.T) {
		var other int64 // someone who has no duplicate yet
		for _, id := range s.table.rows.ids {
			p, _ := st.Participant(ctx, id)
			if dups, _ := st.PossibleDuplicates(ctx, p); len(dups) == 0 && id != existing.ID {
				other = id
				break
			}
		}
		s.openFormAsync(other)
		top := ptTopDialog(t, e, "First name")
		f := s.form
		before, _ := st.Participant(ctx, other)
		f.email.SetText(existing.Email)
		ptTap(t, top, "Save")
		waitIdle(t, e.tasks)
		ptDuplicateWarning(t, e, f)
		if p, _ := st.Participant(ctx, other); p.Email != before.Email {
			t.Fatalf("saved before the organiser confirmed: %q", p.Email)
		}
		ptTap(t, top, "Cancel")
	})
}

// ptFindButton returns the button of that text in o.
func ptFindButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, b := range ptFind[*widget.Button](o) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
