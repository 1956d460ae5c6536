// Command congres runs a congress from one file: registrations, programme,
// stands, the registration desk, badges and attendance exports.
//
//	congres [FILE]                              open the window (the last file, or FILE)
//	congres demo FILE [--participants N]        write the demo congress
//	congres stats FILE                          counts by category, status and day; workshop fill
//	congres restore FILE [BACKUP]               list the backups of FILE, or restore one
//	congres badges FILE --out badges.pdf [...]  badges as PDF (congres badges --list-layouts)
//	congres export FILE --out attendance.xlsx   attendance workbook; --preset NAME: a saved list (XLSX or CSV)
//	congres signin FILE --out sheets.pdf        sign-in sheets (--session ID, --day DAY)
//	congres certificates FILE --out certs.pdf   certificates of attendance (--code CODE)
//	congres checkin FILE CODE [--session ID]    check a person in at the desk, or at a session's door
//	congres undo FILE CODE                      undo that person's last check-in
//	congres --version                           the version (FyneApp.toml's)
//	congres help                                this help
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"fyne.io/fyne/v2"

	"congres/data"
	"congres/export"
	"congres/ui"
)

// fyneAppTOML is FyneApp.toml, the one place where the name, ID, version and
// build number of Congrès are written: `fyne package` builds it into the
// packaged app, and this embeds it into a plain `go build` too.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

// metadata is what FyneApp.toml says of Congrès. It is built in and tested,
// so an error here is a broken build.
func metadata() fyne.AppMetadata {
	meta, err := ui.Metadata(fyneAppTOML)
	if err != nil {
		panic(err)
	}
	return meta
}

// versionText is what `congres --version` prints.
func versionText() string {
	meta := metadata()
	return fmt.Sprintf("Congrès %s (build %d)\n", meta.Version, meta.Build)
}

func main() {
	if len(os.Args) > 1 {
		ui.AttachConsole() // a command typed in a Windows prompt prints there
	}
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "congres: "+message(err))
		os.Exit(exitCode(err))
	}
}

// lang is the language of the command line: French when the system's is.
var lang = func() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		if l := os.Getenv(v); l != "" {
			if strings.HasPrefix(strings.ToLower(l), "fr") {
				return "fr"
			}
			return "en"
		}
	}
	return "en"
}()

// tr picks the sentence in the command line's language.
func tr(en, fr string) string {
	if lang == "fr" {
		return fr
	}
	return en
}

func message(err error) string {
	var u usageError
	if errors.As(err, &u) {
		return string(u)
	}
	var x exitError
	if errors.As(err, &x) {
		return x.msg
	}
	return data.Message(err, lang)
}

type usageError string

func (u usageError) Error() string { return string(u) }

func usage(en, fr string) error {
	return usageError(tr(en, fr) + " " + tr("(see: congres help)", "(voir : congres help)"))
}

func run(args []string, out io.Writer) error {
	ctx := context.Background()
	if len(args) == 0 {
		ui.Run(metadata(), "")
		return nil
	}
	switch args[0] {
	case "help", "-h", "--help", "-help":
		fmt.Fprint(out, helpText())
		return nil
	case "--version", "-version":
		fmt.Fprint(out, versionText())
		return nil
	case "demo":
		return demo(ctx, args[1:], out)
	case "stats":
		return stats(ctx, args[1:], out)
	case "restore":
		return restore(ctx, args[1:], out)
	case "badges":
		return badges(ctx, args[1:], out)
	case "export":
		return exportCmd(ctx, args[1:], out)
	case "signin":
		return signin(ctx, args[1:], out)
	case "certificates":
		return certificates(ctx, args[1:], out)
	case "import":
		return importCmd(ctx, args[1:], out)
	case "checkin":
		return checkin(ctx, args[1:], out)
	case "undo":
		return undo(ctx, args[1:], out)
	}
	if len(args) == 1 && !strings.HasPrefix(args[0], "-") {
		if _, err := os.Stat(args[0]); err != nil {
			return data.ErrFileNotFound.With(args[0])
		}
		ui.Run(metadata(), args[0])
		return nil
	}
	return usage("unknown command "+strconv.Quote(args[0])+".", "commande inconnue "+strconv.Quote(args[0])+".")
}

func helpText() string {
	return tr(`Congrès — a congress in one file.

Usage:
  congres [FILE]                            open the window on FILE, or on the last file
  congres demo FILE [--participants N]      write the demo congress (530 people; N for more)
  congres stats FILE                        counts by category, status and day; workshop fill
  congres restore FILE                      list the backups of FILE
  congres restore FILE BACKUP               restore a backup (a number from the list, or a path);
                                            FILE is backed up first
  congres badges FILE --out badges.pdf [--layout NAME] [--category NAME] [--unprinted]
                 [--code CODE] [--sort name|organisation] [--reprint]
                                            badges as PDF: everyone not cancelled, one category,
                                            those without a badge yet, or one person; --reprint
                                            prints again those who already have one
  congres badges --list-layouts             the badge layouts
  congres export FILE --out attendance.xlsx the attendance workbook: summary, participants with
                                            their arrivals, a sheet per session, stands, catering
  congres export FILE --preset NAME --out list.csv [--semicolon]
                                            a saved list (XLSX or CSV after --out's extension;
                                            --semicolon for French Excel)
  congres export FILE --list-presets        the saved lists
  congres signin FILE --out sheets.pdf [--session ID | --day YYYY-MM-DD] [--blank N]
                                            sign-in sheets: every session, one, or a whole day
  congres certificates FILE --out certificates.pdf [--code CODE]
                                            certificates of attendance: everyone who came, or one
  congres import FILE SOURCE [--sheet NAME] [--dry-run] [--on-match fill|overwrite|skip|create]
                 [--map "Column=field"…] [--category "Text=Category"…] [--create-categories]
                                            import registrations from a CSV or XLSX file in one
                                            transaction; rejected rows are listed and left out
                                            (exit code 1), --dry-run only counts
  congres checkin FILE CODE [--session ID] [--desk NAME] [--day YYYY-MM-DD] [--yes]
                                            check a person in (today, or --day) or into a session;
                                            a warning stops it, unless --yes: exit code 3 unknown
                                            code, 4 already checked in, 5 cancelled, 6 unpaid,
                                            7 not expected that day, 8 session full, 9 enrolled
                                            elsewhere at that time, 10 not enrolled (the lowest
                                            when several apply)
  congres undo FILE CODE [--desk NAME]      undo that person's last check-in or session entry
  congres --version                         the version of Congrès
  congres help                              this help
`, `Congrès — un congrès dans un fichier.

Utilisation :
  congres [FICHIER]                         ouvre la fenêtre sur FICHIER, ou sur le dernier fichier
  congres demo FICHIER [--participants N]   écrit le congrès de démonstration (530 personnes ; N pour plus)
  congres stats FICHIER                     chiffres par catégorie, statut et jour ; remplissage des ateliers
  congres restore FICHIER                   liste les sauvegardes de FICHIER
  congres restore FICHIER SAUVEGARDE        restaure une sauvegarde (un numéro de la liste, ou un chemin) ;
                                            FICHIER est d'abord sauvegardé
  congres badges FICHIER --out badges.pdf [--layout NOM] [--category NOM] [--unprinted]
                 [--code CODE] [--sort name|organisation] [--reprint]
                                            badges en PDF : toutes les personnes non annulées, une
                                            catégorie, celles qui n'ont pas encore de badge, ou une
                                            personne ; --reprint réimprime celles qui en ont déjà un
  congres badges --list-layouts             les dispositions de badges
  congres export FICHIER --out presence.xlsx
                                            le classeur de présence : synthèse, participant·es et
                                            leurs arrivées, une feuille par session, stands, repas
  congres export FICHIER --preset NOM --out liste.csv [--semicolon]
                                            une liste enregistrée (XLSX ou CSV selon l'extension de
                                            --out ; --semicolon pour Excel en français)
  congres export FICHIER --list-presets     les listes enregistrées
  congres signin FICHIER --out emargement.pdf [--session ID | --day AAAA-MM-JJ] [--blank N]
                                            feuilles d'émargement : toutes les sessions, une, ou un jour
  congres certificates FICHIER --out attestations.pdf [--code CODE]
                                            attestations de présence : toutes les personnes venues, ou une
  congres import FICHIER SOURCE [--sheet NOM] [--dry-run] [--on-match fill|overwrite|skip|create]
                 [--map "Colonne=champ"…] [--category "Texte=Catégorie"…] [--create-categories]
                                            importe des inscriptions d'un fichier CSV ou XLSX en une
                                            transaction ; les lignes rejetées sont listées et laissées
                                            de côté (code de sortie 1), --dry-run ne fait que compter
  congres checkin FICHIER CODE [--session ID] [--desk NOM] [--day AAAA-MM-JJ] [--yes]
                                            enregistre l'arrivée d'une personne (aujourd'hui, ou --day)
                                            ou son entrée dans une session ; une alerte l'arrête, sauf
                                            --yes : code de sortie 3 code inconnu, 4 déjà arrivé·e,
                                            5 annulé·e, 6 non réglé, 7 pas attendu·e ce jour-là,
                                            8 session complète, 9 inscrit·e ailleurs au même moment,
                                            10 non inscrit·e (le plus petit si plusieurs s'appliquent)
  congres undo FICHIER CODE [--desk NOM]    annule le dernier passage de cette personne
  congres --version                         la version de Congrès
  congres help                              cette aide
`)
}

// parse reads flags placed anywhere among the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError(err.Error())
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func demo(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	n := fs.Int("participants", 530, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usage("demo needs one FILE.", "demo attend un FICHIER.")
	}
	if *n < 1 || *n > 1_000_000 {
		return usage("--participants must be between 1 and 1,000,000.", "--participants doit être compris entre 1 et 1 000 000.")
	}
	if err := data.WriteDemo(ctx, pos[0], data.DemoOptions{Participants: *n}); err != nil {
		return err
	}
	fmt.Fprintf(out, tr("Demo congress written to %s (%d participants).\n", "Congrès de démonstration écrit dans %s (%d participant·es).\n"), pos[0], *n)
	return nil
}

func openFile(ctx context.Context, args []string, what string) (*data.Store, error) {
	if len(args) != 1 {
		return nil, usage(what+" needs one FILE.", what+" attend un FICHIER.")
	}
	return data.Open(ctx, args[0])
}

func stats(ctx context.Context, args []string, out io.Writer) error {
	s, err := openFile(ctx, args, "stats")
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := s.Congress(ctx)
	if err != nil {
		return err
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(out, "%s — %s, %s\n\n", c.Name, c.Edition, c.City)
	fmt.Fprintf(w, "%s\t%d\t\n", tr("Registered", "Inscrit·es"), st.Registered)
	fmt.Fprintf(w, "%s\t%d\t\n", tr("Pending", "En attente"), st.Pending)
	fmt.Fprintf(w, "%s\t%d\t\n", tr("Confirmed", "Confirmé·es"), st.Confirmed)
	fmt.Fprintf(w, "%s\t%d\t\n\n", tr("Cancelled", "Annulé·es"), st.Cancelled)
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t\n", tr("Category", "Catégorie"), tr("Registered", "Inscrit·es"),
		tr("Confirmed", "Confirmé·es"), tr("Cancelled", "Annulé·es"), tr("Checked in", "Arrivé·es"))
	for _, cc := range st.ByCategory {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t\n", cc.Category.Name, cc.Registered, cc.Confirmed, cc.Cancelled, cc.CheckedIn)
	}
	fmt.Fprintf(w, "\n%s\t%s\t%s\t\n", tr("Day", "Jour"), tr("Expected", "Attendu·es"), tr("Checked in", "Arrivé·es"))
	for _, d := range st.ByDay {
		fmt.Fprintf(w, "%s\t%d\t%d\t\n", d.Day, d.Expected, d.CheckedIn)
	}
	fmt.Fprintf(w, "\n%s\t%s\t%s\t%s\t%s\t\n", tr("Workshop", "Atelier"), tr("Day", "Jour"), tr("Enrolled", "Inscrit·es"),
		tr("Capacity", "Places"), tr("Waiting", "En attente"))
	for _, f := range st.Sessions {
		if f.Session.Kind != data.KindWorkshop {
			continue
		}
		capacity := "—"
		if f.Session.EffectiveCapacity > 0 {
			capacity = strconv.Itoa(f.Session.EffectiveCapacity)
		}
		fmt.Fprintf(w, "%s\t%s %s\t%d\t%s\t%d\t\n", truncate(f.Session.Title, 48), f.Session.Day, f.Session.Start,
			f.Session.Enrolled, capacity, f.Session.Waitlisted)
	}
	return w.Flush()
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func restore(ctx context.Context, args []string, out io.Writer) error {
	if len(args) < 1 || len(args) > 2 {
		return usage("restore needs FILE and, to restore, a BACKUP.", "restore attend FICHIER et, pour restaurer, une SAUVEGARDE.")
	}
	path := args[0]
	list, err := data.Backups(path)
	if err != nil {
		return err
	}
	if len(args) == 1 {
		if len(list) == 0 {
			return data.ErrNoBackup.With(path)
		}
		for i, b := range list {
			fmt.Fprintf(out, "%3d  %s  %8.1f kB  %s\n", i+1, b.Time.Format("2006-01-02 15:04:05"), float64(b.Size)/1000, b.Path)
		}
		return nil
	}
	backup := args[1]
	if i, err := strconv.Atoi(backup); err == nil {
		if i < 1 || i > len(list) {
			return usage(fmt.Sprintf("there is no backup number %d.", i), fmt.Sprintf("il n'y a pas de sauvegarde numéro %d.", i))
		}
		backup = list[i-1].Path
	}
	if err := data.Restore(ctx, path, backup); err != nil {
		return err
	}
	fmt.Fprintf(out, tr("%s restored from %s.\n", "%s restauré depuis %s.\n"), path, backup)
	return nil
}

func badges(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("badges", flag.ContinueOnError)
	list := fs.Bool("list-layouts", false, "")
	dest := fs.String("out", "", "")
	layoutName := fs.String("layout", "a4-85x54", "")
	category := fs.String("category", "", "")
	unprinted := fs.Bool("unprinted", false, "")
	code := fs.String("code", "", "")
	sortBy := fs.String("sort", "name", "")
	reprint := fs.Bool("reprint", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *list {
		for _, l := range export.Presets() {
			fmt.Fprintf(out, "%-14s %2d  %s\n", l.Name, l.PerPage(), l.Label(lang))
		}
		return nil
	}
	if *dest == "" {
		return usage("badges needs --out FILE.pdf.", "badges attend --out FICHIER.pdf.")
	}
	layout, err := export.LayoutByName(*layoutName)
	if err != nil {
		return err
	}
	q := data.ParticipantQuery{Sort: data.SortName, SkipCancelled: true}
	switch *sortBy {
	case "name":
	case "organisation", "organization":
		q.Sort = data.SortOrganisation
	default:
		return usage("--sort is name or organisation.", "--sort vaut name ou organisation.")
	}
	if *unprinted {
		q.BadgePrinted = data.No
	}
	s, err := openFile(ctx, pos, "badges")
	if err != nil {
		return err
	}
	defer s.Close()
	if *category != "" {
		if q.CategoryID, err = categoryID(ctx, s, *category); err != nil {
			return err
		}
	}
	ids, err := export.BadgeIDs(ctx, s, export.BadgeSelection{Code: *code, Query: q})
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return export.ErrNoBadges
	}
	if printed, err := s.CountBadgePrinted(ctx, ids); err != nil {
		return err
	} else if printed > 0 && !*reprint {
		if len(ids) == 1 {
			return usageError(tr("this person already has a badge: add --reprint to print another.",
				"cette personne a déjà un badge : ajoutez --reprint pour en imprimer un autre."))
		}
		return usageError(fmt.Sprintf(tr("%d of these %d people already have a badge: add --unprinted to leave them out, or --reprint to print theirs again.",
			"%d de ces %d personnes ont déjà un badge : ajoutez --unprinted pour les laisser de côté, ou --reprint pour réimprimer le leur."), printed, len(ids)))
	}
	in, err := export.LoadBadges(ctx, s, ids)
	if err != nil {
		return err
	}
	settings, err := s.BadgeSettings(ctx, layout.Name)
	if err != nil {
		return err
	}
	opts := export.BadgeOptions{Layout: layout, Settings: settings, Lang: lang}
	err = export.WriteFile(*dest, func(w io.Writer) error { return export.WriteBadges(ctx, w, in, opts) })
	if err != nil {
		return err
	}
	if err := s.RecordBadgePrints(ctx, layout.Name, ids...); err != nil {
		return err
	}
	fmt.Fprintf(out, tr("%s written to %s (%s).\n", "%s dans %s (%s).\n"),
		count(len(in.Badges), "badge", "badges", "badge écrit", "badges écrits"), *dest, layout.Label(lang))
	return nil
}

// categoryID finds a category by its name or its badge label, ignoring case
// and accents.
func categoryID(ctx context.Context, s *data.Store, name string) (int64, error) {
	cats, err := s.Categories(ctx)
	if err != nil {
		return 0, err
	}
	var names []string
	for _, c := range cats {
		if data.Fold(c.Name) == data.Fold(name) || data.Fold(c.BadgeLabel) == data.Fold(name) {
			return c.ID, nil
		}
		names = append(names, c.Name)
	}
	return 0, usageError(fmt.Sprintf(tr("there is no category %q. Categories: %s.", "il n'y a pas de catégorie « %s ». Catégories : %s."),
		name, strings.Join(names, ", ")))
}

// progressLine reports long work on standard error as a percentage, on one
// line, when standard error is a terminal.
func progressLine() func(done, total int) {
	if fi, err := os.Stderr.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	last := -1
	return func(done, total int) {
		if total <= 0 {
			return
		}
		if pc := done * 100 / total; pc != last {
			last = pc
			fmt.Fprintf(os.Stderr, "\r%3d %%", pc)
			if done >= total {
				fmt.Fprint(os.Stderr, "\r      \r")
			}
		}
	}
}

func exportCmd(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	dest := fs.String("out", "", "")
	presetName := fs.String("preset", "", "")
	semicolon := fs.Bool("semicolon", false, "")
	listPresets := fs.Bool("list-presets", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	s, err := openFile(ctx, pos, "export")
	if err != nil {
		return err
	}
	defer s.Close()
	if *listPresets {
		presets, err := s.ListPresets(ctx)
		if err != nil {
			return err
		}
		for _, p := range presets {
			fmt.Fprintf(out, "%s\t%s\n", p.Name, strings.Join(p.Columns, ", "))
		}
		return nil
	}
	if *dest == "" {
		return usage("export needs --out FILE.", "export attend --out FICHIER.")
	}
	ext := strings.ToLower(filepath.Ext(*dest))
	if *presetName == "" {
		if ext != ".xlsx" {
			return usage("the attendance workbook is an .xlsx file.", "le classeur de présence est un fichier .xlsx.")
		}
		in, err := export.LoadAttendance(ctx, s)
		if err != nil {
			return err
		}
		err = export.WriteFile(*dest, func(w io.Writer) error {
			return export.WriteAttendance(ctx, w, in, export.WorkbookOptions{Lang: lang, Progress: progressLine()})
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, tr("Attendance workbook written to %s.\n", "Classeur de présence écrit dans %s.\n"), *dest)
		return nil
	}
	if ext != ".xlsx" && ext != ".csv" {
		return usage("a list is written to an .xlsx or a .csv file.", "une liste s'écrit dans un fichier .xlsx ou .csv.")
	}
	preset, err := s.ListPreset(ctx, *presetName)
	if err != nil {
		return err
	}
	in, err := export.LoadList(ctx, s, preset)
	if err != nil {
		return err
	}
	err = export.WriteFile(*dest, func(w io.Writer) error {
		if ext == ".csv" {
			sep := ','
			if *semicolon {
				sep = ';'
			}
			return export.WriteListCSV(ctx, w, in, export.CSVOptions{Lang: lang, Separator: sep, Progress: progressLine()})
		}
		return export.WriteListXLSX(ctx, w, in, export.WorkbookOptions{Lang: lang, Progress: progressLine()})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, tr("List “%s” written to %s.\n", "Liste « %s » écrite dans %s.\n"), preset.Name, *dest)
	return nil
}

func signin(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("signin", flag.ContinueOnError)
	dest := fs.String("out", "", "")
	session := fs.Int64("session", 0, "")
	day := fs.String("day", "", "")
	blank := fs.Int("blank", 10, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *dest == "" {
		return usage("signin needs --out FILE.pdf.", "signin attend --out FICHIER.pdf.")
	}
	if *session != 0 && *day != "" {
		return usage("--session and --day cannot go together.", "--session et --day ne vont pas ensemble.")
	}
	if *blank < 0 || *blank > 200 {
		return usage("--blank must be between 0 and 200.", "--blank doit être compris entre 0 et 200.")
	}
	sel := export.SignInSelection{SessionID: *session}
	if *day != "" {
		d, err := data.ParseDay(*day)
		if err != nil {
			return err
		}
		sel.Day = d
	}
	s, err := openFile(ctx, pos, "signin")
	if err != nil {
		return err
	}
	defer s.Close()
	in, err := export.LoadSignIn(ctx, s, sel)
	if err != nil {
		return err
	}
	blanks := *blank
	if blanks == 0 {
		blanks = -1 // none
	}
	err = export.WriteFile(*dest, func(w io.Writer) error {
		return export.WriteSignIn(ctx, w, in, export.SignInOptions{Lang: lang, BlankLines: blanks, Progress: progressLine()})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, tr("%s written to %s.\n", "%s dans %s.\n"), count(len(in.Sheets), "sign-in sheet", "sign-in sheets",
		"feuille d'émargement écrite", "feuilles d'émargement écrites"), *dest)
	return nil
}

func certificates(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("certificates", flag.ContinueOnError)
	dest := fs.String("out", "", "")
	code := fs.String("code", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *dest == "" {
		return usage("certificates needs --out FILE.pdf.", "certificates attend --out FICHIER.pdf.")
	}
	s, err := openFile(ctx, pos, "certificates")
	if err != nil {
		return err
	}
	defer s.Close()
	var ids []int64
	if *code != "" {
		p, err := s.ParticipantByCode(ctx, *code)
		if err != nil {
			return err
		}
		ids = []int64{p.ID}
	}
	in, err := export.LoadCertificates(ctx, s, ids)
	if err != nil {
		return err
	}
	err = export.WriteFile(*dest, func(w io.Writer) error {
		return export.WriteCertificates(ctx, w, in, export.CertificateOptions{Lang: lang, Progress: progressLine()})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, tr("%s written to %s.\n", "%s dans %s.\n"), count(len(in.People), "certificate", "certificates",
		"attestation écrite", "attestations écrites"), *dest)
	return nil
}

// count writes "1 badge", "12 badges" in the command line's language.
func count(n int, oneEN, manyEN, oneFR, manyFR string) string {
	switch {
	case n == 1 || lang == "fr" && n == 0:
		return fmt.Sprintf("%d %s", n, tr(oneEN, oneFR))
	}
	return fmt.Sprintf("%d %s", n, tr(manyEN, manyFR))
}

// pairs collects repeated "Left=Right" flags.
type pairs [][2]string

func (p *pairs) String() string { return "" }

func (p *pairs) Set(v string) error {
	l, r, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(l) == "" {
		return fmt.Errorf(tr("%q is not of the form Left=Right", "« %s » n'est pas de la forme Gauche=Droite"), v)
	}
	*p = append(*p, [2]string{strings.TrimSpace(l), strings.TrimSpace(r)})
	return nil
}

func importCmd(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	sheet := fs.String("sheet", "", "")
	dryRun := fs.Bool("dry-run", false, "")
	onMatch := fs.String("on-match", "fill", "")
	createCats := fs.Bool("create-categories", false, "")
	var maps, cats pairs
	fs.Var(&maps, "map", "")
	fs.Var(&cats, "category", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usage("import needs FILE and SOURCE.", "import attend FICHIER et SOURCE.")
	}
	opts := data.ImportOptions{DryRun: *dryRun, CreateCategories: *createCats}
	switch *onMatch {
	case "fill", "update":
		opts.OnMatch = data.MatchFill
	case "overwrite":
		opts.OnMatch = data.MatchOverwrite
	case "skip":
		opts.OnMatch = data.MatchSkip
	case "create":
		opts.OnMatch = data.MatchCreate
	default:
		return usage("--on-match is fill (update), overwrite, skip or create.", "--on-match vaut fill (update), overwrite, skip ou create.")
	}
	s, err := data.Open(ctx, pos[0])
	if err != nil {
		return err
	}
	defer s.Close()
	src := data.ImportSource{Path: pos[1], Sheet: *sheet}
	if len(maps) > 0 {
		pv, err := s.PreviewImport(ctx, src)
		if err != nil {
			return err
		}
		if opts.Mapping, err = applyMap(pv.Header, pv.Mapping, maps); err != nil {
			return err
		}
	}
	if len(cats) > 0 {
		opts.CategoryMap = map[string]int64{}
		for _, c := range cats {
			id, err := categoryID(ctx, s, c[1])
			if err != nil {
				return err
			}
			opts.CategoryMap[data.Fold(c[0])] = id
		}
	}
	if p := progressLine(); p != nil {
		opts.Progress = func(done, total int64) { p(int(done>>10), int(total>>10)) }
	}
	r, err := s.Import(ctx, src, opts)
	if err != nil {
		return err
	}
	printImportReport(out, r, *dryRun)
	if r.Rejected > 0 {
		// A non-zero exit code for scripts: the rows are listed above.
		return usageError(count(r.Rejected, "row rejected.", "rows rejected.", "ligne rejetée.", "lignes rejetées."))
	}
	return nil
}

// applyMap changes the proposed mapping with the --map flags, columns named
// as in the file (case and accents ignored), fields by key.
func applyMap(header []string, mapping []data.ImportField, maps pairs) ([]data.ImportField, error) {
	fields := map[string]data.ImportField{"": data.FieldIgnore, "ignore": data.FieldIgnore}
	var keys []string
	for _, f := range data.ImportFields() {
		fields[string(f)] = f
		keys = append(keys, string(f))
	}
	for _, m := range maps {
		col := slices.IndexFunc(header, func(h string) bool { return data.Fold(h) == data.Fold(m[0]) })
		if col < 0 {
			return nil, usageError(fmt.Sprintf(tr("the file has no column %q. Columns: %s.", "le fichier n'a pas de colonne « %s ». Colonnes : %s."),
				m[0], strings.Join(header, ", ")))
		}
		f, ok := fields[strings.ToLower(m[1])]
		if !ok {
			return nil, usageError(fmt.Sprintf(tr("%q is not a field. Fields: %s (or ignore).", "« %s » n'est pas un champ. Champs : %s (ou ignore)."),
				m[1], strings.Join(keys, ", ")))
		}
		mapping[col] = f
	}
	return mapping, nil
}

func printImportReport(out io.Writer, r data.ImportReport, dryRun bool) {
	if dryRun {
		fmt.Fprintln(out, tr("Dry run: nothing was written.", "Essai : rien n'a été écrit."))
	}
	fmt.Fprintf(out, tr("%d rows: %d new, %d updated, %d unchanged, %d skipped, %d rejected; %d workshop places.\n",
		"%d lignes : %d nouvelles, %d mises à jour, %d inchangées, %d ignorées, %d rejetées ; %d places en atelier.\n"),
		r.Rows, r.New, r.Updated, r.Unchanged, r.Skipped, r.Rejected, r.Enrolments)
	if len(r.UnknownCategories) > 0 {
		fmt.Fprintf(out, tr("Unknown categories: %s (--create-categories, or --category \"Text=Category\").\n",
			"Catégories inconnues : %s (--create-categories, ou --category \"Texte=Catégorie\").\n"),
			strings.Join(r.UnknownCategories, ", "))
	}
	for _, is := range r.Issues {
		kind := tr("rejected", "rejetée")
		if is.Warning {
			kind = tr("warning", "attention")
		}
		col := ""
		if is.Column != "" {
			col = " [" + is.Column + "]"
		}
		fmt.Fprintf(out, tr("line %d%s, %s: %s\n", "ligne %d%s, %s : %s\n"), is.Line, col, kind, data.Message(is.Err, lang))
	}
}

// exitError ends congres with its message and its own exit code.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// exitUnknownCode is the exit code of a code nobody has; deskExit those of
// the warnings of checkin. When several warnings apply, the lowest code
// wins: a full session and a clash both also mean "not enrolled", and say
// more.
const exitUnknownCode = 3

var deskExit = map[data.DeskWarningKind]int{
	data.WarnAlreadyIn: 4, data.WarnCancelled: 5, data.WarnUnpaid: 6, data.WarnNotToday: 7,
	data.WarnSessionFull: 8, data.WarnEnrolledElsewhere: 9, data.WarnNotEnrolled: 10,
}

// exitCode is the exit code for an error of run: 1 unless it says otherwise.
func exitCode(err error) int {
	var x exitError
	switch {
	case errors.As(err, &x):
		return x.code
	case errors.Is(err, data.ErrUnknownCode):
		return exitUnknownCode
	}
	return 1
}

// deskName is the desk a check-in is logged at: --desk, else this computer.
func deskName(flag string) string {
	if flag != "" {
		return flag
	}
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return "congres"
}

func checkin(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("checkin", flag.ContinueOnError)
	session := fs.Int64("session", 0, "")
	desk := fs.String("desk", "", "")
	dayFlag := fs.String("day", "", "")
	yes := fs.Bool("yes", false, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usage("checkin needs FILE and CODE.", "checkin attend FICHIER et CODE.")
	}
	var day data.Day
	if *dayFlag != "" {
		if day, err = data.ParseDay(*dayFlag); err != nil {
			return err
		}
	}
	s, id, err := openAt(ctx, pos[0], pos[1])
	if err != nil {
		return err
	}
	defer s.Close()
	if day == "" && *session == 0 {
		today, ok, err := s.CongressDayFor(ctx, time.Now())
		if err != nil {
			return err
		}
		if !ok {
			return usage(fmt.Sprintf("today (%s) is not a day of the congress: say which with --day YYYY-MM-DD.", today),
				fmt.Sprintf("aujourd'hui (%s) n'est pas un jour du congrès : indiquez lequel avec --day AAAA-MM-JJ.", today))
		}
		day = today
	}
	req := data.AdmitRequest{ParticipantID: id, Day: day, SessionID: *session, Desk: deskName(*desk)}
	if *yes {
		req.Accept = data.DeskWarningKinds
	}
	r, err := s.Admit(ctx, req)
	if err != nil {
		return err
	}
	p := r.Card.Participant
	fmt.Fprintln(out, strings.Join(slices.DeleteFunc([]string{p.FullName(), p.Organisation, r.Card.Category.Name},
		func(s string) bool { return s == "" }), " — "))
	for _, w := range r.Card.Warnings {
		fmt.Fprintln(out, tr("Warning: ", "Attention : ")+w.Message(lang))
	}
	if !r.Admitted {
		code := 0
		for _, w := range r.Pending {
			if c := deskExit[w.Kind]; code == 0 || c < code {
				code = c
			}
		}
		return exitError{code, tr("not checked in: add --yes to check them in anyway.",
			"rien n'a été enregistré : ajoutez --yes pour l'enregistrer malgré tout.")}
	}
	c := r.Checkin
	at := c.At.Local().Format("15:04")
	switch {
	case !r.New:
		fmt.Fprintf(out, tr("Already in since %s, at %s: nothing new recorded.\n", "Déjà enregistré·e depuis %s, au poste « %s » : rien de nouveau.\n"), at, c.Desk)
	case c.Kind == data.SessionEntry:
		se, err := s.Session(ctx, c.SessionID)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, tr("Entered “%s” at %s, at %s.\n", "Entrée dans « %s » enregistrée à %s, au poste « %s ».\n"), se.Title, at, c.Desk)
	default:
		fmt.Fprintf(out, tr("Checked in on %s at %s, at %s.\n", "Arrivée enregistrée le %s à %s, au poste « %s ».\n"), c.Day, at, c.Desk)
	}
	return nil
}

// openAt opens the congress file and finds the person with that code.
func openAt(ctx context.Context, path, code string) (*data.Store, int64, error) {
	s, err := data.Open(ctx, path)
	if err != nil {
		return nil, 0, err
	}
	id, err := s.ParticipantIDByCode(ctx, code)
	if err != nil {
		s.Close()
		return nil, 0, err
	}
	return s, id, nil
}

func undo(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("undo", flag.ContinueOnError)
	desk := fs.String("desk", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usage("undo needs FILE and CODE.", "undo attend FICHIER et CODE.")
	}
	s, id, err := openAt(ctx, pos[0], pos[1])
	if err != nil {
		return err
	}
	defer s.Close()
	u, err := s.UndoLastEntry(ctx, id, deskName(*desk))
	if err != nil {
		return err
	}
	p, err := s.Participant(ctx, id)
	if err != nil {
		return err
	}
	if u.SessionID != 0 {
		se, err := s.Session(ctx, u.SessionID)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, tr("%s: entry into “%s” undone.\n", "%s : entrée dans « %s » annulée.\n"), p.FullName(), se.Title)
		return nil
	}
	fmt.Fprintf(out, tr("%s: arrival on %s undone.\n", "%s : arrivée du %s annulée.\n"), p.FullName(), u.Day)
	return nil
}
