// Package ui is the desktop interface of Congrès: the main window, its menu,
// and one screen per part of the congress.
package ui

import (
	"context"
	"log"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"congres/data"
	"congres/data/stores"
	"congres/ui/keyring"
)

// Start is how the window opens.
type Start struct {
	File string // the congress file or server URL; "" for the last one opened
	Desk bool   // on the file's welcome desk (a desk laptop), not its dashboard
}

// Run shows the main window until the app quits, opening the congress file
// start.File, or when it is "" the last file opened. meta is what
// FyneApp.toml says of Congrès (see Metadata).
func Run(meta fyne.AppMetadata, start Start) {
	// `fyne package` builds FyneApp.toml in, a plain `go build` does not:
	// meta, read from the same file, makes both builds the same, so that
	// About shows the version and fyne.Do is on. The ID keeps the
	// preferences (language, recent files) from one version to the next.
	app.SetMetadata(meta)
	a := app.NewWithID(meta.ID)
	if err := loadTranslations(a.Preferences().String(prefLanguage)); err != nil {
		log.Printf("translations: %v", err)
	}
	a.SetIcon(meta.Icon)
	a.Settings().SetTheme(newFocusTheme()) // a focus that shows everywhere
	u := newUI(a)
	u.exit = os.Exit // the window's process: the quit watchdog may end it (app_exit.go)
	u.start(start)
	u.watchTerm()
	a.Lifecycle().SetOnStarted(func() {
		catchEscape(u.win) // Esc wherever the focus is
		fitToScreen(u.win) // no larger than the screen (window_size.go)
	})
	u.win.ShowAndRun()
	u.shutdown()
}

// openCongress is what the window does with the open congress itself:
// name it, back it up, copy it and close it.
type openCongress interface {
	Congress(ctx context.Context) (data.Congress, error)
	Path() string
	ReadOnly() error // why the congress can only be read; nil when it can be written
	AutoBackup(ctx context.Context, every time.Duration, onErr func(error))
	SaveCopy(ctx context.Context, dest string) error
	Close() error
}

// openStore is an open congress as opening a file gives it: the congress
// itself and what its pages read and write.
type openStore interface {
	openCongress
	mainStore
}

// session is an open congress file and the work tied to it.
type session struct {
	store  openStore
	ctx    context.Context // cancelled when the file is closed
	cancel context.CancelFunc
	done   chan struct{} // closed when the automatic backups have stopped
}

// newSession starts the automatic backups of st, which report their errors
// to onErr until the session is closed; unless backups is false (a
// server's congress in a desk's window: the organiser's laptop backs it
// up). The first backup, or full check, waits until shown says the window
// shows its first screen (at most firstScreenWait): it reads the whole
// file, half a second of a core at 50,000 participants, which the first
// screen's own reads and drawing were waiting for (issue 19: the dashboard
// at the opening took 0.8–1.4 s with it, 0.3–0.6 s without). The backups
// run below the window's priority (atLowPriority): the pages visited first
// after the opening wait for neither.
func newSession(st openStore, backups bool, shown func() bool, onErr func(error)) *session {
	s := &session{store: st, done: make(chan struct{})}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	if !backups {
		close(s.done)
		return s
	}
	go func() {
		defer close(s.done)
		waitUntil(s.ctx, shown, firstScreenWait)
		atLowPriority(func() {
			st.AutoBackup(s.ctx, data.BackupEvery, func(err error) {
				if s.ctx.Err() == nil { // a backup interrupted by closing is no error
					onErr(err)
				}
			})
		})
	}()
	return s
}

// firstScreenWait is the longest the first backup waits for the first
// screen.
const firstScreenWait = 3 * time.Second

// waitUntil waits until cond holds, at most d, or until ctx ends.
func waitUntil(ctx context.Context, cond func() bool, d time.Duration) {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(d)
	for !cond() {
		select {
		case <-ctx.Done():
			return
		case <-deadline:
			return
		case <-tick.C:
		}
	}
}

// close stops the session's work and closes its file. It waits for the
// work to stop: call it off the UI thread, or when the app has quit.
func (s *session) close() {
	s.cancel()
	<-s.done
	if err := s.store.Close(); err != nil {
		log.Printf("close %s: %v", s.store.Path(), err)
	}
}

// ui is the application: its window, preferences and the open file.
type ui struct {
	app      fyne.App
	win      fyne.Window
	prefs    fyne.Preferences
	tasks    tasks
	demoPath string // where "Open the demo" writes the demo congress

	mu  sync.Mutex
	cur *session // the open file, nil when none; guarded by mu

	closing  sync.Mutex // held while shutdown closes the open file
	quitting sync.Once  // starts the quit watchdog (app_exit.go)
	// exit ends the process when the window does not (app_exit.go):
	// os.Exit, set by Run alone; nil (no watchdog) in tests.
	exit func(int)

	view *mainView         // the open file's screens; UI thread only
	body fyne.CanvasObject // what view built, shown under any banner; UI thread only
	// deskFile is the file to show on its welcome desk when it opens
	// (congres desk FILE), once; "" for none. UI thread only.
	deskFile string
	// deskWindow says the window was opened as a desk's (congres desk):
	// it does not back up a congress kept on a server. UI thread only.
	deskWindow bool
	// backupRoot holds the backups of the congresses kept on servers, a
	// folder each (backup_server.go).
	backupRoot string
	// keys remembers the passwords of server connections (connect_keyring.go).
	keys keyring.Keyring
	// waiting counts the desk's actions made offline that wait for the
	// server (heldWaiting; tests replace it).
	waiting func() int
	// guide is the window of Help → Guide while it is open (guide.go). UI
	// thread only.
	guide fyne.Window
}

func newUI(a fyne.App) *ui {
	u := &ui{app: a, prefs: a.Preferences(), demoPath: defaultDemoPath(a), backupRoot: serverBackupRoot(a),
		keys: keyring.System()}
	u.waiting = u.heldWaiting
	u.win = a.NewWindow(lang.L("Congrès"))
	u.win.SetMaster()
	u.win.Resize(firstWindowSize) // window_size.go
	u.addShortcuts()
	u.refreshMenu()
	u.showWelcome()
	return u
}

// start opens the file of st, or the last file opened, on its welcome desk
// when st says so; the welcome screen stays when there is none or it cannot
// be opened.
func (u *ui) start(st Start) {
	u.deskWindow = st.Desk
	path := st.File
	if path == "" {
		if recent := u.recentFiles(); len(recent) > 0 {
			path = recent[0]
		}
		if stores.IsServer(path) {
			// Its password is in the keyring, or asked for.
			if st.Desk {
				u.deskFile = path
			}
			u.openRecent(path)
			return
		}
	}
	if path != "" {
		if st.Desk {
			u.deskFile = path
		}
		u.openAsync(path)
	}
}

// session returns the open file, nil when none. Any goroutine.
func (u *ui) session() *session {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.cur
}

// swap makes s the open file and returns the one it replaces.
func (u *ui) swap(s *session) *session {
	u.mu.Lock()
	defer u.mu.Unlock()
	old := u.cur
	u.cur = s
	return old
}

// closeAsync closes a file that is no longer the open one.
func (u *ui) closeAsync(s *session) {
	if s == nil {
		return
	}
	s.cancel() // its screens' pending results are dropped from now on
	u.tasks.runAsync(context.Background(), func(context.Context) func() {
		s.close()
		return nil
	})
}

// shutdown closes the open file as the app quits.
func (u *ui) shutdown() {
	u.closing.Lock() // a second call (the quit watchdog, app_exit.go) waits for the first
	defer u.closing.Unlock()
	if s := u.swap(nil); s != nil {
		s.close()
	}
}

// switchToAsync opens a file with open, off the UI thread and behind a
// progress dialog, and makes it the open file. When open fails, the error
// is shown and the file open before, if any, stays. done, when not nil, is
// called last on the UI thread with open's error.
func (u *ui) switchToAsync(message string, open func(ctx context.Context) (openStore, error), done func(error)) {
	u.switchAsync(message, false, open, done)
}

// switchAsync is switchToAsync, with a Cancel button on the progress
// dialog when cancellable.
func (u *ui) switchAsync(message string, cancellable bool, open func(ctx context.Context) (openStore, error), done func(error)) {
	work, cancel := context.WithCancel(context.Background())
	var stop context.CancelFunc
	if cancellable {
		stop = cancel
	}
	progress := showProgress(u.win, message, stop)
	u.tasks.runAsync(context.Background(), func(context.Context) func() {
		defer cancel()
		st, err := open(work)
		var c data.Congress
		if err == nil {
			if c, err = st.Congress(work); err == nil {
				err = work.Err() // cancelled as it opened
			}
			if err != nil {
				st.Close()
			}
		}
		return func() {
			progress.Hide()
			if err != nil {
				showError(u.win, err)
			} else {
				u.show(st, c)
			}
			if done != nil {
				done(err)
			}
			if u.session() == nil {
				u.showWelcome()
			}
		}
	})
}

// show makes st, whose congress is c, the open file. UI thread.
func (u *ui) show(st openStore, c data.Congress) {
	var s *session
	s = newSession(st, u.backsUp(st), u.tasks.idle, func(err error) {
		showError(u.win, err)
		if data.KindOf(err) == data.KindDamaged { // found by the check in the background
			fyne.Do(func() {
				if u.session() == s {
					u.showBanner(st)
				}
			})
		}
	})
	u.closeAsync(u.swap(s))
	u.addRecent(st.Path())
	if onServer(st) {
		u.win.SetTitle(lang.L("Congrès — {{.Name}} ({{.Where}})", map[string]any{"Name": c.Name, "Where": st.Path()}))
	} else {
		u.win.SetTitle(lang.L("Congrès — {{.Name}}", map[string]any{"Name": c.Name}))
	}
	u.tasks.timedStage("checked") // the file checked and its congress read
	e := &env{ctx: s.ctx, win: u.win, tasks: &u.tasks}
	u.view = newMainView(e, st, u.prefs, u.onRestore)
	u.body = u.view.build()
	u.view.warmAsync(s.ctx) // the first visits find their reads ready
	u.showBanner(st)
	// The desk once in the window: its scan field takes the keyboard
	// (before, fyne logged "Failed to focus object which is not part of
	// the canvas" at each congres desk).
	if u.deskFile != "" && sameTarget(u.deskFile, st.Path()) {
		u.deskFile = "" // once: a file opened later starts as usual
		u.view.show(deskPage)
	}
	u.watchServer(s, st)
	u.reconnectWhenBack(st)
	u.refreshMenu()
}

// showBanner shows the open file's screens, under a banner when the file is
// only read (damaged, read-only). UI thread.
func (u *ui) showBanner(st openCongress) {
	why := st.ReadOnly()
	if why == nil {
		if serverLost(st) {
			u.win.SetContent(container.NewBorder(serverLostBanner(), nil, nil, nil, u.body))
			return
		}
		u.win.SetContent(u.body)
		return
	}
	// Replacing the file is an organiser's act: a locked desk asks the PIN.
	onRestore := u.withPIN(func() { showBackupChooser(u.win, &u.tasks, st.Path(), u.onRestore) })
	u.win.SetContent(container.NewBorder(readOnlyBanner(why, onRestore), nil, nil, nil, u.body))
}

// openAsync opens the congress file at path.
func (u *ui) openAsync(path string) {
	if s := u.session(); s != nil && sameTarget(s.store.Path(), path) {
		return
	}
	if stores.IsServer(path) {
		u.connectAsync(path)
		return
	}
	if u.isServerBackup(path) {
		u.openBackupAsync(path)
		return
	}
	warm := firstReads(u.deskFile != "" && sameTarget(u.deskFile, path))
	u.switchToAsync(lang.L("Opening {{.Name}}…", map[string]any{"Name": filepath.Base(path)}),
		func(ctx context.Context) (openStore, error) { return stores.OpenOrViewWarm(ctx, path, warm) },
		func(err error) {
			switch data.KindOf(err) {
			case data.KindNotFound:
				u.forgetRecent(path)
			case data.KindDamaged: // too damaged to be even read
				showBackupChooser(u.win, &u.tasks, path, func(backup string) { u.restoreClosed(path, backup) })
			}
		})
	// CONGRES_SCREEN_TIMING: until the first page is drawn with its reads
	// (once the opening is under way, so that it is not taken for done).
	u.tasks.timeAction("open")
}

// restoreClosed puts a backup in place of a file that is not open (one too
// damaged to open) and opens it.
func (u *ui) restoreClosed(path, backup string) {
	u.switchToAsync(lang.L("Restoring the backup…"), func(ctx context.Context) (openStore, error) {
		if err := stores.Restore(ctx, path, backup); err != nil {
			return nil, err
		}
		return stores.OpenOrView(ctx, path)
	}, nil)
}

// onClose closes the open file and shows the welcome screen.
func (u *ui) onClose() {
	u.closeAsync(u.swap(nil))
	u.showWelcome()
}

// onRestore puts a backup in place of the open file and reopens it.
func (u *ui) onRestore(backup string) {
	old := u.session()
	if old == nil {
		return
	}
	if onServer(old.store) {
		// Nothing is restored onto a server: its backup opens as a file.
		u.openBackupAsync(backup)
		return
	}
	path := old.store.Path()
	u.swap(nil)
	old.cancel()
	var restoreErr error // written by the work, read by the update after it
	u.switchToAsync(lang.L("Restoring the backup…"), func(ctx context.Context) (openStore, error) {
		old.close()
		restoreErr = stores.Restore(ctx, path, backup)
		return stores.OpenOrView(ctx, path) // the restored file, or the untouched one
	}, func(error) { showError(u.win, restoreErr) })
}

// showWelcome shows what to do when no file is open.
func (u *ui) showWelcome() {
	u.view = nil
	u.win.SetTitle(lang.L("Congrès"))
	w := &welcomeScreen{recent: u.recentFiles(), onNew: u.onNew, onDemo: u.onOpenDemo,
		onOpen: u.onOpen, onOpenRecent: u.openRecent}
	u.win.SetContent(w.build())
	u.refreshMenu()
}

// showProgress shows a dialog that waits for work to end. With a cancel
// function, it has a Cancel button that calls it.
func showProgress(win fyne.Window, message string, cancel context.CancelFunc) dialog.Dialog {
	return progressDialog(win, message, cancel, widget.NewProgressBarInfinite())
}

// showProgressBar is showProgress with a bar that fills as the work reports
// how much it has done: report may be called from any goroutine. The bar is
// updated through tk, as every other update of background work (tests run
// it on their own goroutine).
func showProgressBar(win fyne.Window, tk *tasks, message string, cancel context.CancelFunc) (d dialog.Dialog, report func(done, total int)) {
	bar := widget.NewProgressBar()
	return progressDialog(win, message, cancel, bar), func(done, total int) {
		if total > 0 {
			tk.onUI(func() { bar.SetValue(float64(done) / float64(total)) })
		}
	}
}

func progressDialog(win fyne.Window, message string, cancel context.CancelFunc, content fyne.CanvasObject) dialog.Dialog {
	bar := container.NewPadded(content)
	var d dialog.Dialog
	if cancel != nil {
		d = dialog.NewCustom(message, lang.L("Cancel"), bar, win)
	} else {
		d = dialog.NewCustomWithoutButtons(message, bar, win)
	}
	d.Resize(fyne.NewSize(360, 0))
	d.Show()
	unmark := markSticky(win.Canvas())
	d.SetOnClosed(func() {
		unmark()
		// Closing the dialog does not stop an infinite bar's animation,
		// which then redraws the whole window at 60 frames a second for
		// as long as the app runs (a processor's core, in software GL).
		if inf, ok := content.(*widget.ProgressBarInfinite); ok {
			inf.Stop()
		}
		if cancel != nil {
			cancel() // by the button, or after the work ended: harmless then
		}
	})
	return d
}

// sameTarget reports whether a and b name the same congress: the same
// file, or the same server's database (passwords aside).
func sameTarget(a, b string) bool {
	if stores.IsServer(a) || stores.IsServer(b) {
		return stores.Redact(a) == stores.Redact(b)
	}
	return samePath(a, b)
}

func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// refreshMenu rebuilds the main menu: what it offers depends on whether a
// file is open, and on the recent files.
func (u *ui) refreshMenu() {
	cur := u.session()
	open := cur != nil
	newItem := fyne.NewMenuItem(lang.L("New…"), u.withPIN(u.onNew))
	newItem.Shortcut = shortcutNew
	openItem := fyne.NewMenuItem(lang.L("Open…"), u.withPIN(u.onOpen))
	openItem.Shortcut = shortcutOpen
	recent := fyne.NewMenuItem(lang.L("Open Recent"), nil)
	recent.ChildMenu = fyne.NewMenu("")
	for _, p := range u.recentFiles() {
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, fyne.NewMenuItem(p, u.withPIN(func() { u.openRecent(p) })))
	}
	if len(recent.ChildMenu.Items) == 0 {
		none := fyne.NewMenuItem(lang.L("No recent file"), nil)
		none.Disabled = true
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, none)
	}
	saveCopy := fyne.NewMenuItem(lang.L("Save a Copy…"), u.withPIN(u.onSaveCopy))
	saveCopy.Disabled = !open
	connect := fyne.NewMenuItem(lang.L("Connect to a shared congress…"), u.withPIN(u.onConnect))
	importItem := fyne.NewMenuItem(lang.L("Import…"), u.unlocked(u.onImport))
	importItem.Disabled = !open
	loadOutbox := fyne.NewMenuItem(lang.L("Load a Desk's Check-ins…"), u.withPIN(u.onLoadOutbox)) // desk_outbox.go
	loadOutbox.Disabled = !open || !onServer(cur.store)
	closeItem := fyne.NewMenuItem(lang.L("Close"), u.withPIN(u.onClose))
	closeItem.Disabled = !open
	quit := fyne.NewMenuItem(lang.L("Quit"), u.onQuit) // a locked desk asks for the PIN
	quit.IsQuit = true
	quit.Shortcut = shortcutQuit
	file := fyne.NewMenu(lang.L("File"), newItem, openItem, connect, recent, fyne.NewMenuItemSeparator(),
		importItem, loadOutbox, saveCopy, closeItem, fyne.NewMenuItemSeparator(), quit)
	help := fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("Guide"), u.onGuide), // guide.go
		fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("About Congrès"), u.onAbout))
	u.win.SetMainMenu(fyne.NewMainMenu(file, help))
}

var (
	shortcutNew            = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutOpen           = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNewParticipant = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind           = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutQuit           = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
)

// addShortcuts makes the menu's shortcuts work from anywhere in the window,
// with Ctrl+F (search participants), Ctrl+N (new participant), Ctrl+Z
// (undo the last bulk change, on the participants page) and Esc (close the
// dialog on top). Quitting, by the menu, Ctrl+Q or the window's close
// button, asks a locked desk for the PIN.
func (u *ui) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(shortcutQuit, func(fyne.Shortcut) { u.onQuit() })
	u.win.SetCloseIntercept(u.onQuit)
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { u.onUndo() })
	c.AddShortcut(shortcutNew, func(fyne.Shortcut) { u.withPIN(u.onNew)() })
	c.AddShortcut(shortcutOpen, func(fyne.Shortcut) { u.withPIN(u.onOpen)() })
	c.AddShortcut(shortcutFind, func(fyne.Shortcut) { u.onParticipants(func(p participantActions) { p.focusSearch() }) })
	c.AddShortcut(shortcutNewParticipant, func(fyne.Shortcut) { u.onParticipants(func(p participantActions) { p.newParticipant() }) })
	c.SetOnTypedKey(handleEscape(c))
}

// participantActions is what the participants screen offers to shortcuts.
type participantActions interface {
	focusSearch()
	newParticipant()
	importFile(folder string)
}

// onImport asks for a spreadsheet of registrations and opens the import
// dialog on it, over the participants screen.
func (u *ui) onImport() {
	folder := u.startFolder()
	u.onParticipants(func(p participantActions) { p.importFile(folder) })
}

// onParticipants shows the participants screen and acts on it.
func (u *ui) onParticipants(act func(participantActions)) {
	if u.view == nil || u.session() == nil || u.win.Canvas().Overlays().Top() != nil {
		return
	}
	u.unlocked(func() {
		if p, ok := u.view.show(participantsPage).(participantActions); ok {
			act(p)
		}
	})()
}

// unlocked wraps an action that leaves the welcome desk for another page:
// on a locked desk it first asks for the organiser's PIN, which unlocks it.
// Actions that leave the file or copy it use withPIN: the file stays
// locked.
func (u *ui) unlocked(fn func()) func() {
	return func() {
		if u.view == nil {
			fn()
			return
		}
		u.view.lock.unlockThen(fn)
	}
}
