package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"congres/data"
	"congres/data/sqlite"
)

// copiedTables are the tables a copy carries.
var copiedTables = data.CopiedTables()

// dumpFile reads every copied table of the congress file at path, as text,
// rows in order, without the file's row sums.
func dumpFile(t testing.TB, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string][]string{}
	for _, table := range copiedTables {
		rows, err := db.Query("SELECT * FROM " + table)
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				if cols[i] == "row_sum" {
					continue
				}
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				fmt.Fprintf(&b, "%s=%v|", cols[i], v)
			}
			out[table] = append(out[table], b.String())
		}
		rows.Close()
		sortStrings(out[table])
	}
	return out
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// demoFile writes the demo congress of n people into a new file.
func demoFile(t testing.TB, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo"+data.Extension)
	if err := data.WriteDemo(context.Background(), path, data.DemoOptions{Participants: n}); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCopyFileToServerAndBack: the demo congress copied onto a server and
// back into a new file comes back row for row, every table, ids included;
// the server's copy then works on (a new participant gets a new id).
func TestCopyFileToServerAndBack(t *testing.T) {
	ctx := context.Background()
	src := demoFile(t, 0)
	file, err := sqlite.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	ids, err := file.ParticipantIDs(ctx, data.ParticipantQuery{})
	if err != nil || len(ids) == 0 {
		t.Fatal(ids, err)
	}
	paid := 0 // a few payments (the demo has none), one undone
	for _, id := range ids {
		p, err := file.RecordPayment(ctx, data.PaymentRequest{ParticipantID: id, AmountCents: 4500, Method: data.PayCash, Desk: "A"})
		if err != nil {
			continue // nothing to pay
		}
		if paid++; paid == 1 {
			if _, err := file.UndoPayment(ctx, p.ParticipantID); err != nil {
				t.Fatal(err)
			}
		}
		if paid == 3 {
			break
		}
	}
	want := dumpFile(t, src)
	for _, table := range []string{"participant", "checkin", "enrolment", "payment", "session", "stand"} {
		if len(want[table]) == 0 {
			t.Fatalf("the demo has no %s: the test would prove nothing", table)
		}
	}

	dbURL := newDatabase(t)
	server, err := OpenStore(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	indexes := func() string {
		return fmt.Sprint(query(t, mustOpen(t, dbURL), "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1"))
	}
	before := indexes()
	var calls, last int
	err = file.CopyInto(ctx, server, func(done, total int) {
		calls++
		if done < last || done > total {
			t.Errorf("progress %d of %d after %d", done, total, last)
		}
		last = done
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 {
		t.Error("no progress reported")
	}
	if after := indexes(); after != before {
		t.Errorf("the copy changed the server's indexes:\n before %s\n after  %s", before, after)
	}
	st, err := server.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fst, _ := file.Stats(ctx)
	if fmt.Sprint(st) != fmt.Sprint(fst) {
		t.Errorf("the server's stats differ from the file's:\n%+v\n%+v", st, fst)
	}

	back := filepath.Join(t.TempDir(), "back"+data.Extension)
	if err := server.CopyToFile(ctx, back, nil); err != nil {
		t.Fatal(err)
	}
	got := dumpFile(t, back)
	for _, table := range copiedTables {
		if strings.Join(got[table], "\n") != strings.Join(want[table], "\n") {
			g, w := got[table], want[table]
			for i := range max(len(g), len(w)) {
				var a, b string
				if i < len(g) {
					a = g[i]
				}
				if i < len(w) {
					b = w[i]
				}
				if a != b {
					t.Errorf("%s, row %d of %d/%d:\n got  %s\n want %s", table, i, len(g), len(w), a, b)
					break
				}
			}
		}
	}
	// The back copy is a whole congress file that opens.
	b, err := sqlite.Open(ctx, back)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.CheckIntegrity(ctx); err != nil {
		t.Errorf("the copy's integrity: %v", err)
	}
	b.Close()

	// The server's search index holds every copied participant.
	for _, id := range []int64{ids[0], ids[len(ids)/2], ids[len(ids)-1]} {
		p, err := file.Participant(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		q := strings.ToUpper(string([]rune(p.LastName)[:3])) + " " + strings.ToLower(p.FirstName)
		rows, err := server.SearchParticipants(ctx, q, 50)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			found = found || r.ID == id
		}
		if !found {
			t.Errorf("searching %q on the server after the copy does not find %s %s", q, p.FirstName, p.LastName)
		}
	}

	// The server's sequences follow the copied ids.
	cats, err := server.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := data.Room{Name: "Salle neuve"}
	if err := server.SaveRoom(ctx, &r); err != nil {
		t.Fatalf("a room after the copy: %v", err)
	}
	_ = cats
}

// TestCopyRefusesACongress: a copy onto a store that holds a congress is
// refused, and that congress is left as it was.
func TestCopyRefusesACongress(t *testing.T) {
	ctx := context.Background()
	file, err := sqlite.Open(ctx, demoFile(t, 40))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	u := newDatabase(t)
	server, err := Create(ctx, u, data.Congress{Name: "Déjà là", Days: []data.Day{"2026-05-21"}})
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	if err := file.CopyInto(ctx, server, nil); !errors.Is(err, data.ErrNotEmpty) {
		t.Fatalf("want ErrNotEmpty, got %v", err)
	}
	c, err := server.Congress(ctx)
	if err != nil || c.Name != "Déjà là" {
		t.Errorf("the server's congress changed: %+v, %v", c, err)
	}
	if err := file.CopyToFile(ctx, file.Location(), nil); !errors.Is(err, data.ErrFileExists) {
		t.Errorf("a copy over a file: want ErrFileExists, got %v", err)
	}
}

// TestCopyCancelledLeavesNothing: a copy stopped half way leaves the
// server's database with no congress (one transaction), ready for another.
func TestCopyCancelledLeavesNothing(t *testing.T) {
	ctx := context.Background()
	file, err := sqlite.Open(ctx, demoFile(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	server, err := OpenStore(ctx, newDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	cctx, cancel := context.WithCancel(ctx)
	err = file.CopyInto(cctx, server, func(done, total int) {
		if done > total/3 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("a cancelled copy succeeded")
	}
	if _, err := server.Congress(ctx); err == nil {
		t.Error("the server holds a congress after a cancelled copy")
	}
	if err := file.CopyInto(ctx, server, nil); err != nil {
		t.Errorf("a second copy after the cancelled one: %v", err)
	}
}

func benchmarkCopyToServer(b *testing.B, n int) {
	ctx := context.Background()
	file, err := sqlite.Open(ctx, demoFile(b, n))
	if err != nil {
		b.Fatal(err)
	}
	defer file.Close()
	for b.Loop() {
		b.StopTimer()
		server, err := OpenStore(ctx, newDatabase(b))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := file.CopyInto(ctx, server, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		server.Close()
		b.StartTimer()
	}
}

// BenchmarkCopyDemoToServer: issue 16's figure, the 530-person demo onto a
// server in 3 s or less.
func BenchmarkCopyDemoToServer(b *testing.B) { benchmarkCopyToServer(b, 0) }

// BenchmarkCopyDemo50kToServer: the 50,000-person demo in 30 s or less.
func BenchmarkCopyDemo50kToServer(b *testing.B) { benchmarkCopyToServer(b, 50000) }
