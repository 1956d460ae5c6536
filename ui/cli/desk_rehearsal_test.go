package cli

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"congres/data"
	"congres/data/stores"
)

// rehearsalFile is a congress on days, with one person expected on them.
func rehearsalFile(t *testing.T, days ...data.Day) (string, data.Participant) {
	t.Helper()
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "rehearsal.congres")
	s, err := stores.Create(ctx, file, data.Congress{Name: "Congrès", Days: days})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cats, _ := s.Categories(ctx)
	p := data.Participant{FirstName: "Anne", LastName: "Test", CategoryID: cats[0].ID, Status: data.StatusConfirmed, Days: days}
	if err := s.CreateParticipant(ctx, &p); err != nil {
		t.Fatal(err)
	}
	return file, p
}

// entries counts the person's real arrivals and session entries that no
// undo cancels, and those of the rehearsal.
func entries(t *testing.T, file string, id int64) (real, rehearsal int) {
	t.Helper()
	s, err := stores.Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, read := range []func(context.Context, int64) ([]data.Checkin, error){s.CheckinLog, s.RehearsalLog} {
		log, err := read(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range log {
			if c.Kind != data.Undo && !c.Undone {
				if i == 0 {
					real++
				} else {
					rehearsal++
				}
			}
		}
	}
	return real, rehearsal
}

func TestCLICheckinRehearsal(t *testing.T) {
	const day1, day2 = data.Day("2021-11-25"), data.Day("2021-11-26")
	file, anne := rehearsalFile(t, day1, day2)

	t.Run("OutsideTheDaysRefuses", func(t *testing.T) {
		out, err := runCLI(t, "checkin", file, anne.Code)
		msg := message(err)
		if exitCode(err) != 1 || !strings.Contains(msg, "is not a day of the congress (2021-11-25, 2021-11-26)") ||
			!strings.Contains(msg, "--day YYYY-MM-DD") || !strings.Contains(msg, "--rehearsal") || !strings.Contains(msg, "checkin FILE|URL CODE") {
			t.Fatalf("%q %v", out, msg)
		}
		if real, rehearsal := entries(t, file, anne.ID); real != 0 || rehearsal != 0 {
			t.Fatalf("refused, yet %d real and %d rehearsal entries", real, rehearsal)
		}
		_, err = runIn(t, "fr", "checkin", file, anne.Code)
		if msg := messageIn("fr", err); !strings.Contains(msg, "n'est pas un jour du congrès") || !strings.Contains(msg, "--rehearsal") {
			t.Fatal(msg)
		}
	})
	t.Run("Rehearsal", func(t *testing.T) {
		out, err := runCLI(t, "checkin", file, anne.Code, "--rehearsal", "--desk", "Accueil 1")
		if err != nil || !strings.Contains(out, "Rehearsal — nothing is counted: Checked in on 2021-11-25") {
			t.Fatalf("%q %v", out, err)
		}
		if real, rehearsal := entries(t, file, anne.ID); real != 0 || rehearsal != 1 {
			t.Fatalf("%d real and %d rehearsal entries", real, rehearsal)
		}
		// Scanned again: already in, in the rehearsal too.
		out, _ = runCLI(t, "checkin", file, anne.Code, "--rehearsal")
		if !strings.Contains(out, "Already") {
			t.Fatalf("a second rehearsal scan: %q", out)
		}
		if _, rehearsal := entries(t, file, anne.ID); rehearsal != 1 {
			t.Fatalf("%d rehearsal entries after a second scan", rehearsal)
		}
		out, err = runIn(t, "fr", "checkin", file, anne.Code, "--rehearsal", "--yes")
		if err != nil || !strings.Contains(out, "Répétition — rien n'est compté : Déjà enregistré·e") {
			t.Fatalf("%q %v", out, err)
		}
	})
	t.Run("Undo", func(t *testing.T) {
		if _, err := runCLI(t, "undo", file, anne.Code); exitCode(err) != 1 || !strings.Contains(message(err), "no check-in left to undo") {
			t.Fatalf("the real undo: %v", err)
		}
		out, err := runCLI(t, "undo", file, anne.Code, "--rehearsal")
		if err != nil || out != "Rehearsal — Anne Test: arrival on 2021-11-25 undone.\n" {
			t.Fatalf("%q %v", out, err)
		}
		if real, rehearsal := entries(t, file, anne.ID); real != 0 || rehearsal != 0 {
			t.Fatalf("%d real and %d rehearsal entries", real, rehearsal)
		}
	})
	t.Run("DayIsReal", func(t *testing.T) {
		out, err := runCLI(t, "checkin", file, anne.Code, "--day", "2021-11-26")
		if err != nil || strings.Contains(out, "Rehearsal") || !strings.Contains(out, "Checked in on 2021-11-26") {
			t.Fatalf("%q %v", out, err)
		}
		if real, rehearsal := entries(t, file, anne.ID); real != 1 || rehearsal != 0 {
			t.Fatalf("%d real and %d rehearsal entries", real, rehearsal)
		}
	})
	t.Run("Help", func(t *testing.T) {
		for _, lang := range []string{"en", "fr"} {
			for _, cmd := range []string{"checkin", "undo"} {
				out, err := runIn(t, lang, cmd, "-h")
				if err != nil || !strings.Contains(out, "--rehearsal") || out != lookup(cmd).usage(lang) {
					t.Fatalf("%s -h (%s): %q %v", cmd, lang, out, err)
				}
			}
		}
	})
}

// TestCLICheckinCongressDay: on a day of the congress, checkin records
// today's real arrival with no flag.
func TestCLICheckinCongressDay(t *testing.T) {
	today := data.Day(time.Now().Format(time.DateOnly))
	file, anne := rehearsalFile(t, today)
	out, err := runCLI(t, "checkin", file, anne.Code)
	if err != nil || strings.Contains(out, "Rehearsal") || !strings.Contains(out, "Checked in on "+string(today)) {
		t.Fatalf("%q %v", out, err)
	}
	if real, rehearsal := entries(t, file, anne.ID); real != 1 || rehearsal != 0 {
		t.Fatalf("%d real and %d rehearsal entries", real, rehearsal)
	}
}

// TestCLICheckinDoorOutsideTheDays: at a session's door outside the
// congress days, checkin refuses as at the desk (in both languages) and
// records nothing, unless --rehearsal (a rehearsal entry) or --day (a real
// entry) says which.
func TestCLICheckinDoorOutsideTheDays(t *testing.T) {
	const day1 = data.Day("2021-11-25")
	file, anne := rehearsalFile(t, day1)
	s, err := stores.Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	se := data.Session{Kind: data.KindWorkshop, Title: "Atelier", Day: day1, Start: 600, End: 690}
	if err := s.SaveSession(context.Background(), &se); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Enrol(context.Background(), anne.ID, se.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	id := strconv.FormatInt(se.ID, 10)
	for lang, want := range map[string]string{"en": "is not a day of the congress", "fr": "n'est pas un jour du congrès"} {
		_, err := runIn(t, lang, "checkin", file, anne.Code, "--session", id)
		if msg := messageIn(lang, err); exitCode(err) != 1 || !strings.Contains(msg, want) || !strings.Contains(msg, "--rehearsal") {
			t.Fatalf("%s: %v", lang, msg)
		}
	}
	if real, rehearsal := entries(t, file, anne.ID); real != 0 || rehearsal != 0 {
		t.Fatalf("refused, yet %d real and %d rehearsal entries", real, rehearsal)
	}
	out, err := runCLI(t, "checkin", file, anne.Code, "--session", id, "--rehearsal")
	if err != nil || !strings.Contains(out, "Rehearsal — nothing is counted: Entered “Atelier”") {
		t.Fatalf("%q %v", out, err)
	}
	out, err = runCLI(t, "checkin", file, anne.Code, "--session", id, "--day", string(day1))
	if err != nil || strings.Contains(out, "Rehearsal") || !strings.Contains(out, "Entered “Atelier”") {
		t.Fatalf("%q %v", out, err)
	}
	if real, rehearsal := entries(t, file, anne.ID); real != 1 || rehearsal != 1 {
		t.Fatalf("%d real and %d rehearsal entries", real, rehearsal)
	}
}
