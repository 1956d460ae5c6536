package ui

import (
	"fmt"
	"log"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
)

// The desk's processor profile, for the real-window check (ui/deskcheck):
// with CONGRES_DESK_PROFILE=PATH, each SIGUSR1 starts a CPU profile, and
// the next one writes it to PATH-1.pprof, PATH-2.pprof… so that the check
// profiles each of its phases (the scans, the names typed) on its own.
func init() {
	path := os.Getenv("CONGRES_DESK_PROFILE")
	if path == "" {
		return
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGUSR1)
	go func() {
		for n := 1; ; n++ {
			<-sig
			f, err := os.Create(fmt.Sprintf("%s-%d.pprof", path, n))
			if err != nil {
				log.Printf("desk profile: %v", err)
				return
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				log.Printf("desk profile: %v", err)
				f.Close()
				return
			}
			<-sig
			pprof.StopCPUProfile()
			f.Close()
		}
	}()
}
