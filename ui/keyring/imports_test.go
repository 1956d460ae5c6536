package keyring

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestKeyringImportsNoFyne: the keyring is no part of the window, on any
// system.
func TestKeyringImportsNoFyne(t *testing.T) {
	for _, goos := range []string{"linux", "darwin", "windows", "freebsd"} {
		cmd := exec.Command("go", "list", "-deps", ".")
		cmd.Env = append(os.Environ(), "GOOS="+goos)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list (GOOS=%s): %v", goos, err)
		}
		for _, p := range strings.Fields(string(out)) {
			if strings.HasPrefix(p, "fyne.io/") || strings.HasPrefix(p, "congres/") && p != "congres/ui/keyring" {
				t.Errorf("GOOS=%s: ui/keyring depends on %s", goos, p)
			}
		}
	}
}
