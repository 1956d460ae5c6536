// Package sqlitetest gives the tests of the congress file (data/sqlite's
// and data's own) what they share: a test congress, people to add, the
// file's bytes and its companions, and a check of data's sentences. Only
// tests import it.
package sqlitetest

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"testing"
	"time"

	"congres/data"
)

// The test congress's days.
const (
	Day1 data.Day = "2021-11-25"
	Day2 data.Day = "2021-11-26"
)

// Congress is the congress the tests create.
var Congress = data.Congress{Name: "Congrès de test", Edition: "19e", City: "Lille", Days: []data.Day{Day1, Day2}}

// NewPerson returns a valid participant of s's congress, not saved.
func NewPerson(tb testing.TB, s *data.Store, first, last string) data.Participant {
	tb.Helper()
	cats, err := s.Categories(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range cats {
		if c.Name == "Adhérent·e" {
			return data.Participant{FirstName: first, LastName: last, CategoryID: c.ID,
				Status: data.StatusConfirmed, Days: []data.Day{Day1, Day2}}
		}
	}
	tb.Fatal("no category Adhérent·e")
	return data.Participant{}
}

// AddPerson saves a participant.
func AddPerson(tb testing.TB, s *data.Store, first, last string) data.Participant {
	tb.Helper()
	p := NewPerson(tb, s, first, last)
	if err := s.CreateParticipant(context.Background(), &p); err != nil {
		tb.Fatal(err)
	}
	return p
}

// WantErr checks that err is the template want, with a message in both
// languages.
func WantErr(tb testing.TB, err error, want *data.Error) {
	tb.Helper()
	if !errors.Is(err, want) {
		tb.Fatalf("got error %v, want %s", err, want.Code)
	}
	var e *data.Error
	errors.As(err, &e)
	if e.Message("fr") == "" || e.Message("en") == "" || e.Message("fr") == e.Message("en") {
		tb.Fatalf("error %s lacks a message in both languages: fr=%q en=%q", e.Code, e.Message("fr"), e.Message("en"))
	}
}

// Companions are a file and what SQLite and Congrès may keep beside it.
var Companions = []string{"", "-wal", "-shm", "-journal", "-lock"}

// FileSums returns the sha256 of path and of each companion ("" when
// absent).
func FileSums(tb testing.TB, path string) map[string]string {
	tb.Helper()
	m := map[string]string{}
	for _, c := range Companions {
		b, err := os.ReadFile(path + c)
		if err != nil {
			m[c] = ""
			continue
		}
		s := sha256.Sum256(b)
		m[c] = string(s[:])
	}
	return m
}

// BackedUpFile makes a congress of n people in a new file, with create
// (sqlite.Create), backs it up, closes it and returns the file's path and
// the backup's.
func BackedUpFile(tb testing.TB, n int, create func(context.Context, string, data.Congress) (*data.Store, error)) (path, backup string) {
	tb.Helper()
	ctx := context.Background()
	s, err := create(ctx, tb.TempDir()+string(os.PathSeparator)+"test"+data.Extension, Congress)
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	for i := range n {
		AddPerson(tb, s, "Personne", string(rune('A'+i)))
	}
	if backup, err = s.Backup(ctx); err != nil {
		tb.Fatal(err)
	}
	return s.Path(), backup
}

// FixedClock stops s's clock at t, and returns where to move it.
func FixedClock(s *data.Store, t time.Time) *time.Time {
	now := t
	s.SetClock(func() time.Time { return now })
	return &now
}
