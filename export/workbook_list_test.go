package export

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"congres/data"

	"github.com/xuri/excelize/v2"
)

// wbListColumns stand in for data.ListColumns in these tests, with a value
// of every type data.ColumnValue gives.
var wbListColumns = []data.ListColumn{
	{Key: "last_name", LabelEN: "Last name", LabelFR: "Nom"},
	{Key: "first_name", LabelEN: "First name", LabelFR: "Prénom"},
	{Key: "organisation", LabelEN: "Organisation", LabelFR: "Organisation"},
	{Key: "phone", LabelEN: "Phone", LabelFR: "Téléphone"},
	{Key: "diet", LabelEN: "Diet", LabelFR: "Régime"},
	{Key: "notes", LabelEN: "Notes", LabelFR: "Notes"},
	{Key: "fee", LabelEN: "Fee", LabelFR: "Tarif"},
	{Key: "days_count", LabelEN: "Number of days", LabelFR: "Nombre de jours"},
	{Key: "paid", LabelEN: "Paid", LabelFR: "Payé"},
	{Key: "created", LabelEN: "Registered on", LabelFR: "Inscrit·e le"},
	{Key: "first_day", LabelEN: "First day", LabelFR: "Premier jour"},
	{Key: "arrival", LabelEN: "Arrival", LabelFR: "Arrivée"},
	{Key: "nothing", LabelEN: "Nothing", LabelFR: "Rien"},
}

func wbListValue(a *data.Attendee, key string, days []data.Day) any {
	switch key {
	case "last_name":
		return a.LastName
	case "first_name":
		return a.FirstName
	case "organisation":
		return a.Organisation
	case "phone":
		return a.Phone
	case "diet":
		return a.Diet
	case "notes":
		return a.Notes
	case "fee":
		return float64(a.FeeCents) / 100
	case "days_count":
		return int64(len(a.Days))
	case "paid":
		return a.Paid
	case "created":
		return a.CreatedAt
	case "first_day":
		return a.Days[0].Time()
	case "arrival":
		return a.Arrivals[0]
	}
	return nil
}

// wbPresetKeys are in an order of their own, not ListColumns'.
var wbPresetKeys = []string{"phone", "last_name", "first_name", "fee", "paid", "created", "first_day", "arrival",
	"days_count", "notes", "organisation", "diet", "nothing"}

func wbList(n int) ListInput {
	return ListInput{
		Preset:    data.ListPreset{ID: 1, Name: "Liste traiteur : jeudi/vendredi", Columns: wbPresetKeys},
		Congress:  "Congrès de la fédération",
		Days:      wbCongress.Days,
		Attendees: wbPeople(n, wbCongress.Days),
		Total:     n,
		columns:   wbListColumns,
		value:     wbListValue,
	}
}

func TestListXLSX(t *testing.T) {
	const n = 25
	var buf bytes.Buffer
	var progress [][2]int
	err := WriteListXLSX(context.Background(), &buf, wbList(n), WorkbookOptions{Lang: "fr",
		Progress: func(done, total int) { progress = append(progress, [2]int{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sh = "Liste traiteur - jeudi-vendredi"
	if got := f.GetSheetList(); !slices.Equal(got, []string{sh}) {
		t.Fatalf("sheets %q", got)
	}
	rr := wbRows(t, f, sh)
	t.Run("ColumnsInPresetOrder", func(t *testing.T) {
		want := []string{"Téléphone", "Nom", "Prénom", "Tarif", "Payé", "Inscrit·e le", "Premier jour", "Arrivée",
			"Nombre de jours", "Notes", "Organisation", "Régime", "Rien"}
		if !slices.Equal(rr[0], want) {
			t.Fatalf("header %q,\nwant %q", rr[0], want)
		}
		if len(rr)-1 != n {
			t.Fatalf("%d rows, want %d", len(rr)-1, n)
		}
	})
	t.Run("Types", func(t *testing.T) {
		a := wbAttendee(1, wbCongress.Days)
		if raw, _ := f.GetCellValue(sh, "D3", excelize.Options{RawCellValue: true}); raw != "120.5" {
			t.Errorf("fee %q", raw)
		}
		if ty, _ := f.GetCellType(sh, "I3"); ty == excelize.CellTypeInlineString || ty == excelize.CellTypeSharedString {
			t.Errorf("number of days typed as text")
		}
		if v, _ := f.GetCellValue(sh, "E3"); v != "Non" {
			t.Errorf("paid %q", v)
		}
		if got := wbCellTime(t, f, sh, "F3"); !got.Equal(wbWallClock(a.CreatedAt)) {
			t.Errorf("created %v", got)
		}
		if got := wbNumFmt(t, f, sh, "F3"); got != "dd/mm/yyyy hh:mm" {
			t.Errorf("created format %q", got)
		}
		if got := wbNumFmt(t, f, sh, "G3"); got != "dd/mm/yyyy" {
			t.Errorf("a day at midnight is a date: format %q", got)
		}
		if got := wbCellTime(t, f, sh, "G3"); !got.Equal(wbWallClock(wbCongress.Days[0].Time())) {
			t.Errorf("first day %v", got)
		}
		if v, _ := f.GetCellValue(sh, "H2"); v != "" {
			t.Errorf("no arrival: %q", v)
		}
		if v, _ := f.GetCellValue(sh, "M2"); v != "" {
			t.Errorf("nil: %q", v)
		}
	})
	t.Run("FormulaInjection", func(t *testing.T) {
		wbCheckText(t, f, sh, "B2", wbInjections[0])
		wbCheckText(t, f, sh, "A3", wbInjections[1])
		wbCheckText(t, f, sh, "K4", wbInjections[2])
		wbCheckText(t, f, sh, "C5", wbInjections[3])
		wbCheckText(t, f, sh, "L7", wbInjections[5])
	})
	t.Run("SetUp", func(t *testing.T) {
		p, _ := f.GetPanes(sh)
		if !p.Freeze || p.YSplit != 1 {
			t.Errorf("panes %+v", p)
		}
		names := map[string]string{}
		for _, dn := range f.GetDefinedName() {
			names[dn.Name] = dn.RefersTo
		}
		if !strings.HasSuffix(names["_xlnm.Print_Titles"], "'"+sh+"'!$1:$1") || names["_xlnm._FilterDatabase"] != "'"+sh+"'!$A$1:$M$26" {
			t.Errorf("defined names %q", names)
		}
		hf, _ := f.GetHeaderFooter(sh)
		if hf.OddHeader != `&LListe traiteur : jeudi/vendredi&C&"-,Bold"Congrès de la fédération` {
			t.Errorf("header %q", hf.OddHeader)
		}
		wbCheckPrint(t, f, sh)
	})
	if !slices.Equal(progress, [][2]int{{n, n}}) {
		t.Errorf("progress %v", progress)
	}
}

func TestListErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		columns []string
		want    error
		fr      string
	}{
		{"ErrListNoColumns", nil, ErrListNoColumns, "La liste «Hôtel» n'a aucune colonne : choisissez-en au moins une."},
		{"ErrListColumn", []string{"last_name", "shoe_size"}, ErrListColumn, "La liste «Hôtel» a une colonne «shoe_size» que Congrès ne connaît pas."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := wbList(3)
			in.Preset = data.ListPreset{Name: "Hôtel", Columns: tc.columns}
			for _, err := range []error{
				WriteListXLSX(context.Background(), &bytes.Buffer{}, in, WorkbookOptions{}),
				WriteListCSV(context.Background(), &bytes.Buffer{}, in, CSVOptions{}),
			} {
				var e *Error
				if !errors.Is(err, tc.want) || !errors.As(err, &e) || e.Message("fr") != tc.fr {
					t.Errorf("err %v", err)
				}
			}
		})
	}
	t.Run("Cancel", func(t *testing.T) {
		in := wbList(3000)
		cancelled := func(write func(ctx context.Context, progress func(done, total int)) error) error {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			return write(ctx, func(done, _ int) {
				if done >= 1000 {
					cancel()
				}
			})
		}
		err := cancelled(func(ctx context.Context, progress func(done, total int)) error {
			return WriteListXLSX(ctx, &bytes.Buffer{}, in, WorkbookOptions{Progress: progress})
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("xlsx: %v", err)
		}
		err = cancelled(func(ctx context.Context, progress func(done, total int)) error {
			return WriteListCSV(ctx, &bytes.Buffer{}, in, CSVOptions{Progress: progress})
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("csv: %v", err)
		}
	})
}

// TestListRealColumns exports every column data offers, once data's
// ListColumns and ColumnValue exist.
func TestListRealColumns(t *testing.T) {
	cols := data.ListColumns()
	if len(cols) == 0 {
		t.Skip("data.ListColumns is not implemented yet")
	}
	in := wbList(10)
	in.columns, in.value = nil, nil
	in.Preset.Columns = nil
	var want []string
	for i := len(cols) - 1; i >= 0; i-- { // reversed: the preset's order wins
		in.Preset.Columns = append(in.Preset.Columns, cols[i].Key)
		want = append(want, cols[i].LabelFR)
	}
	var buf bytes.Buffer
	if err := WriteListXLSX(context.Background(), &buf, in, WorkbookOptions{Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rr := wbRows(t, f, f.GetSheetList()[0])
	if !slices.Equal(rr[0], want) || len(rr) != 11 {
		t.Fatalf("header %q, %d rows", rr[0], len(rr))
	}
	// data gives the status's stable value; the writers translate it.
	if v, _ := f.GetCellValue(f.GetSheetList()[0], wbColumn(t, rr[0], "Statut")+"2"); v != "En attente" {
		t.Errorf("status %q", v)
	}
	var csvBuf bytes.Buffer
	if err := WriteListCSV(context.Background(), &csvBuf, in, CSVOptions{Lang: "en", Separator: ';'}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(csvBuf.Bytes(), []byte(";Pending;")) {
		t.Errorf("status not translated:\n%s", csvBuf.Bytes())
	}
}
