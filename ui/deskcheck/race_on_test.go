//go:build race

package deskcheck

// raceDetector says whether the tests run under the race detector.
const raceDetector = true
