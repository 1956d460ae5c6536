package data

import (
	"context"
	"database/sql"
	"errors"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"
)

// The errors of an import's rows, and of a mapping.
var (
	ErrImportMappingLength = newErr(KindInvalid, "import_mapping_length", "",
		"The mapping gives %d columns but the file has %d: choose the columns again.",
		"La correspondance donne %d colonnes mais le fichier en a %d : choisissez à nouveau les colonnes.")
	ErrImportFieldUnknown = newErr(KindInvalid, "import_field_unknown", "",
		"“%s” is not a field a column can be imported into.",
		"«%s» n'est pas un champ dans lequel importer une colonne.")
	ErrImportCategory = newErr(KindNotFound, "import_category", "category",
		"There is no category “%s”: map it to a category, or let the import create it.",
		"Il n'y a pas de catégorie «%s» : faites-la correspondre à une catégorie, ou laissez l'import la créer.")
	ErrImportWorkshop = newErr(KindNotFound, "import_workshop", "workshops",
		"There is no session “%s”: the row was imported without it.",
		"Il n'y a pas de session «%s» : la ligne a été importée sans elle.")
	ErrImportWaitlisted = newErr(KindFull, "import_waitlisted", "workshops",
		"“%s” is full: %s was put on the waiting list.",
		"«%s» est complet : %s a été mis·e en liste d'attente.")
	ErrImportTooMuchText = newErr(KindInvalid, "import_too_much_text", "",
		"This file holds more than %d MB of text in its rows: it must be split, or its long columns left out. Nothing was imported.",
		"Ce fichier contient plus de %d Mo de texte dans ses lignes : il faut le découper, ou ignorer ses longues colonnes. Rien n'a été importé.")
	ErrImportTooManyRows = newErr(KindInvalid, "import_too_many_rows", "",
		"This file has more than %d rows: it is not a list of registrations, or it must be split. Nothing was imported.",
		"Ce fichier a plus de %d lignes : ce n'est pas une liste d'inscriptions, ou il faut le découper. Rien n'a été importé.")
)

// maxImportRows is the most rows one import takes. The import decides about
// every row before it writes any, so what it holds grows with the file:
// the limit bounds it (some 150 MB at most), and a file past it (a 1 GB
// log exported by mistake) is refused as soon as its row 200,001 is read,
// without reading the rest. No congress has 200,000 registrations.
var maxImportRows = 200_000

// maxImportText bounds the text of the participants an import holds before
// it writes them (names, emails, notes… summed), so that its memory stays
// bounded whatever the rows hold. A 200,000-row export holds some 30 MB;
// with notes that bring it near 100 MB the import peaked at 307 MB
// (TestImportPeakRSS, csv-notes), near 64 MB at 258 MB.
var maxImportText = 64 << 20

// importMemoryLimit is the Go runtime's soft memory limit while an import
// runs (unless a lower one is set): the collector then works harder rather
// than let the heap grow to twice what the import holds. Measured on a
// 200,000-row CSV: 625 MB at its peak without, 392 MB with 256 MB, for
// some 15 % more time; with 200 MB (and the 4 MB cache of importCacheKB,
// records that keep no row text) 253 MB, a workbook 260 MB. A 100,000-row
// import stays under it and pays nothing (BenchmarkImport100k).
const importMemoryLimit = 200 << 20

// progressEvery is how many rows an import reads between progress reports.
const progressEvery = 1000

// Import reads a source and writes it into the congress in one transaction:
// all of it or, when the file cannot be read or ctx is cancelled, none of
// it. A dry run does the same work and writes nothing, so that its report
// says what the import would do. Problems with the whole file are returned
// as the error; problems with rows are in the report.
//
// The file is read and every row decided in a read transaction, which
// leaves the file's write lock to the desks; the write lock is taken only
// to write what was decided. When what the rows were decided against
// changed meanwhile (a participant, organisation, category, session or day
// added, edited or removed, a bulk change made or undone: check-ins do not
// count), the write lock is given back and the rows are decided again in a
// read transaction, up to importTries times; only the last try decides
// them inside the write transaction, so that an import always ends and no
// rule is broken. A dry run never takes the write lock, and an import that
// changes nothing writes nothing.
func (s *Store) Import(ctx context.Context, src ImportSource, opts ImportOptions) (ImportReport, error) {
	if prev := debug.SetMemoryLimit(-1); prev > importMemoryLimit {
		debug.SetMemoryLimit(importMemoryLimit)
		defer debug.SetMemoryLimit(prev)
	}
	im, err := s.planRead(ctx, src, opts)
	for try := 1; err == nil && !opts.DryRun && im.writes(); try++ {
		last := try >= importTries
		err = s.write(ctx, func(tx *sqlTx) error {
			fp, err := importFingerprint(ctx, tx)
			if err != nil {
				return err
			}
			if fp != im.fingerprint {
				if !last {
					return errImportReplan // give the lock back, decide again outside it
				}
				if im, err = s.planImport(ctx, tx, src, opts); err != nil {
					return err
				}
				if testImportPlanned != nil {
					testImportPlanned(true)
				}
			}
			im.tx = tx
			if err := im.write(); err != nil {
				return err
			}
			im.lastProgress()
			if !im.wrote {
				return errNoWrite
			}
			return nil
		})
		if im != nil {
			im.wroteDone()
		}
		if errors.Is(err, errNoWrite) {
			err = nil
		}
		if !errors.Is(err, errImportReplan) {
			break
		}
		im = nil // let the collector have it while the file is read again
		im, err = s.planRead(ctx, src, opts)
	}
	if ctx.Err() != nil {
		return ImportReport{}, ctx.Err()
	}
	if err != nil {
		return ImportReport{}, err
	}
	im.finish()
	return *im.report, nil
}

// wroteDone runs what waited for the end of the write transaction.
func (im *importer) wroteDone() {
	for _, f := range im.afterWrite {
		f()
	}
	im.afterWrite = nil
}

// importTries is how many times an import decides its rows when what they
// were decided against keeps changing: all but the last in a read
// transaction, the last inside the write transaction.
const importTries = 3

// errImportReplan gives the write lock back so that the rows are decided
// again outside it.
var errImportReplan = errors.New("import: decide the rows again")

// testImportPlanned, when set by a test, is called after each time an
// import decides its rows, telling whether it did under the write lock.
var testImportPlanned func(underLock bool)

// planRead decides every row in a read transaction. When the import
// writes nothing (a dry run, or nothing new), it completes the report with
// the enrolments it foresees.
func (s *Store) planRead(ctx context.Context, src ImportSource, opts ImportOptions) (*importer, error) {
	var im *importer
	err := s.read(ctx, func(tx *sqlTx) error {
		var err error
		if im, err = s.planImport(ctx, tx, src, opts); err != nil {
			return err
		}
		if testImportPlanned != nil {
			testImportPlanned(false)
		}
		if !opts.DryRun && im.writes() {
			return nil
		}
		defer im.lastProgress()
		return im.dryEnrol() // nothing to write: the report is complete
	})
	return im, err
}

// planImport reads the source and decides every row, in tx, writing
// nothing.
func (s *Store) planImport(ctx context.Context, tx *sqlTx, src ImportSource, opts ImportOptions) (*importer, error) {
	f, err := src.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	im := &importer{s: s, ctx: ctx, tx: tx, opts: opts, file: f, report: &ImportReport{}, now: formatTime(s.now())}
	if im.fingerprint, err = importFingerprint(ctx, tx); err != nil {
		return nil, err
	}
	if err := im.run(); err != nil {
		return nil, err
	}
	im.fileWarnings = f.Warnings()
	im.file = nil
	return im, nil
}

// importer is one run of Import, inside its transaction. It reads the whole
// file first, deciding for each row what to do against maps of the people
// already registered and of those met earlier in the file, then writes:
// the updates, the new participants many at a time, the enrolments.
type importer struct {
	s      *Store
	ctx    context.Context
	tx     *sqlTx
	opts   ImportOptions
	file   ImportTable
	report *ImportReport
	now    string

	mapping []ImportField
	columns map[ImportField]string // the header of the first column of each field, for issues
	days    map[Day]bool           // the congress days
	allDays []Day                  // the same, in order

	categories importCategories
	orgs       map[string]importOrg // folded name → organisation
	sessions   importSessions

	// People, existing and new, under each of the keys they are matched by.
	byCode, byEmail, byName map[string]*importTarget
	existing                int   // participants before the import
	nextID                  int64 // the ID of the next new participant

	folded map[string]string // memo of Fold: names and organisations repeat
	held   int               // bytes of text of the participants held (see hold)

	// What the import writes, decided in a read transaction (see Import).
	fingerprint  string        // of what the rows were decided against
	newOrgs      []string      // organisations to create; org -i is newOrgs[i-1]
	newCats      []Category    // categories to create; category -i is newCats[i-1]
	saveMapping  bool          // the mapping given differs from the one remembered
	header       []string      // the source's header
	fileWarnings []ImportIssue // the reading's remarks
	wrote        bool          // the write changed something
	done, total  int64         // the file's progress once read

	fresh      []*importTarget // new participants, in line order
	changed    []*importTarget // participants already registered whom the file changes
	enrolments []importEnrolment

	tickets     map[string]*importTarget // who holds each ticket, already or by this file
	orderEmail  bool                     // the email column is an order's, shared (see IsOrderEmail)
	newTickets  []importTicket           // the tickets to record, in line order
	fileTickets map[string]fileTicket    // the first row of the file giving each ticket
	memoryOf    map[string]string        // what each ticket held already remembers (import_memory.go)
	deleted     map[string]string        // when the holder of each ticket in ticket_deleted was deleted
	// deletedAnswers: when the person of a form's answer left out as
	// deleted was, by their email and name (deletedRow).
	deletedAnswers map[string]time.Time
	memories       []ticketMemory // the tickets held already whose memory the file changes
	// latestAnswer: the row being merged is a later answer to the form
	// by someone this file creates, which wins (import_answers.go).
	latestAnswer bool
	// answering: the row being merged is a later answer to the form, of
	// anyone (import_answers.go): its days replace the earlier answer's.
	answering bool

	afterWrite []func() // what to do once the write transaction has ended (putOffCheckpoint)
}

// importOrg is an organisation known to an import.
type importOrg struct {
	id   int64
	name string
}

func (im *importer) run() error {
	header := im.file.Layout().Header
	im.header = header
	var err error
	if im.mapping, err = im.chooseMapping(header); err != nil {
		return err
	}
	if err := im.rememberCategories(header); err != nil {
		return err
	}
	im.columns = map[ImportField]string{}
	for i, f := range im.mapping {
		if _, ok := im.columns[f]; !ok && f != FieldIgnore {
			im.columns[f] = header[i]
		}
		if f == FieldIgnore {
			im.report.IgnoredColumns = append(im.report.IgnoredColumns, ignoredColumn(header[i], i))
		}
	}
	if err := im.load(); err != nil {
		return err
	}
	days := make([]Day, 0, len(im.days))
	for d := range im.days {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
	im.allDays = days
	parser := RecordParser{Header: header, Mapping: im.mapping, Days: days, DateOrder: im.opts.DateOrder}
	defer func() { im.report.AmbiguousDates = parser.Ambiguous }()
	if err := im.decideRows(&parser); err != nil {
		return err
	}
	if im.opts.Mapping != nil {
		remembered, ok, err := rememberedMapping(im.ctx, im.tx, header)
		if err != nil {
			return err
		}
		im.saveMapping = im.saveMapping || !ok || !slices.Equal(remembered, im.mapping)
	}
	im.done, im.total = im.file.Progress()
	return nil
}

// lastProgress makes the last progress report: the whole file read, and
// for an import that writes, all of it written (but not yet committed).
func (im *importer) lastProgress() {
	if im.opts.Progress != nil {
		im.opts.Progress(im.done, im.total)
	}
}

// finish completes the report: the reading's warnings, and every issue in
// line order (enrolment warnings come after the rows').
func (im *importer) finish() {
	im.report.Issues = append(im.report.Issues, im.fileWarnings...)
	sort.SliceStable(im.report.Issues, func(i, j int) bool { return im.report.Issues[i].Line < im.report.Issues[j].Line })
}

// chooseMapping is the options' mapping, else the one remembered for this
// header, else the automatic one.
func (im *importer) chooseMapping(header []string) ([]ImportField, error) {
	if im.opts.Mapping != nil {
		return im.opts.Mapping, checkMapping(header, im.opts.Mapping)
	}
	m, ok, err := rememberedMapping(im.ctx, im.tx, header)
	if err != nil || ok {
		return m, err
	}
	return im.file.Mapping(nil), nil
}

// load reads what rows are matched against: days, categories,
// organisations, sessions and the keys of the people already registered.
func (im *importer) load() error {
	ctx, tx := im.ctx, im.tx
	days, err := congressDays(ctx, tx)
	if err != nil {
		return err
	}
	im.days = map[Day]bool{}
	for _, d := range days {
		im.days[d] = true
	}
	if err := im.categories.load(ctx, tx, im.opts.DefaultCategoryID, im.opts.CategoryMap); err != nil {
		return err
	}
	if err := im.checkDefaults(); err != nil {
		return err
	}
	if err := im.sessions.load(ctx, tx); err != nil {
		return err
	}
	im.orgs = map[string]importOrg{}
	orgFold := map[int64]string{}
	rows, err := tx.QueryContext(ctx, "SELECT id, name FROM organisation ORDER BY id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var o importOrg
		if err := rows.Scan(&o.id, &o.name); err != nil {
			return err
		}
		key := Fold(o.name)
		orgFold[o.id] = key
		if _, ok := im.orgs[key]; !ok {
			im.orgs[key] = o
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	im.byCode, im.byEmail, im.byName = map[string]*importTarget{}, map[string]*importTarget{}, map[string]*importTarget{}
	rows, err = tx.QueryContext(ctx, "SELECT id, code, email, name_key, coalesce(organisation_id, 0) FROM participant ORDER BY id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		t := &importTarget{}
		var code, nameKey string
		var org int64
		if err := rows.Scan(&t.id, &code, &t.email, &nameKey, &org); err != nil {
			return err
		}
		t.email = strings.ToLower(t.email)
		im.index(t, code, nameKey+"\n"+orgFold[org])
		im.existing++
		im.nextID = t.id
	}
	im.nextID++
	if err := rows.Err(); err != nil {
		return err
	}
	if err := im.indexAliases(); err != nil {
		return err
	}
	return im.loadTickets()
}

// row decides what to do with one record.
func (im *importer) row(rec *ImportRecord) error {
	im.report.Rows++
	if rec.Err != nil {
		im.reject(rec.Line, rec.Column, rec.Err)
		return nil
	}
	catID, ok, err := im.category(rec)
	if err != nil || !ok {
		return err
	}
	if k, first, ok := im.ticketRepeated(rec); ok {
		im.reject(rec.Line, k.Source, ErrImportTicketRepeated.With(k.Code, first.line, first.name))
		return nil
	}
	im.warnGlyphs(rec)
	// Who the row is: the code it gives, else its ticket or form
	// response, else (see matchPerson) its email, else its name.
	var dup *importTarget
	t := im.matchCode(&rec.P)
	if t == nil {
		t = im.matchTicket(rec)
	}
	answer := false
	if t == nil {
		if t, dup, err = im.matchPerson(rec); err != nil {
			return err
		}
		if t != nil {
			if answer, err = im.answeredAgain(rec, t); err != nil {
				return err
			}
		}
	}
	if t == nil && dup == nil && im.opts.OnMatch != MatchCreate {
		if k, at, ok := im.deletedRow(rec); ok {
			// Someone an organiser deleted, whom the platform still
			// lists, and nobody registered since under their name (found
			// above, or a possible duplicate to merge).
			im.warnDeleted(rec, k, at)
			return nil
		}
	}
	if t != nil && im.opts.OnMatch == MatchCreate && !t.isNew {
		t = nil // someone already registered: create anyway
	}
	if t == nil {
		if dup != nil && im.opts.OnMatch != MatchCreate {
			if err := im.warnDuplicate(rec, dup); err != nil {
				return err
			}
		}
		return im.create(rec, catID)
	}
	if im.opts.OnMatch == MatchSkip {
		im.report.Skipped++
		return nil
	}
	if answer {
		return im.answerAgain(t, rec, catID) // import_answers.go
	}
	return im.update(t, rec, catID)
}

// reject records a row that is not imported.
func (im *importer) reject(line int, column string, err error) {
	im.report.Rejected++
	im.report.Issues = append(im.report.Issues, ImportIssue{Line: line, Column: column, Err: err})
}

// warn records a remark on a row that was imported.
func (im *importer) warn(line int, column string, err error) {
	im.report.Issues = append(im.report.Issues, ImportIssue{Line: line, Column: column, Err: err, Warning: true})
}

// rejectInvalid rejects a row whose participant breaks a rule, naming the
// column of the field at fault when it can.
func (im *importer) rejectInvalid(line int, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err // not the row's fault
	}
	column := im.columns[ImportField(e.Field)]
	if column == "" && e.Field == "last_name" {
		column = im.columns[FieldFullName]
	}
	im.reject(line, column, err)
	return nil
}

// create plans a new participant.
func (im *importer) create(rec *ImportRecord, catID int64) error {
	p := rec.P
	p.ID = 0
	p.CategoryID = catID
	given := im.defaults(&p, rec)
	if err := im.check(&p); err != nil {
		return im.rejectInvalid(rec.Line, err)
	}
	if p.Code != "" && im.byCode[p.Code] != nil {
		im.reject(rec.Line, im.columns[FieldCode], ErrCodeTaken.With(p.Code))
		return nil
	}
	if p.Code == "" {
		p.Code = im.freeCode()
	}
	org, err := im.organisation(p.Organisation)
	if err != nil {
		return err
	}
	p.Organisation = org.name
	t := &importTarget{id: im.nextID, p: &p, isNew: true, email: p.Email, org: org.id, fileDays: len(rec.P.Days) > 0, line: rec.Line}
	t.noteStatus(rec)
	im.nextID++
	p.ID = t.id
	t.sortKey, t.nameKey = im.keys(&p)
	im.index(t, p.Code, t.nameKey+"\n"+im.fold(p.Organisation))
	if err := im.hold(&p); err != nil {
		return err
	}
	im.fresh = append(im.fresh, t)
	im.report.New++
	im.noteDefaults(&p, given)
	im.planEnrolments(rec, t)
	return im.planTickets(rec, t)
}

// update merges a row into the participant it matches.
func (im *importer) update(t *importTarget, rec *ImportRecord, catID int64) error {
	if err := im.loadTarget(t); err != nil {
		return err
	}
	merged := *t.p
	merged.Days = append([]Day(nil), t.p.Days...)
	overwrite := im.opts.OnMatch == MatchOverwrite || im.latestAnswer
	mergeRecord(&merged, rec, overwrite)
	if err := im.reimport(t, &merged, rec); err != nil {
		return err
	}
	t.fileStatus(&merged, rec)
	if catID != 0 && overwrite {
		merged.CategoryID = catID
	}
	if err := im.check(&merged); err != nil {
		return im.rejectInvalid(rec.Line, err)
	}
	t.noteStatus(rec)
	if merged.Code != t.p.Code && im.byCode[merged.Code] == t {
		merged.Code = t.p.Code // the code of a record merged into theirs: it found them, it stays an alias
	}
	if merged.Code != t.p.Code && im.byCode[merged.Code] != nil {
		im.reject(rec.Line, im.columns[FieldCode], ErrCodeTaken.With(merged.Code))
		return nil
	}
	org, err := im.organisation(merged.Organisation)
	if err != nil {
		return err
	}
	merged.Organisation = org.name
	if overwrite && !t.isNew {
		im.warnOverwrites(rec.Line, t.p, &merged)
	} else {
		im.warnKeptEdits(rec.Line, t, &merged, rec)
	}
	if err := im.hold(&merged); err != nil {
		return err
	}
	t.fileDays = t.fileDays || len(rec.P.Days) > 0
	if sameParticipant(&merged, t.p) && org.id == t.org {
		if im.keptValues(t, rec, catID) {
			im.report.Kept++ // the file says otherwise, the mode kept the congress's values
		} else {
			im.report.Unchanged++
			if t.isNew && t.line > 0 && len(rec.Workshops) == 0 && len(rec.Tickets) == 0 {
				// A row again of someone this file registers: named, so
				// that a repeated row is not a silent "unchanged".
				im.warn(rec.Line, "", ErrImportRowRepeated.With(t.line, t.p.FullName()))
			}
		}
	} else {
		im.report.Updated++
		*t.p, t.org, t.email = merged, org.id, merged.Email
		if !t.isNew && !t.changed {
			t.changed = true
			im.changed = append(im.changed, t)
		}
		t.sortKey, t.nameKey = im.keys(&merged)
		im.index(t, merged.Code, t.nameKey+"\n"+im.fold(merged.Organisation))
	}
	im.planEnrolments(rec, t)
	return im.planTickets(rec, t)
}

// hold counts the text of a participant the import keeps, and refuses the
// file past maxImportText.
func (im *importer) hold(p *Participant) error {
	im.held += len(p.Code) + len(p.FirstName) + len(p.LastName) + len(p.Email) + len(p.Phone) +
		len(p.Organisation) + len(p.JobTitle) + len(p.Region) + len(p.Diet) + len(p.Accessibility) + len(p.Notes)
	if im.held > maxImportText {
		return ErrImportTooMuchText.With(maxImportText >> 20)
	}
	return nil
}

// check validates a participant and checks its days are the congress's.
func (im *importer) check(p *Participant) error {
	if err := p.Validate(); err != nil {
		return err
	}
	for _, d := range p.Days {
		if !im.days[d] {
			return withDay(ErrNotCongressDay, d)
		}
	}
	return nil
}

// organisation returns the organisation of that name, ignoring case and
// accents, creating it when there is none; the zero importOrg for no name.
func (im *importer) organisation(name string) (importOrg, error) {
	if name == "" {
		return importOrg{}, nil
	}
	key := im.fold(name)
	if o, ok := im.orgs[key]; ok {
		return o, nil
	}
	// Created when the import writes: until then its ID is provisional
	// (negative).
	im.newOrgs = append(im.newOrgs, name)
	o := importOrg{id: -int64(len(im.newOrgs)), name: name}
	im.orgs[key] = o
	return o, nil
}

// write writes what the rows decided: updates first, while the indexes are
// all there, then the new participants, then the enrolments.
func (im *importer) write() error {
	if err := im.createPlanned(); err != nil {
		return err
	}
	if len(im.changed) > 0 || len(im.fresh) > 0 {
		im.wrote = true
	}
	for _, t := range im.changed {
		if err := im.ctx.Err(); err != nil {
			return err
		}
		if err := im.s.updateParticipant(im.ctx, im.tx, t.p, t.stored, nullID(t.org), im.now); err != nil {
			return err
		}
	}
	if err := im.insertFresh(); err != nil {
		return err
	}
	if err := im.insertTickets(); err != nil {
		return err
	}
	if err := im.enrol(); err != nil {
		return err
	}
	if im.saveMapping {
		im.wrote = true
		if err := im.saveCategories(); err != nil {
			return err
		}
		return saveImportMapping(im.ctx, im.tx, im.header, im.mapping, im.now)
	}
	return nil
}

// foldMemo bounds the memo of Fold.
const foldMemo = 1 << 16

// fold is Fold, remembering the texts it has folded.
func (im *importer) fold(s string) string {
	if f, ok := im.folded[s]; ok {
		return f
	}
	f := Fold(s)
	if im.folded == nil {
		im.folded = map[string]string{}
	}
	if len(im.folded) < foldMemo {
		im.folded[s] = f
	}
	return f
}

// keys returns sortKey(p) and Fold(p.FirstName+" "+p.LastName), from the
// names folded one at a time: Fold of two texts joined by a space is the
// two folded texts joined by a space, when neither is empty.
func (im *importer) keys(p *Participant) (sortKey, nameKey string) {
	first, last := im.fold(p.FirstName), im.fold(p.LastName)
	switch {
	case first == "":
		nameKey = last
	case last == "":
		nameKey = first
	default:
		nameKey = first + " " + last
	}
	return last + "\x01" + first, nameKey
}

// nullID is an optional reference: 0 is none.
func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }
