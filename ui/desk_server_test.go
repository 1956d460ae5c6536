package ui

import (
	"context"
	"testing"

	"congres/data"
	"congres/data/stores"
	"congres/data/stores/storetest"
)

// deskOpen opens the demo congress of n people that a desk test works on.
type deskOpen func(t *testing.T, n int) *data.Store

// demoOnFile opens the demo as a congress file in the test's folder.
func demoOnFile(t *testing.T, n int) *data.Store {
	t.Helper()
	return mustOpen(t, demoFile(t, n))
}

// demoOnServer opens the demo copied to a database of its own on the test
// server (CONGRES_TEST_POSTGRES): the desk then works through its replica,
// as a desk of a team's congress does (deskStoreFor).
func demoOnServer(t *testing.T, n int) *data.Store {
	t.Helper()
	target := storetest.NewDatabase(t)
	if err := stores.Copy(context.Background(), demoFile(t, n), target, nil); err != nil {
		t.Fatal(err)
	}
	return mustOpen(t, target)
}

// TestDeskOnServer: the desk's behaviours at scanner speed, tested on a
// file elsewhere, hold on a congress kept on a PostgreSQL server: a scan
// into the Edit form or under its question closes it unsaved and checks
// the badge in, a person's Enter saves the form, a held-back scan in the
// walk-in form stays a scan, an undo or a dialog ending after a scan acts
// on its own person and leaves the card to the one scanned.
func TestDeskOnServer(t *testing.T) {
	storetest.Server(t)
	for _, tc := range []struct {
		name string
		run  func(*testing.T, deskOpen)
	}{
		{"ScanIntoEditForm", testDeskScanIntoEditForm},
		{"EditFormTypedEnterSaves", testDeskEditFormTypedEnterSaves},
		{"ScanUnderEditQuestion", testDeskScanUnderEditQuestion},
		{"ScanIntoWalkInHeldBack", testDeskScanIntoWalkInHeldBack},
		{"UndoEndingAfterAScanKeepsTheCard", testDeskUndoEndingAfterAScanKeepsTheCard},
		{"DialogsKeepTheirPerson", testDeskDialogsKeepTheirPerson},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, demoOnServer) })
	}
}
