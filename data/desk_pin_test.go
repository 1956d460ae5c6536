package data_test

import (
	"bytes"
	"encoding/base64"
	"os"
	"strconv"
	"strings"
	"testing"

	. "congres/data"
)

func TestDeskPIN(t *testing.T) {
	s := mustOpen(t)
	const pin = "730194685521"
	t.Run("None", func(t *testing.T) {
		if has, err := s.HasDeskPIN(ctx); has || err != nil {
			t.Fatal(has, err)
		}
		if ok, err := s.CheckDeskPIN(ctx, ""); ok || err != nil {
			t.Fatal(ok, err)
		}
	})
	t.Run("SetAndCheck", func(t *testing.T) {
		if err := s.SetDeskPIN(ctx, pin); err != nil {
			t.Fatal(err)
		}
		if has, err := s.HasDeskPIN(ctx); !has || err != nil {
			t.Fatal(has, err)
		}
		if ok, err := s.CheckDeskPIN(ctx, pin); !ok || err != nil {
			t.Fatal(ok, err)
		}
	})
	t.Run("Wrong", func(t *testing.T) {
		for _, wrong := range []string{"730194685520", "73019468552", "7301946855210", "", "abcd", " " + pin} {
			if ok, err := s.CheckDeskPIN(ctx, wrong); ok || err != nil {
				t.Fatalf("%q: %v %v", wrong, ok, err)
			}
		}
	})
	t.Run("NotInClear", func(t *testing.T) {
		var hash string
		if err := s.QueryRowForTest(ctx, "SELECT hash || set_at FROM desk_pin").Scan(&hash); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(hash, pin) || !strings.HasPrefix(hash, "pbkdf2-sha256$100000$") {
			t.Fatalf("stored: %q", hash)
		}
		if onServer() {
			return // no file to read: the row read is what the server keeps
		}
		// Nor anywhere in the file.
		if err := s.ExecForTest(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(s.Path())
		if err != nil || bytes.Contains(b, []byte(pin)) {
			t.Fatalf("the PIN is in the file (%v)", err)
		}
	})
	t.Run("Salted", func(t *testing.T) {
		hash := func() string {
			var h string
			if err := s.QueryRowForTest(ctx, "SELECT hash FROM desk_pin").Scan(&h); err != nil {
				t.Fatal(err)
			}
			return h
		}
		before := hash()
		if err := s.SetDeskPIN(ctx, pin); err != nil {
			t.Fatal(err)
		}
		if hash() == before {
			t.Fatal("the same PIN set twice gave the same hash: no salt")
		}
	})
	t.Run("ErrPINInvalid", func(t *testing.T) {
		for _, bad := range []string{"123", "1234567890123", "12a4", " 1234", "12 34", "١٢٣٤", "-1234"} {
			wantErr(t, s.SetDeskPIN(ctx, bad), ErrPINInvalid)
		}
		if ok, _ := s.CheckDeskPIN(ctx, pin); !ok {
			t.Fatal("a refused PIN replaced the good one")
		}
	})
	t.Run("Remove", func(t *testing.T) {
		if err := s.SetDeskPIN(ctx, ""); err != nil {
			t.Fatal(err)
		}
		if has, _ := s.HasDeskPIN(ctx); has {
			t.Fatal("still set")
		}
		if ok, _ := s.CheckDeskPIN(ctx, pin); ok {
			t.Fatal("a removed PIN still opens")
		}
		if err := s.SetDeskPIN(ctx, "0000"); err != nil {
			t.Fatal(err)
		}
		if ok, _ := s.CheckDeskPIN(ctx, "0000"); !ok {
			t.Fatal("a new PIN after removal")
		}
	})
}

// storeHash puts a hand-made PIN hash into the file, as another program
// could.
func storeHash(t *testing.T, s *Store, hash string) {
	t.Helper()
	if err := s.ExecForTest(ctx, "UPDATE desk_pin SET hash = ? WHERE id = 1", hash); err != nil {
		t.Fatal(err)
	}
}

// TestDeskPINWeakRefused: a stored hash weaker than Congrès writes (too few
// iterations, too short a salt) or unreadable is refused with a sentence,
// even with the right PIN, and cannot lock a desk.
func TestDeskPINWeakRefused(t *testing.T) {
	s := mustOpen(t)
	const pin = "4711"
	if err := s.SetDeskPIN(ctx, pin); err != nil {
		t.Fatal(err)
	}
	salt16 := bytes.Repeat([]byte{7}, 16)
	for name, c := range map[string]struct {
		salt []byte
		iter int
		want *Error
	}{
		"OneIteration":   {salt16, 1, ErrPINWeak},
		"TooFew":         {salt16, pinIterations - 1, ErrPINWeak},
		"ShortSalt":      {salt16[:8], pinIterations, ErrPINWeak},
		"NoSalt":         {nil, pinIterations, ErrPINWeak},
		"AbsurdlyMany":   {salt16, 10*pinIterations + 1, ErrPINDamaged},
		"NegativeOrZero": {salt16, 0, ErrPINWeak},
	} {
		t.Run(name, func(t *testing.T) {
			var hash string
			if c.iter > 0 && c.iter <= 10*pinIterations {
				var err error
				if hash, err = hashPIN(pin, c.salt, c.iter); err != nil {
					t.Fatal(err)
				}
			} else {
				hash = pinScheme + "$" + strconv.Itoa(c.iter) + "$" + base64.RawStdEncoding.EncodeToString(c.salt) + "$" +
					base64.RawStdEncoding.EncodeToString(make([]byte, pinKeyLen))
			}
			storeHash(t, s, hash)
			ok, err := s.CheckDeskPIN(ctx, pin)
			wantErr(t, err, c.want)
			if ok {
				t.Fatal("the right PIN opened a refused hash")
			}
			if KindOf(err) == KindInternal || !strings.Contains(Message(err, "fr"), "code organisateur") {
				t.Fatalf("no sentence: %v", err)
			}
			wantErr(t, s.LockDesk(ctx), c.want)
			if ok, err := s.UnlockDesk(ctx, pin); ok || err == nil {
				t.Fatal("a refused hash unlocked", ok, err)
			}
		})
	}
	t.Run("LockedNoMore", func(t *testing.T) {
		// A locked desk whose hash is then damaged or weakened by another
		// program is not locked any more: no PIN could ever unlock it.
		if err := s.SetDeskPIN(ctx, pin); err != nil {
			t.Fatal(err)
		}
		if err := s.LockDesk(ctx); err != nil {
			t.Fatal(err)
		}
		weak, err := hashPIN(pin, salt16, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range []string{weak, "garbage"} {
			storeHash(t, s, h)
			if locked, err := s.DeskLocked(ctx); locked || err != nil {
				t.Fatalf("hash %q: locked %v (%v): nobody could unlock it", h, locked, err)
			}
		}
	})
	t.Run("Damaged", func(t *testing.T) {
		for _, h := range []string{"md5$1$x$y", "pbkdf2-sha256$abc$x$y", "pbkdf2-sha256$100000$!!$y", "pbkdf2-sha256$100000$" +
			base64.RawStdEncoding.EncodeToString(salt16) + "$short", "garbage"} {
			storeHash(t, s, h)
			_, err := s.CheckDeskPIN(ctx, pin)
			wantErr(t, err, ErrPINDamaged)
		}
	})
}

// TestDeskLockInFile: the lock is kept in the file it protects: reopened,
// the file is still locked; another file is not; the PIN unlocks it; a
// file without a PIN cannot be locked; removing the PIN unlocks.
func TestDeskLockInFile(t *testing.T) {
	s := mustOpen(t)
	other := mustOpen(t)
	wantErr(t, s.LockDesk(ctx), ErrPINNone)
	if err := s.SetDeskPIN(ctx, "2468"); err != nil {
		t.Fatal(err)
	}
	if locked, err := s.DeskLocked(ctx); locked || err != nil {
		t.Fatal("a new PIN locked the desk", locked, err)
	}
	if err := s.LockDesk(ctx); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if locked, err := s.DeskLocked(ctx); !locked || err != nil {
		t.Fatal("reopened, the file is no longer locked", locked, err)
	}
	if locked, _ := other.DeskLocked(ctx); locked {
		t.Fatal("another file is locked")
	}
	if ok, err := s.UnlockDesk(ctx, "1357"); ok || err != nil {
		t.Fatal("a wrong PIN unlocked", ok, err)
	}
	if locked, _ := s.DeskLocked(ctx); !locked {
		t.Fatal("a wrong PIN unlocked")
	}
	if err := s.SetDeskPIN(ctx, "1357"); err != nil { // a new PIN keeps the lock
		t.Fatal(err)
	}
	if locked, _ := s.DeskLocked(ctx); !locked {
		t.Fatal("changing the PIN unlocked")
	}
	if ok, err := s.UnlockDesk(ctx, "1357"); !ok || err != nil {
		t.Fatal("the right PIN did not unlock", ok, err)
	}
	if locked, _ := s.DeskLocked(ctx); locked {
		t.Fatal("still locked")
	}
	if err := s.LockDesk(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDeskPIN(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if locked, _ := s.DeskLocked(ctx); locked {
		t.Fatal("locked without a PIN")
	}
}
