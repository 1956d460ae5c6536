package cli

import (
	"flag"
	"fmt"
	"strings"
	"unicode/utf8"
)

// command is one command of the table: its name, its usage in both
// languages, its flags and its handler. congres help, congres COMMAND -h
// and usage errors all come from here.
type command struct {
	name    string
	aliases []string
	forms   []form // its usage lines, each with what it does
	// minArgs and optArgs: how many arguments it needs, and how many more
	// it may take; needs is the error for another number (EN, FR).
	minArgs, optArgs int
	needs            [2]string
	flags            func(fs *flag.FlagSet, o *options)
	run              func(r *runner, o *options, args []string) error
}

// form is one way to call a command: what follows "congres " (EN, FR; a
// long one on several lines, the next ones indented) and what it does
// (EN, FR, on as many lines as it takes).
type form struct {
	call [2]string
	what [2]string
}

// options holds the flags of every command; each command registers those it
// takes.
type options struct {
	out, layout, category, code, sort, preset, day, sheet, onMatch, desk string
	name, days, role, halfDays                                           string
	participants, blank                                                  int
	session                                                              int64
	listLayouts, unprinted, reprint, semicolon, listPresets              bool
	dryRun, createCategories, yes, rehearsal                             bool
	maps, categories                                                     pairs
	// import: what new rows get when the file does not say, and where the
	// rejected rows go
	defaultCategory, defaultStatus, defaultFee, defaultDays, rejects, dateOrder string
	// badges: the first free label of a sheet, and its margins and gaps
	// (mm; "" keeps the layout's settings)
	start                             int
	marginTop, marginLeft, gapX, gapY string
	printLang                         string // new: the language of the prints (fr, en)
}

// commands is the table of commands, in the order of the help.
var commands []*command

func init() {
	commands = []*command{
		deskCommand, newCommand, demoCommand, statsCommand, restoreCommand,
		badgesCommand, exportCommand, signinCommand, certificatesCommand,
		importCommand, checkinCommand, undoCommand, unlockCommand,
		copyCommand, serverCommand, outboxCommand, versionCommand, helpCommand,
	}
}

// lookup finds a command by its name or an alias.
func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
		for _, a := range c.aliases {
			if a == name {
				return c
			}
		}
	}
	return nil
}

// windowForm is the line of the help for the window.
var windowForm = form{
	call: [2]string{"[FILE|URL]", "[FICHIER|URL]"},
	what: [2]string{"open the window on FILE or URL, or on the last one opened",
		"ouvre la fenêtre sur FICHIER ou URL, ou sur le dernier ouvert"},
}

var versionCommand = &command{
	name:    "--version",
	aliases: []string{"-version"},
	forms: []form{{
		call: [2]string{"--version", "--version"},
		what: [2]string{"the version and build number (from FyneApp.toml)", "la version et le numéro de build (de FyneApp.toml)"},
	}},
	run: func(r *runner, _ *options, _ []string) error {
		fmt.Fprint(r.out, r.cfg.Version)
		return nil
	},
}

var helpCommand = &command{
	name:    "help",
	aliases: []string{"-h", "--help", "-help"},
	forms: []form{
		{call: [2]string{"help", "help"}, what: [2]string{"the list of commands", "la liste des commandes"}},
		{call: [2]string{"COMMAND -h", "COMMANDE -h"}, what: [2]string{"how to use one command (also: congres help COMMAND)",
			"comment utiliser une commande (aussi : congres help COMMANDE)"}},
	},
	optArgs: 1,
	needs:   [2]string{"help takes at most one COMMAND.", "help prend au plus une COMMANDE."},
	run: func(r *runner, _ *options, args []string) error {
		if len(args) == 0 {
			fmt.Fprint(r.out, helpText(r.lang))
			return nil
		}
		c := lookup(args[0])
		if c == nil {
			r.cmd = nil
			return r.usage(fmt.Sprintf("unknown command %q.", args[0]), fmt.Sprintf("commande inconnue «%s».", args[0]))
		}
		fmt.Fprint(r.out, c.usage(r.lang))
		return nil
	},
}

// helpColumn is where what a command does starts in the help, and
// helpWidth where its lines end.
const (
	helpColumn = 46
	helpWidth  = 104
)

// wrap cuts text into lines of at most width characters, at spaces and
// line breaks.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	// A no-break space (3\u00a0unknown) keeps its words together.
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\n' }) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width,
			strings.Contains(";:!?»", w): // French punctuation stays on its line
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	lines = append(lines, line)
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, "\u00a0", " ")
	}
	return lines
}

// usage is the command's lines of the help, in language lang.
func (c *command) usage(lang string) string {
	var b strings.Builder
	for _, f := range c.forms {
		f.write(&b, lang)
	}
	return b.String()
}

func (f form) write(b *strings.Builder, lang string) {
	i := 0
	if lang == "fr" {
		i = 1
	}
	calls := strings.Split(f.call[i], "\n")
	whats := wrap(f.what[i], helpWidth-helpColumn)
	for n, call := range calls {
		if n == 0 {
			call = "  congres " + call
		} else {
			call = "  " + call
		}
		b.WriteString(call)
		if n == len(calls)-1 && utf8.RuneCountInString(call) < helpColumn-1 {
			b.WriteString(strings.Repeat(" ", helpColumn-utf8.RuneCountInString(call)))
			b.WriteString(whats[0] + "\n")
			whats = whats[1:]
		} else {
			b.WriteString("\n")
		}
	}
	for _, w := range whats {
		b.WriteString(strings.Repeat(" ", helpColumn) + w + "\n")
	}
}

// helpText is what congres help prints: every command of the table.
func helpText(lang string) string {
	var b strings.Builder
	if lang == "fr" {
		b.WriteString("Congrès — un congrès dans un fichier ou sur un serveur.\n\n" +
			"FICHIER est un fichier de congrès (.congres) ; URL, un congrès sur un serveur PostgreSQL :\n" +
			"postgres://UTILISATEUR:MOT-DE-PASSE@HÔTE[:PORT]/BASE, ou host=HÔTE dbname=BASE user=UTILISATEUR.\n\n" +
			"Utilisation :\n")
	} else {
		b.WriteString("Congrès — a congress in a file or on a server.\n\n" +
			"FILE is a congress file (.congres); URL, a congress on a PostgreSQL server:\n" +
			"postgres://USER:PASSWORD@HOST[:PORT]/DATABASE, or host=HOST dbname=DATABASE user=USER.\n\n" +
			"Usage:\n")
	}
	windowForm.write(&b, lang)
	for _, c := range commands {
		for _, f := range c.forms {
			f.write(&b, lang)
		}
	}
	return b.String()
}
