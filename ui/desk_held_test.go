package ui

import (
	"database/sql"
	"net/url"
	"strings"
	"testing"
)

// holdFile takes the congress file's write lock from another connection,
// as an import in another window does while it writes, until the test ends
// or release is called.
func holdFile(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite", "file://"+(&url.URL{Path: path}).EscapedPath()+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	done := false
	release = func() {
		if !done {
			done = true
			conn.ExecContext(t.Context(), "ROLLBACK")
			conn.Close()
			db.Close()
		}
	}
	t.Cleanup(release)
	return release
}

// While an import in another window holds the file, a scan checks the
// person in at once, green, and the arrival is in the file once the import
// is done; a second scan meanwhile says "already in".
func TestDeskScanWhileTheFileIsHeld(t *testing.T) {
	f := newDeskFixture(t)
	who := f.person(t, "")
	release := holdFile(t, f.st.Path())
	f.scan(t, who.Code)
	if got := f.s.card.result.Text; !strings.Contains(got, "checked in at") {
		t.Fatalf("result while the file is held: %q", got)
	}
	c, err := f.st.DeskCard(t.Context(), who.ID, deskDay, 0)
	if err != nil || c.Arrival == nil || !c.Arrival.Held {
		t.Fatalf("card: %+v %v", c.Arrival, err)
	}
	f.rescan(t, who.Code)
	if got := f.s.card.result.Text; !strings.Contains(strings.ToLower(got), "already in") {
		t.Fatalf("second scan while held: %q", got)
	}
	release()
	waitFor(t, "the held arrival to reach the file", f.e.tasks, func() bool {
		n, err := f.st.HeldCheckins(t.Context())
		return err == nil && n == 0
	})
	if n := f.arrivals(t, who.ID); n != 1 {
		t.Fatalf("%d arrivals in the file", n)
	}
}
