package keyring

import (
	"context"
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The Credential Manager of Windows: a generic credential per account,
// named "Congrès:<account>", kept for this user on this computer.

var (
	advapi32   = windows.NewLazySystemDLL("advapi32.dll")
	credWrite  = advapi32.NewProc("CredWriteW")
	credRead   = advapi32.NewProc("CredReadW")
	credDelete = advapi32.NewProc("CredDeleteW")
	credFree   = advapi32.NewProc("CredFree")
)

const (
	credTypeGeneric         = 1
	credPersistLocalMachine = 2
	maxBlob                 = 5 * 512 // CRED_MAX_CREDENTIAL_BLOB_SIZE
)

// credential is CREDENTIALW.
type credential struct {
	Flags              uint32
	Type               uint32
	TargetName         *uint16
	Comment            *uint16
	LastWritten        windows.Filetime
	CredentialBlobSize uint32
	CredentialBlob     *byte
	Persist            uint32
	AttributeCount     uint32
	Attributes         uintptr
	TargetAlias        *uint16
	UserName           *uint16
}

type credentialManager struct{}

func system() Keyring { return credentialManager{} }

func target(account string) (*uint16, error) {
	return windows.UTF16PtrFromString(Service + ":" + account)
}

func (credentialManager) Available(context.Context) bool { return credWrite.Find() == nil }

func (credentialManager) Get(_ context.Context, account string) (string, bool, error) {
	name, err := target(account)
	if err != nil {
		return "", false, err
	}
	if err := credRead.Find(); err != nil {
		return "", false, unavailable(err)
	}
	var c *credential
	r, _, err := credRead.Call(uintptr(unsafe.Pointer(name)), credTypeGeneric, 0, uintptr(unsafe.Pointer(&c)))
	if r == 0 {
		if errors.Is(err, windows.ERROR_NOT_FOUND) {
			return "", false, nil
		}
		return "", false, fmt.Errorf("credential manager: CredRead: %w", err)
	}
	defer credFree.Call(uintptr(unsafe.Pointer(c)))
	if c.CredentialBlobSize == 0 {
		return "", true, nil
	}
	return string(unsafe.Slice(c.CredentialBlob, c.CredentialBlobSize)), true, nil
}

func (credentialManager) Set(_ context.Context, account, password string) error {
	name, err := target(account)
	if err != nil {
		return err
	}
	user, err := windows.UTF16PtrFromString(account)
	if err != nil {
		return err
	}
	if len(password) > maxBlob {
		return unavailable(errors.New("credential manager: password too long"))
	}
	if err := credWrite.Find(); err != nil {
		return unavailable(err)
	}
	blob := []byte(password)
	c := credential{Type: credTypeGeneric, TargetName: name, UserName: user,
		CredentialBlobSize: uint32(len(blob)), Persist: credPersistLocalMachine}
	if len(blob) > 0 {
		c.CredentialBlob = &blob[0]
	}
	if r, _, err := credWrite.Call(uintptr(unsafe.Pointer(&c)), 0); r == 0 {
		return fmt.Errorf("credential manager: CredWrite: %w", err)
	}
	return nil
}

func (credentialManager) Delete(_ context.Context, account string) error {
	name, err := target(account)
	if err != nil {
		return err
	}
	if err := credDelete.Find(); err != nil {
		return unavailable(err)
	}
	if r, _, err := credDelete.Call(uintptr(unsafe.Pointer(name)), credTypeGeneric, 0); r == 0 && !errors.Is(err, windows.ERROR_NOT_FOUND) {
		return fmt.Errorf("credential manager: CredDelete: %w", err)
	}
	return nil
}
