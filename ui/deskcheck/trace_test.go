package deskcheck

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// trace is one desk-trace line (ui/desk_timing.go): an event, the wall-clock
// time of its Enter (or first key), and its stages, each the time since.
type trace struct {
	what   string
	enter  time.Time
	names  []string
	stages map[string]time.Duration
}

var traceLine = regexp.MustCompile(`(?m)^desk-trace (\S+) enter=(\d+)((?: \S+=\S+)*)\s*$`)

// traces reads the desk's trace lines of what ("scan", "search").
func traces(stderr, what string) []trace {
	var out []trace
	for _, m := range traceLine.FindAllStringSubmatch(stderr, -1) {
		if m[1] != what {
			continue
		}
		us, _ := strconv.ParseInt(m[2], 10, 64)
		tr := trace{what: m[1], enter: time.UnixMicro(us), stages: map[string]time.Duration{}}
		for _, kv := range strings.Fields(m[3]) {
			k, v, _ := strings.Cut(kv, "=")
			ms, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			tr.names = append(tr.names, k)
			tr.stages[k] = time.Duration(ms * float64(time.Millisecond))
		}
		out = append(out, tr)
	}
	return out
}

// logStages logs where the time of the traced events goes: each stage's
// share (the time from the stage before it), p50 and p95.
func logStages(t *testing.T, title string, trs []trace) {
	t.Helper()
	if len(trs) == 0 {
		return
	}
	var lines []string
	for _, name := range trs[0].names {
		var since, step []time.Duration
		for _, tr := range trs {
			at, ok := tr.stages[name]
			if !ok {
				continue
			}
			since = append(since, at)
			prev := time.Duration(0)
			for _, n := range tr.names {
				if n == name {
					break
				}
				prev = tr.stages[n]
			}
			step = append(step, at-prev)
		}
		lines = append(lines, fmt.Sprintf("  %-9s step %s | since the key %s", name, percentiles(step), percentiles(since)))
	}
	t.Logf("%s, %d traced:\n%s", title, len(trs), strings.Join(lines, "\n"))
}

// logFrames logs the figures to the frame on screen (scan-to-frame,
// keystroke-to-frame), where the time goes (the traces), and, measured
// from outside, from xdotool's Return to the frame.
func logFrames(t *testing.T, stderr string, before, middle, after map[string][]time.Duration, sent []time.Time) {
	t.Helper()
	frames := after["scan-to-frame"][len(before["scan-to-frame"]):]
	if len(frames) == 0 {
		return
	}
	t.Logf("scan to frame on screen, %d scans: %s", len(frames), percentiles(frames))
	typing := after["keystroke-to-frame"][len(middle["keystroke-to-frame"]):]
	t.Logf("keystroke to frame on screen, %d searches: %s", len(typing), percentiles(typing))
	scans := traces(stderr, "scan")
	scans = scans[len(scans)-min(len(scans), len(sent)):]
	logStages(t, "scan stages", scans)
	if len(scans) == len(sent) {
		var outside []time.Duration
		for i, tr := range scans {
			if shown, ok := tr.stages["shown"]; ok {
				outside = append(outside, tr.enter.Add(shown).Sub(sent[i]))
			}
		}
		t.Logf("from xdotool's end (Return sent) to the frame on screen, %d scans: %s; Enter seen by the desk %s after",
			len(outside), percentiles(outside), percentiles(enterLag(scans, sent)))
	}
	searches := traces(stderr, "search")
	searches = searches[len(searches)-min(len(searches), len(typing)):]
	logStages(t, "search stages", searches)
}

// enterLag is, per scan, the time from xdotool's end to the desk's Enter.
func enterLag(scans []trace, sent []time.Time) []time.Duration {
	var out []time.Duration
	for i, tr := range scans {
		out = append(out, tr.enter.Sub(sent[i]))
	}
	return out
}

// cpuUse is the processor time used by the desk's program and by the X
// server that draws its window.
type cpuUse struct{ desk, x time.Duration }

func (d *desk) cpu() cpuUse {
	return cpuUse{desk: cpuTime(d.cmd.Process.Pid), x: cpuTime(d.x.pid)}
}

func (c cpuUse) minus(o cpuUse) cpuUse { return cpuUse{desk: c.desk - o.desk, x: c.x - o.x} }

// per is the processor time per event: "12.3 ms (congres) + 1.2 ms (Xvfb)".
func (c cpuUse) per(n int) string {
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(max(n, 1)) }
	return fmt.Sprintf("%.1f ms (congres) + %.1f ms (Xvfb)", ms(c.desk), ms(c.x))
}
