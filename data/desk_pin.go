package data

import (
	"context"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// The organiser's PIN locks a desk to the Accueil screen. The file keeps a
// salted PBKDF2-SHA-256 hash of it, never the PIN itself.

const (
	pinScheme     = "pbkdf2-sha256"
	pinIterations = 100_000
	pinSaltLen    = 16
	pinKeyLen     = 32
)

// validPIN reports whether pin is 4 to 12 digits.
func validPIN(pin string) bool {
	if len(pin) < 4 || len(pin) > 12 {
		return false
	}
	for _, r := range pin {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// SetDeskPIN sets the organiser's PIN (4 to 12 digits, else ErrPINInvalid);
// "" removes it.
func (s *Store) SetDeskPIN(ctx context.Context, pin string) error {
	if pin == "" {
		return s.write(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "DELETE FROM desk_pin")
			return err
		})
	}
	if !validPIN(pin) {
		return ErrPINInvalid
	}
	salt := make([]byte, pinSaltLen)
	rand.Read(salt)
	hash, err := hashPIN(pin, salt, pinIterations)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO desk_pin (id, hash, set_at) VALUES (1, ?, ?)
			ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at`, hash, formatTime(s.now()))
		return err
	})
}

// HasDeskPIN reports whether an organiser's PIN is set.
func (s *Store) HasDeskPIN(ctx context.Context) (bool, error) {
	h, err := s.deskPINHash(ctx)
	return h != "", err
}

// CheckDeskPIN reports whether pin is the organiser's PIN (false when none
// is set), comparing the hashes in constant time.
func (s *Store) CheckDeskPIN(ctx context.Context, pin string) (bool, error) {
	stored, err := s.deskPINHash(ctx)
	if err != nil || stored == "" {
		return false, err
	}
	parts := strings.Split(stored, "$")
	if len(parts) != 4 || parts[0] != pinScheme {
		return false, fmt.Errorf("desk PIN: unknown hash %q", parts[0])
	}
	iter, err := strconv.Atoi(parts[1])
	if err != nil || iter < 1 || iter > 10*pinIterations {
		return false, fmt.Errorf("desk PIN: bad iteration count %q", parts[1])
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[2])
	if err != nil {
		return false, fmt.Errorf("desk PIN: bad salt: %w", err)
	}
	got, err := hashPIN(pin, salt, iter)
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(stored)) == 1, nil
}

func (s *Store) deskPINHash(ctx context.Context) (string, error) {
	var h string
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT hash FROM desk_pin WHERE id = 1").Scan(&h)
		if err == sql.ErrNoRows {
			return nil
		}
		return err
	})
	return h, err
}

// hashPIN writes the self-describing hash of pin: the scheme, the
// iterations, the salt and the key.
func hashPIN(pin string, salt []byte, iter int) (string, error) {
	key, err := pbkdf2.Key(sha256.New, pin, salt, iter, pinKeyLen)
	if err != nil {
		return "", err
	}
	enc := base64.RawStdEncoding
	return pinScheme + "$" + strconv.Itoa(iter) + "$" + enc.EncodeToString(salt) + "$" + enc.EncodeToString(key), nil
}
