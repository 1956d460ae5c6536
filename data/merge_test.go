package data

import "testing"

func TestMergeParticipants(t *testing.T) {
	s := mustOpen(t)
	room := addRoom(t, s, "Salle Artois", 1)
	full := addSession(t, s, "Atelier complet", day1, "14:00", "15:30", room.ID)
	same := addSession(t, s, "Même heure", day1, "14:00", "15:00", 0)
	later := addSession(t, s, "Plus tard", day1, "16:00", "17:00", 0)

	keep := newPerson(t, s, "Éric", "Béasse")
	keep.Days = []Day{day1}
	s.CreateParticipant(ctx, &keep)
	drop := newPerson(t, s, "Eric", "Beasse")
	drop.Email, drop.Phone, drop.Days, drop.Notes = "eric@jardins.fr", "06 12 34 56 78", []Day{day2}, "Arrive en train"
	s.CreateParticipant(ctx, &drop)
	waiting := addPerson(t, s, "Anne", "Martin")

	mustEnrol := func(p Participant, se Session) {
		t.Helper()
		if _, err := s.Enrol(ctx, p.ID, se.ID); err != nil {
			t.Fatal(err)
		}
	}
	mustEnrol(keep, same)
	mustEnrol(drop, full) // clashes with keep's "Même heure": given up, which frees a place
	mustEnrol(waiting, full)
	mustEnrol(drop, later)
	arrival, err := s.CheckIn(ctx, drop.ID, day1, 0, "Accueil 1")
	if err != nil {
		t.Fatal(err)
	}
	s.RecordBadgePrints(ctx, "A4", drop.ID)

	rep, err := s.MergeParticipants(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Moved != 1 || len(rep.Dropped) != 1 || rep.Dropped[0] != "Atelier complet" {
		t.Fatalf("report %+v", rep)
	}
	got, _ := s.Participant(ctx, keep.ID)
	if got.Email != "eric@jardins.fr" || got.Phone == "" || len(got.Days) != 2 || got.Notes != "Arrive en train" {
		t.Fatalf("kept record %+v", got)
	}
	_, err = s.Participant(ctx, drop.ID)
	wantErr(t, err, ErrNotFound)
	log, _ := s.CheckinLog(ctx, keep.ID)
	if len(log) != 1 || log[0].ID != arrival.ID || !log[0].At.Equal(arrival.At) {
		t.Fatalf("check-ins %+v", log)
	}
	if prints, _ := s.BadgePrints(ctx, keep.ID); len(prints) != 1 {
		t.Fatal("badge print not moved")
	}
	mine, _ := s.ParticipantEnrolments(ctx, keep.ID)
	if len(mine) != 2 || mine[0].SessionTitle != "Même heure" || mine[1].SessionTitle != "Plus tard" {
		t.Fatalf("enrolments %+v", mine)
	}
	// The place given up went to the person waiting.
	list, _ := s.SessionEnrolments(ctx, full.ID)
	if len(list) != 1 || list[0].ParticipantID != waiting.ID || list[0].Status != Enrolled {
		t.Fatalf("full session %+v", list)
	}
	t.Run("ErrMergeSelf", func(t *testing.T) {
		_, err := s.MergeParticipants(ctx, keep.ID, keep.ID)
		wantErr(t, err, ErrMergeSelf)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := s.MergeParticipants(ctx, keep.ID, 9999)
		wantErr(t, err, ErrNotFound)
	})
}

func init() {
	// Migration 7 added code aliases and whole rows in the merge log.
	undoMigration[7] = []string{"DROP TRIGGER participant_code_not_alias", "DROP TRIGGER participant_recode_not_alias",
		"DROP TABLE code_alias", "ALTER TABLE merge_log DROP COLUMN dropped_id",
		"ALTER TABLE merge_log DROP COLUMN kept_row", "ALTER TABLE merge_log DROP COLUMN dropped_row"}
}
