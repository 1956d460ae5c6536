package data

// What a row is imported with a warning of, its values read as well as
// they can be: a status the import does not know (the row is imported
// without it), an amount in another currency than the euro (read as
// euros).

// The warnings of a row's values.
var (
	// ErrImportStatusUnknown: the value, its column, and the status the
	// row's person has.
	ErrImportStatusUnknown = newErr(KindInvalid, "import_status_unknown", "status",
		"“%s” in the column “%s” is not a status the import knows (confirmed, pending or cancelled, or a platform's word for one): the row was imported with the status %s.",
		"«%s» dans la colonne «%s» n'est pas un statut connu de l'import (confirmé, en attente ou annulé, ou le mot d'une plateforme pour l'un d'eux) : la ligne a été importée avec le statut %s.")
	ErrImportOtherCurrency = newErr(KindInvalid, "import_other_currency", "fee",
		"“%s” in the column “%s” is not in euros: it was read as %s. Check the amount.",
		"«%s» dans la colonne «%s» n'est pas en euros : il a été lu comme %s. Vérifiez le montant.")
)

// rowRemarks are the values of a row the import warns of, with their
// columns' headers.
type rowRemarks struct {
	status, statusColumn     string // a status not known: left out
	currency, currencyColumn string // an amount in dollars: read as euros
}

// remark returns the record's remarks, made when it has none.
func (rec *ImportRecord) remark() *rowRemarks {
	if rec.remarks == nil {
		rec.remarks = &rowRemarks{}
	}
	return rec.remarks
}

// warnRemarks warns of a row's remarks: t's person has the status they
// had, or a new one the default, and the amount read.
func (im *importer) warnRemarks(rec *ImportRecord, t *importTarget) {
	r := rec.remarks
	if r == nil {
		return
	}
	if r.status != "" {
		w := statusWordsShown[t.p.Status]
		im.warn(rec.Line, r.statusColumn, ErrImportStatusUnknown.WithWords(
			[]any{r.status, r.statusColumn, w[0]}, []any{r.status, r.statusColumn, w[1]}))
	}
	if r.currency != "" {
		im.warn(rec.Line, r.currencyColumn, ErrImportOtherCurrency.WithWords(
			[]any{r.currency, r.currencyColumn, FormatEuros(rec.P.FeeCents, "en")},
			[]any{r.currency, r.currencyColumn, FormatEuros(rec.P.FeeCents, "fr")}))
	}
}
