package postgres

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"image"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"congres/data"
	"congres/data/sqlite"
)

// reviewJSONNormal rewrites the JSON values of a dumped row (k=v|…) in one
// form.
func reviewJSONNormal(row string) string {
	fields := strings.Split(row, "|")
	for i, f := range fields {
		k, v, ok := strings.Cut(f, "=")
		if !ok || (!strings.HasPrefix(v, "{") && !strings.HasPrefix(v, "[")) {
			continue
		}
		var x any
		if json.Unmarshal([]byte(v), &x) == nil {
			b, _ := json.Marshal(x)
			fields[i] = k + "=" + string(b)
		}
	}
	return strings.Join(fields, "|")
}

func reviewPNG() []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 4, 4)))
	return b.Bytes()
}

// TestReviewCopyEveryKindOfRow: a file with every kind of row (payments,
// merges, bulk changes, list presets, badge settings, a logo, the desk
// PIN locked, tickets, rehearsal entries) comes back row for row from a
// server.
func TestReviewCopyEveryKindOfRow(t *testing.T) {
	ctx := context.Background()
	src := demoFile(t, 40)
	f, err := sqlite.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids, err := f.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := f.Congress(ctx)
	c.Logo = reviewPNG()
	c.Signature = reviewPNG()
	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	step("logo", f.UpdateCongress(ctx, &c))
	day := c.Days[0]
	for i, id := range ids[:6] {
		if _, err := f.RecordPayment(ctx, data.PaymentRequest{ParticipantID: id, AmountCents: 1234, Method: data.PayCard, Desk: "Bureau « 2 »"}); err == nil && i == 0 {
			f.UndoPayment(ctx, id)
		}
	}
	_, err = f.Admit(ctx, data.AdmitRequest{ParticipantID: ids[7], Day: day, Desk: "R", Rehearsal: true, Accept: []data.DeskWarningKind{data.WarnAlreadyIn, data.WarnCancelled, data.WarnUnpaid, data.WarnNotToday}})
	step("rehearsal", err)
	_, err = f.UndoLastRehearsalEntry(ctx, ids[7], "R")
	step("rehearsal undo", err)
	_, err = f.MergeParticipants(ctx, ids[8], ids[9], nil)
	step("merge", err)
	bs, _ := f.BadgeSettings(ctx, "a6")
	bs.Logo, bs.QR = true, true
	step("badge settings", f.SaveBadgeSettings(ctx, "a6", bs))
	step("preset", f.SaveListPreset(ctx, &data.ListPreset{Name: "Équipe d'accueil", Columns: []string{"last_name"}, Filter: data.ParticipantQuery{Search: "é"}}))
	step("pin", f.SetDeskPIN(ctx, "2468"))
	step("lock", f.LockDesk(ctx))
	step("mapping", f.SaveImportMapping(ctx, []string{"Prénom", "Nom"}, []data.ImportField{data.FieldFirstName, data.FieldLastName}))
	cats, _ := f.Categories(ctx)
	_, err = f.SetCategoryMany(ctx, ids[10:14], cats[1].ID, "lot")
	step("bulk category", err)
	_, err = f.SetStatusMany(ctx, ids[14:16], data.StatusCancelled, "lot")
	step("bulk status", err)
	p, _ := f.Participant(ctx, ids[16])
	p.Notes = "tab\there, quote ' \" back\\slash, emoji 🎫, line\nbreak, 中文"
	step("notes", f.UpdateParticipant(ctx, &p))
	db, err := sql.Open("sqlite", "file:"+src)
	step("open", err)
	_, err = db.Exec("INSERT INTO ticket (code, participant_id, source, at) VALUES ('TK-1', ?, 'Billet', '2026-09-01T10:00:00.123456Z')", ids[17])
	step("ticket", err)
	db.Close()
	want := dumpFile(t, src)
	for _, tb := range copiedTables {
		if len(want[tb]) == 0 {
			t.Logf("no rows in %s", tb)
		}
	}
	server, err := OpenStore(ctx, newDatabase(t))
	step("server", err)
	defer server.Close()
	step("copy in", f.CopyInto(ctx, server, nil))
	// Written on the server, then copied back: a time with microseconds.
	back := filepath.Join(t.TempDir(), "back"+data.Extension)
	step("copy back", server.CopyToFile(ctx, back, nil))
	got := dumpFile(t, back)
	// JSON compares as JSON: a server's jsonb keeps it in its own form.
	for _, d := range []map[string][]string{got, want} {
		for tb, rows := range d {
			for i, r := range rows {
				d[tb][i] = reviewJSONNormal(r)
			}
		}
	}
	for _, tb := range copiedTables {
		if g, w := strings.Join(got[tb], "\n"), strings.Join(want[tb], "\n"); g != w {
			gl, wl := got[tb], want[tb]
			for i := range max(len(gl), len(wl)) {
				var a, b string
				if i < len(gl) {
					a = gl[i]
				}
				if i < len(wl) {
					b = wl[i]
				}
				if a != b {
					t.Errorf("%s row %d:\n got  %s\n want %s", tb, i, a, b)
					break
				}
			}
		}
	}
	sc, err := server.Congress(ctx)
	step("server congress", err)
	if !bytes.Equal(sc.Logo, c.Logo) {
		t.Error("the logo differs on the server")
	}
	locked, err := server.DeskLocked(ctx)
	if err != nil || !locked {
		t.Errorf("desk lock on the server: %v %v", locked, err)
	}
}
