package ui

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"congres/data/stores"
	"congres/export"
)

// The programs of the system, behind variables that tests replace to see the
// command lines without printing anything.
var (
	// lookPath finds a program (lp, lpstat).
	lookPath = exec.LookPath
	// runCommand runs a program and returns what it wrote.
	runCommand = func(ctx context.Context, name string, args ...string) ([]byte, error) {
		return exec.CommandContext(ctx, name, args...).CombinedOutput()
	}
	// openURL opens a file in the program the system gives it to, and says
	// when none answered (errNoViewer). It may take openGrace: call it off
	// the UI thread (openAsync).
	openURL = openWithSystem
	// opener is the program that opens a file in the system's program for
	// it, with its first arguments; the file's URL comes last.
	opener = systemOpener()
	// openGrace is how long an opener is given to fail: one still running
	// then, or one that ended well before, has opened the file. xdg-open
	// without any viewer tries a list of programs before it gives up: 2 s
	// on an idle laptop, 4 s on a busy one.
	openGrace = 8 * time.Second
)

// systemOpener is the opener of the system Congrès runs on, as Fyne's
// OpenURL calls it.
func systemOpener() []string {
	switch runtime.GOOS {
	case "windows":
		return []string{"rundll32", "url.dll,FileProtocolHandler"}
	case "darwin":
		return []string{"open"}
	}
	return []string{"xdg-open"}
}

// errNoViewer says that no program answered to open a file: the opener is
// not installed, or it failed (xdg-open without a PDF viewer ends with an
// error at once).
var errNoViewer = errors.New("no program answered to open the file")

// openWithSystem runs the opener on u. It returns nil when the opener ended
// well, or still runs after openGrace (it shows the file meanwhile), and
// errNoViewer when it cannot be started or ends with an error before. The
// opener is always waited for, in a goroutine of its own when it outlives
// openGrace, so that it never lingers as a zombie process. It blocks up to
// openGrace: any goroutine but the UI thread.
func openWithSystem(u *url.URL) error {
	args := append(slices.Clone(opener[1:]), u.String())
	cmd := exec.Command(opener[0], args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr // its complaints go to the log
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%w: %s: %v", errNoViewer, opener[0], err)
	}
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }() // reaps it, however long it runs
	timer := time.NewTimer(openGrace)
	defer timer.Stop()
	select {
	case err := <-ended:
		if err != nil {
			return fmt.Errorf("%w: %s: %v", errNoViewer, opener[0], err)
		}
		return nil
	case <-timer.C:
		return nil
	}
}

// urlFile is the file a file URL names, as the system writes it.
func urlFile(u *url.URL) string {
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/") // /C:/… is C:\…
	}
	return filepath.FromSlash(p)
}

// openAsync opens u with openURL off the UI thread, then tells done, on the
// UI thread, what came of it (nil: opened), unless ctx was cancelled
// meanwhile (the file was closed).
func openAsync(ctx context.Context, tk *tasks, u *url.URL, done func(error)) {
	tk.runAsync(ctx, func(context.Context) func() {
		err := openURL(u)
		if err != nil {
			log.Printf("opening %s: %v", u, err)
		}
		return func() { done(err) }
	})
}

// hasLP reports whether PDFs go to printers through CUPS's lp (Linux,
// macOS). Elsewhere, and on Windows, they open in the system's viewer.
func hasLP() bool {
	if runtime.GOOS == "windows" {
		return false
	}
	_, err := lookPath("lp")
	return err == nil
}

// printJob is a PDF on its way to the printer.
type printJob struct {
	printer  string // the printer's name; "" for the system's default
	congress string // the congress file: the viewer's copy goes beside it
	duplex   bool   // print on both sides
	short    bool   // the printer turns the sheet on its short edge
	write    func(io.Writer) error
}

// printPDF sends the PDF that job.write writes to the printer with lp. The
// file given to lp is temporary and removed once lp has spooled it: it holds
// personal data. Without lp it writes the PDF into a folder beside the
// congress file, replacing the one written before, and returns its URL, to
// be opened in the system's viewer (on the UI thread) and printed from there.
// Any goroutine.
func printPDF(ctx context.Context, job printJob) (viewer *url.URL, err error) {
	if !hasLP() {
		path := viewerPath(job.congress)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := export.WriteFile(path, job.write); err != nil {
			return nil, err
		}
		return fileURL(path), nil
	}
	f, err := os.CreateTemp("", "congres-badges-*.pdf")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriterSize(f, 1<<16)
	err = job.write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	out, err := runCommand(ctx, "lp", lpArgs(job, f.Name())...)
	switch {
	case err == nil:
		return nil, nil // spooled, even if Cancel came meanwhile
	case ctx.Err() != nil:
		return nil, ctx.Err() // lp was stopped
	}
	return nil, &printError{printer: job.printer, output: strings.TrimSpace(string(out)), err: err}
}

// lpArgs is lp's command line for a file: the printer, when one was chosen,
// and both sides for a duplex layout.
func lpArgs(job printJob, file string) []string {
	var args []string
	if job.printer != "" {
		args = append(args, "-d", job.printer)
	}
	if job.duplex {
		sides := "sides=two-sided-long-edge"
		if job.short {
			sides = "sides=two-sided-short-edge"
		}
		args = append(args, "-o", sides)
	}
	return append(args, file)
}

// viewerPath is where a PDF to open in the viewer goes: the folder
// "<congress file name> badges" beside the congress file.
func viewerPath(congress string) string {
	if stores.IsServer(congress) { // a server's congress has no folder: the user's cache
		dir, err := os.UserCacheDir()
		if err != nil {
			dir = os.TempDir()
		}
		return filepath.Join(dir, "Congres", "badges", "badges.pdf")
	}
	base := strings.TrimSuffix(filepath.Base(congress), filepath.Ext(congress))
	return filepath.Join(filepath.Dir(congress), base+" badges", "badges.pdf")
}

// printers lists the printers the system knows (lpstat -e), none when it
// cannot say. Any goroutine.
func printers(ctx context.Context) []string {
	if runtime.GOOS == "windows" {
		return nil
	}
	if _, err := lookPath("lpstat"); err != nil {
		return nil
	}
	out, err := runCommand(ctx, "lpstat", "-e")
	if err != nil {
		return nil
	}
	var list []string
	for _, line := range strings.Split(string(out), "\n") {
		if name := strings.TrimSpace(line); name != "" {
			list = append(list, name)
		}
	}
	return list
}

// printError says that lp refused a PDF, with what it wrote.
type printError struct {
	printer, output string
	err             error
}

func (e *printError) Error() string { return "lp: " + e.err.Error() + ": " + e.output }

func (e *printError) Unwrap() error { return e.err }

// Message is the sentence shown, in the interface's language.
func (e *printError) Message(string) string {
	printer := e.printer
	if printer == "" {
		printer = lang.L("the default printer")
	}
	detail := e.output
	if detail == "" {
		detail = e.err.Error()
	}
	return lang.L("The badges could not be sent to {{.Printer}}: {{.Detail}}",
		map[string]any{"Printer": printer, "Detail": detail})
}
