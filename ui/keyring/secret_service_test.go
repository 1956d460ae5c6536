//go:build linux || freebsd || openbsd || netbsd || dragonfly

package keyring

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// needTool skips the test when tool is missing, or fails it when
// CONGRES_REQUIRE_TOOLS is set (make test installs dbus and gnome-keyring).
func needTool(t *testing.T, tool, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CONGRES_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is missing: apt-get install %s", tool, pkg)
		}
		t.Skipf("%s is missing (apt-get install %s)", tool, pkg)
	}
}

// busConfig is a session bus that starts no service by itself: the Secret
// Service is there only when the test starts one.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=BUS</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// startBus starts a private session bus and returns its address and the
// folder the test's processes use as home.
func startBus(t *testing.T) (address, home string) {
	t.Helper()
	needTool(t, "dbus-daemon", "dbus")
	dir, err := os.MkdirTemp("", "bus") // short: a socket's path is at most 108 bytes
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	conf := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(conf, []byte(strings.Replace(busConfig, "BUS", filepath.Join(dir, "bus"), 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("dbus-daemon", "--config-file="+conf, "--nofork", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon: %v", err)
	}
	return strings.TrimSpace(line), dir
}

// startSecretService starts a private session bus with GNOME Keyring's
// Secret Service on it, its login keyring created and unlocked, and
// returns the bus's address.
func startSecretService(t *testing.T) string {
	t.Helper()
	needTool(t, "gnome-keyring-daemon", "gnome-keyring")
	address, home := startBus(t)
	cmd := exec.Command("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets")
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+address, "HOME="+home,
		"XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_RUNTIME_DIR="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config"))
	cmd.Stdin = strings.NewReader("test") // the login keyring's password (an empty one creates none)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	bus, err := dbus.Connect(address)
	if err != nil {
		t.Fatal(err)
	}
	defer bus.Close()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		var owned bool
		err := bus.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, ssName).Store(&owned)
		if err != nil {
			t.Fatal(err)
		}
		if owned {
			return address
		}
		if time.Now().After(deadline) {
			t.Fatal("gnome-keyring-daemon did not take org.freedesktop.secrets on the bus")
		}
	}
}

// TestKeyringSecretService stores, reads, replaces and deletes a password
// in a real GNOME Keyring, through the Secret Service on a private bus.
func TestKeyringSecretService(t *testing.T) {
	k := SecretService{Address: startSecretService(t)}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	if !k.Available(ctx) {
		t.Fatal("the Secret Service is not available")
	}
	const account, other = "postgres://accueil@salle.local:5433/assises", "postgres://orga@salle.local:5433/assises"
	const password = "sésame \"ouvre\" 'toi' \\ ✓"
	if _, found, err := k.Get(ctx, account); found || err != nil {
		t.Fatalf("before Set: found %v, err %v", found, err)
	}
	if err := k.Set(ctx, account, password); err != nil {
		t.Fatal(err)
	}
	if err := k.Set(ctx, other, "autre"); err != nil {
		t.Fatal(err)
	}
	if got, found, err := k.Get(ctx, account); got != password || !found || err != nil {
		t.Fatalf("Get: %d characters, found %v, err %v", len(got), found, err)
	}
	// Set again replaces it: one item only.
	if err := k.Set(ctx, account, "nouveau"); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := k.Get(ctx, account); got != "nouveau" {
		t.Errorf("replaced: %d characters", len(got))
	}
	if n := countItems(t, k, account); n != 1 {
		t.Errorf("%d items for the account after Set twice, want 1", n)
	}
	if err := k.Delete(ctx, account); err != nil {
		t.Fatal(err)
	}
	if _, found, err := k.Get(ctx, account); found || err != nil {
		t.Errorf("after Delete: found %v, err %v", found, err)
	}
	if err := k.Delete(ctx, account); err != nil {
		t.Errorf("Delete of none: %v", err)
	}
	if got, found, _ := k.Get(ctx, other); got != "autre" || !found {
		t.Error("Delete took another account's password")
	}

	// A locked keyring would ask for its password: Congrès asks for the
	// server's instead.
	lock(t, k)
	if k.Available(ctx) {
		t.Error("a locked keyring is available")
	}
	if err := k.Set(ctx, account, password); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Set on a locked keyring: %v", err)
	}
	if _, found, err := k.Get(ctx, other); found || !errors.Is(err, ErrUnavailable) {
		t.Errorf("Get on a locked keyring: found %v, err %v", found, err)
	}
}

// countItems counts the items of account.
func countItems(t *testing.T, k SecretService, account string) int {
	t.Helper()
	c, err := k.open(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	var unlocked, locked []dbus.ObjectPath
	if err := c.call(t.Context(), ssPath, ssService+".SearchItems", []any{attributes(account)}, &unlocked, &locked); err != nil {
		t.Fatal(err)
	}
	return len(unlocked) + len(locked)
}

// lock locks the default collection, as the screen's locking does.
func lock(t *testing.T, k SecretService) {
	t.Helper()
	c, err := k.open(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	var locked []dbus.ObjectPath
	var prompt dbus.ObjectPath
	if err := c.call(t.Context(), ssPath, ssService+".Lock", []any{[]dbus.ObjectPath{ssDefault}}, &locked, &prompt); err != nil {
		t.Fatal(err)
	}
}

// TestKeyringNoSecretService: a bus without the Secret Service, or no bus
// at all, is ErrUnavailable, quickly.
func TestKeyringNoSecretService(t *testing.T) {
	address, _ := startBus(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	for name, k := range map[string]SecretService{"NoService": {Address: address}, "NoBus": {}} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
			defer cancel()
			if k.Available(ctx) {
				t.Error("available")
			}
			if _, found, err := k.Get(ctx, "postgres://a@b/c"); found || !errors.Is(err, ErrUnavailable) {
				t.Errorf("Get: found %v, err %v", found, err)
			}
			if err := k.Set(ctx, "postgres://a@b/c", "motdepasse-42"); !errors.Is(err, ErrUnavailable) {
				t.Errorf("Set: %v", err)
			} else if strings.Contains(err.Error(), "motdepasse-42") {
				t.Errorf("the error holds the password: %v", err)
			}
			if err := k.Delete(ctx, "postgres://a@b/c"); !errors.Is(err, ErrUnavailable) {
				t.Errorf("Delete: %v", err)
			}
		})
	}
}
