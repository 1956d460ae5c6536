package ui

import "fyne.io/fyne/v2"

// firstWindowSize is the window's size when it opens: its menu bar and
// pages, with the title bar (about 37 px) and a desktop's top bar (about
// 27 px), within a 1366×768 screen (issue 19). It was 1180×760, taller
// than such a screen leaves. Every page fits it (window_fit_test.go), and
// one that would not scrolls in it rather than enlarge it (nav.go).
var firstWindowSize = fyne.NewSize(1180, 700)
