package data

import (
	"bytes"
	"os"
	"strings"
	"testing"
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
		if err := s.r.QueryRowContext(ctx, "SELECT group_concat(hash || set_at) FROM desk_pin").Scan(&hash); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(hash, pin) || !strings.HasPrefix(hash, "pbkdf2-sha256$100000$") {
			t.Fatalf("stored: %q", hash)
		}
		// Nor anywhere in the file.
		if _, err := s.w.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
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
			if err := s.r.QueryRowContext(ctx, "SELECT hash FROM desk_pin").Scan(&h); err != nil {
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
