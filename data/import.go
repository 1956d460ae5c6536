package data

// Importing registrations from spreadsheets (CSV, TSV, XLSX) exported by
// ticketing platforms and forms. Three steps, three groups of files:
//
//   - reading a source: congres/data/spreadsheet turns a file into a header
//     and a stream of rows of text (format, encoding, delimiter, sheet and
//     header row detected) and proposes a field for each header name, behind
//     ImportSource and ImportTable; import_record.go turns a row into an
//     ImportRecord (typed values, or the reason the row is rejected). None of
//     it touches the store.
//   - writing: import_write*.go matches records with existing participants,
//     creates, fills or overwrites them, enrols them in workshops, all in one
//     transaction (or none, for a dry run), and reports what it did.
//   - remembering: the mapping chosen for a set of headers is kept in the
//     congress file (migration 0004).

// ImportSource is what an import reads: a table the caller knows how to
// open (congres/data/spreadsheet opens CSV and XLSX files). Import opens it
// once for each time it decides the rows, so that it may read it again when
// the congress changed meanwhile (see Store.Import); PreviewImport once.
type ImportSource interface {
	// Open opens the table with its header found. Bad input gets a *Error
	// saying what is wrong with it.
	Open() (ImportTable, error)
}

// ImportTable is an open source: its header found, its rows read one at a
// time.
type ImportTable interface {
	// Layout is the table as the reader found it.
	Layout() ImportLayout
	// Mapping proposes a field for each column from its header name,
	// corrected by the first rows: those of sample, or when it is nil
	// those the table read with its header, if it keeps them.
	Mapping(sample []ImportRow) []ImportField
	// Next returns the next data row, blank ones skipped, padded to the
	// header's length; io.EOF at the end. The row's cells are the caller's
	// to keep.
	Next() (ImportRow, error)
	// Progress is how far the reading is (bytes of a file, rows of a
	// sheet), and how far it goes (0 when unknown).
	Progress() (done, total int64)
	// Warnings are the remarks made on the rows read so far (a quote not
	// closed, mixed encodings): the rows were read, the remarks say how.
	Warnings() []ImportIssue
	Close() error
}

// ImportLayout is a table as its reader found it.
type ImportLayout struct {
	Format     string   // "csv" or "xlsx"
	Encoding   string   // CSV: "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252"
	Delimiter  rune     // CSV: ',', ';' or '\t'
	Sheets     []string // XLSX: every sheet of the workbook
	Sheet      string   // XLSX: the sheet read
	HeaderLine int      // the header's line (CSV) or row (XLSX), 1-based
	Header     []string // the column names, trimmed; trailing unnamed columns dropped
	// HeaderCells are the header's cells exactly as the file writes
	// them (spaces and line breaks kept), as many as Header.
	HeaderCells []string
}

// ImportField is a participant field a column can be mapped to. The empty
// field means "ignore this column".
type ImportField string

const (
	FieldIgnore        ImportField = ""
	FieldCode          ImportField = "code"
	FieldFirstName     ImportField = "first_name"
	FieldLastName      ImportField = "last_name"
	FieldFullName      ImportField = "full_name" // "First Last" in one column
	FieldEmail         ImportField = "email"
	FieldPhone         ImportField = "phone"
	FieldOrganisation  ImportField = "organisation"
	FieldJobTitle      ImportField = "job_title"
	FieldCategory      ImportField = "category" // category, fee type, ticket type
	FieldRegion        ImportField = "region"
	FieldStatus        ImportField = "status"
	FieldFee           ImportField = "fee" // an amount in euros: "45", "45,00 €", "45.5"
	FieldPaid          ImportField = "paid"
	FieldDiet          ImportField = "diet"
	FieldAccessibility ImportField = "accessibility"
	FieldImageConsent  ImportField = "image_consent"
	FieldDays          ImportField = "days"      // dates, "both days", "day 1"…
	FieldWorkshops     ImportField = "workshops" // titles or ids, separated by ; , or new lines
	FieldNotes         ImportField = "notes"     // several columns may go to the notes: "Header: value" lines
	FieldTicket        ImportField = "ticket"    // an e-ticket's number or barcode; several columns may give tickets
	// FieldResponse identifies a form's response: its ID (Microsoft
	// Forms, with its start time) or its timestamp (Google Forms). With
	// the email, it says who the row is on the next import of the form.
	FieldResponse ImportField = "response"
)

// ImportRow is one row of a source, as text.
type ImportRow struct {
	Line  int // 1-based line (CSV: of the row's first line) or row number (XLSX)
	Cells []string
	// Err, when set, is why the reader rejects the row whatever its
	// values: the file seems cut off in it (ErrImportRowCut,
	// ErrImportCutInQuote).
	Err error
}

// ImportRecord is a row read under a mapping, ready to be matched and written.
type ImportRecord struct {
	Line int
	// P holds the values the row gives. Fields the row leaves empty keep
	// their zero value; Has tells which were given.
	P   Participant
	Has map[ImportField]bool
	// Category is the category text as found (matched to a category by the
	// writer); Workshops the workshop titles or ids as found.
	Category  string
	Workshops []string
	// Tickets are the e-tickets the row gives (normalised, with the
	// header of their column): the desk checks the person in by scanning
	// one.
	Tickets []Ticket
	// TicketIssue is why a value of a ticket column was left out (the row
	// is imported without it), TicketColumn that column's header.
	TicketIssue  error
	TicketColumn string
	// EmailIssue is why the email of a row that has a ticket was left out
	// (not an email address: the ticket says who the row is, and the row
	// is imported without it), EmailColumn that column's header.
	EmailIssue  error
	EmailColumn string
	// remarks are what the row is imported with a warning of (nil for
	// most rows: a record holds only a pointer).
	remarks *rowRemarks
	// Err is why the row cannot be imported (a missing name, a malformed
	// email, a date that is not a congress day…), Column the header of the
	// column at fault. Rows with Err set are rejected, never written.
	Err    error
	Column string
}

// OnMatch says what an import does with a row that matches someone already
// registered (same code, else same email, else same name and organisation
// ignoring case and accents).
type OnMatch int

const (
	MatchFill      OnMatch = iota // update: fill the fields that are empty, keep the others
	MatchOverwrite                // update: the file's non-empty values replace the stored ones
	MatchSkip                     // leave them as they are
	MatchCreate                   // create a new participant anyway
)

// ImportOptions are the choices of one import.
type ImportOptions struct {
	// Mapping gives each column's field, in the header's order; nil uses
	// the mapping remembered for this header, else the automatic one.
	Mapping []ImportField
	OnMatch OnMatch
	// CategoryMap maps a category text as found in the file (folded with
	// Fold) to an existing category's id.
	CategoryMap map[string]int64
	// CreateCategories creates a category for each text neither known nor
	// in CategoryMap; otherwise rows with such a category are rejected.
	CreateCategories bool
	// DefaultCategoryID is the category of new rows that give none (0: the
	// first category).
	DefaultCategoryID int64
	// DefaultStatus is the status of new rows that give none ("": pending).
	DefaultStatus Status
	// DefaultFeeCents is the amount due by new rows that give none (0:
	// none).
	DefaultFeeCents int64
	// DefaultDays are the days of new rows that give none (nil: every day
	// of the congress).
	DefaultDays []Day
	// DateOrder is how dates such as 03/02/2026 are read: day first,
	// month first, or (DateOrderAuto) as the congress days tell, day first
	// when both readings are congress days (the report then asks, see
	// ImportReport.AmbiguousDates).
	DateOrder DateOrder
	// DryRun reads, matches and counts but writes nothing.
	DryRun bool
	// Progress, when set, is called now and then with the bytes read so far
	// and the source's size.
	Progress func(done, total int64)
	// CheckText, when set, returns the characters of a text that no font
	// prints (export.MissingGlyphs): a row whose name, organisation or job
	// title holds some is imported with a warning naming them
	// (import_glyphs.go).
	CheckText func(string) []rune
}

// ImportIssue is a rejected row (Warning false) or a remark on a row that
// was imported (Warning true: a full workshop, a clash…).
type ImportIssue struct {
	Line    int
	Column  string
	Err     error
	Warning bool
}

// ImportReport says what an import did, or would do for a dry run.
type ImportReport struct {
	Rows      int // data rows read (blank rows not counted)
	New       int
	Updated   int
	Unchanged int
	// Kept counts the rows that found someone and give values other than
	// theirs, which the mode kept (an import that fills only empty
	// fields): neither unchanged nor updated.
	Kept     int
	Skipped  int
	Rejected int
	Issues   []ImportIssue // in line order; rejected rows and warnings
	// Categories found in the file that are neither known nor mapped:
	// created when CreateCategories, otherwise their rows were rejected.
	UnknownCategories []string
	// DefaultCategory and DefaultStatus are what new rows that give no
	// category, or no status, got ("" when no new row lacked one): the
	// report says it, so that nobody becomes "Adhérent·e, pending"
	// unseen.
	DefaultCategory string
	DefaultStatus   Status
	// DefaultCategoryRows counts the new rows that got DefaultCategory:
	// the file has no category column, or an empty cell in it.
	DefaultCategoryRows int
	// DefaultFeeCents is the amount new rows that give none got (0 when
	// none did, or no default fee was chosen); DefaultDays the days new
	// rows that give none got (nil when none did): the report says them
	// too.
	DefaultFeeCents int64
	DefaultDays     []Day
	Enrolments      int // workshop places taken
	Tickets         int // e-tickets recorded (those already held by the same person not counted)
	// IgnoredColumns are the columns of the file no field takes, by their
	// header (an unnamed one by its letter: "(F)"), in order: the
	// report lists them, so that nothing is left out unseen.
	IgnoredColumns []string
	// AmbiguousDates are the columns holding a date that reads as two
	// congress days (03/02 in a congress of 3 February and 2 March): they
	// were read day first; ImportOptions.DateOrder says otherwise.
	AmbiguousDates []string
	// PossibleDuplicates counts the new rows that have the name (and
	// organisation) of someone else but another email, or the same email
	// and another ticket: each has a warning naming that person.
	PossibleDuplicates int
	// Overwritten counts the rows whose values replace values the
	// congress held (an import that overwrites): each has a warning
	// naming the person and the values replaced (import_overwrites.go).
	Overwritten int
	// EditsKept counts the rows whose ticket found someone whose values
	// the organiser edited since the ticket's last import, and that an
	// import filling empty fields kept though the file gives others: each
	// has a warning naming the person and the values kept
	// (import_memory.go).
	EditsKept int
}

// ImportPreview is what the preview dialog shows before anything is read
// in full: the source as detected, its first rows and the mapping proposed.
type ImportPreview struct {
	ImportLayout
	Sample     []ImportRow // the first data rows (10 at most)
	Mapping    []ImportField
	Remembered bool // Mapping is the one saved for this header, not the automatic one
}
