package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"congres/data"
	"congres/data/spreadsheet"
	"congres/data/stores"
	"congres/export"
)

var importCommand = &command{
	name: "import",
	forms: []form{{
		call: [2]string{"import FILE|URL SOURCE [--sheet NAME] [--dry-run] [--on-match fill|overwrite|skip|create]\n" +
			"               [--map \"Column=field\"…] [--category \"Text=Category\"…] [--create-categories]\n" +
			"               [--default-category NAME] [--default-status pending|confirmed|cancelled]\n" +
			"               [--default-fee AMOUNT] [--default-days DAY,DAY…] [--rejects rejected.csv]\n" +
			"               [--date-order dmy|mdy]",
			"import FICHIER|URL SOURCE [--sheet NOM] [--dry-run] [--on-match fill|overwrite|skip|create]\n" +
				"               [--map \"Colonne=champ\"…] [--category \"Texte=Catégorie\"…] [--create-categories]\n" +
				"               [--default-category NOM] [--default-status pending|confirmed|cancelled]\n" +
				"               [--default-fee MONTANT] [--default-days JOUR,JOUR…] [--rejects rejetees.csv]\n" +
				"               [--date-order dmy|mdy]"},
		what: [2]string{"import registrations from a CSV or XLSX file in one\n" +
			"transaction; rejected rows are listed and left out\n" +
			"(exit code 1), --rejects writes them to a file with\n" +
			"their line and reason, --dry-run only counts; new rows\n" +
			"the file gives no category, status, fee or days get the\n" +
			"--default-… ones (else the first category, pending,\n" +
			"no fee, every day); --date-order says how 03/02 is\n" +
			"read when it could be two congress days",
			"importe des inscriptions d'un fichier CSV ou XLSX en une\n" +
				"transaction ; les lignes rejetées sont listées et laissées\n" +
				"de côté (code de sortie 1), --rejects les écrit dans un\n" +
				"fichier avec leur ligne et leur motif, --dry-run ne fait\n" +
				"que compter ; les nouvelles lignes sans catégorie, statut,\n" +
				"montant ou jours reçoivent ceux des --default-… (sinon la\n" +
				"première catégorie, en attente, aucun montant, tous les\n" +
				"jours) ; --date-order dit comment lire 03/02 quand ce\n" +
				"peut être deux jours du congrès"},
	}},
	minArgs: 2,
	needs:   [2]string{"import needs FILE|URL and SOURCE.", "import attend FICHIER|URL et SOURCE."},
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.sheet, "sheet", "", "")
		fs.BoolVar(&o.dryRun, "dry-run", false, "")
		fs.StringVar(&o.onMatch, "on-match", "fill", "")
		fs.BoolVar(&o.createCategories, "create-categories", false, "")
		fs.Var(&o.maps, "map", "")
		fs.Var(&o.categories, "category", "")
		fs.StringVar(&o.defaultCategory, "default-category", "", "")
		fs.StringVar(&o.defaultStatus, "default-status", "", "")
		fs.StringVar(&o.defaultFee, "default-fee", "", "")
		fs.StringVar(&o.defaultDays, "default-days", "", "")
		fs.StringVar(&o.rejects, "rejects", "", "")
		fs.StringVar(&o.dateOrder, "date-order", "", "")
	},
	run: importFile,
}

func importFile(r *runner, o *options, args []string) error {
	ctx := r.ctx
	opts := data.ImportOptions{DryRun: o.dryRun, CreateCategories: o.createCategories, CheckText: importGlyphCheck}
	switch o.onMatch {
	case "fill", "update":
		opts.OnMatch = data.MatchFill
	case "overwrite":
		opts.OnMatch = data.MatchOverwrite
	case "skip":
		opts.OnMatch = data.MatchSkip
	case "create":
		opts.OnMatch = data.MatchCreate
	default:
		return r.usage("--on-match is fill (update), overwrite, skip or create.", "--on-match vaut fill (update), overwrite, skip ou create.")
	}
	s, err := r.open(args[0])
	if err != nil {
		return err
	}
	defer s.Close()
	src := spreadsheet.Source{Path: args[1], Sheet: o.sheet}
	if len(o.maps) > 0 {
		pv, err := s.PreviewImport(ctx, src)
		if err != nil {
			return err
		}
		if opts.Mapping, err = r.applyMap(pv.Header, pv.Mapping, o.maps); err != nil {
			return err
		}
	}
	if len(o.categories) > 0 {
		opts.CategoryMap = map[string]int64{}
		for _, c := range o.categories {
			id, err := r.categoryID(s, c[1])
			if err != nil {
				return err
			}
			opts.CategoryMap[data.Fold(c[0])] = id
		}
	}
	if err := r.importDefaults(s, o, &opts); err != nil {
		return err
	}
	if p := r.progressLine(); p != nil {
		opts.Progress = func(done, total int64) { p(int(done>>10), int(total>>10)) }
	}
	rep, err := s.Import(ctx, src, opts)
	if err != nil {
		return err
	}
	r.printImportReport(r.out, rep, o.dryRun)
	if o.rejects != "" && rep.Rejected > 0 {
		var open []string
		if !stores.IsServer(args[0]) {
			open = args[:1]
		}
		err := export.WriteFile(o.rejects, func(w io.Writer) error {
			return data.WriteRejectedRows(ctx, w, src, rep, r.lang)
		}, open...)
		if err != nil {
			return err
		}
		fmt.Fprintln(r.out, fmt.Sprintf(r.tr("The rejected rows are in %s, with their line and reason.",
			"Les lignes rejetées sont dans %s, avec leur ligne et leur motif."), o.rejects))
	}
	if rep.Rejected > 0 {
		// A non-zero exit code for scripts: the rows are listed above.
		return failure(r.count(rep.Rejected, "row rejected.", "rows rejected.", "ligne rejetée.", "lignes rejetées."))
	}
	return nil
}

// importDefaults reads the --default-… flags into opts.
func (r *runner) importDefaults(s *data.Store, o *options, opts *data.ImportOptions) error {
	if o.defaultCategory != "" {
		id, err := r.categoryID(s, o.defaultCategory)
		if err != nil {
			return err
		}
		opts.DefaultCategoryID = id
	}
	if o.defaultStatus != "" {
		st, ok := importStatuses[data.Fold(o.defaultStatus)]
		if !ok {
			return r.usage("--default-status is pending, confirmed or cancelled.", "--default-status vaut pending, confirmed ou cancelled.")
		}
		opts.DefaultStatus = st
	}
	if o.defaultFee != "" {
		cents, err := data.ParseEuros(o.defaultFee)
		if err != nil {
			return r.usage("--default-fee is an amount, such as 45 or 45,50.", "--default-fee est un montant, par exemple 45 ou 45,50.")
		}
		opts.DefaultFeeCents = cents
	}
	switch o.dateOrder {
	case "":
	case "dmy", "mdy":
		opts.DateOrder = data.DateOrder(o.dateOrder)
	default:
		return r.usage("--date-order is dmy (day first) or mdy (month first).", "--date-order vaut dmy (jour d'abord) ou mdy (mois d'abord).")
	}
	for _, d := range strings.FieldsFunc(o.defaultDays, func(c rune) bool { return c == ',' || c == ';' || c == ' ' }) {
		day, err := data.ParseDay(d)
		if err != nil {
			return err
		}
		opts.DefaultDays = append(opts.DefaultDays, day)
	}
	return nil
}

// importStatuses are the values --default-status takes, folded, in English
// and French.
var importStatuses = map[string]data.Status{"pending": data.StatusPending, "en attente": data.StatusPending,
	"confirmed": data.StatusConfirmed, "confirme": data.StatusConfirmed, "confirmee": data.StatusConfirmed,
	"cancelled": data.StatusCancelled, "canceled": data.StatusCancelled, "annule": data.StatusCancelled,
	"annulee": data.StatusCancelled}

// applyMap changes the proposed mapping with the --map flags, columns named
// as in the file (case and accents ignored), fields by key.
func (r *runner) applyMap(header []string, mapping []data.ImportField, maps pairs) ([]data.ImportField, error) {
	fields := map[string]data.ImportField{"": data.FieldIgnore, "ignore": data.FieldIgnore}
	var keys []string
	for _, f := range data.ImportFields() {
		fields[string(f)] = f
		keys = append(keys, string(f))
	}
	for _, m := range maps {
		col := slices.IndexFunc(header, func(h string) bool { return data.Fold(h) == data.Fold(m[0]) })
		if col < 0 {
			return nil, failure(fmt.Sprintf(r.tr("the file has no column %q. Columns: %s.", "le fichier n'a pas de colonne «%s». Colonnes : %s."),
				m[0], strings.Join(header, ", ")))
		}
		f, ok := fields[strings.ToLower(m[1])]
		if !ok {
			return nil, failure(fmt.Sprintf(r.tr("%q is not a field. Fields: %s (or ignore).", "«%s» n'est pas un champ. Champs : %s (ou ignore)."),
				m[1], strings.Join(keys, ", ")))
		}
		mapping[col] = f
	}
	return mapping, nil
}

func (r *runner) printImportReport(out io.Writer, rep data.ImportReport, dryRun bool) {
	tr := r.tr
	if dryRun {
		fmt.Fprintln(out, tr("Dry run: nothing was written.", "Essai : rien n'a été écrit."))
	}
	fmt.Fprintln(out, r.importCounts(rep))
	if rep.Kept > 0 {
		fmt.Fprintln(out, r.tr("Rows kept as they were give other values than the congress's: only empty fields and values nobody edited since the last import were taken (--on-match overwrite takes the file's values).",
			"Les lignes gardées telles quelles donnent d'autres valeurs que celles du congrès : seuls les champs vides et les valeurs que personne n'a modifiées depuis le dernier import ont été pris (--on-match overwrite prend les valeurs du fichier)."))
	}
	if rep.Tickets > 0 {
		fmt.Fprintln(out, r.count(rep.Tickets, "e-ticket kept for the desk.", "e-tickets kept for the desk.",
			"billet électronique gardé pour l'accueil.", "billets électroniques gardés pour l'accueil."))
	}
	if rep.Overwritten > 0 {
		fmt.Fprintln(out, r.count(rep.Overwritten, "row replaces values the congress held (see the warnings).", "rows replace values the congress held (see the warnings).",
			"ligne remplace des valeurs du congrès (voir les avertissements).", "lignes remplacent des valeurs du congrès (voir les avertissements)."))
	}
	if rep.EditsKept > 0 {
		fmt.Fprintln(out, r.count(rep.EditsKept, "row keeps your edits (see the warnings).", "rows keep your edits (see the warnings).",
			"ligne garde vos corrections (voir les avertissements).", "lignes gardent vos corrections (voir les avertissements)."))
	}
	if rep.PossibleDuplicates > 0 {
		fmt.Fprintln(out, r.count(rep.PossibleDuplicates, "possible duplicate (see the warnings).", "possible duplicates (see the warnings).",
			"doublon possible (voir les avertissements).", "doublons possibles (voir les avertissements)."))
	}
	if len(rep.IgnoredColumns) > 0 {
		fmt.Fprintf(out, tr("Columns not imported: %s.\n", "Colonnes non importées : %s.\n"), strings.Join(rep.IgnoredColumns, ", "))
	}
	if rep.DefaultCategory != "" || rep.DefaultStatus != "" || rep.DefaultFeeCents != 0 || rep.DefaultDays != nil {
		fmt.Fprintln(out, r.importDefaultsText(rep))
	}
	if len(rep.AmbiguousDates) > 0 {
		fmt.Fprintf(out, tr("The dates of %s read as two different congress days: they were read day first (--date-order mdy if they are month first).\n",
			"Les dates de %s se lisent comme deux jours différents du congrès : elles ont été lues le jour d'abord (--date-order mdy si le mois vient d'abord).\n"),
			strings.Join(rep.AmbiguousDates, ", "))
	}
	if len(rep.UnknownCategories) > 0 {
		fmt.Fprintf(out, tr("Unknown categories: %s (--create-categories, or --category \"Text=Category\").\n",
			"Catégories inconnues : %s (--create-categories, ou --category \"Texte=Catégorie\").\n"),
			strings.Join(rep.UnknownCategories, ", "))
	}
	for _, is := range rep.Issues {
		kind := tr("rejected", "rejetée")
		if is.Warning {
			kind = tr("warning", "attention")
		}
		col := ""
		if is.Column != "" {
			col = " [" + is.Column + "]"
		}
		fmt.Fprintf(out, tr("line %d%s, %s: %s\n", "ligne %d%s, %s : %s\n"), is.Line, col, kind, data.Message(is.Err, r.lang))
	}
}

// importCounts is the report's first line, each count agreeing with its
// number: "1 ligne : 1 nouvelle, 0 mise à jour…".
func (r *runner) importCounts(rep data.ImportReport) string {
	counts := []string{
		r.count(rep.New, "new", "new", "nouvelle", "nouvelles"),
		r.count(rep.Updated, "updated", "updated", "mise à jour", "mises à jour"),
		r.count(rep.Unchanged, "unchanged", "unchanged", "inchangée", "inchangées"),
	}
	if rep.Kept > 0 {
		counts = append(counts, r.count(rep.Kept, "kept as they were", "kept as they were", "gardée telle quelle", "gardées telles quelles"))
	}
	counts = append(counts,
		r.count(rep.Skipped, "skipped", "skipped", "ignorée", "ignorées"),
		r.count(rep.Rejected, "rejected", "rejected", "rejetée", "rejetées"))
	return r.count(rep.Rows, "row", "rows", "ligne", "lignes") + r.tr(": ", " : ") + strings.Join(counts, ", ") +
		r.tr("; ", " ; ") + r.count(rep.Enrolments, "workshop place.", "workshop places.", "place en atelier.", "places en atelier.")
}

// importDefaultsText says what new rows got that the file did not give.
func (r *runner) importDefaultsText(rep data.ImportReport) string {
	var parts []string
	if rep.DefaultCategory != "" {
		parts = append(parts, fmt.Sprintf(r.tr("category %s", "catégorie %s"), rep.DefaultCategory))
	}
	if rep.DefaultStatus != "" {
		parts = append(parts, fmt.Sprintf(r.tr("status %s", "statut %s"), r.statusName(rep.DefaultStatus)))
	}
	if rep.DefaultFeeCents != 0 {
		parts = append(parts, fmt.Sprintf(r.tr("fee %s", "tarif %s"), data.FormatEuros(rep.DefaultFeeCents, r.lang)))
	}
	if rep.DefaultDays != nil {
		days := make([]string, len(rep.DefaultDays))
		for i, d := range rep.DefaultDays {
			days[i] = string(d)
		}
		parts = append(parts, fmt.Sprintf(r.tr("days %s", "jours %s"), strings.Join(days, ", ")))
	}
	// The dialog's heading, "New people, where the file says nothing:".
	return r.tr("New people, where the file says nothing: ", "Nouvelles personnes, là où le fichier ne dit rien : ") +
		strings.Join(parts, ", ") + " (--default-category, --default-status, --default-fee, --default-days)."
}

// statusName is a status in the user's language.
func (r *runner) statusName(st data.Status) string {
	switch st {
	case data.StatusConfirmed:
		return r.tr("confirmed", "confirmé")
	case data.StatusCancelled:
		return r.tr("cancelled", "annulé")
	}
	return r.tr("pending", "en attente")
}
