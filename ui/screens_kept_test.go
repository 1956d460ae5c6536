package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"congres/data"
)

// The screens keep what they show while the file is as it was, and read it
// again at the next visit once it changed (issue 19: 300 ms per screen at
// 50,000 participants).

// addPerson writes a new confirmed participant in st: a write, as the desk
// or the participants screen makes.
func addPerson(t *testing.T, st *data.Store, last string) data.Participant {
	t.Helper()
	ctx := context.Background()
	cats, err := st.Categories(ctx)
	if err != nil || len(cats) == 0 {
		t.Fatal(cats, err)
	}
	c, err := st.Congress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := data.Participant{FirstName: "Aude", LastName: last, CategoryID: cats[0].ID, Status: data.StatusConfirmed,
		Days: c.Days[:1]}
	if err := st.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadgesPreviewKeptUntilWrite: a visit to the exports screen with the
// file unchanged keeps the preview drawn and the count; a new person is
// counted at the next visit, with a preview drawn again.
func TestBadgesPreviewKeptUntilWrite(t *testing.T) {
	st, e, b, _ := newBadgeExportTest(t, 40, data.ParticipantQuery{})
	all := storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true})
	want := countLine(len(all), (len(all)+9)/10)
	if b.count.Text != want || b.preview.Image == nil {
		t.Fatalf("first visit: %q, want %q", b.count.Text, want)
	}
	drawn := b.preview.Image
	b.refreshAsync() // the next visit
	waitIdle(t, e.tasks)
	if b.count.Text != want || b.preview.Image != drawn {
		t.Errorf("file unchanged: %q (want %q), drawn again: %t", b.count.Text, want, b.preview.Image != drawn)
	}
	addPerson(t, st, "Aaron")
	b.refreshAsync()
	select { // the first update: no count of the file as it was, meanwhile
	case update := <-e.tasks.queue:
		update()
	case <-time.After(10 * time.Second):
		t.Fatal("nothing shown while counting")
	}
	if b.count.Text != "…" || !b.print.Disabled() || !b.save.Disabled() {
		t.Errorf("while counting again: %q, print enabled: %t", b.count.Text, !b.print.Disabled())
	}
	waitIdle(t, e.tasks)
	if want := countLine(len(all)+1, (len(all)+1+9)/10); b.count.Text != want {
		t.Errorf("after a new person: %q, want %q", b.count.Text, want)
	}
	if b.preview.Image == drawn || b.preview.Image == nil {
		t.Error("after a new person (first by name): the preview was not drawn again")
	}
}

// TestExportsTabsKeptUntilWrite: a visit with the file unchanged leaves the
// tabs as they were read; an arrival is counted in the certificates at
// the next visit.
func TestExportsTabsKeptUntilWrite(t *testing.T) {
	a := test.NewTempApp(t)
	st := mustOpen(t, demoFile(t, 40))
	e := newTestEnv(t)
	prefs := a.Preferences()
	s := newExportsScreen(e, st, prefs, newBadgePrinter(e, st, prefs), func() data.ParticipantQuery { return data.ParticipantQuery{} })
	e.win.SetContent(s.build())
	e.win.Resize(fyne.NewSize(1100, 760))
	s.loadAsync()
	waitIdle(t, e.tasks)
	arrived := len(storeIDs(t, st, data.ParticipantQuery{CheckedIn: data.Yes}))
	if s.certificates.arrived != arrived || len(s.signIn.session.Options) == 0 {
		t.Fatalf("first visit: %d arrived (want %d), %d sessions", s.certificates.arrived, arrived, len(s.signIn.session.Options))
	}
	options := s.signIn.session.Options
	s.loadAsync() // the next visit
	waitIdle(t, e.tasks)
	if &s.signIn.session.Options[0] != &options[0] {
		t.Error("file unchanged: the sessions were read and set again")
	}
	p := addPerson(t, st, "Zeller")
	c, _ := st.Congress(context.Background())
	if _, err := st.CheckIn(context.Background(), p.ID, c.Days[0], 0, "desk"); err != nil {
		t.Fatal(err)
	}
	s.loadAsync()
	for s.certificates.count.Text != "…" { // the file changed: counted again, nothing shown meanwhile
		select {
		case update := <-e.tasks.queue:
			update()
		case <-time.After(10 * time.Second):
			t.Fatalf("the certificates' count %q stayed while counted again", s.certificates.count.Text)
		}
	}
	if !s.certificates.save.Disabled() {
		t.Error("certificates can be saved while counted again")
	}
	waitIdle(t, e.tasks)
	if s.certificates.arrived != arrived+1 {
		t.Errorf("after an arrival: %d arrived, want %d", s.certificates.arrived, arrived+1)
	}
	if want := countLine(len(storeIDs(t, st, data.ParticipantQuery{SkipCancelled: true})), 4); !strings.HasPrefix(s.badges.count.Text, strings.Split(want, ",")[0]) {
		t.Errorf("badges after a new person: %q", s.badges.count.Text)
	}
}

// TestDeskCountsAfterWriteAtNextVisit: the desk's counters, kept while the
// file is unchanged, count a new person expected and another desk's
// arrival at the next visit.
func TestDeskCountsAfterWriteAtNextVisit(t *testing.T) {
	f, _, _ := newScanFixture(t, 40)
	ctx := context.Background()
	counted := func() (arrived, expected int) {
		for _, n := range f.s.counts.last {
			arrived, expected = arrived+n.Arrived, expected+n.Expected
		}
		return arrived, expected
	}
	arrived, expected := counted()
	if expected == 0 {
		t.Fatal("no one expected")
	}
	f.s.loadAsync() // the next visit, the file unchanged
	waitIdle(t, f.e.tasks)
	if a, e := counted(); a != arrived || e != expected {
		t.Fatalf("file unchanged: %d of %d, want %d of %d", a, e, arrived, expected)
	}
	cats, _ := f.st.Categories(ctx)
	p := data.Participant{FirstName: "Aude", LastName: "Zeller", CategoryID: cats[0].ID, Status: data.StatusConfirmed,
		Days: []data.Day{deskDay}}
	if err := f.st.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.CheckIn(ctx, p.ID, deskDay, 0, "Desk 1"); err != nil { // another desk
		t.Fatal(err)
	}
	f.s.loadAsync()
	waitIdle(t, f.e.tasks)
	if a, e := counted(); a != arrived+1 || e != expected+1 {
		t.Errorf("after a new person checked in at another desk: %d of %d, want %d of %d", a, e, arrived+1, expected+1)
	}
	want := lang.L("Checked in: {{.Arrived}} of {{.Expected}} expected", map[string]any{"Arrived": arrived + 1, "Expected": expected + 1})
	if f.s.counts.total.Text != want {
		t.Errorf("counters say %q, want %q", f.s.counts.total.Text, want)
	}
}

// TestStandsKeptUntilWrite: a visit with the file unchanged keeps the
// stands shown; a stand renamed is shown at the next visit.
func TestStandsKeptUntilWrite(t *testing.T) {
	s, st, e := newTestStands(t, 60)
	rows := s.table.rows
	s.loadAsync() // the next visit, the file unchanged
	waitIdle(t, e.tasks)
	if len(s.table.rows) == 0 || &s.table.rows[0] != &rows[0] {
		t.Error("file unchanged: the stands were read and shown again")
	}
	stand := s.stands[0]
	stand.Name = "Coopérative du Pévèle"
	if err := st.SaveStand(context.Background(), &stand); err != nil {
		t.Fatal(err)
	}
	s.loadAsync()
	for s.count.Text != "…" { // the file changed: read again, no count shown meanwhile
		select {
		case update := <-e.tasks.queue:
			update()
		case <-time.After(10 * time.Second):
			t.Fatalf("the count %q stayed while the stands were read again", s.count.Text)
		}
	}
	waitIdle(t, e.tasks)
	if s.count.Text != "39 stands" {
		t.Errorf("count %q once read", s.count.Text)
	}
	if got := s.table.rows[0][1]; got != stand.Name {
		t.Errorf("after a rename: first stand %q, want %q", got, stand.Name)
	}
}

// TestSettingsLogoKeptUntilWrite: a visit with the congress unchanged
// keeps its logo as drawn; a new name and a new logo written meanwhile are
// shown at the next visit.
func TestSettingsLogoKeptUntilWrite(t *testing.T) {
	s, st, e, _ := newTestSettings(t)
	ctx := context.Background()
	logo := func(r uint8) []byte {
		img := image.NewNRGBA(image.Rect(0, 0, 60, 20))
		for x := range 60 {
			img.SetNRGBA(x, x%20, color.NRGBA{R: r, A: 0xFF})
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	c, err := st.Congress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.Logo = logo(0xC0)
	if err := st.UpdateCongress(ctx, &c); err != nil {
		t.Fatal(err)
	}
	s.loadAsync()
	waitIdle(t, e.tasks)
	drawn := s.congress.logo.image.Resource
	if drawn == nil || !bytes.Equal(s.congress.logo.data, c.Logo) {
		t.Fatal("the logo written is not shown")
	}
	s.loadAsync() // the next visit, the file unchanged
	waitIdle(t, e.tasks)
	if s.congress.logo.image.Resource != drawn {
		t.Error("file unchanged: the logo was decoded and drawn again")
	}
	c.Name, c.Logo = "Congrès des Hauts-de-France", logo(0x40)
	if err := st.UpdateCongress(ctx, &c); err != nil {
		t.Fatal(err)
	}
	s.loadAsync()
	waitIdle(t, e.tasks)
	if s.congress.name.Text != c.Name || !bytes.Equal(s.congress.logo.data, c.Logo) || s.congress.logo.image.Resource == drawn {
		t.Errorf("after a write: name %q, logo the new one: %t", s.congress.name.Text, bytes.Equal(s.congress.logo.data, c.Logo))
	}
}
