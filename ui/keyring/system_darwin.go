package keyring

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// The login keychain of macOS, through /usr/bin/security. The password is
// never on a command line (which ps shows): add-generic-password is written
// to the standard input of "security -i". It is kept base64-encoded behind
// a prefix, as security prints a password that is not plain ASCII in hex.

const (
	securityTool = "/usr/bin/security"
	base64Prefix = "congres-base64:"
	notFound     = 44 // errSecItemNotFound, security's exit status
)

type keychain struct{}

func system() Keyring { return keychain{} }

// Available reports whether security can be run and the default keychain
// found.
func (keychain) Available(ctx context.Context) bool {
	return exec.CommandContext(ctx, securityTool, "default-keychain").Run() == nil
}

func (keychain) Get(ctx context.Context, account string) (string, bool, error) {
	out, err := exec.CommandContext(ctx, securityTool, "find-generic-password", "-s", Service, "-a", account, "-w").Output()
	if code(err) == notFound {
		return "", false, nil
	}
	if err != nil {
		return "", false, securityError("find-generic-password", err)
	}
	s := strings.TrimSuffix(string(out), "\n")
	if !strings.HasPrefix(s, base64Prefix) {
		return s, true, nil
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(s, base64Prefix))
	if err != nil {
		return "", false, errors.New("keychain: the password kept is not readable")
	}
	return string(b), true, nil
}

func (keychain) Set(ctx context.Context, account, password string) error {
	if strings.ContainsAny(account, "'\n\\") {
		return unavailable(errors.New("keychain: account not kept")) // it could not be quoted on security's input
	}
	cmd := exec.CommandContext(ctx, securityTool, "-i")
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return securityError("-i", err)
	}
	// Quoted as security's interactive mode reads words; base64 needs
	// no quotes.
	line := fmt.Sprintf("add-generic-password -U -s '%s' -a '%s' -w %s%s\n", Service, account, base64Prefix,
		base64.StdEncoding.EncodeToString([]byte(password)))
	_, werr := io.WriteString(in, line)
	in.Close()
	if err := cmd.Wait(); err != nil {
		return securityError("add-generic-password", err)
	}
	if werr != nil {
		return fmt.Errorf("keychain: security -i: %w", werr)
	}
	// security -i may end well whatever its commands did: read it back.
	if got, found, err := (keychain{}).Get(ctx, account); err != nil || !found || got != password {
		return errors.New("keychain: the password was not kept")
	}
	return nil
}

func (keychain) Delete(ctx context.Context, account string) error {
	err := exec.CommandContext(ctx, securityTool, "delete-generic-password", "-s", Service, "-a", account).Run()
	if err == nil || code(err) == notFound {
		return nil
	}
	return securityError("delete-generic-password", err)
}

// code is the exit status of a command that ran and failed, else -1.
func code(err error) int {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	return -1
}

// securityError says which command of security failed, and how; its
// output is not kept (it could echo what it was given).
func securityError(command string, err error) error {
	if errors.Is(err, exec.ErrNotFound) {
		return unavailable(err)
	}
	if c := code(err); c >= 0 {
		return fmt.Errorf("keychain: security %s: exit status %d", command, c)
	}
	return fmt.Errorf("keychain: security %s: %w", command, err)
}
