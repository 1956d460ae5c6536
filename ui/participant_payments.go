package ui

import (
	"slices"

	"fyne.io/fyne/v2/lang"

	"congres/data"
)

// The participant page's Payments tab (issue 15): the fees the person paid
// at the desk — amount, method, desk and time — and those taken back,
// which count no longer.

// newPaymentsTable is the table of a person's payments.
func newPaymentsTable() *textTable {
	return newTextTable([]string{lang.L("Date and time"), lang.L("Amount"), lang.L("Method"), lang.L("Desk"),
		lang.L("Undone")}, []float32{170, 110, 150, 150, 220})
}

// paymentRows are a person's payments as the table shows them, oldest
// first.
func paymentRows(list []data.Payment) [][]string {
	l := uiLanguage()
	rows := make([][]string, len(list))
	for i, p := range list {
		undone := ""
		if p.Undone() {
			undone = lang.L("Undone on {{.Date}}", map[string]any{"Date": dateTime(p.UndoneAt)})
		}
		rows[i] = []string{dateTime(p.At), data.FormatEuros(p.AmountCents, l), paymentMethodName(p.Method), p.Desk, undone}
	}
	return rows
}

// paymentMethodName is a method as the desk's payment dialog names it
// ("Card"); what an unknown one was recorded as otherwise.
func paymentMethodName(m data.PaymentMethod) string {
	if i := slices.Index(data.PaymentMethods, m); i >= 0 {
		return paymentMethodNames()[i]
	}
	return string(m)
}
