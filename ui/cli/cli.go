// Package cli is the command line of Congrès: one table of commands
// (commands.go) from which the help, each command's usage, its flags and
// its usage errors come. It speaks French or English after the system's
// language, and does not import Fyne: opening the window is the caller's.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"congres/data"
	"congres/data/stores"
)

// Config is what the command line needs from the program around it.
type Config struct {
	Out     io.Writer    // standard output
	Err     io.Writer    // standard error: errors and progress
	Lang    string       // "fr" or "en"; "" for the system's (Language)
	Version string       // what --version prints
	Window  func(Window) // opens the window
}

// Window is how the window opens: on which congress, and on which page.
type Window struct {
	File string // the congress file or server URL; "" for the last one opened
	Desk bool   // on the welcome desk, rather than the dashboard
}

// Main runs the command line args (without the program's name) and returns
// the exit code: 0, or the error's, after writing the error on Err.
func Main(args []string, cfg Config) int {
	r := newRunner(cfg)
	err := r.run(args)
	if err == nil {
		return 0
	}
	fmt.Fprintln(r.err, "congres: "+r.message(err))
	return exitCode(err)
}

// Language is the language of the command line, from the environment as
// POSIX systems set it: French when the system's is, else English.
func Language(getenv func(string) string) string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		if l := getenv(v); l != "" {
			if strings.HasPrefix(strings.ToLower(l), "fr") {
				return "fr"
			}
			return "en"
		}
	}
	return "en"
}

// runner runs one command line.
type runner struct {
	ctx  context.Context
	cfg  Config
	out  io.Writer
	err  io.Writer
	lang string
	cmd  *command // the command running, for its usage in errors
}

func newRunner(cfg Config) *runner {
	r := &runner{ctx: context.Background(), cfg: cfg, out: cfg.Out, err: cfg.Err, lang: cfg.Lang}
	if r.out == nil {
		r.out = io.Discard
	}
	if r.err == nil {
		r.err = io.Discard
	}
	if r.lang == "" {
		r.lang = Language(os.Getenv)
	}
	return r
}

// tr picks the sentence in the command line's language.
func (r *runner) tr(en, fr string) string {
	if r.lang == "fr" {
		return fr
	}
	return en
}

// failure is a sentence to say, ending congres with exit code 1.
type failure string

func (f failure) Error() string { return string(f) }

// exitError ends congres with its message and its own exit code.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// errHelp is -h or --help: the usage was printed, and congres exits 0.
var errHelp = errors.New("help")

// message is the sentence of an error in the command line's language.
func (r *runner) message(err error) string {
	var f failure
	if errors.As(err, &f) {
		return string(f)
	}
	var x exitError
	if errors.As(err, &x) {
		return x.msg
	}
	return data.Message(err, r.lang)
}

// exitCode is the exit code for an error of run: 1 unless it says otherwise.
func exitCode(err error) int {
	var x exitError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &x):
		return x.code
	case errors.Is(err, data.ErrUnknownCode):
		return exitUnknownCode
	}
	return 1
}

// usage is a usage error of the command running: the sentence, then the
// command's usage lines.
func (r *runner) usage(en, fr string) error {
	msg := r.tr(en, fr)
	if r.cmd == nil {
		return failure(msg + " " + r.tr("(see: congres help)", "(voir : congres help)"))
	}
	return failure(msg + "\n" + r.tr("Usage:", "Utilisation :") + "\n" + r.cmd.usage(r.lang) +
		r.tr("(see: congres help)", "(voir : congres help)"))
}

// run runs one command line.
func (r *runner) run(args []string) error {
	if len(args) == 0 {
		r.window(Window{})
		return nil
	}
	if c := lookup(args[0]); c != nil {
		return r.runCommand(c, args[1:])
	}
	if len(args) == 1 && !strings.HasPrefix(args[0], "-") {
		if stores.IsServer(args[0]) {
			return r.openWindow(Window{File: args[0]})
		}
		if _, err := os.Stat(args[0]); err != nil &&
			filepath.Ext(args[0]) == "" && !strings.ContainsRune(args[0], filepath.Separator) && !strings.Contains(args[0], "/") {
			// A word that names no file: a command mistyped.
			return r.usage("unknown command "+strconv.Quote(args[0])+".", "commande inconnue «"+args[0]+"».")
		}
		return r.openWindow(Window{File: args[0]})
	}
	return r.usage("unknown command "+strconv.Quote(args[0])+".", "commande inconnue «"+args[0]+"».")
}

// openWindow opens the window on w.File, which must be there (the window
// itself says when it is damaged, read-only or not a congress), or on a
// server's URL (the window says when the server is away), or on the last
// congress opened.
func (r *runner) openWindow(w Window) error {
	if w.File != "" && !stores.IsServer(w.File) {
		if _, err := os.Stat(w.File); err != nil {
			return data.ErrFileNotFound.With(w.File)
		}
	}
	r.window(w)
	return nil
}

func (r *runner) window(w Window) {
	if r.cfg.Window != nil {
		r.cfg.Window(w)
	}
}

// runCommand parses a command's flags and arguments, checks where it
// writes, and runs it.
func (r *runner) runCommand(c *command, args []string) error {
	r.cmd = c
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var o options
	if c.flags != nil {
		c.flags(fs, &o)
	}
	pos, err := r.parse(fs, args)
	if errors.Is(err, errHelp) {
		fmt.Fprint(r.out, c.usage(r.lang))
		return nil
	}
	if err != nil {
		return err
	}
	if len(pos) < c.minArgs || len(pos) > c.minArgs+c.optArgs {
		return r.usage(c.needs[0], c.needs[1])
	}
	if o.out != "" {
		var open []string
		if len(pos) > 0 && !stores.IsServer(pos[0]) {
			open = pos[:1]
		}
		if err := data.CheckOutput(o.out, open...); err != nil {
			return err
		}
	}
	return c.run(r, &o, pos)
}

// parse reads the flags of fs placed anywhere among the arguments (as
// --name value, --name=value, -name…; a boolean alone) and returns the
// other arguments. Its errors are in the command line's language.
func (r *runner) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(pos, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if name == "h" || name == "help" {
			return nil, errHelp
		}
		f := fs.Lookup(name)
		if f == nil || name == "" || strings.HasPrefix(name, "-") {
			return nil, r.usage(fmt.Sprintf("unknown option %s.", a), fmt.Sprintf("option inconnue %s.", a))
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			if !hasValue {
				value = "true"
			}
		} else if !hasValue {
			if i+1 == len(args) {
				return nil, r.usage(fmt.Sprintf("--%s needs a value.", name), fmt.Sprintf("--%s attend une valeur.", name))
			}
			i++
			value = args[i]
		}
		if err := fs.Set(name, value); err != nil {
			if errors.Is(err, errNotPair) {
				return nil, r.usage(fmt.Sprintf("--%s: %q is not of the form Left=Right.", name, value),
					fmt.Sprintf("--%s : «%s» n'est pas de la forme Gauche=Droite.", name, value))
			}
			return nil, r.usage(fmt.Sprintf("--%s: %q is not a valid value.", name, value),
				fmt.Sprintf("--%s : «%s» n'est pas une valeur valable.", name, value))
		}
	}
	return pos, nil
}

// count writes "1 badge", "12 badges", "1 200 badges" in the command
// line's language.
func (r *runner) count(n int, oneEN, manyEN, oneFR, manyFR string) string {
	if n == 1 || r.lang == "fr" && n == 0 {
		return r.num(n) + " " + r.tr(oneEN, oneFR)
	}
	return r.num(n) + " " + r.tr(manyEN, manyFR)
}

// num writes n with its thousands separated as the command line's
// language does: "48,439", "48 439" (a no-break space).
func (r *runner) num(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	sep := r.tr(",", "\u00a0")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return sign + b.String()
}

// open opens the congress of a command, a file or a server's URL: the one
// way the command line opens a store.
func (r *runner) open(target string) (*data.Store, error) {
	return stores.Open(r.ctx, target)
}

// fileOnly refuses a server's URL where a command works on a file only (a
// file's backups, the demo written into a new file).
func (r *runner) fileOnly(target string) error {
	if !stores.IsServer(target) {
		return nil
	}
	name := r.cmd.name
	return failure(r.tr(
		fmt.Sprintf("%s works on a congress file, and %s is a congress on a server: nothing was done.", name, stores.Redact(target)),
		fmt.Sprintf("%s travaille sur un fichier de congrès, et %s est un congrès sur un serveur : rien n'a été fait.", name, stores.Redact(target))))
}

// shown is a command's congress as it is shown: a server's URL without its
// password.
func shown(target string) string { return stores.Redact(target) }

// progressLine reports long work on standard error as a percentage, on one
// line, when standard error is a terminal.
func (r *runner) progressLine() func(done, total int) {
	f, ok := r.err.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	last := -1
	return func(done, total int) {
		if total <= 0 {
			return
		}
		if pc := done * 100 / total; pc != last {
			last = pc
			fmt.Fprintf(f, "\r%3d %%", pc)
			if done >= total {
				fmt.Fprint(f, "\r      \r")
			}
		}
	}
}

// pairs collects repeated "Left=Right" flags.
type pairs [][2]string

// errNotPair is a pair flag's value without "=".
var errNotPair = errors.New("not of the form Left=Right")

func (p *pairs) String() string { return "" }

func (p *pairs) Set(v string) error {
	l, rt, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(l) == "" {
		return errNotPair
	}
	*p = append(*p, [2]string{strings.TrimSpace(l), strings.TrimSpace(rt)})
	return nil
}
