//go:build linux || freebsd || openbsd || netbsd || dragonfly

package keyring

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/godbus/dbus/v5"
)

// The freedesktop Secret Service API (version 0.2), over the D-Bus session
// bus: https://specifications.freedesktop.org/secret-service-spec/latest/
const (
	ssName       = "org.freedesktop.secrets"
	ssPath       = dbus.ObjectPath("/org/freedesktop/secrets")
	ssDefault    = dbus.ObjectPath("/org/freedesktop/secrets/aliases/default")
	ssService    = "org.freedesktop.Secret.Service"
	ssCollection = "org.freedesktop.Secret.Collection"
	ssItem       = "org.freedesktop.Secret.Item"
	ssSession    = "org.freedesktop.Secret.Session"
	noPrompt     = dbus.ObjectPath("/")
)

// secret is the Secret Service's Secret struct, (oayays). The session is
// opened with the "plain" algorithm: the password goes unencrypted over
// the session bus, which only this user's processes can read.
type secret struct {
	Session     dbus.ObjectPath
	Parameters  []byte
	Value       []byte
	ContentType string
}

// SecretService is the keyring of the Secret Service on a D-Bus session
// bus. Each call connects, does its work and disconnects.
type SecretService struct {
	// Address is the bus's address; "" for this session's
	// (DBUS_SESSION_BUS_ADDRESS, else $XDG_RUNTIME_DIR/bus). A bus is
	// never launched.
	Address string
}

// ssConn is a connection to the bus with a session of the Secret Service
// open on it.
type ssConn struct {
	bus     *dbus.Conn
	session dbus.ObjectPath
}

// sessionBus is the address of this session's bus, "" when there is none.
func sessionBus() string {
	if a := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return a
	}
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		p := filepath.Join(dir, "bus")
		if st, err := os.Stat(p); err == nil && st.Mode()&os.ModeSocket != 0 {
			return "unix:path=" + p
		}
	}
	return ""
}

// open connects to the bus and opens a session of the Secret Service. A
// bus or a service that is not there is ErrUnavailable.
func (s SecretService) open(ctx context.Context) (*ssConn, error) {
	addr := s.Address
	if addr == "" {
		addr = sessionBus()
	}
	if addr == "" {
		return nil, unavailable(errors.New("no D-Bus session bus"))
	}
	bus, err := dbus.Connect(addr, dbus.WithContext(ctx))
	if err != nil {
		return nil, unavailable(err)
	}
	c := &ssConn{bus: bus}
	var output dbus.Variant
	// Calling the service starts it when the bus can (D-Bus activation).
	err = c.call(ctx, ssPath, ssService+".OpenSession", []any{"plain", dbus.MakeVariant("")}, &output, &c.session)
	if err != nil {
		bus.Close()
		return nil, unavailable(err)
	}
	return c, nil
}

func (c *ssConn) close() {
	c.bus.Object(ssName, c.session).Call(ssSession+".Close", dbus.FlagNoReplyExpected)
	c.bus.Close()
}

func (c *ssConn) call(ctx context.Context, path dbus.ObjectPath, method string, args []any, out ...any) error {
	call := c.bus.Object(ssName, path).CallWithContext(ctx, method, 0, args...)
	if call.Err != nil {
		return fmt.Errorf("secret service: %s: %w", method, call.Err)
	}
	return call.Store(out...)
}

// unlock unlocks objects, or says ErrLocked when that needs a prompt.
func (c *ssConn) unlock(ctx context.Context, objects []dbus.ObjectPath) error {
	var unlocked []dbus.ObjectPath
	var prompt dbus.ObjectPath
	if err := c.call(ctx, ssPath, ssService+".Unlock", []any{objects}, &unlocked, &prompt); err != nil {
		return err
	}
	if prompt != noPrompt || len(unlocked) < len(objects) {
		return ErrLocked
	}
	return nil
}

// attributes name the item of account.
func attributes(account string) map[string]string {
	return map[string]string{"service": Service, "account": account}
}

// search returns the items of account, unlocked.
func (c *ssConn) search(ctx context.Context, account string) ([]dbus.ObjectPath, error) {
	var unlocked, locked []dbus.ObjectPath
	if err := c.call(ctx, ssPath, ssService+".SearchItems", []any{attributes(account)}, &unlocked, &locked); err != nil {
		return nil, err
	}
	if len(locked) > 0 {
		if err := c.unlock(ctx, locked); err != nil {
			return nil, err
		}
	}
	return append(unlocked, locked...), nil
}

// defaultCollection returns the default collection, unlocked, or says
// ErrUnavailable when there is none (creating one would ask).
func (c *ssConn) defaultCollection(ctx context.Context) (dbus.ObjectPath, error) {
	var locked dbus.Variant
	err := c.call(ctx, ssDefault, "org.freedesktop.DBus.Properties.Get", []any{ssCollection, "Locked"}, &locked)
	if err != nil {
		return "", unavailable(err)
	}
	if l, _ := locked.Value().(bool); l {
		if err := c.unlock(ctx, []dbus.ObjectPath{ssDefault}); err != nil {
			return "", err
		}
	}
	return ssDefault, nil
}

// Available reports whether the default collection can be written without
// a prompt.
func (s SecretService) Available(ctx context.Context) bool {
	c, err := s.open(ctx)
	if err != nil {
		return false
	}
	defer c.close()
	_, err = c.defaultCollection(ctx)
	return err == nil
}

// Get returns the password kept for account.
func (s SecretService) Get(ctx context.Context, account string) (string, bool, error) {
	c, err := s.open(ctx)
	if err != nil {
		return "", false, err
	}
	defer c.close()
	items, err := c.search(ctx, account)
	if err != nil || len(items) == 0 {
		return "", false, err
	}
	var sec secret
	if err := c.call(ctx, items[0], ssItem+".GetSecret", []any{c.session}, &sec); err != nil {
		return "", false, err
	}
	return string(sec.Value), true, nil
}

// Set keeps password for account in the default collection.
func (s SecretService) Set(ctx context.Context, account, password string) error {
	c, err := s.open(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	coll, err := c.defaultCollection(ctx)
	if err != nil {
		return err
	}
	props := map[string]dbus.Variant{
		ssItem + ".Label":      dbus.MakeVariant(Service + " — " + account),
		ssItem + ".Attributes": dbus.MakeVariant(attributes(account)),
	}
	sec := secret{Session: c.session, Value: []byte(password), ContentType: "text/plain; charset=utf8"}
	var item, prompt dbus.ObjectPath
	if err := c.call(ctx, coll, ssCollection+".CreateItem", []any{props, sec, true}, &item, &prompt); err != nil {
		return err
	}
	if prompt != noPrompt {
		return ErrLocked // the item is not created unless the prompt is shown
	}
	return nil
}

// Delete forgets the password of account.
func (s SecretService) Delete(ctx context.Context, account string) error {
	c, err := s.open(ctx)
	if err != nil {
		return err
	}
	defer c.close()
	items, err := c.search(ctx, account)
	if err != nil {
		return err
	}
	for _, item := range items {
		var prompt dbus.ObjectPath
		if err := c.call(ctx, item, ssItem+".Delete", nil, &prompt); err != nil {
			return err
		}
		if prompt != noPrompt {
			return ErrLocked
		}
	}
	return nil
}
