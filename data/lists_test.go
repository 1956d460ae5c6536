package data_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	. "congres/data"
)

func catererList(tb testing.TB, s *Store) ListPreset {
	tb.Helper()
	return ListPreset{
		Name:    "  Liste traiteur ",
		Columns: []string{"last_name", "first_name", "organisation", "diet", "days"},
		Filter: ParticipantQuery{Search: "lille", CategoryID: category(tb, s, "Presse"), Status: StatusConfirmed, Day: day1,
			Region: "Hauts-de-France", CheckedIn: Yes, BadgePrinted: No, SkipCancelled: true, Sort: SortOrganisation, Desc: true,
			Limit: 10, Offset: 5},
	}
}

func TestListPresets(t *testing.T) {
	t.Run("RoundTrip", func(t *testing.T) {
		s := mustOpen(t)
		p := catererList(t, s)
		if err := s.SaveListPreset(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if p.ID == 0 || p.Name != "Liste traiteur" {
			t.Fatalf("saved as %d %q", p.ID, p.Name)
		}
		want := p
		want.Filter.Limit, want.Filter.Offset = 0, 0 // a list is the whole list
		for _, name := range []string{"Liste traiteur", "LISTE TRAITEUR", " liste  traîteur "} {
			got, err := s.ListPreset(ctx, name)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("%q: got %+v, %v\nwant %+v", name, got, err, want)
			}
		}
		all, err := s.ListPresets(ctx)
		if err != nil || len(all) != 1 || !reflect.DeepEqual(all[0], want) {
			t.Errorf("ListPresets: %+v, %v", all, err)
		}
	})

	t.Run("EveryChoiceOfTheFilter", func(t *testing.T) {
		s := mustOpen(t)
		for i, q := range []ParticipantQuery{
			{},
			{CheckedIn: No, BadgePrinted: Yes, Sort: SortName},
			{Sort: SortCategory}, {Sort: SortStatus}, {Sort: SortCreated, Desc: true}, {Sort: SortRelevance, Search: "x"},
		} {
			p := ListPreset{Name: "Liste " + itoa(i), Columns: []string{"code"}, Filter: q}
			if err := s.SaveListPreset(ctx, &p); err != nil {
				t.Fatal(err)
			}
			if got, err := s.ListPreset(ctx, p.Name); err != nil || got.Filter != q {
				t.Errorf("%d: got %+v, %v; want %+v", i, got.Filter, err, q)
			}
		}
	})

	t.Run("Update", func(t *testing.T) {
		s := mustOpen(t)
		p := catererList(t, s)
		if err := s.SaveListPreset(ctx, &p); err != nil {
			t.Fatal(err)
		}
		id := p.ID
		p.Name, p.Columns, p.Filter = "Liste hôtel", []string{"first_name", "last_name", "days", "accessibility"}, ParticipantQuery{Sort: SortName}
		if err := s.SaveListPreset(ctx, &p); err != nil || p.ID != id {
			t.Fatal(p.ID, err)
		}
		all, err := s.ListPresets(ctx)
		if err != nil || len(all) != 1 || !reflect.DeepEqual(all[0], p) {
			t.Errorf("got %+v, %v; want %+v", all, err, p)
		}
		// Saved under a name differing only by case: itself, not a duplicate.
		p.Name = "LISTE HÔTEL"
		if err := s.SaveListPreset(ctx, &p); err != nil {
			t.Error(err)
		}
	})

	t.Run("ByName", func(t *testing.T) {
		s := mustOpen(t)
		for _, name := range []string{"hôtel", "Badges", "Éditeurs", "caterer"} {
			if err := s.SaveListPreset(ctx, &ListPreset{Name: name, Columns: []string{"code"}}); err != nil {
				t.Fatal(err)
			}
		}
		all, err := s.ListPresets(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range all {
			names = append(names, p.Name)
		}
		if want := []string{"Badges", "caterer", "Éditeurs", "hôtel"}; !slices.Equal(names, want) {
			t.Errorf("got %v, want %v", names, want)
		}
	})

	t.Run("ErrNameTaken", func(t *testing.T) {
		s := mustOpen(t)
		p := catererList(t, s)
		if err := s.SaveListPreset(ctx, &p); err != nil {
			t.Fatal(err)
		}
		other := ListPreset{Name: "Hôtel", Columns: []string{"code"}}
		if err := s.SaveListPreset(ctx, &other); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"liste traiteur", "LISTE TRAÎTEUR", "Liste-traiteur"} {
			t.Run("Create/"+name, func(t *testing.T) {
				dup := ListPreset{Name: name, Columns: []string{"code"}}
				err := s.SaveListPreset(ctx, &dup)
				wantErr(t, err, ErrNameTaken)
				if KindOf(err) != KindConflict || err.(*Error).Field != "name" || !strings.Contains(err.Error(), name) {
					t.Errorf("%v: kind %v, field %q", err, KindOf(err), err.(*Error).Field)
				}
				if dup.ID != 0 {
					t.Errorf("given ID %d", dup.ID)
				}
			})
		}
		t.Run("Rename", func(t *testing.T) {
			other.Name = "liste traiteur"
			wantErr(t, s.SaveListPreset(ctx, &other), ErrNameTaken)
		})
		all, err := s.ListPresets(ctx)
		if err != nil || len(all) != 2 || all[0].Name != "Hôtel" || all[1].Name != "Liste traiteur" {
			t.Errorf("%+v, %v", all, err)
		}
	})

	for _, c := range []struct {
		name  string
		edit  func(p *ListPreset)
		want  *Error
		field string
	}{
		{"ErrRequired/Name", func(p *ListPreset) { p.Name = "   " }, ErrRequired, "name"},
		{"ErrTooLong/Name", func(p *ListPreset) { p.Name = strings.Repeat("a", maxText+1) }, ErrTooLong, "name"},
		{"ErrNoColumns/Nil", func(p *ListPreset) { p.Columns = nil }, ErrNoColumns, "columns"},
		{"ErrNoColumns/Empty", func(p *ListPreset) { p.Columns = []string{} }, ErrNoColumns, "columns"},
		{"ErrColumnUnknown", func(p *ListPreset) { p.Columns = []string{"last_name", "shoe_size"} }, ErrColumnUnknown, "columns"},
		{"ErrColumnUnknown/Label", func(p *ListPreset) { p.Columns = []string{"Last name"} }, ErrColumnUnknown, "columns"},
		{"ErrColumnTwice", func(p *ListPreset) { p.Columns = []string{"diet", "last_name", "diet"} }, ErrColumnTwice, "columns"},
		{"ErrStatusInvalid", func(p *ListPreset) { p.Filter.Status = "maybe" }, ErrStatusInvalid, "status"},
		{"ErrDayInvalid", func(p *ListPreset) { p.Filter.Day = "25/11/2021" }, ErrDayInvalid, "days"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := mustOpen(t)
			p := catererList(t, s)
			c.edit(&p)
			err := s.SaveListPreset(ctx, &p)
			wantErr(t, err, c.want)
			if f := err.(*Error).Field; f != c.field {
				t.Errorf("field %q, want %q", f, c.field)
			}
			if KindOf(err) != KindInvalid {
				t.Errorf("kind %v", KindOf(err))
			}
			if v := p.Validate(); !errors.Is(v, c.want) {
				t.Errorf("Validate: %v", v)
			}
			if all, err := s.ListPresets(ctx); err != nil || len(all) != 0 || p.ID != 0 {
				t.Errorf("something was saved: %+v, %v", all, err)
			}
		})
	}

	t.Run("ErrColumnTwiceNamesTheColumn", func(t *testing.T) {
		p := ListPreset{Name: "x", Columns: []string{"diet", "diet"}}
		var e *Error
		if !errors.As(p.Validate(), &e) || !strings.Contains(e.Message("en"), "Dietary requirement") ||
			!strings.Contains(e.Message("fr"), "Régime alimentaire") {
			t.Errorf("%v", e)
		}
	})

	t.Run("ErrListNotFound", func(t *testing.T) {
		s := mustOpen(t)
		_, err := s.ListPreset(ctx, " hôtel ")
		wantErr(t, err, ErrListNotFound)
		if KindOf(err) != KindNotFound || !strings.Contains(Message(err, "en"), "“hôtel”") || !strings.Contains(Message(err, "fr"), "«hôtel»") {
			t.Errorf("%v: %q", KindOf(err), Message(err, "fr"))
		}
	})

	t.Run("Delete", func(t *testing.T) {
		s := mustOpen(t)
		p := catererList(t, s)
		keep := ListPreset{Name: "Hôtel", Columns: []string{"code"}}
		for _, q := range []*ListPreset{&p, &keep} {
			if err := s.SaveListPreset(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.DeleteListPreset(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ListPreset(ctx, p.Name); !errors.Is(err, ErrListNotFound) {
			t.Errorf("still there: %v", err)
		}
		if all, err := s.ListPresets(ctx); err != nil || len(all) != 1 || all[0].ID != keep.ID {
			t.Errorf("%+v, %v", all, err)
		}
		wantErr(t, s.DeleteListPreset(ctx, p.ID), ErrNotFound)
		// The name is free again.
		p.ID = 0
		if err := s.SaveListPreset(ctx, &p); err != nil {
			t.Error(err)
		}
	})

	t.Run("ErrNotFound/Update", func(t *testing.T) {
		s := mustOpen(t)
		p := ListPreset{ID: 42, Name: "Hôtel", Columns: []string{"code"}}
		wantErr(t, s.SaveListPreset(ctx, &p), ErrNotFound)
	})

	t.Run("KeepsKeysOfNewerVersion", func(t *testing.T) {
		s := mustOpen(t)
		if err := s.ExecForTest(ctx, `INSERT INTO list_preset (name, name_key, columns, filter)
			VALUES ('Hôtel', 'hotel', '["last_name"]', '{"sort":"shoe_size","checked_in":"yes","organisation_id":7}')`); err != nil {
			t.Fatal(err)
		}
		p, err := s.ListPreset(ctx, "hotel")
		if err != nil {
			t.Fatal(err)
		}
		// An unknown sort takes the default; a missing key, its default.
		if want := (ParticipantQuery{CheckedIn: Yes}); p.Filter != want {
			t.Errorf("got %+v", p.Filter)
		}
		p.Filter.CheckedIn = Any
		if err := s.SaveListPreset(ctx, &p); err != nil {
			t.Fatal(err)
		}
		var raw string
		if err := s.QueryRowForTest(ctx, "SELECT filter FROM list_preset WHERE id = ?", p.ID).Scan(&raw); err != nil {
			t.Fatal(err)
		}
		var stored map[string]any
		if err := json.Unmarshal([]byte(raw), &stored); err != nil || stored["organisation_id"] != 7.0 || stored["checked_in"] != "" {
			t.Errorf("stored %s", raw)
		}
		if got, err := s.ListPreset(ctx, "hotel"); err != nil || got.Filter != (ParticipantQuery{}) {
			t.Errorf("got %+v, %v", got.Filter, err)
		}
	})

	t.Run("FilterSelectsTheList", func(t *testing.T) {
		f := newAttendanceFixture(t)
		p := ListPreset{Name: "Repas jour 1", Columns: []string{"last_name", "diet"},
			Filter: ParticipantQuery{Day: day1, SkipCancelled: true, Sort: SortName}}
		if err := f.s.SaveListPreset(ctx, &p); err != nil {
			t.Fatal(err)
		}
		got, err := f.s.ListPreset(ctx, "repas jour 1")
		if err != nil {
			t.Fatal(err)
		}
		var rows [][]any
		if err := f.s.EachAttendee(ctx, got.Filter, func(a *Attendee) error {
			var row []any
			for _, key := range got.Columns {
				row = append(row, ColumnValue(a, key, []Day{day1, day2}))
			}
			rows = append(rows, row)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		want := [][]any{{"Arnaud", ""}, {"Bernard", "Végétarien"}, {"Caron", "végétarien"}, {"Girard", "Halal"}}
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("got %v, want %v", rows, want)
		}
	})
}

func TestColumnValue(t *testing.T) {
	f := newAttendanceFixture(t)
	congress, err := f.s.Congress(ctx)
	if err != nil {
		t.Fatal(err)
	}
	days := congress.Days
	var anne, fanny *Attendee
	if err := f.s.EachAttendee(ctx, ParticipantQuery{Sort: SortName}, func(a *Attendee) error {
		switch a.ID {
		case f.anne.ID:
			anne = a
		case f.fanny.ID:
			fanny = a
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}

	t.Run("Columns", func(t *testing.T) {
		keys := []string{"code", "last_name", "first_name", "email", "phone", "organisation", "job_title", "category",
			"region", "status", "days", "arrivals", "checked_in", "fee", "paid", "diet", "accessibility", "image_consent",
			"notes", "badge_printed", "created_at"}
		cols := ListColumns()
		var got []string
		for _, col := range cols {
			got = append(got, col.Key)
			if col.LabelEN == "" || col.LabelFR == "" {
				t.Errorf("%s: labels %q, %q", col.Key, col.LabelEN, col.LabelFR)
			}
		}
		if !slices.Equal(got, keys) {
			t.Errorf("got %v", got)
		}
		cols[0].Key = "changed"
		if ListColumns()[0].Key != "code" {
			t.Error("ListColumns gives its own slice away")
		}
	})

	for _, c := range []struct {
		key  string
		a    *Attendee
		want any
	}{
		{"code", anne, f.anne.Code},
		{"last_name", anne, "Arnaud"},
		{"first_name", anne, "Anne"},
		{"email", anne, "anne@example.org"},
		{"phone", anne, ""},
		{"organisation", anne, "Cocagne"},
		{"category", anne, "Adhérent·e"},
		{"status", anne, "confirmed"},
		{"days", anne, "25/11, 26/11"},
		{"days", fanny, ""},
		{"arrivals", anne, "25/11 08:55, 26/11 09:10"},
		{"arrivals", fanny, ""},
		{"checked_in", anne, true},
		{"checked_in", fanny, false},
		{"fee", anne, 45.5},
		{"fee", fanny, 0.0},
		{"paid", anne, true},
		{"image_consent", anne, false},
		{"badge_printed", anne, true},
		{"badge_printed", fanny, false},
		{"created_at", anne, at(day1, "08:00")},
		{"nonsense", anne, nil},
	} {
		t.Run(c.key+"/"+c.a.FirstName, func(t *testing.T) {
			got := ColumnValue(c.a, c.key, days)
			if tm, ok := c.want.(time.Time); ok {
				if g, ok := got.(time.Time); !ok || !g.Equal(tm) {
					t.Errorf("got %#v, want %v", got, tm)
				}
				return
			}
			if got != c.want {
				t.Errorf("got %#v, want %#v", got, c.want)
			}
		})
	}

	t.Run("EveryColumnTyped", func(t *testing.T) {
		for _, col := range ListColumns() {
			switch v := ColumnValue(anne, col.Key, days).(type) {
			case string, float64, bool, time.Time:
			default:
				t.Errorf("%s: %T", col.Key, v)
			}
		}
	})
}
