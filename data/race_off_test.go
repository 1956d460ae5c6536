//go:build !race

package data

// raceDetector says whether the tests run under the race detector, which
// makes every process, and so each child a test starts, many times slower.
const raceDetector = false
