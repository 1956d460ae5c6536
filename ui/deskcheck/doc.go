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
//     in, exactly once; and 200 while the X server is stopped for 60 ms
//     every 250 ms (BackToBackXStalls), as a loaded machine leaves it
//     without a processor: the keys sent meanwhile reach the window in one
//     go;
//   - a scanner set to a US layout on a French AZERTY keyboard (setxkbmap
//     fr): the same;
//   - at 50,000 participants, with CONGRES_DESK_TIMING=1, the desk's own
//     timing lines for 200 scans and 50 name prefixes, whose percentiles
//     are logged, never asserted (see "Speed" below);
//   - screenshots of the desk at 1366×768 and 1024×600, written where
//     CONGRES_DESKCHECK_SCREENSHOTS names a folder.
//
// # Speed
//
// Run it alone with
//
//	go test -count=1 -v -run 'TestDeskRealWindow/Speed50k' ./ui/deskcheck/
//
// The desk (ui/desk_timing.go) times each scan from its Enter, as the
// window hands it over, and each name search from its first keystroke not
// shown yet, to two points: the card (or the matches) applied to the
// widgets on the UI thread ("scan-to-card", "keystroke-to-matches"), and
// the frame that shows it drawn ("scan-to-frame", "keystroke-to-frame").
// The frame is observed with a 1×1 raster over the desk, refreshed with
// the update: the painter asks for its pixels as it ends drawing the next
// frame ("painted": drawn, not yet swapped, a lower bound), and the main
// loop's next turn comes after that frame's buffers are swapped ("shown",
// the figure quoted, an upper bound: that turn may draw one more frame
// first). A trace line gives each stage: the worker took
// the scan, found whom the code names, checked them in; the UI thread
// began the update, applied it; painted; shown. The check logs each
// stage's percentiles, the time from xdotool's Return to the frame shown
// (which adds the wait for the window to read the key: up to a frame),
// and the processor time the program and Xvfb used per scan and per
// keystroke, which the machine's load does not change much (the latencies
// it does: quote them with the load, median of three runs).
//
// With CONGRES_DESKCHECK_PROFILE=PATH, Speed50k also writes a processor
// profile of the program for each phase, PATH-1.pprof (the scans) and
// PATH-2.pprof (the names: go tool pprof congres PATH-2.pprof), and its
// whole output to PATH-output.txt. The profile holds the Go code only:
// Mesa's software renderer draws the frames on threads of its own, whose
// time shows in the processor time per keystroke, not in the profile.
//
// A failed check keeps the program's whole output (its desk-trace lines
// name what each scan was) in the system's temporary folder, and says where.
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
