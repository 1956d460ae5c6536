package ui

import (
	"log"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// fyne 2.7.1 may never return from ShowAndRun once the window has quit: an
// event handed to the main loop just as it stops waits for it forever, and
// so does the window (seen 3 times in some 110 ends by SIGTERM, issue 19;
// internal/driver/glfw/loop.go drains its queue, then closes it, with no
// guard between). A laptop shutting down then waits on Congrès. So once
// Congrès quits (the menu, Ctrl+Q, the window's close button, SIGTERM or
// Ctrl+C), a watchdog ends the process if the window has not returned
// within quitGrace, after closing the congress as the window would have:
// every action acknowledged is in the file already (each write commits).

// quitGrace is how long the window has to end once Congrès quits.
var quitGrace = 10 * time.Second

// quit quits Congrès: the window's loop stops, and the watchdog starts.
func (u *ui) quit() {
	u.watchQuit()
	u.app.Quit()
}

// watchQuit starts the watchdog, once; none when u.exit is nil (tests,
// whose process is not the window's).
func (u *ui) watchQuit() {
	u.quitting.Do(func() {
		exit := u.exit
		if exit == nil {
			return
		}
		go func() {
			time.Sleep(quitGrace)
			log.Printf("the window had not ended %v after quitting: Congrès ends it", quitGrace)
			u.shutdown() // waits for the window's own closing of the file, if it began
			exit(0)
		}()
	})
}

// watchTerm starts the watchdog when the system asks Congrès to end
// (SIGTERM, as a laptop shutting down sends, or Ctrl+C in a terminal):
// fyne quits the window on it by itself.
func (u *ui) watchTerm() {
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-term
		u.watchQuit()
	}()
}
