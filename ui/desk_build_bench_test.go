package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"congres/data/stores"
)

// BenchmarkDeskBuild50k is the building of the desk at its first visit, at
// 50,000 participants (issue 19: the desk's first visit within 300 ms).
func BenchmarkDeskBuild50k(b *testing.B) {
	path := demoFile(b, 50000)
	prefs := test.NewTempApp(b).Preferences()
	ctx := context.Background()
	st, err := stores.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	loopCPU(b, func() {
		e := queuedBenchEnv(b)
		s := newMainView(e, st, prefs, func(string) {}).pages[deskPage].screen
		e.win.SetContent(s.build())
	})
}
