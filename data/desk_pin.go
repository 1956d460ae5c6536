package data

import (
	"context"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"strconv"
	"strings"
)

// The organiser's PIN locks a desk to the Accueil screen. The file keeps a
// salted PBKDF2-SHA-256 hash of it, never the PIN itself, and whether its
// desk is locked: the lock goes with the file, not with the laptop.
//
// The lock keeps a volunteer on the welcome desk screen of Congrès. It does
// not protect the file's data: whoever has the file can read it with any
// SQLite tool, or remove the PIN.

const (
	pinScheme     = "pbkdf2-sha256"
	pinIterations = 100_000
	pinSaltLen    = 16
	pinKeyLen     = 32
	// A stored hash with fewer iterations or a shorter salt than Congrès
	// writes was not written by it, and is refused rather than trusted.
	pinMinIterations = pinIterations
	pinMinSaltLen    = pinSaltLen
)

var (
	// ErrPINWeak: a stored PIN hash weaker than Congrès writes.
	ErrPINWeak = newErr(KindInvalid, "pin_weak", "pin",
		"The organiser PIN kept in this file was not stored by Congrès: its hash is too weak to be trusted (%d iterations and a salt of %d bytes, where Congrès uses %d and %d). Set the PIN again in Settings → This laptop.",
		"Le code organisateur gardé dans ce fichier n'a pas été enregistré par Congrès : son empreinte est trop faible pour être fiable (%d itérations et un sel de %d octets, là où Congrès en utilise %d et %d). Définissez à nouveau le code organisateur dans Paramètres → Cet ordinateur.")
	// ErrPINDamaged: a stored PIN hash that cannot be read.
	ErrPINDamaged = newErr(KindInvalid, "pin_damaged", "pin",
		"The organiser PIN kept in this file cannot be read (it was changed by another program). Set the PIN again in Settings → This laptop.",
		"Le code organisateur gardé dans ce fichier est illisible (un autre programme l'a modifié). Définissez à nouveau le code organisateur dans Paramètres → Cet ordinateur.")
	// ErrPINNone: locking a desk needs a PIN to unlock it.
	ErrPINNone = newErr(KindInvalid, "pin_none", "pin",
		"Set an organiser PIN first, in Settings → This laptop: it is what unlocks the desk.",
		"Définissez d'abord un code organisateur, dans Paramètres → Cet ordinateur : c'est lui qui déverrouille l'accueil.")
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
		return s.write(ctx, func(tx *sqlTx) error {
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
	return s.write(ctx, func(tx *sqlTx) error {
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
	return checkPIN(pin, stored)
}

// checkPIN compares pin with a stored hash; a hash that cannot be read, or
// weaker than Congrès writes (ErrPINWeak), is refused whatever the PIN.
func checkPIN(pin, stored string) (bool, error) {
	iter, salt, err := pinParams(stored)
	if err != nil {
		return false, err
	}
	got, err := hashPIN(pin, salt, iter)
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(stored)) == 1, nil
}

// pinParams reads the iterations and the salt of a stored hash, and refuses
// those Congrès does not write: too few iterations or too short a salt
// (ErrPINWeak), absurdly many iterations or an unreadable hash
// (ErrPINDamaged).
func pinParams(stored string) (iter int, salt []byte, err error) {
	parts := strings.Split(stored, "$")
	if len(parts) != 4 || parts[0] != pinScheme {
		return 0, nil, ErrPINDamaged
	}
	iter, err = strconv.Atoi(parts[1])
	if err != nil || iter > 10*pinIterations {
		return 0, nil, ErrPINDamaged
	}
	salt, err = base64.RawStdEncoding.DecodeString(parts[2])
	if err != nil {
		return 0, nil, ErrPINDamaged
	}
	if key, err := base64.RawStdEncoding.DecodeString(parts[3]); err != nil || len(key) != pinKeyLen {
		return 0, nil, ErrPINDamaged
	}
	if iter < pinMinIterations || len(salt) < pinMinSaltLen {
		return 0, nil, ErrPINWeak.With(iter, len(salt), pinIterations, pinSaltLen)
	}
	return iter, salt, nil
}

// DeskLocked reports whether the file's desk is locked: never without a
// PIN, and never with a stored hash that Congrès refuses (ErrPINWeak,
// ErrPINDamaged): no PIN could open such a lock, and a desk that nobody can
// unlock, not even to quit, would hold the window hostage. The organiser
// then sets the PIN again in Settings.
func (s *Store) DeskLocked(ctx context.Context) (bool, error) {
	var locked bool
	var stored string
	err := s.read(ctx, func(tx *sqlTx) error {
		err := tx.QueryRowContext(ctx, "SELECT locked, hash FROM desk_pin WHERE id = 1").Scan(&locked, &stored)
		if err == sql.ErrNoRows {
			return nil
		}
		return err
	})
	if _, _, perr := pinParams(stored); locked && perr != nil {
		return false, err
	}
	return locked, err
}

// LockDesk locks the file's desk. It needs a PIN Congrès accepts to unlock
// it: ErrPINNone without one, ErrPINWeak or ErrPINDamaged with one it
// refuses.
func (s *Store) LockDesk(ctx context.Context) error {
	return s.write(ctx, func(tx *sqlTx) error {
		var stored string
		err := tx.QueryRowContext(ctx, "SELECT hash FROM desk_pin WHERE id = 1").Scan(&stored)
		if err == sql.ErrNoRows {
			return ErrPINNone
		}
		if err != nil {
			return err
		}
		if _, _, err := pinParams(stored); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE desk_pin SET locked = TRUE WHERE id = 1")
		return err
	})
}

// UnlockDesk unlocks the file's desk when pin is the organiser's PIN, and
// reports whether it was, even when the file could not be written (read
// only, say: the error says so); a file without a PIN is never locked. The
// PIN is checked outside the write, which only clears the flag if the PIN
// checked is still the one stored.
func (s *Store) UnlockDesk(ctx context.Context, pin string) (bool, error) {
	stored, err := s.deskPINHash(ctx)
	if err != nil || stored == "" {
		return err == nil, err
	}
	if ok, err := checkPIN(pin, stored); err != nil || !ok {
		return false, err
	}
	err = s.write(ctx, func(tx *sqlTx) error {
		_, err := tx.ExecContext(ctx, "UPDATE desk_pin SET locked = FALSE WHERE id = 1 AND hash = ?", stored)
		return err
	})
	return true, err
}

func (s *Store) deskPINHash(ctx context.Context) (string, error) {
	var h string
	err := s.read(ctx, func(tx *sqlTx) error {
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
