package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"congres/data"
	"congres/export"
)

// exportsScreen makes the congress's documents, one tab each: badges, the
// attendance workbook, lists, sign-in sheets and certificates of
// attendance. Each is saved through the same exportSaver.
type exportsScreen struct {
	badges       *badgeExport
	attendance   *attendanceExport
	lists        *listExport
	signIn       *signInExport
	certificates *certificateExport
	tabs         *container.AppTabs
	env          *env
	store        exportsStore
	// loaded is the state of the file the other tabs than the badges were
	// read in: a visit with the file unchanged reads and lays them out
	// again no more (issue 19). UI thread.
	loaded string
}

// The tabs of the exports screen, in order.
const (
	badgesTab = iota
	attendanceTab
	listsTab
	signInTab
	certificatesTab
)

// exportsStore is what the exports screen reads and writes: what each of
// its tabs does.
type exportsStore interface {
	badgeExportStore
	export.AttendanceStore
	listExportStore
	export.SignInStore
	certificateExportStore
	Path() string // the congress file, which no export may replace
}

// newExportsScreen makes the exports of st. printer prints badges;
// filtered is the query of the participants screen, for "the list as
// filtered".
func newExportsScreen(e *env, st exportsStore, prefs fyne.Preferences, printer *badgePrinter,
	filtered func() data.ParticipantQuery) *exportsScreen {
	saver := newExportSaver(e, prefs, st.Path())
	return &exportsScreen{
		env: e, store: st,
		badges:       newBadgeExport(e, st, prefs, printer, saver, filtered),
		attendance:   newAttendanceExport(e, st, saver),
		lists:        newListExport(e, st, prefs, saver),
		signIn:       newSignInExport(e, st, saver),
		certificates: newCertificateExport(e, st, saver),
	}
}

func (s *exportsScreen) build() fyne.CanvasObject {
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Badges"), s.badges.build()),
		container.NewTabItem(lang.L("Attendance"), s.attendance.build()),
		container.NewTabItem(lang.L("Lists"), s.lists.build()),
		container.NewTabItem(lang.L("Sign-in sheets"), s.signIn.build()),
		container.NewTabItem(lang.L("Certificates"), s.certificates.build()),
	)
	return s.tabs
}

// loadAsync shows every export as the file now is: the badges' own
// options and the other tabs are read again only once the file changed.
func (s *exportsScreen) loadAsync() {
	s.badges.refreshAsync()
	loaded := s.loaded
	s.env.tasks.runAsync(s.env.ctx, func(ctx context.Context) func() {
		key, err := s.store.ReadsKey(ctx)
		if err != nil || key == "" {
			key = "" // read each time
		} else if key += "|" + uiLanguage(); key == loaded {
			return nil // as shown
		}
		return func() {
			s.loaded = key
			s.attendance.loadAsync()
			s.lists.loadAsync()
			s.signIn.loadAsync()
			s.certificates.loadAsync()
		}
	})
}
