package export

import (
	"congres/data"
)

// DaySlots are a day's morning and afternoon, from its programme (see
// HalfDaySlots): the hours of a day's attendance, the lunch break left
// out, as the day's sign-in sheet has them.
type DaySlots struct{ Morning, Afternoon TimeSlot }

// Minutes is the day's hours: the morning's and the afternoon's.
func (s DaySlots) Minutes() int { return s.Morning.Minutes() + s.Afternoon.Minutes() }

// ProgrammeDays are the hours of each day that has a session.
func ProgrammeDays(sessions []data.Session) map[data.Day]DaySlots {
	out := map[data.Day]DaySlots{}
	for _, se := range sessions {
		if _, ok := out[se.Day]; !ok {
			m, a := HalfDaySlots(sessions, se.Day)
			out[se.Day] = DaySlots{m, a}
		}
	}
	return out
}

// WarnNoSignatory says that certificates have no signatory.
var WarnNoSignatory = &Error{Code: "certificates_no_signatory",
	EN: "No signatory is set (Settings → Congress): the certificates leave a line to sign by hand, with the signatory's name and role.",
	FR: "Aucun ou aucune signataire n'est indiqué (Paramètres → Congrès) : les attestations laissent une ligne pour signer à la main, avec le nom et la qualité du ou de la signataire."}

// WarnNoSignatureImage says that certificates have no signature image.
var WarnNoSignatureImage = &Error{Code: "certificates_no_signature",
	EN: "No signature image is set (Settings → Congress): the certificates leave room to sign each one by hand.",
	FR: "Aucune image de signature n'est indiquée (Paramètres → Congrès) : les attestations laissent la place de signer chacune à la main."}

// CertificateWarnings are what to tell before printing c's certificates:
// that they have no signatory, no signature image.
func CertificateWarnings(c data.Congress) []*Error {
	var ws []*Error
	if c.Signatory == "" {
		ws = append(ws, WarnNoSignatory)
	}
	if len(c.Signature) == 0 {
		ws = append(ws, WarnNoSignatureImage)
	}
	return ws
}

// daysTable lays out, from y, the days a person attended, each with its
// hours and their length, then their total, and returns where it ends.
// A day without a programme has no hours to count.
func (d *certDesign) daysTable(pg *docPage, days []data.Day, y float64, compact bool) float64 {
	x, w := certMargin, d.contentW()
	lang := d.lang
	rh, size := 6.5, 9.5
	if compact {
		rh, size = 5.2, 8.5
	}
	label := tr(lang, "Days attended", "Jours de présence")
	if len(days) == 1 {
		label = tr(lang, "Day attended", "Jour de présence")
	}
	pg.add(fieldCertDays, label, Box{x, y, w, 6}, textStyle{Bold: true, MaxSize: 11, MinSize: 8, MaxLines: 1, Align: 'L'}, black)
	y += 7
	cols := []tableColumn{{x, 58, tr(lang, "Day", "Jour")}, {x + 58, 84, tr(lang, "Hours", "Horaires")},
		{x + 142, w - 142, tr(lang, "Duration", "Durée")}}
	top := y
	right := x + w
	pg.fills = append(pg.fills, placedFill{Box{x, y, w, rh}, headFill})
	row := func(texts [3]string, field string, st textStyle, c rgb) {
		for j, col := range cols {
			cell := Box{col.x, y, col.w, rh}
			pg.cells = append(pg.cells, cell)
			pg.add(field, texts[j], certInCell(cell), st, c)
		}
		y += rh
	}
	row([3]string{cols[0].label, cols[1].label, cols[2].label}, fieldTableHead,
		textStyle{Bold: true, MaxSize: min(size, 9), MinSize: 6, MaxLines: 1, Align: 'L'}, black)
	pg.rule(x, top, right, top, 0.3, ruleGrey)
	pg.rule(x, y, right, y, 0.3, ruleGrey)
	total := 0
	st := textStyle{MaxSize: size, MinSize: 6, MaxLines: 1, Align: 'L'}
	for _, day := range days {
		slots := d.programme[day]
		hours, length := "—", "—"
		var parts []string
		for _, ts := range []TimeSlot{slots.Morning, slots.Afternoon} {
			if !ts.IsZero() {
				parts = append(parts, timeRange(ts.Start, ts.End, lang))
			}
		}
		if len(parts) > 0 {
			hours, length = joinWords(parts, lang), durationText(slots.Minutes(), lang)
			total += slots.Minutes()
		}
		row([3]string{dayLong(day, lang), hours, length}, fieldCertCell, st, black)
		pg.rule(x, y, right, y, 0.15, lightGrey)
	}
	st.Bold = true
	sum := Box{x, y, cols[2].x - x, rh}
	val := Box{cols[2].x, y, cols[2].w, rh}
	pg.cells = append(pg.cells, sum, val)
	pg.add(fieldCertTotal, tr(lang, "Total attendance", "Durée totale de présence"), certInCell(sum), st, black)
	totalText := durationText(total, lang)
	if total == 0 { // no day has hours in the programme: nothing to add up, not "0 min"
		totalText = "—"
	}
	pg.add(fieldCertTotal, totalText, certInCell(val), st, black)
	y += rh
	pg.rule(x, y, right, y, 0.3, ruleGrey)
	for i, c := range cols {
		end := y
		if i == 1 {
			end = y - rh // the total's label may run on: no rule through it
		}
		pg.rule(c.x, top, c.x, end, 0.15, ruleGrey)
	}
	pg.rule(right, top, right, y, 0.15, ruleGrey)
	return y
}
