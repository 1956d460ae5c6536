package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"congres/data"
	"congres/export"
)

// The commands that write a document: badges, export, signin,
// certificates. Their --out is checked before anything (runCommand: never
// over a congress or a database), and written whole or not at all
// (export.WriteFile).

var badgesCommand = &command{
	name: "badges",
	forms: []form{
		{
			call: [2]string{"badges FILE|URL --out badges.pdf [--layout NAME] [--category NAME] [--unprinted]\n" +
				"               [--code CODE] [--sort name|organisation] [--reprint] [--start N]\n" +
				"               [--margin-top MM] [--margin-left MM] [--gap-x MM] [--gap-y MM]",
				"badges FICHIER|URL --out badges.pdf [--layout NOM] [--category NOM] [--unprinted]\n" +
					"               [--code CODE] [--sort name|organisation] [--reprint] [--start N]\n" +
					"               [--margin-top MM] [--margin-left MM] [--gap-x MM] [--gap-y MM]"},
			what: [2]string{"badges as PDF: everyone not cancelled (or one category,\n" +
				"those without a badge yet, one person by code), sorted\n" +
				"by last name or organisation; the prints are logged;\n" +
				"--reprint prints again those who already have one;\n" +
				"a partly used sheet: its first free label (--start), the\n" +
				"margins and gaps of its labels in mm (else the layout's)",
				"badges en PDF : toutes les personnes non annulées (ou une\n" +
					"catégorie, celles sans badge, une personne par son code),\n" +
					"par nom ou par structure ; les impressions sont notées ;\n" +
					"--reprint réimprime celles qui en ont déjà un ;\n" +
					"une feuille entamée : sa première étiquette libre (--start),\n" +
					"les marges et espaces de ses étiquettes en mm (sinon ceux\n" +
					"de la disposition)"},
		},
		{
			call: [2]string{"badges --list-layouts", "badges --list-layouts"},
			what: [2]string{"the badge layouts and how many fit on a page", "les dispositions de badges et combien tiennent sur une page"},
		},
	},
	optArgs: 1,
	needs:   [2]string{"badges needs one FILE or URL.", "badges attend un FICHIER ou une URL."},
	flags: func(fs *flag.FlagSet, o *options) {
		fs.BoolVar(&o.listLayouts, "list-layouts", false, "")
		fs.StringVar(&o.out, "out", "", "")
		fs.StringVar(&o.layout, "layout", "a4-85x54", "")
		fs.StringVar(&o.category, "category", "", "")
		fs.BoolVar(&o.unprinted, "unprinted", false, "")
		fs.StringVar(&o.code, "code", "", "")
		fs.StringVar(&o.sort, "sort", "name", "")
		fs.BoolVar(&o.reprint, "reprint", false, "")
		fs.IntVar(&o.start, "start", 1, "")
		fs.StringVar(&o.marginTop, "margin-top", "", "")
		fs.StringVar(&o.marginLeft, "margin-left", "", "")
		fs.StringVar(&o.gapX, "gap-x", "", "")
		fs.StringVar(&o.gapY, "gap-y", "", "")
	},
	run: badges,
}

func badges(r *runner, o *options, args []string) error {
	ctx := r.ctx
	if o.listLayouts {
		for _, l := range export.Presets() {
			fmt.Fprintf(r.out, "%-14s %2d  %s\n", l.Name, l.PerPage(), l.Label(r.lang))
		}
		return nil
	}
	if len(args) != 1 {
		return r.usage("badges needs one FILE or URL.", "badges attend un FICHIER ou une URL.")
	}
	if o.out == "" {
		return r.usage("badges needs --out FILE.pdf.", "badges attend --out FICHIER.pdf.")
	}
	layout, err := export.LayoutByName(o.layout)
	if err != nil {
		return err
	}
	q := data.ParticipantQuery{Sort: data.SortName, SkipCancelled: true}
	switch o.sort {
	case "name":
	case "organisation", "organization":
		q.Sort = data.SortOrganisation
	default:
		return r.usage("--sort is name or organisation.", "--sort vaut name ou organisation.")
	}
	if o.unprinted {
		q.BadgePrinted = data.No
	}
	s, err := r.open(args[0])
	if err != nil {
		return err
	}
	defer s.Close()
	if o.category != "" {
		if q.CategoryID, err = r.categoryID(s, o.category); err != nil {
			return err
		}
	}
	c, err := export.CheckBadges(ctx, s, export.BadgeSelection{Code: o.code, Query: q})
	if err != nil {
		return err
	}
	if c.Reprint() && !o.reprint {
		if len(c.IDs) == 1 {
			return failure(r.tr("this person already has a badge: add --reprint to print another.",
				"cette personne a déjà un badge : ajoutez --reprint pour en imprimer un autre."))
		}
		return failure(fmt.Sprintf(r.tr("%d of these %d people already have a badge: add --unprinted to leave them out, or --reprint to print theirs again.",
			"%d de ces %d personnes ont déjà un badge : ajoutez --unprinted pour les laisser de côté, ou --reprint pour réimprimer le leur."),
			c.Printed, len(c.IDs)))
	}
	in, err := export.LoadBadges(ctx, s, c.IDs)
	if err != nil {
		return err
	}
	r.warnGlyphs(in.GlyphWarnings())
	settings, err := s.BadgeSettings(ctx, layout.Name)
	if err != nil {
		return err
	}
	if err := r.sheetFlags(o, &settings); err != nil {
		return err
	}
	opts := export.BadgeOptions{Layout: layout, Settings: settings, Lang: in.Congress.OutputLanguage(), Start: o.start}
	if err := opts.CheckStart(); err != nil {
		return err
	}
	for _, w := range opts.Warnings() {
		fmt.Fprintln(r.err, r.tr("Warning: ", "Attention : ")+w.Message(r.lang))
	}
	err = export.WriteFile(o.out, func(w io.Writer) error { return export.WriteBadges(ctx, w, in, opts) }, s.Path())
	if err != nil {
		return err
	}
	if err := s.RecordBadgePrints(ctx, layout.Name, c.IDs...); err != nil {
		return err
	}
	fmt.Fprintf(r.out, r.tr("%s written to %s (%s).\n", "%s dans %s (%s).\n"),
		r.count(len(in.Badges), "badge", "badges", "badge écrit", "badges écrits"), o.out, layout.Label(r.lang))
	return nil
}

// categoryID finds a category by its name or its badge label, ignoring case
// and accents.
func (r *runner) categoryID(s *data.Store, name string) (int64, error) {
	cats, err := s.Categories(r.ctx)
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
	return 0, failure(fmt.Sprintf(r.tr("there is no category %q. Categories: %s.", "il n'y a pas de catégorie «%s». Catégories : %s."),
		name, strings.Join(names, ", ")))
}

var exportCommand = &command{
	name: "export",
	forms: []form{
		{
			call: [2]string{"export FILE|URL --out attendance.xlsx", "export FICHIER|URL --out presence.xlsx"},
			what: [2]string{"the attendance workbook: a summary (by category, day and\n" +
				"session), every participant with their arrival time each\n" +
				"day, one sheet per session with a Signature column, the\n" +
				"stands, the caterer's figures per day and diet",
				"le classeur de présence : une synthèse (par catégorie, jour\n" +
					"et session), chaque participant·e et son heure d'arrivée\n" +
					"chaque jour, une feuille par session avec une colonne\n" +
					"Signature, les stands, les chiffres du traiteur par jour et régime"},
		},
		{
			call: [2]string{"export FILE|URL --preset NAME --out list.csv [--semicolon]", "export FICHIER|URL --preset NOM --out liste.csv [--semicolon]"},
			what: [2]string{"a list saved in the window (its columns and filter), as\n" +
				".xlsx or .csv after --out; --semicolon for French Excel",
				"une liste enregistrée dans la fenêtre (ses colonnes et son filtre),\n" +
					"en .xlsx ou .csv selon --out ; --semicolon pour Excel en français"},
		},
		{
			call: [2]string{"export FILE|URL --list-presets", "export FICHIER|URL --list-presets"},
			what: [2]string{"the saved lists", "les listes enregistrées"},
		},
	},
	minArgs: 1,
	needs:   [2]string{"export needs one FILE or URL.", "export attend un FICHIER ou une URL."},
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.out, "out", "", "")
		fs.StringVar(&o.preset, "preset", "", "")
		fs.BoolVar(&o.semicolon, "semicolon", false, "")
		fs.BoolVar(&o.listPresets, "list-presets", false, "")
	},
	run: exportFile,
}

func exportFile(r *runner, o *options, args []string) error {
	ctx := r.ctx
	s, err := r.open(args[0])
	if err != nil {
		return err
	}
	defer s.Close()
	if o.listPresets {
		presets, err := s.ListPresets(ctx)
		if err != nil {
			return err
		}
		for _, p := range presets {
			fmt.Fprintf(r.out, "%s\t%s\n", p.Name, strings.Join(p.Columns, ", "))
		}
		return nil
	}
	if o.out == "" {
		return r.usage("export needs --out FILE.", "export attend --out FICHIER.")
	}
	ext := strings.ToLower(filepath.Ext(o.out))
	if o.preset == "" {
		if ext != ".xlsx" {
			return r.usage("the attendance workbook is an .xlsx file.", "le classeur de présence est un fichier .xlsx.")
		}
		in, err := export.LoadAttendance(ctx, s)
		if err != nil {
			return err
		}
		err = export.WriteFile(o.out, func(w io.Writer) error {
			return export.WriteAttendance(ctx, w, in, export.WorkbookOptions{Lang: in.Congress.OutputLanguage(), Version: r.appVersion(), Progress: r.progressLine()})
		}, s.Path())
		if err != nil {
			return err
		}
		fmt.Fprintf(r.out, r.tr("Attendance workbook written to %s.\n", "Classeur de présence écrit dans %s.\n"), o.out)
		return nil
	}
	if ext != ".xlsx" && ext != ".csv" {
		return r.usage("a list is written to an .xlsx or a .csv file.", "une liste s'écrit dans un fichier .xlsx ou .csv.")
	}
	preset, err := s.ListPreset(ctx, o.preset)
	if err != nil {
		return err
	}
	in, err := export.LoadList(ctx, s, preset)
	if err != nil {
		return err
	}
	err = export.WriteFile(o.out, func(w io.Writer) error {
		if ext == ".csv" {
			sep := ','
			if o.semicolon {
				sep = ';'
			}
			return export.WriteListCSV(ctx, w, in, export.CSVOptions{Lang: in.Lang, Separator: sep, Progress: r.progressLine()})
		}
		return export.WriteListXLSX(ctx, w, in, export.WorkbookOptions{Lang: in.Lang, Version: r.appVersion(), Progress: r.progressLine()})
	}, s.Path())
	if err != nil {
		return err
	}
	fmt.Fprintf(r.out, r.tr("List “%s” written to %s.\n", "Liste «%s» écrite dans %s.\n"), preset.Name, o.out)
	return nil
}

var signinCommand = &command{
	name: "signin",
	forms: []form{{
		call: [2]string{"signin FILE|URL --out sheets.pdf [--session ID | --day YYYY-MM-DD] [--blank N]\n" +
			"               [--half-days columns|sheets]",
			"signin FICHIER|URL --out emargement.pdf [--session ID | --day AAAA-MM-JJ] [--blank N]\n" +
				"               [--half-days columns|sheets]"},
		what: [2]string{"sign-in sheets (feuilles d'émargement): every session,\none, or a whole day signed per half-day, in two columns\n(columns) or on two sheets (sheets); N blank lines for\nwalk-ins (10)",
			"feuilles d'émargement : toutes les sessions, une, ou un jour\nentier signé par demi-journée, en deux colonnes (columns) ou\nsur deux feuilles (sheets) ; N lignes vides pour les\npersonnes non inscrites (10)"},
	}},
	minArgs: 1,
	needs:   [2]string{"signin needs one FILE or URL.", "signin attend un FICHIER ou une URL."},
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.out, "out", "", "")
		fs.Int64Var(&o.session, "session", 0, "")
		fs.StringVar(&o.day, "day", "", "")
		fs.IntVar(&o.blank, "blank", 10, "")
		fs.StringVar(&o.halfDays, "half-days", "columns", "")
	},
	run: signin,
}

func signin(r *runner, o *options, args []string) error {
	ctx := r.ctx
	if o.out == "" {
		return r.usage("signin needs --out FILE.pdf.", "signin attend --out FICHIER.pdf.")
	}
	if o.session != 0 && o.day != "" {
		return r.usage("--session and --day cannot go together.", "--session et --day ne vont pas ensemble.")
	}
	if o.blank < 0 || o.blank > 200 {
		return r.usage("--blank must be between 0 and 200.", "--blank doit être compris entre 0 et 200.")
	}
	halfDays := map[string]export.HalfDays{"columns": export.HalfDayColumns, "sheets": export.HalfDaySheets}
	half, ok := halfDays[o.halfDays]
	if !ok {
		return r.usage("--half-days is columns or sheets.", "--half-days vaut columns ou sheets.")
	}
	if half != export.HalfDayColumns && o.day == "" {
		return r.usage("--half-days sheets goes with --day.", "--half-days sheets va avec --day.")
	}
	sel := export.SignInSelection{SessionID: o.session}
	if o.day != "" {
		d, err := data.ParseDay(o.day)
		if err != nil {
			return err
		}
		sel.Day = d
	}
	s, err := r.open(args[0])
	if err != nil {
		return err
	}
	defer s.Close()
	in, err := export.LoadSignIn(ctx, s, sel)
	if err != nil {
		return err
	}
	r.warnGlyphs(in.GlyphWarnings())
	blanks := o.blank
	if blanks == 0 {
		blanks = -1 // none
	}
	err = export.WriteFile(o.out, func(w io.Writer) error {
		return export.WriteSignIn(ctx, w, in, export.SignInOptions{Lang: in.Congress.OutputLanguage(), BlankLines: blanks, HalfDays: half, Progress: r.progressLine()})
	}, s.Path())
	if err != nil {
		return err
	}
	sheets := len(in.Sheets)
	if half == export.HalfDaySheets {
		sheets *= 2 // a day's morning and afternoon
	}
	fmt.Fprintf(r.out, r.tr("%s written to %s.\n", "%s dans %s.\n"), r.count(sheets, "sign-in sheet", "sign-in sheets",
		"feuille d'émargement écrite", "feuilles d'émargement écrites"), o.out)
	return nil
}

var certificatesCommand = &command{
	name: "certificates",
	forms: []form{{
		call: [2]string{"certificates FILE|URL --out certificates.pdf [--code CODE]", "certificates FICHIER|URL --out attestations.pdf [--code CODE]"},
		what: [2]string{"certificates of attendance: everyone who came, or one",
			"attestations de présence : toutes les personnes venues, ou une"},
	}},
	minArgs: 1,
	needs:   [2]string{"certificates needs one FILE or URL.", "certificates attend un FICHIER ou une URL."},
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.out, "out", "", "")
		fs.StringVar(&o.code, "code", "", "")
	},
	run: certificates,
}

func certificates(r *runner, o *options, args []string) error {
	ctx := r.ctx
	if o.out == "" {
		return r.usage("certificates needs --out FILE.pdf.", "certificates attend --out FICHIER.pdf.")
	}
	s, err := r.open(args[0])
	if err != nil {
		return err
	}
	defer s.Close()
	var ids []int64
	if o.code != "" {
		p, err := s.ParticipantByCode(ctx, o.code)
		if err != nil {
			return err
		}
		ids = []int64{p.ID}
	}
	in, err := export.LoadCertificates(ctx, s, ids)
	if err != nil {
		return err
	}
	for _, w := range export.CertificateWarnings(in.Congress) {
		fmt.Fprintln(r.out, r.tr("Warning: ", "Attention : ")+w.Message(r.lang))
	}
	r.warnGlyphs(in.GlyphWarnings())
	err = export.WriteFile(o.out, func(w io.Writer) error {
		return export.WriteCertificates(ctx, w, in, export.CertificateOptions{Lang: in.Congress.OutputLanguage(), Progress: r.progressLine()})
	}, s.Path())
	if err != nil {
		return err
	}
	fmt.Fprintf(r.out, r.tr("%s written to %s.\n", "%s dans %s.\n"), r.count(len(in.People), "certificate", "certificates",
		"attestation écrite", "attestations écrites"), o.out)
	return nil
}
