package ui

import (
	"fyne.io/fyne/v2/lang"

	"congres/data"
)

// showExpected shows, for a plenary nobody enrols in, the people expected
// that day against its places, as the timetable does ("≈ 467 / 1 500"),
// instead of its empty enrolments. UI thread.
func (p *sessionPage) showExpected(se data.Session, expected map[data.Day]int) {
	n, ok := plenaryExpected(se, expected)
	if !ok {
		return
	}
	args := map[string]any{"Fill": plenaryFillText(se, n)}
	p.gaugeText.SetText(lang.L("{{.Fill}} expected (everyone expected that day)", args))
	if se.EffectiveCapacity > 0 {
		p.gauge.Max = float64(se.EffectiveCapacity)
		p.gauge.SetValue(float64(min(n, se.EffectiveCapacity)))
		setGaugeFull(p.gaugeTheme, n >= se.EffectiveCapacity)
	}
}
