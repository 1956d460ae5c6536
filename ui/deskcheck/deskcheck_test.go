package deskcheck

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDeskRealWindow drives the desk in a real window as barcode scanners
// and volunteers do, and counts in the congress file who was checked in.
func TestDeskRealWindow(t *testing.T) {
	switch {
	case raceDetector:
		t.Skip("the real-window check runs without -race (make desk-check, make test): it looks for lost keys, " +
			"and the race detector would slow the program it drives")
	case testing.Short():
		t.Skip("the real-window check takes minutes: make desk-check")
	}
	needTools(t, "Xvfb", "xdotool", "setxkbmap")
	bin := program(t)
	if !hasDesk {
		t.Log("congres has no desk command: the window opens on the dashboard, and the check clicks the desk in the sidebar")
	}
	t.Cleanup(func() { os.RemoveAll(buildDir) })

	// 500 codes sent as a scanner sends them: a key every few
	// milliseconds, Enter after each code, the next code right after.
	for _, delay := range []time.Duration{4 * time.Millisecond, time.Millisecond} {
		t.Run(fmt.Sprintf("BackToBack%dms", delay.Milliseconds()), func(t *testing.T) {
			x := startX(t, 1366, 768)
			scan(t, x, bin, "en_US.UTF-8", false, roster(501, 1), delay, func(code string) string { return code })
		})
	}

	// The X server left without a processor for a while, as on a loaded
	// machine: the keys sent meanwhile reach it, and the window, in one go.
	t.Run("BackToBackXStalls", func(t *testing.T) {
		x := startX(t, 1366, 768)
		scan(t, x, bin, "en_US.UTF-8", false, roster(201, 6), 4*time.Millisecond,
			func(code string) string { return code }, 60*time.Millisecond)
	})

	// The desk reached by a click in the sidebar rather than opened on it
	// (the click left the keyboard elsewhere, and every Enter was lost).
	t.Run("BackToBackAfterSidebarClick", func(t *testing.T) {
		x := startX(t, 1366, 768)
		scan(t, x, bin, "en_US.UTF-8", true, roster(201, 5), 4*time.Millisecond, func(code string) string { return code })
	})

	// A scanner set to a US layout, on a laptop set to French AZERTY:
	// the scanner presses the keys of the US characters, and the window
	// receives what AZERTY has at those places (2 → é, A → Q, M → ?).
	t.Run("USScannerOnAZERTY", func(t *testing.T) {
		x := startX(t, 1366, 768)
		if _, err := x.run(time.Minute, "setxkbmap", "fr"); err != nil {
			t.Fatal(err)
		}
		people := roster(501, 2)
		t.Logf("a code and what the US scanner types on AZERTY: %s → %s", people[1].code, usOnAZERTY(people[1].code))
		scan(t, x, bin, "fr_FR.UTF-8", false, people, 4*time.Millisecond, usOnAZERTY)
	})

	t.Run("EscapeWhereverTheFocusIs", func(t *testing.T) { escapeEverywhere(t, bin) }) // escape_test.go
	t.Run("ShortcutsOffTheDesk", func(t *testing.T) { shortcutsOffTheDesk(t, bin) })   // shortcuts_test.go
	t.Run("Speed50k", func(t *testing.T) { speed(t, bin) })
	t.Run("Screenshots", func(t *testing.T) { screenshots(t, bin) })
}

// scan opens a congress of people on the desk and scans them all, delay a
// key, each code as typed(code): the first (the probe, typed as it is)
// slowly until the desk records it, the next ten one at a time, 400 ms
// apart (so that a failure tells scans not read at all from scans lost
// back to back), and the others back to back. Each must be checked in
// exactly once, and handled once: the desk's timing lines
// (CONGRES_DESK_TIMING=1) say one "scan-to-card" per scan it handled, so a
// scan handled twice shows there even where the file cannot show it (a
// second arrival the same day writes nothing).
func scan(t *testing.T, x *xserver, bin, lang string, sidebar bool, people []person, delay time.Duration,
	typed func(string) string, stall ...time.Duration) {
	probe, people := people[0], people[1:]
	file := filepath.Join(t.TempDir(), "desk.congres")
	makeCongress(t, file, append([]person{probe}, people...))
	d := openDesk(t, x, bin, file, lang, sidebar, "CONGRES_DESK_TIMING=1")
	d.ready(t, probe.code)
	defer d.shotIfFailed(t)
	before := d.cardsAfterProbe()
	var codes []string
	all := []string{probe.code}
	for _, p := range people {
		codes = append(codes, typed(p.code))
		all = append(all, p.code)
	}
	const spaced = 10
	for _, code := range codes[:spaced] {
		x.typeText(t, code+"\n", delay)
		time.Sleep(400 * time.Millisecond)
	}
	a := d.in.waitArrivals(t, all, spaced+1, 3*time.Second, 30*time.Second)
	if a.total-1 != spaced {
		t.Errorf("%d of %d codes scanned one at a time (400 ms apart) checked in", a.total-1, spaced)
	}
	start := time.Now()
	if len(stall) > 0 {
		defer x.stallEvery(250*time.Millisecond, stall[0])()
	}
	sent := x.typeText(t, strings.Join(codes[spaced:], "\n")+"\n", delay)
	a = d.in.waitArrivals(t, all, len(people)+1, 10*time.Second, 3*time.Minute)
	took := "none after the burst began"
	if a.last.After(start) {
		took = fmt.Sprintf("the last %v after the burst's first key", a.last.Sub(start).Round(time.Second))
	}
	t.Logf("%d codes typed back to back in %v (%.1f ms a key, Shift included); %d arrivals recorded in all, %s",
		len(codes)-spaced, sent.Round(time.Millisecond), float64(sent.Microseconds())/1000/float64(7*(len(codes)-spaced)),
		a.total, took)
	checkEachOnce(t, a, people, probe.code)
	cards := d.waitCards(before+len(codes), 5*time.Second, 3*time.Minute) - before
	t.Logf("%d scans handled (desk-timing scan-to-card lines) for %d codes sent", cards, len(codes))
	if cards != len(codes) {
		t.Errorf("%d scans handled (desk-timing scan-to-card lines) for %d codes sent: each scan must be handled "+
			"exactly once", cards, len(codes))
	}
}

// cardsAfterProbe waits for the probe's timing line (its card may be drawn
// well after its arrival is written, on a busy machine), then for any
// late one, and returns how many scan-to-card lines there are.
func (d *desk) cardsAfterProbe() int {
	for deadline := time.Now().Add(10 * time.Second); d.cards() == 0 && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(time.Second)
	return d.cards()
}

// cards is how many scans the desk has handled: its scan-to-card lines.
func (d *desk) cards() int { return len(timings(d.stderr.String())["scan-to-card"]) }

// waitCards waits until there are want scan-to-card lines, or until none
// came for quiet, within limit; then a second more, for any line too many.
func (d *desk) waitCards(want int, quiet, limit time.Duration) int {
	deadline := time.Now().Add(limit)
	last, since := -1, time.Now()
	for n := d.cards(); n < want && time.Since(since) <= quiet && time.Now().Before(deadline); n = d.cards() {
		if n != last {
			last, since = n, time.Now()
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(time.Second)
	return d.cards()
}

// speed scans 200 codes one at a time and types 50 name prefixes at
// 50,000 participants, and reads the desk's own timing lines
// (CONGRES_DESK_TIMING=1). The percentiles are logged: performance is
// measured and quoted, never asserted; the number of lines is.
func speed(t *testing.T, bin string) {
	x := startX(t, 1366, 768)
	people := roster(50_000, 3)
	file := filepath.Join(t.TempDir(), "desk50k.congres")
	makeCongress(t, file, people)
	env := []string{"CONGRES_DESK_TIMING=1"}
	// CONGRES_DESKCHECK_PROFILE=PATH: a processor profile of the program
	// for each phase, the scans (PATH-1.pprof) and the names (PATH-2.pprof).
	profile := os.Getenv("CONGRES_DESKCHECK_PROFILE")
	if profile != "" {
		env = append(env, "CONGRES_DESK_PROFILE="+profile)
	}
	d := openDesk(t, x, bin, file, "en_US.UTF-8", false, env...)
	toggleProfile := func() {
		if profile != "" {
			profileSignal(d.cmd.Process)
			time.Sleep(100 * time.Millisecond)
		}
	}
	d.ready(t, people[0].code)
	// The probe's card may be drawn well after its arrival is written
	// (on a busy machine): its timing line is not one of the scans'.
	for deadline := time.Now().Add(10 * time.Second); len(timings(d.stderr.String())["scan-to-card"]) == 0 &&
		time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(time.Second)
	before := timings(d.stderr.String())

	const scans = 200
	cpu := d.cpu()
	toggleProfile()
	sent := map[string]time.Time{}
	var sentInOrder []time.Time
	codes := []string{people[0].code}
	for i := range scans {
		code := people[1+i*(len(people)-1)/scans].code
		codes = append(codes, code)
		x.typeText(t, code+"\n", 4*time.Millisecond)
		sent[code] = time.Now() // xdotool has sent Return
		sentInOrder = append(sentInOrder, sent[code])
		time.Sleep(300 * time.Millisecond)
	}
	a := d.in.waitArrivals(t, codes, scans+1, 5*time.Second, time.Minute)
	// Measured from outside, whatever the program logs: from Return sent
	// to the arrival written, by the time the file gives the entry.
	var written []time.Duration
	for code, at := range sent {
		if w, ok := a.at[code]; ok {
			written = append(written, w.Sub(at))
		}
	}
	t.Logf("Return to arrival written (the entry's time in the file), %d scans recorded: %s", len(written),
		percentiles(written))
	time.Sleep(time.Second) // the last card drawn
	scanCPU := d.cpu().minus(cpu)
	toggleProfile()
	// The letters of a code ask for matches too, until its Enter: the
	// searches of the names are counted from here.
	middle := timings(d.stderr.String())
	prefixes, keys := namePrefixes(people, 50), 0
	cpu = d.cpu()
	toggleProfile()
	for _, p := range prefixes {
		keys += len(p)
		x.typeText(t, p, 80*time.Millisecond)
		time.Sleep(300 * time.Millisecond)
		x.xdo(t, "key", "--delay", "60", "ctrl+a", "BackSpace")
		time.Sleep(150 * time.Millisecond)
	}
	time.Sleep(time.Second)
	toggleProfile()
	after := timings(d.stderr.String())
	if profile != "" { // with its frame rate, if LIBGL_SHOW_FPS=1
		os.WriteFile(profile+"-output.txt", []byte(d.stderr.String()), 0o644)
	}
	t.Logf("processor time, whatever the machine's load: %s per scan, %s per name keystroke",
		scanCPU.per(scans), d.cpu().minus(cpu).per(keys))

	t.Logf("%d scans: %d arrivals recorded (with the probe)", scans, a.total)
	if a.total != scans+1 {
		t.Errorf("%d of %d scans recorded, at 300 ms apart", a.total-1, scans)
	}
	d.shotIfFailed(t)
	if len(after) == 0 {
		t.Logf("no desk-timing lines on standard error: this congres does not time the desk (CONGRES_DESK_TIMING)")
		return
	}
	scan := after["scan-to-card"][len(before["scan-to-card"]):]
	partial := middle["keystroke-to-matches"][len(before["keystroke-to-matches"]):]
	typing := after["keystroke-to-matches"][len(middle["keystroke-to-matches"]):]
	t.Logf("scan to card, %d scans: %s", len(scan), percentiles(scan))
	logFrames(t, d.stderr.String(), before, middle, after, sentInOrder)
	t.Logf("keystroke to matches, %d searches shown for %d keystrokes in %d name prefixes: %s", len(typing), keys,
		len(prefixes), percentiles(typing))
	t.Logf("(and %d searches shown for the letters of the scanned codes before their Enter: %s)", len(partial),
		percentiles(partial))
	if len(scan) != scans {
		t.Errorf("%d scan-to-card lines for %d scans", len(scan), scans)
	}
	// One line per search shown: a search waits for the one in flight,
	// then looks for the text as it is, so there are at most as many as
	// keystrokes (clearing the field shows no search). How many fewer
	// depends on the speed, which is not asserted.
	if len(typing) > keys {
		t.Errorf("%d keystroke-to-matches lines for %d keystrokes", len(typing), keys)
	}
}

// namePrefixes are the first letters of n people's last names, as a
// volunteer types them (3 to 5 letters, lower case, unaccented).
func namePrefixes(people []person, n int) []string {
	var out []string
	for i := 0; len(out) < n; i++ {
		last := strings.ToLower(people[(i*7919)%len(people)].last)
		k := 3 + i%3
		if len(last) < k || strings.ContainsAny(last[:k], " ïèé") {
			continue
		}
		out = append(out, last[:k])
	}
	return out
}

var timingLine = regexp.MustCompile(`(?m)^desk-timing (\S+) (\S+)\s*$`)

// timings reads the desk's timing lines: "desk-timing scan-to-card 12.3ms".
func timings(stderr string) map[string][]time.Duration {
	out := map[string][]time.Duration{}
	for _, m := range timingLine.FindAllStringSubmatch(stderr, -1) {
		if d, err := time.ParseDuration(m[2]); err == nil {
			out[m[1]] = append(out[m[1]], d)
		}
	}
	return out
}

// percentiles is "p50 12.3 ms, p95 40.1 ms, max 51.0 ms".
func percentiles(ds []time.Duration) string {
	if len(ds) == 0 {
		return "none"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(p float64) float64 {
		return float64(s[min(len(s)-1, int(p*float64(len(s))))].Microseconds()) / 1000
	}
	return fmt.Sprintf("p50 %.1f ms, p95 %.1f ms, max %.1f ms", at(0.50), at(0.95), at(1))
}

// screenshots shows the desk, maximised, at a laptop's 1366×768 and a
// netbook's 1024×600, in English and French, with a card and with the
// matches of a name; the PNG files go where CONGRES_DESKCHECK_SCREENSHOTS
// says.
func screenshots(t *testing.T, bin string) {
	dir := os.Getenv("CONGRES_DESKCHECK_SCREENSHOTS")
	if dir == "" {
		t.Skip("CONGRES_DESKCHECK_SCREENSHOTS names no folder for the screenshots")
	}
	people := roster(501, 4)
	for _, size := range [][2]int{{1366, 768}, {1024, 600}} {
		for _, lang := range []string{"en_US.UTF-8", "fr_FR.UTF-8"} {
			name := fmt.Sprintf("%dx%d-%s", size[0], size[1], lang[:2])
			t.Run(name, func(t *testing.T) {
				x := startX(t, size[0], size[1])
				file := filepath.Join(t.TempDir(), "desk.congres")
				makeCongress(t, file, people)
				d := openDesk(t, x, bin, file, lang, false)
				d.ready(t, people[0].code)
				// Maximised, as on a desk laptop (there is no window
				// manager to do it): the window may take a moment to
				// accept a size, or ask for more than the screen.
				var w window
				for range 3 {
					x.xdo(t, "windowmove", d.win.id, "0", "0")
					x.xdo(t, "windowsize", d.win.id, strconv.Itoa(size[0]), strconv.Itoa(size[1]))
					time.Sleep(time.Second)
					if w = x.geometry(t, d.win.id); w.width == size[0] && w.height == size[1] {
						break
					}
				}
				t.Logf("window %d×%d at %d,%d on a screen of %d×%d", w.width, w.height, w.x, w.y, size[0], size[1])
				time.Sleep(500 * time.Millisecond)
				d.shot(t, filepath.Join(dir, "deskcheck-"+name+"-card.png"))
				x.typeText(t, "mar", 60*time.Millisecond)
				time.Sleep(time.Second)
				d.shot(t, filepath.Join(dir, "deskcheck-"+name+"-matches.png"))
			})
		}
	}
}

// desk is the congres program open on the desk page of a file.
type desk struct {
	x      *xserver
	cmd    *exec.Cmd
	stderr *lockedBuffer
	win    window
	file   string
	in     *entries // what the window wrote in file
}

// openDesk starts congres on file, on the desk page: with `congres desk
// FILE` where the program has it, else (or when sidebar is true) by
// clicking the desk in the sidebar.
func openDesk(t *testing.T, x *xserver, bin, file, lang string, sidebar bool, env ...string) *desk {
	t.Helper()
	sidebar = sidebar || !hasDesk
	args := []string{file}
	if !sidebar {
		args = []string{"desk", file}
	}
	d := &desk{x: x, stderr: &lockedBuffer{}, file: file}
	d.cmd = exec.Command(bin, args...)
	d.cmd.Env = x.env(lang, env...)
	d.cmd.Stdout, d.cmd.Stderr = d.stderr, d.stderr
	dieWithTest(d.cmd)
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		d.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { d.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			d.cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("congres's output (last 2,000 bytes):\n%s", tail(d.stderr.String(), 2000))
			path := filepath.Join(os.TempDir(), "deskcheck-"+strings.ReplaceAll(t.Name(), "/", "-")+"-output.txt")
			if err := os.WriteFile(path, []byte(d.stderr.String()), 0o644); err == nil {
				t.Logf("congres's whole output (its desk-trace lines say what each scan was): %s", path)
			}
		}
	})
	d.win = x.waitWindow(t, d.cmd.Process.Pid, time.Minute)
	d.in = openEntries(t, file)
	// No window manager: the keyboard goes to the window given the focus
	// (and to the one under the pointer).
	x.xdo(t, "mousemove", "--window", d.win.id, strconv.Itoa(d.win.width*2/3), strconv.Itoa(d.win.height/2))
	x.xdo(t, "windowfocus", d.win.id)
	time.Sleep(time.Second)
	if sidebar {
		// The sidebar's fifth row, Welcome desk: 39 px a row below the
		// 30 px of the menu bar.
		x.xdo(t, "mousemove", "--window", d.win.id, "80", strconv.Itoa(30+4*39+20), "click", "1")
		time.Sleep(time.Second)
		x.xdo(t, "mousemove", "--window", d.win.id, strconv.Itoa(d.win.width*2/3), strconv.Itoa(d.win.height/2))
	}
	return d
}

// ready scans the probe's code, slowly, until the desk has checked them in:
// the window is up, on the desk, and recording.
func (d *desk) ready(t *testing.T, probe string) {
	t.Helper()
	for try := 1; ; try++ {
		d.x.typeText(t, probe, 30*time.Millisecond)
		time.Sleep(300 * time.Millisecond)
		d.x.typeText(t, "\n", 0)
		if a := d.in.waitArrivals(t, []string{probe}, 1, 10*time.Second, 10*time.Second); a.total >= 1 {
			return
		}
		if try == 3 {
			d.shot(t, filepath.Join(os.TempDir(), "deskcheck-"+strings.ReplaceAll(t.Name(), "/", "-")+"-not-ready.png"))
			t.Fatalf("the desk did not check in %s, typed three times slowly: not on the desk page, or not recording", probe)
		}
	}
}

// shot saves a screenshot, or says why it could not.
func (d *desk) shot(t *testing.T, path string) {
	t.Helper()
	if err := d.x.screenshot(path); err != nil {
		t.Logf("screenshot %s: %v", path, err)
		return
	}
	t.Logf("screenshot: %s", path)
}

// shotIfFailed keeps what the window showed when the check failed.
func (d *desk) shotIfFailed(t *testing.T) {
	t.Helper()
	if t.Failed() {
		d.shot(t, filepath.Join(os.TempDir(), "deskcheck-"+strings.ReplaceAll(t.Name(), "/", "-")+"-failed.png"))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
