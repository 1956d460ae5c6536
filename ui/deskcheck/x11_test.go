package deskcheck

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// needTools skips the test when a program it drives is missing, or fails it
// when CONGRES_REQUIRE_TOOLS is set (make test and make desk-check install
// them and set it).
func needTools(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			if os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
				t.Fatalf("%s is needed for the real-window check of the desk (make deps installs it): %v", name, err)
			}
			t.Skipf("%s is not installed: the real-window check of the desk needs Xvfb, xdotool and setxkbmap "+
				"(apt-get install xvfb xdotool x11-xkb-utils, or make desk-check)", name)
		}
	}
}

// xserver is an Xvfb of its own, on a display number it chose itself.
type xserver struct {
	display       string // ":93"
	width, height int
	fbdir         string // where Xvfb keeps its screen as an XWD file
	home          string // HOME of the programs started on it
	pid           int    // Xvfb's process
}

// startX starts Xvfb with a screen of width×height, and stops it when the
// test ends.
func startX(t *testing.T, width, height int) *xserver {
	t.Helper()
	x := &xserver{width: width, height: height, fbdir: t.TempDir(), home: t.TempDir()}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var errs bytes.Buffer
	// -displayfd: Xvfb picks a free display and writes its number once it
	// accepts connections, so that two runs never collide.
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", width, height),
		"-nolisten", "tcp", "-fbdir", x.fbdir, "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	cmd.Stderr = &errs
	dieWithTest(cmd)
	if err := cmd.Start(); err != nil {
		w.Close()
		t.Fatalf("Xvfb: %v", err)
	}
	w.Close()
	x.pid = cmd.Process.Pid
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	got := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	select {
	case n := <-got:
		if _, err := strconv.Atoi(n); err != nil {
			t.Fatalf("Xvfb did not start (display %q): %s", n, errs.String())
		}
		x.display = ":" + n
	case <-time.After(20 * time.Second):
		t.Fatalf("Xvfb did not start within 20 s: %s", errs.String())
	}
	return x
}

// env is the environment of a program on this display: its own HOME (so
// that the window's preferences and last file are the test's own) and
// language.
func (x *xserver) env(lang string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "DISPLAY", "WAYLAND_DISPLAY", "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
			"LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "CONGRES_DESK_TIMING":
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "DISPLAY="+x.display, "HOME="+x.home, "XDG_CONFIG_HOME="+filepath.Join(x.home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(x.home, ".local", "share"), "XDG_CACHE_HOME="+filepath.Join(x.home, ".cache"),
		"LANG="+lang)
	return append(env, extra...)
}

// run runs an X client (xdotool, setxkbmap) on this display, within limit.
func (x *xserver) run(limit time.Duration, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = x.env("C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("%s %s: %v: %s", name, strings.Join(shorten(args), " "), err, out)
	}
	return string(out), nil
}

// shorten keeps an error about a long xdotool command readable.
func shorten(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if len(a) > 40 {
			a = fmt.Sprintf("%s… (%d bytes)", a[:40], len(a))
		}
		out[i] = a
	}
	return out
}

// xdo runs xdotool and fails the test if it fails.
func (x *xserver) xdo(t *testing.T, args ...string) string {
	t.Helper()
	out, err := x.run(10*time.Minute, "xdotool", args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// typeText types text as a keyboard (or a scanner) does, delay a key; a
// "\n" is the Return key. It returns how long the typing took.
//
// Each character is sent as the key that has it in the display's keymap
// (xdotool key with its keysym), as a keyboard sends it: xdotool type
// would send "\n" through a spare keycode that the keymap names nothing,
// which GLFW, reading keys by their XKB names, does not take for Return.
func (x *xserver) typeText(t *testing.T, text string, delay time.Duration) time.Duration {
	t.Helper()
	args := []string{"key", "--delay", strconv.Itoa(int(delay.Milliseconds()))}
	for _, r := range text {
		args = append(args, keysym(t, r))
	}
	start := time.Now()
	x.xdo(t, args...)
	return time.Since(start)
}

// keysym is the X keysym name of a character typed here.
func keysym(t *testing.T, r rune) string {
	t.Helper()
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return string(r)
	}
	if name, ok := keysyms[r]; ok {
		return name
	}
	t.Fatalf("no keysym for %q", r)
	return ""
}

var keysyms = map[rune]string{'\n': "Return", ' ': "space", '&': "ampersand", 'é': "eacute", '"': "quotedbl",
	'\'': "apostrophe", '(': "parenleft", '-': "minus", 'è': "egrave", '_': "underscore", 'ç': "ccedilla",
	'à': "agrave", '?': "question"}

// window is a top-level window of a program, with its place on the screen.
type window struct {
	id                  string
	x, y, width, height int
}

// waitWindow waits for the window of the process pid to be on screen.
func (x *xserver) waitWindow(t *testing.T, pid int, limit time.Duration) window {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		out, _ := x.run(5*time.Second, "xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(pid))
		if ids := strings.Fields(out); len(ids) > 0 {
			return x.geometry(t, ids[0])
		}
		if time.Now().After(deadline) {
			t.Fatalf("no window of the program on screen after %v", limit)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// geometry reads where a window is and how large.
func (x *xserver) geometry(t *testing.T, id string) window {
	t.Helper()
	w := window{id: id}
	for _, line := range strings.Split(x.xdo(t, "getwindowgeometry", "--shell", id), "\n") {
		k, v, _ := strings.Cut(strings.TrimSpace(line), "=")
		n, _ := strconv.Atoi(v)
		switch k {
		case "X":
			w.x = n
		case "Y":
			w.y = n
		case "WIDTH":
			w.width = n
		case "HEIGHT":
			w.height = n
		}
	}
	return w
}

// screenshot writes the screen as a PNG file, read from the framebuffer
// that Xvfb keeps in fbdir as an XWD image (no other tool needed).
func (x *xserver) screenshot(path string) error {
	b, err := os.ReadFile(filepath.Join(x.fbdir, "Xvfb_screen0"))
	if err != nil {
		return err
	}
	img, err := decodeXWD(b)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return err
	}
	return os.WriteFile(path, out.Bytes(), 0o644)
}

// decodeXWD reads a 32-bit TrueColor XWD image, as Xvfb writes its screen.
func decodeXWD(b []byte) (image.Image, error) {
	if len(b) < 100 {
		return nil, fmt.Errorf("XWD: %d bytes", len(b))
	}
	h := make([]uint32, 25) // XWDFileHeader, big-endian
	for i := range h {
		h[i] = binary.BigEndian.Uint32(b[4*i:])
	}
	headerSize, version, width, height := h[0], h[1], int(h[4]), int(h[5])
	byteOrder, bpp, stride := h[7], h[11], int(h[12])
	masks := [3]uint32{h[14], h[15], h[16]}
	ncolors := h[19]
	if version != 7 || bpp != 32 {
		return nil, fmt.Errorf("XWD: version %d, %d bits a pixel: not read here", version, bpp)
	}
	off := int(headerSize) + 12*int(ncolors)
	if off+stride*height > len(b) {
		return nil, fmt.Errorf("XWD: %d bytes for %d×%d", len(b), width, height)
	}
	var order binary.ByteOrder = binary.LittleEndian
	if byteOrder == 1 {
		order = binary.BigEndian
	}
	channel := func(p, mask uint32) uint8 {
		if mask == 0 {
			return 0
		}
		for mask&1 == 0 {
			mask >>= 1
			p >>= 1
		}
		return uint8(p & mask)
	}
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for y := range height {
		row := b[off+y*stride:]
		for x := range width {
			p := order.Uint32(row[4*x:])
			img.SetRGBA(x, y, color.RGBA{channel(p, masks[0]), channel(p, masks[1]), channel(p, masks[2]), 255})
		}
	}
	return img, nil
}

// lockedBuffer collects a program's standard error while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// stallEvery stops the X server for stall every period, as a loaded
// machine leaves it without a processor for a while: the keys sent
// meanwhile wait, and it takes them in one go. It returns the function
// that stops the stalls.
func (x *xserver) stallEvery(period, stall time.Duration) (stop func()) {
	done, over := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(over)
		tick := time.NewTicker(period)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				suspend(x.pid, true)
				time.Sleep(stall)
				suspend(x.pid, false)
			}
		}
	}()
	return func() { close(done); <-over }
}
