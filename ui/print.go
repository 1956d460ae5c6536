package ui

import (
	"bufio"
	"context"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

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
	// openURL opens a file in the program the system gives it to.
	openURL = func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }
)

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
