package data

import (
	"path/filepath"
	"testing"
)

func TestDemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo"+Extension)
	if err := WriteDemo(ctx, path, DemoOptions{}); err != nil {
		t.Fatal(err)
	}
	wantErr(t, WriteDemo(ctx, path, DemoOptions{}), ErrFileExists)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Registered+st.Cancelled != 530 || st.Cancelled == 0 {
		t.Fatalf("%d registered, %d cancelled", st.Registered, st.Cancelled)
	}
	byName := map[string]int{}
	for _, c := range st.ByCategory {
		byName[c.Category.Name] = c.Registered + c.Cancelled
	}
	for name, want := range map[string]int{"Partenaire ESS": 72, "Élu·e": 28, "Institutionnel·le": 35} {
		if byName[name] != want {
			t.Errorf("%s: %d, want %d", name, byName[name], want)
		}
	}
	var plenaries, workshops, waiting int
	for _, f := range st.Sessions {
		switch f.Session.Kind {
		case KindPlenary:
			plenaries++
		case KindWorkshop:
			workshops++
			waiting += f.Session.Waitlisted
			if f.Session.Enrolled > f.Session.EffectiveCapacity {
				t.Errorf("%s over capacity", f.Session.Title)
			}
		}
	}
	if plenaries != 4 || workshops != 18 || waiting == 0 {
		t.Fatalf("%d plenaries, %d workshops, %d waiting", plenaries, workshops, waiting)
	}
	stands, _ := s.Stands(ctx)
	zones := map[string]int{}
	for _, st := range stands {
		zones[st.Zone]++
	}
	if len(stands) != 39 || len(zones) != 3 {
		t.Fatalf("%d stands in %d zones", len(stands), len(zones))
	}
	regions := map[string]bool{}
	rows, _ := s.ListParticipants(ctx, ParticipantQuery{})
	for _, r := range rows {
		regions[r.Region] = true
	}
	if len(regions) != 13 {
		t.Errorf("%d regions, want 13", len(regions))
	}
	found, _ := s.SearchParticipants(ctx, "eric bea", 5)
	if len(found) == 0 || found[0].FirstName != "Éric" || found[0].LastName != "Béasse" {
		t.Errorf("Éric Béasse not found first: %+v", found)
	}
	// The file checks out, and no two speakers are anywhere at once.
	var check string
	if err := s.r.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatal(check, err)
	}

	t.Run("Deterministic", func(t *testing.T) {
		again := filepath.Join(t.TempDir(), "again"+Extension)
		if err := WriteDemo(ctx, again, DemoOptions{}); err != nil {
			t.Fatal(err)
		}
		s2, err := Open(ctx, again)
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		rows2, _ := s2.ListParticipants(ctx, ParticipantQuery{})
		if len(rows2) != len(rows) {
			t.Fatal("different sizes")
		}
		for i := range rows {
			if rows[i].Code != rows2[i].Code || rows[i].LastName != rows2[i].LastName || rows[i].Email != rows2[i].Email {
				t.Fatalf("row %d differs: %+v vs %+v", i, rows[i], rows2[i])
			}
		}
	})
}
