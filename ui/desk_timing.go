package ui

import (
	"fmt"
	"image"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// The desk's timing (CONGRES_DESK_TIMING=1), for the real-window check
// (ui/deskcheck): how long a scan takes from its Enter to its card on
// screen, and a name's keystroke to its matches on screen, and where that
// time goes.
//
// Two lines per event on standard error:
//
//	desk-timing scan-to-card 12.3ms     Enter → the card applied to the widgets (UI thread)
//	desk-timing scan-to-frame 20.1ms    Enter → the first frame drawn with it on screen
//
// (keystroke-to-matches and keystroke-to-frame for a name search), and a
// trace of the stages:
//
//	desk-trace scan enter=1733480000123456 text="BXR2R4" worker=0.1 resolved=0.9 admitted=6.2 ui=8.0 applied=11.5 painted=19.0 shown=20.1
//
// enter is the Enter's wall-clock time in microseconds since 1970 (the
// check compares it with when xdotool sent Return), text what was scanned
// or searched (quoted, spaces as \x20; none for a button), the others are
// milliseconds after it: the worker took the scan, found whom the code
// names, checked them in; the UI thread began the update, applied it; the
// painter drew the frame probe (a 1×1 raster refreshed with the update,
// whose pixels the painter asks for while it draws the frame; it lies over
// the desk, drawn after the rest of it: the frame is drawn, not yet
// swapped); the main loop's next turn after that frame, which is after its
// buffers were swapped: the frame is on screen (an upper bound: that turn
// may draw one more frame first).

// deskStages are the times of one timed event's stages.
type deskStages struct {
	what  string // "scan", "search"
	text  string // what was scanned or searched ("" for a button)
	start time.Time
	names []string
	at    []time.Time
}

// newDeskStages starts timing what from start; nil when the desk is not
// timed (every method of a nil *deskStages does nothing).
func newDeskStages(what string, start time.Time) *deskStages {
	if !deskTiming || start.IsZero() {
		return nil
	}
	return &deskStages{what: what, start: start}
}

// mark notes that the stage name is reached now.
func (st *deskStages) mark(name string) {
	if st != nil {
		st.names = append(st.names, name)
		st.at = append(st.at, time.Now())
	}
}

// log writes the trace line.
func (st *deskStages) log() {
	if st == nil {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "desk-trace %s enter=%d", st.what, st.start.UnixMicro())
	if st.text != "" { // one field, whatever it holds
		fmt.Fprintf(&b, " text=%s", strings.Join(strings.Fields(strconv.Quote(st.text)), "\\x20"))
	}
	for i, n := range st.names {
		fmt.Fprintf(&b, " %s=%.1f", n, float64(st.at[i].Sub(st.start).Microseconds())/1000)
	}
	b.WriteByte('\n')
	fmt.Fprint(deskTimingOut, b.String())
}

// deskFrameProbe tells when the frame that shows an update is drawn: a
// 1×1 transparent raster, refreshed with the update, whose pixels the
// painter asks for while it draws the next frame. Only on a timed desk.
type deskFrameProbe struct {
	raster  *canvas.Raster
	waiting []func(painted time.Time) // UI thread
	pixel   image.Image
}

func newDeskFrameProbe() *deskFrameProbe {
	p := &deskFrameProbe{pixel: image.NewNRGBA(image.Rect(0, 0, 1, 1))}
	p.raster = canvas.NewRaster(p.draw)
	p.raster.Resize(fyne.NewSquareSize(1))
	return p
}

// object is the probe, to put anywhere in the window where it is drawn: a
// container without layout keeps its 1×1 size.
func (p *deskFrameProbe) object() fyne.CanvasObject {
	return container.NewWithoutLayout(p.raster)
}

// afterFrame calls done, on the UI thread, once the frame showing what
// was just changed is drawn, with the time it was painted. UI thread.
func (p *deskFrameProbe) afterFrame(done func(painted time.Time)) {
	if p == nil {
		return
	}
	p.waiting = append(p.waiting, done)
	p.raster.Refresh()
}

// draw is the raster's generator, called by the painter while it draws a
// frame (on the UI thread); the main loop's next turn comes after the
// frame's buffers are swapped.
func (p *deskFrameProbe) draw(int, int) image.Image {
	if len(p.waiting) > 0 {
		painted, waiting := time.Now(), p.waiting
		p.waiting = nil
		go fyne.Do(func() {
			for _, done := range waiting {
				done(painted)
			}
		})
	}
	return p.pixel
}

// timeFrame logs, once the frame with the update is on screen, the
// event's line frameLine ("scan-to-frame") and its trace. UI thread.
func (s *deskScreen) timeFrame(st *deskStages, frameLine string) {
	if st == nil {
		return
	}
	if s.probe == nil {
		st.log()
		return
	}
	s.probe.afterFrame(func(painted time.Time) {
		st.names = append(st.names, "painted")
		st.at = append(st.at, painted)
		st.mark("shown")
		logDeskTiming(frameLine, st.start)
		st.log()
	})
}
