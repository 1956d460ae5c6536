package data

import "strings"

// The errors of reading a spreadsheet to import. The reader
// (congres/data/spreadsheet) returns them; they are here with the other
// sentences a person reads, in both languages.

// The errors of reading a source.
var (
	ErrImportUnreadable = newErr(KindInvalid, "import_unreadable", "",
		"“%s” could not be read: check that it is not open in another program and that you may read it.",
		"«%s» n'a pas pu être lu : vérifiez qu'il n'est pas ouvert dans un autre programme et que vous avez le droit de le lire.")
	ErrImportEmpty = newErr(KindInvalid, "import_empty", "",
		"The file “%s” is empty.",
		"Le fichier «%s» est vide.")
	ErrImportNoRows = newErr(KindInvalid, "import_no_rows", "",
		"“%s” has a header (line %d) but no rows under the header.",
		"«%s» a une ligne d'en-tête (ligne %d) mais aucune ligne sous l'en-tête.")
	ErrImportBinary = newErr(KindInvalid, "import_binary", "",
		"“%s” is not a spreadsheet: it is neither text (CSV) nor an Excel workbook (XLSX). Export the registrations as CSV or XLSX and choose that file.",
		"«%s» n'est pas un tableau : ce n'est ni du texte (CSV) ni un classeur Excel (XLSX). Exportez les inscriptions en CSV ou XLSX et choisissez ce fichier.")
	ErrImportHTML = newErr(KindInvalid, "import_html", "",
		"“%s” is a web page (HTML), not a spreadsheet: open it in Excel or LibreOffice and save it as XLSX or CSV.",
		"«%s» est une page web (HTML), pas un tableau : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en XLSX ou CSV.")
	ErrImportOldExcel = newErr(KindInvalid, "import_old_excel", "",
		"“%s” is an Excel 97–2003 workbook (.xls), which cannot be read: open it in Excel or LibreOffice and save it as XLSX or CSV.",
		"«%s» est un classeur Excel 97–2003 (.xls), qui ne peut pas être lu : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en XLSX ou CSV.")
	ErrImportODS = newErr(KindInvalid, "import_ods", "",
		"“%s” is an OpenDocument spreadsheet (.ods), which cannot be read: save it as XLSX or CSV.",
		"«%s» est un classeur OpenDocument (.ods), qui ne peut pas être lu : enregistrez-le en XLSX ou CSV.")
	ErrImportNotXLSX = newErr(KindInvalid, "import_not_xlsx", "",
		"“%s” is named like an Excel workbook but is not one (an .xlsx file is a zip archive). If it is a CSV file, rename it .csv.",
		"«%s» porte le nom d'un classeur Excel mais n'en est pas un (un fichier .xlsx est une archive zip). S'il s'agit d'un fichier CSV, renommez-le en .csv.")
	ErrImportBadXLSX = newErr(KindInvalid, "import_bad_xlsx", "",
		"“%s” could not be read as an Excel workbook: it may be damaged or protected by a password.",
		"«%s» n'a pas pu être lu comme un classeur Excel : il est peut-être endommagé ou protégé par un mot de passe.")
	ErrImportNoSheet = newErr(KindNotFound, "import_no_sheet", "",
		"There is no sheet “%s” in “%s”; its sheets are: %s.",
		"Il n'y a pas de feuille «%s» dans «%s» ; ses feuilles sont : %s.")
	ErrImportNoHeader = newErr(KindInvalid, "import_no_header", "",
		"No recognisable header in “%s”: none of its first %d rows names two known columns. Expected column names such as %s.",
		"Aucun en-tête reconnaissable dans «%s» : aucune de ses %d premières lignes ne nomme deux colonnes connues. Noms de colonnes attendus, par exemple : %s.")
	ErrImportDuplicateHeader = newErr(KindInvalid, "import_duplicate_header", "",
		"The column “%s” appears twice in the header (columns %s and %s): rename one of them.",
		"La colonne «%s» figure deux fois dans l'en-tête (colonnes %s et %s) : renommez l'une d'elles.")
	ErrImportCSV = newErr(KindInvalid, "import_csv", "",
		"Line %d of “%s” cannot be read as CSV.",
		"La ligne %d de «%s» ne peut pas être lue comme du CSV.")
)

// The errors of a file whose lines or cells are out of bounds, and the
// warnings of reading it.
var (
	ErrImportLineTooLong = newErr(KindInvalid, "import_line_too_long", "",
		"Line %d of “%s” is longer than 1 MB: this is not a list of registrations. Nothing was imported.",
		"La ligne %d de «%s» dépasse 1 Mo : ce n'est pas une liste d'inscriptions. Rien n'a été importé.")
	ErrImportCellTooLong = newErr(KindInvalid, "import_cell_too_long", "",
		"Line %d of “%s” has a cell longer than 32 KB: shorten it or remove that column. Nothing was imported.",
		"La ligne %d de «%s» a une cellule de plus de 32 Ko : raccourcissez-la ou retirez cette colonne. Rien n'a été importé.")
	ErrImportUnclosedQuote = newErr(KindInvalid, "import_unclosed_quote", "",
		"A quote opened on this line is not closed: it was read as a character. Check the row's values.",
		"Un guillemet ouvert sur cette ligne n'est pas fermé : il a été lu comme un caractère. Vérifiez les valeurs de la ligne.")
	ErrImportMultiLine = newErr(KindInvalid, "import_multi_line", "",
		"A quoted value starting on this line runs over %d lines and holds the delimiter: check that a quote is not missing.",
		"Une valeur entre guillemets commençant sur cette ligne s'étend sur %d lignes et contient le séparateur : vérifiez qu'il ne manque pas un guillemet.")
	ErrImportRowCut = newErr(KindInvalid, "import_row_cut", "",
		"This row has %d of %d columns and the file ends in it, without a line end: the file seems cut off here. The row was not imported: export the file again, or complete the row.",
		"Cette ligne a %d colonnes sur %d et le fichier s'arrête dessus, sans fin de ligne : le fichier semble coupé ici. La ligne n'a pas été importée : exportez à nouveau le fichier, ou complétez la ligne.")
	ErrImportCutInQuote = newErr(KindInvalid, "import_cut_in_quote", "",
		"A quote opened in this row is still open where the file ends, without a line end: the file seems cut off inside this value. The row was not imported: export the file again, or complete the row.",
		"Un guillemet ouvert dans cette ligne est encore ouvert là où le fichier s'arrête, sans fin de ligne : le fichier semble coupé au milieu de cette valeur. La ligne n'a pas été importée : exportez à nouveau le fichier, ou complétez la ligne.")
	ErrImportShortRow = newErr(KindInvalid, "import_short_row", "",
		"This row has %d of %d columns: the missing ones were read as empty. Check that the row is whole.",
		"Cette ligne a %d colonnes sur %d : celles qui manquent ont été lues vides. Vérifiez que la ligne est complète.")
	ErrImportMixedEncoding = newErr(KindInvalid, "import_mixed_encoding", "",
		"This file mixes two encodings (UTF-8 and Windows-1252) from this line on: each line was read in its own encoding. Check the accented letters.",
		"Ce fichier mélange deux encodages (UTF-8 et Windows-1252) à partir de cette ligne : chaque ligne a été lue dans le sien. Vérifiez les lettres accentuées.")
)

// ErrImportXLSXTooBig refuses a workbook out of bounds.
var ErrImportXLSXTooBig = newErr(KindInvalid, "import_xlsx_too_big", "",
	"“%s” unpacks to more than a list of registrations can hold (its part “%s”): it is damaged or not a registration list. Nothing was imported.",
	"«%s» se décompresse en plus qu'une liste d'inscriptions ne peut contenir (sa partie «%s») : il est endommagé ou ce n'est pas une liste d'inscriptions. Rien n'a été importé.")

// ImportNoHeader is ErrImportNoHeader for a file name and the number of rows
// looked at, with the expected column names in the message's language.
func ImportNoHeader(name string, rows int) *Error {
	e := ErrImportNoHeader.With(name, rows,
		"“First name”, “Last name” (or “Full name”), “Email”, “Organisation”, “Category”, “Days”")
	e.frArgs = []any{name, rows,
		"«Prénom», «Nom» (ou «Nom complet»), «E-mail», «Structure», «Catégorie», «Jours»"}
	return e
}

// ImportNoSheet is ErrImportNoSheet: there is no sheet named sheet in the
// workbook name, whose sheets are sheets (quoted in the message's language).
func ImportNoSheet(sheet, name string, sheets []string) *Error {
	e := ErrImportNoSheet.With(sheet, name, quoteList(sheets, "“", "”"))
	e.frArgs = []any{sheet, name, quoteList(sheets, "«", "»")}
	return e
}

func quoteList(names []string, open, close string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(open + n + close)
	}
	return b.String()
}
