package export

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"congres/data"
	"congres/data/stores"

	"github.com/xuri/excelize/v2"
)

// TestAttendancePayments takes payments at the desk of a demo congress,
// undoes one, writes the attendance workbook and reads it back: a sheet
// lists each payment with the person, the amount as a number in euros, the
// method, the desk and the time, the undone one marked with when it was
// undone, and the totals leave it out.
func TestAttendancePayments(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.congres")
	if err := data.WriteDemo(ctx, path, data.DemoOptions{Participants: 60}); err != nil {
		t.Fatal(err)
	}
	st, err := stores.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	// Without payments, no sheet of them.
	in, err := LoadAttendance(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := wbWrite(t, in, WorkbookOptions{Lang: "fr"})
	if slices.Contains(f.GetSheetList(), "Paiements") {
		t.Fatal("a payments sheet without payments")
	}

	ids, err := st.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var owing []data.Participant
	for _, id := range ids {
		p, err := st.Participant(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if p.FeeCents > 0 && !p.Paid && p.Status != data.StatusCancelled {
			owing = append(owing, p)
		}
	}
	if len(owing) < 2 {
		t.Fatalf("the demo has %d people owing a fee", len(owing))
	}
	a, b := owing[0], owing[1]
	at := time.Date(2021, 11, 25, 9, 14, 0, 0, time.Local)
	st.SetClock(func() time.Time { return at })
	if _, err := st.RecordPayment(ctx, data.PaymentRequest{ParticipantID: a.ID, AmountCents: a.FeeCents, Method: data.PayCard, Desk: "Accueil B"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordPayment(ctx, data.PaymentRequest{ParticipantID: b.ID, AmountCents: 1050, Method: data.PayCash, Desk: "Accueil A"}); err != nil {
		t.Fatal(err)
	}
	at = at.Add(3 * time.Minute)
	if _, err := st.UndoPayment(ctx, b.ID); err != nil {
		t.Fatal(err)
	}

	in, err = LoadAttendance(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	f, _ = wbWrite(t, in, WorkbookOptions{Lang: "fr"})
	if sheets := f.GetSheetList(); sheets[len(sheets)-1] != "Paiements" {
		t.Fatalf("sheets %q", sheets)
	}
	rows := wbRows(t, f, "Paiements")
	head := rows[0]
	want := []string{"Payé le", "Code", "Nom", "Prénom", "Catégorie", "Montant", "Moyen de paiement", "Accueil", "Annulé le"}
	if !slices.Equal(head, want) {
		t.Fatalf("header %q", head)
	}
	amount := wbColumn(t, head, "Montant")
	check := func(row int, p data.Participant, cents int64, method, desk string, undone bool) {
		t.Helper()
		r := rows[row-1]
		if r[1] != p.Code || r[2] != p.LastName || r[3] != p.FirstName || r[6] != method || r[7] != desk {
			t.Errorf("row %d: %q", row, r)
		}
		cell := amount + strconv.Itoa(row)
		raw, err := f.GetCellValue("Paiements", cell, excelize.Options{RawCellValue: true})
		if err != nil || raw != strconv.FormatFloat(float64(cents)/100, 'f', -1, 64) {
			t.Errorf("%s = %q, %v: want the number %d/100", cell, raw, err, cents)
		}
		if nf := wbNumFmt(t, f, "Paiements", cell); nf != `#,##0.00 "€"` {
			t.Errorf("%s is formatted %q", cell, nf)
		}
		if got := wbCellTime(t, f, "Paiements", "A"+strconv.Itoa(row)); !got.Equal(wbWallClock(time.Date(2021, 11, 25, 9, 14, 0, 0, time.Local))) {
			t.Errorf("row %d paid at %v", row, got)
		}
		if undone != (len(r) > 8 && r[8] != "") {
			t.Errorf("row %d: undone %v, reads %q", row, undone, r)
		}
		if undone {
			if got := wbCellTime(t, f, "Paiements", "I"+strconv.Itoa(row)); !got.Equal(wbWallClock(at)) {
				t.Errorf("row %d undone at %v, want %v", row, got, wbWallClock(at))
			}
		}
	}
	check(2, a, a.FeeCents, "Carte", "Accueil B", false)
	check(3, b, 1050, "Espèces", "Accueil A", true)

	// The totals, under a blank row: the undone payment left out.
	if len(rows) < 6 {
		t.Fatalf("rows %q", rows)
	}
	total, card := rows[4], rows[5]
	if total[0] != "Total (hors paiements annulés)" || card[0] != "Carte" || len(rows) != 6 {
		t.Fatalf("totals %q", rows[3:])
	}
	for _, cell := range []string{amount + "5", amount + "6"} {
		raw, _ := f.GetCellValue("Paiements", cell, excelize.Options{RawCellValue: true})
		if raw != strconv.FormatFloat(float64(a.FeeCents)/100, 'f', -1, 64) {
			t.Errorf("%s = %q, want %d/100 (the undone payment left out)", cell, raw, a.FeeCents)
		}
	}

	// In English too.
	f, _ = wbWrite(t, in, WorkbookOptions{Lang: "en"})
	if rows := wbRows(t, f, "Payments"); rows[0][5] != "Amount" || rows[1][6] != "Card" || rows[2][6] != "Cash" {
		t.Errorf("English: %q", rows)
	}
}
