// Package deskcheck checks the welcome desk in a real window, as a
// volunteer's barcode scanner uses it: the congres program runs under Xvfb
// (a virtual X server), xdotool types participant codes as a USB scanner
// types them (a few milliseconds a key, Enter after each code, no pause
// between codes), and the congress file is read afterwards to count who was
// checked in.
//
// The package holds only tests (deskcheck_test.go and its helpers):
//
//   - 500 codes back to back at 4 ms and at 1 ms a key: every one checked
//     in, exactly once;
//   - a scanner set to a US layout on a French AZERTY keyboard (setxkbmap
//     fr): the same;
//   - at 50,000 participants, with CONGRES_DESK_TIMING=1, the desk's own
//     timing lines (scan to card, keystroke to matches) for 200 scans and 50
//     name prefixes, whose percentiles are logged, never asserted;
//   - screenshots of the desk at 1366×768 and 1024×600, written where
//     CONGRES_DESKCHECK_SCREENSHOTS names a folder.
//
// The tests build congres from this tree, or drive the program that
// CONGRES_DESKCHECK_BIN names (another commit's, say). A failed check keeps
// a screenshot of the window in the system's temporary folder and says
// where.
//
// `make desk-check` runs it alone and `make test` after the race-enabled
// tests; both install Xvfb, xdotool and the keyboard-layout tools, and set
// CONGRES_REQUIRE_TOOLS, so that a missing tool fails rather than skips. A
// bare `go test ./...` skips it when the tools are missing, under -short,
// and under -race (a real window at scanner speed checks lost keys, not data
// races, and the race detector would slow the program it drives).
package deskcheck
