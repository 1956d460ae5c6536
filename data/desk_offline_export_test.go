package data

import "testing"

// SetHeldBatch sets, until the end of the test, how many held actions one
// server transaction takes (FoldHeldInto).
func SetHeldBatch(tb testing.TB, n int) {
	old := heldBatch
	heldBatch = n
	tb.Cleanup(func() { heldBatch = old })
}

// SetHeldBatchCommittedHook has f called, for one test, after each batch
// FoldHeldInto committed on the server (the replica caught up with it) and
// before it leaves the journal;
// its error stops the folding there, as a desk killed at that moment.
func SetHeldBatchCommittedHook(tb testing.TB, f func() error) {
	testHeldBatchCommitted = f
	tb.Cleanup(func() { testHeldBatchCommitted = nil })
}
