// Package keyring keeps the passwords of the congresses kept on servers in
// the system's keyring: the Secret Service on Linux and the BSDs (GNOME
// Keyring, KeePassXC, KWallet's), the login keychain on macOS and the
// Credential Manager on Windows. Where there is none, or it is locked and
// would have to ask, its methods say ErrUnavailable and the window asks for
// the password again. A password is never written anywhere else, and never
// put in an error or a log line.
//
// An account names one password: the server's URL without its password.
package keyring

import (
	"context"
	"errors"
	"fmt"
)

// Service names the passwords of Congrès among the keyring's.
const Service = "Congrès"

// ErrUnavailable says there is no keyring the program can use without
// asking: none at all, or one that is locked and would show a prompt.
var ErrUnavailable = errors.New("no system keyring")

// ErrLocked says the keyring is locked and unlocking it needs a prompt. It
// is an ErrUnavailable.
var ErrLocked = fmt.Errorf("%w: the keyring is locked", ErrUnavailable)

// Keyring keeps one password per account.
type Keyring interface {
	// Available reports whether the keyring can be used now, without
	// a prompt.
	Available(ctx context.Context) bool
	// Get returns the password kept for account; found is false when
	// there is none.
	Get(ctx context.Context, account string) (password string, found bool, err error)
	// Set keeps password for account, in place of any other.
	Set(ctx context.Context, account, password string) error
	// Delete forgets the password of account; none kept is no error.
	Delete(ctx context.Context, account string) error
}

// System returns the keyring of the system the program runs on.
func System() Keyring { return system() }

// unavailable is ErrUnavailable because of cause (which never holds a
// password).
func unavailable(cause error) error {
	if cause == nil || errors.Is(cause, ErrUnavailable) {
		return cause
	}
	return fmt.Errorf("%w: %v", ErrUnavailable, cause)
}

// None is the keyring of a system that has none: every method says
// ErrUnavailable.
type None struct{}

func (None) Available(context.Context) bool { return false }

func (None) Get(context.Context, string) (string, bool, error) { return "", false, ErrUnavailable }

func (None) Set(context.Context, string, string) error { return ErrUnavailable }

func (None) Delete(context.Context, string) error { return ErrUnavailable }
